#!/usr/bin/python3
"""psycopg 3 (Debian's python3-psycopg) against the extension's types, for every
type in test/clients/cases.tsv:

- text mode: a str parameter inserts into a column of the type, sent untyped
  (%s), with an explicit %s::type cast, and typed as text (%b, so the server
  applies the text -> type assignment cast); the value fetched is the
  canonical text, as a str;
- binary mode: cursor(binary=True) returns each value's send bytes (those
  its send function gives when called in SQL, and the documented ones where
  cases.tsv has them; also for the type's `enumerate` query), and a binary
  parameter typed as the type (a tiny Dumper with the type's OID) goes
  through its receive function;
- summaries as their aggregates make them: the query's result in text and
  binary, its jsonb cast as JSON, and a registered loader that reads the
  text form as JSON; a composite (funding_window) registered with
  register_composite() reads as an object and writes back as a parameter
  (the adaptations doc/bi-tools.md shows);
- binary COPY out and back in through psycopg's copy API, both as raw blocks
  and row by row (Copy.set_types / rows() / write_row()), round-trips a table;
- bad input raises the psycopg.errors class of the SQLSTATE, with the detail
  and the hint; bad binary parameters are rejected by the receive function,
  worded as one message for every type;
- NULL round trips in both formats; ORDER BY follows the documented order;
- the BI view pattern reports standard types.

Run by test/clients/psycopg.sh (connection from the PG* variables, database
from CLIENT_DB). Exit status 1 when a check fails.
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cases import Cases, Checker, ensure_modules, table_name  # noqa: E402

ensure_modules("psycopg")
import psycopg  # noqa: E402
from psycopg import sql  # noqa: E402
from psycopg.adapt import Dumper, Loader  # noqa: E402
from psycopg.pq import Format  # noqa: E402
from psycopg.types import TypeInfo  # noqa: E402
from psycopg.types.composite import CompositeInfo, register_composite  # noqa: E402

# view column kinds (cases.tsv) -> PostgreSQL type names
KIND_TYPES = {
    "char": {"text", "varchar", "bpchar"},
    "int": {"int2", "int4"},
    "bigint": {"int8"},
    "numeric": {"numeric"},
    "float": {"float4", "float8"},
    "date": {"date"},
    "bool": {"bool"},
}

# ids in the test table: one block of ids per way of inserting; the
# placeholder is SQL where {type} is the type's name; the argument is the
# value's input text or, for "wire", its binary form.
WAYS = [
    (1000, "a %s str parameter (sent untyped)", "%s", "input"),
    (2000, "a %s str parameter and an explicit ::{type} cast", "%s::{type}", "input"),
    (3000, "a %b str parameter (typed text: the assignment cast)", "%b", "input"),
    (4000, "a %b binary parameter typed {type} (receive function)", "%b", "wire"),
]
NULL_ID = 9999


def wire_adapter(conn, type_name, oid):
    """A bytes subclass that psycopg sends as-is, in binary, typed as oid.

    Registered for the class (binary parameters with %b) and for the OID alone
    (COPY after set_types())."""
    wire = type(f"Wire_{type_name}", (bytes,), {})

    class WireDumper(Dumper):
        format = Format.BINARY

        def dump(self, obj):
            return bytes(obj)

    WireDumper.oid = oid
    conn.adapters.register_dumper(wire, WireDumper)
    conn.adapters.register_dumper(None, WireDumper)
    return wire


def send_bytes(cur, t, texts):
    """What the type's send function, called in SQL, gives for each text (a
    bytea fetched as text: independent of binary transfer)."""
    (send,) = cur.execute("SELECT typsend::regproc::text FROM pg_type WHERE oid = %s::regtype",
                          [t]).fetchone()
    q = sql.SQL("SELECT {}(%s::{})").format(sql.SQL(send), sql.Identifier(t))
    return {x: bytes(cur.execute(q, [x]).fetchone()[0]) for x in texts}


def check_type(c, conn, cases, t):
    values = cases.values.get(t, [])
    tbl = sql.Identifier(table_name(t))
    typ = sql.Identifier(t)
    oid = conn.execute("SELECT %s::regtype::oid", [t]).fetchone()[0]
    c.info(f"{t}: OID {oid} in this database")
    wire = wire_adapter(conn, t, oid)
    # cursors copy the connection's adapters: create them after registering
    cur = conn.cursor()
    bcur = conn.cursor(binary=True)
    cur.execute(sql.SQL("CREATE TABLE {} (id int PRIMARY KEY, val {})").format(tbl, typ))
    sent = send_bytes(cur, t, {v.canonical for v in values})
    bad = [f"{v.input!r}: send gives {sent[v.canonical].hex()}, cases.tsv {v.binary.hex()}"
           for v in values if v.binary is not None and sent[v.canonical] != v.binary]
    documented = sum(v.binary is not None for v in values)
    if documented:
        c.check(f"{t}: the send function gives the documented bytes ({documented} values)",
                not bad, "; ".join(bad))

    c.info(f"{t}: {len(values)} value cases: " + ", ".join(repr(v.input) for v in values))
    # what psycopg reports for a column of the type
    cur.execute(sql.SQL("SELECT val FROM {} LIMIT 0").format(tbl))
    col = cur.description[0]
    c.info(f"{t}: cursor.description type_code={col.type_code} "
           f"internal_size={col.internal_size} display_size={col.display_size}")
    c.equal(f"{t}: cursor.description type_code is the type's OID", oid, col.type_code)

    # --- inserts, one block of ids per way; fetched back in text mode
    for base, what, placeholder, arg in WAYS:
        what = what.format(type=t)

        def insert(base=base, what=what, placeholder=placeholder, arg=arg):
            q = sql.SQL("INSERT INTO {tbl} (id, val) VALUES (%s, " + placeholder + ")"
                        ).format(tbl=tbl, type=typ)
            want = []
            for i, v in enumerate(values):
                cur.execute(q, [base + i, wire(sent[v.canonical]) if arg == "wire" else v.input])
                want.append((base + i, v.input, v.canonical))
            got = dict(cur.execute(sql.SQL("SELECT id, val FROM {} WHERE id BETWEEN %s AND %s")
                                   .format(tbl), [base, base + 999]).fetchall())
            bad = [f"{inp!r} -> {got.get(i)!r} (want {canon!r})"
                   for i, inp, canon in want if got.get(i) != canon or type(got[i]) is not str]
            c.check(f"{t}: insert with {what}; text fetch gives the canonical str "
                    f"({len(want)} values)", not bad and len(got) == len(want), "; ".join(bad)
                    or f"{len(got)} rows for {len(want)} inserts")
        c.run(f"{t}: insert with {what}", insert)

    # --- binary mode
    def binary_fetch():
        got = dict(bcur.execute(sql.SQL("SELECT id, val FROM {} WHERE id BETWEEN 1000 AND 1999")
                                .format(tbl)).fetchall())
        bad = [f"{v.input!r}: got {got.get(1000 + i)!r}, want {sent[v.canonical]!r}"
               for i, v in enumerate(values)
               if got.get(1000 + i) is None or bytes(got[1000 + i]) != sent[v.canonical]]
        c.check(f"{t}: cursor(binary=True) returns the send bytes ({len(values)} values)",
                not bad, "; ".join(bad))
    c.run(f"{t}: binary fetch", binary_fetch)

    for e in cases.enumerates.get(t, []):
        def enumerate_all(e=e):
            want = cases.ordered_canonicals(t)
            got_text = [r[0] for r in cur.execute(e.query).fetchall()]
            c.equal(f"{t}: text fetch of {e.query!r} gives every value in order",
                    [w for w, _ in want], got_text)
            got_bin = [bytes(r[0]) for r in bcur.execute(e.query).fetchall()]
            c.equal(f"{t}: binary fetch of {e.query!r} gives each value's send bytes",
                    [b.hex() for _, b in want], [b.hex() for b in got_bin])
        c.run(f"{t}: {e.query}", enumerate_all)

    # --- NULL, both formats, both directions
    def nulls():
        cur.execute(sql.SQL("INSERT INTO {} (id, val) VALUES (%s, %s)").format(tbl), [NULL_ID, None])
        q = sql.SQL("SELECT val FROM {} WHERE id = %s").format(tbl)
        c.equal(f"{t}: NULL inserted from None comes back as None (text)",
                None, cur.execute(q, [NULL_ID]).fetchone()[0])
        c.equal(f"{t}: NULL comes back as None (binary)",
                None, bcur.execute(q, [NULL_ID]).fetchone()[0])
        c.equal(f"{t}: None as a %s::{t} parameter gives NULL", None,
                cur.execute(sql.SQL("SELECT %s::{}").format(typ), [None]).fetchone()[0])
        c.equal(f"{t}: None as a binary parameter gives NULL", None,
                bcur.execute(sql.SQL("SELECT %b::{}").format(typ), [None]).fetchone()[0])
    c.run(f"{t}: NULL round trip", nulls)

    # --- binary COPY out and back in
    def copy_roundtrip():
        src = sql.SQL("COPY (SELECT id, val FROM {} ORDER BY id) TO STDOUT (FORMAT BINARY)").format(tbl)
        text_of = sql.SQL("SELECT id, val::text FROM {} ORDER BY id")
        original = cur.execute(text_of.format(tbl)).fetchall()
        # 1. raw blocks, as a tool that only moves bytes would
        copy_tbl = sql.Identifier(table_name(t) + "_copy")
        cur.execute(sql.SQL("CREATE TABLE {} (LIKE {})").format(copy_tbl, tbl))
        blocks = []
        with cur.copy(src) as cp:
            for block in cp:
                blocks.append(bytes(block))
        with cur.copy(sql.SQL("COPY {} (id, val) FROM STDIN (FORMAT BINARY)").format(copy_tbl)) as cp:
            for block in blocks:
                cp.write(block)
        c.equal(f"{t}: binary COPY out and in, as raw blocks, round-trips {len(original)} rows",
                original, cur.execute(text_of.format(copy_tbl)).fetchall())
        # 2. row by row with the column types set
        with cur.copy(src) as cp:
            cp.set_types(["int4", oid])
            rows = [(i, None if b is None else bytes(b)) for i, b in cp.rows()]
        want = {1000 + i: sent[v.canonical] for i, v in enumerate(values)}
        want[NULL_ID] = None
        got = {i: b for i, b in rows if i in want}
        c.equal(f"{t}: Copy.rows() with set_types gives each value's send bytes and None for NULL",
                {i: b and b.hex() for i, b in want.items()}, {i: b and b.hex() for i, b in got.items()})
        rows_tbl = sql.Identifier(table_name(t) + "_rows")
        cur.execute(sql.SQL("CREATE TABLE {} (LIKE {})").format(rows_tbl, tbl))
        with cur.copy(sql.SQL("COPY {} (id, val) FROM STDIN (FORMAT BINARY)").format(rows_tbl)) as cp:
            cp.set_types(["int4", oid])
            for r in rows:
                cp.write_row(r)
        c.equal(f"{t}: Copy.write_row() of those rows round-trips {len(rows)} rows",
                original, cur.execute(text_of.format(rows_tbl)).fetchall())
    c.run(f"{t}: binary COPY", copy_roundtrip)

    # --- ORDER BY follows the documented order (types that have one)
    def ordering():
        key = cases.key_of(t)
        got = [r[0] for r in cur.execute(
            sql.SQL("SELECT val FROM {} WHERE val IS NOT NULL ORDER BY val, id").format(tbl))]
        keys = [key.get(g) for g in got]
        c.check(f"{t}: ORDER BY follows the documented order ({len(got)} rows)",
                None not in keys and keys == sorted(keys),
                f"order fetched: {got}")
    if cases.ordered(t):
        c.run(f"{t}: ORDER BY", ordering)

    # --- bad input
    for e in cases.errors.get(t, []):
        what = f"{t}: bad input {e.input!r} raises SQLSTATE {e.sqlstate}"
        cls = psycopg.errors.lookup(e.sqlstate)
        try:
            cur.execute(sql.SQL("SELECT %s::{}").format(typ), [e.input])
            c.fail(what, f"no error; got {cur.fetchone()!r}")
        except psycopg.Error as err:
            c.check(what + f" as {cls.__module__}.{cls.__name__}",
                    isinstance(err, cls) and err.sqlstate == e.sqlstate,
                    f"got {type(err).__name__} with sqlstate {err.sqlstate}: {err}")
            if e.detail is not None:
                c.equal(f"{t}: ... with diag.message_detail {e.detail!r}", e.detail, err.diag.message_detail)
            if e.hint is not None:
                c.equal(f"{t}: ... with diag.message_hint {e.hint!r}", e.hint, err.diag.message_hint)

    # --- bad binary input, as a binary parameter typed as the type
    for e in cases.binerrors.get(t, []):
        what = f"{t}: bad binary parameter {e.binary.hex()} raises SQLSTATE {e.sqlstate}"
        try:
            cur.execute("SELECT %b::text", [wire(e.binary)])
            c.fail(what, f"no error; got {cur.fetchone()!r}")
        except psycopg.Error as err:
            c.check(what, err.sqlstate == e.sqlstate,
                    f"got {type(err).__name__} with sqlstate {err.sqlstate}: {err}")
            if e.sqlstate == "22P03":
                c.check(f"{t}: ... worded 'invalid binary representation of type ...'",
                        err.diag.message_primary.startswith("invalid binary representation of type "),
                        f"got {err.diag.message_primary!r}")

    # --- a composite registered with psycopg: an object each way
    if cur.execute("SELECT typtype FROM pg_type WHERE oid = %s", [oid]).fetchone()[0] == "c":
        def composite():
            info = CompositeInfo.fetch(conn, t)
            with conn.cursor() as ccur:
                register_composite(info, ccur)
                objs = [ccur.execute(sql.SQL("SELECT %s::{}").format(typ), [v.input]).fetchone()[0]
                        for v in values]
                c.check(f"{t}: register_composite(): values read as {info.python_type.__name__} objects "
                        f"with the fields {info.field_names}",
                        all(type(o) is info.python_type for o in objs), f"got {objs}")
                back = [ccur.execute("SELECT %s::text", [o]).fetchone()[0] for o in objs]
                c.equal(f"{t}: ... and written back as parameters they are the same values",
                        [v.canonical for v in values], back)
        c.run(f"{t}: register_composite", composite)

    # --- the view pattern for BI tools
    for n, v in enumerate(cases.views.get(t, [])):
        def view(n=n, v=v):
            name = sql.Identifier(f"{table_name(t)}_view{n}")
            cur.execute(sql.SQL("CREATE VIEW {} AS SELECT {} FROM {}").format(
                name, sql.SQL(v.select_list.replace("{col}", "val")), tbl))
            cur.execute(sql.SQL("SELECT * FROM {} LIMIT 0").format(name))
            got = [(d.name, cur.execute("SELECT typname FROM pg_type WHERE oid = %s", [d.type_code]).fetchone()[0])
                   for d in cur.description]
            ok = len(got) == len(v.columns) and all(
                gname == name and gtype in KIND_TYPES.get(kind, ())
                for (gname, gtype), (name, kind) in zip(got, v.columns))
            c.check(f"{t}: view SELECT {v.select_list} describes as standard types "
                    f"{' '.join(f'{a}:{b}' for a, b in v.columns)}",
                    ok, f"got {got}")
        c.run(f"{t}: view", view)


class JsonTextLoader(Loader):
    """Reads a summary's text form as JSON: the adaptation doc/bi-tools.md shows."""

    def load(self, data):
        return json.loads(bytes(data).decode())


def check_summaries(c, conn, cases, t):
    """Each summary row: the aggregate's result through the driver."""
    oid = TypeInfo.fetch(conn, t).oid
    cur, bcur = conn.cursor(), conn.cursor(binary=True)
    for s in cases.summaries.get(t, []):
        short = s.query if len(s.query) < 60 else s.query[:57] + "..."

        def summary(s=s, short=short):
            got = cur.execute(s.query).fetchone()[0]
            c.equal(f"{t}: {short} gives the canonical text", s.canonical, got)
            c.equal(f"{t}: ... described with the type's OID", oid, cur.description[0].type_code)
            got_bin = bcur.execute(s.query).fetchone()[0]
            c.equal(f"{t}: ... in binary, the send bytes",
                    send_bytes(cur, t, [s.canonical])[s.canonical].hex(), bytes(got_bin).hex())
            as_json = cur.execute(sql.SQL("SELECT q.v::jsonb FROM ({}) AS q (v)").format(sql.SQL(s.query))
                                  ).fetchone()[0]
            c.equal(f"{t}: ... its jsonb cast is the text form read as JSON", json.loads(s.canonical), as_json)
            with conn.cursor() as lcur:
                lcur.adapters.register_loader(oid, JsonTextLoader)
                c.equal(f"{t}: ... a loader registered for the OID gives it as a dict",
                        json.loads(s.canonical), lcur.execute(s.query).fetchone()[0])
        c.run(f"{t}: {short}", summary)


def main():
    c = Checker("psycopg")
    cases = Cases()
    db = os.environ.get("CLIENT_DB", "client_psycopg")
    print(f"psycopg {psycopg.__version__}, libpq {psycopg.pq.version()}, database {db}")
    with psycopg.connect(dbname=db, autocommit=True) as conn:
        for t in cases.types:
            check_type(c, conn, cases, t)
            check_summaries(c, conn, cases, t)
    return c.finish()


if __name__ == "__main__":
    sys.exit(main())
