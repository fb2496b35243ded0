package io.raqib.sink.digest;

import io.raqib.core.config.SmtpSettings;
import io.raqib.core.model.Digest;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/** Sends digests through the configured SMTP server, as UTF-8 plain text with an HTML alternative. */
public final class DigestMailer {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private final Session session;
    private final SmtpSettings smtp;

    public DigestMailer(SmtpSettings smtp) {
        this.smtp = smtp;
        Properties props = new Properties();
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", Integer.toString(smtp.port()));
        props.put("mail.smtp.connectiontimeout", Long.toString(TIMEOUT.toMillis()));
        props.put("mail.smtp.timeout", Long.toString(TIMEOUT.toMillis()));
        props.put("mail.smtp.writetimeout", Long.toString(TIMEOUT.toMillis()));
        props.put("mail.smtp.starttls.enable", Boolean.toString(smtp.startTls()));
        props.put("mail.smtp.starttls.required", Boolean.toString(smtp.startTls()));
        boolean auth = !smtp.user().isEmpty();
        props.put("mail.smtp.auth", Boolean.toString(auth));
        this.session = Session.getInstance(props, auth ? new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(smtp.user(), smtp.password());
            }
        } : null);
    }

    /** Mails {@code digest} to {@code recipients}; throws when the server refuses it or cannot be reached. */
    public void send(Digest digest, List<String> recipients) throws MessagingException {
        DigestMail mail = DigestMail.of(digest);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(smtp.from(), true));
        for (String to : recipients) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
        }
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(new Date());
        message.setHeader("X-Raqib-Digest", digest.id());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), "UTF-8", "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        Transport.send(message);
    }
}
