package io.raqib.sink.api;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Objects;

/**
 * Who calls the API, as the server's token check found it: an operator (admin token: every desk, and watches with
 * no desk) or one desk (desk token: that desk's watches and their alerts, nothing else).
 *
 * @param desk the desk of a desk token; null for an admin token
 */
public record ApiCaller(String desk) {

    /** The operators' caller: reaches every desk. */
    public static final ApiCaller ADMIN = new ApiCaller(null);
    /** The request attribute in which the server's token check leaves the caller. */
    public static final String ATTRIBUTE = "raqib.caller";
    /** The only API paths that know desks (and so the only ones a desk token may call). */
    private static final List<String> DESK_AWARE_PATHS = List.of("/api/watches", "/api/alerts");

    /** The caller of one desk. */
    public static ApiCaller ofDesk(String desk) {
        return new ApiCaller(Objects.requireNonNull(desk, "desk"));
    }

    /** The caller of a request; a request no token check has passed is refused (never treated as an operator). */
    public static ApiCaller of(Context ctx) {
        ApiCaller caller = ctx.attribute(ATTRIBUTE);
        if (caller == null) {
            throw new HttpResponseException(401, "missing bearer token (Authorization: Bearer <token>)");
        }
        return caller;
    }

    /** Whether {@code path} is one of the endpoints that scope what they answer by desk. */
    public static boolean deskAware(String path) {
        return DESK_AWARE_PATHS.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    /** Whether this is an operator's (admin) token. */
    public boolean admin() {
        return desk == null;
    }

    /** Whether this caller may see or change what belongs to {@code watchDesk} (null: no desk, operators only). */
    public boolean reaches(String watchDesk) {
        return admin() || desk.equals(watchDesk);
    }
}
