package org.corridor.email;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Hands one email to the SMTP server and says how it went, in words safe to store and
 * log: the server's reply with every email address taken out.
 */
class SmtpDelivery {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");

    private final JavaMailSender sender;

    private final InternetAddress from;

    SmtpDelivery(JavaMailSender sender, InternetAddress from) {
        this.sender = sender;
        this.from = from;
    }

    /**
     * @param accepted the server took the email
     * @param worthRetrying it may take it later: no connection, or a 4xx reply
     * @param detail the reply or the failure, without personal data; null when accepted
     */
    record Outcome(boolean accepted, boolean worthRetrying, String detail) {
    }

    Outcome send(Email email) {
        try {
            sender.send(message(email));
            return new Outcome(true, false, null);
        }
        catch (MailException | MessagingException e) {
            return failure(e);
        }
    }

    private MimeMessage message(Email email) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(email.to());
        helper.setSubject(email.subject());
        helper.setText(email.text(), email.html());
        // RFC 3834: an automatic message; out-of-office replies are not sent back to it
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Auto-Response-Suppress", "All");
        return message;
    }

    static Outcome failure(Exception e) {
        for (Throwable t : causes(e)) {
            if (t instanceof SMTPAddressFailedException a) {
                return replied(a.getReturnCode(), a.getMessage());
            }
            if (t instanceof SMTPSenderFailedException s) {
                return replied(s.getReturnCode(), s.getMessage());
            }
            if (t instanceof SMTPSendFailedException s) {
                return replied(s.getReturnCode(), s.getMessage());
            }
        }
        for (Throwable t : causes(e)) {
            if (t instanceof AuthenticationFailedException) {
                return new Outcome(false, false, "the SMTP server refused the sign-in: " + clean(t.getMessage()));
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return new Outcome(false, true, "no connection to the SMTP server: " + clean(t.getMessage()));
            }
            if (t instanceof SocketTimeoutException) {
                // the server may have taken it: not sent again, so nobody gets it twice
                return new Outcome(false, false, "the SMTP server did not answer in time");
            }
        }
        return new Outcome(false, false, e.getClass().getSimpleName() + ": " + clean(e.getMessage()));
    }

    private static Outcome replied(int code, String reply) {
        String text = clean(reply);
        return new Outcome(false, code >= 400 && code < 500,
                "SMTP " + (text.startsWith(String.valueOf(code)) ? text : code + " " + text));
    }

    /** Every cause, and every next exception of a MessagingException, outermost first. */
    private static List<Throwable> causes(Exception e) {
        Deque<Throwable> todo = new ArrayDeque<>();
        Set<Throwable> seen = new HashSet<>();
        List<Throwable> all = new ArrayList<>();
        todo.add(e);
        if (e instanceof MailSendException send) {
            todo.addAll(List.of(send.getMessageExceptions()));
        }
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            all.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof MessagingException m && m.getNextException() != null) {
                todo.add(m.getNextException());
            }
        }
        return all;
    }

    /** One line, no email addresses, short enough for the record. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String line = ADDRESS.matcher(text).replaceAll("(address)").replaceAll("\\s+", " ").trim();
        return line.length() <= 150 ? line : line.substring(0, 149) + "…";
    }

}
