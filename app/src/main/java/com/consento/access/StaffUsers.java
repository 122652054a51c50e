package com.consento.access;

import com.consento.shared.Conflict;
import com.consento.shared.NotFound;
import com.consento.shared.Problems;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Console staff users. Passwords are stored only as BCrypt hashes; the bootstrap user {@code admin} takes its
 * password from {@code CONSENTO_ADMIN_PASSWORD}, or gets a generated one on the first start.
 */
@Service
public class StaffUsers {
    public static final String BOOTSTRAP_ADMIN = "admin";
    public static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._\\-]{1,63}");
    private static final SecureRandom RANDOM = new SecureRandom();
    private final AccessStore store;
    private final PasswordEncoder encoder = new BCryptPasswordEncoder();
    private final Clock clock;
    private final String decoy;

    StaffUsers(AccessStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        // compared against when the user is unknown, so a wrong name costs as long as a wrong password
        this.decoy = encoder.encode("decoy-" + RANDOM.nextLong());
    }

    /**
     * Creates a staff user; the problems name the form field ({@code /username}, {@code /password},
     * {@code /roles}). A taken username is a conflict.
     */
    public StaffUser create(String username, String password, Collection<Role> roles, String displayName,
                            String createdBy) {
        String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
        Problems problems = new Problems();
        problems.require(USERNAME.matcher(name).matches(), "/username",
                "a username is 2 to 64 lower-case letters, digits, '.', '_' or '-'");
        problems.require(password != null && password.length() >= MIN_PASSWORD_LENGTH && password.length() <= 72,
                "/password", "a password has " + MIN_PASSWORD_LENGTH + " to 72 characters");
        problems.require(roles != null && !roles.isEmpty(), "/roles", "a staff user holds at least one role");
        problems.require(displayName == null || displayName.length() <= 200, "/displayName",
                "a display name has at most 200 characters");
        problems.throwIfAny("invalid-staff-user");
        if (store.staff(name).isPresent()) {
            throw new Conflict("staff-user-exists", "staff user '" + name + "' already exists");
        }
        long now = clock.millis();
        AccessStore.StaffRow row = new AccessStore.StaffRow(name, blankToNull(displayName), encoder.encode(password),
                format(roles), true, now, createdBy);
        try {
            store.insertStaff(row, now);
        } catch (DuplicateKeyException e) {
            throw new Conflict("staff-user-exists", "staff user '" + name + "' already exists");
        }
        return view(row);
    }

    /** The user, when the name is known, enabled and the password matches. */
    public Optional<StaffUser> authenticate(String username, String password) {
        if (username == null || password == null || password.length() > 72) {
            return Optional.empty();
        }
        Optional<AccessStore.StaffRow> row = store.staff(username.trim().toLowerCase(java.util.Locale.ROOT));
        boolean matches = encoder.matches(password, row.map(AccessStore.StaffRow::passwordHash).orElse(decoy));
        return row.filter(r -> matches && r.enabled()).map(StaffUsers::view);
    }

    public Optional<StaffUser> find(String username) {
        return username == null ? Optional.empty() : store.staff(username).map(StaffUsers::view);
    }

    public List<StaffUser> list() {
        return store.allStaff().stream().map(StaffUsers::view).toList();
    }

    public void setEnabled(String username, boolean enabled) {
        store.staff(username).orElseThrow(() -> new NotFound("no staff user '" + username + "'"));
        store.updateEnabled(username, enabled, clock.millis());
    }

    /**
     * Makes sure the bootstrap user {@code admin} exists. With a configured password, {@code admin} gets it
     * (created or updated) and null is returned. Without one, an admin is created with a generated password
     * — returned once, to be shown in the start-up banner — unless an enabled ADMIN exists already.
     */
    public String bootstrapAdmin(String configuredPassword) {
        long now = clock.millis();
        Optional<AccessStore.StaffRow> existing = store.staff(BOOTSTRAP_ADMIN);
        if (configuredPassword != null && !configuredPassword.isBlank()) {
            if (existing.isEmpty()) {
                insertAdmin(configuredPassword, now);
            } else if (!encoder.matches(configuredPassword, existing.get().passwordHash())) {
                store.updatePassword(BOOTSTRAP_ADMIN, encoder.encode(configuredPassword), now);
            }
            return null;
        }
        if (existing.isPresent() || store.anyStaffWithRole(Role.ADMIN.name())) {
            return null;
        }
        byte[] secret = new byte[18];
        RANDOM.nextBytes(secret);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return insertAdmin(generated, now) ? generated : null;
    }

    private boolean insertAdmin(String password, long now) {
        try {
            store.insertStaff(new AccessStore.StaffRow(BOOTSTRAP_ADMIN, "Administrator", encoder.encode(password),
                    Role.ADMIN.name(), true, now, "bootstrap"), now);
            return true;
        } catch (DuplicateKeyException e) {
            return false; // another node of the cluster created it first
        }
    }

    static String format(Collection<Role> roles) {
        return roles.stream().distinct().sorted().map(Role::name).collect(Collectors.joining(","));
    }

    static Set<Role> parseRoles(String roles) {
        EnumSet<Role> parsed = EnumSet.noneOf(Role.class);
        Arrays.stream(roles == null ? new String[0] : roles.split(",")).map(Role::of)
                .forEach(r -> r.ifPresent(parsed::add));
        return parsed;
    }

    private static StaffUser view(AccessStore.StaffRow r) {
        return new StaffUser(r.username(), r.displayName(), parseRoles(r.roles()), r.enabled(),
                Instant.ofEpochMilli(r.createdAt()), r.createdBy());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
