// test/clients/JdbcBase.java: what the JDBC client test's classes share --
// counting and printing checks, connections (see JdbcTest.java).

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

class JdbcBase {

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

    /** The first column of the first row of sql, run with one string parameter, as text. */
    static String scalar(Connection c, String sql, String param) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, param);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    /**
     * What t's send function, called in SQL, gives for each text: a bytea read
     * in text mode, so independent of binary transfer.
     */
    static Map<String, byte[]> sendBytes(Connection c, String t, List<String> texts) throws SQLException {
        String send = scalar(c, "SELECT typsend::regproc::text FROM pg_type WHERE oid = CAST(? AS regtype)", t);
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT " + send + "(CAST(? AS " + t + "))")) {
            for (String x : texts) {
                p.setString(1, x);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    out.put(x, r.getBytes(1));
                }
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
}
