package com.consento.shared;

import java.util.List;

/** The request is well-formed but breaks a rule: answered with 422 and every problem found. */
public class InvalidRequest extends RuntimeException {
    private final List<FieldProblem> problems;
    private final String type;

    public InvalidRequest(String type, String detail, List<FieldProblem> problems) {
        super(detail);
        this.type = type;
        this.problems = List.copyOf(problems);
    }

    public InvalidRequest(String detail, String pointer) {
        this("validation", detail, List.of(new FieldProblem(pointer, detail)));
    }

    public InvalidRequest(List<FieldProblem> problems) {
        this("validation", summary(problems), problems);
    }

    private static String summary(List<FieldProblem> problems) {
        if (problems.size() == 1) {
            return problems.get(0).detail();
        }
        return problems.size() + " problems; the first: " + problems.get(0).pointer() + ": " + problems.get(0).detail();
    }

    /** A stable slug for the problem {@code type} URI, e.g. {@code validation}, {@code unknown-purpose}. */
    public String type() {
        return type;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
