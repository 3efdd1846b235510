package org.gtt.api;

/**
 * A request the API refuses. The web layer turns it into an HTTP status with the JSON body
 * {@code {"error": ..., "field": ..., "allowed": ...}}, so every refusal names what to fix.
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String field;
    private final String allowed;

    public ApiException(int status, String error, String field, String allowed) {
        super(error);
        this.status = status;
        this.field = field;
        this.allowed = allowed;
    }

    public static ApiException badField(String field, String error, String allowed) {
        return new ApiException(400, error, field, allowed);
    }

    public int status() { return status; }
    public String field() { return field; }
    public String allowed() { return allowed; }
}
