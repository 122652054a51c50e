package com.consento.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consento.identity.IdentifierNormaliser;
import com.consento.identity.IdentifierType;
import com.consento.shared.Conflict;
import com.consento.shared.InvalidRequest;
import com.consento.testing.Fixtures;
import com.consento.testing.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class AccessIT {
    @Autowired
    StaffUsers staff;
    @Autowired
    AccessAudit audit;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @DisplayName("the bootstrap user admin exists with the ADMIN role, its password generated when none was configured")
    void bootstrap_admin_exists() {
        assertThat(staff.find(StaffUsers.BOOTSTRAP_ADMIN)).hasValueSatisfying(u -> {
            assertThat(u.roles()).containsExactly(Role.ADMIN);
            assertThat(u.enabled()).isTrue();
        });
        assertThat(staff.bootstrapAdmin(null)).as("generated once, never again").isNull();
    }

    @Test
    @DisplayName("PIPL-51 staff passwords are stored only as BCrypt hashes and checked against them")
    void passwords_are_bcrypt_hashes() {
        String name = Fixtures.unique("access-it").replace('_', '-');
        staff.create(name, "a-long-enough-password", List.of(Role.AUDITOR, Role.SUPPORT), "Access IT", "test");
        String hash = jdbc.queryForObject("SELECT password_hash FROM staff_user WHERE username = ?", String.class, name);
        assertThat(hash).startsWith("$2").doesNotContain("a-long-enough-password");
        assertThat(staff.authenticate(name, "a-long-enough-password")).hasValueSatisfying(u ->
                assertThat(u.roles()).containsExactlyInAnyOrder(Role.AUDITOR, Role.SUPPORT));
        assertThat(staff.authenticate(name, "wrong-password-entirely")).isEmpty();
        assertThat(staff.authenticate("nobody-" + name, "a-long-enough-password")).isEmpty();
        staff.setEnabled(name, false);
        assertThat(staff.authenticate(name, "a-long-enough-password")).as("a disabled user cannot sign in").isEmpty();
        assertThatThrownBy(() -> staff.create(name, "a-long-enough-password", List.of(Role.DPO), null, "test"))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> staff.create("x", "short", List.of(), null, "test"))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.problems())
                        .extracting(p -> p.pointer()).containsExactly("/username", "/password", "/roles"));
    }

    @Test
    @DisplayName("PIPL-51 an audit entry is written at once, with the identifier and any number in the reason masked")
    void audit_entries_are_masked() {
        String who = Fixtures.unique("auditor");
        AuditEntry e = audit.record(AccessAudit.Event.of(who, AccessAudit.REVEAL_IDENTIFIER)
                .identifier(IdentifierNormaliser.normalise(IdentifierType.PHONE, "13912345678")).subject("sub_x")
                .reason("caller 13912345678 / a.b@example.com"));
        assertThat(e.maskedIdentifier()).isEqualTo("phone:+86 139****5678");
        assertThat(e.reason()).isEqualTo("caller 139****5678 / a***@example.com");
        assertThat(audit.find(new AuditFilter(who, null, null, null, null, false, 10))).singleElement()
                .satisfies(found -> {
                    assertThat(found.id()).isEqualTo(e.id());
                    assertThat(found.allowed()).isTrue();
                    assertThat(found.subjectId()).isEqualTo("sub_x");
                });
        audit.record(AccessAudit.Event.of(who, AccessAudit.VIEW_SUBJECT).subject("sub_y").denied());
        assertThat(audit.find(new AuditFilter(who, null, null, null, null, true, 10))).singleElement()
                .satisfies(found -> assertThat(found.subjectId()).isEqualTo("sub_y"));
        assertThat(audit.actions()).contains(AccessAudit.REVEAL_IDENTIFIER, AccessAudit.VIEW_SUBJECT);
        assertThatThrownBy(() -> audit.record(AccessAudit.Event.of(who, "lower-case"))).isInstanceOf(
                IllegalArgumentException.class);
    }
}
