-- The summary aggregates against the plain-SQL way of computing the same
-- answer over the same rows.  Each query runs 5 times; the median time is
-- reported with the ratio to the plain-SQL way (below 1 = the extension is faster).
CREATE EXTENSION IF NOT EXISTS innovation;
SET max_parallel_workers_per_gather = 0;
SET work_mem = '256MB';
\i test/bench/median_ms.psql

-- :rows projects in 1,000 parks; one funding round each, in two currencies
CREATE TABLE bench_projects AS
SELECT g AS id, g % 1000 AS park, l.stage AS s,
       (abs(hashint4(g + 1)) % 4000) / 365.25 + 0.1 AS years
FROM generate_series(1, :rows) g
JOIN stage_ladder() l ON l.rank = 1 + abs(hashint4(g)) % 12;

CREATE TABLE bench_rounds AS
SELECT id, park, funding_round(kind, low, high, currency, date '2023-01-01' + id % 600) AS r,
       kind, low, (low + high) / 2 AS point, high, currency
FROM (SELECT id, park,
             (ARRAY['angel', 'pre_a', 'a', 'b', 'c', 'strategic'])[1 + id % 6] AS kind,
             (1 + abs(hashint4(id)) % 50000) * 10000::numeric AS low,
             (1 + abs(hashint4(id)) % 50000) * 10000::numeric * (1 + id % 3) AS high,
             CASE WHEN id % 10 = 0 THEN 'USD' ELSE 'CNY' END AS currency
      FROM bench_projects) x;
VACUUM ANALYZE bench_projects, bench_rounds;

-- the stored per-park summaries a city office would keep
CREATE TABLE park_funnels AS SELECT park, funnel(s) AS f FROM bench_projects GROUP BY park;
CREATE TABLE park_sketches AS SELECT park, quantile_sketch(years) AS q FROM bench_projects GROUP BY park;

CREATE TEMP TABLE results (task text, way text, ms numeric);
INSERT INTO results VALUES
 ('funnel, city', 'funnel()', pg_temp.median_ms($q$SELECT funnel(s) FROM bench_projects$q$)),
 ('funnel, city', 'count(*) FILTER x12', pg_temp.median_ms($q$SELECT
	count(*) FILTER (WHERE s >= 'concept'), count(*) FILTER (WHERE s >= 'pilot'),
	count(*) FILTER (WHERE s >= 'incubating'), count(*) FILTER (WHERE s >= 'registered'),
	count(*) FILTER (WHERE s >= 'producing'), count(*) FILTER (WHERE s >= 'tech_sme'),
	count(*) FILTER (WHERE s >= 'high_tech'), count(*) FILTER (WHERE s >= 'above_scale'),
	count(*) FILTER (WHERE s >= 'gazelle'), count(*) FILTER (WHERE s >= 'potential_unicorn'),
	count(*) FILTER (WHERE s >= 'unicorn'), count(*) FILTER (WHERE s >= 'listed')
	FROM bench_projects$q$)),
 ('funnel, per park', 'funnel()', pg_temp.median_ms($q$SELECT park, funnel(s) FROM bench_projects GROUP BY park$q$)),
 ('funnel, per park', 'GROUP BY park, stage', pg_temp.median_ms($q$SELECT park, s, count(*) FROM bench_projects GROUP BY park, s$q$)),
 ('city from park rows', 'rollup() of 1000 summaries', pg_temp.median_ms($q$SELECT rollup(f) FROM park_funnels$q$)),
 ('city from park rows', 'GROUP BY stage over raw rows', pg_temp.median_ms($q$SELECT s, count(*) FROM bench_projects GROUP BY s$q$)),
 ('median and p90', 'quantile_sketch()', pg_temp.median_ms($q$SELECT quantiles(quantile_sketch(years), '{0.5,0.9}') FROM bench_projects$q$)),
 ('median and p90', 'percentile_disc', pg_temp.median_ms($q$SELECT percentile_disc('{0.5,0.9}'::float8[]) WITHIN GROUP (ORDER BY years) FROM bench_projects$q$)),
 ('median, city from parks', 'rollup() of 1000 sketches', pg_temp.median_ms($q$SELECT quantile(rollup(q), 0.5) FROM park_sketches$q$)),
 ('median, city from parks', 'percentile_disc over raw rows', pg_temp.median_ms($q$SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY years) FROM bench_projects$q$)),
 ('funding totals', 'funding_stats()', pg_temp.median_ms($q$SELECT funding_stats(r) FROM bench_rounds$q$)),
 ('funding totals', 'sum() per currency', pg_temp.median_ms($q$SELECT currency, count(*), sum(low), sum(point), sum(high),
	count(*) FILTER (WHERE point >= 1e7), count(*) FILTER (WHERE point >= 5e7),
	count(*) FILTER (WHERE point >= 1e8), count(*) FILTER (WHERE point >= 1e9)
	FROM bench_rounds GROUP BY currency$q$)),
 ('funding per park', 'funding_stats()', pg_temp.median_ms($q$SELECT park, funding_stats(r) FROM bench_rounds GROUP BY park$q$)),
 ('funding per park', 'sum() per park, currency', pg_temp.median_ms($q$SELECT park, currency, count(*), sum(low), sum(point), sum(high),
	count(*) FILTER (WHERE point >= 1e7), count(*) FILTER (WHERE point >= 1e8)
	FROM bench_rounds GROUP BY park, currency$q$));

-- the first way of each task is the extension's, the second the plain-SQL one
SELECT task, way, round(ms, 1) AS median_ms,
       round(ms / last_value(ms) OVER (PARTITION BY task ORDER BY ctid
             ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING), 3) AS ratio_to_plain_sql
FROM results
ORDER BY ctid;

-- the answers agree
SELECT (SELECT rollup(f) FROM park_funnels) = (SELECT funnel(s) FROM bench_projects) AS rollup_equal,
       (SELECT reached(funnel(s), 'high_tech') FROM bench_projects)
           = (SELECT count(*) FROM bench_projects WHERE s >= 'high_tech') AS high_tech_equal,
       (SELECT total(funding_stats(r), 'CNY') FROM bench_rounds)
           = (SELECT sum(amount_point(r)) FROM bench_rounds WHERE currency = 'CNY') AS total_equal;
