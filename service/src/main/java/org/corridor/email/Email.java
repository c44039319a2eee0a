package org.corridor.email;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.web.util.HtmlUtils;

/**
 * One email to one person: a subject, paragraphs of plain text, and the links to the
 * screens (none when Corridor's public address is not configured). The HTML part says the
 * same as the text part.
 */
record Email(String notificationId, String to, String subject, List<String> paragraphs, List<Link> links) {

    record Link(String label, String url) {
    }

    String text() {
        StringBuilder text = new StringBuilder(String.join("\n\n", paragraphs));
        links.forEach(link -> text.append("\n\n").append(link.label()).append(":\n").append(link.url()));
        return text.append('\n').toString();
    }

    String html() {
        return "<!doctype html><html><body>"
                + paragraphs.stream().map(p -> "<p>" + HtmlUtils.htmlEscape(p) + "</p>").collect(Collectors.joining())
                + links.stream()
                    .map(link -> "<p><a href=\"" + HtmlUtils.htmlEscape(link.url()) + "\">"
                            + HtmlUtils.htmlEscape(link.label()) + "</a></p>")
                    .collect(Collectors.joining())
                + "</body></html>";
    }

}
