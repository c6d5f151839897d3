#!/usr/bin/python3
"""Randomized differential tests: every aggregate and accessor against plain SQL.

Thousands of random data sets live in one table, keyed by a data-set column
`ds`, so that one query computes every data set's summaries. Each data set is
one group: its rows feed funnel(), stage_history(), quantile_sketch() (over
double precision with the data set's accuracy, numeric and interval) and
funding_stats() (all rounds, and equity only through an aggregate FILTER). The
data mix NULLs, data sets without rows, extreme values (subnormal and
near-maximal doubles of both signs, zeros, amounts of one minor unit and the
largest amount the type accepts), every currency funding_currencies() lists,
exact, fuzzy ("近2亿元", "数千万美元"), open-ended ("$10M+") and undisclosed amounts,
all 34 round kinds, rounds read from headlines and from canonical text, dates
from 1900-01-01 to 2199-12-31, consistent and contradictory histories, and
sketches with more buckets than they keep.

The summaries are computed four ways:

  serial       max_parallel_workers_per_gather = 0
  parallel     forced parallel plans; EXPLAIN ANALYZE must show a Partial
               Aggregate with launched workers. The rows are stored shuffled,
               so each data set is split between the processes and partial
               states are combined
  rollup       per-subgroup summaries stored in a table (with summaries of no
               rows mixed in), rolled up per data set with rollup()
  rollup_text  the stored summaries through their text form, rolled up in two
               levels under forced parallel plans

and, for the summaries only, a fifth: GROUP BY GROUPING SETS ((ds, sub), (ds)).
Where the documentation has stage_survival(), cohorts of generated projects'
histories are summarized the same four ways and checked against a plain-SQL
Kaplan-Meier computation (counts and the curve exactly; the estimate, its
band, survival_quantile and reached_within in rational arithmetic). Where the
extension has designation_counts(), parks of generated firms' honours are
summarized the same four ways and checked against count(DISTINCT firm) over
the honours (differential_designations.py). Sums past bigint must be an error
(22003) in every way.

Every way's summaries must equal the serial ones, as text and by `=`; every
accessor of every way must agree with the plain-SQL computation over the same
rows: exactly for counts, totals, ranges, threshold counts, kinds, dates,
stages, durations, min, max, conversions and the mean (the exact sum of the
values, computed in numeric, divided by the count and rounded once to double);
quantiles within the relative accuracy the documentation promises (of
percentile_disc(q); plus half the subnormal step below 2.2e-308; only above the
merged buckets of a sketch that merged its smallest ones), and exactly at q = 0
and 1. Exact comparisons run in SQL (IS DISTINCT FROM); the mean and the
quantile bounds in Python, with rational arithmetic. Accessors that take a
pair of stages, a threshold or a quantile are asked every STRIDE-th argument
per data set (a different subset in each), to keep the run short.

On a mismatch it prints the seed, the way, the data set, both answers and the
data set's rows as SQL.

Environment:
  INNO_DIFF_SEED      seed of the first round (default 20240611)
  INNO_DIFF_DATASETS  data sets per round (default 2000)
  INNO_DIFF_ROUNDS    rounds, with seeds SEED, SEED+1, ... (default 1)
  INNO_DIFF_LONG=1    the long mode: 10000 data sets a round, 5 rounds (the
                      two variables above still win when set)
  INNO_DIFF_DOCS      the directory of the analytics.md whose promises are
                      checked (default: doc/ of this tree; see Conventions)
  INNO_DIFF_KEEP=1    keep the tables (schema diff) after the run
  INNO_DIFF_PROFILE=1 print the time of every statement
Connection: libpq's PG* variables (test/reliability/differential.sh sets them).
Exit status 1 on any mismatch.
"""
import datetime
import json
import math
import os
import random
import re
import sys
import time
from decimal import Decimal
from fractions import Fraction

import psycopg

from differential_designations import Designations

STAGES = ["concept", "pilot", "incubating", "registered", "producing", "tech_sme", "high_tech",
          "above_scale", "gazelle", "potential_unicorn", "unicorn", "listed"]
# the standard thresholds of rounds_over(), in currency units (doc/analytics.md)
THRESHOLDS = [m * 10 ** e for e in range(4, 12) for m in (1, 2, 3, 5)]
BASES = ["low", "point", "high"]
ACCURACIES = [0.001, 0.005, 0.01, 0.02, 0.05]
AMOUNT_MAX = 10 ** 17          # minor units (doc/funding_round.md)
SUM_BUDGET = 9 * 10 ** 18      # keep every per-currency sum below 2^63
DATE_MIN = datetime.date(1900, 1, 1)
DATE_MAX = datetime.date(2199, 12, 31)
FIXED_PROBES = ["-infinity", "1800-01-01", "1900-01-01", "1999-12-31", "2024-06-30",
                "2199-12-31", "infinity"]
SMALLEST_NORMAL = 2.0 ** -1022
HALF_SUBNORMAL_STEP = Fraction(1, 2 ** 1075)

ZH_KINDS = ["天使轮", "A轮", "B轮", "C轮", "Pre-A轮", "战略投资", "种子轮", "D轮", "拨投结合",
            "定增", "并购", "可转债", "科技贷款", "立项拨款", ""]
EN_KINDS = ["Series A", "Series B", "seed round", "Series C", "angel round", "strategic investment",
            "Series D", "acquisition", "convertible note", "grant", "debt financing"]
# headline templates: currency -> formats; {kz}/{ke} a Chinese / English kind,
# {n} 1-999, {m} 1-9, {d} 1-9, {a} < {b} (1-9 and up to 19)
TEMPLATES = {
    "CNY": ["{kz} 近{m}亿元", "{kz} 超{m}亿", "{kz} {m}000多万", "{kz} 约{m}000万", "{kz} 数千万",
            "数亿元{kz}", "亿元及以上 {kz}", "{kz} {a}-{b}亿", "{kz} {n}万元", "{kz} ¥{n}万",
            "{kz} {m}.{d}亿元", "{kz} 千万级", "{kz} 近亿元", "{kz} 过亿", "{kz} 数百万人民币",
            "获得近{m}亿元{kz}融资", "{ke}, RMB {n} million", "{ke}, CNY {n} million", "{kz} {n}万"],
    "USD": ["{ke}, ${n}M", "{ke}, ${n}M+", "raises US${n} million {ke}", "{ke} ${m}.{d}B",
            "{ke}, ${a}-{b} million", "secures over ${n} million in {ke} funding",
            "{ke} about ${n} million", "eight figures, USD", "{kz} {m}000万美元", "{kz} 数千万美元",
            "亿元及以上美元"],
    "HKD": ["{ke}, HK${n} million", "{kz} {m}亿港元"],
    "TWD": ["{ke}, NT${n} million", "{kz} {m}亿新台币"],
    "EUR": ["{ke}, €{n}M", "{ke}, €{n}K", "{ke}, {n} million euros", "{kz} 约{m}000万欧元", "{ke}, €{n}m+"],
    "JPY": ["{kz} {m}亿日元", "{ke}, {n} million yen", "{ke}, JPY {n} million"],
    "GBP": ["{ke}, £{n}M", "{kz} {n}万英镑", "{ke} of {n} million pounds sterling"],
    "SGD": ["{ke}, S${n}M", "{kz} {n}万新加坡元"],
    "KRW": ["{ke}, ₩{n} billion", "{kz} {m}亿韩元"],
    "CHF": ["{ke}, CHF {n} million", "{ke}, {n} million swiss francs"],
    "AUD": ["{ke}, A${n}M", "{kz} {n}万澳元"],
    "CAD": ["{ke}, C${n}M", "{kz} {n}万加元"],
}
UNDISCLOSED_TEXTS = ["{kz} 未披露", "{kz} 金额未披露", "{ke}, undisclosed", "undisclosed"]


def env_int(name, default):
    v = os.environ.get(name, "")
    return int(v) if v.strip() else default


# ---------------------------------------------------------------------------
# data generation


class Generator:
    """Random data sets; everything follows from the seed."""

    def __init__(self, seed, kinds, currencies):
        self.rng = random.Random(seed)
        self.kinds = kinds                  # round-kind labels
        self.currencies = currencies        # [(code, minor digits)]
        self.digits = dict(currencies)

    # -- stages and dates

    def stage_sampler(self):
        rng = self.rng
        shape = rng.choice(["uniform", "early", "single", "top", "two"])
        if shape == "uniform":
            return lambda: rng.choice(STAGES)
        if shape == "early":
            return lambda: STAGES[min(11, int(rng.expovariate(0.5)))]
        if shape == "single":
            s = rng.choice(STAGES)
            return lambda: s
        if shape == "top":
            return lambda: STAGES[11 - min(11, int(rng.expovariate(0.7)))]
        pair = rng.sample(STAGES, 2)
        return lambda: rng.choice(pair)

    def date_sampler(self):
        rng = self.rng
        shape = rng.choice(["ladder", "random", "edge", "narrow", "ladder"])
        span = (DATE_MAX - DATE_MIN).days
        if shape == "ladder":     # later stages later, with some jitter (mostly consistent)
            base = rng.randint(0, span - 12 * 400)
            jitter = rng.choice([0, 30, 400])
            return lambda st: DATE_MIN + datetime.timedelta(
                days=max(0, min(span, base + STAGES.index(st) * 365 + rng.randint(-jitter, jitter))))
        if shape == "random":
            return lambda st: DATE_MIN + datetime.timedelta(days=rng.randint(0, span))
        if shape == "edge":
            return lambda st: rng.choice([DATE_MIN, DATE_MIN + datetime.timedelta(days=1),
                                          DATE_MAX, DATE_MAX - datetime.timedelta(days=1)])
        few = [DATE_MIN + datetime.timedelta(days=rng.randint(0, span)) for _ in range(3)]
        return lambda st: rng.choice(few)

    # -- values for the sketches

    def value_sampler(self, shape=None):
        rng = self.rng
        shape = shape or rng.choice(["lognormal", "lognormal", "ints", "signed", "extreme", "wide",
                                     "const", "tiny", "huge", "dups", "durations"])
        if shape == "lognormal":
            mu, sigma = rng.uniform(-5, 30), rng.uniform(0.1, 6)
            return lambda: math.exp(rng.gauss(mu, sigma))
        if shape == "ints":
            lo = rng.randint(-20, 5)
            return lambda: float(rng.randint(lo, lo + 30))
        if shape == "signed":
            sd = 10 ** rng.uniform(-3, 6)

            def signed():
                u = rng.random()
                if u < 0.1:
                    return 0.0
                if u < 0.12:
                    return -0.0
                return rng.gauss(0, sd)
            return signed
        if shape == "extreme":
            specials = [5e-324, 1e-323, 2.2250738585072014e-308, 2.225073858507201e-308, 1e-310,
                        1.7976931348623157e308, -1.7976931348623157e308, 1e308, -1e308, 0.0, -0.0,
                        1.0, -1.0, 0.1, -5e-324, 8.98846567431158e307]

            def extreme():
                if rng.random() < 0.5:
                    return rng.choice(specials)
                return rng.choice([1.0, -1.0]) * math.ldexp(rng.random(), rng.randint(-1074, 1024))
            return extreme
        if shape == "wide":
            return lambda: rng.choice([1.0, 1.0, -1.0]) * 10.0 ** rng.uniform(-300, 300)
        if shape == "const":
            v = rng.choice([0.0, 1.0, 1e-300, 1.7976931348623157e308, -3.5, 5e-324, 123456.789])
            return lambda: v
        if shape == "tiny":
            return lambda: rng.choice([1.0, -1.0]) * math.ldexp(rng.randint(1, 2 ** 52 - 1), -1074)
        if shape == "huge":
            return lambda: rng.choice([1.0, -1.0]) * rng.uniform(1e307, 1.7976931348623157e308)
        if shape == "dups":
            vals = [rng.uniform(-100, 1000) for _ in range(3)]
            return lambda: rng.choice(vals)
        return lambda: float(rng.randint(0, 40000))          # durations in days

    def interval_text(self):
        rng = self.rng
        shape = rng.random()
        if shape < 0.3:
            return "%d days" % rng.randint(-400, 40000)
        if shape < 0.5:
            return "%d mons" % rng.randint(-600, 2400)
        return "%d mons %d days %d microseconds" % (
            rng.randint(-240, 1200), rng.randint(-1000, 10000), rng.randint(-10 ** 11, 10 ** 12))

    # -- funding rounds

    def minor_text(self, v, cur):
        if self.digits[cur] == 0:
            return str(v)
        whole, frac = divmod(v, 100)
        return "%d.%02d" % (whole, frac) if frac else str(whole)

    def amount(self, profile):
        rng = self.rng
        if profile == "tiny":
            return rng.randint(1, 1000)
        if profile == "huge":
            return AMOUNT_MAX - rng.choice([0, 0, 1, rng.randint(0, 10 ** 15)])
        if profile == "normal":
            return int(10 ** rng.uniform(6, 12))
        return max(1, int(10 ** rng.uniform(0, 17)))

    def date_suffix(self):
        rng = self.rng
        u = rng.random()
        y = rng.randint(1900, 2199)
        if u < 0.4:
            return ""
        if u < 0.6:
            return " %d" % y
        if u < 0.8:
            return " %d-%02d" % (y, rng.randint(1, 12))
        return " " + (DATE_MIN + datetime.timedelta(days=rng.randint(0, (DATE_MAX - DATE_MIN).days))).isoformat()

    def round_sampler(self):
        """A function giving one round's text (or None), with every
        per-currency sum kept below 2^63."""
        rng = self.rng
        ncur = rng.choice([1, 1, 1, 2, 2, 2, 3, 3, 5, 12])
        curs = [c for c, _ in rng.sample(self.currencies, ncur)]
        profile = rng.choice(["normal", "normal", "any", "tiny", "huge"])
        p_null = rng.choice([0.0, 0.05, 0.3])
        p_headline = rng.choice([0.0, 0.3, 0.6])
        used = {c: 0 for c in curs}

        def fill(fmt):
            a = rng.randint(1, 9)
            return fmt.format(kz=rng.choice(ZH_KINDS), ke=rng.choice(EN_KINDS), n=rng.randint(1, 999),
                              m=rng.randint(1, 9), d=rng.randint(1, 9), a=a, b=rng.randint(a + 1, a + 10))

        def one():
            u = rng.random()
            if u < p_null:
                return None
            kind = rng.choice(self.kinds)
            u = rng.random()
            if u < 0.05:
                return "%s undisclosed" % kind
            if u < 0.08:
                return fill(rng.choice(UNDISCLOSED_TEXTS))
            cur = rng.choice(curs)
            if u < 0.14:
                return "%s %s undisclosed%s" % (kind, cur, self.date_suffix())
            if rng.random() < p_headline:
                return fill(rng.choice(TEMPLATES[cur]))  # amounts far below the budget
            low = self.amount(profile)
            shape = rng.random()
            if shape < 0.5:
                high = point = low
            elif shape < 0.85:
                high = min(AMOUNT_MAX, low * rng.choice([1, 2, 3, 10]) + rng.randint(0, 10))
                point = rng.randint(low, high)
            else:
                high = point = None
            top = high if high is not None else low
            if used[cur] + top > SUM_BUDGET:
                low = point = high = rng.randint(1, 100)
                top = low
            used[cur] += top
            if high is None:
                amount = "%s+" % self.minor_text(low, cur)
            elif low == high:
                amount = self.minor_text(low, cur)
            else:
                amount = "%s-%s ~%s" % (self.minor_text(low, cur), self.minor_text(high, cur),
                                        self.minor_text(point, cur))
            return "%s %s %s%s" % (kind, cur, amount, self.date_suffix())
        return one

    # -- a data set

    def dataset(self, ds):
        rng = self.rng
        u = rng.random()
        if u < 0.04:
            n = 0
        elif u < 0.10:
            n = 1
        elif u < 0.20:
            n = rng.randint(2, 4)
        elif u < 0.97:
            n = rng.randint(5, 40)
        elif u < 0.995:
            n = rng.randint(41, 200)
        else:
            n = rng.randint(300, 700)
        acc = rng.choice([0.01, 0.01, 0.01] + ACCURACIES)
        nsub = rng.randint(1, 6)
        stage_of = self.stage_sampler()
        date_of = self.date_sampler()
        value_of = self.value_sampler()
        if rng.random() < 0.008:
            # more buckets than a 5% sketch keeps (420 a sign): the smallest
            # magnitudes are merged, order-independently
            n, acc = rng.randint(450, 900), 0.05
            value_of = self.value_sampler("wide")
        round_of = self.round_sampler()
        p_stage_null = rng.choice([0.0, 0.0, 0.1, 0.3, 1.0])
        p_date_null = rng.choice([0.0, 0.2, 0.6, 1.0])
        p_x_null = rng.choice([0.0, 0.0, 0.1, 0.5, 1.0]) if n < 450 else 0.0
        p_iv_null = rng.choice([0.0, 0.3, 1.0])
        rows = []
        for _ in range(n):
            stage = None if rng.random() < p_stage_null else stage_of()
            d = None
            if rng.random() >= p_date_null:
                d = date_of(stage or rng.choice(STAGES))
            x = None if rng.random() < p_x_null else value_of()
            xn = None if x is None else format(Decimal(x), "f")
            iv = None if rng.random() < p_iv_null else self.interval_text()
            rows.append((ds, rng.randrange(nsub), acc, stage, d.isoformat() if d else None,
                         None if x is None else repr(x), xn, iv, round_of()))
        probes = set(FIXED_PROBES)
        dated = [r[4] for r in rows if r[4] is not None]
        for text in rng.sample(dated, min(3, len(dated))):
            day = datetime.date.fromisoformat(text)
            for k in (-1, 0, 1):
                probes.add((day + datetime.timedelta(days=k)).isoformat())
        return n, acc, rows, sorted(probes)


# ---------------------------------------------------------------------------
# SQL

AGGS = """funnel(stage) AS f, stage_history(stage, reached_on) AS h,
       quantile_sketch(x, acc) AS s, quantile_sketch(xn, acc) AS sn,
       quantile_sketch(iv) AS si, quantile_sketch(extract(epoch from iv)) AS sd,
       funding_stats(r) AS fs, funding_stats(r) FILTER (WHERE is_equity(r)) AS fe"""
SUMMARIES = ["f", "h", "s", "sn", "si", "sd", "fs", "fe"]
TYPES = {"f": "stage_funnel", "h": "stage_history", "s": "quantile_sketch", "sn": "quantile_sketch",
         "si": "quantile_sketch", "sd": "quantile_sketch", "fs": "funding_stats", "fe": "funding_stats"}
ROLLUPS = ", ".join("rollup(%s) AS %s" % (c, c) for c in SUMMARIES)
ROLLUPS_TEXT = ", ".join("rollup(%s::text::%s) AS %s" % (c, TYPES[c], c) for c in SUMMARIES)

# the direct aggregate: one row per data set that has rows
DIRECT = "SELECT ds, " + AGGS + " FROM rows GROUP BY ds"
# data sets without rows: the aggregates over no rows at all
EMPTY = """INSERT INTO {t} SELECT d.ds, z.* FROM datasets d,
  (SELECT """ + AGGS + """ FROM rows WHERE false) z
WHERE NOT EXISTS (SELECT FROM {t} e WHERE e.ds = d.ds)"""

SERIAL_SETTINGS = ["SET max_parallel_workers_per_gather = 0"]
PARALLEL_SETTINGS = ["SET parallel_setup_cost = 0", "SET parallel_tuple_cost = 0",
                     "SET min_parallel_table_scan_size = 0", "SET min_parallel_index_scan_size = 0",
                     "SET max_parallel_workers_per_gather = 2", "SET parallel_leader_participation = on"]


def parallel_settings(conn):
    v = conn.execute("SELECT current_setting('server_version_num')::int").fetchone()[0]
    force = "debug_parallel_query" if v >= 160000 else "force_parallel_mode"
    return PARALLEL_SETTINGS + ["SET %s = on" % force]


def reset(conn):
    conn.execute("RESET ALL")
    conn.execute("SET search_path = diff, public")
    conn.execute("SET extra_float_digits = 1")
    conn.execute("SET work_mem = '64MB'")
    try:
        # storing the summaries: pglz takes most of the run, lz4 a tenth of it
        conn.execute("SET default_toast_compression = 'lz4'")
    except psycopg.Error:
        pass


def plan_nodes(plan):
    yield plan
    for p in plan.get("Plans", []):
        yield from plan_nodes(p)


def explain_create(conn, table, query):
    """Run CREATE TABLE table AS query under EXPLAIN ANALYZE; return (partial
    aggregate seen, workers launched)."""
    out = conn.execute("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, FORMAT JSON) CREATE TABLE %s AS %s"
                       % (table, query)).fetchone()[0]
    if isinstance(out, str):
        out = json.loads(out)
    nodes = list(plan_nodes(out[0]["Plan"]))
    partial = any(n.get("Node Type") == "Aggregate" and n.get("Partial Mode") == "Partial" for n in nodes)
    launched = sum(n.get("Workers Launched", 0) for n in nodes)
    return partial, launched


def setup_schema(conn):
    conn.execute("DROP SCHEMA IF EXISTS diff CASCADE")
    conn.execute("CREATE SCHEMA diff")
    reset(conn)
    conn.execute("CREATE TABLE datasets (ds int PRIMARY KEY, n int, acc float8)")
    conn.execute("""CREATE TABLE staging (ord int, ds int, sub int, acc float8, stage text, reached_on text,
        x text, xn text, iv text, rt text)""")
    conn.execute("CREATE TABLE probes (ds int, pd date)")
    conn.execute("CREATE TABLE ladder AS SELECT rank, stage FROM stage_ladder()")
    conn.execute("""CREATE TABLE pairs AS
        SELECT row_number() OVER (ORDER BY a.rank, b.rank)::int AS i, a.rank AS ai, b.rank AS bi,
               a.stage AS a, b.stage AS b
        FROM ladder a, ladder b""")
    # conversion(f, from, to) up the ladder (a later version refuses to go down it)
    conn.execute("""CREATE TABLE upairs AS
        SELECT row_number() OVER (ORDER BY a.rank, b.rank)::int AS i, a.rank AS ai, b.rank AS bi,
               a.stage AS a, b.stage AS b
        FROM ladder a JOIN ladder b ON a.rank <= b.rank""")
    conn.execute("""CREATE TABLE thr AS
        SELECT row_number() OVER (ORDER BY t.i, b.i)::int AS i, t.t::numeric AS t, b.b
        FROM unnest(%s::bigint[]) WITH ORDINALITY t(t, i), unnest(%s::text[]) WITH ORDINALITY b(b, i)""",
                 (THRESHOLDS, BASES))
    conn.execute("""CREATE TABLE cur AS
        SELECT (row_number() OVER (ORDER BY iso_numeric) - 1)::int AS idx, currency, iso_numeric
        FROM funding_currencies()""")
    # the elements of a full array that the extension was asked for (see STRIDE)
    conn.execute("""CREATE FUNCTION pick(a anyarray, ds int, k int) RETURNS anyarray
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS 'SELECT ARRAY(SELECT a[i] FROM generate_subscripts(a, 1) i WHERE (i + ds) % k = 0 ORDER BY i)'""")


def load(conn, gen, ndatasets):
    datasets, rows, probes = [], [], []
    for ds in range(1, ndatasets + 1):
        n, acc, rs, pr = gen.dataset(ds)
        datasets.append((ds, n, acc))
        rows.extend(rs)
        probes.extend((ds, p) for p in pr)
    gen.rng.shuffle(rows)        # each data set spread over the whole table
    with conn.cursor() as cur:
        with cur.copy("COPY datasets FROM STDIN") as cp:
            for r in datasets:
                cp.write_row(r)
        with cur.copy("COPY staging FROM STDIN") as cp:
            for i, r in enumerate(rows):
                cp.write_row((i,) + r)
        with cur.copy("COPY probes FROM STDIN") as cp:
            for r in probes:
                cp.write_row(r)
    # the funding_round parts, read once per row for the plain-SQL side
    conn.execute("""CREATE TABLE rows AS
        SELECT s.*, k.category FROM
          (SELECT *, currency(r) AS cur, is_disclosed(r) AS disc, is_equity(r) AS eq, round_kind(r)::text AS kind,
                  amount_low(r) AS lo, amount_point(r) AS pt, amount_high(r) AS hi
           FROM (SELECT ord, ds, sub, acc, stage::project_stage AS stage, reached_on::date AS reached_on,
                        x::float8 AS x, xn::numeric AS xn, iv::interval AS iv, rt, try_funding_round(rt) AS r
                 FROM staging) s0) s
          LEFT JOIN (SELECT kind::text AS kind, category::text AS category FROM round_kinds()) k USING (kind)
        ORDER BY s.ord""")
    bad = conn.execute("SELECT rt, funding_round_error(rt) FROM rows "
                       "WHERE rt IS NOT NULL AND r IS NULL LIMIT 5").fetchall()
    if bad:
        raise SystemExit("generator error: rounds that do not parse: %r" % (bad,))
    conn.execute("DROP TABLE staging")
    # (ANALYZE only where it matters: on summary columns it compares values with =, at length)
    conn.execute("ANALYZE datasets, rows, probes")
    return len(rows), len(probes)


# ---------------------------------------------------------------------------
# the extension's answers, per way, into tables acc_*_<way>

# Accessors that take a pair of stages, a threshold or a quantile are asked,
# per data set, for every STRIDE-th argument (offset by the data set number),
# so that every argument is asked across the data sets at a fraction of the
# cost; the plain-SQL side always computes them all.
PAIR_STRIDE = 4          # of the 144 (from, to) pairs of stages (78 up the ladder for conversion)
OVER_STRIDE = 6          # of the 48 (threshold, basis) pairs
OVER3_STRIDE = 8         # of the 32 thresholds, for the 3-argument rounds_over
FQ_STRIDE = 6            # of the quantiles, for quantile(funding_stats, q, currency)
MODES = ["serial", "parallel", "rollup", "rollup_text"]
# what differential_designations.py builds its four ways with
WAYS = dict(modes=MODES, serial_settings=SERIAL_SETTINGS, reset=reset, parallel_settings=parallel_settings,
            explain_create=explain_create)


def pick(values, ds, stride):
    return [v for i, v in enumerate(values, 1) if (i + ds) % stride == 0]


# count, min, max and mean of a quantile_sketch (named as the documentation does: Conventions)
SKETCH_ACCESSORS = {"count": "public.count", "min": "public.min", "max": "public.max", "mean": "public.mean"}


def ext_summary_sql(mode):
    return """CREATE TABLE acc_{m} AS
SELECT e.ds, """.format(m=mode) + ", ".join("e.%s::text AS %s_text" % (c, c) for c in SUMMARIES) + """,
  ARRAY(SELECT at_stage(e.f, l.stage) FROM ladder l ORDER BY l.rank) AS f_at,
  ARRAY(SELECT reached(e.f, l.stage) FROM ladder l ORDER BY l.rank) AS f_reached,
  total(e.f) AS f_total,
  ARRAY(SELECT conversion(e.f, p.a, p.b) FROM upairs p WHERE (p.i + e.ds) % {ps} = 0 ORDER BY p.i) AS f_conv,
  ARRAY(SELECT row(x.rank, x.stage, x.at_stage, x.reached, x.conversion)::text FROM stages(e.f) x
        ORDER BY x.rank) AS f_stages,
  e.f::jsonb AS f_json,
  current_stage(e.h)::text AS h_current,
  ARRAY(SELECT first_reached(e.h, l.stage) FROM ladder l ORDER BY l.rank) AS h_first,
  ARRAY(SELECT time_to(e.h, p.a, p.b) FROM pairs p WHERE (p.i + e.ds) % {ps} = 0 ORDER BY p.i) AS h_time_to,
  is_consistent(e.h) AS h_consistent,
  e.h::jsonb AS h_json,
  {count}(e.s) AS s_count, {min}(e.s) AS s_min, {max}(e.s) AS s_max, {mean}(e.s) AS s_mean,
  relative_accuracy(e.s) AS s_acc,
  quantiles(e.s, (SELECT qs FROM qs)) AS s_quantiles,
  ARRAY(SELECT quantile(e.s, u.q) FROM qs, unnest(qs.qs) WITH ORDINALITY u(q, i) ORDER BY u.i) AS s_quantile,
  sj -> 'collapsed' AS s_collapsed, (sj ->> 'max_bins')::int AS s_max_bins,
  {count}(e.si) AS si_count, {min}(e.si) AS si_min, {max}(e.si) AS si_max,
  rounds(e.fs) AS fs_rounds, currencies(e.fs) AS fs_currencies,
  rounds(e.fe) AS fe_rounds, currencies(e.fe) AS fe_currencies
FROM ext_{m} e, LATERAL (SELECT e.s::jsonb AS sj) j""".format(m=mode, ps=PAIR_STRIDE, **SKETCH_ACCESSORS)


def ext_currency_sql(col, mode):
    return """CREATE TABLE acc_currency_{c}_{m} AS
SELECT fc.ds, fc.currency,
  rounds(e.{c}, fc.currency) AS rounds, disclosed_rounds(e.{c}, fc.currency) AS disclosed,
  open_rounds(e.{c}, fc.currency) AS open, total(e.{c}, fc.currency) AS total,
  total_range(e.{c}, fc.currency) AS total_range,
  ARRAY(SELECT rounds_over(e.{c}, t.t, fc.currency, t.b) FROM thr t WHERE (t.i + fc.ds) % {o} = 0 ORDER BY t.i) AS over,
  ARRAY(SELECT rounds_over(e.{c}, t.t, fc.currency) FROM thr t
        WHERE t.b = 'point' AND ((t.i + 1) / 3 + fc.ds) % {o3} = 0 ORDER BY t.i) AS over_point,
  min_amount(e.{c}, fc.currency) AS min_amount, max_amount(e.{c}, fc.currency) AS max_amount,
  ARRAY(SELECT quantile(e.{c}, u.q, fc.currency) FROM qs, unnest(qs.qs) WITH ORDINALITY u(q, i)
        WHERE (u.i + fc.ds) % {fq} = 0 ORDER BY u.i) AS quantiles
FROM fcur fc JOIN ext_{m} e USING (ds) WHERE fc.k <= {kmax}""".format(
        c=col, m=mode, kmax=1 if col == "fe" else 2, o=OVER_STRIDE, o3=OVER3_STRIDE, fq=FQ_STRIDE)


def ext_kinds_sql(col, mode, category):
    return """CREATE TABLE acc_kinds_{c}_{m} AS
SELECT e.ds, coalesce(k.currency::text, '') AS currency, k.kind::text AS kind, {cat} AS category,
       k.rounds, k.disclosed, k.total
FROM ext_{m} e, kinds(e.{c}) k""".format(c=col, m=mode, cat="k.category::text" if category else "NULL::text")


def ext_families_sql(col, mode):
    return """CREATE TABLE acc_families_{c}_{m} AS
SELECT e.ds, coalesce(f.currency::text, '') AS currency, f.category::text AS category, f.rounds, f.disclosed, f.total
FROM ext_{m} e, families(e.{c}) f""".format(c=col, m=mode)


def ext_stage_on_sql(mode):
    return """CREATE TABLE acc_stage_on_{m} AS
SELECT p.ds, p.pd, stage_on(e.h, p.pd)::text AS stage FROM probes p JOIN ext_{m} e ON e.ds = p.ds""".format(m=mode)


# ---------------------------------------------------------------------------
# the plain-SQL answers, into tables plain_*

def plain_sql(conv):
    at = ", ".join("count(*) FILTER (WHERE r.stage = '%s')" % s for s in STAGES)
    reached = ", ".join("count(*) FILTER (WHERE r.stage >= '%s')" % s for s in STAGES)
    first = ", ".join("min(r.reached_on) FILTER (WHERE r.stage = '%s')" % s for s in STAGES)
    out = ["""CREATE TABLE plain_base AS
SELECT d.ds, d.acc,
  ARRAY[""" + at + """] AS at, ARRAY[""" + reached + """] AS reached, count(r.stage) AS total,
  max(r.stage)::text AS current, ARRAY[""" + first + """] AS first,
  count(r.x) AS x_count, min(r.x) AS x_min, max(r.x) AS x_max, sum(r.xn) AS x_sum,
  percentile_disc((SELECT qs FROM qs)) WITHIN GROUP (ORDER BY r.x) AS x_pd,
  count(r.iv) AS iv_count, min(extract(epoch from r.iv))::float8 AS iv_min,
  max(extract(epoch from r.iv))::float8 AS iv_max,
  count(r.r) AS rounds, count(r.r) FILTER (WHERE r.eq) AS equity_rounds
FROM datasets d LEFT JOIN rows r ON r.ds = d.ds GROUP BY d.ds, d.acc""",
           """CREATE TABLE plain_summary AS
SELECT o.*,
  ARRAY(SELECT o.reached[p.bi]::float8 / nullif(o.reached[p.ai], 0)::float8 FROM upairs p ORDER BY p.i) AS conv,
  ARRAY(SELECT row(l.rank, l.stage, o.at[l.rank], o.reached[l.rank],
                   CASE WHEN l.rank > 1
                        THEN o.reached[l.rank]::float8 / nullif(o.reached[l.rank - 1], 0)::float8 END)::text
        FROM ladder l ORDER BY l.rank) AS stages,
  ARRAY(SELECT o.first[p.bi] - o.first[p.ai] FROM pairs p ORDER BY p.i) AS time_to,
  NOT EXISTS (SELECT FROM pairs p WHERE p.ai < p.bi AND o.first[p.ai] > o.first[p.bi]) AS consistent,
  coalesce(fj.j, '{}') AS fjson, coalesce(hj.j, '{}') AS hjson,
  coalesce(c1.a, '{}') AS fs_currencies, coalesce(c2.a, '{}') AS fe_currencies
FROM plain_base o
LEFT JOIN (SELECT ds, jsonb_object_agg(stage::text, n) AS j
           FROM (SELECT ds, stage, count(*) AS n FROM rows WHERE stage IS NOT NULL GROUP BY 1, 2) x
           GROUP BY ds) fj USING (ds)
LEFT JOIN (SELECT ds, jsonb_object_agg(stage::text, to_jsonb(d)) AS j
           FROM (SELECT ds, stage, min(reached_on) AS d FROM rows WHERE stage IS NOT NULL GROUP BY 1, 2) x
           GROUP BY ds) hj USING (ds)
LEFT JOIN (SELECT ds, array_agg(currency ORDER BY iso_numeric) AS a
           FROM (SELECT DISTINCT r.ds, c.currency, c.iso_numeric FROM rows r JOIN cur c ON c.currency = r.cur) x
           GROUP BY ds) c1 USING (ds)
LEFT JOIN (SELECT ds, array_agg(currency ORDER BY iso_numeric) AS a
           FROM (SELECT DISTINCT r.ds, c.currency, c.iso_numeric FROM rows r JOIN cur c ON c.currency = r.cur
                 WHERE r.eq) x
           GROUP BY ds) c2 USING (ds)""",
           """CREATE TABLE plain_stage_on AS
SELECT p.ds, p.pd, max(r.stage) FILTER (WHERE r.reached_on <= p.pd)::text AS stage
FROM probes p LEFT JOIN rows r ON r.ds = p.ds GROUP BY p.ds, p.pd"""]
    for col, equity in (("fs", False), ("fe", True)):
        overs = []
        for t in THRESHOLDS:
            overs.append("count(*) FILTER (WHERE r.lo >= %d)" % t)
            overs.append("count(*) FILTER (WHERE r.pt >= %d)" % t)
            overs.append("count(*) FILTER (WHERE r.disc AND (r.hi IS NULL OR r.hi >= %d))" % t)
        points = ", ".join("count(*) FILTER (WHERE r.pt >= %d)" % t for t in THRESHOLDS)
        opened = "count(*) FILTER (WHERE r.disc AND r.hi IS NULL)"
        out.append("""CREATE TABLE plain_currency_""" + col + """ AS
SELECT fc.ds, fc.currency, count(r.r) AS rounds, count(*) FILTER (WHERE r.disc) AS disclosed,
  """ + opened + """ AS open,
  """ + conv.unknown("sum(r.pt)", "0", "count(*) FILTER (WHERE r.disc) > 0") + """ AS total,
  """ + conv.unknown("numrange(sum(r.lo), CASE WHEN " + opened + " > 0 THEN NULL ELSE sum(r.hi) END, '[]')",
                     "numrange(0, 0, '[]')", "count(*) FILTER (WHERE r.disc) > 0") + """ AS total_range,
  ARRAY[""" + ", ".join(overs) + """] AS over, ARRAY[""" + points + """] AS over_point,
  min(r.pt) AS min_amount, max(r.pt) AS max_amount,
  percentile_disc((SELECT qs FROM qs)) WITHIN GROUP (ORDER BY r.pt) AS quantiles
FROM fcur fc LEFT JOIN rows r ON r.ds = fc.ds AND r.cur = fc.currency""" + (" AND r.eq" if equity else "") + """
WHERE fc.k <= """ + ("1" if equity else "2") + """
GROUP BY fc.ds, fc.currency""")
        for what, key in (("kinds", "r.kind, r.category"), ("families", "r.category")):
            out.append("CREATE TABLE plain_" + what + "_" + col + """ AS
SELECT r.ds, coalesce(r.cur, '') AS currency, """ + key + """, count(*) AS rounds,
  count(*) FILTER (WHERE r.disc) AS disclosed,
  """ + conv.unknown("sum(r.pt)", "0", "count(*) FILTER (WHERE r.disc) > 0") + """ AS total
FROM rows r WHERE r.r IS NOT NULL""" + (" AND r.eq" if equity else "") + """
GROUP BY r.ds, coalesce(r.cur, ''), """ + key)
    return out


# ---------------------------------------------------------------------------
# comparisons: (what, the extension's expression, the plain-SQL expression)

def summary_checks(conv):
    """The checks per data set, under the conventions conv."""
    return [c for c in SUMMARY_CHECKS if c[0] not in conv.replaced] + conv.checks


SUMMARY_CHECKS = [
    ("a summary row per data set", "e.ds IS NOT NULL", "true"),
    ("at_stage(f, s) for every stage", "e.f_at", "p.at"),
    ("reached(f, s) for every stage", "e.f_reached", "p.reached"),
    ("total(f)", "e.f_total", "p.total"),
    ("conversion(f, a, b) for pairs of stages a <= b", "e.f_conv", "pick(p.conv, p.ds, %d)" % PAIR_STRIDE),
    ("stages(f)", "e.f_stages", "p.stages"),
    ("f::jsonb", "e.f_json", "p.fjson"),
    ("current_stage(h)", "e.h_current", "p.current"),
    ("first_reached(h, s) for every stage", "e.h_first", "p.first"),
    ("time_to(h, a, b) for pairs of stages", "e.h_time_to", "pick(p.time_to, p.ds, %d)" % PAIR_STRIDE),
    ("is_consistent(h)", "e.h_consistent", "p.consistent"),
    ("h::jsonb", "e.h_json", "p.hjson"),
    ("quantile_sketch(x) is NULL exactly when there are no values", "e.s_text IS NULL", "p.x_count = 0"),
    ("count(s)", "e.s_count", "nullif(p.x_count, 0)"),
    ("min(s)", "e.s_min", "p.x_min"),
    ("max(s)", "e.s_max", "p.x_max"),
    ("relative_accuracy(s)", "e.s_acc", "CASE WHEN p.x_count > 0 THEN p.acc END"),
    ("quantile(s, 0) = min(x)", "e.s_quantile[1]", "p.x_min"),
    ("quantile(s, 1) = max(x)", "e.s_quantile[cardinality(e.s_quantile)]", "p.x_max"),
    ("quantiles(s, qs) = quantile(s, q) for each q", "e.s_quantiles",
     "CASE WHEN e.s_text IS NOT NULL THEN e.s_quantile END"),
    ("quantile_sketch(xn numeric)::text = quantile_sketch(x)::text (numeric is rounded once)",
     "e.sn_text", "e.s_text"),
    ("quantile_sketch(iv) is NULL exactly when there are no intervals", "e.si_text IS NULL", "p.iv_count = 0"),
    ("count(quantile_sketch(iv))", "e.si_count", "nullif(p.iv_count, 0)"),
    ("min(quantile_sketch(iv)) = min(extract(epoch from iv))::float8", "e.si_min", "p.iv_min"),
    ("max(quantile_sketch(iv)) = max(extract(epoch from iv))::float8", "e.si_max", "p.iv_max"),
    ("quantile_sketch(iv)::text = quantile_sketch(extract(epoch from iv))::text", "e.si_text", "e.sd_text"),
    ("rounds(funding_stats(r))", "e.fs_rounds", "p.rounds"),
    ("currencies(funding_stats(r))", "e.fs_currencies", "p.fs_currencies"),
    ("rounds(funding_stats(r) FILTER (WHERE is_equity(r)))", "e.fe_rounds", "p.equity_rounds"),
    ("currencies(funding_stats(r) FILTER (WHERE is_equity(r)))", "e.fe_currencies", "p.fe_currencies"),
]
CURRENCY_CHECKS = [
    ("a row per currency asked", "e.ds IS NOT NULL", "true"),
    ("rounds(s, currency)", "e.rounds", "p.rounds"),
    ("disclosed_rounds(s, currency)", "e.disclosed", "p.disclosed"),
    ("open_rounds(s, currency)", "e.open", "p.open"),
    ("total(s, currency)", "e.total", "p.total"),
    ("total_range(s, currency)", "e.total_range", "p.total_range"),
    ("rounds_over(s, t, currency, basis) for (t, basis) in pick(thresholds x bases, %d)" % OVER_STRIDE,
     "e.over", "pick(p.over, p.ds, %d)" % OVER_STRIDE),
    ("rounds_over(s, t, currency) for t in pick(thresholds, %d)" % OVER3_STRIDE,
     "e.over_point", "pick(p.over_point, p.ds, %d)" % OVER3_STRIDE),
    ("min_amount(s, currency)", "e.min_amount", "p.min_amount"),
    ("max_amount(s, currency)", "e.max_amount", "p.max_amount"),
]
KIND_CHECKS = [
    ("the same rows", "e.ds IS NOT NULL", "p.ds IS NOT NULL"),
    ("rounds", "e.rounds", "p.rounds"),
    ("disclosed", "e.disclosed", "p.disclosed"),
    ("total", "e.total", "p.total"),
]


DOC_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "doc")


class Conventions:
    """The promises the checks follow, read from doc/analytics.md of the tree
    under test (INNO_DIFF_DOCS names another directory, e.g. the installed
    docs of another build). Where the documentation changed after this test
    was written: over no rows every summary aggregate gives the empty summary
    (never NULL; a sketch at the default accuracy, a survival summary without
    stages); a total of no disclosed amount is NULL ("unknown is not zero");
    the sketch accessors are value_count, min_value, max_value and mean_value;
    kinds() has a category; families() and stage_survival() exist."""

    def __init__(self):
        self.doc_dir = os.environ.get("INNO_DIFF_DOCS") or os.path.normpath(DOC_DIR)
        with open(os.path.join(self.doc_dir, "analytics.md"), encoding="utf-8") as f:
            doc = f.read()
        self.empty_summaries = "every summary aggregate returns the *empty summary*" in doc
        self.unknown_is_null = "unknown is not zero" in doc
        self.value_names = "`value_count`" in doc
        self.kinds_category = re.search(r"\| `kinds\(s\)` \| `setof \([^)]*category", doc) is not None
        self.families = "`families(s)`" in doc
        self.survival = "`stage_survival(" in doc
        for role in SKETCH_ACCESSORS:
            SKETCH_ACCESSORS[role] = ("public.value_count" if role == "count" else "public.%s_value" % role) \
                if self.value_names else "public.%s" % role
        self.replaced, self.checks = set(), []
        if self.empty_summaries:
            self.replaced = {"quantile_sketch(x) is NULL exactly when there are no values", "count(s)",
                             "relative_accuracy(s)", "quantile_sketch(iv) is NULL exactly when there are no intervals",
                             "count(quantile_sketch(iv))"}
            self.checks = [
                ("quantile_sketch(x) over no values is the empty sketch, not NULL", "e.s_text IS NOT NULL", "true"),
                ("count(s)", "e.s_count", "p.x_count"),
                ("relative_accuracy(s) (the default for the empty sketch)", "e.s_acc",
                 "CASE WHEN p.x_count > 0 THEN p.acc ELSE 0.01 END"),
                ("mean(s) of the empty sketch is NULL", "p.x_count = 0 AND e.s_mean IS NOT NULL", "false"),
                ("quantile_sketch(iv) over no values is the empty sketch, not NULL", "e.si_text IS NOT NULL", "true"),
                ("count(quantile_sketch(iv))", "e.si_count", "p.iv_count"),
            ]

    def unknown(self, value, zero, known):
        """A total: NULL (later version) or zero (this branch) where nothing is known."""
        return "CASE WHEN %s THEN %s ELSE %s END" % (known, value, "NULL" if self.unknown_is_null else zero)

    def describe(self):
        return "as %s/analytics.md documents: over no rows %s, unknown totals %s" % (
            self.doc_dir, "the empty summary" if self.empty_summaries else "NULL sketches",
            "NULL" if self.unknown_is_null else "0")


def correctly_rounded_mean(total, count):
    """The exact sum divided by the count, rounded once to a double."""
    f = Fraction(total) / count
    return f.numerator / f.denominator     # int / int is correctly rounded


def within(est, exact, acc, slack=Fraction(0)):
    """est within the relative accuracy acc of exact (plus half the subnormal
    step where the exact value is subnormal, as doc/analytics.md states)."""
    if est is None or exact is None:
        return est is None and exact is None
    if 1e-290 < abs(exact) < 1e300 and abs(est) < 1e300:
        # clearly inside or outside in double arithmetic (errors below 1e-15 relative)
        d, bound = abs(float(est) - float(exact)), float(acc) * abs(float(exact)) * (1 + float(slack))
        if d <= bound * (1 - 1e-9):
            return True
        if d >= bound * (1 + 1e-9):
            return False
    e = Fraction(exact)
    bound = Fraction(acc) * abs(e) * (1 + slack)
    if abs(float(exact)) < SMALLEST_NORMAL:
        bound += HALF_SUBNORMAL_STEP
    return abs(Fraction(est) - e) <= bound


class Run:
    def __init__(self, conn, seed, ndatasets, qs):
        self.conn = conn
        self.seed = seed
        self.ndatasets = ndatasets
        self.qs = qs
        self.failures = []
        self.checks = 0
        self.plan = {}
        self.profile = bool(os.environ.get("INNO_DIFF_PROFILE"))
        self.means = {}
        self.conv = Conventions()
        self.kinds_category = self.conv.kinds_category
        self.families = self.conv.families

    def fail(self, mode, ds, what, expected, got, detail=""):
        self.failures.append((mode, ds, what, detail, expected, got))

    def sql(self, sql, params=None):
        t = time.monotonic()
        cur = self.conn.execute(sql, params)
        out = cur.fetchall() if cur.description else None
        if self.profile:
            print("  %6.2f s  %s" % (time.monotonic() - t, " ".join(sql.split())[:110]))
        return out

    # -- the four ways

    def build(self):
        sql = self.sql
        reset(self.conn)
        sql("CREATE TABLE qs AS SELECT %s::float8[] AS qs", (self.qs,))
        for s in SERIAL_SETTINGS:
            sql(s)
        sql("CREATE TABLE ext_serial AS " + DIRECT)
        sql(EMPTY.format(t="ext_serial"))
        # stored per-subgroup summaries, with summaries of no rows mixed in
        sql("CREATE TABLE subsum AS SELECT ds, sub, " + AGGS + " FROM rows GROUP BY ds, sub")
        sql("""INSERT INTO subsum SELECT d.ds, -1, z.* FROM datasets d,
            (SELECT """ + AGGS + """ FROM rows WHERE false) z WHERE d.n = 0 OR d.ds % 3 = 0""")
        sql("ANALYZE subsum (ds, sub)")
        sql("CREATE TABLE ext_rollup AS SELECT ds, " + ROLLUPS + " FROM subsum GROUP BY ds")
        # the aggregates in grouping sets (sorted and hashed), compared as summaries only
        sql("CREATE TABLE ext_grouping_sets AS SELECT ds, " + AGGS + " FROM rows "
            "GROUP BY GROUPING SETS ((ds, sub), (ds)) HAVING grouping(sub) = 1")
        sql(EMPTY.format(t="ext_grouping_sets"))
        reset(self.conn)
        for s in parallel_settings(self.conn):
            sql(s)
        self.plan["parallel"] = explain_create(self.conn, "ext_parallel", DIRECT)
        sql(EMPTY.format(t="ext_parallel"))
        self.plan["rollup_text"] = explain_create(
            self.conn, "ext_rollup_text", "SELECT ds, " + ROLLUPS + " FROM (SELECT ds, sub % 2 AS half, "
            + ROLLUPS_TEXT + " FROM subsum GROUP BY ds, sub % 2) x GROUP BY ds")
        reset(self.conn)
        partial, launched = self.plan["parallel"]
        self.checks += 1
        if not partial or launched == 0:
            self.fail("parallel", None, "EXPLAIN ANALYZE shows a Partial Aggregate with launched workers",
                      (True, ">0"), (partial, launched))
        # fcur: the currencies each data set is asked about (the per-currency
        # accessors validate the whole summary at every call): up to two it
        # has (k = 1, 2), chosen by a hash, and one more (k = 0), often one it
        # has not; the equity-only summary is asked about k <= 1
        sql("""CREATE TABLE fcur AS
            SELECT ds, currency, k FROM (
              SELECT x.ds, x.currency, row_number() OVER (PARTITION BY x.ds ORDER BY (x.iso_numeric * 7 + x.ds) % 101,
                                                          x.currency)::int AS k
              FROM (SELECT DISTINCT r.ds, c.currency, c.iso_numeric FROM rows r JOIN cur c ON c.currency = r.cur) x
              WHERE x.currency <> (SELECT currency FROM cur WHERE idx = x.ds % 12)) y
            WHERE k <= 2
            UNION ALL SELECT d.ds, c.currency, 0 FROM datasets d JOIN cur c ON c.idx = d.ds % 12""")
        sql("ANALYZE fcur")
        # the plain-SQL side
        for q in plain_sql(self.conv):
            sql(q)
        # the extension's accessors, for every way
        for mode in MODES:
            sql(ext_summary_sql(mode))
            sql(ext_stage_on_sql(mode))
            for col in ("fs", "fe"):
                sql(ext_currency_sql(col, mode))
                sql(ext_kinds_sql(col, mode, self.kinds_category))
                if self.families:
                    sql(ext_families_sql(col, mode))

    # -- comparisons

    def mismatches(self, mode, checks, from_sql, keys, label=""):
        """Compare in SQL: the rows of from_sql (aliases e and p) where some
        check's two expressions are distinct."""
        cols = ", ".join("CASE WHEN (%s) IS DISTINCT FROM (%s) THEN ARRAY[(%s)::text, (%s)::text] END" % (e, p, p, e)
                         for _, e, p in checks)
        where = " OR ".join("(%s) IS DISTINCT FROM (%s)" % (e, p) for _, e, p in checks)
        n = self.sql("SELECT count(*) FROM " + from_sql)[0][0]
        self.checks += n * len(checks)
        for r in self.sql("SELECT %s, %s FROM %s WHERE %s" % (", ".join(keys), cols, from_sql, where)):
            key, vals = r[:len(keys)], r[len(keys):]
            for (what, _, _), v in zip(checks, vals):
                if v is not None:
                    self.fail(mode, key[0], label + what, v[0], v[1], ", ".join(map(str, key[1:])))

    def compare(self):
        for mode in MODES:
            self.mismatches(mode, summary_checks(self.conv), "plain_summary p LEFT JOIN acc_%s e USING (ds)" % mode,
                            ["p.ds"])
            self.mismatches(mode, [("stage_on(h, date)", "e.stage", "p.stage"),
                                   ("a stage_on row per probe", "e.ds IS NOT NULL", "true")],
                            "plain_stage_on p LEFT JOIN acc_stage_on_%s e USING (ds, pd)" % mode,
                            ["p.ds", "p.pd::text"])
            for col, label in (("fs", "funding_stats(r): "),
                               ("fe", "funding_stats(r) FILTER (WHERE is_equity(r)): ")):
                self.mismatches(mode, CURRENCY_CHECKS, "plain_currency_{c} p LEFT JOIN acc_currency_{c}_{m} e "
                                "USING (ds, currency)".format(c=col, m=mode), ["p.ds", "p.currency"], label)
                checks = KIND_CHECKS + ([("category", "e.category", "p.category")] if self.kinds_category else [])
                self.mismatches(mode, checks, "plain_kinds_{c} p FULL JOIN acc_kinds_{c}_{m} e "
                                "USING (ds, currency, kind)".format(c=col, m=mode),
                                ["ds", "currency", "kind"], label + "kinds(s): ")
                if self.families:
                    self.mismatches(mode, KIND_CHECKS, "plain_families_{c} p FULL JOIN acc_families_{c}_{m} e "
                                    "USING (ds, currency, category)".format(c=col, m=mode),
                                    ["ds", "currency", "category"], label + "families(s): ")
            self.compare_in_python(mode)
            if mode != "serial":
                # identical summaries: text and =
                checks = [("%s::text equals the serial summary's" % c, "e.%s_text" % c, "p.%s_text" % c)
                          for c in SUMMARIES]
                self.mismatches(mode, checks, "acc_serial p JOIN acc_%s e USING (ds)" % mode, ["ds"])
                checks = [("%s = the serial summary" % c, "coalesce(e.%s = p.%s, e.%s IS NULL AND p.%s IS NULL)"
                           % (c, c, c, c), "true") for c in SUMMARIES]
                self.mismatches(mode, checks, "ext_serial p JOIN ext_%s e USING (ds)" % mode, ["ds"])
        checks = [("%s::text equals the serial summary's" % c, "e.%s::text" % c, "p.%s::text" % c)
                  for c in SUMMARIES]
        checks += [("%s = the serial summary" % c, "coalesce(e.%s = p.%s, e.%s IS NULL AND p.%s IS NULL)"
                    % (c, c, c, c), "true") for c in SUMMARIES]
        self.mismatches("grouping_sets", checks, "ext_serial p LEFT JOIN ext_grouping_sets e USING (ds)", ["ds"])

    def compare_in_python(self, mode):
        """The mean (exact rounding) and the quantile bounds, with exact rational arithmetic."""
        qs = self.qs
        for ds, acc, x_sum, x_count, x_pd, mean, est, collapsed, max_bins in self.sql(
                "SELECT p.ds, p.acc, p.x_sum, p.x_count, p.x_pd, e.s_mean, e.s_quantile, e.s_collapsed, e.s_max_bins "
                "FROM plain_summary p JOIN acc_%s e USING (ds) WHERE p.x_count > 0" % mode):
            self.checks += 1
            want = self.means.get(ds)
            if want is None:
                want = self.means[ds] = correctly_rounded_mean(x_sum, x_count)
            if mean != want:
                self.fail(mode, ds, "mean(s) = exact sum / count, rounded once", want, mean)
            values = None
            for q, exact, got in zip(qs, x_pd, est or [None] * len(qs)):
                if collapsed and (collapsed[0] or collapsed[1]):
                    # the guarantee holds above the merged smallest magnitudes:
                    # check the quantiles sure to be in a kept bucket
                    if values is None:
                        values = [r[0] for r in self.sql("SELECT x FROM rows WHERE ds = %s AND x IS NOT NULL", (ds,))]
                    kept = {v for v in values if (v < 0) == (exact < 0) and abs(v) >= abs(exact)}
                    if len(kept) > max_bins - 1:
                        continue
                self.checks += 1
                if not within(got, exact, Decimal(repr(acc))):
                    self.fail(mode, ds, "quantile(s, q) within relative_accuracy(s) of percentile_disc(q)",
                              exact, got, "q = %r, accuracy %r" % (q, acc))
        fq = pick(qs, 0, 1)
        for col in ("fs", "fe"):
            for ds, cur, exact, got in self.sql(
                    "SELECT p.ds, p.currency, p.quantiles, e.quantiles FROM plain_currency_{c} p "
                    "JOIN acc_currency_{c}_{m} e USING (ds, currency)".format(c=col, m=mode)):
                exact = pick(exact or [None] * len(fq), ds, FQ_STRIDE)
                for q, x, g in zip(pick(fq, ds, FQ_STRIDE), exact, got):
                    self.checks += 1
                    # the sketch holds amounts as doubles (one rounding): 2^-50 relative on top of 1%
                    if not within(g, x, Decimal("0.01"), Fraction(1, 2 ** 50)):
                        self.fail(mode, ds, "quantile(%s, q, currency) within 1%% of percentile_disc(q)" % col,
                                  x, g, "q = %r, %s" % (q, cur))

    # -- reporting

    def reproducer(self, ds, columns):
        """The data set's rows, the columns a check reads, as SQL."""
        types = {"sub": "int", "acc": "float8", "stage": "project_stage", "reached_on": "date", "x": "float8",
                 "xn": "numeric", "iv": "interval", "r": "funding_round"}
        cols = ["sub"] + columns
        rows = self.conn.execute(
            "SELECT %s FROM rows WHERE ds = %%s AND (%s) IS NOT NULL ORDER BY %s" % (
                ", ".join("%s::text" % c for c in cols), " OR ".join("%s IS NOT NULL" % c for c in columns) +
                " OR NULL", ", ".join(cols)), (ds,)).fetchall()
        omitted = self.conn.execute("SELECT count(*) FROM rows WHERE ds = %s", (ds,)).fetchone()[0] - len(rows)

        def lit(v, typ):
            return "NULL" if v is None else v if typ == "int" else "'%s'" % v.replace("'", "''")
        head = "    CREATE TEMP TABLE t (%s);" % ", ".join("%s %s" % (c, types[c]) for c in cols)
        if not rows:
            return head + "\n    -- no rows" + (
                " (%d rows with only NULLs in these columns)" % omitted if omitted else "")
        vals = ",\n      ".join("(%s)" % ", ".join(lit(v, types[c]) for v, c in zip(r, cols)) for r in rows[:30])
        more = []
        if len(rows) > 30:
            more.append("%d more rows not shown" % (len(rows) - 30))
        if omitted:
            more.append("%d rows with only NULLs in these columns left out" % omitted)
        return head + "\n    INSERT INTO t VALUES\n      " + vals + ";" + (
            "\n    -- (%s)" % "; ".join(more) if more else "")

    def cohort_reproducer(self, cohort):
        """A stage_survival cohort: its parameters and its projects' histories, as SQL."""
        fr, tr, as_of = self.conn.execute("SELECT fr::text, tr::text, as_of::text FROM cohorts WHERE cohort = %s",
                                          (cohort,)).fetchone()
        hs = [r[0] for r in self.conn.execute(
            "SELECT h::text FROM sv_hist WHERE cohort = %s AND h IS NOT NULL ORDER BY pid", (cohort,))]
        vals = ",\n      ".join(("('%s'::stage_history)" if i == 0 else "('%s')") % h for i, h in enumerate(hs[:30]))
        return ("    the cohort's projects (%d%s):\n"
                "    SELECT stage_survival(h, '%s', '%s', '%s') FROM (VALUES\n      %s) AS v(h);" % (
                    len(hs), ", 30 shown" if len(hs) > 30 else "", fr, tr, as_of, vals or "(NULL::stage_history)"))

    @staticmethod
    def columns_read(what):
        w = what.split(" equals ")[0].split(" = the serial")[0]
        if "funding_stats" in w or "kinds" in w or w.startswith("fs") or w.startswith("fe") or "quantile(f" in w:
            return ["r"]
        if w in ("f::text", "h::text", "f", "h") or any(k in w for k in ("(f", "(h", "f::jsonb", "h::jsonb")):
            return ["stage", "reached_on"]
        if "(iv" in w or w in ("si::text", "sd::text", "si", "sd"):
            return ["iv"]
        if "numeric" in w or w in ("sn::text", "sn"):
            return ["acc", "x", "xn"]
        if "(s" in w or "quantile_sketch(x)" in w or w in ("s::text", "s"):
            return ["acc", "x"]
        return ["acc", "stage", "reached_on", "x", "iv", "r"]

    def report(self):
        if not self.failures:
            return
        print("FAIL  seed %d: %d mismatches (reproduce: INNO_DIFF_SEED=%d INNO_DIFF_DATASETS=%d)" % (
            self.seed, len(self.failures), self.seed, self.ndatasets))
        groups = {}
        for f in self.failures:
            groups.setdefault(f[2], []).append(f)
        ways = MODES + ["grouping_sets"]
        for what, fs in sorted(groups.items()):
            print("  %s: %d mismatches in %d data sets (%s)" % (
                what, len(fs), len({f[1] for f in fs}), ", ".join(m for m in ways if m in {f[0] for f in fs})))
            seen = {}
            for mode, ds, _, detail, expected, got in fs:
                seen.setdefault((ds, detail, str(expected), str(got)), []).append(mode)
            for (ds, detail, expected, got), modes in list(seen.items())[:3]:
                print("    data set %s%s [%s]\n        plain SQL: %s\n        extension: %s" % (
                    ds, " (%s)" % detail if detail else "", ", ".join(modes), expected, got))
            ds = fs[0][1]
            if ds is not None and what.startswith("cohort "):
                print(self.cohort_reproducer(ds))
            elif ds is not None:
                print("    rows of data set %s:\n%s" % (ds, self.reproducer(ds, self.columns_read(what))))


# ---------------------------------------------------------------------------
# stage_survival (when the installed extension has it): one stage_history per
# project; here every data set is a project, and the projects are grouped in
# cohorts, each with its own (from, to, as_of)

SURVIVAL_COHORTS = 60
SURVIVAL_QS = [0.0, 0.1, 0.25, 1 / 3, 0.5, 0.75, 0.9, 0.999, 1.0]
SURVIVAL_INTERVALS = ["0 days", "1 day", "364 days 23:59:59", "365 days", "1 year", "5 years", "3000 days",
                      "10 years", "4096 days", "20 years", "100 years", "300 years"]
SURVIVAL_AGG = "stage_survival(e.h, c.fr, c.tr, c.as_of)"
Z95 = 1.959963984540054      # the 97.5% point of the standard normal distribution


def bucket_sql(t):
    """The time a summary stores for t days (doc/analytics.md: whole days
    below 4,096, then 128 buckets per doubling, written as the first day)."""
    w = "CASE WHEN {t} >= 65536 THEN 512 WHEN {t} >= 32768 THEN 256 WHEN {t} >= 16384 THEN 128 " \
        "WHEN {t} >= 8192 THEN 64 WHEN {t} >= 4096 THEN 32 ELSE 1 END".format(t=t)
    return "({t} - {t} % ({w}))".format(t=t, w=w)


class Survival:
    """Projects generated for the purpose: milestones of stages with dates,
    mostly in ladder order, some never reaching the target, some undated or
    contradicting, times from 0 days to 300 years (ties, bucketed times); a
    cohort's projects share (from, to, as_of)."""

    def __init__(self, run, rng):
        self.run = run
        self.cohorts = []
        self.milestones = []
        span = (DATE_MAX - DATE_MIN).days
        pid = 0
        for c in range(SURVIVAL_COHORTS + 3):       # the last three have no projects
            a = rng.randint(1, 12)
            b = a if rng.random() < 0.1 else rng.randint(a, 12)
            as_of = rng.choice([DATE_MIN, DATE_MAX, datetime.date(2024, 12, 31)]) if rng.random() < 0.3 else \
                DATE_MIN + datetime.timedelta(days=rng.randint(0, span))
            self.cohorts.append((c, STAGES[a - 1], STAGES[b - 1], as_of.isoformat()))
            if c >= SURVIVAL_COHORTS:
                continue
            n = rng.choice([0, 1, 2, 5, 20, 40, 80, 150])
            back = rng.choice([400, 5000, 40000, span])            # how far before as_of they start
            delay = rng.choice([30, 1000, 4000, 20000, 60000])     # how long they take
            step = rng.choice([1, 1, 30, 365])                     # coarse dates: many ties
            p_never, p_undated, p_contra = rng.choice([0.0, 0.3, 0.7]), rng.choice([0.0, 0.05]), \
                rng.choice([0.0, 0.05])
            for _ in range(n):
                pid += 1
                sub = rng.randrange(3)

                def day(k):
                    return DATE_MIN + datetime.timedelta(days=max(0, min(span, k)))
                start = (as_of - DATE_MIN).days - rng.randint(-back // 10, back) // step * step
                u = rng.random()
                if u < 0.08:                       # never reached from
                    pass
                else:
                    self.milestones.append((pid, c, sub, STAGES[a - 1],
                                            None if rng.random() < p_undated else day(start)))
                    if b != a:
                        u = rng.random()
                        if u < p_never:
                            pass
                        elif u < p_never + p_contra:
                            self.milestones.append((pid, c, sub, STAGES[b - 1], day(start - rng.randint(1, 3000))))
                        else:
                            took = rng.randint(0, delay) // step * step
                            self.milestones.append((pid, c, sub, STAGES[b - 1],
                                                    None if rng.random() < p_undated else day(start + took)))
                            if rng.random() < 0.3:     # the target reached a second time, later
                                self.milestones.append((pid, c, sub, STAGES[b - 1], day(start + took + 100)))
                # other rungs, and rows without a stage
                for _ in range(rng.randint(0, 3)):
                    self.milestones.append((pid, c, sub, rng.choice(STAGES + [None]),
                                            day(start + rng.randint(-5000, 5000))))
        self.projects = pid

    def build(self):
        run, sql = self.run, self.run.sql
        sql("CREATE TABLE cohorts (cohort int, fr project_stage, tr project_stage, as_of date)")
        sql("CREATE TABLE milestones (pid int, cohort int, sub int, stage project_stage, reached_on date)")
        with run.conn.cursor() as cur:
            with cur.copy("COPY cohorts FROM STDIN") as cp:
                for r in self.cohorts:
                    cp.write_row(r)
            with cur.copy("COPY milestones FROM STDIN") as cp:
                for r in self.milestones:
                    cp.write_row(r)
        # one history per project (every 13th a NULL history, to be skipped)
        sql("""CREATE TABLE sv_hist AS SELECT pid, cohort, sub,
                   CASE WHEN pid % 13 <> 0 THEN stage_history(stage, reached_on) END AS h
               FROM milestones GROUP BY pid, cohort, sub ORDER BY pid % 7, pid""")
        sql("ANALYZE sv_hist (pid, cohort, sub)")
        src = "FROM sv_hist e JOIN cohorts c USING (cohort)"
        # cohorts without rows: the aggregate over no rows
        empty = "INSERT INTO sv_{m} SELECT c.cohort, (SELECT " + SURVIVAL_AGG + " FROM sv_hist e WHERE false) " \
                "FROM cohorts c WHERE NOT EXISTS (SELECT FROM sv_{m} x WHERE x.cohort = c.cohort)"
        reset(run.conn)
        for s in SERIAL_SETTINGS:
            sql(s)
        sql("CREATE TABLE sv_serial AS SELECT cohort, " + SURVIVAL_AGG + " AS sv " + src + " GROUP BY cohort")
        sql(empty.format(m="serial"))
        sql("CREATE TABLE sv_sub AS SELECT cohort, e.sub, " + SURVIVAL_AGG + " AS sv " + src + " GROUP BY 1, 2")
        sql("CREATE TABLE sv_rollup AS SELECT cohort, rollup(sv) AS sv FROM sv_sub GROUP BY cohort")
        sql(empty.format(m="rollup"))
        reset(run.conn)
        for s in parallel_settings(run.conn):
            sql(s)
        run.plan["survival"] = explain_create(
            run.conn, "sv_parallel", "SELECT cohort, " + SURVIVAL_AGG + " AS sv " + src + " GROUP BY cohort")
        sql(empty.format(m="parallel"))
        partial, launched = run.plan["survival"]
        run.checks += 1
        if not partial or launched == 0:
            run.fail("parallel", None, "stage_survival: EXPLAIN ANALYZE shows a Partial Aggregate with "
                     "launched workers", (True, ">0"), (partial, launched))
        sql("CREATE TABLE sv_rollup_text AS SELECT cohort, rollup(sv) AS sv FROM (SELECT cohort, sub % 2, "
            "rollup(sv::text::stage_survival) AS sv FROM sv_sub GROUP BY 1, 2) x GROUP BY cohort")
        sql(empty.format(m="rollup_text"))
        reset(run.conn)
        # the plain-SQL side: each project's time, event or censoring, or why it has none
        sql("""CREATE TABLE plain_sv_project AS
SELECT pid, cohort, kind, CASE kind WHEN 'event' THEN """ + bucket_sql("(to_d - from_d)") + """
                           WHEN 'censored' THEN """ + bucket_sql("(as_of - from_d)") + """ END AS t
FROM (SELECT *, CASE WHEN NOT has_from THEN NULL
                     WHEN from_d IS NULL THEN 'undated'
                     WHEN from_d > as_of THEN NULL
                     WHEN has_to AND to_d IS NULL THEN 'undated'
                     WHEN to_d < from_d THEN 'contradicting'
                     WHEN to_d <= as_of THEN 'event'
                     ELSE 'censored' END AS kind
      FROM (SELECT m.pid, c.cohort, c.as_of,
                   coalesce(bool_or(m.stage = c.fr), false) AS has_from,
                   min(m.reached_on) FILTER (WHERE m.stage = c.fr) AS from_d,
                   coalesce(bool_or(m.stage = c.tr), false) AS has_to,
                   min(m.reached_on) FILTER (WHERE m.stage = c.tr) AS to_d
            FROM milestones m JOIN cohorts c USING (cohort)
            WHERE m.pid % 13 <> 0 GROUP BY m.pid, c.cohort, c.as_of) x) y""")
        sql("""CREATE TABLE plain_sv_times AS
SELECT cohort, t, count(*) FILTER (WHERE kind = 'event') AS events,
       count(*) FILTER (WHERE kind = 'censored') AS censored,
       sum(count(*)) OVER (PARTITION BY cohort ORDER BY t DESC)::bigint AS at_risk
FROM plain_sv_project WHERE kind IN ('event', 'censored') GROUP BY cohort, t""")
        sql("""CREATE TABLE plain_sv AS
SELECT c.cohort, r.cohort IS NOT NULL OR {empty} AS summary,
       CASE WHEN r.cohort IS NOT NULL THEN jsonb_build_object('version', 1, 'from', c.fr::text, 'to', c.tr::text,
            'as_of', c.as_of::text, 'undated', coalesce(m.undated, 0), 'contradicting', coalesce(m.contradicting, 0),
            'times', coalesce(t.times, '[]'))
            WHEN {empty} THEN jsonb_build_object('version', 1, 'from', NULL, 'to', NULL, 'as_of', NULL,
            'undated', 0, 'contradicting', 0, 'times', '[]'::jsonb) END AS json,
       CASE WHEN r.cohort IS NOT NULL OR {empty} THEN coalesce(m.events, 0) END AS events,
       CASE WHEN r.cohort IS NOT NULL OR {empty} THEN coalesce(m.censored, 0) END AS censored,
       CASE WHEN r.cohort IS NOT NULL OR {empty} THEN coalesce(m.undated + m.contradicting, 0) END AS excluded,
       coalesce(t.curve, '{}') AS curve, coalesce(t.days, '{}') AS days, coalesce(t.at_risk, '{}') AS at_risk,
       coalesce(t.ev, '{}') AS ev
FROM cohorts c
-- over no rows NULL; a NULL history is skipped, but its row gives the stages and the date
LEFT JOIN (SELECT DISTINCT cohort FROM milestones) r USING (cohort)
LEFT JOIN (SELECT cohort, count(*) AS n, count(*) FILTER (WHERE kind = 'undated') AS undated,
                  count(*) FILTER (WHERE kind = 'contradicting') AS contradicting,
                  count(*) FILTER (WHERE kind = 'event') AS events,
                  count(*) FILTER (WHERE kind = 'censored') AS censored
           FROM plain_sv_project GROUP BY cohort) m USING (cohort)
LEFT JOIN (SELECT cohort, jsonb_agg(jsonb_build_array(t, events, censored) ORDER BY t) AS times,
                  array_agg(row(t, at_risk, events, censored)::text ORDER BY t) AS curve,
                  array_agg(t ORDER BY t) AS days, array_agg(at_risk ORDER BY t) AS at_risk,
                  array_agg(events ORDER BY t) AS ev
           FROM plain_sv_times GROUP BY cohort) t USING (cohort)""".replace(
            "{empty}", "true" if run.conv.empty_summaries else "false"))
        for mode in MODES:
            sql("""CREATE TABLE sv_acc_{m} AS
SELECT c.cohort, e.sv::text AS sv_text, e.sv::jsonb AS json, event_count(e.sv) AS events,
       censored_count(e.sv) AS censored, excluded_count(e.sv) AS excluded,
       ARRAY(SELECT row(x.days, x.at_risk, x.events, x.censored)::text FROM survival_curve(e.sv) x
             ORDER BY x.days) AS curve,
       ARRAY(SELECT x.survival FROM survival_curve(e.sv) x ORDER BY x.days) AS survival,
       ARRAY(SELECT x.lower FROM survival_curve(e.sv) x ORDER BY x.days) AS lower,
       ARRAY(SELECT x.upper FROM survival_curve(e.sv) x ORDER BY x.days) AS upper,
       ARRAY(SELECT survival_quantile(e.sv, u.q) FROM unnest(%(qs)s::float8[]) WITH ORDINALITY u(q, i)
             ORDER BY u.i) AS quantiles,
       ARRAY(SELECT reached_within(e.sv, u.iv) FROM unnest(%(ivs)s::interval[]) WITH ORDINALITY u(iv, i)
             ORDER BY u.i) AS reached
FROM cohorts c JOIN sv_{m} e USING (cohort)""".format(m=mode), {"qs": SURVIVAL_QS, "ivs": SURVIVAL_INTERVALS})

    def compare(self):
        run = self.run
        checks = [
            ("stage_survival: a summary exactly when the cohort has rows", "e.sv_text IS NOT NULL", "p.summary"),
            ("stage_survival(h, from, to, as_of)::jsonb", "e.json", "p.json"),
            ("event_count(sv)", "e.events", "p.events"),
            ("censored_count(sv)", "e.censored", "p.censored"),
            ("excluded_count(sv)", "e.excluded", "p.excluded"),
            ("survival_curve(sv): days, at_risk, events, censored", "e.curve", "p.curve"),
        ]
        whole_days = [r[0] for r in run.sql("SELECT floor(extract(epoch FROM iv) / 86400)::int "
                                            "FROM unnest(%s::interval[]) WITH ORDINALITY u(iv, i) ORDER BY i",
                                            (SURVIVAL_INTERVALS,))]
        expected = {}
        for cohort, summary, t, n, d in run.sql("SELECT cohort, summary, days, at_risk, ev FROM plain_sv"):
            expected[cohort] = self.kaplan_meier(summary, t, n, d, whole_days)
        for mode in MODES:
            if mode != "serial":
                checks_text = [("stage_survival::text equals the serial summary's", "e.sv_text", "p.sv_text"),
                               ("stage_survival = the serial summary",
                                "coalesce(e.sv = p.sv, e.sv IS NULL AND p.sv IS NULL)", "true")]
                run.mismatches(mode, checks_text[:1], "sv_acc_serial p JOIN sv_acc_%s e USING (cohort)" % mode,
                               ["cohort"])
                run.mismatches(mode, checks_text[1:], "sv_serial p JOIN sv_%s e USING (cohort)" % mode, ["cohort"])
            run.mismatches(mode, checks, "plain_sv p LEFT JOIN sv_acc_%s e USING (cohort)" % mode, ["p.cohort"],
                           "cohort ")
            for cohort, surv, lower, upper, quantiles, reached in run.sql(
                    "SELECT cohort, survival, lower, upper, quantiles, reached FROM sv_acc_%s" % mode):
                want = expected[cohort]
                if want is None:
                    continue
                w_surv, w_lower, w_upper, w_q, w_r = want
                self.close(mode, cohort, "survival_curve(sv).survival (Kaplan-Meier)", w_surv, surv, 1e-12)
                self.close(mode, cohort, "survival_curve(sv).lower (Greenwood, log(-log))", w_lower, lower, 1e-9)
                self.close(mode, cohort, "survival_curve(sv).upper (Greenwood, log(-log))", w_upper, upper, 1e-9)
                run.checks += 1
                if w_q != quantiles:
                    run.fail(mode, cohort, "cohort survival_quantile(sv, q)", w_q, quantiles,
                             "q in %s" % SURVIVAL_QS)
                self.close(mode, cohort, "reached_within(sv, interval) for %s" % SURVIVAL_INTERVALS, w_r, reached,
                           1e-12)

    def close(self, mode, cohort, what, want, got, tol):
        self.run.checks += 1
        ok = len(want) == len(got) and all(
            (a is None and b is None) or (a is not None and b is not None and abs(a - b) <= tol * max(1.0, abs(a)))
            for a, b in zip(want, got))
        if not ok:
            self.run.fail(mode, cohort, "cohort " + what, want, got)

    @staticmethod
    def kaplan_meier(summary, t, n, d, whole_days):
        """The estimate from the plain-SQL times, in exact rationals: the
        survival, the band, survival_quantile for SURVIVAL_QS and
        reached_within for SURVIVAL_INTERVALS."""
        if not summary:
            return None
        surv, lower, upper, exact = [], [], [], []
        s, var = Fraction(1), 0.0
        for ni, di in zip(n, d):
            if di:
                s *= Fraction(ni - di, ni)
                if ni > di:
                    var += di / (ni * (ni - di))
            exact.append(1 - s)           # the share reached
            surv.append(float(s))
            if s in (0, 1):
                lower.append(None)
                upper.append(None)
            else:
                se = math.sqrt(var) / abs(math.log(float(s)))
                lower.append(float(s) ** math.exp(Z95 * se))
                upper.append(float(s) ** math.exp(-Z95 * se))
        quantiles = []
        for q in SURVIVAL_QS:
            need = Fraction(q) - Fraction(1, 10 ** 12)
            quantiles.append(0 if q == 0 else next((ti for ti, sh in zip(t, exact) if sh >= need), None))
        if not t:
            # no project with a time: no estimate
            return surv, lower, upper, [None] * len(SURVIVAL_QS), [None] * len(whole_days)
        reached = []
        for wd in whole_days:
            sh = Fraction(0)
            for ti, e in zip(t, exact):
                if ti <= wd:
                    sh = e
            reached.append(float(sh))
        return surv, lower, upper, quantiles, reached


def overflow_checks(conn, failures):
    """Sums past bigint are an error (22003) in every way, never a wrapped value."""
    what = "funding_stats: a sum of 100 x 10^17 cents is an error (22003)"
    n = 0
    for label, settings, sql in [
            ("serial", SERIAL_SETTINGS, "SELECT funding_stats(r) FROM big"),
            ("parallel", parallel_settings(conn), "SELECT funding_stats(r) FROM big"),
            ("rollup", SERIAL_SETTINGS, "SELECT rollup(s) FROM (SELECT sub, funding_stats(r) AS s FROM big "
                                        "GROUP BY sub) x")]:
        n += 1
        try:
            with conn.transaction():
                for s in settings:
                    conn.execute(s)
                conn.execute("CREATE TEMP TABLE big AS SELECT g, g % 2 AS sub, "
                             "'a USD 1000000000000000'::funding_round AS r FROM generate_series(1, 100) g")
                conn.execute("ANALYZE big")
                conn.execute(sql).fetchall()
                failures.append((label, what, "22003", "no error"))
                raise psycopg.Rollback()
        except psycopg.Error as e:
            if e.sqlstate != "22003":
                failures.append((label, what, "22003", "%s %s" % (e.sqlstate, e)))
        reset(conn)
    return n


def main():
    seed0 = env_int("INNO_DIFF_SEED", 20240611)
    long_mode = os.environ.get("INNO_DIFF_LONG", "") not in ("", "0")
    ndatasets = env_int("INNO_DIFF_DATASETS", 10000 if long_mode else 2000)
    nrounds = env_int("INNO_DIFF_ROUNDS", 5 if long_mode else 1)
    keep = os.environ.get("INNO_DIFF_KEEP", "") not in ("", "0")
    start = time.monotonic()
    total_failures = 0
    total_checks = 0
    recap = {}
    with psycopg.connect("", autocommit=True) as conn:
        conn.execute("SET client_min_messages = warning")
        kinds = [r[0] for r in conn.execute("SELECT kind::text FROM round_kinds() ORDER BY rank")]
        currencies = [(r[0], r[1]) for r in conn.execute(
            "SELECT currency::text, minor_digits FROM funding_currencies() ORDER BY iso_numeric")]
        for k in range(nrounds):
            seed = seed0 + k
            t0 = time.monotonic()
            setup_schema(conn)
            gen = Generator(seed, kinds, currencies)
            nrows, nprobes = load(conn, gen, ndatasets)
            qs = sorted([0.0, 0.001, 0.01, 0.05, 0.1, 0.25, 1 / 3, 0.5, 0.7, 0.75, 0.9, 0.95, 0.99, 0.999, 1.0]
                        + [gen.rng.random() for _ in range(3)])
            t1 = time.monotonic()
            run = Run(conn, seed, ndatasets, qs)
            run.build()
            survival = Survival(run, gen.rng) if run.conv.survival else None
            if survival:
                survival.build()
            designations = Designations(run, gen.rng, WAYS) if conn.execute(
                "SELECT to_regtype('designation_counts') IS NOT NULL").fetchone()[0] else None
            if designations:
                npool = designations.build()
            t2 = time.monotonic()
            run.compare()
            if survival:
                survival.compare()
            if designations:
                designations.compare()
            t3 = time.monotonic()
            if survival:
                print("stage_survival: %d cohorts, %d projects, %s; parallel: partial aggregate %s, "
                      "%d workers launched" % ((SURVIVAL_COHORTS, survival.projects) + conn.execute(
                          "SELECT format('%s events, %s censored, %s excluded', sum(events), sum(censored), "
                          "sum(excluded)) FROM plain_sv").fetchone() + run.plan["survival"]))
            if designations:
                print(designations.summary(npool))
            empty = conn.execute("SELECT count(*) FROM datasets WHERE n = 0").fetchone()[0]
            subs = conn.execute("SELECT count(*) FROM subsum").fetchone()[0]
            ncur = conn.execute("SELECT count(*) FROM fcur").fetchone()[0]
            print("seed %d: %d data sets (%d without rows), %d rows, %d stored sub-summaries, %d stage_on probes, "
                  "%d (data set, currency) pairs; parallel: partial aggregate %s, %d workers launched "
                  "(rollup_text: %s, %d); %s; %d checks; load %.1f s, aggregate %.1f s, compare %.1f s" % (
                      seed, ndatasets, empty, nrows, subs, nprobes, ncur, run.plan["parallel"][0],
                      run.plan["parallel"][1], run.plan["rollup_text"][0], run.plan["rollup_text"][1],
                      run.conv.describe(), run.checks, t1 - t0, t2 - t1, t3 - t2))
            run.report()
            for f in run.failures:
                recap.setdefault(f[2], set()).add(seed)
            total_failures += len(run.failures)
            total_checks += run.checks
            sys.stdout.flush()
        extra = []
        total_checks += overflow_checks(conn, extra)
        for mode, what, expected, got in extra:
            print("FAIL  [%s] %s: expected %s, got %s" % (mode, what, expected, got))
        total_failures += len(extra)
        if not keep:
            conn.execute("DROP SCHEMA diff CASCADE")
    if recap:
        print("mismatching checks (details above):")
        for what, seeds in sorted(recap.items()):
            print("  %s (seed %s)" % (what, ", ".join(map(str, sorted(seeds)))))
    print("differential: %d round(s) x %d data sets, %d checks, %d mismatches, %.1f s" % (
        nrounds, ndatasets, total_checks, total_failures, time.monotonic() - start))
    return 1 if total_failures else 0


if __name__ == "__main__":
    sys.exit(main())
