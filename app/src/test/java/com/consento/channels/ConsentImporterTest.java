package com.consento.channels;

import static org.assertj.core.api.Assertions.assertThat;

import com.consento.shared.FieldProblem;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConsentImporterTest {

    @Test
    @DisplayName("a problem's pointer names the CSV column of the row it belongs to")
    void pointer_to_column() {
        assertThat(ConsentImporter.column("/purpose")).isEqualTo("purpose");
        assertThat(ConsentImporter.column("/subject/identifiers/0/type")).isEqualTo("identifierType");
        assertThat(ConsentImporter.column("/subject/identifiers/0/value")).isEqualTo("identifier");
        assertThat(ConsentImporter.column("/subject/identifiers")).isEqualTo("identifier");
        assertThat(ConsentImporter.column("/evidence/storeId")).isEqualTo("storeId");
        assertThat(ConsentImporter.column("/capturedAt")).isEqualTo("capturedAt");
        assertThat(ConsentImporter.column("")).isNull();
    }

    @Test
    @DisplayName("problems are grouped by row; a pointer outside the rows makes the batch untraceable")
    void problems_by_row() {
        var rows = ConsentImporter.byRow(List.of(new FieldProblem("/events/2/purpose", "unknown purpose 'x'"),
                new FieldProblem("/events/2/capturedAt", "bad"), new FieldProblem("/events/0", "null")), 3);
        assertThat(rows).containsOnlyKeys(0, 2);
        assertThat(rows.get(2)).containsExactly("purpose: unknown purpose 'x'", "capturedAt: bad");
        assertThat(rows.get(0)).containsExactly("null");
        assertThat(ConsentImporter.byRow(List.of(new FieldProblem("/events", "too many")), 3)).isEmpty();
        assertThat(ConsentImporter.byRow(List.of(new FieldProblem("/events/5/purpose", "x")), 3)).isEmpty();
    }
}
