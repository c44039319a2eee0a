package org.corridor.benchmark.bellrush;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts the statements MariaDB executed for each call, from the server's general log:
 * switched on while the calls run, with a marker statement
 * ({@code select 'BELLRUSH call <name>'}) before each call and one
 * ({@code 'BELLRUSH done'}) after it, then read back. Only the statements of connections
 * to the measured database count (the server's other databases may be busy meanwhile:
 * other people's tests do not disturb the figures). Each statement is named by its kind
 * and the tables it names ({@code select hall_pass+pass_flag}, {@code insert pass_event},
 * {@code set autocommit=0}, ...), so the report says where the statements come from.
 */
final class StatementCounter implements AutoCloseable {

    static final String BETWEEN = "(between calls: job executor, pushes after commit)";

    private static final Pattern ENTRY = Pattern.compile("^(?:\\d{6}\\s+\\d{1,2}:\\d{2}:\\d{2})?\\s+(\\d+)\\s+"
            + "(Query|Execute|Prepare|Close stmt|Connect|Quit|Init DB|Reset stmt|Change user|Field List|Statistics|Ping)"
            + "\\t?(.*)$");

    private static final Pattern TABLE = Pattern.compile("\\b(from|join|into|update)\\s+`?([a-z_][a-z0-9_]*)`?");

    private final Connection db;

    private final String database;

    private final Path file;

    private final long ownId;

    private final Set<Long> connections = new HashSet<>();

    /**
     * @param file where the server writes its general log: a path the server may write
     * and this JVM read
     */
    StatementCounter(String url, String user, String password, String database, Path file) throws SQLException {
        this.db = DriverManager.getConnection(url, user, password);
        this.database = database;
        this.file = file;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select connection_id()")) {
            rs.next();
            ownId = rs.getLong(1);
        }
    }

    void start() throws SQLException, IOException {
        Files.deleteIfExists(file);
        execute("set global general_log_file = '" + file + "'");
        execute("set global general_log = 1");
        rememberConnections();
    }

    void stop() throws SQLException {
        rememberConnections();
        execute("set global general_log = 0");
    }

    /** A marker line: {@code call <name>} before a call, {@code done} after it. */
    void mark(String what) {
        try {
            execute("select 'BELLRUSH " + what.replace("'", "") + "'");
        }
        catch (SQLException e) {
            throw new IllegalStateException("writing a marker", e);
        }
    }

    /** The connections to the measured database now (the pool's, the engine's). */
    private void rememberConnections() throws SQLException {
        try (PreparedStatement s = db.prepareStatement("select id from information_schema.processlist where db = ?")) {
            s.setString(1, database);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    connections.add(rs.getLong(1));
                }
            }
        }
        connections.remove(ownId);
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * Per call name: how many statements of each kind, summed over all its calls, and
     * (key "") how many calls.
     */
    Map<String, Map<String, Long>> count() throws IOException {
        List<String[]> entries = new ArrayList<>(); // id, command, argument
        // Latin-1 reads any byte: the log holds every connection's statements, and
        // another
        // database's client may send bytes that are not UTF-8 (a count once failed on
        // one).
        // Only the ASCII of markers, verbs and table names is compared.
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            Matcher m = ENTRY.matcher(line);
            if (m.matches()) {
                entries.add(new String[] { m.group(1), m.group(2), m.group(3) });
            }
            else if (!entries.isEmpty()) {
                String[] last = entries.get(entries.size() - 1);
                last[2] = last[2] + " " + line;
            }
        }
        Set<Long> ids = new HashSet<>(connections);
        for (String[] e : entries) {
            if (e[1].equals("Connect") && e[2].contains(" on " + database + " ")) {
                ids.add(Long.parseLong(e[0]));
            }
        }
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        String current = BETWEEN;
        for (String[] e : entries) {
            long id = Long.parseLong(e[0]);
            if (id == ownId) {
                if (e[1].equals("Query") && e[2].startsWith("select 'BELLRUSH ")) {
                    String what = e[2].substring("select 'BELLRUSH ".length(), e[2].length() - 1);
                    if (what.startsWith("call ")) {
                        current = what.substring("call ".length());
                        counts.computeIfAbsent(current, k -> new TreeMap<>()).merge("", 1L, Long::sum);
                    }
                    else {
                        current = BETWEEN;
                    }
                }
                continue;
            }
            if (ids.contains(id) && (e[1].equals("Query") || e[1].equals("Execute"))) {
                counts.computeIfAbsent(current, k -> new TreeMap<>()).merge(kind(e[2]), 1L, Long::sum);
            }
        }
        return counts;
    }

    /**
     * "select hall_pass+pass_flag", "insert pass_event", "update ACT_RU_TASK", "set
     * autocommit=0", "commit".
     */
    static String kind(String sql) {
        String s = sql.strip().replaceAll("\\s+", " ");
        String lower = s.toLowerCase(Locale.ROOT);
        String verb = lower.split("[ (]", 2)[0];
        if (!Set.of("select", "insert", "update", "delete").contains(verb)) {
            return lower.length() > 40 ? lower.substring(0, 40) : lower;
        }
        Set<String> tables = new java.util.LinkedHashSet<>();
        Matcher m = TABLE.matcher(lower);
        while (m.find()) {
            String table = m.group(2);
            if (!table.equals("select")) {
                tables.add(table.startsWith("act_") ? table.toUpperCase(Locale.ROOT) : table);
            }
        }
        if (verb.equals("select") && lower.contains(" for update")) {
            verb = "select for update";
        }
        return verb + " " + (tables.isEmpty() ? "(no table)" : String.join("+", tables));
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }

}
