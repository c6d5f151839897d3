--
-- stage_survival: censored time from one stage to another (Kaplan-Meier)
--

SET datestyle = ISO;

-- true when the plan of a query aggregates in parallel (Partial Aggregate)
CREATE FUNCTION pg_temp.runs_partial(q text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		IF line LIKE '%Partial Aggregate%' OR line LIKE '%Partial HashAggregate%'
		   OR line LIKE '%Partial GroupAggregate%' THEN
			RETURN true;
		END IF;
	END LOOP;
	RETURN false;
END $$;

-- eight projects, one of each kind
CREATE TABLE sv_milestones (project int, stage project_stage, reached_on date);
INSERT INTO sv_milestones VALUES
	(1, 'registered', '2020-01-01'), (1, 'high_tech', '2021-01-01'),	-- event after 366 days
	(2, 'registered', '2020-06-01'),									-- censored at as_of
	(3, 'registered', '2019-01-01'), (3, 'high_tech', '2019-07-01'),	-- event after 181 days
	(4, 'registered', NULL),											-- undated: excluded
	(5, 'registered', '2021-01-01'), (5, 'high_tech', '2020-01-01'),	-- contradicting: excluded
	(6, 'registered', '2026-01-01'),									-- registered after as_of
	(7, 'concept', '2020-01-01'),										-- never registered
	(8, 'registered', '2024-01-01'), (8, 'high_tech', '2026-03-01');	-- high-tech after as_of: censored
CREATE TABLE sv_histories AS
SELECT project, stage_history(stage, reached_on) AS h FROM sv_milestones GROUP BY project;

SELECT stage_survival(h, 'registered', 'high_tech', '2025-12-31') FROM sv_histories;
SELECT event_count(s), censored_count(s), excluded_count(s),
       survival_quantile(s, 0.25) AS q25, survival_quantile(s, 0.5) AS median,
       survival_quantile(s, 0.9) AS q90, survival_quantile(s, 0) AS q0,
       reached_within(s, '6 months') AS within_6_months, reached_within(s, '1 year') AS within_1_year,
       reached_within(s, '10 years') AS within_10_years
FROM (SELECT stage_survival(h, 'registered', 'high_tech', '2025-12-31') AS s FROM sv_histories) x;
SELECT days, at_risk, events, censored, round(survival::numeric, 6) AS survival,
       round(lower::numeric, 6) AS lower, round(upper::numeric, 6) AS upper
FROM survival_curve((SELECT stage_survival(h, 'registered', 'high_tech', '2025-12-31') FROM sv_histories));
-- finishers only, as time_to() gives: biased towards success
SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY time_to(h, 'registered', 'high_tech')) AS finishers_median
FROM sv_histories WHERE time_to(h, 'registered', 'high_tech') >= 0;

-- no rows give the empty summary, as every summary aggregate does: it has
-- no stages (they come from the rows) and rolls up with any other; rows
-- without subjects give a summary without times
SELECT s, event_count(s), survival_quantile(s, 0.5)
FROM (SELECT stage_survival(h, 'registered', 'high_tech', '2025-12-31') AS s FROM sv_histories WHERE false) e;
SELECT rollup(s) = (SELECT stage_survival(h, 'registered', 'high_tech', '2025-12-31') FROM sv_histories) AS identity
FROM (SELECT stage_survival(h, 'registered', 'high_tech', '2025-12-31') AS s FROM sv_histories
      UNION ALL SELECT stage_survival(h, 'registered', 'high_tech', '2025-12-31') FROM sv_histories WHERE false) u;
SELECT '{"version": 1, "from": null, "to": null, "as_of": null, "undated": 0, "contradicting": 0, "times": []}'::stage_survival
       = (SELECT stage_survival(h, 'high_tech', 'listed', '2025-12-31') FROM sv_histories WHERE false) AS empty_reads_back;
SELECT '{"version": 1, "from": "registered", "to": "high_tech", "as_of": null, "undated": 0, "contradicting": 0, "times": []}'::stage_survival;
SELECT '{"version": 1, "from": null, "to": null, "as_of": null, "undated": 1, "contradicting": 0, "times": []}'::stage_survival;
SELECT s, event_count(s), survival_quantile(s, 0.5), reached_within(s, '1 year')
FROM (SELECT stage_survival(h, 'high_tech', 'listed', '2025-12-31') AS s FROM sv_histories) x;
SELECT stage_survival(NULL::stage_history, 'registered', 'high_tech', '2025-12-31');
SELECT * FROM survival_curve((SELECT stage_survival(h, 'high_tech', 'listed', '2025-12-31') FROM sv_histories));

-- text, binary and jsonb forms
SELECT s::text::stage_survival = s AS text_round_trip
FROM (SELECT stage_survival(h, 'registered', 'high_tech', '2025-12-31') AS s FROM sv_histories) x;
SELECT jsonb(stage_survival(h, 'registered', 'high_tech', '2025-12-31')) -> 'times' AS times FROM sv_histories;
CREATE TABLE sv_copy (s stage_survival);
\copy (SELECT stage_survival(h, 'registered', 'high_tech', '2025-12-31') FROM sv_histories) TO 'results/sv.bin' (FORMAT binary)
\copy sv_copy FROM 'results/sv.bin' (FORMAT binary)
SELECT s = (SELECT stage_survival(h, 'registered', 'high_tech', '2025-12-31') FROM sv_histories) AS binary_round_trip
FROM sv_copy;
\copy (SELECT decode('01040700002518', 'hex')) TO 'results/sv_bad.bin' (FORMAT binary)
\copy sv_copy FROM 'results/sv_bad.bin' (FORMAT binary)
\copy (SELECT decode('010704000025180000000000000000000000000000000000000000', 'hex')) TO 'results/sv_bad2.bin' (FORMAT binary)
\copy sv_copy FROM 'results/sv_bad2.bin' (FORMAT binary)

-- bad parameters and bad input
SELECT stage_survival(h, 'high_tech', 'registered', '2025-12-31') FROM sv_histories;
SELECT stage_survival(h, 'registered', 'high_tech', NULL) FROM sv_histories;
SELECT stage_survival(h, 'registered', 'high_tech', 'infinity') FROM sv_histories;
SELECT stage_survival(h, 'registered', 'high_tech', date '2025-12-31' + project) FROM sv_histories;
SELECT rollup(s) FROM (SELECT stage_survival(h, 'registered', 'high_tech', d) AS s
                       FROM sv_histories, (VALUES (date '2024-12-31'), ('2025-12-31')) v(d) GROUP BY d) x;
SELECT survival_quantile(stage_survival(h, 'registered', 'high_tech', '2025-12-31'), 1.5) FROM sv_histories;
SELECT reached_within(stage_survival(h, 'registered', 'high_tech', '2025-12-31'), '-1 day') FROM sv_histories;
SELECT '{"version": 1, "from": "registered", "to": "high_tech", "as_of": "2025-12-31", "undated": 0, "contradicting": 0, "times": [[4097, 1, 0]]}'::stage_survival;
SELECT '{"version": 1, "from": "registered", "to": "high_tech", "as_of": "2025-12-31", "undated": 0, "contradicting": 0, "times": [[5, 1, 0], [4, 1, 0]]}'::stage_survival;
SELECT '{"version": 1, "from": "registered", "to": "high_tech", "as_of": "2025-12-31", "undated": 0, "contradicting": 0, "times": [[5, 0, 0]]}'::stage_survival;
SELECT '{"version": 1, "from": "registered", "to": "high_tech", "as_of": "2025-12-31", "undated": 9223372036854775807, "contradicting": 0, "times": [[5, 1, 0]]}'::stage_survival;
SELECT '{"version": 1, "from": "high_tech", "to": "registered", "as_of": "2025-12-31", "undated": 0, "contradicting": 0, "times": []}'::stage_survival;
SELECT '{"version": 1, "from": "registered", "to": "high_tech", "as_of": "1850-12-31", "undated": 0, "contradicting": 0, "times": []}'::stage_survival;
SELECT '{"version": 1, "from": "registered", "to": "high_tech", "as_of": "1901-01-01", "undated": 0, "contradicting": 0, "times": [[400, 1, 0]]}'::stage_survival;
SELECT '{"version": 2}'::stage_survival;

-- a merge whose counts would pass a bigint is an error, not a wrap-around
SELECT rollup(s) FROM (VALUES
	('{"version": 1, "from": "registered", "to": "high_tech", "as_of": "2025-12-31", "undated": 9223372036854775806, "contradicting": 0, "times": []}'::stage_survival),
	('{"version": 1, "from": "registered", "to": "high_tech", "as_of": "2025-12-31", "undated": 0, "contradicting": 0, "times": [[5, 2, 0]]}')) v(s);
CREATE AGGREGATE sv_seeded(stage_history, project_stage, project_stage, date) (
	SFUNC = stage_survival_trans, STYPE = stage_survival, FINALFUNC = stage_survival_final,
	INITCOND = '{"version": 1, "from": "registered", "to": "high_tech", "as_of": "2025-12-31", "undated": 9223372036854775806, "contradicting": 0, "times": []}');
-- (a seeded state has no spare room: it grows from nothing)
SELECT sv_seeded(h, 'registered', 'high_tech', '2025-12-31') FROM sv_histories WHERE project = 1;
SELECT sv_seeded(h, 'registered', 'high_tech', '2025-12-31') FROM sv_histories WHERE project IN (1, 2);
DROP AGGREGATE sv_seeded(stage_history, project_stage, project_stage, date);

--
-- 20,000 generated projects in 30 clusters: every accessor against a
-- Kaplan-Meier computed in plain SQL over the same rows, serially, in
-- parallel and rolled up from park summaries
--
CREATE TABLE sv_gen AS
SELECT g AS project, 1 + abs(hashint4(g)) % 30 AS cluster, 1 + abs(hashint4(g * 3)) % 90 AS park,
       CASE WHEN abs(hashint4(g * 5)) % 50 = 0 THEN 0 WHEN abs(hashint4(g * 5)) % 50 = 1 THEN 1 ELSE 2 END AS reg_state,
       date '1990-01-01' + abs(hashint4(g * 7)) % 12800 AS reg_date,
       CASE WHEN abs(hashint4(g * 11)) % 3 = 0 THEN 0 WHEN abs(hashint4(g * 11)) % 97 = 1 THEN 1 ELSE 2 END AS ht_state,
       abs(hashint4(g * 13)) % 6000 - CASE WHEN abs(hashint4(g * 17)) % 40 = 0 THEN 700 ELSE 0 END AS ht_after
FROM generate_series(1, 20000) g;
CREATE TABLE sv_gen_milestones AS
SELECT project, 'registered'::project_stage AS stage, CASE WHEN reg_state = 2 THEN reg_date END AS reached_on
FROM sv_gen WHERE reg_state > 0
UNION ALL
SELECT project, 'high_tech', CASE WHEN ht_state = 2 THEN reg_date + ht_after END
FROM sv_gen WHERE ht_state > 0;
CREATE TABLE sv_gen_h AS
SELECT g.project, g.cluster, g.park, stage_history(m.stage, m.reached_on) AS h
FROM sv_gen g JOIN sv_gen_milestones m USING (project) GROUP BY g.project, g.cluster, g.park;
ANALYZE sv_gen_h;

-- the documented time resolution: whole days below 4096, then 128 buckets per doubling
CREATE FUNCTION pg_temp.sv_bucket(t int) RETURNS int LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN t < 4096 THEN t ELSE
		b + (t - b) / (b / 128) * (b / 128) END
	FROM (SELECT (4096 * 2 ^ floor(log(2, t / 4096.0)))::int AS b) x
$$;
-- subjects: registered with a date by as_of; times from the generator's own columns
CREATE TABLE sv_plain_times AS
SELECT cluster, pg_temp.sv_bucket(CASE WHEN ev THEN ht_after ELSE date '2024-12-31' - reg_date END) AS days, ev
FROM (SELECT *, ht_state = 2 AND reg_date + ht_after <= date '2024-12-31' AS ev FROM sv_gen) g
WHERE reg_state = 2 AND reg_date <= date '2024-12-31' AND ht_state <> 1
  AND NOT (ht_state = 2 AND reg_date + ht_after <= date '2024-12-31' AND ht_after < 0);
CREATE TABLE sv_plain_excluded AS
SELECT cluster, count(*) AS excluded
FROM sv_gen
WHERE reg_state = 1 OR (reg_state = 2 AND reg_date <= date '2024-12-31' AND
      (ht_state = 1 OR (ht_state = 2 AND reg_date + ht_after <= date '2024-12-31' AND ht_after < 0)))
GROUP BY cluster;
CREATE TABLE sv_plain AS
WITH g AS (SELECT cluster, days, count(*) FILTER (WHERE ev) AS d, count(*) FILTER (WHERE NOT ev) AS c
           FROM sv_plain_times GROUP BY cluster, days),
r AS (SELECT *, sum(d + c) OVER (PARTITION BY cluster ORDER BY days DESC) AS n FROM g),
k AS (SELECT *, exp(sum(CASE WHEN n > d THEN ln((n - d)::float8 / n) ELSE '-Infinity' END)
                    OVER (PARTITION BY cluster ORDER BY days)) AS s,
             sum(CASE WHEN n > d THEN d::float8 / (n * (n - d)) ELSE 0 END)
                 OVER (PARTITION BY cluster ORDER BY days) AS gw
      FROM r)
SELECT cluster, days, n, d, c, s,
       CASE WHEN s > 0 AND s < 1 THEN s ^ exp(1.959963984540054 * sqrt(gw) / abs(ln(s))) END AS lower,
       CASE WHEN s > 0 AND s < 1 THEN s ^ exp(-1.959963984540054 * sqrt(gw) / abs(ln(s))) END AS upper
FROM k;

SET max_parallel_workers_per_gather = 0;
CREATE TABLE sv_serial AS
SELECT cluster, stage_survival(h, 'registered', 'high_tech', '2024-12-31') AS s FROM sv_gen_h GROUP BY cluster;
RESET max_parallel_workers_per_gather;
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
SET enable_hashagg = off;
SELECT pg_temp.runs_partial($$SELECT cluster, stage_survival(h, 'registered', 'high_tech', '2024-12-31') FROM sv_gen_h GROUP BY cluster$$) AS parallel_plan;
CREATE TABLE sv_parallel AS
SELECT cluster, stage_survival(h, 'registered', 'high_tech', '2024-12-31') AS s FROM sv_gen_h GROUP BY cluster;
CREATE TABLE sv_parks AS
SELECT cluster, park, stage_survival(h, 'registered', 'high_tech', '2024-12-31') AS s FROM sv_gen_h GROUP BY cluster, park;
CREATE TABLE sv_rolled AS SELECT cluster, rollup(s) AS s FROM sv_parks GROUP BY cluster;
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
RESET enable_hashagg;

SELECT count(*) AS clusters,
       count(*) FILTER (WHERE s.s = p.s) AS serial_equals_parallel,
       count(*) FILTER (WHERE s.s = r.s) AS serial_equals_rollup,
       count(*) FILTER (WHERE s.s = s.s::text::stage_survival) AS text_round_trip
FROM sv_serial s JOIN sv_parallel p USING (cluster) JOIN sv_rolled r USING (cluster);
SELECT sum(event_count(s)) AS events, sum(censored_count(s)) AS censored, sum(excluded_count(s)) AS excluded,
       (SELECT count(*) FILTER (WHERE ev) FROM sv_plain_times) AS plain_events,
       (SELECT count(*) FILTER (WHERE NOT ev) FROM sv_plain_times) AS plain_censored,
       (SELECT sum(excluded) FROM sv_plain_excluded) AS plain_excluded,
       count(*) FILTER (WHERE excluded_count(s) = coalesce((SELECT excluded FROM sv_plain_excluded e WHERE e.cluster = x.cluster), 0))
           AS clusters_excluded_match
FROM sv_serial x;
-- the curve, row by row, for every cluster and every way of computing it
SELECT way, count(*) AS rows,
       count(*) FILTER (WHERE c.at_risk = p.n AND c.events = p.d AND c.censored = p.c) AS counts_equal,
       count(*) FILTER (WHERE abs(c.survival - p.s) < 1e-9) AS survival_equal,
       count(*) FILTER (WHERE (c.lower IS NULL AND p.lower IS NULL) OR abs(c.lower - p.lower) < 1e-9) AS lower_equal,
       count(*) FILTER (WHERE (c.upper IS NULL AND p.upper IS NULL) OR abs(c.upper - p.upper) < 1e-9) AS upper_equal,
       (SELECT count(*) FROM sv_plain) AS plain_rows
FROM (SELECT 'serial' AS way, * FROM sv_serial UNION ALL SELECT 'parallel', * FROM sv_parallel
      UNION ALL SELECT 'rollup', * FROM sv_rolled) x
CROSS JOIN LATERAL survival_curve(x.s) c
FULL JOIN sv_plain p ON p.cluster = x.cluster AND p.days = c.days
GROUP BY way ORDER BY way;
-- quantiles and shares reached within 2, 5 and 8 years, against plain SQL
WITH q AS (SELECT unnest(ARRAY[0.1, 0.25, 0.5, 0.75]) AS q),
plain_q AS (SELECT p.cluster, q.q, min(p.days) FILTER (WHERE p.d > 0 AND 1 - p.s >= q.q - 1e-12) AS days
            FROM sv_plain p CROSS JOIN q GROUP BY p.cluster, q.q),
plain_w AS (SELECT x.cluster, w.years,
                   1 - coalesce((SELECT p.s FROM sv_plain p WHERE p.cluster = x.cluster AND p.days <= w.days
                                 ORDER BY p.days DESC LIMIT 1), 1) AS share
            FROM sv_serial x CROSS JOIN (VALUES (2, 730), (5, 1826), (8, 2922)) w(years, days))
SELECT (SELECT count(*) FROM plain_q) AS quantiles,
       (SELECT count(*) FROM plain_q p JOIN sv_serial x USING (cluster)
        WHERE survival_quantile(x.s, p.q) IS NOT DISTINCT FROM p.days) AS quantiles_equal,
       (SELECT count(*) FROM plain_q WHERE days IS NULL) AS never_reached,
       (SELECT count(*) FROM plain_w) AS shares,
       (SELECT count(*) FROM plain_w p JOIN sv_serial x USING (cluster)
        WHERE abs(reached_within(x.s, make_interval(years => p.years)) - p.share) < 1e-9) AS shares_equal;
-- the resolution beyond 4096 days shows in the curve as bucket days
SELECT count(*) FILTER (WHERE days >= 4096) > 0 AS has_coarse_times,
       count(*) FILTER (WHERE days >= 4096 AND days <> pg_temp.sv_bucket(days)) AS not_bucket_days
FROM sv_serial, survival_curve(s);

DROP TABLE sv_milestones, sv_histories, sv_copy, sv_gen, sv_gen_milestones, sv_gen_h, sv_plain_times,
	sv_plain_excluded, sv_plain, sv_serial, sv_parallel, sv_parks, sv_rolled;
