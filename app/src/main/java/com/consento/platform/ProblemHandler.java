package com.consento.platform;

import com.consento.shared.Conflict;
import com.consento.shared.FieldProblem;
import com.consento.shared.InvalidRequest;
import com.consento.shared.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * Every error as RFC 9457 problem+json with a stable {@code type}, saying what is wrong and where
 * ({@code errors[].pointer}). A 5xx means a fault of ours, never of the input.
 */
@RestControllerAdvice
class ProblemHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(InvalidRequest.class)
    ResponseEntity<Object> invalid(InvalidRequest e, HttpServletRequest req) {
        return problem(e.malformed() ? HttpStatus.BAD_REQUEST : HttpStatus.UNPROCESSABLE_CONTENT, e.type(),
                e.getMessage(), e.problems(), req);
    }

    @ExceptionHandler(NotFound.class)
    ResponseEntity<Object> notFound(NotFound e, HttpServletRequest req) {
        return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), List.of(), req);
    }

    @ExceptionHandler(Conflict.class)
    ResponseEntity<Object> conflict(Conflict e, HttpServletRequest req) {
        return problem(HttpStatus.CONFLICT, e.type(), e.getMessage(), List.of(), req);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<Object> duplicate(DuplicateKeyException e, HttpServletRequest req) {
        return problem(HttpStatus.CONFLICT, "concurrent-change",
                "another request changed the same record at the same time; retry", List.of(), req);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Object> unreadable(HttpMessageNotReadableException e, HttpServletRequest req) {
        Throwable cause = e.getCause();
        if (cause instanceof JacksonException je) {
            return invalid(InvalidRequest.malformedBody(pointer(je), je.getOriginalMessage()), req);
        }
        return problem(HttpStatus.BAD_REQUEST, InvalidRequest.MALFORMED_BODY, "the request body is missing or is not JSON",
                List.of(), req);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Object> missingParam(MissingServletRequestParameterException e, HttpServletRequest req) {
        return problem(HttpStatus.BAD_REQUEST, "missing-parameter", "query parameter '" + e.getParameterName()
                + "' is required", List.of(new FieldProblem("/query/" + e.getParameterName(), "required")), req);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<Object> missingHeader(MissingRequestHeaderException e, HttpServletRequest req) {
        return problem(HttpStatus.BAD_REQUEST, "missing-header", "header '" + e.getHeaderName() + "' is required",
                List.of(), req);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest req) {
        return problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "parameter '" + e.getName() + "' has the wrong type",
                List.of(new FieldProblem("/query/" + e.getName(), "wrong type")), req);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Object> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest req) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                "send " + e.getSupportedMediaTypes() + ", not " + e.getContentType(), List.of(), req);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Object> notAcceptable(HttpMediaTypeNotAcceptableException e, HttpServletRequest req) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "this call answers in JSON", List.of(), req);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Object> method(HttpRequestMethodNotSupportedException e, HttpServletRequest req) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", e.getMethod() + " is not allowed here",
                List.of(), req);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Object> noResource(NoResourceFoundException e, HttpServletRequest req) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "no such resource", List.of(), req);
    }

    @ExceptionHandler({CannotGetJdbcConnectionException.class, DataAccessResourceFailureException.class,
            org.springframework.transaction.CannotCreateTransactionException.class})
    ResponseEntity<Object> unavailable(RuntimeException e, HttpServletRequest req) {
        log.warn("database unavailable: {}", e.getMessage());
        ResponseEntity<Object> r = problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                "the database is unavailable; nothing was recorded; retry", List.of(), req);
        return ResponseEntity.status(r.getStatusCode()).header("Retry-After", "5").headers(r.getHeaders())
                .body(r.getBody());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest req) {
        if (databaseDown(e)) {
            return unavailable(new DataAccessResourceFailureException(e.getMessage(), e), req);
        }
        log.error("unexpected failure on {} {}", req.getMethod(), req.getRequestURI(), e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "an unexpected error; nothing was recorded",
                List.of(), req);
    }

    /** A lost or refused database connection anywhere in the cause chain (SQLSTATE class 08, or 57P). */
    static boolean databaseDown(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.net.SocketException) {
                return true;
            }
            if (t instanceof org.springframework.transaction.TransactionSystemException tse
                    && tse.getOriginalException() != null && databaseDown(tse.getOriginalException())) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    static ResponseEntity<Object> problem(HttpStatus status, String type, String detail,
                                                 List<FieldProblem> errors, HttpServletRequest req) {
        if (wantsPage(req)) {
            // a person in a browser gets a page, not JSON (and never the stack trace)
            String html = "<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><meta name=\"viewport\" "
                    + "content=\"width=device-width\"><title>" + status.value() + "</title><body style=\"font-family:"
                    + "sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem\"><h1>" + status.value() + " "
                    + org.springframework.web.util.HtmlUtils.htmlEscape(status.getReasonPhrase()) + "</h1><p>"
                    + org.springframework.web.util.HtmlUtils.htmlEscape(detail) + "</p></body></html>";
            return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.TEXT_HTML).body(html);
        }
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create(ProblemWriter.BASE + type));
        p.setInstance(URI.create(req.getRequestURI()));
        if (!errors.isEmpty()) {
            p.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }

    /** Requests for pages (outside /api) from a browser that accepts HTML. */
    static boolean wantsPage(HttpServletRequest req) {
        String accept = req.getHeader("Accept");
        String path = req.getRequestURI();
        return !path.startsWith("/api/") && !path.startsWith("/actuator") && accept != null
                && accept.contains("text/html");
    }

    /** The JSON Pointer of where parsing failed, from Jackson's path. */
    static String pointer(JacksonException e) {
        StringBuilder b = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            b.append('/');
            if (ref.getPropertyName() != null) {
                b.append(ref.getPropertyName().replace("~", "~0").replace("/", "~1"));
            } else if (ref.getIndex() >= 0) {
                b.append(ref.getIndex());
            }
        }
        return b.toString();
    }
}
