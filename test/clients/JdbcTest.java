// test/clients/JdbcTest.java: the extension's types through JDBC (pgjdbc from
// Debian's libpostgresql-jdbc-java), for every type in test/clients/cases.tsv:
//
// - getString() gives the canonical text; getObject() a PGobject whose
//   getType() is the type's name; ResultSetMetaData.getColumnTypeName() is
//   the type's name (what getColumnType() and DatabaseMetaData report is
//   printed as "info");
// - inserts through setString with CAST(? AS type), setString alone (the
//   assignment cast from varchar), setString on a connection with
//   stringtype=unspecified, setObject(PGobject) and setObject(x, Types.CHAR)
//   (bpchar: its assignment cast), all read back canonical;
// - the documented pitfall: setString compared with a column of the type
//   fails with 42883 unless cast or stringtype=unspecified;
// - ORDER BY follows the documented order; the type's enumerate query gives
//   every value in order;
// - bad input: SQLException with the SQLSTATE, and the server's hint through
//   PSQLException.getServerErrorMessage().getHint();
// - NULL through setNull and a PGobject with a null value;
// - binary transfer (prepareThreshold=-1, binaryTransferEnable=<the type's
//   OID in this database>): getBytes() gives the bytes the type's send
//   function gives in SQL (and the documented ones where cases.tsv has them);
// - the BI view pattern describes as standard JDBC types;
// - summaries as their aggregates make them (JdbcSummaries.java).
// The cases file is read by JdbcCases.java; JdbcBase.java counts the checks.
//
// Run by test/clients/jdbc.sh: java JdbcTest CASES_FILE, connection over TCP
// to 127.0.0.1:$PGPORT, database $CLIENT_DB, user $PGUSER. Exit status 1 when
// a check fails.

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

import org.postgresql.util.PGobject;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

public final class JdbcTest extends JdbcCases {

    // ---- the checks for one type

    static void checkType(Cases cases, Connection c, String t) throws SQLException {
        String tbl = "client_" + t;
        List<Value> values = cases.values(t);
        long oid = Long.parseLong(scalar(c, "SELECT CAST(? AS regtype)::oid", t));
        info(t + ": OID " + oid + " in this database");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + tbl + " (id int PRIMARY KEY, val " + t + ")");
        }
        List<String> canonicals = new ArrayList<>();
        values.forEach(v -> canonicals.add(v.canonical()));
        Map<String, byte[]> sent = sendBytes(c, t, canonicals);
        List<String> badSent = new ArrayList<>();
        int documented = 0;
        for (Value v : values) {
            if (v.binary() != null) {
                documented++;
                if (!Arrays.equals(v.binary(), sent.get(v.canonical()))) {
                    badSent.add(v.input() + ": send gives " + hex(sent.get(v.canonical())) + ", cases.tsv " + hex(v.binary()));
                }
            }
        }
        if (documented > 0) {
            check(t + ": the send function gives the documented bytes (" + documented + " values)",
                    badSent.isEmpty(), String.join("; ", badSent));
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
                    c, "CAST(? AS " + t + ")", Bind.STRING);
            insertWay(c, t, tbl, values, 2000, "setString alone (the assignment cast from varchar)",
                    c, "?", Bind.STRING);
            insertWay(c, t, tbl, values, 3000, "setString on a connection with stringtype=unspecified",
                    unspecified, "?", Bind.STRING);
            insertWay(c, t, tbl, values, 4000, "setObject(PGobject of type " + t + ")", c, "?", Bind.PGOBJECT);
            insertWay(c, t, tbl, values, 5000, "setObject(String, Types.CHAR) (the assignment cast from bpchar)",
                    c, "?", Bind.CHAR);

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
                    // an untyped parameter compared with a composite is typed as an
                    // anonymous record, which has no input: composites still need the cast
                    boolean composite = column(c, "SELECT typtype FROM pg_type WHERE oid = '" + t + "'::regtype")
                            .equals(List.of("c"));
                    try (PreparedStatement p = unspecified.prepareStatement(where + "?")) {
                        p.setString(1, v.input());
                        ResultSet r = p.executeQuery();
                        r.next();
                        if (composite) {
                            fail(t + ": WHERE val = ? with setString fails with stringtype=unspecified (composite)",
                                    "no error: update doc/bi-tools.md");
                        } else {
                            equal(t + ": WHERE val = ? with setString works with stringtype=unspecified", want,
                                    r.getLong(1));
                        }
                    } catch (SQLException e) {
                        if (!composite) {
                            throw e;
                        }
                        equal(t + ": WHERE val = ? with stringtype=unspecified fails for a composite with 0A000 "
                                + "(input of anonymous composite types is not implemented)", "0A000", e.getSQLState());
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

        // -- ORDER BY (types that have a documented order) and the enumerate query
        run(t + ": ORDER BY", () -> {
            if (!cases.ordered(t)) {
                return;
            }
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
                ServerErrorMessage m = ex instanceof PSQLException pe ? pe.getServerErrorMessage() : null;
                String none = "(no ServerErrorMessage; " + ex.getClass().getName() + ")";
                if (e.detail() != null) {
                    equal(t + ": ... and getServerErrorMessage().getDetail() is \"" + e.detail() + "\"",
                            e.detail(), m == null ? none : m.getDetail());
                }
                if (e.hint() != null) {
                    equal(t + ": ... and PSQLException.getServerErrorMessage().getHint() is \"" + e.hint() + "\"",
                            e.hint(), m == null ? none : m.getHint());
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
                        byte[] want = sent.get(v.canonical());
                        n++;
                        p.setInt(1, 1000 + i);
                        try (ResultSet r = p.executeQuery()) {
                            r.next();
                            byte[] got = r.getBytes(1);
                            if (!Arrays.equals(want, got)) {
                                bad.add(v.input() + ": got " + hex(got) + " want " + hex(want));
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
                        + "): getBytes() gives the send bytes (" + n + " values)",
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

    /** How insertWay binds the value's text. */
    enum Bind { STRING, PGOBJECT, CHAR }

    static void insertWay(Connection c, String t, String tbl, List<Value> values, int base, String what,
                          Connection via, String placeholder, Bind bind) {
        String check = t + ": insert with " + what;
        run(check, () -> {
            try (PreparedStatement p = via.prepareStatement(
                    "INSERT INTO " + tbl + " (id, val) VALUES (?, " + placeholder + ")")) {
                for (int i = 0; i < values.size(); i++) {
                    p.setInt(1, base + i);
                    String input = values.get(i).input();
                    switch (bind) {
                        case PGOBJECT -> {
                            PGobject o = new PGobject();
                            o.setType(t);
                            o.setValue(input);
                            p.setObject(2, o);
                        }
                        case CHAR -> p.setObject(2, input, Types.CHAR);
                        default -> p.setString(2, input);
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
                JdbcSummaries.check(cases, c, t);
            }
        }
        OUT.println("jdbc: " + passed + " passed, " + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }
}

