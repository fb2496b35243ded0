package io.raqib.ingest.net;

import java.net.UnknownHostException;

/**
 * A fetch refused because the address it would connect to is not allowed. An {@link UnknownHostException}, as
 * OkHttp's {@code Dns} may only throw that: to the HTTP client the host has no address it may use.
 */
public final class RefusedAddressException extends UnknownHostException {

    private static final long serialVersionUID = 1L;

    public RefusedAddressException(String reason) {
        super(reason);
    }
}
