package org.gtt.site;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.resolve.DirectoryCodeResolver;
import java.nio.file.Path;

/** The jte engine: precompiled classes in the jar, or the template sources for live editing. */
public final class Templates {
    private Templates() {}

    public static TemplateEngine precompiled() {
        return TemplateEngine.createPrecompiled(ContentType.Html);
    }

    /** Recompiles a template when its file changes on disk (serve --dev). */
    public static TemplateEngine fromSources(Path templateDir, Path classDir) {
        return TemplateEngine.create(new DirectoryCodeResolver(templateDir), classDir, ContentType.Html);
    }
}
