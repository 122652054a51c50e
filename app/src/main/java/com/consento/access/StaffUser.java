package com.consento.access;

import java.time.Instant;
import java.util.Set;

/** A console user as others may see it: never the password hash. */
public record StaffUser(String username, String displayName, Set<Role> roles, boolean enabled, Instant createdAt,
                        String createdBy) {

    public StaffUser {
        roles = Set.copyOf(roles);
    }

    public Set<Permission> permissions() {
        return Role.permissionsOf(roles);
    }

    public boolean can(Permission permission) {
        return permissions().contains(permission);
    }
}
