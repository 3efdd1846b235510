package org.gtt.site;

import org.gtt.content.Lang;

/** The words of the page frame (not of the lessons) in each language. */
public record UiText(
        String otherLanguageName,
        String languageSwitchLabel,
        String skipToContent,
        String lessons,
        String onThisPage,
        String previous,
        String next,
        String lastUpdated,
        String fallbackNotice,
        String startCourse,
        String notFoundTitle,
        String notFoundBody,
        String backHome,
        String lessonErrorTitle,
        Search search) {

    /** The search box's words; {@code found} holds "{n}" for the number of sections found. */
    public record Search(String label, String placeholder, String results, String loading, String found,
                         String none, String unavailable) {}

    private static final UiText EN = new UiText(
            "中文",
            "Read this page in Chinese",
            "Skip to content",
            "Lessons",
            "On this page",
            "Previous",
            "Next",
            "Last updated",
            "This lesson has not been written in English yet; below is the Chinese text.",
            "Start the course",
            "Page not found",
            "There is no page at this address. It may have moved, or the link may be mistyped.",
            "Go to the course home page",
            "This content could not be built",
            new Search("Search the course", "Search the course (press /)", "Search results", "Loading the search index…",
                    "{n} sections found; use the arrow keys and Enter to open one.", "No section matches these words.",
                    "Search could not load."));

    private static final UiText ZH = new UiText(
            "English",
            "阅读本页的英文版",
            "跳到正文",
            "课程目录",
            "本页内容",
            "上一课",
            "下一课",
            "最后更新",
            "本课尚无中文版，以下为英文原文。",
            "开始学习",
            "页面不存在",
            "这个地址没有页面。它可能已被移动，或者链接有误。",
            "返回课程首页",
            "以下内容无法生成",
            new Search("搜索课程", "搜索课程（按 / 键）", "搜索结果", "正在加载搜索索引…",
                    "找到 {n} 个小节，用方向键和回车键打开。", "没有小节包含这些词。", "搜索无法加载。"));

    public static UiText of(Lang lang) {
        return lang == Lang.ZH ? ZH : EN;
    }
}
