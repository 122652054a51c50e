package com.consento.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SubjectDirectoryTest {
    private final SubjectDirectory directory = new SubjectDirectory();
    private final KeyVault vault = new KeyVault(new byte[32], new byte[32]);

    @Test
    @DisplayName("a subject nobody put is unknown and never a minor")
    void an_unknown_subject_is_unknown() {
        assertThat(directory.status(7)).isEqualTo(SubjectDirectory.UNKNOWN);
        assertThat(directory.status(-1)).isEqualTo(SubjectDirectory.UNKNOWN);
        assertThat(directory.status(50_000_000)).isEqualTo(SubjectDirectory.UNKNOWN);
        assertThat(directory.adultFromDay(50_000_000)).isEqualTo(SubjectDirectory.NO_MINOR);
    }

    @Test
    @DisplayName("subjects far beyond the initial capacity keep their status and birthday")
    void subjects_beyond_initial_capacity_are_kept() {
        directory.put(3, SubjectDirectory.ACTIVE, 20_000);
        directory.put(1_000_000, SubjectDirectory.ACTIVE, SubjectDirectory.NO_MINOR);
        directory.put(70_000, SubjectDirectory.ERASED, 19_000);

        assertThat(directory.status(3)).isEqualTo(SubjectDirectory.ACTIVE);
        assertThat(directory.adultFromDay(3)).isEqualTo(20_000);
        assertThat(directory.status(1_000_000)).isEqualTo(SubjectDirectory.ACTIVE);
        assertThat(directory.status(70_000)).isEqualTo(SubjectDirectory.ERASED);
        assertThat(directory.adultFromDay(70_000)).isEqualTo(19_000);
        assertThat(directory.adultFromDay(500_000)).as("grown but never put").isEqualTo(SubjectDirectory.NO_MINOR);
    }

    @Test
    @DisplayName("an identifier is found again by its lookup hash until unlinked")
    void an_identifier_is_found_by_its_lookup_hash() {
        String hash = vault.lookupHash("phone", "+8613800138000");
        directory.put(12, SubjectDirectory.ACTIVE, SubjectDirectory.NO_MINOR);
        directory.link(hash, 12);

        assertThat(directory.byLookupHash(hash)).isEqualTo(12);
        assertThat(directory.byLookupHash(vault.lookupHash("phone", "+8613800138001"))).isEqualTo(-1);

        directory.unlink(hash);
        assertThat(directory.byLookupHash(hash)).isEqualTo(-1);
    }

    @Test
    @DisplayName("a merged subject resolves to its survivor, across several merges")
    void a_merged_subject_resolves_to_its_survivor() {
        directory.put(1, SubjectDirectory.ACTIVE, SubjectDirectory.NO_MINOR);
        directory.put(2, SubjectDirectory.ACTIVE, SubjectDirectory.NO_MINOR);
        directory.put(100_000, SubjectDirectory.ACTIVE, SubjectDirectory.NO_MINOR);
        directory.merge(1, 2);
        directory.merge(2, 100_000);

        assertThat(directory.status(1)).isEqualTo(SubjectDirectory.MERGED);
        assertThat(directory.survivor(1)).isEqualTo(100_000);
        assertThat(directory.survivor(2)).isEqualTo(100_000);
        assertThat(directory.survivor(100_000)).isEqualTo(100_000);
    }

    @Test
    @DisplayName("PIPL-31a a birth date yields the epoch day of the 14th birthday")
    void a_birth_date_yields_the_fourteenth_birthday() {
        Long adultFrom = ProfileService.adultFrom(java.util.Map.of("birthDate", "2012-05-31"));

        assertThat(adultFrom).isEqualTo(java.time.LocalDate.of(2026, 5, 31).toEpochDay());
        assertThat(ProfileService.adultFrom(java.util.Map.of("city", "上海"))).isNull();
    }

    @Test
    @DisplayName("subjects on both sides of a chunk boundary keep their own status and birthday")
    void subjects_at_chunk_boundaries_are_kept_apart() {
        directory.put(65_535, SubjectDirectory.ACTIVE, 1);
        directory.put(65_536, SubjectDirectory.ERASED, 2);
        directory.put(131_071, SubjectDirectory.ACTIVE, 3);

        assertThat(directory.status(65_535)).isEqualTo(SubjectDirectory.ACTIVE);
        assertThat(directory.adultFromDay(65_535)).isEqualTo(1);
        assertThat(directory.status(65_536)).isEqualTo(SubjectDirectory.ERASED);
        assertThat(directory.adultFromDay(65_536)).isEqualTo(2);
        assertThat(directory.adultFromDay(131_071)).isEqualTo(3);
        assertThat(directory.status(131_070)).as("same chunk, never put").isEqualTo(SubjectDirectory.UNKNOWN);
        assertThat(directory.adultFromDay(131_070)).isEqualTo(SubjectDirectory.NO_MINOR);
        assertThat(directory.status(65_537 * 3)).as("a chunk never allocated").isEqualTo(SubjectDirectory.UNKNOWN);
    }

    @Test
    @DisplayName("every day a subject turns 14 after 1970 round-trips; an earlier one reads as never a minor")
    void every_birthday_round_trips() {
        int[] days = {1, 2, 20_000, 60_000, (Integer.MAX_VALUE >>> 2), SubjectDirectory.NO_MINOR};
        for (int i = 0; i < days.length; i++) {
            directory.put(i, SubjectDirectory.ACTIVE, days[i]);
        }
        directory.setAdultFrom(100, 7);
        for (int i = 0; i < days.length; i++) {
            assertThat(directory.adultFromDay(i)).as("day %d", days[i]).isEqualTo(days[i]);
            assertThat(directory.status(i)).isEqualTo(SubjectDirectory.ACTIVE);
        }
        assertThat(directory.adultFromDay(100)).isEqualTo(7);
        assertThat(directory.status(100)).as("a birthday alone does not make a subject").isEqualTo(SubjectDirectory.UNKNOWN);

        // adults since before 1970 are not minors on any day consent is decided for: the same answer as NO_MINOR
        int[] early = {0, -1, -20_000, Integer.MIN_VALUE + 1};
        for (int i = 0; i < early.length; i++) {
            directory.put(200 + i, SubjectDirectory.ERASED, early[i]);
            assertThat(directory.adultFromDay(200 + i)).isEqualTo(SubjectDirectory.NO_MINOR);
            assertThat(directory.status(200 + i)).isEqualTo(SubjectDirectory.ERASED);
        }
    }

    @Test
    @DisplayName("status and birthday change independently: a merge keeps the birthday, a birthday keeps the status")
    void status_and_birthday_change_independently() {
        directory.put(5, SubjectDirectory.ACTIVE, 21_000);
        directory.put(6, SubjectDirectory.ACTIVE, SubjectDirectory.NO_MINOR);
        directory.merge(5, 6);
        assertThat(directory.status(5)).isEqualTo(SubjectDirectory.MERGED);
        assertThat(directory.adultFromDay(5)).isEqualTo(21_000);
        directory.setAdultFrom(6, 22_000);
        assertThat(directory.status(6)).isEqualTo(SubjectDirectory.ACTIVE);
        assertThat(directory.adultFromDay(6)).isEqualTo(22_000);
    }

    @Test
    @DisplayName("a merged subject whose survivor is unknown resolves to nobody, never to subject 0")
    void a_merged_subject_without_survivor_resolves_to_nobody() {
        directory.put(0, SubjectDirectory.ACTIVE, SubjectDirectory.NO_MINOR);
        directory.put(5, SubjectDirectory.MERGED, SubjectDirectory.NO_MINOR);

        assertThat(directory.survivor(5)).isEqualTo(-1);
    }
}
