#!/usr/bin/env python3
"""Write make bench's result tables into a markdown page.

    update-doc.py OUT_DIR PAGE.md

OUT_DIR holds the CSV files bench.sql (report.sql) and run-bench.sh wrote:
machine.csv and settings.csv (name, value), results.csv, targets.csv,
accuracy.csv, gist.csv, checks.csv, copy.csv (a header row, then rows).
Everything between the lines <!-- bench:begin --> and <!-- bench:end --> of
the page is replaced by the tables; the prose outside the markers is kept
as it is.  Without the markers the page is left alone and this is an error.
"""
import csv
import os
import sys

BEGIN = "<!-- bench:begin -->"
END = "<!-- bench:end -->"


def read(out_dir, name):
    path = os.path.join(out_dir, name)
    if not os.path.exists(path):
        return None
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def cell(text):
    # a table cell: pipes would end it, asterisks could start emphasis
    return text.replace("|", "\\|").replace("*", "\\*")


def table(header, rows, align=None):
    align = align or ["---"] * len(header)
    out = ["| " + " | ".join(cell(h) for h in header) + " |",
           "|" + "|".join(align) + "|"]
    out += ["| " + " | ".join(cell(c) for c in r) + " |" for r in rows]
    return out


def facts(machine, settings):
    m = dict((r[0], r[1]) for r in machine or [])
    s = dict((r[0], r[1]) for r in (settings or [])[1:])
    rows = [
        ("machine", "%s, %s cores, %s of memory" % (m.get("CPU", "?"), m.get("cores", "?"),
                                                  m.get("memory", "?"))),
        ("system", m.get("system", "?")),
        ("PostgreSQL", "%s (%s); innovation %s, tdigest %s" % (
            s.get("server_version", "?"), m.get("server binaries", "?"),
            s.get("innovation version", "?"), s.get("tdigest version", "?"))),
        ("commit", m.get("commit", "?")),
        ("date", m.get("date", "?")),
        ("size", m.get("size", "?")),
        ("wall time", m.get("wall time", "?")),
        ("load average", "%s at the start, %s at the end (1, 5 and 15 minutes; other work "
                         "shares the machine)" % (m.get("load at the start", "?"),
                                                  m.get("load at the end", "?"))),
        ("phases", s.get("phases", "?")),
    ]
    names = [n for n in sorted(s) if n not in ("server_version", "innovation version",
                                                "tdigest version", "phases")]
    rows.append(("settings", ", ".join("%s %s" % (n, s[n]) for n in names)))
    return table(["", ""], rows)


def results(rows):
    """Every query; the task named once, on its group's first row."""
    out, last = [], None
    for r in rows[1:]:
        task, way, ms2, ms0, ratio2, ratio0, speedup, ref, rng = r
        out.append([task if task != last else "", way, ms2, ms0, ratio2, ratio0, speedup,
                    ref, rng])
        last = task
    return table(["task", "way", "2 workers, ms", "no workers, ms", "ratio, 2 workers",
                  "ratio, no workers", "speed-up with 2", "ratio to", "runs, ms (2 / none)"],
                 out, ["---", "---", "---:", "---:", "---:", "---:", "---:", "---", "---:"])


def targets(rows):
    body = []
    for target, setting, measured, limit, met in rows[1:]:
        body.append([target, setting, "**%s**" % measured if met == "no" else measured, limit,
                     "**no**" if met == "no" else met])
    text = table(["target", "setting", "measured", "target", "met"], body,
                 ["---", "---", "---:", "---:", "---"])
    # bold marks a miss; cell() escaped the asterisks, put them back
    return [line.replace("\\*\\*", "**") for line in text]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    out_dir, page = sys.argv[1], sys.argv[2]
    parts = {n: read(out_dir, n + ".csv") for n in
             ("machine", "settings", "results", "targets", "accuracy", "gist", "checks", "copy")}
    if not parts["results"] or not parts["targets"]:
        sys.exit("update-doc.py: no results in %s" % out_dir)

    lines = [BEGIN,
             "<!-- written by make bench (test/bench/update-doc.py): edit outside the markers -->",
             "", "### The run", ""]
    lines += facts(parts["machine"], parts["settings"])
    lines += ["", "### Targets", "",
              "Each ratio of two queries is taken at the same worker setting, from the medians "
              "below; a miss is in bold.", ""]
    lines += targets(parts["targets"])
    lines += ["", "### Every query", "",
              "Medians of the timed passes in milliseconds; the ratio is to the query named in "
              "\"ratio to\" (the task's floor or plain-SQL reference), at the same setting; "
              "the speed-up is the time without workers over the time with 2.", ""]
    lines += results(parts["results"])
    if parts["accuracy"]:
        lines += ["", "### Quantiles: largest relative error over the clusters", "",
                  "Against the exact `percentile_disc` of the same values, per cluster; the "
                  "largest over the clusters at each quantile.", ""]
        lines += table(parts["accuracy"][0], parts["accuracy"][1:],
                       ["---", "---:", "---:", "---:"])
    if parts["gist"]:
        lines += ["", "### The GiST index", ""]
        lines += table([h.replace("_", " ") for h in parts["gist"][0]], parts["gist"][1:],
                       ["---:"] * len(parts["gist"][0]))
    if parts["checks"]:
        lines += ["", "### The answers agree", ""]
        lines += table(parts["checks"][0], parts["checks"][1:])
    if parts["copy"]:
        lines += ["", "### COPY and the text reader", "",
                  "From `test/bench/copy.sql` in the same session (no parallel workers).", ""]
        lines += table([h.replace("_", " ") for h in parts["copy"][0]], parts["copy"][1:],
                       ["---", "---:", "---:", "---", "---", "---"])
    lines += [END]

    with open(page, encoding="utf-8") as f:
        text = f.read()
    if BEGIN not in text or END not in text or text.index(BEGIN) > text.index(END):
        sys.exit("update-doc.py: %s has no %s ... %s block" % (page, BEGIN, END))
    head, rest = text.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    with open(page + ".tmp", "w", encoding="utf-8") as f:
        f.write(head + "\n".join(lines) + tail)
    os.replace(page + ".tmp", page)


if __name__ == "__main__":
    main()
