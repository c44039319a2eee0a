package org.corridor.roster;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import org.corridor.testing.OnH2;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public OneRoster sets made by others, which are not in this repository because their
 * licences differ from Corridor's: the opt-in run
 * {@code CORRIDOR_ONEROSTER_DATA=/path ./mvnw verify -Pthird-party-rosters}
 * (docs/operators.md). Never part of {@code ./mvnw verify}: the class name does not end
 * in Test, and only the profile includes it. It also runs the roster scenarios, on H2.
 * <p>
 * The folder holds {@code edfi-grandbend-v1p1} (Ed-Fi LMS Toolkit sample, Apache-2.0),
 * {@code generated-district-medium-v1p1} (output of the MIT-licensed
 * GospelNerd/OneRoster-Generator) and {@code catalyst-moodle-v1p2-fixtures} (fixtures of
 * catalyst/moodle-enrol_oneroster, GPL-3.0).
 */
@OnH2
class ThirdPartyRosterSets extends RosterImportScenarios {

    static final String VARIABLE = "CORRIDOR_ONEROSTER_DATA";

    private static final String CATALYST = "catalyst-moodle-v1p2-fixtures/";

    private static Path data;

    @BeforeAll
    static void theFolderIsNamed() {
        String folder = System.getenv(VARIABLE);
        assertThat(folder).as("Set %s to the folder of the third-party OneRoster sets (docs/operators.md)", VARIABLE)
            .isNotBlank();
        data = Path.of(folder);
        assertThat(Files.isDirectory(data.resolve("edfi-grandbend-v1p1"))).as("%s holds edfi-grandbend-v1p1", data)
            .isTrue();
    }

    @Test
    void grandBendImportsCleanlyAndTheSecondImportChangesNothing() {
        var first = importZip("admin", RosterSets.zip(data.resolve("edfi-grandbend-v1p1")));
        assertThat(first.getStatusCode()).as("%s", first.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody().get("errors")).isEmpty();
        assertThat(count(first.getBody(), "users", "created")).isEqualTo(10);
        assertThat(count(first.getBody(), "sections", "created")).isEqualTo(2);
        assertThat(count(first.getBody(), "schools", "created")).isEqualTo(1);
        // 20 student rows split by semester make 10 (class, student) enrolments; 4
        // teacher rows make 2 main teachers.
        assertThat(count(first.getBody(), "enrollments", "created")).isEqualTo(12);

        var second = importZip("admin", RosterSets.zip(data.resolve("edfi-grandbend-v1p1")));

        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        for (String kind : RosterReport.KINDS) {
            assertThat(count(second.getBody(), kind, "created") + count(second.getBody(), kind, "updated")
                    + count(second.getBody(), kind, "removed"))
                .as(kind)
                .isZero();
        }
        assertThat(count(second.getBody(), "users", "unchanged")).isEqualTo(10);
    }

    @Test
    void theMediumGeneratedDistrictImportsCleanlyTwice() {
        Path set = data.resolve("generated-district-medium-v1p1");
        var first = importZip("admin", RosterSets.zip(set));
        assertThat(first.getStatusCode()).as("%s", first.getBody() == null ? "" : first.getBody().get("errors"))
            .isEqualTo(HttpStatus.OK);
        assertThat(count(first.getBody(), "users", "created")).isEqualTo(837);
        assertThat(count(first.getBody(), "schools", "created")).isEqualTo(8);
        assertThat(count(first.getBody(), "sections", "created")).isEqualTo(364);
        assertThat(count(first.getBody(), "enrollments", "created")).isEqualTo(5810);

        var second = importZip("admin", RosterSets.zip(set));

        assertThat(count(second.getBody(), "users", "unchanged")).isEqualTo(837);
        assertThat(count(second.getBody(), "enrollments", "unchanged")).isEqualTo(5810);
        assertThat(count(second.getBody(), "users", "updated") + count(second.getBody(), "sections", "updated")
                + count(second.getBody(), "enrollments", "updated"))
            .isZero();
    }

    @Test
    void theCatalystDeltaExampleApplies() {
        var answer = importZip("admin", RosterSets.zip(data.resolve(CATALYST + "oneroster_test_data")));

        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(count(answer.getBody(), "users", "created")).isEqualTo(1);
        assertThat(count(answer.getBody(), "sections", "created")).isEqualTo(1);
        assertThat(reasons(answer.getBody(), "warnings")).anyMatch(r -> r.contains("has no teacher"));
    }

    @Test
    void theMessyCatalystV12SetIsRejectedWhole() {
        int people = jdbc.queryForObject("select count(*) from person", Integer.class);

        var answer = importZip("admin", RosterSets.zip(data.resolve(CATALYST + "v1p2_full_dataset")));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody().get("outcome").asText()).isEqualTo("REJECTED");
        assertThat(answer.getBody().get("errors")).anySatisfy(e -> {
            assertThat(e.get("file").asText()).isNotEmpty();
            assertThat(e.has("row")).isTrue();
        });
        assertThat(jdbc.queryForObject("select count(*) from person", Integer.class)).isEqualTo(people);
    }

}
