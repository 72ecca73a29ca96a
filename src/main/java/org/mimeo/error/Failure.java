package org.mimeo.error;

/** The error categories of the REST contract; the API layer maps each to its status and code. */
public enum Failure {
    INVALID_REQUEST(400, "invalid_request"),
    UNAUTHORIZED(401, "unauthorized"),
    FORBIDDEN(403, "forbidden"),
    NOT_FOUND(404, "not_found"),
    CONFLICT(409, "conflict"),
    ALREADY_RUNNING(409, "already_running"),
    SOURCE_ERROR(422, "source_error"),
    SOURCE_UNREACHABLE(502, "source_unreachable"),
    INTERNAL(500, "internal_error");

    private final int status;
    private final String code;

    Failure(int status, String code) {
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
