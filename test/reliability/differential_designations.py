"""The differential test of designation_set() and designation_counts()
(imported by differential.py, which runs it when the installed extension has
designation_counts).

Firms generated for the purpose, in parks: each firm holds 0 to 6 honours
drawn from the canonical texts of every scheme at each of its levels or none,
in list years 2005-2026 or none, some with a validity of their own ("until
..."), with repeats and NULLs; some firms have only a NULL honour (an empty
set), and every 11th firm's set is NULL (skipped by designation_counts).

The summaries are computed per park the four ways of differential.py
(serial, forced parallel, rolled up from per-subgroup summaries, and through
their text form in two levels), and a set of every honour of a park serially
and in parallel. Every way must equal the serial one (text and =), and every
accessor must equal plain SQL over the honours themselves: count(DISTINCT
firm) under the honour's own accessors (scheme(), level(), list_year(),
valid_on(), valid_until()).
"""
import random

PARKS = 40
YEARS = list(range(2005, 2027))
PROBE_DATES = ["2012-06-30", "2020-01-01", "2024-12-31", "2026-06-30"]

# per park, one jsonb object for each question: the plain side and the
# extension's side build the same keys


def firms_by(key, where="true", join=""):
    """Plain SQL: {key: firms} over the park's counted honours (ds_held)."""
    return ("(SELECT coalesce(jsonb_object_agg(k, n), '{}') FROM (SELECT %s AS k, count(DISTINCT h.firm) AS n "
            "FROM ds_held h %s WHERE h.park = p.park AND %s GROUP BY 1) x)" % (key, join, where))


def nonzero(key, value, source):
    """The extension's side: {key: value} where the accessor's value is not 0."""
    return ("(SELECT coalesce(jsonb_object_agg(k, n), '{}') FROM (SELECT %s AS k, %s AS n FROM %s) x "
            "WHERE n > 0)" % (key, value, source))


PLAIN = {
    "projects": "(SELECT count(*) FROM ds_sets s WHERE s.park = p.park AND s.nonnull)",
    "holders": firms_by("scheme(h.d)"),
    "by_level": firms_by("scheme(h.d) || ' ' || coalesce(level(h.d), 'unstated')"),
    "by_year": firms_by("scheme(h.d) || ' ' || list_year(h.d)", "list_year(h.d) IS NOT NULL"),
    "holdings": """(SELECT coalesce(jsonb_agg(jsonb_build_array(scheme, level, list_year, n)
                                      ORDER BY scheme, level, list_year), '[]') FROM (
        SELECT scheme(h.d) AS scheme, level(h.d) AS level, list_year(h.d) AS list_year,
               count(DISTINCT h.firm) AS n
        FROM ds_held h WHERE h.park = p.park GROUP BY 1, 2, 3) x)""",
    "coholding": """(SELECT coalesce(jsonb_object_agg(k, n), '{}') FROM (
        SELECT x.scheme || ' & ' || y.scheme AS k, count(*) AS n
        FROM ds_firm_schemes x JOIN ds_firm_schemes y USING (park, firm)
        WHERE x.park = p.park AND x.ord <= y.ord GROUP BY 1) z)""",
    "valid": firms_by("scheme(h.d) || ' ' || t.on_date", "valid_on(h.d, t.on_date)", "CROSS JOIN ds_dates t"),
    "unknown": firms_by("scheme(h.d)", "valid_until(h.d) IS NULL"),
}
EXT = {
    "projects": "projects(e.c)",
    "holders": nonzero("s.scheme", "holders(e.c, s.scheme)", "ds_schemes s"),
    "by_level": nonzero("s.scheme || ' ' || l.level", "holders(e.c, s.scheme, l.level)",
                        "ds_schemes s CROSS JOIN LATERAL unnest(s.levels || "
                        "CASE WHEN s.default_level IS NULL THEN '{unstated}'::text[] END) l(level)"),
    "by_year": nonzero("s.scheme || ' ' || y", "holders(e.c, s.scheme, y)",
                       "ds_schemes s CROSS JOIN generate_series(2000, 2030) y"),
    "holdings": """(SELECT coalesce(jsonb_agg(jsonb_build_array(x.scheme, x.level, x.list_year, x.holders)
                                      ORDER BY x.scheme, x.level, x.list_year), '[]') FROM holdings(e.c) x)""",
    "coholding": nonzero("x.scheme_a || ' & ' || x.scheme_b", "x.holders", "coholding(e.c) x"),
    "valid": nonzero("s.scheme || ' ' || t.on_date", "holders_valid(e.c, s.scheme, t.on_date)",
                     "ds_schemes s CROSS JOIN ds_dates t"),
    "unknown": nonzero("s.scheme", "validity_unknown(e.c, s.scheme)", "ds_schemes s"),
}
LABELS = {
    "projects": "projects(c) = the firms with a set",
    "holders": "holders(c, scheme) = count(DISTINCT firm) per scheme()",
    "by_level": "holders(c, scheme, level) = count(DISTINCT firm) per scheme(), level() ('unstated' for none, "
                "where the scheme has no default level)",
    "by_year": "holders(c, scheme, list_year) = count(DISTINCT firm) per scheme(), list_year()",
    "holdings": "holdings(c) = count(DISTINCT firm) per scheme(), level(), list_year()",
    "coholding": "coholding(c) = firms holding both schemes (a <= b in designation_schemes() order)",
    "valid": "holders_valid(c, scheme, date) = count(DISTINCT firm) with valid_on(d, date)",
    "unknown": "validity_unknown(c, scheme) = count(DISTINCT firm) with valid_until(d) IS NULL",
}


class Designations:
    def __init__(self, run, rng, ways):
        """ways: differential.py's helpers (modes, serial_settings, reset,
        parallel_settings, explain_create)."""
        self.run, self.rng, self.ways = run, random.Random(rng.random()), ways
        self.firms = 0
        self.honours = []

    def candidates(self):
        """Canonical texts of honours: every scheme at each of its levels or
        none, with and without a list year, some valid until a later year;
        kept where the reader accepts them."""
        texts = []
        for scheme, levels, term in self.run.sql("SELECT scheme, levels, term_years FROM designation_schemes()"):
            for level in list(levels) + [None]:
                for year in [None] + self.rng.sample(YEARS, 6):
                    t = " ".join(x for x in (level, scheme, str(year) if year else None) if x)
                    texts.append(t)
                    if year and self.rng.random() < 0.3:
                        texts.append("%s until %d" % (t, year + self.rng.randint(0, 4)))
        ok = self.run.sql("SELECT t FROM unnest(%s::text[]) t WHERE try_designation(t) IS NOT NULL", (texts,))
        return sorted(t for (t,) in ok)

    def generate(self):
        pool = self.candidates()
        rng = self.rng
        firm = 0
        for park in range(PARKS + 2):          # the last two have no firms
            if park >= PARKS:
                continue
            n = rng.choice([0, 1, 2, 5, 12, 30, 60])
            hot = rng.sample(pool, min(len(pool), rng.choice([3, 10, 40])))   # a park's usual honours
            for _ in range(n):
                firm += 1
                sub = rng.randrange(3)
                k = rng.choice([0, 1, 1, 2, 3, 4, 6])
                if k == 0:
                    self.honours.append((park, sub, firm, None))
                for _ in range(k):
                    self.honours.append((park, sub, firm, rng.choice(hot if rng.random() < 0.7 else pool)))
                    if rng.random() < 0.1:             # the same honour again, and a NULL
                        self.honours.append(self.honours[-1])
                        self.honours.append((park, sub, firm, None))
        self.firms = firm
        return len(pool)

    def build(self):
        run, sql, w = self.run, self.run.sql, self.ways
        npool = self.generate()
        sql("CREATE TABLE ds_parks AS SELECT g AS park FROM generate_series(0, %d) g" % (PARKS + 1))
        sql("CREATE TABLE ds_schemes AS SELECT scheme, levels, default_level, ord FROM designation_schemes() "
            "WITH ORDINALITY x(scheme, name_zh, track, rung, levels, default_level, term_years, issuer, "
            "definition, ord)")
        sql("CREATE TABLE ds_dates AS SELECT d::date AS on_date FROM unnest(%s::text[]) d", (PROBE_DATES,))
        sql("CREATE TABLE ds_honours (park int, sub int, firm int, d designation)")
        with run.conn.cursor() as cur:
            with cur.copy("COPY ds_honours FROM STDIN") as cp:
                for r in self.honours:
                    cp.write_row(r)
        sql("ANALYZE ds_honours")
        w["reset"](run.conn)
        for s in w["serial_settings"]:
            sql(s)
        # one set per firm; every 11th firm's set NULL (designation_counts skips it)
        sql("""CREATE TABLE ds_sets AS SELECT park, sub, firm, CASE WHEN firm % 11 <> 0 THEN designation_set(d) END AS s,
                   firm % 11 <> 0 AS nonnull
               FROM ds_honours GROUP BY park, sub, firm ORDER BY firm % 7, firm""")
        sql("ANALYZE ds_sets")
        # the plain side's rows: the honours of the firms whose set is counted, and their schemes
        sql("CREATE TABLE ds_held AS SELECT h.park, h.firm, h.d FROM ds_honours h JOIN ds_sets s USING (park, sub, firm) "
            "WHERE s.nonnull AND h.d IS NOT NULL")
        sql("CREATE TABLE ds_firm_schemes AS SELECT DISTINCT h.park, h.firm, scheme(h.d) AS scheme, c.ord "
            "FROM ds_held h JOIN ds_schemes c ON c.scheme = scheme(h.d)")
        # one set per park too: what anyone there holds (many honours in one set)
        sql("CREATE TABLE ds_park_sets AS SELECT park, designation_set(d) AS s FROM ds_honours GROUP BY park")
        agg = "SELECT p.park, (SELECT designation_counts(s) FROM ds_sets x WHERE false) AS c FROM ds_parks p " \
              "WHERE NOT EXISTS (SELECT FROM ds_{m} y WHERE y.park = p.park)"
        sql("CREATE TABLE ds_serial AS SELECT park, designation_counts(s) AS c FROM ds_sets GROUP BY park")
        sql("INSERT INTO ds_serial " + agg.format(m="serial"))
        sql("CREATE TABLE ds_sub AS SELECT park, sub, designation_counts(s) AS c FROM ds_sets GROUP BY 1, 2")
        sql("CREATE TABLE ds_rollup AS SELECT park, rollup(c) AS c FROM ds_sub GROUP BY park")
        sql("INSERT INTO ds_rollup " + agg.format(m="rollup"))
        w["reset"](run.conn)
        for s in w["parallel_settings"](run.conn):
            sql(s)
        self.plan_sets = w["explain_create"](
            run.conn, "ds_park_sets_parallel", "SELECT park, designation_set(d) AS s FROM ds_honours GROUP BY park")
        self.plan = w["explain_create"](
            run.conn, "ds_parallel", "SELECT park, designation_counts(s) AS c FROM ds_sets GROUP BY park")
        sql("INSERT INTO ds_parallel " + agg.format(m="parallel"))
        sql("CREATE TABLE ds_rollup_text AS SELECT park, rollup(c) AS c FROM (SELECT park, sub % 2, "
            "rollup(c::text::designation_counts) AS c FROM ds_sub GROUP BY 1, 2) x GROUP BY park")
        sql("INSERT INTO ds_rollup_text " + agg.format(m="rollup_text"))
        w["reset"](run.conn)
        for name, (partial, launched) in (("designation_set", self.plan_sets),
                                          ("designation_counts", self.plan)):
            run.checks += 1
            if not partial or launched == 0:
                run.fail("parallel", None, "%s: EXPLAIN ANALYZE shows a Partial Aggregate with launched workers"
                         % name, (True, ">0"), (partial, launched))
        sql("CREATE TABLE ds_plain AS SELECT p.park, " +
            ", ".join("%s AS %s" % (q, k) for k, q in PLAIN.items()) + " FROM ds_parks p")
        for mode in w["modes"]:
            sql("CREATE TABLE ds_acc_%s AS SELECT e.park, e.c::text AS c_text, " % mode +
                ", ".join("%s AS %s" % (q, k) for k, q in EXT.items()) + " FROM ds_%s e" % mode)
        return npool

    def compare(self):
        run = self.run
        run.checks += 1
        bad = run.sql("SELECT count(*) FROM ds_park_sets s FULL JOIN ds_park_sets_parallel p USING (park) "
                      "WHERE s.s::text IS DISTINCT FROM p.s::text OR NOT s.s = p.s")[0][0]
        if bad:
            run.fail("parallel", None, "designation_set(d) per park in parallel = serially (text and =)", 0, bad)
        checks = [(LABELS[k], "e." + k, "p." + k) for k in EXT]
        for mode in self.ways["modes"]:
            if mode != "serial":
                run.mismatches(mode, [("designation_counts::text equals the serial summary's", "e.c_text",
                                       "p.c_text")],
                               "ds_acc_serial p JOIN ds_acc_%s e USING (park)" % mode, ["park"], "park ")
                run.mismatches(mode, [("designation_counts = the serial summary", "e.c = p.c", "true")],
                               "ds_serial p JOIN ds_%s e USING (park)" % mode, ["park"], "park ")
            run.mismatches(mode, checks, "ds_plain p LEFT JOIN ds_acc_%s e USING (park)" % mode, ["p.park"],
                           "park ")

    def summary(self, npool):
        n, empty = self.run.sql("SELECT count(*), count(*) FILTER (WHERE d IS NULL) FROM ds_honours")[0]
        return ("designation_counts: %d parks, %d firms, %d honours (%d NULL) from %d canonical texts; "
                "parallel: partial aggregate %s, %d workers launched (designation_set: %s, %d)" % (
                    PARKS, self.firms, n, empty, npool, self.plan[0], self.plan[1],
                    self.plan_sets[0], self.plan_sets[1]))
