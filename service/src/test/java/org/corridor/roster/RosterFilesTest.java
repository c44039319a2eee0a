package org.corridor.roster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a zip may hold: the limits that keep an upload from filling memory or escaping its
 * folder.
 */
class RosterFilesTest {

    private final List<RosterProblem> errors = new ArrayList<>();

    @Test
    void aZipSlipNameIsRefused() throws IOException {
        byte[] zip = RosterSets.zip(Map.of("../../etc/users.csv", "x".getBytes()));

        assertThat(RosterFiles.unzip("roster.zip", new ByteArrayInputStream(zip), errors)).isEmpty();
        assertThat(errors.get(0).reason()).contains("outside the set");
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        Map<String, byte[]> many = new java.util.TreeMap<>();
        for (int i = 0; i <= RosterFiles.MAX_ENTRIES; i++) {
            many.put("f" + i + ".csv", new byte[0]);
        }

        assertThat(RosterFiles.unzip("roster.zip", new ByteArrayInputStream(RosterSets.zip(many)), errors)).isEmpty();
        assertThat(errors.get(0).reason()).contains("more than " + RosterFiles.MAX_ENTRIES);
    }

    @Test
    void filesInAFolderInsideTheZipAreFoundByName() throws IOException {
        byte[] zip = RosterSets.zip(Map.of("export/Users.csv", "sourcedId\n".getBytes()));

        RosterFiles files = RosterFiles.unzip("roster.zip", new ByteArrayInputStream(zip), errors).orElseThrow();

        assertThat(files.get("users.csv")).isPresent();
    }

}
