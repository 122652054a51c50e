package com.consento.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    @DisplayName("CSV quotes commas, quotes and line breaks, and starts with a UTF-8 byte-order mark")
    void quotes_what_needs_quoting() {
        String csv = new Csv().row("a", "b,c", "say \"hi\"", null, 3).row("line\nbreak").toString();
        assertThat(csv).isEqualTo("\uFEFFa,\"b,c\",\"say \"\"hi\"\"\",,3\r\n\"line\nbreak\"\r\n");
    }

    @Test
    @DisplayName("a cell that a spreadsheet would run as a formula is defused")
    void formulas_are_defused() {
        assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(Csv.cell("+86 139")).isEqualTo("'+86 139");
        assertThat(Csv.cell(-5)).isEqualTo("-5");
    }

    @Test
    @DisplayName("a problem's JSON Pointer names its form field")
    void pointer_to_field() {
        assertThat(FormErrors.field("/handler/name")).isEqualTo("handlerName");
        assertThat(FormErrors.field("/channels/2")).isEqualTo("channels");
        assertThat(FormErrors.field("/piaId")).isEqualTo("piaId");
        assertThat(FormErrors.field(null)).isEqualTo("form");
    }
}
