package com.consento.demo;

import com.consento.identity.RawIdentifier;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo data as a pure function of the customers, a seeded Random and the clock: the same inputs always
 * give the same plan. Consent is captured over the twelve months before the clock's instant.
 */
final class DemoPlanner {
    /** The seed the seeder uses, so every fresh demo database holds the same people and histories. */
    static final long SEED = 20_111_209L;

    private DemoPlanner() {
    }

    static DemoPlan plan(List<DemoCustomer> customers, Random random, Clock clock) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        double[] tierCuts = DemoPeople.tierCuts(customers);
        List<DemoCustomer> ordered = new ArrayList<>(customers);
        ordered.sort(Comparator.comparingInt(DemoCustomer::id));
        List<DemoPlan.Subject> subjects = new ArrayList<>(ordered.size());
        List<ConsentHistory.Timed> events = new ArrayList<>(ordered.size() * 10);
        for (DemoCustomer c : ordered) {
            LocalDate birthDate = DemoPeople.birthDate(DemoPeople.age(random), today, random);
            Map<String, Object> profile = Collections.unmodifiableMap(
                    DemoPeople.profile(c, birthDate, tierCuts, random));
            boolean minor = DemoPeople.minor(birthDate, today);
            String member = DemoPeople.member(c.id());
            subjects.add(new DemoPlan.Subject(c.id(), member, List.of(new RawIdentifier("member", member),
                    new RawIdentifier("phone", DemoPeople.phone(c.id())),
                    new RawIdentifier("email", DemoPeople.email(c.id()))), profile, minor));
            new ConsentHistory(c.id(), (String) profile.get("city"), minor, random, now, events).write();
        }
        // in order of capture, as the channels would have sent them (the sort is stable)
        events.sort(Comparator.comparing(ConsentHistory.Timed::at));
        return new DemoPlan(subjects, events.stream().map(ConsentHistory.Timed::event).toList());
    }

    /** The plan the seeder writes: the bundled extract, {@link #SEED}, and the application's clock. */
    static DemoPlan standard(Clock clock) {
        return plan(RetailExtract.fromClasspath(), new Random(SEED), clock);
    }
}
