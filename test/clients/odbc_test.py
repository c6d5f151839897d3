#!/usr/bin/python3
"""psqlODBC (Debian's odbc-postgresql, through unixODBC and python3-pyodbc)
against the extension's types, for every type and summary in
test/clients/cases.tsv, once per connection profile (PROFILES):

- metadata: SQLColumns (cursor.columns) names the column's type; the size a
  column is described with, by SQLColumns and by SQLDescribeCol;
- a tool that binds each column by its described size (odbc_bind.py): with
  psqlODBC's defaults a value longer than 255 characters is cut, with
  SQLSTATE 01004; with MaxVarcharSize=8190 or UnknownsAsLongVarchar=1 every
  value arrives whole;
- comparisons with a str parameter need no cast (but on a composite);
- writes through str parameters (sent untyped), with CAST(? AS type), and
  with fast_executemany (which sizes its buffers from SQLDescribeParam: with
  the defaults, values over 255 characters fail); read back as the
  canonical str; NULL both ways; ORDER BY follows the documented order;
- bad input raises pyodbc.Error with the SQLSTATE and the detail in the
  message; psqlODBC drops the hint (checked, so that a driver that keeps it
  is noticed);
- summaries as their aggregates make them, and their jsonb casts as JSON;
- the BI view pattern: standard SQL types in SQLColumns, Python types in
  cursor.description, and booleans as '1'/'0' strings unless BoolsAsChar=0.

psqlODBC reads and writes text only (there is no binary transfer to test).
Run by test/clients/odbc.sh (ODBC_DRIVER names the driver's .so; connection
from the PG* variables over TCP, database from CLIENT_DB). Exit status 1
when a check fails.
"""
import datetime
import decimal
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cases import Cases, Checker, ensure_modules, table_name  # noqa: E402

ensure_modules("pyodbc")
import pyodbc  # noqa: E402
import odbc_bind  # noqa: E402

VARCHAR = {pyodbc.SQL_VARCHAR, pyodbc.SQL_WVARCHAR}
LONGVARCHAR = {pyodbc.SQL_LONGVARCHAR, pyodbc.SQL_WLONGVARCHAR}
# (name, connection settings, works, the SQL types an extension type's column
# is described as): works is False for psqlODBC 13's defaults
# (MaxVarcharSize=255, UnknownsAsLongVarchar=0, BoolsAsChar=1), whose failure
# modes are checked as such
PROFILES = [
    ("defaults", "", False, VARCHAR),
    ("MaxVarcharSize=8190", "MaxVarcharSize=8190;BoolsAsChar=0;", True, VARCHAR),
    ("UnknownsAsLongVarchar=1", "UnknownsAsLongVarchar=1;BoolsAsChar=0;", True, LONGVARCHAR),
]
DEFAULT_VARCHAR = 255
CHAR_TYPES = {pyodbc.SQL_CHAR, pyodbc.SQL_VARCHAR, pyodbc.SQL_LONGVARCHAR,
              pyodbc.SQL_WCHAR, pyodbc.SQL_WVARCHAR, pyodbc.SQL_WLONGVARCHAR}
# view column kinds (cases.tsv) -> SQL types (SQLColumns) and Python types
KIND_SQL = {
    "char": CHAR_TYPES,
    "int": {pyodbc.SQL_INTEGER, pyodbc.SQL_SMALLINT},
    "bigint": {pyodbc.SQL_BIGINT},
    "numeric": {pyodbc.SQL_NUMERIC, pyodbc.SQL_DECIMAL},
    "float": {pyodbc.SQL_DOUBLE, pyodbc.SQL_FLOAT, pyodbc.SQL_REAL},
    "date": {pyodbc.SQL_TYPE_DATE},
    "bool": {pyodbc.SQL_BIT},
}
KIND_PY = {"char": str, "int": int, "bigint": int, "numeric": decimal.Decimal, "float": float,
           "date": datetime.date, "bool": bool}


def connection_string(settings):
    return (f"Driver={os.environ['ODBC_DRIVER']};Server=127.0.0.1;Port={os.environ['PGPORT']};"
            f"Database={os.environ.get('CLIENT_DB', 'client_odbc')};Uid={os.environ.get('PGUSER', 'postgres')};"
            + settings)


def column_meta(cur, tbl, col):
    rows = [r for r in cur.columns(table=tbl) if r.column_name == col]
    return rows[0] if rows else None


def check_type(c, conn, bound, cases, t, profile):
    name, _, works, described_as = profile
    what = f"{t} [{name}]"
    values = cases.values.get(t, [])
    tbl = f"{table_name(t)}_{name.split('=')[0].lower()}"
    cur = conn.cursor()
    cur.execute(f"CREATE TABLE {tbl} (id int PRIMARY KEY, val {t})")
    longest = max((len(v.canonical) for v in values), default=0)
    long_values = [v for v in values if len(v.canonical) > DEFAULT_VARCHAR]

    # --- metadata (SQLColumns) and the size the column is described with
    def metadata():
        m = column_meta(cur, tbl, "val")
        c.equal(f"{what}: SQLColumns TYPE_NAME is {t!r}", t, m.type_name)
        c.check(f"{what}: SQLColumns DATA_TYPE is SQL_(W){'LONG' if described_as is LONGVARCHAR else ''}VARCHAR",
                m.data_type in described_as, f"got {m.data_type}")
        if works:
            c.check(f"{what}: described size {m.column_size} holds the longest value ({longest})",
                    m.column_size >= longest, "too small")
        else:
            c.equal(f"{what}: described with psqlODBC's default MaxVarcharSize", DEFAULT_VARCHAR, m.column_size)
    c.run(f"{what}: metadata", metadata)

    # --- writes, one block of ids per way; read back as text
    ways = [(1000, "a str parameter (sent untyped)", "?", False),
            (2000, f"CAST(? AS {t})", f"CAST(? AS {t})", False),
            (3000, "fast_executemany", "?", True)]
    for base, how, placeholder, fast in ways:
        def insert(base=base, how=how, placeholder=placeholder, fast=fast):
            q = f"INSERT INTO {tbl} (id, val) VALUES (?, {placeholder})"
            rows = [(base + i, v.input) for i, v in enumerate(values)]
            if fast:
                ok_rows = rows if works else [r for r, v in zip(rows, values) if v not in long_values]
                cur.fast_executemany = True
                if ok_rows:
                    cur.executemany(q, ok_rows)
                for r, v in zip(rows, values):
                    if not works and v in long_values:
                        try:
                            cur.executemany(q, [r])
                            c.fail(f"{what}: fast_executemany of {len(v.canonical)} characters fails with "
                                   "the defaults", "no error: update doc/bi-tools.md")
                        except pyodbc.Error as e:
                            c.check(f"{what}: fast_executemany of {len(v.canonical)} characters fails with the "
                                    "defaults (right truncation)", "truncation" in str(e), str(e))
                cur.fast_executemany = False
                rows = ok_rows
            else:
                for r in rows:
                    cur.execute(q, r)
            got = dict(cur.execute(f"SELECT id, val FROM {tbl} WHERE id BETWEEN ? AND ?", base, base + 999))
            want = {i: values[i - base].canonical for i, _ in rows}
            c.equal(f"{what}: insert with {how}; fetch gives the canonical str ({len(want)} values)",
                    want, got)
        c.run(f"{what}: insert with {how}", insert)

    # --- a tool that binds by the described size
    def bound_fetch():
        cols, rows = bound.rows(f"SELECT val FROM {tbl} WHERE id BETWEEN 1000 AND 1999 ORDER BY id")
        c.check(f"{what}: SQLDescribeCol gives the same type and size as SQLColumns",
                cols[0][1] in described_as and (cols[0][2] == DEFAULT_VARCHAR or works),
                f"SQL type {cols[0][1]}, size {cols[0][2]}")
        got = [(value, truncated, "01004" in states) for ((value, truncated, states),) in rows]
        if works:
            want = [(v.canonical, False, False) for v in values]
            c.equal(f"{what}: bound by the described size, every value arrives whole", want, got)
        else:
            want = [(v.canonical[:DEFAULT_VARCHAR], True, True) if v in long_values else (v.canonical, False, False)
                    for v in values]
            c.equal(f"{what}: bound by the described size, values over {DEFAULT_VARCHAR} characters "
                    f"are cut with 01004 ({len(long_values)} of {len(values)})", want, got)
    c.run(f"{what}: bound fetch", bound_fetch)

    # --- a comparison with an untyped parameter needs no cast (but for a
    # composite, where the parameter is typed as an anonymous record)
    def compare():
        q = f"SELECT count(*) FROM {tbl} WHERE val = ?"
        composite = cur.execute("SELECT typtype FROM pg_type WHERE oid = CAST(? AS regtype)", t).fetchone()[0] == "c"
        try:
            n = cur.execute(q, values[0].input).fetchone()[0]
            c.check(f"{what}: WHERE val = ? with a str parameter matches rows", n > 0 and not composite,
                    "no error for a composite: update doc/bi-tools.md" if composite else "no rows")
        except pyodbc.Error as e:
            c.check(f"{what}: WHERE val = ? fails for a composite with 0A000", composite and e.args[0] == "0A000",
                    str(e))
    if values:
        c.run(f"{what}: compare", compare)

    # --- NULL, ORDER BY, the enumerate query
    def nulls():
        cur.execute(f"INSERT INTO {tbl} (id, val) VALUES (?, ?)", 9999, None)
        c.equal(f"{what}: None inserted comes back as None", None,
                cur.execute(f"SELECT val FROM {tbl} WHERE id = 9999").fetchone()[0])
    c.run(f"{what}: NULL", nulls)
    if cases.ordered(t):
        def ordering():
            key = cases.key_of(t)
            got = [r[0] for r in cur.execute(f"SELECT val FROM {tbl} WHERE val IS NOT NULL ORDER BY val, id")]
            keys = [key.get(g) for g in got]
            c.check(f"{what}: ORDER BY follows the documented order ({len(got)} rows)",
                    None not in keys and keys == sorted(keys), f"order fetched: {got}")
        c.run(f"{what}: ORDER BY", ordering)
    for e in cases.enumerates.get(t, []):
        c.run(f"{what}: {e.query}", lambda e=e: c.equal(
            f"{what}: {e.query!r} gives every value in order",
            [w for w, _ in cases.ordered_canonicals(t)], [r[0] for r in cur.execute(e.query)]))

    # --- bad input: SQLSTATE and detail in the message; the hint is dropped
    for e in cases.errors.get(t, []):
        try:
            cur.execute(f"SELECT CAST(? AS {t})", e.input).fetchall()
            c.fail(f"{what}: bad input {e.input!r} raises SQLSTATE {e.sqlstate}", "no error")
        except pyodbc.Error as err:
            state, message = err.args[0], str(err.args[1])
            c.equal(f"{what}: bad input {e.input!r} raises pyodbc.Error with SQLSTATE {e.sqlstate}",
                    e.sqlstate, state)
            if e.detail is not None:
                c.check(f"{what}: ... the message holds 'DETAIL: {e.detail}'", f"DETAIL: {e.detail}" in message,
                        message)
            if e.hint is not None:
                c.check(f"{what}: ... psqlODBC drops the hint", e.hint not in message,
                        "the hint is there now: update doc/bi-tools.md")

    # --- the view pattern for BI tools
    for n, v in enumerate(cases.views.get(t, [])):
        def view(n=n, v=v):
            vname = f"{tbl}_view{n}"
            cur.execute(f"CREATE VIEW {vname} AS SELECT {v.select_list.replace('{col}', 'val')} FROM {tbl}")
            meta = {r.column_name: r.data_type for r in cur.columns(table=vname)}
            rows = cur.execute(f"SELECT * FROM {vname}").fetchall()
            described = [(d[0], d[1]) for d in cur.description]
            bad = []
            for (col, kind), (dname, pytype) in zip(v.columns, described):
                bools_as_char = kind == "bool" and not works
                sql_ok = meta.get(col) in (CHAR_TYPES if bools_as_char else KIND_SQL[kind])
                py_ok = pytype is (str if bools_as_char else KIND_PY[kind])
                if dname != col or not sql_ok or not py_ok:
                    bad.append(f"{col}:{kind} described as {dname} SQL type {meta.get(col)} {pytype.__name__}")
                if bools_as_char:
                    seen = {r[described.index((dname, pytype))] for r in rows} - {None}
                    if not seen <= {"0", "1"}:
                        bad.append(f"{col}: booleans arrive as {seen}, not '1'/'0'")
            has_bool = any(kind == "bool" for _, kind in v.columns)
            c.check(f"{what}: view {' '.join(f'{a}:{b}' for a, b in v.columns)} describes as standard types"
                    + (" (booleans as '1'/'0': BoolsAsChar=1)" if has_bool and not works else ""),
                    len(described) == len(v.columns) and not bad, "; ".join(bad) or f"got {described}")
        c.run(f"{what}: view", view)

    # --- summaries as their aggregates make them
    for s in cases.summaries.get(t, []):
        short = s.query if len(s.query) < 60 else s.query[:57] + "..."

        def summary(s=s, short=short):
            c.equal(f"{what}: {short} gives the canonical str", s.canonical, cur.execute(s.query).fetchone()[0])
            got = cur.execute(f"SELECT CAST(q.v AS jsonb) FROM ({s.query}) AS q (v)").fetchone()[0]
            c.equal(f"{what}: ... its jsonb cast is the text form read as JSON", json.loads(s.canonical),
                    json.loads(got))
        c.run(f"{what}: {short}", summary)


def main():
    c = Checker("odbc")
    cases = Cases()
    for profile in PROFILES:
        conn_str = connection_string(profile[1])
        conn = pyodbc.connect(conn_str, autocommit=True)
        bound = odbc_bind.BoundFetch(conn_str)
        if profile is PROFILES[0]:
            print(f"pyodbc {pyodbc.version}, {conn.getinfo(pyodbc.SQL_DRIVER_NAME)} "
                  f"{conn.getinfo(pyodbc.SQL_DRIVER_VER)}, server {conn.getinfo(pyodbc.SQL_DBMS_VER)}")
        c.info(f"profile {profile[0]}: {conn_str}")
        for t in cases.types:
            check_type(c, conn, bound, cases, t, profile)
        bound.close()
        conn.close()
    return c.finish()


if __name__ == "__main__":
    sys.exit(main())
