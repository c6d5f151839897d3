-- The bench's data: :rows projects, :rows funding rounds and :rows milestones,
-- every value a function of the row number through hashint4(), so that every
-- run at a size reads the same rows.  One INSERT ... SELECT per table, into
-- UNLOGGED tables (no WAL), one VACUUM ANALYZE at the end.  Included by
-- bench.sql.
--
--   bench_projects    id, park (1,000), cluster (50, park % 50: a park lies in
--                     one cluster), s project_stage (lower rungs more common)
--   bench_rounds      one funding round per row: the project it belongs to (a
--                     project has 0, 1 or several), its park and cluster, and
--                     the round twice: as a funding_round r and as the plain
--                     columns a skilled user would keep (kind, currency, low,
--                     point, high, announced), read from r, so that both ways
--                     see the same amounts
--   bench_rounds_1m   the rounds of the first tenth of the projects (1,000,000
--                     at the reference size): many small groups
--   bench_milestones  four milestones each for the first quarter of the
--                     projects: pilot or incubating, registered or producing,
--                     tech_sme or high_tech, above_scale or gazelle, 0-499 days
--                     apart
--   bench_gist        id and r only, for the GiST index (an index against
--                     the table it indexes, not against the wide bench_rounds)
--   park_funnels, park_funding, park_sketches   stored per-park summaries

-- Drawing a stage: the smaller of two uniform draws among 12 rungs, so the
-- ladder thins out as it rises (concept 16%, listed 0.7%).
CREATE UNLOGGED TABLE bench_projects (id int, park int, cluster int, s project_stage);
INSERT INTO bench_projects
SELECT g, g % 1000, g % 1000 % 50, l.stage
FROM generate_series(1, :rows) g
JOIN stage_ladder() l ON l.rank = 1 + least(abs(hashint4(g)) % 12, abs(hashint4(-g)) % 12);

-- Amounts: log-uniform from 100万 to 100亿 (1e6 .. 1e10), rounded to 万; one
-- round in three a range up to 1.5 times its low end; one in ten in USD.
-- Dates: days of 2016-2023 (2,922 days).
CREATE UNLOGGED TABLE bench_rounds (
	id int, project_id int, park int, cluster int,
	kind text, currency text, low numeric, point numeric, high numeric, announced date,
	r funding_round);
INSERT INTO bench_rounds
SELECT id, project_id, project_id % 1000, project_id % 1000 % 50,
       kind, currency, amount_low(r), amount_point(r), amount_high(r), announced, r
FROM (SELECT id, project_id, kind, currency, announced,
             funding_round(kind, wan * 10000::numeric, (wan + wan * extra / 2000) * 10000::numeric,
                           currency, announced) AS r
      FROM (SELECT g AS id,
                   1 + h1 % :rows AS project_id,
                   (ARRAY['angel', 'pre_a', 'a', 'b', 'c', 'strategic'])[1 + h2 % 6] AS kind,
                   CASE WHEN h2 / 6 % 10 = 0 THEN 'USD' ELSE 'CNY' END AS currency,
                   date '2016-01-01' + (h2 / 60 % 2922)::int AS announced,
                   -- the low end in 万, 100 .. 1,000,000; a range's width in 1/2000ths
                   round(exp(ln(100::float8) + (h3 % 1000003) / 1000003.0::float8 * ln(1e4::float8)))::bigint AS wan,
                   CASE WHEN h3 / 1000003 % 3 = 0 THEN h3 / 3000009 % 1000 ELSE 0 END AS extra
            FROM (SELECT g, abs(hashint4(g)::bigint) AS h1, abs(hashint4(-g)::bigint) AS h2,
                         abs(hashint4(g + 1000000000)::bigint) AS h3
                  FROM generate_series(1, :rows) g) h
            OFFSET 0) a    -- OFFSET 0: each value computed once, not once per use
      OFFSET 0) b;

CREATE UNLOGGED TABLE bench_rounds_1m AS
SELECT * FROM bench_rounds WHERE project_id <= :rows / 10;

CREATE UNLOGGED TABLE bench_milestones (project_id int, s project_stage, d date);
INSERT INTO bench_milestones
SELECT (g + 3) / 4, l.stage, date '2010-01-01' + ((g - 1) % 4 * 500 + abs(hashint4(-g)) % 500)
FROM generate_series(1, :rows) g
JOIN stage_ladder() l ON l.rank = 2 + (g - 1) % 4 * 2 + abs(hashint4(g)) % 2;

CREATE UNLOGGED TABLE bench_gist (id int, r funding_round);
INSERT INTO bench_gist SELECT id, r FROM bench_rounds;

VACUUM ANALYZE bench_projects, bench_rounds, bench_rounds_1m, bench_milestones, bench_gist;

-- the stored per-park summaries a city office would keep
CREATE UNLOGGED TABLE park_funnels AS
SELECT cluster, park, funnel(s) AS f FROM bench_projects GROUP BY cluster, park;
CREATE UNLOGGED TABLE park_funding AS
SELECT cluster, park, funding_stats(r) AS s FROM bench_rounds GROUP BY cluster, park;
CREATE UNLOGGED TABLE park_sketches AS
SELECT cluster, park, quantile_sketch(point::float8) AS q
FROM bench_rounds WHERE currency = 'CNY' GROUP BY cluster, park;
VACUUM ANALYZE park_funnels, park_funding, park_sketches;
