--
-- project_stage: ordering, operators, grouping, joins and min/max
--

-- every operator agrees with the ladder's rank, for every pair of stages
SELECT count(*) AS pairs,
       count(*) FILTER (WHERE (a.stage < b.stage) IS DISTINCT FROM (a.rank < b.rank)) AS bad_lt,
       count(*) FILTER (WHERE (a.stage <= b.stage) IS DISTINCT FROM (a.rank <= b.rank)) AS bad_le,
       count(*) FILTER (WHERE (a.stage = b.stage) IS DISTINCT FROM (a.rank = b.rank)) AS bad_eq,
       count(*) FILTER (WHERE (a.stage <> b.stage) IS DISTINCT FROM (a.rank <> b.rank)) AS bad_ne,
       count(*) FILTER (WHERE (a.stage >= b.stage) IS DISTINCT FROM (a.rank >= b.rank)) AS bad_ge,
       count(*) FILTER (WHERE (a.stage > b.stage) IS DISTINCT FROM (a.rank > b.rank)) AS bad_gt,
       count(*) FILTER (WHERE sign(project_stage_cmp(a.stage, b.stage)) <> sign(a.rank - b.rank)) AS bad_cmp
FROM stage_ladder() a, stage_ladder() b;

SELECT 'registered'::project_stage < 'high_tech' AS lt,
       '高企'::project_stage >= 'above_scale' AS ge,
       greatest('pilot'::project_stage, 'concept', 'gazelle') AS greatest,
       least('pilot'::project_stage, 'concept', 'gazelle') AS least;

-- operator metadata: commutators, negators, estimators, hash and merge joins
SELECT oprname, oprcom::regoperator AS commutator, oprnegate::regoperator AS negator,
       oprrest, oprjoin, oprcanhash, oprcanmerge
FROM pg_operator
WHERE oprleft = 'project_stage'::regtype AND oprright = 'project_stage'::regtype
ORDER BY oprname;

-- a small table of projects
CREATE TABLE projects (id int PRIMARY KEY, park text, stage project_stage);
INSERT INTO projects VALUES
	(1, 'north', 'registered'), (2, 'north', 'high_tech'), (3, 'north', '中试'),
	(4, 'south', 'above_scale'), (5, 'south', 'registered'), (6, 'south', 'unicorn'),
	(7, 'east', 'concept'), (8, 'east', 'high_tech'), (9, 'east', 'listed'),
	(10, 'east', NULL);

SELECT id, stage FROM projects ORDER BY stage, id;
SELECT id, stage FROM projects ORDER BY stage DESC NULLS LAST, id;
SELECT DISTINCT stage FROM projects ORDER BY stage;
SELECT stage, count(*) FROM projects GROUP BY stage ORDER BY stage;

-- hashed grouping and DISTINCT use the hash opclass
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT stage, count(*) FROM projects GROUP BY stage;
SELECT stage, count(*) FROM projects GROUP BY stage ORDER BY 1;
EXPLAIN (COSTS OFF) SELECT DISTINCT stage FROM projects;
RESET enable_sort;

-- the furthest and earliest stage per park
SELECT park, min(stage), max(stage), count(stage) FROM projects GROUP BY park ORDER BY park;
SELECT min(stage), max(stage) FROM projects WHERE false;

-- funnel: how many projects reached each rung (at or beyond it)
SELECT l.rank, l.stage, count(p.id) AS reached
FROM stage_ladder() l LEFT JOIN projects p ON p.stage >= l.stage
GROUP BY l.rank, l.stage ORDER BY l.rank;

-- joins on a project_stage column: hash join, merge join
CREATE TABLE targets (stage project_stage, target int);
INSERT INTO targets VALUES ('registered', 100), ('high_tech', 20), ('listed', 1);
SET enable_mergejoin = off;
SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT p.id, t.target FROM projects p JOIN targets t USING (stage);
SELECT p.id, t.target FROM projects p JOIN targets t USING (stage) ORDER BY p.id;
RESET enable_mergejoin;
SET enable_hashjoin = off;
EXPLAIN (COSTS OFF) SELECT p.id, t.target FROM projects p JOIN targets t USING (stage);
SELECT p.id, t.target FROM projects p JOIN targets t USING (stage) ORDER BY p.id;
RESET enable_hashjoin;
RESET enable_nestloop;

-- min/max run in parallel (combine function)
CREATE TABLE many AS
SELECT g AS id, (SELECT array_agg(stage ORDER BY rank) FROM stage_ladder())[1 + g % 12] AS stage
FROM generate_series(1, 50000) g;
ANALYZE many;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT min(stage), max(stage) FROM many;
SELECT min(stage), max(stage), count(*) FROM many;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

-- selectivity estimators use the statistics: estimates are close to the truth
SELECT n_distinct FROM pg_stats WHERE tablename = 'many' AND attname = 'stage';
CREATE FUNCTION pg_temp.estimate_error(cond text) RETURNS float8
LANGUAGE plpgsql AS $$
DECLARE
	plan json;
	actual float8;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON) SELECT * FROM many WHERE ' || cond INTO plan;
	EXECUTE 'SELECT count(*) FROM many WHERE ' || cond INTO actual;
	RETURN abs((plan->0->'Plan'->>'Plan Rows')::float8 - actual) / actual;
END $$;
SELECT cond, pg_temp.estimate_error(cond) < 0.1 AS within_10pct
FROM (VALUES ($$stage < 'high_tech'$$), ($$stage <= 'high_tech'$$),
             ($$stage = 'high_tech'$$), ($$stage <> 'high_tech'$$),
             ($$stage >= 'high_tech'$$), ($$stage > 'high_tech'$$),
             ($$stage BETWEEN 'pilot' AND 'gazelle'$$)) AS v(cond);

DROP TABLE projects, targets, many;
