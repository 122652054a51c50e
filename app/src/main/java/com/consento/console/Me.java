package com.consento.console;

import com.consento.access.Permission;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** The signed-in staff user as pages see it: a name and what the role matrix allows. */
record Me(String username, Set<Permission> permissions) {

    static Me of(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return new Me(null, Set.of());
        }
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (GrantedAuthority a : authentication.getAuthorities()) {
            for (Permission p : Permission.values()) {
                if (p.authority().equals(a.getAuthority())) {
                    permissions.add(p);
                }
            }
        }
        return new Me(authentication.getName(), Set.copyOf(permissions));
    }

    public boolean signedIn() {
        return username != null && !"anonymousUser".equals(username);
    }

    /** For templates: {@code ${me.can('LEDGER_READ')}}. */
    public boolean can(String permission) {
        return permissions.contains(Permission.valueOf(permission));
    }

    boolean can(Permission permission) {
        return permissions.contains(permission);
    }
}
