package com.consento.access;

import static com.consento.access.Permission.AUDIT_READ;
import static com.consento.access.Permission.CATALOG_EDIT;
import static com.consento.access.Permission.CATALOG_READ;
import static com.consento.access.Permission.DASHBOARD;
import static com.consento.access.Permission.IDENTIFIER_REVEAL;
import static com.consento.access.Permission.LEDGER_READ;
import static com.consento.access.Permission.MINOR_READ;
import static com.consento.access.Permission.REPORTS;
import static com.consento.access.Permission.STAFF_MANAGE;
import static com.consento.access.Permission.STAFF_READ;
import static com.consento.access.Permission.SUBJECT_READ;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    @DisplayName("marketer sees the dashboard and the catalog, never a person")
    void marketer_sees_aggregates_and_catalog_only() {
        assertThat(Role.MARKETER.permissions()).containsExactlyInAnyOrder(DASHBOARD, CATALOG_READ);
    }

    @Test
    @DisplayName("auditor reads everything but never reveals an identifier, edits or reads a minor's record")
    void auditor_reads_everything_but_reveals_nothing() {
        assertThat(Role.AUDITOR.permissions()).containsExactlyInAnyOrder(DASHBOARD, CATALOG_READ, LEDGER_READ,
                SUBJECT_READ, AUDIT_READ, REPORTS, STAFF_READ);
        assertThat(Role.AUDITOR.can(IDENTIFIER_REVEAL)).isFalse();
    }

    @Test
    @DisplayName("support finds people and reveals with a reason, but reads no minor's record")
    void support_searches_and_reveals() {
        assertThat(Role.SUPPORT.permissions()).containsExactlyInAnyOrder(DASHBOARD, CATALOG_READ, SUBJECT_READ,
                IDENTIFIER_REVEAL);
    }

    @Test
    @DisplayName("DPO does everything but staff administration")
    void dpo_does_everything_but_staff_admin() {
        assertThat(Role.DPO.permissions()).isEqualTo(EnumSet.complementOf(EnumSet.of(STAFF_MANAGE)));
    }

    @Test
    @DisplayName("MIN-34 only ADMIN and DPO read the record of a minor")
    void only_admin_and_dpo_read_minors() {
        assertThat(EnumSet.allOf(Role.class).stream().filter(r -> r.can(MINOR_READ)).toList())
                .containsExactlyInAnyOrder(Role.ADMIN, Role.DPO);
    }

    @Test
    @DisplayName("PIPL-51 a marketer never reveals an identifier, whatever other role it holds none of")
    void never_marketer_reveals() {
        assertThat(Role.MARKETER.can(IDENTIFIER_REVEAL)).isFalse();
        assertThat(Role.permissionsOf(List.of(Role.MARKETER, Role.AUDITOR))).doesNotContain(IDENTIFIER_REVEAL);
    }

    @Test
    @DisplayName("admin holds every permission; only admin and DPO edit the catalog")
    void admin_holds_everything() {
        assertThat(Role.ADMIN.permissions()).isEqualTo(EnumSet.allOf(Permission.class));
        assertThat(EnumSet.allOf(Role.class).stream().filter(r -> r.can(CATALOG_EDIT)).toList())
                .containsExactlyInAnyOrder(Role.ADMIN, Role.DPO);
    }

    @Test
    @DisplayName("roles parse case-insensitively and stored role lists round-trip")
    void roles_parse_and_round_trip() {
        assertThat(Role.of(" dpo ")).contains(Role.DPO);
        assertThat(Role.of("ROOT")).isEmpty();
        assertThat(StaffUsers.parseRoles(StaffUsers.format(List.of(Role.SUPPORT, Role.AUDITOR, Role.SUPPORT))))
                .containsExactlyInAnyOrder(Role.SUPPORT, Role.AUDITOR);
        assertThat(StaffUsers.format(List.of(Role.SUPPORT, Role.ADMIN))).isEqualTo("ADMIN,SUPPORT");
    }
}
