// test/clients/JdbcTest.java: the extension's types through JDBC (pgjdbc from
// Debian's libpostgresql-jdbc-java), for every type in test/clients/cases.tsv:
//
// - getString() gives the canonical text; getObject() a PGobject whose
//   getType() is the type's name; ResultSetMetaData.getColumnTypeName() is
//   the type's name (what getColumnType() and DatabaseMetaData report is
//   printed as "info");
// - inserts through setString with CAST(? AS type), setString alone (the
//   assignment cast from varchar), setString on a connection with
//   stringtype=unspecified, and setObject(PGobject), all read back canonical;
// - the documented pitfall: setString compared with a column of the type
//   fails with 42883 unless cast or stringtype=unspecified;
// - ORDER BY follows the documented order; the type's enumerate query gives
//   every value in order;
// - bad input: SQLException with the SQLSTATE, and the server's hint through
//   PSQLException.getServerErrorMessage().getHint();
// - NULL through setNull and a PGobject with a null value;
// - binary transfer (prepareThreshold=-1, binaryTransferEnable=<the type's
//   OID in this database>): getBytes() gives the documented send bytes;
// - the BI view pattern describes as standard JDBC types.
//
// Run by test/clients/jdbc.sh: java JdbcTest CASES_FILE, connection over TCP
// to 127.0.0.1:$PGPORT, database $CLIENT_DB, user $PGUSER. Exit status 1 when
// a check fails.

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import org.postgresql.util.PGobject;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

public final class JdbcTest {

    // ---- the cases file (format: see the header of cases.tsv)

    record Value(String type, String input, String canonical, byte[] binary, int key) {}

    record Err(String type, String input, String sqlState, String hint) {}

    record View(String type, String selectList, List<String[]> columns) {}

    static final class Cases {
        final Set<String> types = new LinkedHashSet<>();
        final Map<String, List<Value>> values = new LinkedHashMap<>();
        final Map<String, List<Err>> errors = new LinkedHashMap<>();
        final Map<String, List<String>> enumerates = new LinkedHashMap<>();
        final Map<String, List<View>> views = new LinkedHashMap<>();

        static final Map<String, Integer> FIELDS =
                Map.of("value", 5, "error", 4, "binerror", 3, "enumerate", 2, "view", 3);

        Cases(Path path) throws IOException {
            int lineno = 0;
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                lineno++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                // keep empty and blank fields: inputs may start or end with blanks
                String[] f = line.split("\t", -1);
                Integer n = FIELDS.get(f[0]);
                if (n == null || f.length != n + 1) {
                    throw new IllegalArgumentException(path + ":" + lineno + ": bad row: " + line);
                }
                String t = f[1];
                types.add(t);
                switch (f[0]) {
                    case "value" -> values.computeIfAbsent(t, k -> new ArrayList<>()).add(new Value(t, f[2], f[3],
                            f[4].equals("-") ? null : HexFormat.of().parseHex(f[4]), Integer.parseInt(f[5])));
                    case "error" -> errors.computeIfAbsent(t, k -> new ArrayList<>())
                            .add(new Err(t, f[2], f[3], f[4].equals("-") ? null : f[4]));
                    case "enumerate" -> enumerates.computeIfAbsent(t, k -> new ArrayList<>()).add(f[2]);
                    case "view" -> {
                        List<String[]> cols = new ArrayList<>();
                        for (String c : f[3].trim().split(" +")) {
                            cols.add(c.split(":", 2));
                        }
                        views.computeIfAbsent(t, k -> new ArrayList<>()).add(new View(t, f[2], cols));
                    }
                    default -> { } // binerror: this driver cannot send binary parameters of a custom type
                }
            }
        }

        List<Value> values(String t) {
            return values.getOrDefault(t, List.of());
        }

        /** The distinct canonical values of t in key order, each with its binary form. */
        Map<String, byte[]> orderedCanonicals(String t) {
            TreeMap<Integer, Map<String, byte[]>> byKey = new TreeMap<>();
            for (Value v : values(t)) {
                byKey.computeIfAbsent(v.key(), k -> new LinkedHashMap<>()).putIfAbsent(v.canonical(), v.binary());
            }
            Map<String, byte[]> out = new LinkedHashMap<>();
            byKey.values().forEach(m -> m.forEach(out::putIfAbsent));
            return out;
        }

        Map<String, Integer> keyOf(String t) {
            Map<String, Integer> m = new LinkedHashMap<>();
            values(t).forEach(v -> m.put(v.canonical(), v.key()));
            return m;
        }
    }

    // ---- reporting

    static int passed;
    static int failed;
    static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);

    static void ok(String what) {
        passed++;
        OUT.println("ok    " + what);
    }

    static void fail(String what, String detail) {
        failed++;
        OUT.println("FAIL  " + what + "\n      " + detail);
    }

    static boolean check(String what, boolean cond, String detail) {
        if (cond) {
            ok(what);
        } else {
            fail(what, detail);
        }
        return cond;
    }

    static boolean equal(String what, Object expected, Object actual) {
        return check(what, Objects.equals(expected, actual),
                "expected " + expected + "\n      got      " + actual);
    }

    static void info(String what) {
        OUT.println("info  " + what);
    }

    interface Check {
        void run() throws Exception;
    }

    /** Run a group of checks; an unexpected exception fails the group. */
    static void run(String what, Check c) {
        try {
            c.run();
        } catch (Exception e) {
            fail(what, "unexpected " + e.getClass().getName() + ": " + e.getMessage());
        }
    }

    static String hex(byte[] b) {
        return b == null ? "null" : HexFormat.of().formatHex(b);
    }

    // ---- connections

    static String url;
    static Properties baseProps;

    static Connection connect(String... extra) throws SQLException {
        Properties p = new Properties();
        p.putAll(baseProps);
        for (int i = 0; i < extra.length; i += 2) {
            p.setProperty(extra[i], extra[i + 1]);
        }
        return DriverManager.getConnection(url, p);
    }

    static List<String> column(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        }
        return out;
    }

    /** java.sql.Types the BI view's column kinds (cases.tsv) may be reported as. */
    static final Map<String, Set<Integer>> KIND_TYPES = Map.of(
            "char", Set.of(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.NCHAR),
            "int", Set.of(Types.INTEGER, Types.SMALLINT),
            "bigint", Set.of(Types.BIGINT),
            "numeric", Set.of(Types.NUMERIC, Types.DECIMAL),
            "float", Set.of(Types.REAL, Types.DOUBLE, Types.FLOAT),
            "date", Set.of(Types.DATE),
            "bool", Set.of(Types.BOOLEAN, Types.BIT));

    // ---- the checks for one type

    static void checkType(Cases cases, Connection c, String t) throws SQLException {
        String tbl = "client_" + t;
        List<Value> values = cases.values(t);
        long oid;
        try (PreparedStatement p = c.prepareStatement("SELECT CAST(? AS regtype)::oid")) {
            p.setString(1, t);
            ResultSet r = p.executeQuery();
            r.next();
            oid = r.getLong(1);
        }
        info(t + ": OID " + oid + " in this database");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + tbl + " (id int PRIMARY KEY, val " + t + ")");
        }

        // -- metadata
        run(t + ": metadata", () -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT val FROM " + tbl)) {
                ResultSetMetaData md = r.getMetaData();
                equal(t + ": ResultSetMetaData.getColumnTypeName() is \"" + t + "\"", t, md.getColumnTypeName(1));
                info(t + ": ResultSetMetaData getColumnType()=" + md.getColumnType(1)
                        + " (java.sql.Types.OTHER=" + Types.OTHER + ") getColumnClassName()="
                        + md.getColumnClassName(1) + " getPrecision()=" + md.getPrecision(1)
                        + " getColumnDisplaySize()=" + md.getColumnDisplaySize(1));
            }
            DatabaseMetaData dm = c.getMetaData();
            try (ResultSet r = dm.getColumns(null, null, tbl, "val")) {
                check(t + ": DatabaseMetaData.getColumns() finds the column", r.next(), "no row");
                equal(t + ": DatabaseMetaData.getColumns() TYPE_NAME is \"" + t + "\"", t, r.getString("TYPE_NAME"));
                info(t + ": DatabaseMetaData.getColumns() DATA_TYPE=" + r.getInt("DATA_TYPE")
                        + " COLUMN_SIZE=" + r.getInt("COLUMN_SIZE"));
            }
        });

        // -- getString / getObject of each value
        run(t + ": getString/getObject", () -> {
            List<String> badString = new ArrayList<>();
            List<String> badObject = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT CAST(? AS " + t + ")")) {
                for (Value v : values) {
                    p.setString(1, v.input());
                    try (ResultSet r = p.executeQuery()) {
                        r.next();
                        String s = r.getString(1);
                        if (!v.canonical().equals(s)) {
                            badString.add(v.input() + " -> " + s);
                        }
                        Object o = r.getObject(1);
                        if (!(o instanceof PGobject pg) || !t.equals(pg.getType())
                                || !v.canonical().equals(pg.getValue())) {
                            badObject.add(v.input() + " -> " + (o == null ? "null" : o.getClass().getName()
                                    + (o instanceof PGobject pg2 ? " type " + pg2.getType() + " value " + pg2.getValue() : "")));
                        }
                    }
                }
            }
            check(t + ": getString() gives the canonical text (" + values.size() + " values)",
                    badString.isEmpty(), String.join("; ", badString));
            check(t + ": getObject() gives a PGobject with getType() \"" + t
                    + "\" and the canonical getValue() (" + values.size() + " values)",
                    badObject.isEmpty(), String.join("; ", badObject));
        });

        // -- inserts, one block of ids per way, read back as text
        try (Connection unspecified = connect("stringtype", "unspecified")) {
            insertWay(c, t, tbl, values, 1000, "setString and CAST(? AS " + t + ")",
                    c, "CAST(? AS " + t + ")", false);
            insertWay(c, t, tbl, values, 2000, "setString alone (the assignment cast from varchar)",
                    c, "?", false);
            insertWay(c, t, tbl, values, 3000, "setString on a connection with stringtype=unspecified",
                    unspecified, "?", false);
            insertWay(c, t, tbl, values, 4000, "setObject(PGobject of type " + t + ")", c, "?", true);

            // -- the parameter-typing pitfall and its two fixes
            if (!values.isEmpty()) {
                Value v = values.get(0);
                String where = "SELECT count(*) FROM " + tbl + " WHERE val = ";
                run(t + ": parameter typing", () -> {
                    long want;
                    try (PreparedStatement p = c.prepareStatement(where + "CAST(? AS " + t + ")")) {
                        p.setString(1, v.input());
                        ResultSet r = p.executeQuery();
                        r.next();
                        want = r.getLong(1);
                        check(t + ": WHERE val = CAST(? AS " + t + ") with setString matches rows", want > 0,
                                "no rows for " + v.input());
                    }
                    try (PreparedStatement p = c.prepareStatement(where + "?")) {
                        p.setString(1, v.input());
                        p.executeQuery();
                        fail(t + ": WHERE val = ? with setString fails (varchar parameter)",
                                "no error: the documented pitfall no longer happens, update doc/clients.md");
                    } catch (SQLException e) {
                        equal(t + ": WHERE val = ? with setString fails with SQLSTATE 42883 "
                                + "(operator does not exist: character varying = " + t + ")", "42883", e.getSQLState());
                    }
                    try (PreparedStatement p = unspecified.prepareStatement(where + "?")) {
                        p.setString(1, v.input());
                        ResultSet r = p.executeQuery();
                        r.next();
                        equal(t + ": WHERE val = ? with setString works with stringtype=unspecified", want, r.getLong(1));
                    }
                });
            }
        }

        // -- NULL
        run(t + ": NULL", () -> {
            try (PreparedStatement p = c.prepareStatement(
                    "INSERT INTO " + tbl + " (id, val) VALUES (?, CAST(? AS " + t + "))")) {
                p.setInt(1, 9998);
                p.setNull(2, Types.VARCHAR);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO " + tbl + " (id, val) VALUES (?, ?)")) {
                PGobject nul = new PGobject();
                nul.setType(t);
                nul.setValue(null);
                p.setInt(1, 9999);
                p.setObject(2, nul);
                p.executeUpdate();
            }
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT id, val FROM " + tbl + " WHERE id IN (9998, 9999) ORDER BY id")) {
                List<String> got = new ArrayList<>();
                while (r.next()) {
                    String str = r.getString(2);
                    boolean wasNull = r.wasNull();
                    got.add(r.getInt(1) + ":" + str + "/" + wasNull + "/" + r.getObject(2));
                }
                equal(t + ": NULL via setNull and via a PGobject with a null value reads back as null",
                        List.of("9998:null/true/null", "9999:null/true/null"), got);
            }
        });

        // -- ORDER BY and the enumerate query
        run(t + ": ORDER BY", () -> {
            Map<String, Integer> key = cases.keyOf(t);
            List<String> got = column(c, "SELECT val FROM " + tbl + " WHERE val IS NOT NULL ORDER BY val, id");
            List<Integer> keys = new ArrayList<>();
            got.forEach(g -> keys.add(key.get(g)));
            List<Integer> sorted = new ArrayList<>(keys);
            boolean known = !keys.contains(null);
            if (known) {
                sorted.sort(null);
            }
            check(t + ": ORDER BY val follows the documented order (" + got.size() + " rows)",
                    known && keys.equals(sorted), "order fetched: " + got);
        });
        for (String q : cases.enumerates.getOrDefault(t, List.of())) {
            run(t + ": " + q, () -> equal(t + ": " + q + " gives every value in order",
                    new ArrayList<>(cases.orderedCanonicals(t).keySet()), column(c, q)));
        }

        // -- bad input
        for (Err e : cases.errors.getOrDefault(t, List.of())) {
            String what = t + ": bad input '" + e.input() + "' gives SQLException with SQLSTATE " + e.sqlState();
            try (PreparedStatement p = c.prepareStatement("SELECT CAST(? AS " + t + ")")) {
                p.setString(1, e.input());
                p.executeQuery();
                fail(what, "no error");
            } catch (SQLException ex) {
                equal(what, e.sqlState(), ex.getSQLState());
                if (e.hint() != null) {
                    ServerErrorMessage m = ex instanceof PSQLException pe ? pe.getServerErrorMessage() : null;
                    equal(t + ": ... and PSQLException.getServerErrorMessage().getHint() is \"" + e.hint() + "\"",
                            e.hint(), m == null ? "(no ServerErrorMessage; " + ex.getClass().getName() + ")" : m.getHint());
                }
            }
        }

        // -- binary transfer
        run(t + ": binary transfer", () -> {
            try (Connection b = connect("prepareThreshold", "-1", "binaryTransferEnable", Long.toString(oid))) {
                List<String> bad = new ArrayList<>();
                int n = 0;
                String firstString = null;
                try (PreparedStatement p = b.prepareStatement("SELECT val FROM " + tbl + " WHERE id = ?")) {
                    for (int i = 0; i < values.size(); i++) {
                        Value v = values.get(i);
                        if (v.binary() == null) {
                            continue;
                        }
                        n++;
                        p.setInt(1, 1000 + i);
                        try (ResultSet r = p.executeQuery()) {
                            r.next();
                            byte[] got = r.getBytes(1);
                            if (!Arrays.equals(v.binary(), got)) {
                                bad.add(v.input() + ": got " + hex(got) + " want " + hex(v.binary()));
                            }
                            if (firstString == null) {
                                Object o = r.getObject(1);
                                firstString = "getString()=" + r.getString(1) + ", getObject()="
                                        + (o == null ? "null" : o.getClass().getName()
                                        + (o instanceof PGobject pg ? " with getValue()=" + pg.getValue() : ""));
                            }
                        }
                    }
                    p.setInt(1, 9998);
                    try (ResultSet r = p.executeQuery()) {
                        r.next();
                        equal(t + ": binary mode: getBytes() of NULL is null", "null", hex(r.getBytes(1)));
                    }
                }
                check(t + ": binary mode (prepareThreshold=-1, binaryTransferEnable=" + oid
                        + "): getBytes() gives the documented send bytes (" + n + " values)",
                        bad.isEmpty(), String.join("; ", bad));
                if (firstString != null) {
                    info(t + ": binary mode: " + firstString + " (pgjdbc cannot decode the binary form)");
                }
                for (String q : cases.enumerates.getOrDefault(t, List.of())) {
                    List<String> got = new ArrayList<>();
                    try (PreparedStatement p = b.prepareStatement(q); ResultSet r = p.executeQuery()) {
                        while (r.next()) {
                            got.add(hex(r.getBytes(1)));
                        }
                    }
                    List<String> want = new ArrayList<>();
                    cases.orderedCanonicals(t).values().forEach(x -> want.add(hex(x)));
                    equal(t + ": binary mode: " + q + " gives each value's send bytes", want, got);
                }
            }
            // without binaryTransferEnable the same call gives the text's bytes
            try (PreparedStatement p = c.prepareStatement("SELECT val FROM " + tbl + " WHERE id = 1000");
                 ResultSet r = p.executeQuery()) {
                if (r.next()) {
                    info(t + ": text mode: getBytes() = " + hex(r.getBytes(1)) + " (the bytes of \""
                            + r.getString(1) + "\")");
                }
            }
        });

        // -- the view pattern for BI tools
        List<View> views = cases.views.getOrDefault(t, List.of());
        for (int n = 0; n < views.size(); n++) {
            View v = views.get(n);
            String name = tbl + "_view" + n;
            run(t + ": view " + v.selectList(), () -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE VIEW " + name + " AS SELECT " + v.selectList().replace("{col}", "val")
                            + " FROM " + tbl);
                    try (ResultSet r = s.executeQuery("SELECT * FROM " + name + " LIMIT 0")) {
                        ResultSetMetaData md = r.getMetaData();
                        List<String> got = new ArrayList<>();
                        boolean good = md.getColumnCount() == v.columns().size();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            got.add(md.getColumnLabel(i) + ":" + md.getColumnTypeName(i) + "(" + md.getColumnType(i) + ")");
                            if (good) {
                                String[] want = v.columns().get(i - 1);
                                good = want[0].equals(md.getColumnLabel(i))
                                        && KIND_TYPES.getOrDefault(want[1], Set.of()).contains(md.getColumnType(i));
                            }
                        }
                        StringBuilder want = new StringBuilder();
                        v.columns().forEach(col -> want.append(' ').append(col[0]).append(':').append(col[1]));
                        check(t + ": view SELECT " + v.selectList() + " describes as standard types" + want,
                                good, "got " + got);
                        info(t + ": view columns: " + got);
                    }
                }
            });
        }
    }

    static void insertWay(Connection c, String t, String tbl, List<Value> values, int base, String what,
                          Connection via, String placeholder, boolean pgobject) {
        String check = t + ": insert with " + what;
        run(check, () -> {
            try (PreparedStatement p = via.prepareStatement(
                    "INSERT INTO " + tbl + " (id, val) VALUES (?, " + placeholder + ")")) {
                for (int i = 0; i < values.size(); i++) {
                    p.setInt(1, base + i);
                    if (pgobject) {
                        PGobject o = new PGobject();
                        o.setType(t);
                        o.setValue(values.get(i).input());
                        p.setObject(2, o);
                    } else {
                        p.setString(2, values.get(i).input());
                    }
                    p.executeUpdate();
                }
            }
            List<String> bad = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT val FROM " + tbl + " WHERE id = ?")) {
                for (int i = 0; i < values.size(); i++) {
                    p.setInt(1, base + i);
                    try (ResultSet r = p.executeQuery()) {
                        String got = r.next() ? r.getString(1) : "(no row)";
                        if (!values.get(i).canonical().equals(got)) {
                            bad.add(values.get(i).input() + " -> " + got);
                        }
                    }
                }
            }
            check(check + "; reads back canonical (" + values.size() + " values)", bad.isEmpty(),
                    String.join("; ", bad));
        });
    }

    public static void main(String[] args) throws Exception {
        Cases cases = new Cases(Path.of(args[0]));
        String port = Objects.requireNonNull(System.getenv("PGPORT"), "PGPORT is not set");
        String db = Objects.requireNonNullElse(System.getenv("CLIENT_DB"), "client_jdbc");
        url = "jdbc:postgresql://127.0.0.1:" + port + "/" + db;
        baseProps = new Properties();
        baseProps.setProperty("user", Objects.requireNonNullElse(System.getenv("PGUSER"), "postgres"));
        baseProps.setProperty("ApplicationName", "innovation JdbcTest");
        try (Connection c = connect()) {
            DatabaseMetaData dm = c.getMetaData();
            OUT.println(dm.getDriverName() + " " + dm.getDriverVersion() + ", Java "
                    + System.getProperty("java.version") + ", " + url);
            for (String t : cases.types) {
                checkType(cases, c, t);
            }
        }
        OUT.println("jdbc: " + passed + " passed, " + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }
}
