package org.gtt.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/** A folder on the class path as a {@link Path}, whether it sits in target/classes or inside the shaded jar. */
public final class BundledFiles {
    private BundledFiles() {}

    /**
     * The class-path folder {@code folder}, found through a file known to be in it: a jar need not
     * list its folders, so only a file can be looked up reliably.
     */
    public static Path folder(String folder, String knownFile) {
        Path file = file(folder + "/" + knownFile);
        Path dir = file;
        for (int i = 0; i < knownFile.split("/").length; i++) dir = dir.getParent();
        return dir;
    }

    private static Path file(String resource) {
        URL url = BundledFiles.class.getClassLoader().getResource(resource);
        if (url == null) throw new IllegalStateException("not on the class path: " + resource);
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) return Path.of(uri);
            try {
                FileSystems.newFileSystem(uri, Map.of());
            } catch (FileSystemAlreadyExistsException alreadyOpen) {
                // opened by an earlier call: Path.of(uri) below finds it
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException e) {
            throw new UncheckedIOException(new IOException("cannot open bundled folder " + resource, e));
        }
    }
}
