package com.consento.access;

import static com.consento.access.Permission.AUDIT_READ;
import static com.consento.access.Permission.CATALOG_READ;
import static com.consento.access.Permission.DASHBOARD;
import static com.consento.access.Permission.IDENTIFIER_REVEAL;
import static com.consento.access.Permission.LEDGER_READ;
import static com.consento.access.Permission.REPORTS;
import static com.consento.access.Permission.STAFF_MANAGE;
import static com.consento.access.Permission.STAFF_READ;
import static com.consento.access.Permission.SUBJECT_READ;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The role matrix. MARKETER sees aggregates and the catalog, never a person; AUDITOR reads everything but
 * never reveals an identifier; SUPPORT finds people and reveals with a reason; DPO does everything but staff
 * administration; ADMIN all. Only ADMIN and DPO read the record of a minor (MIN-34).
 */
public enum Role {
    ADMIN(EnumSet.allOf(Permission.class)),
    DPO(EnumSet.complementOf(EnumSet.of(STAFF_MANAGE))),
    AUDITOR(EnumSet.of(DASHBOARD, CATALOG_READ, LEDGER_READ, SUBJECT_READ, AUDIT_READ, REPORTS, STAFF_READ)),
    SUPPORT(EnumSet.of(DASHBOARD, CATALOG_READ, SUBJECT_READ, IDENTIFIER_REVEAL)),
    MARKETER(EnumSet.of(DASHBOARD, CATALOG_READ));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public boolean can(Permission permission) {
        return permissions.contains(permission);
    }

    /** The Spring Security authority that names this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Everything a set of roles allows together. */
    public static Set<Permission> permissionsOf(Collection<Role> roles) {
        EnumSet<Permission> all = EnumSet.noneOf(Permission.class);
        roles.forEach(r -> all.addAll(r.permissions));
        return all;
    }

    public static Optional<Role> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
