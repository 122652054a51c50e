package com.consento.shared;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of a request before failing, so a caller fixes them all in one round trip. */
public final class Problems {
    private final List<FieldProblem> found = new ArrayList<>();

    public Problems add(String pointer, String detail) {
        found.add(new FieldProblem(pointer, detail));
        return this;
    }

    public Problems require(boolean ok, String pointer, String detail) {
        if (!ok) {
            add(pointer, detail);
        }
        return this;
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<FieldProblem> list() {
        return List.copyOf(found);
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidRequest(found);
        }
    }

    public void throwIfAny(String type) {
        if (!found.isEmpty()) {
            throw new InvalidRequest(type, found.get(0).detail(), found);
        }
    }
}
