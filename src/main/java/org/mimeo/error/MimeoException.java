package org.mimeo.error;

/** A failure the caller can act on: its message says what is wrong and what to do. */
public class MimeoException extends RuntimeException {

    private final Failure failure;

    public MimeoException(Failure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public MimeoException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }

    public static MimeoException invalid(String message) {
        return new MimeoException(Failure.INVALID_REQUEST, message);
    }

    public static MimeoException notFound(String message) {
        return new MimeoException(Failure.NOT_FOUND, message);
    }

    public static MimeoException conflict(String message) {
        return new MimeoException(Failure.CONFLICT, message);
    }

    public static MimeoException sourceError(String message) {
        return new MimeoException(Failure.SOURCE_ERROR, message);
    }

    public static MimeoException sourceError(String message, Throwable cause) {
        return new MimeoException(Failure.SOURCE_ERROR, message, cause);
    }

    public static MimeoException unreachable(String message, Throwable cause) {
        return new MimeoException(Failure.SOURCE_UNREACHABLE, message, cause);
    }
}
