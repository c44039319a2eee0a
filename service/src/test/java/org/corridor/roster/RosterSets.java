package org.corridor.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Roster sets for tests: the hand-made fixtures (ours, in
 * {@code src/test/resources/roster}), any set zipped in memory; and the clean-up. The
 * generated district is {@link GeneratedDistrict}.
 */
public final class RosterSets {

    private RosterSets() {
    }

    static Path fixture(String name) {
        return Path.of("src/test/resources/roster", name);
    }

    /** The folder's CSV files as one zip. */
    static byte[] zip(Path folder) {
        return zip(files(folder));
    }

    static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Map<String, byte[]> files(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            Map<String, byte[]> files = new java.util.TreeMap<>();
            for (Path p : list.filter(p -> p.toString().endsWith(".csv")).toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
            return files;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The generated district of {@code schools} schools as a bulk OneRoster 1.1 zip: for
     * tests of other packages (the roster screen's timing).
     */
    public static byte[] generatedZip(int schools) {
        return zip(new GeneratedDistrict(schools).bulkV11());
    }

    static ByteArrayResource named(String name, byte[] bytes) {
        return new ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    /**
     * Removes everything rosters brought into the demo district, passes first (their
     * history points at it).
     */
    public static void forgetImports(JdbcTemplate jdbc) {
        jdbc.update("delete from pass_event");
        jdbc.update("delete from pass_flag");
        jdbc.update("delete from hall_pass");
        jdbc.update("update destination_occupancy set out_now = 0");
        jdbc.update("delete from notification");
        String rosterSections = "select id from section where source_id is not null";
        for (String table : List.of("section_student", "section_period", "section_co_teacher", "section_edit")) {
            jdbc.update("delete from " + table + " where section_id in (" + rosterSections + ")");
        }
        jdbc.update("delete from section where source_id is not null");
        jdbc.update("delete from person_role where person_id in (select id from person where source_id is not null)");
        jdbc.update(
                "delete from accommodation where student_id in (select id from person where source_id is not null)");
        jdbc.update("delete from person where source_id is not null");
        jdbc.update("delete from academic_session");
        jdbc.update("delete from roster_import");
        String rosterSchools = "select id from school where source_id is not null";
        jdbc.update("delete from kiosk where school_id in (" + rosterSchools + ")");
        jdbc.update("delete from location where school_id in (" + rosterSchools + ")");
        jdbc.update("delete from school_period where school_id in (" + rosterSchools + ")");
        jdbc.update("delete from school where source_id is not null");
        jdbc.update("update district set source_id = null");
    }

}
