package org.corridor.roster;

import java.time.LocalDate;
import java.util.UUID;

import org.corridor.roster.DistrictRoster.SessionData;
import org.corridor.roster.DistrictRoster.SessionRow;

/**
 * The academicSessions file: terms, semesters and school years, which give each class its
 * dates.
 */
final class SessionsFile extends CollectionFile<SessionRow> {

    SessionsFile(RosterSet set, DistrictRoster roster, RowFields fields, RosterReport.Builder report) {
        super(RosterSet.SESSIONS, set, roster, fields, report, roster.sessions, session -> session.before != null);
    }

    @Override
    void active(CsvTable.Row row, String id, SessionRow session) {
        String title = fields.text(row, "title", RowFields.MAX_SECTION_NAME, true);
        String type = fields.text(row, "type", 32, true);
        LocalDate start = fields.date(row, "startDate", true);
        LocalDate end = fields.date(row, "endDate", true);
        if (title == null || type == null || start == null || end == null) {
            return;
        }
        if (end.isBefore(start)) {
            report.error(row, "endDate", "The session ends (" + end + ") before it starts (" + start + ").");
            return;
        }
        SessionData data = new SessionData(title, type, start, end, RowFields.emptyToNull(row.get("parentSourcedId")),
                RowFields.emptyToNull(row.get("schoolYear")), false);
        if (session == null) {
            session = new SessionRow();
            session.id = UUID.randomUUID().toString();
            session.sourceId = id;
            roster.sessions.put(id, session);
        }
        session.after = data;
    }

    @Override
    void remove(SessionRow session) {
        SessionData d = session.after;
        session.after = new SessionData(d.title(), d.type(), d.startsOn(), d.endsOn(), d.parent(), d.schoolYear(),
                true);
    }

}
