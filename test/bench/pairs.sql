-- The timed queries: each task once the extension's way and once or more the
-- plain-SQL way, over the same table, with the floor (the cheapest query
-- that reads the same rows and forms the same groups) where there is one.
-- Included by bench.sql; bench_run() runs them all in every pass, each with
-- max_parallel_workers_per_gather = 2 and then 0.
--
-- Columns: grp (the task), name (a key), ref (the query the ratio is taken
-- against), ext (the extension's way), gucs (settings for this query only),
-- warm (run once untimed before each timed run), sql.  Results are
-- discarded; the answers are compared in checks.sql.
CREATE TEMP TABLE bench_query (
	ord serial, grp text, name text PRIMARY KEY, label text, ref text, ext bool, gucs text,
	warm bool DEFAULT false, sql text);

-- 1. Funnel per cluster (50 groups of 200,000 projects).  The floor is
-- count(*) with the same GROUP BY: the scan and the grouping, nothing else.
-- 12 x FILTER is how a funnel is written without the extension; GROUP BY
-- cluster, stage with a pivot of its 600 rows is the expert's form (it gives
-- the counts at each stage, which is what a funnel holds).
INSERT INTO bench_query (grp, name, label, ref, ext, sql) VALUES
('funnel per cluster', 'funnel.floor', 'floor: count(*) GROUP BY cluster', 'funnel.floor', false,
 $q$SELECT cluster, count(*) FROM bench_projects GROUP BY cluster$q$),
('funnel per cluster', 'funnel.ext', 'funnel(s) GROUP BY cluster', 'funnel.floor', true,
 $q$SELECT cluster, funnel(s) FROM bench_projects GROUP BY cluster$q$),
('funnel per cluster', 'funnel.filter', '12 x count(*) FILTER (WHERE s >= ...)', 'funnel.floor', false,
 $q$SELECT cluster,
	count(*) FILTER (WHERE s >= 'concept'), count(*) FILTER (WHERE s >= 'pilot'),
	count(*) FILTER (WHERE s >= 'incubating'), count(*) FILTER (WHERE s >= 'registered'),
	count(*) FILTER (WHERE s >= 'producing'), count(*) FILTER (WHERE s >= 'tech_sme'),
	count(*) FILTER (WHERE s >= 'high_tech'), count(*) FILTER (WHERE s >= 'above_scale'),
	count(*) FILTER (WHERE s >= 'gazelle'), count(*) FILTER (WHERE s >= 'potential_unicorn'),
	count(*) FILTER (WHERE s >= 'unicorn'), count(*) FILTER (WHERE s >= 'listed')
	FROM bench_projects GROUP BY cluster$q$),
('funnel per cluster', 'funnel.pivot', 'GROUP BY cluster, stage + pivot', 'funnel.floor', false,
 $q$SELECT cluster,
	sum(n) FILTER (WHERE s = 'concept'), sum(n) FILTER (WHERE s = 'pilot'),
	sum(n) FILTER (WHERE s = 'incubating'), sum(n) FILTER (WHERE s = 'registered'),
	sum(n) FILTER (WHERE s = 'producing'), sum(n) FILTER (WHERE s = 'tech_sme'),
	sum(n) FILTER (WHERE s = 'high_tech'), sum(n) FILTER (WHERE s = 'above_scale'),
	sum(n) FILTER (WHERE s = 'gazelle'), sum(n) FILTER (WHERE s = 'potential_unicorn'),
	sum(n) FILTER (WHERE s = 'unicorn'), sum(n) FILTER (WHERE s = 'listed')
	FROM (SELECT cluster, s, count(*) AS n FROM bench_projects GROUP BY cluster, s) c
	GROUP BY cluster$q$);

-- 2. Funding per cluster.  funding_stats() keeps currencies apart inside one
-- value per cluster; the plain way groups by cluster and currency and sums
-- low, point and high with threshold counts (plain numeric columns: no
-- parsing, the cheapest form the data can have).  The floor is count(*)
-- with the plain way's grouping.  The accessors read the totals and a count
-- over a line, as a report would.
INSERT INTO bench_query (grp, name, label, ref, ext, sql) VALUES
('funding per cluster', 'funding.floor', 'floor: count(*) GROUP BY cluster, currency', 'funding.floor', false,
 $q$SELECT cluster, currency, count(*) FROM bench_rounds GROUP BY cluster, currency$q$),
('funding per cluster', 'funding.ext', 'funding_stats(r) GROUP BY cluster, + total(), rounds_over()', 'funding.floor', true,
 $q$SELECT cluster, total(s, 'CNY'), total(s, 'USD'), rounds_over(s, 100000000, 'CNY'), rounds_over(s, 10000000, 'USD')
	FROM (SELECT cluster, funding_stats(r) AS s FROM bench_rounds GROUP BY cluster) x$q$),
('funding per cluster', 'funding.plain', 'count, sum(low, point, high), 4 x FILTER GROUP BY cluster, currency', 'funding.floor', false,
 $q$SELECT cluster, currency, count(*), sum(low), sum(point), sum(high),
	count(*) FILTER (WHERE point >= 10000000), count(*) FILTER (WHERE point >= 50000000),
	count(*) FILTER (WHERE point >= 100000000), count(*) FILTER (WHERE point >= 1000000000)
	FROM bench_rounds GROUP BY cluster, currency$q$);

-- 3. Funding per project, then count the projects over 1亿 (the seed's "6
-- projects over 1亿"): about 630,000 groups of 1.6 rounds at the reference
-- size.  The plain way sums per project and currency, then counts.
INSERT INTO bench_query (grp, name, label, ref, ext, sql) VALUES
('per-project funding, 1M rounds', 'project.floor', 'floor: count(*) GROUP BY project, currency', 'project.plain', false,
 $q$SELECT count(*) FROM (SELECT project_id, currency, count(*) FROM bench_rounds_1m GROUP BY project_id, currency) p$q$),
('per-project funding, 1M rounds', 'project.ext', 'funding_stats(r) GROUP BY project, count total(s, ''CNY'') > 1亿', 'project.plain', true,
 $q$SELECT count(*) FILTER (WHERE total(s, 'CNY') > 100000000)
	FROM (SELECT project_id, funding_stats(r) AS s FROM bench_rounds_1m GROUP BY project_id) p$q$),
('per-project funding, 1M rounds', 'project.plain', 'count, sum(low, point, high) GROUP BY project, currency, then count', 'project.plain', false,
 $q$SELECT count(*) FILTER (WHERE currency = 'CNY' AND point > 100000000)
	FROM (SELECT project_id, currency, count(*), sum(low) AS low, sum(point) AS point, sum(high) AS high
	      FROM bench_rounds_1m GROUP BY project_id, currency) p$q$);

-- 4. p50, p90 and p99 of CNY amounts per cluster.  Every way casts the
-- numeric point to float8 (what the sketch and t-digest take); the floor is
-- the same scan, filter and cast folded by max(), so what a way adds over
-- the floor is the cost of its summary.  percentile_cont is PostgreSQL's
-- built-in (a sort per group, not parallel); t-digest is Debian's
-- postgresql-15-tdigest at compression 100, in its one-step form (the
-- aggregate builds the tdigest(x, 100) and reads the percentiles from it).
INSERT INTO bench_query (grp, name, label, ref, ext, sql) VALUES
('p50/p90/p99 per cluster', 'quantile.floor', 'floor: max(point::float8) GROUP BY cluster', 'quantile.floor', false,
 $q$SELECT cluster, max(point::float8) FROM bench_rounds WHERE currency = 'CNY' GROUP BY cluster$q$),
('p50/p90/p99 per cluster', 'quantile.ext', 'quantiles(quantile_sketch(point::float8), ...)', 'quantile.floor', true,
 $q$SELECT cluster, quantiles(quantile_sketch(point::float8), '{0.5,0.9,0.99}')
	FROM bench_rounds WHERE currency = 'CNY' GROUP BY cluster$q$),
('p50/p90/p99 per cluster', 'quantile.cont', 'percentile_cont(...) WITHIN GROUP (ORDER BY point::float8)', 'quantile.floor', false,
 $q$SELECT cluster, percentile_cont('{0.5,0.9,0.99}'::float8[]) WITHIN GROUP (ORDER BY point::float8)
	FROM bench_rounds WHERE currency = 'CNY' GROUP BY cluster$q$),
('p50/p90/p99 per cluster', 'quantile.tdigest', 'tdigest_percentile(point::float8, 100, ...)', 'quantile.floor', false,
 $q$SELECT cluster, tdigest_percentile(point::float8, 100, '{0.5,0.9,0.99}'::float8[])
	FROM bench_rounds WHERE currency = 'CNY' GROUP BY cluster$q$);

-- 5. Days from registered to high_tech, over every project's milestones
-- (count and sum of the durations).  Plain SQL takes the first date of each
-- of the two stages per project with min() FILTER, in one pass, and
-- subtracts.  (The textbook form, min(d) GROUP BY project and stage and then
-- a self-join, took 3.4 to 3.7 times as long at 1M and 10M rows; it is left
-- out to keep make bench under 30 minutes.)
INSERT INTO bench_query (grp, name, label, ref, ext, sql) VALUES
('time to high_tech, per project', 'history.ext', 'time_to(stage_history(s, d), ...) GROUP BY project', 'history.pivot', true,
 $q$SELECT count(t), sum(t)
	FROM (SELECT time_to(stage_history(s, d), 'registered', 'high_tech') AS t
	      FROM bench_milestones GROUP BY project_id) h$q$),
('time to high_tech, per project', 'history.pivot', 'min(d) FILTER (WHERE s = ...) x 2 GROUP BY project', 'history.pivot', false,
 $q$SELECT count(t), sum(t)
	FROM (SELECT min(d) FILTER (WHERE s = 'high_tech') - min(d) FILTER (WHERE s = 'registered') AS t
	      FROM bench_milestones GROUP BY project_id) h$q$);

-- 6. Funnels per park, per cluster and for the city (1,051 rows).  The
-- two-step way: funnel per park, then rollup() of those by ROLLUP (cluster,
-- park).  One step: funnel() under GROUP BY ROLLUP over the rows.  The
-- expert's form: counts per park and stage, then their sums by the same
-- ROLLUP and stage (the counts at each stage at each level).
INSERT INTO bench_query (grp, name, label, ref, ext, sql) VALUES
('funnel per park, cluster, city', 'rollup.ext', 'funnel() per park, then rollup() BY ROLLUP (cluster, park)', 'rollup.expert', true,
 $q$SELECT cluster, park, rollup(f)
	FROM (SELECT cluster, park, funnel(s) AS f FROM bench_projects GROUP BY cluster, park) p
	GROUP BY ROLLUP (cluster, park)$q$),
('funnel per park, cluster, city', 'rollup.grouping', 'funnel(s) GROUP BY ROLLUP (cluster, park)', 'rollup.expert', true,
 $q$SELECT cluster, park, funnel(s) FROM bench_projects GROUP BY ROLLUP (cluster, park)$q$),
('funnel per park, cluster, city', 'rollup.expert', 'count(*) per park, stage; sum() BY ROLLUP (cluster, park), stage', 'rollup.expert', false,
 $q$SELECT cluster, park, s, sum(n)
	FROM (SELECT cluster, park, s, count(*) AS n FROM bench_projects GROUP BY cluster, park, s) c
	GROUP BY ROLLUP (cluster, park), s$q$);

-- 7. Per cluster from stored per-park summaries (1,000 rows) against
-- computing the same answer from the rows again (the queries of 1, 2 and 4).
INSERT INTO bench_query (grp, name, label, ref, ext, sql) VALUES
('per cluster from stored park summaries', 'stored.funnel', 'rollup(f) of park funnels', 'funnel.ext', true,
 $q$SELECT cluster, rollup(f) FROM park_funnels GROUP BY cluster$q$),
('per cluster from stored park summaries', 'stored.funding', 'rollup(s) of park funding_stats, + total(), rounds_over()', 'funding.ext', true,
 $q$SELECT cluster, total(s, 'CNY'), total(s, 'USD'), rounds_over(s, 100000000, 'CNY'), rounds_over(s, 10000000, 'USD')
	FROM (SELECT cluster, rollup(s) AS s FROM park_funding GROUP BY cluster) x$q$),
('per cluster from stored park summaries', 'stored.sketch', 'quantiles(rollup(q), ...) of park sketches', 'quantile.ext', true,
 $q$SELECT cluster, quantiles(rollup(q), '{0.5,0.9,0.99}') FROM park_sketches GROUP BY cluster$q$);

-- 8. Rounds of one month, 4000万-1亿 CNY (about 0.1% of the rows): the GiST
-- index against a sequential scan of the same table evaluating @@ on every
-- row (parallel where allowed).  The count is an index-only scan (the leaves
-- hold the rounds; the table is all-visible).  The bitmap scan, as a query
-- that needs other columns would run, reads about 10,000 pages of the table
-- at random: the index queries are run once untimed before each timed run,
-- so that both worker settings find those pages in shared buffers
-- (otherwise the first of the two reads them from the OS cache and the
-- second does not).  The scan reads the table, 5 times shared_buffers,
-- through the OS cache either way.
INSERT INTO bench_query (grp, name, label, ref, ext, gucs, warm, sql) VALUES
('window on funding_round, 0.1%', 'gist.index', 'r @@ funding_window(...), GiST index-only scan', 'gist.scan', true,
 'enable_seqscan=off', true,
 $q$SELECT count(*) FROM bench_gist
	WHERE r @@ funding_window(daterange('2023-03-01', '2023-04-01'), numrange(40000000, 100000000), 'CNY')$q$),
('window on funding_round, 0.1%', 'gist.bitmap', 'the same, GiST bitmap scan (rows read from the table)', 'gist.scan', true,
 'enable_seqscan=off,enable_indexonlyscan=off', true,
 $q$SELECT count(*) FROM bench_gist
	WHERE r @@ funding_window(daterange('2023-03-01', '2023-04-01'), numrange(40000000, 100000000), 'CNY')$q$),
('window on funding_round, 0.1%', 'gist.scan', 'the same, sequential scan', 'gist.scan', false,
 'enable_indexscan=off,enable_bitmapscan=off', false,
 $q$SELECT count(*) FROM bench_gist
	WHERE r @@ funding_window(daterange('2023-03-01', '2023-04-01'), numrange(40000000, 100000000), 'CNY')$q$);
