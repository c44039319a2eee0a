package org.corridor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetCellsTest {

    @ParameterizedTest
    @ValueSource(strings = { "=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx" })
    void aCellASpreadsheetWouldReadAsAFormulaIsWrittenAsText(String cell) {
        assertThat(SpreadsheetCells.safe(cell)).isEqualTo("'" + cell);
    }

    @Test
    void namesNumbersAndTimesAreWrittenAsTheyAre() {
        OffsetDateTime time = OffsetDateTime.parse("2026-09-01T08:30:00-04:00");

        assertThat(SpreadsheetCells.safe("Ava Adams", "1001", "", null, time)).containsExactly("Ava Adams", "1001", "",
                null, time);
    }

}
