package org.corridor.roster;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV quirks real OneRoster exports have: a byte order mark, CRLF, no final newline,
 * a trailing comma on some rows, quoted lists, files saved as UTF-16 or Latin-1.
 */
class CsvReaderTest {

    private final List<RosterProblem> errors = new ArrayList<>();

    private final List<RosterProblem> warnings = new ArrayList<>();

    private final List<RosterProblem> notes = new ArrayList<>();

    private Optional<CsvTable> read(byte[] bytes) {
        return CsvReader.read("users.csv", bytes, errors, warnings, notes);
    }

    private Optional<CsvTable> read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aUtf8ByteOrderMarkIsAccepted() {
        byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
        byte[] text = "sourcedId,name\n1,Zoë\n".getBytes(StandardCharsets.UTF_8);
        byte[] both = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, both, 0, 3);
        System.arraycopy(text, 0, both, 3, text.length);

        CsvTable table = read(both).orElseThrow();

        assertThat(table.header()).containsExactly("sourcedId", "name");
        assertThat(table.rows().get(0).get("name")).isEqualTo("Zoë");
    }

    @Test
    void crlfLineEndsAndNoFinalNewlineAreRead() {
        CsvTable table = read("sourcedId,name\r\n1,a\r\n2,b").orElseThrow();

        assertThat(table.rows()).extracting(r -> r.get("name")).containsExactly("a", "b");
    }

    @Test
    void anExtraEmptyTrailingFieldIsIgnoredWithANote() {
        CsvTable table = read("sourcedId,name\n1,a,\n").orElseThrow();

        assertThat(table.rows().get(0).get("name")).isEqualTo("a");
        assertThat(notes).singleElement().satisfies(n -> assertThat(n.reason()).contains("trailing comma"));
    }

    @Test
    void headerEndingInEmptyNamesIsReadWithAWarning() {
        CsvTable table = read("sourcedId,role,,\n1,teacher,,\n").orElseThrow();

        assertThat(table.rows().get(0).get("role")).isEqualTo("teacher");
        assertThat(errors).isEmpty();
        assertThat(warnings).extracting(RosterProblem::reason)
            .containsExactly("Column 3 of the header has no name; its values were ignored.",
                    "Column 4 of the header has no name; its values were ignored.");
    }

    @Test
    void anExtraFieldHoldingDataIsAnError() {
        assertThat(read("sourcedId,name\n1,a,surprise\n")).isEmpty();
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.row()).isEqualTo(2));
    }

    @Test
    void aQuotedListWithCommasIsOneField() {
        CsvTable table = read("sourcedId,terms\n1,\"T1,T2\"\n").orElseThrow();

        assertThat(table.rows().get(0).get("terms")).isEqualTo("T1,T2");
    }

    @Test
    void aDoubledQuoteInsideQuotesIsOneQuote() {
        CsvTable table = read("sourcedId,name\n1,\"The \"\"Best\"\" Class\"\n").orElseThrow();

        assertThat(table.rows().get(0).get("name")).isEqualTo("The \"Best\" Class");
    }

    @Test
    void aRowShorterThanTheHeaderIsAnErrorWithItsRow() {
        assertThat(read("sourcedId,name,email\n1,a,x\n2,b\n")).isEmpty();
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.row()).isEqualTo(3));
    }

    @Test
    void anUnclosedQuoteIsAnError() {
        assertThat(read("sourcedId,name\n1,\"open\n")).isEmpty();
        assertThat(errors.get(0).reason()).contains("never closed");
    }

    @Test
    void utf16IsRefusedWithAHint() {
        assertThat(read("sourcedId\n1\n".getBytes(StandardCharsets.UTF_16))).isEmpty();
        assertThat(errors.get(0).reason()).contains("UTF-16");
    }

    @Test
    void invalidUtf8IsRefusedWithItsRow() {
        byte[] latin1 = "sourcedId,name\n1,Zo\u00eb\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(read(latin1)).isEmpty();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.row()).isEqualTo(2);
            assertThat(e.reason()).contains("not valid UTF-8");
        });
    }

    @Test
    void aHeaderNamingAColumnTwiceIsAnError() {
        assertThat(read("sourcedId,name,name\n1,a,b\n")).isEmpty();
        assertThat(errors.get(0).column()).isEqualTo("name");
    }

    @Test
    void blankLinesAreSkipped() {
        CsvTable table = read("sourcedId,name\n\n1,a\n\n").orElseThrow();

        assertThat(table.rows()).hasSize(1);
    }

}
