package org.gtt.content;

import java.util.Optional;

/** The languages a lesson can be written in. The default language lives at the site root. */
public enum Lang {
    EN("en", "en"),
    ZH("zh", "zh-Hans");

    public static final Lang DEFAULT = EN;

    private final String code;
    private final String htmlLang;

    Lang(String code, String htmlLang) {
        this.code = code;
        this.htmlLang = htmlLang;
    }

    /** The folder name and URL prefix: "en", "zh". */
    public String code() {
        return code;
    }

    /** The value for {@code <html lang>}: "en", "zh-Hans". */
    public String htmlLang() {
        return htmlLang;
    }

    /** The other language, for the language switch and for fallbacks. */
    public Lang other() {
        return this == EN ? ZH : EN;
    }

    public static Optional<Lang> fromCode(String code) {
        for (Lang lang : values()) {
            if (lang.code.equals(code)) {
                return Optional.of(lang);
            }
        }
        return Optional.empty();
    }

    /** "en, zh", for error messages. */
    static String allowedCodes() {
        StringBuilder codes = new StringBuilder();
        for (Lang lang : values()) {
            codes.append(codes.length() == 0 ? "" : ", ").append(lang.code);
        }
        return codes.toString();
    }
}
