package org.corridor.roster;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A synthetic district of about 10,000 users for the import timing (BENCHMARKS.md): the generated medium
 * district (837 users, 8 schools) copied {@link #COPIES} times, every sourcedId but the district's made unique
 * per copy, and emails, student numbers and school names too. One district org, 96 schools, 10,044 users,
 * 4,368 classes, 69,720 enrollments.
 */
final class TenThousandUsers {
    static final int COPIES = 12;
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private TenThousandUsers() {
    }

    static Map<String, byte[]> set() {
        Map<String, byte[]> source = RosterSets.files(RosterSets.GENERATED);
        String orgs = text(source, "orgs.csv");
        String district = orgs.lines().filter(l -> l.contains(",district,")).findFirst().orElseThrow().split(",")[0];
        Map<String, byte[]> scaled = new LinkedHashMap<>();
        scaled.put("manifest.csv", source.get("manifest.csv"));
        for (String file : new String[] {"orgs.csv", "academicSessions.csv", "users.csv", "classes.csv", "enrollments.csv"}) {
            String[] lines = text(source, file).split("\r\n|\n");
            StringBuilder out = new StringBuilder(lines[0]).append("\r\n");
            for (int copy = 0; copy < COPIES; copy++) {
                for (int i = 1; i < lines.length; i++) {
                    String line = lines[i];
                    if (line.isEmpty() || file.equals("orgs.csv") && line.startsWith(district) && copy > 0) {
                        continue;
                    }
                    out.append(copy(line, file, copy, district)).append("\r\n");
                }
            }
            scaled.put(file, out.toString().getBytes(StandardCharsets.UTF_8));
        }
        return scaled;
    }

    private static String copy(String line, String file, int copy, String district) {
        Matcher ids = UUID.matcher(line);
        StringBuilder out = new StringBuilder();
        while (ids.find()) {
            ids.appendReplacement(out, ids.group().equals(district) ? ids.group() : ids.group() + "-" + copy);
        }
        ids.appendTail(out);
        String result = out.toString();
        if (file.equals("users.csv")) {
            String[] f = result.split(",", -1);
            f[11] = f[11].isEmpty() ? "" : copy + f[11];
            f[12] = f[12].replace("@", "." + copy + "@");
            result = String.join(",", f);
        } else if (file.equals("orgs.csv") && !result.contains(",district,")) {
            String[] f = result.split(",", -1);
            f[3] = f[3] + " " + copy;
            result = String.join(",", f);
        }
        return result;
    }

    private static String text(Map<String, byte[]> files, String name) {
        return new String(files.get(name), StandardCharsets.UTF_8);
    }
}
