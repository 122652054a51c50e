package com.consento.shared;

/** One thing wrong with a request, and where: {@code pointer} is a JSON Pointer (RFC 6901) into the body. */
public record FieldProblem(String pointer, String detail) {
}
