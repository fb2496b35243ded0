package io.raqib.app;

import java.security.SecureRandom;
import java.util.HexFormat;

/** API tokens for processes that have none configured (the demo): random, 128 bits, hex. */
public final class ApiTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokens() {
    }

    /** A fresh random token. */
    public static String generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
