package io.raqib.core.config;

import java.util.Map;

/**
 * The mail server digests are sent through, part of {@link DigestSettings}.
 *
 * @param host     {@code raqib.smtp.host}: empty = no mail
 * @param port     {@code raqib.smtp.port} (default 25)
 * @param from     {@code raqib.smtp.from}: the sender address (default {@code raqib@localhost})
 * @param user     {@code raqib.smtp.user}: empty = no authentication
 * @param password {@code raqib.smtp.password}
 * @param startTls {@code raqib.smtp.starttls}: {@code true} requires STARTTLS (default {@code false})
 */
public record SmtpSettings(String host, int port, String from, String user, String password, boolean startTls) {

    public static final String HOST = "raqib.smtp.host";
    public static final String PORT = "raqib.smtp.port";
    public static final String FROM = "raqib.smtp.from";
    public static final String USER = "raqib.smtp.user";
    public static final String PASSWORD = "raqib.smtp.password";
    public static final String STARTTLS = "raqib.smtp.starttls";

    static final Map<String, String> DEFAULTS = Map.of(HOST, "", PORT, "25", FROM, "raqib@localhost", USER, "",
            PASSWORD, "", STARTTLS, "false");

    static SmtpSettings from(ConfigValues v) {
        String startTls = v.string(STARTTLS);
        if (!startTls.equals("true") && !startTls.equals("false")) {
            throw v.invalid(STARTTLS, startTls, "true or false");
        }
        int port = v.positiveInt(PORT);
        if (port > 65_535) {
            throw v.invalid(PORT, Integer.toString(port), "a port (1–65535)");
        }
        return new SmtpSettings(v.string(HOST), port, v.string(FROM), v.string(USER), v.string(PASSWORD),
                Boolean.parseBoolean(startTls));
    }

    /** No password in logs or error messages. */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", from=" + from + ", user=" + user + ", startTls="
                + startTls + "]";
    }
}
