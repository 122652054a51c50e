package com.consento.audiences;

import com.consento.identity.IdentityService;
import com.consento.shared.InvalidRequest;
import com.consento.shared.NotFound;
import java.time.Clock;
import java.util.regex.Pattern;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Suppression lists: people never to be messaged (the global list) or not by some campaigns (named lists). */
@Service
public class SuppressionService implements SmartInitializingSingleton {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");
    private final SuppressionStore store;
    private final SuppressionLists lists;
    private final IdentityService identity;
    private final TransactionTemplate tx;
    private final Clock clock;

    SuppressionService(SuppressionStore store, SuppressionLists lists, IdentityService identity,
                       TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.lists = lists;
        this.identity = identity;
        this.tx = tx;
        this.clock = clock;
    }

    public record Entry(String list, String subjectId, String reason, boolean added) {
    }

    /** Puts a subject (id or type:value) on a list ({@code null} = the global list). */
    public Entry add(String list, String subject, String reason) {
        String name = list(list);
        int index = identity.resolve(subject);
        if (index < 0) {
            throw new NotFound("no subject " + subject);
        }
        String subjectId = identity.idOf(index);
        boolean added = Boolean.TRUE.equals(tx.execute(s -> store.add(name, subjectId, reason, clock.millis())));
        lists.add(name, index);
        return new Entry(name, subjectId, reason, added);
    }

    public boolean remove(String list, String subject) {
        String name = list(list);
        int index = identity.resolve(subject);
        if (index < 0) {
            throw new NotFound("no subject " + subject);
        }
        boolean removed = Boolean.TRUE.equals(tx.execute(s -> store.remove(name, identity.idOf(index))));
        lists.remove(name, index);
        return removed;
    }

    static String list(String list) {
        if (list == null || list.isBlank()) {
            return SuppressionLists.GLOBAL;
        }
        if (!NAME.matcher(list.strip()).matches()) {
            throw new InvalidRequest("a list name is 1 to 64 letters, digits, '.', '_' or '-'", "/list");
        }
        return list.strip();
    }

    @Override
    public void afterSingletonsInstantiated() {
        store.forEach((list, subjectId) -> {
            int index = identity.indexOf(subjectId);
            if (index >= 0) {
                lists.add(list, index);
            }
        });
    }
}
