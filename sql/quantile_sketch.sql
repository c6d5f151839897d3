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
SELECT quantile(s, 0), quantile(s, 0.5), quantile(s, 1), count(s), min(s), max(s), mean(s),
       relative_accuracy(s)
FROM (SELECT quantile_sketch(x) AS s FROM (VALUES (1.0), (2.0), (2.0), (10.0), (0.0), (-3.5)) AS v(x)) t;
-- no rows: NULL, like sum(); NULL values are skipped
SELECT quantile_sketch(x) IS NULL AS no_rows FROM (SELECT 1.0::float8 AS x) t WHERE false;
SELECT count(quantile_sketch(x)) FROM (VALUES (1.0::float8), (NULL), (3.0)) AS v(x);

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
SELECT count(s) = 1000000 AS count_exact, min(s) = (SELECT min(amount) FROM measures) AS min_exact,
       max(s) = (SELECT max(amount) FROM measures) AS max_exact,
       abs(mean(s) - (SELECT avg(amount) FROM measures)) / mean(s) < 1e-12 AS mean_agrees
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
