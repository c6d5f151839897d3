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

-- what the current extension looks like, one row per fact; plain catalog
-- queries, so the view does not depend on the extension
CREATE VIEW member_facts (object, fact, value) AS
WITH ext AS (
	SELECT oid FROM pg_extension WHERE extname = 'innovation'
), members AS (
	SELECT d.classid, d.objid
	FROM pg_depend d
	WHERE d.refclassid = 'pg_extension'::regclass
	  AND d.refobjid = (SELECT oid FROM ext)
	  AND d.deptype = 'e'
), facts (classid, objid, fact, value) AS (
	-- every member: its comment and schema
	SELECT m.classid, m.objid, 'comment', coalesce(c.description, '<NO COMMENT>')
	FROM members m
	LEFT JOIN pg_description c
	  ON c.classoid = m.classid AND c.objoid = m.objid AND c.objsubid = 0
	UNION ALL
	SELECT m.classid, m.objid, 'schema', coalesce((pg_identify_object(m.classid, m.objid, 0)).schema, '-')
	FROM members m
	UNION ALL
	-- the extension itself
	SELECT 'pg_extension'::regclass, e.oid, f.fact, f.value
	FROM pg_extension e
	CROSS JOIN LATERAL (VALUES
		('version', e.extversion),
		('schema', e.extnamespace::regnamespace::text),
		('relocatable', e.extrelocatable::text),
		('configuration tables', coalesce(e.extconfig::regclass[]::text, '-')),
		('configuration conditions', coalesce(e.extcondition::text, '-'))
	) f (fact, value)
	WHERE e.oid = (SELECT oid FROM ext)
	UNION ALL
	-- functions and aggregates
	SELECT 'pg_proc'::regclass, p.oid, f.fact, f.value
	FROM pg_proc p
	JOIN pg_language l ON l.oid = p.prolang
	CROSS JOIN LATERAL (VALUES
		('kind', p.prokind::text),
		('arguments', pg_get_function_arguments(p.oid)),
		('result', pg_get_function_result(p.oid)),
		('language', l.lanname::text),
		('source', p.prosrc),
		('library', coalesce(p.probin, '-')),
		('volatility', p.provolatile::text),
		('strict', p.proisstrict::text),
		('parallel', p.proparallel::text),
		('security definer', p.prosecdef::text),
		('leakproof', p.proleakproof::text),
		('cost', p.procost::text),
		('rows', p.prorows::text),
		('support', p.prosupport::oid::regprocedure::text),
		('settings', coalesce(p.proconfig::text, '-')),
		('privileges', coalesce(p.proacl::text, '-'))
	) f (fact, value)
	WHERE (p.tableoid, p.oid) IN (SELECT * FROM members)
	UNION ALL
	SELECT 'pg_proc'::regclass, a.aggfnoid, f.fact, f.value
	FROM pg_aggregate a
	CROSS JOIN LATERAL (VALUES
		('aggregate kind', concat_ws(' ', a.aggkind, a.aggnumdirectargs)),
		('state type', a.aggtranstype::regtype::text),
		('state space', a.aggtransspace::text),
		('initial state', coalesce(a.agginitval, '-')),
		('transition', a.aggtransfn::oid::regprocedure::text),
		('final', concat_ws(' ', a.aggfinalfn::oid::regprocedure, a.aggfinalextra, a.aggfinalmodify)),
		('combine', a.aggcombinefn::oid::regprocedure::text),
		('serialize', a.aggserialfn::oid::regprocedure::text),
		('deserialize', a.aggdeserialfn::oid::regprocedure::text),
		('moving', concat_ws(' ', a.aggmtransfn::oid::regprocedure, a.aggminvtransfn::oid::regprocedure,
		                     a.aggmfinalfn::oid::regprocedure, a.aggmfinalextra, a.aggmfinalmodify,
		                     a.aggmtranstype::regtype, a.aggmtransspace, a.aggminitval)),
		('sort operator', a.aggsortop::regoperator::text)
	) f (fact, value)
	WHERE ('pg_proc'::regclass::oid, a.aggfnoid::oid) IN (SELECT * FROM members)
	UNION ALL
	-- types
	SELECT 'pg_type'::regclass, t.oid, f.fact, f.value
	FROM pg_type t
	CROSS JOIN LATERAL (VALUES
		('type kind', concat_ws(' ', t.typtype, t.typcategory, t.typispreferred)),
		('storage', concat_ws(' ', t.typlen, t.typbyval, t.typalign, t.typstorage, t.typdelim)),
		('input', t.typinput::oid::regprocedure::text),
		('output', t.typoutput::oid::regprocedure::text),
		('receive', t.typreceive::oid::regprocedure::text),
		('send', t.typsend::oid::regprocedure::text),
		('typmod', concat_ws(' ', t.typmodin::oid::regprocedure, t.typmodout::oid::regprocedure)),
		('analyze', t.typanalyze::oid::regprocedure::text),
		('subscript', t.typsubscript::oid::regprocedure::text),
		('element', t.typelem::regtype::text),
		('array', t.typarray::regtype::text),
		('domain', concat_ws(' ', t.typbasetype::regtype, t.typtypmod, t.typnotnull, t.typndims, t.typdefault)),
		('collation', t.typcollation::regcollation::text),
		('privileges', coalesce(t.typacl::text, '-'))
	) f (fact, value)
	WHERE (t.tableoid, t.oid) IN (SELECT * FROM members)
	UNION ALL
	SELECT 'pg_type'::regclass, r.rngtypid, f.fact, f.value
	FROM pg_range r
	CROSS JOIN LATERAL (VALUES
		('range subtype', concat_ws(' ', r.rngsubtype::regtype, r.rngcollation::regcollation)),
		('range operator class', pg_describe_object('pg_opclass'::regclass, r.rngsubopc, 0)),
		('range canonical', r.rngcanonical::oid::regprocedure::text),
		('range subdiff', r.rngsubdiff::oid::regprocedure::text),
		('multirange', r.rngmultitypid::regtype::text)
	) f (fact, value)
	WHERE ('pg_type'::regclass::oid, r.rngtypid) IN (SELECT * FROM members)
	UNION ALL
	-- attributes of composite types, with their comments
	SELECT 'pg_type'::regclass, t.oid, 'attribute ' || a.attnum,
	       concat_ws(' ', a.attname, format_type(a.atttypid, a.atttypmod),
	                 a.attcollation::regcollation, c.description)
	FROM pg_type t
	JOIN pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
	LEFT JOIN pg_description c
	  ON c.classoid = 'pg_class'::regclass AND c.objoid = t.typrelid AND c.objsubid = a.attnum
	WHERE (t.tableoid, t.oid) IN (SELECT * FROM members)
	UNION ALL
	-- operators
	SELECT 'pg_operator'::regclass, o.oid, f.fact, f.value
	FROM pg_operator o
	CROSS JOIN LATERAL (VALUES
		('result', o.oprresult::regtype::text),
		('function', o.oprcode::oid::regprocedure::text),
		('commutator', o.oprcom::regoperator::text),
		('negator', o.oprnegate::regoperator::text),
		('estimators', concat_ws(' ', o.oprrest::oid::regprocedure, o.oprjoin::oid::regprocedure)),
		('merges, hashes', concat_ws(' ', o.oprcanmerge, o.oprcanhash))
	) f (fact, value)
	WHERE (o.tableoid, o.oid) IN (SELECT * FROM members)
	UNION ALL
	-- casts
	SELECT 'pg_cast'::regclass, c.oid, 'cast',
	       concat_ws(' ', c.castfunc::regprocedure, c.castcontext, c.castmethod)
	FROM pg_cast c
	WHERE (c.tableoid, c.oid) IN (SELECT * FROM members)
	UNION ALL
	-- operator classes, and the operators and functions of operator families
	SELECT 'pg_opclass'::regclass, c.oid, 'operator class',
	       concat_ws(' ', pg_describe_object('pg_opfamily'::regclass, c.opcfamily, 0),
	                 c.opcintype::regtype, c.opcdefault, c.opckeytype::regtype)
	FROM pg_opclass c
	WHERE (c.tableoid, c.oid) IN (SELECT * FROM members)
	UNION ALL
	SELECT 'pg_opfamily'::regclass, o.amopfamily,
	       format('operator %s (%s, %s)', o.amopstrategy,
	              format_type(o.amoplefttype, NULL), format_type(o.amoprighttype, NULL)),
	       concat_ws(' ', o.amopopr::regoperator, o.amoppurpose,
	                 pg_describe_object('pg_opfamily'::regclass, nullif(o.amopsortfamily, 0), 0))
	FROM pg_amop o
	WHERE ('pg_opfamily'::regclass::oid, o.amopfamily) IN (SELECT * FROM members)
	UNION ALL
	SELECT 'pg_opfamily'::regclass, p.amprocfamily,
	       format('function %s (%s, %s)', p.amprocnum,
	              format_type(p.amproclefttype, NULL), format_type(p.amprocrighttype, NULL)),
	       p.amproc::oid::regprocedure::text
	FROM pg_amproc p
	WHERE ('pg_opfamily'::regclass::oid, p.amprocfamily) IN (SELECT * FROM members)
)
SELECT pg_describe_object(classid, objid, 0), fact, value FROM facts;

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
