--
-- stage_funnel and stage_history: the two-step stage analytics
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

--
-- funnel() on the article's figures: 3,411 projects, 209 became high-tech
-- enterprises, 66 of them above designated size
--
CREATE TABLE seed_projects AS
SELECT g AS id,
       CASE WHEN g <= 66 THEN 'above_scale' WHEN g <= 209 THEN 'high_tech' ELSE 'registered' END::project_stage AS stage
FROM generate_series(1, 3411) g;
SELECT funnel(stage) FROM seed_projects;
SELECT total(f), reached(f, 'high_tech'), reached(f, 'above_scale'), at_stage(f, 'high_tech'),
       round(conversion(f, 'registered', 'high_tech')::numeric, 4) AS to_high_tech,
       round(conversion(f, 'high_tech', 'above_scale')::numeric, 4) AS to_above_scale
FROM (SELECT funnel(stage) AS f FROM seed_projects) s;
SELECT * FROM stages((SELECT funnel(stage) FROM seed_projects)) WHERE reached > 0;
-- a conversion runs up the ladder: the other way round is an error with a hint
SELECT conversion(funnel(stage), 'high_tech', 'registered') FROM seed_projects;
SELECT conversion(funnel(stage), 'high_tech', 'high_tech') AS same_stage FROM seed_projects;

-- empty input gives an empty funnel, NULL stages are not counted
SELECT funnel(stage), total(funnel(stage)) FROM seed_projects WHERE false;
SELECT funnel(s) FROM (VALUES ('pilot'::project_stage), (NULL), ('pilot')) AS v(s);

-- text, jsonb and binary forms
SELECT '{"registered": 3142, "high_tech": 143, "above_scale": 66}'::stage_funnel;
SELECT ' { "high_tech" : 1 , "concept":2 } '::stage_funnel AS any_order_and_spacing;
SELECT '{"high_tech": 143, "above_scale": 66}'::stage_funnel::jsonb;
SELECT stage_funnel_send('{"pilot": 1}');
SELECT '{}'::stage_funnel = funnel(s) AS empty_equal FROM (SELECT NULL::project_stage s) t;

-- bad input: 22P02, with the part that failed
SELECT '{"hightec": 1}'::stage_funnel;
SELECT '{"pilot": -1}'::stage_funnel;
SELECT '{"pilot": 1, "pilot": 2}'::stage_funnel;
SELECT '[1, 2]'::stage_funnel;
SELECT '{"pilot": 99999999999999999999}'::stage_funnel;
SELECT '{"pilot": 9223372036854775807, "concept": 1}'::stage_funnel;
-- overflow while merging is 22003, never a wrap-around
SELECT rollup(f) FROM (VALUES ('{"pilot": 9223372036854775807}'::stage_funnel), ('{"pilot": 1}')) AS v(f);
-- so is a merge whose counts fit one by one but whose total does not: such
-- a value could never be read back (total() would fail)
SELECT rollup(f) FROM (VALUES ('{"concept": 9223372036854775807}'::stage_funnel), ('{"pilot": 1}')) AS v(f);
SELECT rollup(f) FROM (VALUES ('{"concept": 4611686018427387904, "pilot": 4611686018427387903}'::stage_funnel),
                              ('{"registered": 1}')) AS v(f);
SELECT total(rollup(f)) FROM (VALUES ('{"concept": 4611686018427387904}'::stage_funnel),
                                     ('{"pilot": 4611686018427387903}')) AS v(f);
-- and so is counting past it from a seeded state
CREATE AGGREGATE seeded_funnel(project_stage) (
	SFUNC = funnel_trans, STYPE = stage_funnel, INITCOND = '{"concept": 9223372036854775806}');
SELECT seeded_funnel(s) FROM (VALUES ('pilot'::project_stage)) AS v(s);
SELECT seeded_funnel(s) FROM (VALUES ('pilot'::project_stage), ('concept')) AS v(s);
-- rows are counted without summing a state while no group can pass the
-- limit, then checked one by one: from a state one row short of it, three
-- groups of one row fit (three rows in all), a group of two rows does not
SELECT g, total(seeded_funnel(s)) - 9223372036854775806 AS counted
FROM (VALUES (1, 'pilot'::project_stage), (2, 'concept'), (3, 'pilot')) AS v(g, s)
GROUP BY g ORDER BY g;
SELECT g, total(seeded_funnel(s)) FROM (VALUES (1, 'pilot'::project_stage), (2, 'concept'), (1, 'pilot')) AS v(g, s)
GROUP BY g;
DROP AGGREGATE seeded_funnel(project_stage);
-- corrupted binary input is rejected by recv (raw bytes through a bytea COPY)
CREATE TABLE funnel_in (f stage_funnel);
\copy (SELECT decode('02' || repeat('00', 128), 'hex')) TO 'results/funnel_bad1.bin' (FORMAT binary)
\copy funnel_in FROM 'results/funnel_bad1.bin' (FORMAT binary)
\copy (SELECT decode('01' || repeat('00', 8) || 'ffffffffffffffff' || repeat('00', 112), 'hex')) TO 'results/funnel_bad2.bin' (FORMAT binary)
\copy funnel_in FROM 'results/funnel_bad2.bin' (FORMAT binary)
\copy (SELECT decode('01' || repeat('00', 10), 'hex')) TO 'results/funnel_bad3.bin' (FORMAT binary)
\copy funnel_in FROM 'results/funnel_bad3.bin' (FORMAT binary)
-- and a good value goes out and back in binary
\copy (SELECT funnel(stage) FROM seed_projects) TO 'results/funnel_good.bin' (FORMAT binary)
\copy funnel_in FROM 'results/funnel_good.bin' (FORMAT binary)
SELECT f = (SELECT funnel(stage) FROM seed_projects) AS binary_round_trip FROM funnel_in;

--
-- 1,000,000 generated projects in 60 parks of 6 districts: the funnel
-- equals the plain-SQL count, serially, in parallel, rolled up from stored
-- park summaries, and after a text round trip of every park summary
--
CREATE TABLE projects AS
SELECT g AS id,
       'park-' || (abs(hashint4(g)) % 60) AS park,
       'district-' || (abs(hashint4(g)) % 60 % 6) AS district,
       (SELECT array_agg(stage ORDER BY rank) FROM stage_ladder())[1 + abs(hashint4(g * 7 + 3)) % 12] AS stage
FROM generate_series(1, 1000000) g;
ANALYZE projects;

CREATE TEMP TABLE plain_sql AS
SELECT l.stage, count(*) FILTER (WHERE p.stage >= l.stage) AS reached,
       count(*) FILTER (WHERE p.stage = l.stage) AS at_stage
FROM stage_ladder() l CROSS JOIN projects p GROUP BY l.stage;

SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial AS SELECT funnel(stage) AS f FROM projects;
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
SELECT pg_temp.runs_partial('SELECT funnel(stage) FROM projects') AS parallel_plan;
CREATE TEMP TABLE parallel AS SELECT funnel(stage) AS f FROM projects;
SELECT pg_temp.runs_partial('SELECT park, funnel(stage) FROM projects GROUP BY park') AS parallel_grouped_plan;

CREATE MATERIALIZED VIEW park_funnels AS
SELECT district, park, funnel(stage) AS f FROM projects GROUP BY district, park;
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

SELECT (SELECT f FROM serial) = (SELECT f FROM parallel) AS serial_equals_parallel,
       (SELECT f FROM serial) = (SELECT rollup(f) FROM park_funnels) AS rollup_equals_direct,
       (SELECT f FROM serial) = (SELECT rollup(f::text::stage_funnel) FROM park_funnels) AS text_round_trip,
       (SELECT f FROM serial) = (SELECT rollup(d) FROM (SELECT district, rollup(f) AS d FROM park_funnels GROUP BY district) x)
           AS park_district_city;
SELECT count(*) AS stages,
       count(*) FILTER (WHERE reached(s.f, p.stage) = p.reached AND at_stage(s.f, p.stage) = p.at_stage) AS matching
FROM serial s CROSS JOIN plain_sql p;
-- per district, from the stored summaries and from the rows, with GROUP BY ROLLUP
SELECT count(*) AS groups, count(*) FILTER (WHERE a.f = b.f) AS equal
FROM (SELECT district, rollup(f) AS f FROM park_funnels GROUP BY ROLLUP (district)) a
JOIN (SELECT district, funnel(stage) AS f FROM projects GROUP BY ROLLUP (district)) b
  ON a.district IS NOT DISTINCT FROM b.district;

--
-- stage_history: first date per stage, time to a stage, stage as of a date
--
CREATE TABLE milestones (project int, stage project_stage, reached_on date);
INSERT INTO milestones VALUES
	-- Qingyun: registered 2021, production 2022, high-tech 2023
	(1, 'registered', '2021-05-10'), (1, 'producing', '2022-03-01'), (1, 'high_tech', '2023-11-20'),
	-- a duplicate, later record of the same stage: the first date wins
	(1, 'registered', '2021-08-01'),
	(2, 'registered', '2015-01-01'), (2, 'tech_sme', '2017-03-01'), (2, 'high_tech', '2021-06-01'),
	-- reached, date unknown
	(3, 'concept', '2023-01-01'), (3, 'registered', NULL),
	-- above scale before high-tech: kept as given, flagged as out of ladder order
	(4, 'above_scale', '2020-01-01'), (4, 'high_tech', '2022-01-01'),
	(5, NULL, '2024-01-01');
SELECT project, stage_history(stage, reached_on) FROM milestones GROUP BY project ORDER BY project;
SELECT project, current_stage(h), time_to(h, 'registered', 'high_tech') AS days_to_high_tech,
       stage_on(h, '2022-01-01') AS on_2022_01_01, first_reached(h, 'registered'), is_consistent(h)
FROM (SELECT project, stage_history(stage, reached_on) AS h FROM milestones GROUP BY project) s
ORDER BY project;
SELECT stage_history(stage, reached_on)::jsonb FROM milestones WHERE project = 1;
SELECT stage_on(stage_history(stage, reached_on), 'infinity') AS at_infinity,
       stage_on(stage_history(stage, reached_on), '-infinity') AS at_minus_infinity
FROM milestones WHERE project = 1;

-- merging histories of one project from two sources: earliest date per stage
SELECT rollup(h) FROM (VALUES ('{"registered": "2021-05-10", "high_tech": null}'::stage_history),
                              ('{"registered": "2021-08-01", "high_tech": "2023-11-20"}')) AS v(h);

-- the transition function called directly with a NULL state starts from an
-- empty history, as the aggregate does (it used to raise an internal error)
SELECT history_trans(NULL, NULL, NULL) AS empty,
       history_trans(NULL, 'registered', '2021-05-10') AS one,
       history_trans(NULL, 'registered', NULL) AS undated;
CREATE AGGREGATE history_without_initcond(project_stage, date) (
	SFUNC = history_trans, STYPE = stage_history);
SELECT history_without_initcond(s, d) FROM (VALUES ('pilot'::project_stage, '2020-01-01'::date),
                                                   ('registered', '2021-05-10')) AS v(s, d);
DROP AGGREGATE history_without_initcond(project_stage, date);

-- bad input
SELECT '{"registered": "2021-02-30"}'::stage_history;
SELECT '{"registered": "1850-01-01"}'::stage_history;
SELECT '{"registered": 2021}'::stage_history;
SELECT stage_history(s, d) FROM (VALUES ('pilot'::project_stage, 'infinity'::date)) AS v(s, d);
SELECT stage_history(s, d) FROM (VALUES ('pilot'::project_stage, '1850-01-01'::date)) AS v(s, d);

-- 200,000 generated project histories: time from registration to high-tech,
-- the same serially, in parallel and rolled up
CREATE TABLE gen_milestones AS
SELECT p AS project, s.stage, date '2010-01-01' + (abs(hashint4(p * 13 + s.rank)) % 400 + s.rank * 365) AS reached_on
FROM generate_series(1, 200000) p
JOIN stage_ladder() s ON s.rank <= 4 + abs(hashint4(p)) % 6;
-- the true number of projects, so that ANALYZE's random sample cannot tip
-- the plan away from partial aggregation (the check below was flaky)
ALTER TABLE gen_milestones ALTER COLUMN project SET (n_distinct = 200000);
ANALYZE gen_milestones;
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial_h AS
SELECT project, stage_history(stage, reached_on) AS h FROM gen_milestones GROUP BY project;
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
SELECT pg_temp.runs_partial('SELECT project, stage_history(stage, reached_on) FROM gen_milestones GROUP BY project')
       AS parallel_plan;
CREATE TEMP TABLE parallel_h AS
SELECT project, stage_history(stage, reached_on) AS h FROM gen_milestones GROUP BY project;
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
SELECT count(*) AS projects, count(*) FILTER (WHERE s.h = p.h) AS serial_equals_parallel
FROM serial_h s JOIN parallel_h p USING (project);
SELECT count(*) AS projects,
       count(*) FILTER (WHERE time_to(s.h, 'registered', 'high_tech') IS NOT DISTINCT FROM p.days) AS time_to_matches,
       count(*) FILTER (WHERE p.days IS NULL) AS not_high_tech
FROM serial_h s
JOIN (SELECT project,
             min(reached_on) FILTER (WHERE stage = 'high_tech') - min(reached_on) FILTER (WHERE stage = 'registered') AS days
      FROM gen_milestones GROUP BY project) p USING (project);

DROP TABLE seed_projects, funnel_in, projects, milestones, gen_milestones CASCADE;
