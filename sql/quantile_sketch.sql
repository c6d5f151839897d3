--
-- quantile_sketch: accuracy against percentile_disc, exact merging, I/O
--

CREATE FUNCTION pg_temp.runs_partial(q text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		IF line LIKE '%Partial Aggregate%' OR line LIKE '%Partial HashAggregate%' THEN
			RETURN true;
		END IF;
	END LOOP;
	RETURN false;
END $$;

-- a small sketch, shown whole
SELECT quantile_sketch(x) FROM (VALUES (1.0), (2.0), (2.0), (10.0), (0.0), (-3.5)) AS v(x);
SELECT quantile(s, 0), quantile(s, 0.5), quantile(s, 1), value_count(s), min_value(s), max_value(s), mean_value(s),
       relative_accuracy(s)
FROM (SELECT quantile_sketch(x) AS s FROM (VALUES (1.0), (2.0), (2.0), (10.0), (0.0), (-3.5)) AS v(x)) t;
-- no rows: the empty sketch, as every summary aggregate gives (count 0,
-- estimates NULL); it rolls up with any sketch; NULL values are skipped
SELECT s, value_count(s), quantile(s, 0.5), min_value(s), mean_value(s)
FROM (SELECT quantile_sketch(x) AS s FROM (SELECT 1.0::float8 AS x) t WHERE false) e;
SELECT value_count(rollup(s)), relative_accuracy(rollup(s))
FROM (SELECT quantile_sketch(x, 0.001) AS s FROM generate_series(1, 3) x
      UNION ALL SELECT quantile_sketch(x) FROM (SELECT 1.0::float8 AS x) t WHERE false) u;
SELECT value_count(quantile_sketch(x)) FROM (VALUES (1.0::float8), (NULL), (3.0)) AS v(x);
-- count(), min() and max() over a column of sketches are the aggregates (the
-- accessors are value_count(), min_value(), max_value(), mean_value())
SELECT count(s) AS sketches, count(DISTINCT s) AS distinct_sketches
FROM (SELECT quantile_sketch(x) AS s FROM generate_series(1, 12) x GROUP BY x % 4) t;

-- 1,000,000 values spread over 9 decades, the same on every machine
CREATE TABLE measures AS
SELECT g AS id, 'park-' || (g % 40) AS park,
       power(10, (abs(hashint4(g)) % 900000) / 100000.0)::float8 AS amount,
       (abs(hashint4(g * 31)) % 3650)::int AS days
FROM generate_series(1, 1000000) g;
ANALYZE measures;

-- quantiles within 1% of percentile_disc
WITH exact AS (
	SELECT percentile_disc(ARRAY[0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 1])
	       WITHIN GROUP (ORDER BY amount) AS v FROM measures),
sketch AS (
	SELECT quantiles(quantile_sketch(amount), ARRAY[0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 1]) AS v
	FROM measures)
SELECT i, abs(s.v[i] - e.v[i]) / e.v[i] <= 0.01 AS within_1pct
FROM exact e, sketch s, generate_series(1, 10) i;
-- count, min, max exactly; mean from the exact sum
SELECT value_count(s) = 1000000 AS count_exact, min_value(s) = (SELECT min(amount) FROM measures) AS min_exact,
       max_value(s) = (SELECT max(amount) FROM measures) AS max_exact,
       abs(mean_value(s) - (SELECT avg(amount) FROM measures)) / mean_value(s) < 1e-12 AS mean_agrees
FROM (SELECT quantile_sketch(amount) AS s FROM measures) t;
-- other accuracies keep their promise too
SELECT a, abs(quantile(quantile_sketch(amount, a), 0.5) -
              (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY amount) FROM measures))
          / (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY amount) FROM measures) <= a AS within
FROM measures, unnest(ARRAY[0.001, 0.005, 0.02, 0.05]) a GROUP BY a ORDER BY a;

-- bit-identical serially, in parallel, rolled up from stored per-park
-- sketches, and after a text round trip of every stored sketch
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial AS SELECT quantile_sketch(amount) AS s FROM measures;
RESET max_parallel_workers_per_gather;
-- force parallel plans: debug_parallel_query on PostgreSQL 16+, force_parallel_mode before
DO $$
BEGIN
	IF current_setting('server_version_num')::int >= 160000 THEN
		EXECUTE 'SET debug_parallel_query = on';
	ELSE
		EXECUTE 'SET force_parallel_mode = on';
	END IF;
END $$;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT pg_temp.runs_partial('SELECT quantile_sketch(amount) FROM measures') AS parallel_plan;
CREATE TEMP TABLE parallel AS SELECT quantile_sketch(amount) AS s FROM measures;
CREATE MATERIALIZED VIEW park_sketches AS
SELECT park, quantile_sketch(amount) AS s FROM measures GROUP BY park;
DO $$
BEGIN
	IF current_setting('server_version_num')::int >= 160000 THEN
		EXECUTE 'RESET debug_parallel_query';
	ELSE
		EXECUTE 'RESET force_parallel_mode';
	END IF;
END $$;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
SELECT (SELECT s FROM serial) = (SELECT s FROM parallel) AS serial_equals_parallel,
       (SELECT s FROM serial) = (SELECT rollup(s) FROM park_sketches) AS rollup_equals_direct,
       (SELECT s FROM serial) = (SELECT rollup(s::text::quantile_sketch) FROM park_sketches) AS text_round_trip,
       (SELECT s::text FROM serial) = (SELECT s::text FROM parallel) AS same_text;

-- Citus moves partial states between nodes through the output and input
-- functions, without running the final function: an aggregate without one
-- returns the raw state (with its spare room), which must read back equal
CREATE AGGREGATE raw_sketch_state(double precision) (
	SFUNC = quantile_sketch_trans, STYPE = quantile_sketch);
SELECT raw_sketch_state(amount)::text::quantile_sketch = quantile_sketch(amount) AS raw_state_text,
       quantile_sketch_send(raw_sketch_state(amount)) = quantile_sketch_send(quantile_sketch(amount)) AS raw_state_binary
FROM measures;
DROP AGGREGATE raw_sketch_state(double precision);

-- durations: integers (days) and intervals (seconds)
SELECT quantile(quantile_sketch(days), 0.5) BETWEEN
       0.99 * (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY days) FROM measures) AND
       1.01 * (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY days) FROM measures) AS days_median_ok
FROM measures;
SELECT quantile(quantile_sketch(d * interval '1 day'), 0.5) / 86400 AS median_days
FROM (VALUES (1), (2), (3), (1000)) AS v(d);
SELECT round(quantile(quantile_sketch(n), 0.5)::numeric, 6) AS numeric_median
FROM (VALUES (1.5::numeric), (2.25), (100)) AS v(n);

-- binary COPY out and back in
CREATE TABLE sketch_copy (park text, s quantile_sketch);
\copy (SELECT park, s FROM park_sketches) TO 'results/sketches.bin' (FORMAT binary)
\copy sketch_copy FROM 'results/sketches.bin' (FORMAT binary)
SELECT count(*) AS parks, count(*) FILTER (WHERE c.s = p.s) AS identical
FROM sketch_copy c JOIN park_sketches p USING (park);

-- errors
SELECT quantile_sketch(x, 0.03) FROM (VALUES (1.0::float8)) AS v(x);
SELECT quantile_sketch(x) FROM (VALUES ('NaN'::float8)) AS v(x);
SELECT quantile_sketch(x) FROM (VALUES ('Infinity'::float8)) AS v(x);
SELECT quantile(quantile_sketch(x), 1.5) FROM (VALUES (1.0::float8)) AS v(x);
SELECT rollup(s) FROM (SELECT quantile_sketch(x, 0.01) FROM (VALUES (1.0::float8)) v(x)
                       UNION ALL SELECT quantile_sketch(x, 0.05) FROM (VALUES (1.0::float8)) v(x)) AS t(s);
SELECT quantile_sketch(x, a) FROM (VALUES (1.0::float8, 0.01), (2.0, 0.02)) AS v(x, a);
SELECT '{"version": 2}'::quantile_sketch;
SELECT '{"version": 1, "accuracy": 0.01, "max_bins": 2048, "count": 2, "zeros": 0, "min": 1, "max": 1, "sum": "0x1p+1", "collapsed": [false, false], "negative": [], "positive": [0,1]}'::quantile_sketch;
\copy (SELECT 'x', decode('02' || repeat('00', 600), 'hex')) TO 'results/sketch_bad.bin' (FORMAT binary)
\copy sketch_copy FROM 'results/sketch_bad.bin' (FORMAT binary)
\copy (SELECT 'x', decode('01', 'hex')) TO 'results/sketch_bad2.bin' (FORMAT binary)
\copy sketch_copy FROM 'results/sketch_bad2.bin' (FORMAT binary)

DROP TABLE measures, sketch_copy CASCADE;

-- issue 10, "No wrong value, ever"
-- (2) within the accuracy at every magnitude: a bucket's value once
-- overflowed or underflowed beyond about 1e154 and below 1e-154
SELECT quantile(s, 0.5) AS median, abs(quantile(s, 0.5) / 3e200 - 1) <= 0.01 AS within_1pct, mean_value(s)
FROM (SELECT quantile_sketch(x) AS s
      FROM (VALUES (1e200::float8), (2e200), (3e200), (4e200), (5e200)) AS v(x)) t;
SELECT quantile(s, 0.5) AS median, abs(quantile(s, 0.5) / 3e-200 - 1) <= 0.01 AS within_1pct, mean_value(s)
FROM (SELECT quantile_sketch(x) AS s
      FROM (VALUES (1e-200::float8), (2e-200), (3e-200), (4e-200), (5e-200)) AS v(x)) t;
-- the exact sum passes DBL_MAX, the mean does not
SELECT quantile(s, 0.5) AS median, mean_value(s), max_value(s)
FROM (SELECT quantile_sketch(x) AS s FROM (VALUES (1::float8), (1.7e308), (1.7e308), (1.7e308)) AS v(x)) t;
-- every magnitude at once, subnormals and DBL_MAX included, at each accuracy
SELECT a, quantiles(quantile_sketch(x, a), ARRAY[0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]) AS q
FROM (VALUES (-1.7976931348623157e308::float8), (-1e-300), (-5e-324), (0), (5e-324), (1e-320), (1e-310),
             (2.2250738585072014e-308), (1), (1e300), (1.7976931348623157e308)) AS v(x),
     unnest(ARRAY[0.001, 0.01, 0.05]) a
GROUP BY a ORDER BY a;
-- (4) counts fit bigint: 2^63 is refused in text and binary, a rollup past it is an error
SELECT value_count(s) FROM (VALUES ('{"version": 1, "accuracy": 0.01, "max_bins": 2100, "count": 9223372036854775807, "zeros": 0, "min": 1, "max": 1, "sum": "0x7fffffffffffffffp0", "collapsed": [false, false], "negative": [], "positive": [0,9223372036854775807]}'::quantile_sketch)) AS v(s);
SELECT '{"version": 1, "accuracy": 0.01, "max_bins": 2100, "count": 9223372036854775808, "zeros": 0, "min": 1, "max": 1, "sum": "0x1p63", "collapsed": [false, false], "negative": [], "positive": [0,9223372036854775808]}'::quantile_sketch;
SELECT '{"version": 1, "accuracy": 0.01, "max_bins": 2100, "count": 9223372036854775808, "zeros": 9223372036854775808, "min": 0, "max": 0, "sum": "0", "collapsed": [false, false], "negative": [], "positive": []}'::quantile_sketch;
SELECT value_count(rollup(s)) FROM (VALUES ('{"version": 1, "accuracy": 0.01, "max_bins": 2100, "count": 5000000000000000000, "zeros": 0, "min": 1, "max": 1, "sum": "0x4563918244f4p16", "collapsed": [false, false], "negative": [], "positive": [0,5000000000000000000]}'::quantile_sketch), ('{"version": 1, "accuracy": 0.01, "max_bins": 2100, "count": 5000000000000000000, "zeros": 0, "min": 1, "max": 1, "sum": "0x4563918244f4p16", "collapsed": [false, false], "negative": [], "positive": [0,5000000000000000000]}')) AS v(s);
CREATE TABLE sketch_in (k text, s quantile_sketch);
-- the binary form of one value 1.0, with its count (byte 14) and its bucket's count (byte 594) set to 2^63
\copy (SELECT 'count', overlay(overlay(quantile_sketch_send(quantile_sketch(1.0::float8)) placing '\x8000000000000000'::bytea from 14) placing '\x8000000000000000'::bytea from 594)) TO 'results/sketch_count.bin' (FORMAT binary)
\copy sketch_in FROM 'results/sketch_count.bin' (FORMAT binary)
-- a state already counting INT64_MAX values refuses one more
CREATE AGGREGATE full_sketch(double precision) (
	SFUNC = quantile_sketch_trans, STYPE = quantile_sketch,
	INITCOND = '{"version": 1, "accuracy": 0.01, "max_bins": 2100, "count": 9223372036854775807, "zeros": 0, "min": 1, "max": 1, "sum": "0x7fffffffffffffffp0", "collapsed": [false, false], "negative": [], "positive": [0,9223372036854775807]}');
SELECT count(full_sketch(x)) FROM (VALUES (1.0::float8)) AS v(x) WHERE false;
SELECT count(full_sketch(x)) FROM (VALUES (1.0::float8)) AS v(x);
DROP AGGREGATE full_sketch(double precision);
-- (5) the exact sum's sign limb (byte 582) is 0 or -1, and bucket indexes (byte 590) are a double's
\copy (SELECT 'sum', overlay(quantile_sketch_send(quantile_sketch(1.0::float8)) placing '\x0000000000000001'::bytea from 582)) TO 'results/sketch_sum.bin' (FORMAT binary)
\copy sketch_in FROM 'results/sketch_sum.bin' (FORMAT binary)
\copy (SELECT 'index', overlay(quantile_sketch_send(quantile_sketch(1.0::float8)) placing '\x7fffffff'::bytea from 590)) TO 'results/sketch_index.bin' (FORMAT binary)
\copy sketch_in FROM 'results/sketch_index.bin' (FORMAT binary)
SELECT '{"version": 1, "accuracy": 0.01, "max_bins": 2100, "count": 1, "zeros": 0, "min": 1, "max": 1, "sum": "0x1p0", "collapsed": [false, false], "negative": [], "positive": [2147483647,1]}'::quantile_sketch;
-- 2^32 times DBL_MAX is in range (below 2^1056), once more is not: an error in a rollup or an aggregate
SELECT value_count(s), mean_value(s) FROM (VALUES ('{"version": 1, "accuracy": 0.01, "max_bins": 2100, "count": 4294967296, "zeros": 0, "min": 1.7976931348623157e+308, "max": 1.7976931348623157e+308, "sum": "0x1fffffffffffffp1003", "collapsed": [false, false], "negative": [], "positive": [35840,4294967296]}'::quantile_sketch)) AS v(s);
SELECT mean_value(rollup(s)) FROM (SELECT '{"version": 1, "accuracy": 0.01, "max_bins": 2100, "count": 4294967296, "zeros": 0, "min": 1.7976931348623157e+308, "max": 1.7976931348623157e+308, "sum": "0x1fffffffffffffp1003", "collapsed": [false, false], "negative": [], "positive": [35840,4294967296]}'::quantile_sketch
                             UNION ALL SELECT quantile_sketch(1.7976931348623157e308::float8)) AS t(s);
CREATE AGGREGATE huge_sketch(double precision) (
	SFUNC = quantile_sketch_trans, STYPE = quantile_sketch,
	INITCOND = '{"version": 1, "accuracy": 0.01, "max_bins": 2100, "count": 4294967296, "zeros": 0, "min": 1.7976931348623157e+308, "max": 1.7976931348623157e+308, "sum": "0x1fffffffffffffp1003", "collapsed": [false, false], "negative": [], "positive": [35840,4294967296]}');
SELECT count(huge_sketch(x)) FROM (VALUES (1.0::float8), (-1.7976931348623157e308)) AS v(x);
SELECT count(huge_sketch(x)) FROM (VALUES (1.7976931348623157e308::float8)) AS v(x);
DROP AGGREGATE huge_sketch(double precision);
-- (7) an empty stored sketch as the initial state grows like a NULL one
CREATE AGGREGATE grown_sketch(double precision) (
	SFUNC = quantile_sketch_trans, STYPE = quantile_sketch, FINALFUNC = quantile_sketch_final,
	INITCOND = '{"version": 1, "accuracy": 0.01, "max_bins": 2100, "count": 0, "zeros": 0, "min": 0, "max": 0, "sum": "0", "collapsed": [false, false], "negative": [], "positive": []}');
SELECT grown_sketch(x) = quantile_sketch(x) AS same, count(grown_sketch(x)) FROM generate_series(1, 1000) AS g(x);
DROP AGGREGATE grown_sketch(double precision);
DROP TABLE sketch_in;

-- input is cross-checked: the exact sum agrees with the count, minimum and
-- maximum, and a minimum above zero lies in the smallest bucket
SELECT '{"version": 1, "accuracy": 0.01, "max_bins": 2100, "count": 1, "zeros": 0, "min": 1, "max": 1, "sum": "0x1p1", "collapsed": [false, false], "negative": [], "positive": [0,1]}'::quantile_sketch;
SELECT '{"version": 1, "accuracy": 0.01, "max_bins": 2100, "count": 0, "zeros": 0, "min": 0, "max": 0, "sum": "0x1p0", "collapsed": [false, false], "negative": [], "positive": []}'::quantile_sketch;
SELECT '{"version": 1, "accuracy": 0.01, "max_bins": 2100, "count": 1, "zeros": 0, "min": 0.5, "max": 1, "sum": "0x1p0", "collapsed": [false, false], "negative": [], "positive": [0,1]}'::quantile_sketch;
SELECT '{"version": 1, "accuracy": 0.01, "max_bins": 2100, "count": 1, "zeros": 0, "min": -1, "max": -0.5, "sum": "-0x1p0", "collapsed": [false, false], "negative": [0,1], "positive": []}'::quantile_sketch;
-- and the valid neighbours still read
SELECT '{"version": 1, "accuracy": 0.01, "max_bins": 2100, "count": 1, "zeros": 0, "min": 1, "max": 1, "sum": "0x1p0", "collapsed": [false, false], "negative": [], "positive": [0,1]}'::quantile_sketch = quantile_sketch(1.0::float8) AS same;
-- one value is its own minimum and maximum
SELECT '{"version": 1, "accuracy": 0.01, "max_bins": 2100, "count": 1, "zeros": 0, "min": 5.470553288673498e+25, "max": 5.4705532886738003e+25, "sum": "0x16a02c70a86313p33", "collapsed": [false, false], "negative": [], "positive": [2992,1]}'::quantile_sketch;

-- small groups stay small: a sketch of one value is stored in tens of
-- bytes, and its aggregation state holds the first values as they are;
-- sketches of 1 to 30 values per group rolled up equal the whole
SELECT pg_column_size(quantile_sketch(x)) <= 64 AS one_value_small
FROM (VALUES (3.4567::float8)) v(x);
CREATE TEMP TABLE sg AS
SELECT g, (g * 37 + i * 101) % 1000 / 7.0 - 20 AS x FROM generate_series(1, 300) g, generate_series(1, 1 + g % 30) i;
CREATE TEMP TABLE sg_sketch AS SELECT g, quantile_sketch(x) AS q FROM sg GROUP BY g;
SELECT bool_and(value_count(q) = 1 + g % 30) AS counts_right,
       (SELECT quantile_sketch(x) FROM sg) = rollup(q) AS rollup_equals_whole,
       (SELECT quantile_sketch(x) FROM sg) = rollup(q::text::quantile_sketch) AS text_round_trip,
       bool_and(q = (SELECT quantile_sketch(x) FROM sg s WHERE s.g = sg_sketch.g)) AS per_group_equal
FROM sg_sketch;
-- a stored sketch as an aggregate's initial state: the values add to it
SELECT quantile_sketch(x)::text AS seed FROM (VALUES (1.0::float8), (2.0)) v(x) \gset
CREATE AGGREGATE seeded_sketch(float8) (SFUNC = quantile_sketch_trans, STYPE = quantile_sketch, INITCOND = :'seed');
SELECT value_count(seeded_sketch(x)),
       seeded_sketch(x) = (SELECT quantile_sketch(y) FROM (VALUES (1.0::float8), (2.0), (5.0), (7.0)) w(y)) AS same
FROM (VALUES (5.0::float8), (7.0)) v(x);
DROP AGGREGATE seeded_sketch(float8);
