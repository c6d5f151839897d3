// test/clients/JdbcSummaries.java: the summary rows of test/clients/cases.tsv
// through JDBC -- each summary as its aggregate makes it: the query's result
// by getString() (the canonical text), its metadata type name, getObject()
// (a PGobject of the type), getBytes() in binary transfer (the send bytes),
// and its jsonb cast (the text form read as JSON). Called by JdbcTest.java
// for every type; the values themselves (inserts through setString and the
// rest) are checked there, as for every other type.

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.postgresql.util.PGobject;

final class JdbcSummaries extends JdbcCases {

    private JdbcSummaries() {
    }

    static void check(Cases cases, Connection c, String t) throws SQLException {
        List<Summary> summaries = cases.summaries.getOrDefault(t, List.of());
        if (summaries.isEmpty()) {
            return;
        }
        long oid = Long.parseLong(scalar(c, "SELECT CAST(? AS regtype)::oid", t));
        for (Summary s : summaries) {
            String what = t + ": " + (s.query().length() < 60 ? s.query() : s.query().substring(0, 57) + "...");
            run(what, () -> {
                try (PreparedStatement p = c.prepareStatement(s.query()); ResultSet r = p.executeQuery()) {
                    r.next();
                    equal(what + " gives the canonical text by getString()", s.canonical(), r.getString(1));
                    equal(what + ": getColumnTypeName() is \"" + t + "\"", t, r.getMetaData().getColumnTypeName(1));
                    Object o = r.getObject(1);
                    check(what + ": getObject() is a PGobject of type " + t,
                            o instanceof PGobject pg && t.equals(pg.getType()) && s.canonical().equals(pg.getValue()),
                            "got " + (o == null ? "null" : o.getClass().getName()));
                }
                byte[] want = sendBytes(c, t, List.of(s.canonical())).get(s.canonical());
                try (Connection b = connect("prepareThreshold", "-1", "binaryTransferEnable", Long.toString(oid));
                     PreparedStatement p = b.prepareStatement(s.query()); ResultSet r = p.executeQuery()) {
                    r.next();
                    equal(what + ": binary transfer: getBytes() gives the send bytes", hex(want), hex(r.getBytes(1)));
                }
                String asJson = scalar(c, "SELECT CAST(CAST(? AS text) AS jsonb)::text", s.canonical());
                try (PreparedStatement p = c.prepareStatement(
                        "SELECT CAST(q.v AS jsonb) FROM (" + s.query() + ") AS q (v)");
                     ResultSet r = p.executeQuery()) {
                    r.next();
                    equal(what + ": CAST(... AS jsonb) is described as jsonb", "jsonb", r.getMetaData().getColumnTypeName(1));
                    equal(what + ": CAST(... AS jsonb) is the text form read as JSON", asJson, r.getString(1));
                }
            });
        }
    }
}
