package org.gtt.site;

import java.util.List;
import org.gtt.content.CourseInfo;
import org.gtt.content.Lang;

/** What the page frame (layout.jte) needs: language, titles, navigation and where things are. */
public record PageModel(
        Lang lang,
        String title,
        String description,
        CourseInfo course,
        UiText text,
        Linker links,
        String homeHref,
        String switchHref,
        List<NavItem> nav,
        boolean math) {

    public record NavItem(String href, String title, String summary, boolean current) {}

    public String otherHtmlLang() {
        return lang.other().htmlLang();
    }
}
