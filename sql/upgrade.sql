--
-- The upgrade path: ALTER EXTENSION innovation UPDATE takes every earlier
-- version to the default one, and the result equals a fresh install, object
-- by object.  Each member object is recorded with its comment and the
-- properties that matter (functions' signatures, defaults, labels and C
-- symbols; types' support functions; operators, casts, aggregates, operator
-- class members...) as (object, fact, value) rows, without OIDs; any drift
-- between src/sql/*.sql and src/sql/update/ shows below as a row naming the
-- object and the fact that differs.
--
\set regress_db :DBNAME
SET client_min_messages = warning;
DROP DATABASE IF EXISTS innovation_upgrade;
RESET client_min_messages;
CREATE DATABASE innovation_upgrade TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C';
\c innovation_upgrade

-- what the current extension looks like, one row per fact (the view
-- member_facts, shared with test/release/upgrade-dump.sh)
\i test/release/member_facts.sql

CREATE TABLE facts (side text, object text, fact text, value text);

-- the versions there are, and the update paths between them
SELECT default_version FROM pg_available_extensions WHERE name = 'innovation';
SELECT source, target, path
FROM pg_extension_update_paths('innovation')
WHERE path IS NOT NULL
ORDER BY string_to_array(source, '.')::int[], string_to_array(target, '.')::int[];

-- 0.1.0, the first release, updated to the default version
CREATE EXTENSION innovation VERSION '0.1.0';
ALTER EXTENSION innovation UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'innovation';
INSERT INTO facts SELECT 'upgraded', * FROM member_facts;
DROP EXTENSION innovation;

-- a fresh install of the default version
CREATE EXTENSION innovation;
SELECT extversion FROM pg_extension WHERE extname = 'innovation';
INSERT INTO facts SELECT 'fresh', * FROM member_facts;
DROP EXTENSION innovation;

-- member objects and recorded facts on each side
SELECT side,
       count(DISTINCT object) FILTER (WHERE object <> 'extension innovation') AS member_objects,
       count(*) AS facts
FROM facts GROUP BY side ORDER BY side;

-- in the upgraded extension but not in a fresh install (expect no rows)
SELECT object, fact, value FROM facts WHERE side = 'upgraded'
EXCEPT
SELECT object, fact, value FROM facts WHERE side = 'fresh'
ORDER BY 1, 2, 3;

-- in a fresh install but not in the upgraded extension (expect no rows)
SELECT object, fact, value FROM facts WHERE side = 'fresh'
EXCEPT
SELECT object, fact, value FROM facts WHERE side = 'upgraded'
ORDER BY 1, 2, 3;

-- every earlier version: ALTER EXTENSION innovation UPDATE reaches the
-- default version, and the result differs from a fresh install in no fact
CREATE TABLE updates (source text, path text, reached text);
DO $$
DECLARE
	v record;
BEGIN
	FOR v IN
		SELECT u.source, u.path
		FROM pg_extension_update_paths('innovation') u
		JOIN pg_available_extensions a ON a.name = 'innovation' AND u.target = a.default_version
	LOOP
		INSERT INTO updates VALUES (v.source, v.path, NULL);
		CONTINUE WHEN v.path IS NULL;
		EXECUTE format('CREATE EXTENSION innovation VERSION %L', v.source);
		ALTER EXTENSION innovation UPDATE;
		UPDATE updates SET reached = e.extversion
		FROM pg_extension e WHERE e.extname = 'innovation' AND updates.source = v.source;
		INSERT INTO facts SELECT 'from ' || v.source, * FROM member_facts;
		DROP EXTENSION innovation;
	END LOOP;
END $$;
SELECT u.source, u.path, u.reached,
       (SELECT count(*) FROM (
           (SELECT object, fact, value FROM facts WHERE side = 'from ' || u.source
            EXCEPT SELECT object, fact, value FROM facts WHERE side = 'fresh')
           UNION ALL
           (SELECT object, fact, value FROM facts WHERE side = 'fresh'
            EXCEPT SELECT object, fact, value FROM facts WHERE side = 'from ' || u.source)
        ) d) AS differing_facts
FROM updates u
ORDER BY string_to_array(u.source, '.')::int[];

-- what pg_upgrade does to the objects CREATE TYPE ... AS RANGE makes beside
-- stage_range (test/release/upgrade-dump.sh runs pg_upgrade itself): they
-- stop being members and lose their comments.  The update adds them back
-- and comments them, here in a schema whose name needs quoting, reached
-- through no search_path of the session's
CREATE SCHEMA "Innovation Data";
CREATE EXTENSION innovation VERSION '0.1.0' SCHEMA "Innovation Data";
SET search_path = "Innovation Data", public;
ALTER EXTENSION innovation DROP TYPE stage_multirange;
ALTER EXTENSION innovation DROP FUNCTION stage_multirange();
ALTER EXTENSION innovation DROP FUNCTION stage_multirange(stage_range);
ALTER EXTENSION innovation DROP FUNCTION stage_multirange(stage_range[]);
ALTER EXTENSION innovation DROP FUNCTION stage_range(project_stage, project_stage);
ALTER EXTENSION innovation DROP FUNCTION stage_range(project_stage, project_stage, text);
ALTER EXTENSION innovation DROP CAST (stage_range AS stage_multirange);
COMMENT ON TYPE stage_multirange IS NULL;
COMMENT ON FUNCTION stage_range(project_stage, project_stage) IS NULL;
COMMENT ON CAST (stage_range AS stage_multirange) IS NULL;
SELECT count(*) AS still_members FROM pg_depend
WHERE deptype = 'e' AND objid IN ('stage_multirange'::regtype, 'stage_multirange()'::regprocedure,
                                  'stage_multirange(stage_range)'::regprocedure,
                                  'stage_multirange(stage_range[])'::regprocedure,
                                  'stage_range(project_stage, project_stage)'::regprocedure,
                                  'stage_range(project_stage, project_stage, text)'::regprocedure);
RESET search_path;
SET search_path = public;
ALTER EXTENSION innovation UPDATE;
RESET search_path;
INSERT INTO facts SELECT 'repaired', * FROM member_facts;
DROP EXTENSION innovation;
CREATE EXTENSION innovation SCHEMA "Innovation Data";
INSERT INTO facts SELECT 'fresh in a schema', * FROM member_facts;
DROP EXTENSION innovation;
DROP SCHEMA "Innovation Data";
SELECT count(DISTINCT object) FILTER (WHERE side = 'repaired')
       = count(DISTINCT object) FILTER (WHERE side = 'fresh in a schema') AS same_members,
       count(*) FILTER (WHERE side = 'repaired') = count(*) FILTER (WHERE side = 'fresh in a schema') AS same_facts
FROM facts;
-- differences (expect no rows)
(SELECT 'repaired only' AS side, object, fact, value FROM facts WHERE side = 'repaired'
 EXCEPT SELECT 'repaired only', object, fact, value FROM facts WHERE side = 'fresh in a schema')
UNION ALL
(SELECT 'fresh only', object, fact, value FROM facts WHERE side = 'fresh in a schema'
 EXCEPT SELECT 'fresh only', object, fact, value FROM facts WHERE side = 'repaired')
ORDER BY 1, 2, 3;

-- a GiST index that 0.1.0 built keeps its class (renamed
-- gist_funding_round_v1_ops) and its answers through the update and a
-- REINDEX; a new index takes 0.2.0's default class, and answers the same
CREATE EXTENSION innovation VERSION '0.1.0';
CREATE TABLE old_rounds AS
SELECT g AS id,
       funding_round('a', 1000 * (g % 5000 + 1), 1500 * (g % 5000 + 1), CASE WHEN g % 3 = 0 THEN 'USD' ELSE 'CNY' END,
                     CASE WHEN g % 17 = 0 THEN NULL ELSE date '2020-01-01' + g % 1000 END) AS r
FROM generate_series(1, 20000) g;
CREATE INDEX old_rounds_gist ON old_rounds USING gist (r);
ALTER EXTENSION innovation UPDATE;
SELECT pg_get_indexdef('old_rounds_gist'::regclass);
-- the update corrected the declaration of 0.1.0's consistent function (its
-- second argument is the indexed type): both classes validate, and the
-- function depends on funding_round, no longer on funding_window
SELECT c.opcname, amvalidate(c.oid) AS valid
FROM pg_opclass c WHERE c.opcname LIKE 'gist_funding_round%' ORDER BY 1;
SELECT p.oid::regprocedure AS function, d.refobjid::regtype AS argument_type
FROM pg_proc p JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid
  AND d.refclassid = 'pg_type'::regclass
WHERE p.proname = 'funding_round_gist_consistent' ORDER BY 2;
CREATE TABLE old_windows (id int, w funding_window);
INSERT INTO old_windows VALUES
	(1, funding_window(daterange('2020-03-01', '2020-05-01'), numrange(100000, 2000000), 'CNY')),
	(2, funding_window(NULL, numrange(4000000, NULL), 'USD')),
	(3, funding_window(daterange('2021-01-01', '2022-01-01'))),
	(4, funding_window(currency => 'CNY'));
SET enable_indexscan = off;
SET enable_bitmapscan = off;
CREATE TABLE old_answers AS
SELECT w.id, (SELECT count(*) FROM old_rounds r WHERE r.r @@ w.w) AS n FROM old_windows w;
RESET enable_indexscan;
RESET enable_bitmapscan;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM old_rounds WHERE r @@ funding_window(currency => 'CNY');
SELECT a.id, a.n, (SELECT count(*) FROM old_rounds r WHERE r.r @@ w.w) = a.n AS v1_index_agrees
FROM old_answers a JOIN old_windows w USING (id) ORDER BY a.id;
REINDEX INDEX old_rounds_gist;
SELECT pg_get_indexdef('old_rounds_gist'::regclass);
SELECT a.id, (SELECT count(*) FROM old_rounds r WHERE r.r @@ w.w) = a.n AS reindexed_agrees
FROM old_answers a JOIN old_windows w USING (id) ORDER BY a.id;
CREATE INDEX new_rounds_gist ON old_rounds USING gist (r);
SELECT pg_get_indexdef('new_rounds_gist'::regclass);
DROP INDEX old_rounds_gist;
EXPLAIN (COSTS OFF) SELECT count(*) FROM old_rounds WHERE r @@ funding_window(currency => 'CNY');
SELECT a.id, (SELECT count(*) FROM old_rounds r WHERE r.r @@ w.w) = a.n AS new_index_agrees
FROM old_answers a JOIN old_windows w USING (id) ORDER BY a.id;
RESET enable_seqscan;
DROP TABLE old_rounds, old_windows, old_answers;
DROP EXTENSION innovation;

\c :regress_db
DROP DATABASE innovation_upgrade;
