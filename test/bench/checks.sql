-- Do the answers agree?  Each timed task once more, untimed, the extension's
-- answer against the plain one; bench_check gets one row per comparison
-- (agree true or false), bench_accuracy the relative errors of the quantile
-- ways against the exact percentile_disc.  Included by bench.sql, with
-- max_parallel_workers_per_gather = 2.
CREATE TEMP TABLE bench_check (ord serial, task text, compared text, agree bool);

-- 1. funnels: reached() for every rung = 12 x FILTER; at_stage() = GROUP BY cluster, stage
WITH e AS (SELECT cluster, funnel(s) AS f FROM bench_projects GROUP BY cluster),
f AS (SELECT cluster, ARRAY[
	count(*) FILTER (WHERE s >= 'concept'), count(*) FILTER (WHERE s >= 'pilot'),
	count(*) FILTER (WHERE s >= 'incubating'), count(*) FILTER (WHERE s >= 'registered'),
	count(*) FILTER (WHERE s >= 'producing'), count(*) FILTER (WHERE s >= 'tech_sme'),
	count(*) FILTER (WHERE s >= 'high_tech'), count(*) FILTER (WHERE s >= 'above_scale'),
	count(*) FILTER (WHERE s >= 'gazelle'), count(*) FILTER (WHERE s >= 'potential_unicorn'),
	count(*) FILTER (WHERE s >= 'unicorn'), count(*) FILTER (WHERE s >= 'listed')] AS reached
	FROM bench_projects GROUP BY cluster),
p AS (SELECT cluster, s, count(*) AS n FROM bench_projects GROUP BY cluster, s)
INSERT INTO bench_check (task, compared, agree)
SELECT 'funnel per cluster', 'reached() of every rung = 12 x FILTER',
       bool_and((SELECT array_agg(reached(e.f, l.stage) ORDER BY l.rank) FROM stage_ladder() l) = f.reached)
FROM e JOIN f USING (cluster)
UNION ALL
SELECT 'funnel per cluster', 'at_stage() of every rung = GROUP BY cluster, stage',
       bool_and(at_stage(e.f, l.stage) = coalesce(p.n, 0)) AND count(*) = 12 * (SELECT count(DISTINCT cluster) FROM p)
FROM e CROSS JOIN stage_ladder() l LEFT JOIN p ON p.cluster = e.cluster AND p.s = l.stage;

-- 2. funding per cluster: totals, ranges, counts and a threshold count per currency
WITH e AS (SELECT cluster, funding_stats(r) AS s FROM bench_rounds GROUP BY cluster),
p AS (SELECT cluster, currency, count(*) AS n, sum(low) AS low, sum(point) AS point, sum(high) AS high,
             count(*) FILTER (WHERE point >= 100000000) AS over_1yi
      FROM bench_rounds GROUP BY cluster, currency)
INSERT INTO bench_check (task, compared, agree)
SELECT 'funding per cluster', 'rounds(), total(), total_range(), rounds_over(1亿) = count, sums, FILTER count',
       bool_and(rounds(e.s, p.currency) = p.n AND total(e.s, p.currency) = p.point
                AND lower(total_range(e.s, p.currency)) = p.low AND upper(total_range(e.s, p.currency)) = p.high
                AND rounds_over(e.s, 100000000, p.currency) = p.over_1yi)
       AND count(*) = (SELECT count(*) FROM p)
FROM e JOIN p USING (cluster);

-- the summaries are exact: serial and parallel aggregation give the same values
CREATE TEMP TABLE check_parallel AS
SELECT cluster, funding_stats(r) AS s FROM bench_rounds GROUP BY cluster;
CREATE TEMP TABLE check_parallel_q AS
SELECT cluster, quantile_sketch(point::float8) AS q FROM bench_rounds WHERE currency = 'CNY' GROUP BY cluster;
SET max_parallel_workers_per_gather = 0;
INSERT INTO bench_check (task, compared, agree)
SELECT 'funding per cluster', 'funding_stats() with 2 workers = with none',
       (SELECT count(*) FROM check_parallel c
        JOIN (SELECT cluster, funding_stats(r) AS s FROM bench_rounds GROUP BY cluster) x USING (cluster)
        WHERE c.s = x.s) = (SELECT count(*) FROM check_parallel)
UNION ALL
SELECT 'p50/p90/p99 per cluster', 'quantile_sketch() with 2 workers = with none',
       (SELECT count(*) FROM check_parallel_q c
        JOIN (SELECT cluster, quantile_sketch(point::float8) AS q FROM bench_rounds WHERE currency = 'CNY'
              GROUP BY cluster) x USING (cluster)
        WHERE c.q = x.q) = (SELECT count(*) FROM check_parallel_q);
SET max_parallel_workers_per_gather = 2;

-- 3. projects over 1亿 from per-project summaries = from per-project sums
INSERT INTO bench_check (task, compared, agree)
SELECT 'per-project funding, 1M rounds', format('projects over 1亿: %s', e.n), e.n = p.n
FROM (SELECT count(*) FILTER (WHERE total(s, 'CNY') > 100000000) AS n
      FROM (SELECT project_id, funding_stats(r) AS s FROM bench_rounds_1m GROUP BY project_id) x) e,
     (SELECT count(*) FILTER (WHERE currency = 'CNY' AND point > 100000000) AS n
      FROM (SELECT project_id, currency, sum(point) AS point FROM bench_rounds_1m GROUP BY project_id, currency) x) p;

-- 4. quantiles against the exact percentile_disc, per cluster and quantile
CREATE TEMP TABLE bench_quantiles AS
SELECT cluster,
       percentile_disc('{0.5,0.9,0.99}'::float8[]) WITHIN GROUP (ORDER BY point::float8) AS exact,
       quantiles(quantile_sketch(point::float8), '{0.5,0.9,0.99}') AS sketch,
       tdigest_percentile(point::float8, 100, '{0.5,0.9,0.99}'::float8[]) AS tdigest,
       percentile_cont('{0.5,0.9,0.99}'::float8[]) WITHIN GROUP (ORDER BY point::float8) AS cont
FROM bench_rounds WHERE currency = 'CNY' GROUP BY cluster;
CREATE TEMP TABLE bench_accuracy AS
SELECT way, max(err) FILTER (WHERE i = 1) AS p50, max(err) FILTER (WHERE i = 2) AS p90,
       max(err) FILTER (WHERE i = 3) AS p99, max(err) AS max_err
FROM (SELECT w.way, u.i, abs(u.est - u.exact) / u.exact AS err
      FROM bench_quantiles b
      CROSS JOIN LATERAL (VALUES ('quantile_sketch', b.sketch), ('tdigest (100)', b.tdigest),
                                 ('percentile_cont', b.cont)) w(way, est)
      CROSS JOIN LATERAL unnest(b.exact, w.est) WITH ORDINALITY u(exact, est, i)) e
GROUP BY way;
INSERT INTO bench_check (task, compared, agree)
SELECT 'p50/p90/p99 per cluster', 'quantile_sketch() within 1% of percentile_disc', max_err <= 0.01
FROM bench_accuracy WHERE way = 'quantile_sketch';

-- 5. time to high_tech: both ways give the same count and sum
INSERT INTO bench_check (task, compared, agree)
SELECT 'time to high_tech, per project', format('time_to() = min() FILTER: %s projects', e.n),
       (e.n, e.days) = (p.n, p.days)
FROM (SELECT count(t) AS n, sum(t) AS days
      FROM (SELECT time_to(stage_history(s, d), 'registered', 'high_tech') AS t
            FROM bench_milestones GROUP BY project_id) h) e,
     (SELECT count(t) AS n, sum(t) AS days
      FROM (SELECT min(d) FILTER (WHERE s = 'high_tech') - min(d) FILTER (WHERE s = 'registered') AS t
            FROM bench_milestones GROUP BY project_id) h) p;

-- 6. the two-step rollup = funnel() under GROUP BY ROLLUP = the expert's counts
CREATE TEMP TABLE check_two_step AS
SELECT cluster, park, rollup(f) AS f
FROM (SELECT cluster, park, funnel(s) AS f FROM bench_projects GROUP BY cluster, park) p
GROUP BY ROLLUP (cluster, park);
CREATE TEMP TABLE check_grouping AS
SELECT cluster, park, funnel(s) AS f FROM bench_projects GROUP BY ROLLUP (cluster, park);
CREATE TEMP TABLE check_expert AS
SELECT cluster, park, s, sum(n) AS n
FROM (SELECT cluster, park, s, count(*) AS n FROM bench_projects GROUP BY cluster, park, s) c
GROUP BY ROLLUP (cluster, park), s;
INSERT INTO bench_check (task, compared, agree)
SELECT 'funnel per park, cluster, city', format('two-step = GROUP BY ROLLUP: %s funnels', count(*)),
       count(*) = (SELECT count(*) FROM check_grouping)
       AND NOT EXISTS (SELECT cluster, park, f FROM check_two_step EXCEPT SELECT cluster, park, f FROM check_grouping)
FROM check_two_step
UNION ALL
SELECT 'funnel per park, cluster, city', 'at_stage() of every rung = the expert''s counts',
       bool_and(at_stage(t.f, x.s) = x.n) AND count(*) = (SELECT count(*) FROM check_expert)
         AND sum(x.n) = 3 * (SELECT count(*) FROM bench_projects)
FROM check_expert x JOIN check_two_step t
  ON t.cluster IS NOT DISTINCT FROM x.cluster AND t.park IS NOT DISTINCT FROM x.park;

-- 7. rolled-up stored summaries = the summaries of the rows, value for value
INSERT INTO bench_check (task, compared, agree)
SELECT 'per cluster from stored park summaries', 'rollup() of park funnels = funnel() of the rows',
       NOT EXISTS (SELECT cluster, rollup(f) FROM park_funnels GROUP BY cluster
                   EXCEPT SELECT cluster, funnel(s) FROM bench_projects GROUP BY cluster)
UNION ALL
SELECT 'per cluster from stored park summaries', 'rollup() of park funding_stats = funding_stats() of the rows',
       NOT EXISTS (SELECT cluster, rollup(s) FROM park_funding GROUP BY cluster
                   EXCEPT SELECT cluster, s FROM check_parallel)
UNION ALL
SELECT 'per cluster from stored park summaries', 'rollup() of park sketches = quantile_sketch() of the rows',
       NOT EXISTS (SELECT cluster, rollup(q) FROM park_sketches GROUP BY cluster
                   EXCEPT SELECT cluster, q FROM check_parallel_q);

-- 8. the index finds what the scan finds
SET enable_seqscan = off;
CREATE TEMP TABLE check_gist_index AS
SELECT id FROM bench_gist
WHERE r @@ funding_window(daterange('2023-03-01', '2023-04-01'), numrange(40000000, 100000000), 'CNY');
RESET enable_seqscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
CREATE TEMP TABLE check_gist_scan AS
SELECT id FROM bench_gist
WHERE r @@ funding_window(daterange('2023-03-01', '2023-04-01'), numrange(40000000, 100000000), 'CNY');
RESET enable_indexscan;
RESET enable_bitmapscan;
INSERT INTO bench_check (task, compared, agree)
SELECT 'window on funding_round, 0.1%',
       format('GiST index = sequential scan: %s rounds, %s%% of the table', count(*),
              round(100.0 * count(*) / (SELECT count(*) FROM bench_gist), 3)),
       count(*) = (SELECT count(*) FROM check_gist_scan)
       AND NOT EXISTS (SELECT id FROM check_gist_scan EXCEPT SELECT id FROM check_gist_index)
FROM check_gist_index;
