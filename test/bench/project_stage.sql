-- project_stage against the plain-SQL alternatives: a native enum with the
-- same labels, and a text label joined to a rank lookup table.  Each query
-- runs 5 times; the median time is reported, and the ratio to the enum.
CREATE EXTENSION IF NOT EXISTS innovation;
SET max_parallel_workers_per_gather = 0;
SET work_mem = '256MB';

CREATE TYPE stage_enum AS ENUM ('concept', 'pilot', 'incubating', 'registered', 'producing',
	'tech_sme', 'high_tech', 'above_scale', 'gazelle', 'potential_unicorn', 'unicorn', 'listed');
CREATE TABLE ladder_lookup AS SELECT rank, stage::text AS label FROM stage_ladder();

CREATE TABLE bench_rows AS
SELECT g AS id, l.stage AS s, l.stage::text::stage_enum AS e, l.stage::text AS t
FROM generate_series(1, :rows) g
JOIN stage_ladder() l ON l.rank = 1 + abs(hashint4(g)) % 12;
VACUUM ANALYZE bench_rows;

\i test/bench/median_ms.psql

CREATE TEMP TABLE results (task text, way text, ms numeric);
INSERT INTO results VALUES
 ('sort', 'project_stage', pg_temp.median_ms('SELECT s FROM bench_rows ORDER BY s OFFSET 100000000')),
 ('sort', 'enum',          pg_temp.median_ms('SELECT e FROM bench_rows ORDER BY e OFFSET 100000000')),
 ('sort', 'text + lookup', pg_temp.median_ms('SELECT t FROM bench_rows b JOIN ladder_lookup l ON l.label = b.t ORDER BY l.rank OFFSET 100000000')),
 ('group by', 'project_stage', pg_temp.median_ms('SELECT s, count(*) FROM bench_rows GROUP BY s')),
 ('group by', 'enum',          pg_temp.median_ms('SELECT e, count(*) FROM bench_rows GROUP BY e')),
 ('group by', 'text + lookup', pg_temp.median_ms('SELECT t, count(*) FROM bench_rows GROUP BY t')),
 ('funnel filter', 'project_stage', pg_temp.median_ms($q$SELECT count(*) FILTER (WHERE s >= 'high_tech') FROM bench_rows$q$)),
 ('funnel filter', 'enum',          pg_temp.median_ms($q$SELECT count(*) FILTER (WHERE e >= 'high_tech') FROM bench_rows$q$)),
 ('funnel filter', 'text + lookup', pg_temp.median_ms($q$SELECT count(*) FILTER (WHERE l.rank >= 7) FROM bench_rows b JOIN ladder_lookup l ON l.label = b.t$q$)),
 ('max', 'project_stage', pg_temp.median_ms('SELECT max(s) FROM bench_rows')),
 ('max', 'enum',          pg_temp.median_ms('SELECT max(e) FROM bench_rows')),
 ('parse text', 'project_stage', pg_temp.median_ms('SELECT count(t::project_stage) FROM bench_rows')),
 ('parse text', 'enum',          pg_temp.median_ms('SELECT count(t::stage_enum) FROM bench_rows'));

SELECT task, way, ms AS median_ms,
       round(ms / (SELECT r2.ms FROM results r2 WHERE r2.task = r.task AND r2.way = 'enum'), 2) AS ratio_to_enum
FROM results r ORDER BY task, way;

SELECT pg_size_pretty(pg_column_size(s)::bigint) AS project_stage_bytes,
       pg_size_pretty(pg_column_size(e)::bigint) AS enum_bytes,
       pg_size_pretty(pg_column_size(t)::bigint) AS text_bytes
FROM bench_rows LIMIT 1;
