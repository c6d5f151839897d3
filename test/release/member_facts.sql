-- member_facts: every member object of the extension innovation, one row
-- per fact (object, fact, value), without OIDs: its comment and schema, and
-- the properties that matter (functions' signatures, defaults, labels and C
-- symbols; types' support functions; operators, casts, aggregates, operator
-- class members...).  Shared by the `upgrade` regression test
-- (sql/upgrade.sql) and test/release/upgrade-dump.sh, which compare the
-- facts of an updated, upgraded or restored extension with a fresh install.
-- Plain catalog queries, so the view does not depend on the extension.
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
