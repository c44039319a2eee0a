package org.corridor.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * The CSV files of one roster set, by lower-case name ("users.csv"), from a zip or from
 * files sent one by one. The limits keep a hostile or mistaken upload from filling
 * memory: at most {@link #MAX_ENTRIES} entries, {@link #MAX_UNCOMPRESSED} bytes once
 * unpacked, and no entry naming a path outside the set.
 */
final class RosterFiles {

    static final int MAX_ENTRIES = 64;
    static final long MAX_UNCOMPRESSED = 200L * 1024 * 1024;

    record File(String name, byte[] bytes) {
    }

    private final Map<String, File> files;

    private RosterFiles(Map<String, File> files) {
        this.files = files;
    }

    Optional<File> get(String name) {
        return Optional.ofNullable(files.get(name.toLowerCase(Locale.ROOT)));
    }

    List<String> names() {
        return files.values().stream().map(File::name).toList();
    }

    /** The entries of a zip, or empty after adding why it cannot be used. */
    static Optional<RosterFiles> unzip(String zipName, InputStream in, List<RosterProblem> errors) throws IOException {
        Map<String, File> files = new LinkedHashMap<>();
        long total = 0;
        int entries = 0;
        boolean any = false;
        try (ZipInputStream zip = new ZipInputStream(in)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                any = true;
                if (++entries > MAX_ENTRIES) {
                    errors.add(RosterProblem.of(zipName, "The zip holds more than " + MAX_ENTRIES
                            + " entries; a OneRoster set has about 20 files."));
                    return Optional.empty();
                }
                String path = entry.getName().replace('\\', '/');
                if (path.startsWith("/") || path.contains("../") || path.equals("..") || path.contains(":")) {
                    errors.add(RosterProblem.of(zipName,
                            "The zip entry " + path + " names a path outside the set; " + "it was refused."));
                    return Optional.empty();
                }
                if (entry.isDirectory() || path.startsWith("__MACOSX/")
                        || !path.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    continue;
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                byte[] buffer = new byte[64 * 1024];
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    total += read;
                    if (total > MAX_UNCOMPRESSED) {
                        errors.add(RosterProblem.of(zipName, "The zip unpacks to more than " + MAX_UNCOMPRESSED
                                + " bytes, the most one import takes."));
                        return Optional.empty();
                    }
                    out.write(buffer, 0, read);
                }
                if (!add(files, path.substring(path.lastIndexOf('/') + 1), out.toByteArray(), zipName, errors)) {
                    return Optional.empty();
                }
            }
        }
        catch (ZipException | IllegalArgumentException e) {
            errors.add(RosterProblem.of(zipName, "The file is not a readable zip archive."));
            return Optional.empty();
        }
        if (!any) {
            errors.add(RosterProblem.of(zipName, "The file is not a zip archive (or is an empty one). Send the "
                    + "OneRoster export as a zip in the field 'file', or its CSV files in the field 'files'."));
            return Optional.empty();
        }
        return Optional.of(new RosterFiles(files));
    }

    /** CSV files sent one by one (a folder). */
    static Optional<RosterFiles> of(List<File> sent, List<RosterProblem> errors) {
        Map<String, File> files = new LinkedHashMap<>();
        long total = 0;
        if (sent.size() > MAX_ENTRIES) {
            errors.add(RosterProblem.of(null, "More than " + MAX_ENTRIES + " files were sent."));
            return Optional.empty();
        }
        for (File file : sent) {
            total += file.bytes().length;
            String name = file.name() == null ? "" : file.name().replace('\\', '/');
            name = name.substring(name.lastIndexOf('/') + 1);
            if (!name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                errors.add(RosterProblem.of(name.isEmpty() ? null : name,
                        "Only .csv files make a roster set; " + "send a zip in the field 'file' instead."));
                return Optional.empty();
            }
            if (!add(files, name, file.bytes(), null, errors)) {
                return Optional.empty();
            }
        }
        if (total > MAX_UNCOMPRESSED) {
            errors.add(RosterProblem.of(null, "The files hold more than " + MAX_UNCOMPRESSED + " bytes."));
            return Optional.empty();
        }
        return Optional.of(new RosterFiles(files));
    }

    private static boolean add(Map<String, File> files, String name, byte[] bytes, String container,
            List<RosterProblem> errors) {
        if (files.putIfAbsent(name.toLowerCase(Locale.ROOT), new File(name, bytes)) != null) {
            errors.add(RosterProblem.of(container == null ? name : container,
                    "Two files are named " + name + "; a roster set has one of each."));
            return false;
        }
        return true;
    }

}
