package com.consento.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SubjectIdsTest {
    private static KeyVault vault(int lookupFill) {
        byte[] master = new byte[32];
        byte[] lookup = new byte[32];
        Arrays.fill(lookup, (byte) lookupFill);
        return new KeyVault(master, lookup);
    }

    private final SubjectIds ids = new SubjectIds(vault(5));

    @Test
    @DisplayName("a formatted subject id parses back to its index")
    void a_formatted_id_parses_back() {
        for (long index : new long[] {0, 1, 35, 36, 65_536, 10_000_000, Integer.MAX_VALUE}) {
            String id = ids.format(index);
            assertThat(id).startsWith("sub_" + Long.toString(index, 36) + "_").matches("sub_[0-9a-z]+_[0-9a-f]{8}");
            assertThat(ids.parse(id)).isEqualTo(index);
        }
    }

    @Test
    @DisplayName("a tampered check is not an id of this installation")
    void a_tampered_check_is_rejected() {
        String id = ids.format(42);
        char last = id.charAt(id.length() - 1);
        String tampered = id.substring(0, id.length() - 1) + (last == '0' ? '1' : '0');

        assertThat(ids.parse(tampered)).isEqualTo(-1);
    }

    @Test
    @DisplayName("another index with this index's check is rejected (ids are not guessable by counting)")
    void another_index_with_a_borrowed_check_is_rejected() {
        String id = ids.format(42);
        String check = id.substring(id.lastIndexOf('_') + 1);

        assertThat(ids.parse("sub_" + Long.toString(43, 36) + "_" + check)).isEqualTo(-1);
    }

    @Test
    @DisplayName("an id issued by another installation (other lookup key) is rejected")
    void an_id_of_another_installation_is_rejected() {
        assertThat(new SubjectIds(vault(6)).parse(ids.format(42))).isEqualTo(-1);
    }

    @ParameterizedTest(name = "\"{0}\" → -1")
    @NullAndEmptySource
    @ValueSource(strings = {"sub_", "sub_1", "sub__", "sub_zz!_abc", "usr_1_00000000", "sub_-1_00000000",
            "sub_1_", "phone:+8613800138000", "sub_1_0000000000000000000000000000000000000000"})
    @DisplayName("garbage is not a subject id")
    void garbage_is_not_a_subject_id(String garbage) {
        assertThat(ids.parse(garbage)).isEqualTo(-1);
    }

    @Test
    @DisplayName("an id read back from our own database parses to the same index without its check")
    void a_trusted_parse_gives_the_same_index() {
        for (long index : new long[] {0, 1, 35, 36, 65_536, 10_000_000, Integer.MAX_VALUE}) {
            assertThat(SubjectIds.parseTrusted(ids.format(index))).isEqualTo(index);
            assertThat(SubjectIds.parseTrusted(new SubjectIds(vault(6)).format(index))).isEqualTo(index);
        }
    }

    @ParameterizedTest(name = "\"{0}\" → -1")
    @NullAndEmptySource
    @ValueSource(strings = {"sub_", "sub_1", "sub__", "sub_zz!_abc", "usr_1_00000000", "sub_-1_00000000",
            "sub_1_", "sub_1_0000000", "phone:+8613800138000", "sub_1_0000000000000000000000000000000000000000"})
    @DisplayName("the trusted parse still rejects what is not shaped like a subject id")
    void a_trusted_parse_rejects_garbage(String garbage) {
        assertThat(SubjectIds.parseTrusted(garbage)).isEqualTo(-1);
    }
}
