package org.corridor.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.corridor.pass.PassView;
import org.corridor.person.Role;
import org.corridor.problem.ApiProblem;
import org.corridor.problem.FieldError;
import org.corridor.problem.InvalidInput;
import org.corridor.security.Caller;

/**
 * The record of reads, for the district's auditors: filtered by reader, student and time;
 * paged or CSV.
 */
@Service
public class ReadRecords {

    static final String[] CSV_HEADER = { "read_at", "reader", "reader_id", "student_number", "student", "student_id",
            "pass_id", "what", "endpoint" };

    private static final Set<String> KNOWN = Set.of("readerId", "studentId", "from", "to", "page", "size");

    private static final String SELECT = "SELECT r.read_at, r.reader_id, r.student_id, r.pass_id, r.what, r.endpoint,"
            + " COALESCE(rd.display_name, CONCAT(rd.given_name, ' ', rd.family_name)) reader,"
            + " COALESCE(st.display_name, CONCAT(st.given_name, ' ', st.family_name)) student, st.student_number"
            + " FROM pass_read r LEFT JOIN person rd ON rd.id = r.reader_id LEFT JOIN person st ON st.id = r.student_id";

    /** A checked filter of the record of reads. */
    public record Filter(String readerId, String studentId, Instant from, Instant to, ZoneId zone) {
    }

    private final PassFilters filters;

    private final NamedParameterJdbcTemplate jdbc;

    private final NamedParameterJdbcTemplate streaming;

    ReadRecords(PassFilters filters, NamedParameterJdbcTemplate jdbc, DataSource dataSource) {
        this.filters = filters;
        this.jdbc = jdbc;
        JdbcTemplate fetching = new JdbcTemplate(dataSource);
        fetching.setFetchSize(PassSearch.FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(fetching);
    }

    public Filter filter(Caller caller, Map<String, String> query) {
        if (!caller.is(Role.AUDITOR)) {
            throw ApiProblem.forbidden("Only auditors can read the record of reads.");
        }
        List<FieldError> errors = new ArrayList<>();
        query.keySet()
            .stream()
            .filter(k -> !KNOWN.contains(k))
            .sorted()
            .forEach(k -> errors
                .add(new FieldError(k, "is not a filter; filters are readerId, studentId, from, " + "to, page, size")));
        ZoneId zone = filters.zone(caller, null, errors);
        Instant from = PassFilters.time(query, "from", zone, false, errors);
        Instant to = PassFilters.time(query, "to", zone, true, errors);
        if (from != null && to != null && !from.isBefore(to)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        Filter filter = new Filter(PassFilters.text(query, "readerId", errors),
                PassFilters.text(query, "studentId", errors), from, to, zone == null ? ZoneOffset.UTC : zone);
        PassFilters.page(query, errors);
        if (!errors.isEmpty()) {
            throw InvalidInput.fields("Invalid search", "search", errors);
        }
        return filter;
    }

    @Transactional(readOnly = true)
    public ReadRow.Page page(Caller caller, Map<String, String> query) {
        Filter filter = filter(caller, query);
        PassFilters.Page page = filters.page(query);
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(caller, filter, params);
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM pass_read r" + where, params, Long.class);
        params.addValue("limit", page.size()).addValue("offset", page.offset());
        List<ReadRow> rows = jdbc.query(SELECT + where + " ORDER BY r.read_at DESC, r.id LIMIT :limit OFFSET :offset",
                params, (rs, n) -> row(rs));
        return new ReadRow.Page(total == null ? 0 : total, page.page(), page.size(), rows);
    }

    /**
     * Every matching read as CSV, newest first, written while it is read; times on the
     * school's clock.
     */
    @Transactional(readOnly = true)
    public void export(Caller caller, Filter filter, Writer out) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(caller, filter, params);
        try {
            CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(CSV_HEADER).get().print(out);
            streaming.query(SELECT + where + " ORDER BY r.read_at DESC, r.id", params, rs -> {
                ReadRow row = row(rs);
                try {
                    csv.printRecord(SpreadsheetCells.safe(row.readAt().atZone(filter.zone()).toOffsetDateTime(),
                            row.reader().name(), row.reader().id(), rs.getString("student_number"),
                            row.student().name(), row.student().id(), row.passId(), row.what(), row.endpoint()));
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ReadRow row(ResultSet rs) throws SQLException {
        return new ReadRow(rs.getObject("read_at", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                new PassView.Ref(rs.getString("reader_id"), rs.getString("reader")),
                new PassView.Ref(rs.getString("student_id"), rs.getString("student")), rs.getString("pass_id"),
                rs.getString("what"), rs.getString("endpoint"));
    }

    private static String where(Caller caller, Filter f, MapSqlParameterSource params) {
        StringBuilder sql = new StringBuilder(" WHERE r.district_id = :district");
        params.addValue("district", caller.districtId());
        if (f.readerId() != null) {
            sql.append(" AND r.reader_id = :reader");
            params.addValue("reader", f.readerId());
        }
        if (f.studentId() != null) {
            sql.append(" AND r.student_id = :student");
            params.addValue("student", f.studentId());
        }
        if (f.from() != null) {
            sql.append(" AND r.read_at >= :from");
            params.addValue("from", LocalDateTime.ofInstant(f.from(), ZoneOffset.UTC));
        }
        if (f.to() != null) {
            sql.append(" AND r.read_at < :to");
            params.addValue("to", LocalDateTime.ofInstant(f.to(), ZoneOffset.UTC));
        }
        return sql.toString();
    }

}
