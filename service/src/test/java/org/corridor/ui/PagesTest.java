package org.corridor.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every page of the web front end (admin-ui) has the shared head and loads its code as
 * modules from files: no inline script, style or event handler, so a
 * Content-Security-Policy without 'unsafe-inline' can be set without breaking a screen.
 */
class PagesTest {

    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL);

    record Page(String name, String html) {
    }

    private static List<Page> pages() throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver()
            .getResources("classpath*:META-INF/resources/*.html");
        List<Page> pages = Arrays.stream(found).map(r -> {
            try {
                return new Page(r.getFilename(), r.getContentAsString(StandardCharsets.UTF_8));
            }
            catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(pages).extracting(Page::name).contains("index.html", "student.html", "teacher.html");
        return pages;
    }

    @Test
    void everyPageHasTheSharedHead() throws IOException {
        for (Page page : pages()) {
            assertThat(page.html()).as(page.name())
                .contains("<html lang=\"en\">")
                .contains("<meta charset=\"utf-8\">")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">")
                .contains("<link rel=\"stylesheet\" href=\"/corridor.css\">")
                .containsPattern("<title>[^<]*Corridor[^<]*</title>")
                .contains("<main id=\"main\"")
                .contains("id=\"error\" role=\"alert\"");
        }
    }

    @Test
    void scriptsAreModulesLoadedFromFiles() throws IOException {
        for (Page page : pages()) {
            Matcher script = SCRIPT.matcher(page.html());
            int scripts = 0;
            while (script.find()) {
                scripts++;
                assertThat(script.group(1)).as(page.name()).matches(" type=\"module\" src=\"/[a-z-]+\\.js\"");
                assertThat(script.group(2)).as(page.name()).isBlank();
            }
            assertThat(scripts).as(page.name() + ": its one script").isEqualTo(1);
        }
    }

    @Test
    void noInlineStyleOrEventHandler() throws IOException {
        for (Page page : pages()) {
            assertThat(page.html()).as(page.name())
                .doesNotContain("<style")
                .doesNotContainPattern("\\sstyle=")
                .doesNotContainPattern("\\son[a-z]+=")
                .doesNotContain("javascript:");
        }
    }

}
