package com.consento.shared;

import java.util.List;

/**
 * The request breaks a rule: answered with 422 and every problem found; or its body is not JSON the call can
 * read ({@link #malformedBody}): 400.
 */
public class InvalidRequest extends RuntimeException {
    public static final String MALFORMED_BODY = "malformed-body";
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

    /** The body does not parse at {@code pointer}; {@code what} is the parser's word for it, cut at 300 chars. */
    public static InvalidRequest malformedBody(String pointer, String what) {
        String said = what == null ? "malformed JSON" : what.length() > 300 ? what.substring(0, 300) + "…" : what;
        return new InvalidRequest(MALFORMED_BODY, "the body is not valid for this call at "
                + (pointer.isEmpty() ? "/" : pointer) + ": " + said, List.of(new FieldProblem(pointer, said)));
    }

    public boolean malformed() {
        return MALFORMED_BODY.equals(type);
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
