package org.gtt.content;

/** The course's title and description in one language, from content/course.yml. */
public record CourseInfo(String title, String description) {
}
