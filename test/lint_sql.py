#!/usr/bin/env python3
"""Check the extension's SQL scripts against PostgreSQL's rules for
extension scripts (the ones pgspot enforces; pgspot itself is not packaged
for Debian).

usage: lint_sql.py SCRIPT...   (the assembled install script and the upgrade scripts)

Rules:
  - the script starts (after comments) with the \\echo ... \\quit guard;
  - no CREATE OR REPLACE and no IF NOT EXISTS in an install script
    (CVE-2022-2625); upgrade scripts (name with two versions) may replace
    objects the extension already owns;
  - @extschema@ never inside '...', "..." or $$...$$ (CVE-2023-39417);
  - every CREATE FUNCTION/TYPE/OPERATOR/AGGREGATE/OPERATOR CLASS/CAST names
    its object schema-qualified (@extschema@. or pg_catalog.);
  - every CREATE FUNCTION states its volatility and PARALLEL SAFE;
  - the script is ASCII, so that it runs in a database of any server
    encoding (the frozen install scripts of released versions,
    src/sql/update/innovation--X.Y.Z.sql, are exempt: they are what was
    released, and need a database that holds their text);
  - a DO block names catalogs pg_catalog-qualified and writes every
    comparison as OPERATOR(pg_catalog.op), so that it does not depend on
    search_path (it cannot use @extschema@, which is not replaced inside
    quotes).
"""
import re
import sys


def strip_and_check_quotes(sql, errors, name):
    """Return sql with comments removed; report @extschema@ inside quotes."""
    out, i, n = [], 0, len(sql)
    while i < n:
        c = sql[i]
        if sql.startswith("--", i):
            j = sql.find("\n", i)
            i = n if j < 0 else j
        elif sql.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if sql.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif sql.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
            out.append(" ")
        elif c in "'\"":
            j = i + 1
            while j < n and not (sql[j] == c and not sql.startswith(c * 2, j)):
                j += 2 if sql.startswith(c * 2, j) else 1
            body = sql[i:j + 1]
            if "@extschema@" in body:
                errors.append(f"{name}: @extschema@ inside quotes: {body[:60]}")
            out.append(body)
            i = j + 1
        elif c == "$" and re.match(r"\$(\w*)\$", sql[i:]):
            tag = re.match(r"\$(\w*)\$", sql[i:]).group(0)
            j = sql.find(tag, i + len(tag))
            j = n if j < 0 else j + len(tag)
            body = sql[i:j]
            if "@extschema@" in body:
                errors.append(f"{name}: @extschema@ inside dollar quotes: {body[:60]}")
            out.append(body)
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def statements(sql):
    """Split on semicolons outside quotes (good enough after comment removal)."""
    parts, cur, q = [], [], None
    for c in sql:
        cur.append(c)
        if q:
            if c == q:
                q = None
        elif c in "'\"":
            q = c
        elif c == ";":
            parts.append("".join(cur).strip())
            cur = []
    return [p for p in parts if p]


def check_do_block(body, errors, name):
    """A DO block's body: catalogs qualified, comparisons as OPERATOR()."""
    code = re.sub(r"--[^\n]*", " ", body)
    code = re.sub(r"'(?:[^']|'')*'", "''", code)
    for m in re.finditer(r"(?<![\w.])(pg_(?!catalog\b)\w+)", code):
        errors.append(f"{name}: DO block names {m.group(1)} without pg_catalog.")
    code = re.sub(r"OPERATOR\(pg_catalog\.[^)]+\)", " ", code)
    code = code.replace(":=", " ").replace("=>", " ")
    for m in re.finditer(r"[=<>]+", code):
        line = code[:m.start()].count("\n") + 1
        errors.append(f"{name}: DO block compares with a bare {m.group(0)} (line {line} of the block);"
                      f" write OPERATOR(pg_catalog.{m.group(0)})")


def lint(path):
    errors = []
    with open(path, encoding="utf-8") as f:
        sql = f.read()
    name = path.rsplit("/", 1)[-1]
    is_upgrade = re.search(r"--[\d.]+--[\d.]+\.sql$", name) is not None
    is_frozen = (not is_upgrade and "/update/" in path
                 and re.match(r"innovation--[\d.]+\.sql$", name) is not None)
    if not is_frozen:
        for no, line in enumerate(sql.splitlines(), 1):
            if not line.isascii():
                errors.append(f"{name}:{no}: not ASCII: {line[:70]}")
    for m in re.finditer(r"\bDO\s+(\$\w*\$)(.*?)\1", sql, re.S):
        check_do_block(m.group(2), errors, name)
    body = strip_and_check_quotes(sql, errors, name)
    first = next((l for l in body.splitlines() if l.strip()), "")
    if not re.match(r"\s*\\echo Use \"(CREATE|ALTER) EXTENSION innovation.*\\quit", first):
        errors.append(f"{name}: does not start with the \\echo ... \\quit guard")
    body = "\n".join(l for l in body.splitlines() if not l.lstrip().startswith("\\"))
    for st in statements(body):
        flat = " ".join(st.split())
        up = flat.upper()
        if not is_upgrade and ("CREATE OR REPLACE" in up or "IF NOT EXISTS" in up):
            errors.append(f"{name}: CREATE OR REPLACE / IF NOT EXISTS: {flat[:70]}")
        m = re.match(r"CREATE (?:OR REPLACE )?(FUNCTION|TYPE|OPERATOR CLASS|OPERATOR FAMILY|"
                     r"OPERATOR|AGGREGATE) (\S+)", flat, re.I)
        if m and not re.match(r"(@extschema@|pg_catalog)\.", m.group(2)):
            errors.append(f"{name}: {m.group(1)} not schema-qualified: {flat[:70]}")
        if re.match(r"CREATE (OR REPLACE )?FUNCTION", flat, re.I):
            if not re.search(r"\b(IMMUTABLE|STABLE|VOLATILE)\b", up):
                errors.append(f"{name}: function without explicit volatility: {flat[:70]}")
            if "PARALLEL SAFE" not in up and "PARALLEL RESTRICTED" not in up:
                errors.append(f"{name}: function without a PARALLEL label: {flat[:70]}")
        m = re.match(r"CREATE CAST \((.+?) AS (.+?)\)", flat, re.I)
        if m:
            for t in m.groups():
                if t.strip().lower() not in ("text", "varchar", "bpchar", "jsonb", "bytea", "numeric",
                                            "bigint", "integer", "double precision") \
                        and not t.startswith("@extschema@."):
                    errors.append(f"{name}: cast type not qualified: {flat[:70]}")
    return errors


def main():
    errors = []
    for p in sys.argv[1:]:
        errors += lint(p)
    for e in errors:
        print(e)
    print(f"lint_sql: {len(sys.argv) - 1} scripts, {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
