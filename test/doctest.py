#!/usr/bin/env python3
"""Run the SQL examples of a Markdown page and check their printed output.

Every ```sql block of the page runs, in order, in one psql session against a
fresh database with the extension created. When the next block after it is a
```text block, psql's output for the SQL block must equal that text (trailing
blanks ignored). An error in a block with no expected text fails the page.

usage: doctest.py [--update] [--one-database] PAGE.md...
       (connection from the PG* environment variables)

--one-database runs the pages one after another in one database, as a reader
trying them all would: each page keeps its tables in its own schema.

--update rewrites each ```text block that follows a ```sql block with the
output of this run (for writing pages; review the result before committing).
"""
import os
import re
import subprocess
import sys

FENCE = re.compile(r"^```(\w*)\s*$")


def blocks(text):
    """Yield (language, body) for each fenced block, in order."""
    lang, body = None, []
    for line in text.splitlines():
        m = FENCE.match(line)
        if m and lang is None:
            lang, body = m.group(1) or "plain", []
        elif line.strip() == "```" and lang is not None:
            yield lang, "\n".join(body)
            lang = None
        elif lang is not None:
            body.append(line)


def examples(text):
    """Pair each sql block with the text block right after it (or None)."""
    bl = list(blocks(text))
    for i, (lang, body) in enumerate(bl):
        if lang == "sql":
            expected = bl[i + 1][1] if i + 1 < len(bl) and bl[i + 1][0] == "text" else None
            yield body, expected


def normalise(s):
    lines = [l.rstrip() for l in s.splitlines()]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def psql(db, script):
    return subprocess.run(["psql", "-X", "-q", "-d", db], input=script, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT).stdout


def update_page(text, outputs):
    """Replace the text block after the i-th sql block with outputs[i]."""
    lines, out, i, n = text.splitlines(), [], 0, 0
    sql_seen = -1
    while i < len(lines):
        line = lines[i]
        out.append(line)
        if FENCE.match(line) and line.strip() == "```sql":
            sql_seen += 1
            i += 1
            while lines[i].strip() != "```":
                out.append(lines[i])
                i += 1
            out.append(lines[i])
            # blank lines, then a text block to replace
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and lines[j].strip() == "```text":
                out.extend(lines[i + 1:j + 1])
                k = j + 1
                while lines[k].strip() != "```":
                    k += 1
                out.extend(outputs[sql_seen].splitlines())
                out.append("```")
                i = k
        i += 1
    return "\n".join(out) + "\n"


def main():
    args = sys.argv[1:]
    update = "--update" in args
    one_db = "--one-database" in args
    pages = [a for a in args if not a.startswith("--")]
    if one_db:
        # every page, one after another, in one database: they must not clash
        psql("postgres", "DROP DATABASE IF EXISTS doctest_all;\nCREATE DATABASE doctest_all;\n")
        psql("doctest_all", "CREATE EXTENSION innovation;\n")
        status = max(run_page(page, update, "doctest_all") for page in pages)
        psql("postgres", "DROP DATABASE IF EXISTS doctest_all;\n")
        return status
    return max(run_page(page, update, None) for page in pages)


def run_page(page, update, shared_db):
    with open(page, encoding="utf-8") as f:
        original = f.read()
    exs = list(examples(original))
    if not exs:
        print(f"{page}: no sql examples")
        return 0
    db = shared_db or "doctest_" + re.sub(r"\W", "_", os.path.basename(page)[:-3])
    if not shared_db:
        psql("postgres", f"DROP DATABASE IF EXISTS {db};\nCREATE DATABASE {db};\n")
    marker = "@@doctest-block-{}@@"
    script = "\\set ON_ERROR_STOP 0\n" + ("" if shared_db else "CREATE EXTENSION innovation;\n")
    for i, (sql, _) in enumerate(exs):
        script += f"\\echo {marker.format(i)}\n{sql}\n"
    out = psql(db, script)
    parts = re.split(r"^@@doctest-block-(\d+)@@$", out, flags=re.M)
    got = {int(parts[k]): parts[k + 1] for k in range(1, len(parts) - 1, 2)}
    if update:
        outputs = [normalise(got.get(i, "")) for i in range(len(exs))]
        with open(page, "w", encoding="utf-8") as f:
            f.write(update_page(original, outputs))
        if not shared_db:
            psql("postgres", f"DROP DATABASE IF EXISTS {db};\n")
        print(f"{page}: updated {len(exs)} examples")
        return 0
    failures = 0
    for i, (sql, expected) in enumerate(exs):
        actual = normalise(got.get(i, "<no output: the session stopped earlier>"))
        if expected is None:
            if "ERROR:" in actual:
                failures += 1
                print(f"{page}: example {i + 1} failed:\n{sql}\n--- output ---\n{actual}\n")
        elif actual != normalise(expected):
            failures += 1
            print(f"{page}: example {i + 1} output differs:\n{sql}\n"
                  f"--- expected ---\n{normalise(expected)}\n--- actual ---\n{actual}\n")
    if not shared_db:
        psql("postgres", f"DROP DATABASE IF EXISTS {db};\n")
    print(f"{page}: {len(exs)} examples, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
