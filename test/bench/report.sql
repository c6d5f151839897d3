-- The result tables, from bench_time (timing.sql), bench_check and
-- bench_accuracy (checks.sql) and bench_gist_facts (bench.sql): printed, and
-- written as CSV to :out_dir for update-doc.py.  Included by bench.sql.

-- milliseconds to show: whole above 10, one decimal below
CREATE FUNCTION pg_temp.ms(x float8) RETURNS numeric LANGUAGE sql IMMUTABLE AS
$$ SELECT CASE WHEN x < 10 THEN round(x::numeric, 1) ELSE round(x::numeric) END $$;

-- every query: medians with 2 workers and with none, the ratio to its
-- reference (same worker setting), and the speed-up from none to 2 workers
CREATE TEMP VIEW report_results AS
SELECT q.grp AS task, q.label AS way,
       round(m2.ms::numeric, 1) AS ms_2_workers, round(m0.ms::numeric, 1) AS ms_no_workers,
       CASE WHEN q.ref = q.name THEN 'reference'
            ELSE round((m2.ms / r2.ms)::numeric, 2) || 'x' END AS ratio_2_workers,
       CASE WHEN q.ref = q.name THEN ''
            ELSE round((m0.ms / r0.ms)::numeric, 2) || 'x' END AS ratio_no_workers,
       round((m0.ms / m2.ms)::numeric, 2) || 'x' AS speedup_with_2,
       CASE WHEN q.ref = q.name THEN '' ELSE rq.label END AS reference,
       format('%s-%s / %s-%s', pg_temp.ms(m2.min_ms), pg_temp.ms(m2.max_ms),
              pg_temp.ms(m0.min_ms), pg_temp.ms(m0.max_ms)) AS range_ms
FROM bench_query q
JOIN bench_query rq ON rq.name = q.ref
JOIN bench_median m2 ON m2.name = q.name AND m2.workers = 2
JOIN bench_median m0 ON m0.name = q.name AND m0.workers = 0
JOIN bench_median r2 ON r2.name = q.ref AND r2.workers = 2
JOIN bench_median r0 ON r0.name = q.ref AND r0.workers = 0
ORDER BY q.ord;

-- the targets of issue 12, each at both worker settings where it is a ratio
-- of two queries; "measured" and "target" in the same unit
CREATE TEMP VIEW report_targets AS
WITH m AS (SELECT name, workers, ms FROM bench_median),
ratio(ord, target, a, b, limit_, op, unit) AS (VALUES
	(1, 'funnel() per cluster / the grouped floor', 'funnel.ext', 'funnel.floor', 1.05, '<=', 'x'),
	(2, 'funding_stats() per cluster / its floor', 'funding.ext', 'funding.floor', 1.5, '<=', 'x'),
	(4, 'two-step rollup / the expert grouped form', 'rollup.ext', 'rollup.expert', 1.0, '<=', 'x'),
	(5, 'per-project funding_stats / plain per-project sums', 'project.ext', 'project.plain', 1.0, '<=', 'x'),
	(6, 'sequential scan / GiST window query (speed-up)', 'gist.scan', 'gist.index', 100, '>=', 'x')),
speedup(ord, target, a) AS (VALUES
	(10, 'funnel() per cluster', 'funnel.ext'),
	(11, 'funding_stats() per cluster', 'funding.ext'),
	(12, 'per-project funding_stats', 'project.ext'),
	(13, 'quantile_sketch() per cluster', 'quantile.ext'),
	(14, 'stage_history() per project', 'history.ext'),
	(15, 'two-step rollup', 'rollup.ext')),
rows_ AS (
	SELECT r.ord, r.target, w.workers, a.ms / b.ms AS v, r.limit_, r.op, r.unit,
	       NULL::bool AS ok, '' AS note
	FROM ratio r CROSS JOIN (VALUES (2), (0)) w(workers)
	JOIN m a ON a.name = r.a AND a.workers = w.workers
	JOIN m b ON b.name = r.b AND b.workers = w.workers
	UNION ALL
	-- what the sketch adds to its scan, as a share of what t-digest adds
	-- (judged on the times themselves: noise can make either side negative)
	SELECT 3, 'quantile_sketch() - floor, / (t-digest - floor)', w.workers,
	       CASE WHEN t.ms > f.ms THEN (s.ms - f.ms) / (t.ms - f.ms) END, 1 / 3.0, '<=', '',
	       s.ms - f.ms <= (t.ms - f.ms) / 3,
	       format(' (adds %s ms, t-digest %s ms)', round((s.ms - f.ms)::numeric), round((t.ms - f.ms)::numeric))
	FROM (VALUES (2), (0)) w(workers)
	JOIN m s ON s.name = 'quantile.ext' AND s.workers = w.workers
	JOIN m t ON t.name = 'quantile.tdigest' AND t.workers = w.workers
	JOIN m f ON f.name = 'quantile.floor' AND f.workers = w.workers
	UNION ALL
	SELECT 7, 'quantile_sketch() largest relative error, p50/p90/p99', NULL, max_err * 100, 1, '<=', '%', NULL, ''
	FROM bench_accuracy WHERE way = 'quantile_sketch'
	UNION ALL
	SELECT 8, 'GiST index size / its table''s', NULL, index_bytes::float8 / table_bytes, 0.5, '<=', 'x', NULL, ''
	FROM bench_gist_facts
	UNION ALL
	SELECT s.ord, '2 workers / none (speed-up): ' || s.target, NULL, m0.ms / m2.ms, 1.8, '>=', 'x', NULL, ''
	FROM speedup s
	JOIN m m2 ON m2.name = s.a AND m2.workers = 2
	JOIN m m0 ON m0.name = s.a AND m0.workers = 0)
SELECT target,
       CASE workers WHEN 2 THEN '2 workers' WHEN 0 THEN 'no workers' ELSE '' END AS setting,
       coalesce(CASE WHEN unit = '%' THEN round(v::numeric, 3) ELSE round(v::numeric, 2) END || unit, '-')
         || note AS measured,
       op || ' ' || CASE WHEN limit_ = 1 / 3.0 THEN '0.33' ELSE limit_::numeric::text END || unit AS target_value,
       CASE WHEN ok IS NOT NULL THEN CASE WHEN ok THEN 'yes' ELSE 'no' END
            WHEN v IS NULL THEN 'n/a'
            WHEN (op = '<=' AND v <= limit_) OR (op = '>=' AND v >= limit_) THEN 'yes' ELSE 'no' END AS met
FROM rows_ ORDER BY ord, workers DESC;

CREATE TEMP VIEW report_accuracy AS
SELECT way, round(100 * p50::numeric, 3) || '%' AS p50, round(100 * p90::numeric, 3) || '%' AS p90,
       round(100 * p99::numeric, 3) || '%' AS p99
FROM bench_accuracy ORDER BY max_err;

CREATE TEMP VIEW report_checks AS
SELECT task, compared, CASE WHEN agree THEN 'yes' ELSE 'NO' END AS agree FROM bench_check ORDER BY ord;

CREATE TEMP VIEW report_gist AS
SELECT to_char(rows_, 'FM999,999,999') AS rounds, pg_size_pretty(table_bytes) AS table_size,
       pg_size_pretty(index_bytes) AS index_size, round(index_bytes::numeric / table_bytes, 2) || 'x' AS index_to_table,
       round(build_ms::numeric / 1000, 1) || ' s' AS index_build,
       (SELECT count(*) FROM check_gist_index) AS matching_rounds,
       round(100.0 * (SELECT count(*) FROM check_gist_index) / rows_, 3) || '%' AS selectivity
FROM bench_gist_facts;

CREATE TEMP VIEW report_copy AS
SELECT task, median_ms, runs_ms, result, target, met FROM copy_report ORDER BY o;

CREATE TEMP VIEW report_settings AS
SELECT name, current_setting(name) AS value FROM pg_settings
WHERE name IN ('shared_buffers', 'work_mem', 'maintenance_work_mem', 'max_parallel_workers',
               'max_worker_processes', 'jit', 'fsync', 'synchronous_commit', 'full_page_writes')
UNION ALL SELECT 'server_version', current_setting('server_version')
UNION ALL SELECT 'innovation version', (SELECT extversion FROM pg_extension WHERE extname = 'innovation')
UNION ALL SELECT 'tdigest version', (SELECT extversion FROM pg_extension WHERE extname = 'tdigest')
UNION ALL SELECT 'phases', (SELECT string_agg(format('%s %s s', phase, round(s)), ', ' ORDER BY ord) FROM bench_phase)
ORDER BY 1;

\echo
\echo == results (median ms of the timed passes; ratios to the reference at the same setting)
SELECT task, way, ms_2_workers, ms_no_workers, ratio_2_workers, ratio_no_workers, speedup_with_2
FROM report_results;
\echo == targets
SELECT * FROM report_targets;
\echo == largest relative error over the clusters, against percentile_disc
SELECT * FROM report_accuracy;
\echo == the GiST index
SELECT * FROM report_gist;
\echo == the answers agree
SELECT * FROM report_checks;

\if :{?out_dir}
\pset format csv
\set f :out_dir '/results.csv'
\o :f
SELECT * FROM report_results;
\set f :out_dir '/targets.csv'
\o :f
SELECT * FROM report_targets;
\set f :out_dir '/accuracy.csv'
\o :f
SELECT * FROM report_accuracy;
\set f :out_dir '/gist.csv'
\o :f
SELECT * FROM report_gist;
\set f :out_dir '/checks.csv'
\o :f
SELECT * FROM report_checks;
\set f :out_dir '/copy.csv'
\o :f
SELECT * FROM report_copy;
\set f :out_dir '/settings.csv'
\o :f
SELECT * FROM report_settings;
\o
\pset format aligned
\endif
