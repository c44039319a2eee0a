package org.corridor.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import org.corridor.person.Person;
import org.corridor.person.Role;
import org.corridor.testing.ApiTest;
import org.corridor.testing.OnMariaDb;

/**
 * Email for what must not wait, through a real SMTP server (GreenMail) on MariaDB: who
 * receives what, once, and what an email may say about a student.
 */
@OnMariaDb
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1",
        "spring.mail.properties.mail.smtp.starttls.enable=false",
        "spring.mail.properties.mail.smtp.starttls.required=false", "corridor.mail.from=Corridor <corridor@demo.test>",
        "corridor.mail.public-url=https://corridor.demo.test/", "corridor.mail.retry-delays=50ms,100ms" })
class EmailTest extends ApiTest {

    private static final String NOTE = "Sees the counsellor about her parents";

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetup.SMTP.dynamicPort())
        .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired
    EmailOutbox outbox;

    @Autowired
    JavaMailSenderImpl mailSender;

    @BeforeEach
    void noEmailsAndDefaultSettings() throws Exception {
        assertThat(outbox.awaitIdle(Duration.ofSeconds(30))).isTrue();
        smtp.purgeEmailFromAllMailboxes();
        jdbc.update("delete from notification_preference");
        jdbc.update("update school set escalate_to = 'ADMINISTRATORS', email_escalations_to = 'ESCALATION_CONTACTS', "
                + "email_ended_by_system_to = 'DEPARTING_TEACHER', email_emergencies_to = 'ALL_STAFF', emergency_id = null");
    }

    /**
     * District-wide administrators (no school) that other test classes on this database
     * made: they are staff of every school, so they would be emailed too. Set aside for
     * this class's tests and put back after each.
     */
    private List<String> otherDistrictAdministrators = List.of();

    @BeforeEach
    void onlyTheDemoSchoolsStaff() {
        otherDistrictAdministrators = jdbc.queryForList("select p.id from person p join person_role r"
                + " on r.person_id = p.id where r.role = 'ADMIN' and p.school_id is null and p.removed_at is null"
                + " and p.email <> 'admin@corridor.test'", String.class);
        otherDistrictAdministrators
            .forEach(id -> jdbc.update("update person set removed_at = current_timestamp where id = ?", id));
    }

    @AfterEach
    void everyEmailSent() throws InterruptedException {
        assertThat(outbox.awaitIdle(Duration.ofSeconds(30))).isTrue();
        assertThat(
                jdbc.queryForList("select notification_id from email_outbox where claimed_until is null", String.class))
            .as("emails left in the outbox")
            .isEmpty();
        jdbc.update("delete from email_outbox");
        otherDistrictAdministrators.forEach(id -> jdbc.update("update person set removed_at = null where id = ?", id));
    }

    @Test
    void escalationReachesTheAdministratorOnceWithOnlyFirstNameInitialDestinationAndTimes() throws Exception {
        String id = escalated();

        MimeMessage email = onlyEmail();
        assertThat(recipient(email)).isEqualTo("admin@corridor.test");
        assertThat(email.getSubject()).isEqualTo("[Corridor] Unopened request: Ava A. to Restroom");
        String body = plainText(email);
        assertThat(body).contains("Ava A. asked at ", "to go to Restroom", "Ms Rivera", "America/New_York",
                "https://corridor.demo.test/admin-requests.html",
                "https://corridor.demo.test/notification-preferences.html");
        assertThat(body).doesNotContain("Adams", "1001", NOTE, "Ava Adams");
        assertThat(channelRecords(id)).containsExactly("EMAIL true");
    }

    @Test
    void escalationToCoTeachersEmailsTheCoTeacherAndNotTheAdministrators() throws Exception {
        jdbc.update("update school set escalate_to = 'CO_TEACHERS'");

        escalated();

        assertThat(recipient(onlyEmail())).isEqualTo("chen@corridor.test");
        assertThat(plainText(onlyEmail())).contains("https://corridor.demo.test/teacher.html");
    }

    @Test
    void personWhoTurnedEscalationEmailsOffGetsNone() throws Exception {
        var turnedOff = put("admin", "/api/me/notification-preferences",
                Map.of("preferences", List.of(Map.of("kind", "REQUEST_ESCALATED", "email", false))));

        String id = escalated();

        assertThat(turnedOff.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(emails()).isEmpty();
        assertThat(notificationTitles("admin", "REQUEST_ESCALATED")).hasSize(1);
        assertThat(channelRecords(id)).isEmpty();
    }

    @Test
    void schoolThatEmailsEscalationsToNobodySendsNone() throws Exception {
        put("admin", "/api/admin/schools/" + schoolId() + "/settings", Map.of("emailEscalationsTo", "NOBODY"));

        escalated();

        assertThat(emails()).isEmpty();
    }

    @Test
    void passEndedBySystemIsEmailedToTheTeacherTheStudentLeftAndNotToTheStudent() throws Exception {
        String id = out("ava", "Restroom");

        fireTimer(id, "Boundary_AutoEnd");
        assertThat(outbox.awaitIdle(Duration.ofSeconds(30))).isTrue();

        MimeMessage email = onlyEmail();
        assertThat(recipient(email)).isEqualTo("rivera@corridor.test");
        assertThat(email.getSubject()).isEqualTo("[Corridor] Pass ended by the time limit: Ava A.");
        assertThat(plainText(email)).contains("left for Restroom at ", "limit of 45 minutes")
            .doesNotContain("Adams", "1001");
    }

    @Test
    void emergencyDeclaredAndClearedReachEveryOtherStaffMemberOnceEach() throws Exception {
        post("admin", emergency(), null);
        assertThat(outbox.awaitIdle(Duration.ofSeconds(30))).isTrue();
        List<String> declared = recipients("[Corridor] Emergency declared at Demo High");

        call("admin", HttpMethod.DELETE, emergency(), null, Map.of());
        assertThat(outbox.awaitIdle(Duration.ofSeconds(30))).isTrue();

        assertThat(declared).containsExactlyInAnyOrder("rivera@corridor.test", "chen@corridor.test",
                "okafor@corridor.test");
        assertThat(recipients("[Corridor] Emergency cleared at Demo High"))
            .containsExactlyInAnyOrder("rivera@corridor.test", "chen@corridor.test", "okafor@corridor.test");
        assertThat(emails()).hasSize(6);
    }

    @Test
    void emergencyToldToAdministratorsOnlyReachesNoTeacher() throws Exception {
        put("admin", "/api/admin/schools/" + schoolId() + "/settings", Map.of("emailEmergenciesTo", "ADMINISTRATORS"));
        Person deputy = people.save(new Person(person("admin").getDistrictId(), schoolId(), "deputy@corridor.test",
                "Dana", "Deputy", Role.ADMIN));
        try {
            post("admin", emergency(), null);
            assertThat(outbox.awaitIdle(Duration.ofSeconds(30))).isTrue();

            assertThat(recipients("[Corridor] Emergency declared at Demo High"))
                .containsExactly("deputy@corridor.test");
            assertThat(notificationTitles("rivera", "EMERGENCY")).isEmpty();
        }
        finally {
            jdbc.update("delete from notification where person_id = ?", deputy.getId());
            jdbc.update("delete from person_role where person_id = ?", deputy.getId());
            jdbc.update("delete from person where id = ?", deputy.getId());
        }
    }

    @Test
    void refusalBySmtpServerIsRecordedAsNotAcceptedWithItsReplyAndNoAddress() throws Exception {
        int port = mailSender.getPort();
        try (RefusingSmtpServer refusing = new RefusingSmtpServer()) {
            mailSender.setPort(refusing.port());

            String id = escalated();

            assertThat(channelRecords(id)).singleElement()
                .asString()
                .startsWith("EMAIL false SMTP 550 5.1.1")
                .contains("Recipient address rejected", "(attempt 1 of 3)")
                .doesNotContain("@");
        }
        finally {
            mailSender.setPort(port);
        }
    }

    @Test
    void unreachableSmtpServerIsTriedThreeTimesAndEachAttemptRecorded() throws Exception {
        int port = mailSender.getPort();
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        try {
            mailSender.setPort(closed);

            String id = escalated();

            assertThat(channelRecords(id)).hasSize(3)
                .allSatisfy(r -> assertThat(r).startsWith("EMAIL false no connection to the SMTP server"));
            assertThat(channelRecords(id).get(2)).endsWith("(attempt 3 of 3)");
        }
        finally {
            mailSender.setPort(port);
        }
    }

    @Test
    void emailLeftInTheOutboxByAStoppedInstanceIsSentOnceByTheOthers() throws Exception {
        String id = leftInTheOutbox(null);

        // two instances' polls at once: one claims the row, the other finds it held
        outbox.sendWhatIsDue();
        outbox.sendWhatIsDue();
        assertThat(outbox.awaitIdle(Duration.ofSeconds(30))).isTrue();

        assertThat(recipients("[Corridor] Emergency declared at Demo High")).containsExactly("rivera@corridor.test");
        assertThat(emails()).hasSize(1);
        assertThat(channelRecords(id)).containsExactly("EMAIL true");
        assertThat(jdbc.queryForObject("select count(*) from email_outbox", Integer.class)).isZero();
    }

    @Test
    void emailHeldByAnotherRunningInstanceIsNotSentAgain() throws Exception {
        String id = leftInTheOutbox(Instant.now().plus(Duration.ofMinutes(1)));

        outbox.sendWhatIsDue();
        assertThat(outbox.awaitIdle(Duration.ofSeconds(30))).isTrue();

        assertThat(emails()).isEmpty();
        assertThat(channelRecords(id)).isEmpty();
        jdbc.update("delete from email_outbox where notification_id = ?", id);
    }

    @Test
    void retryStillWaitingIsInTheOutboxUntilItIsSent() throws Exception {
        int port = mailSender.getPort();
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        mailSender.setPort(closed);
        String id;
        try {
            id = leftInTheOutbox(null);
            jdbc.update("update email_outbox set attempt = 2 where notification_id = ?", id);

            outbox.sendWhatIsDue();
            assertThat(outbox.awaitIdle(Duration.ofSeconds(30))).isTrue();
        }
        finally {
            mailSender.setPort(port);
        }

        // the last attempt failed too, and was the last: given up, recorded, gone
        assertThat(channelRecords(id)).hasSize(2)
            .allSatisfy(r -> assertThat(r).startsWith("EMAIL false no connection to the SMTP server"));
        assertThat(channelRecords(id).get(0)).endsWith("(attempt 2 of 3; tried again in 0 s)");
        assertThat(channelRecords(id).get(1)).endsWith("(attempt 3 of 3)");
        assertThat(jdbc.queryForObject("select count(*) from email_outbox", Integer.class)).isZero();
    }

    // ---

    /**
     * An emergency notice for Ms Rivera whose email an instance queued and never sent (it
     * stopped): the notification row and its outbox row, as that instance left them.
     * @param claimedUntil null, or until when a running instance holds it
     */
    private String leftInTheOutbox(Instant claimedUntil) {
        String id = java.util.UUID.randomUUID().toString();
        java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC);
        jdbc.update(
                "insert into notification (id, district_id, person_id, kind, pass_id, title, body, created_at,"
                        + " version) values (?, ?, ?, 'EMERGENCY', null, 'Emergency declared at Demo High',"
                        + " 'Follow your school''s emergency procedure.', ?, 0)",
                id, person("rivera").getDistrictId(), person("rivera").getId(), now.minusSeconds(30));
        jdbc.update(
                "insert into email_outbox (notification_id, attempt, due_at, claimed_until, version)"
                        + " values (?, 1, ?, ?, 0)",
                id, now.minusSeconds(20), claimedUntil == null ? null
                        : java.time.LocalDateTime.ofInstant(claimedUntil, java.time.ZoneOffset.UTC));
        return id;
    }

    /**
     * A request from Ava, with a private note, escalated; answers the notification's id.
     */
    private String escalated() throws InterruptedException {
        String passId = post("ava", "/api/passes", Map.of("departingFromSectionId", english10(), "destinationId",
                destination("Restroom"), "type", "REGULAR", "note", NOTE))
            .getBody()
            .get("id")
            .asText();
        fireTimer(passId, "Boundary_EscalateUnseen");
        assertThat(outbox.awaitIdle(Duration.ofSeconds(30))).isTrue();
        // the administrators set aside are removed, so the escalation went to none of
        // them
        List<String> ids = jdbc.queryForList("select id from notification where pass_id = ? and kind = ?", String.class,
                passId, "REQUEST_ESCALATED");
        return ids.isEmpty() ? null : ids.get(0);
    }

    private String emergency() {
        return "/api/admin/schools/" + schoolId() + "/emergency";
    }

    private List<MimeMessage> emails() {
        return Arrays.asList(smtp.getReceivedMessages());
    }

    private MimeMessage onlyEmail() {
        assertThat(emails()).hasSize(1);
        return emails().get(0);
    }

    /** The text part, decoded, as a person's mail program shows it. */
    private static String plainText(Part part) throws MessagingException, java.io.IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = plainText(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    private static String recipient(MimeMessage email) throws MessagingException {
        return email.getRecipients(Message.RecipientType.TO)[0].toString();
    }

    private List<String> recipients(String subject) throws MessagingException {
        List<String> to = new java.util.ArrayList<>();
        for (MimeMessage email : emails()) {
            if (subject.equals(email.getSubject())) {
                to.add(recipient(email));
            }
        }
        return to;
    }

    private List<String> channelRecords(String notificationId) {
        return jdbc.queryForList("select concat(channel, ' ', case when accepted then 'true' else 'false' end, "
                + "coalesce(concat(' ', detail), '')) from notification_channel where notification_id = ? "
                + "order by sent_at, id", String.class, notificationId);
    }

}
