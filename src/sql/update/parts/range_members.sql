
-- Members lost by pg_upgrade (part of every update script; see
-- doc/administration.md, "pg_upgrade").  CREATE TYPE ... AS RANGE creates
-- more than the range type: its constructor functions, on PostgreSQL 14 and
-- later its multirange type with that type's constructors and the cast from
-- range to multirange.  The binary-upgrade dump that pg_upgrade restores
-- re-creates the range type, and with it those objects, but marks only the
-- range type as a member of the extension, and it dumps no comment for the
-- others: after pg_upgrade they are no longer members and have no comment.
-- Each one that is not a member is added back here (on a cluster that did
-- not go through pg_upgrade there are none); the update script then
-- comments them again with the install script's own COMMENT statements.
-- Names are built from the catalogs, schema-qualified, so that nothing here
-- depends on search_path.
DO $$
DECLARE
	m record;
BEGIN
	FOR m IN
		WITH ext AS (
			SELECT e.oid FROM pg_catalog.pg_extension e
			WHERE e.extname OPERATOR(pg_catalog.=) 'innovation'
		), ranges AS (
			-- the extension's range types and their multirange types
			SELECT r.rngtypid AS typid, r.rngmultitypid AS multitypid
			FROM pg_catalog.pg_range r
			JOIN pg_catalog.pg_depend d
			  ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_type'::pg_catalog.regclass
			 AND d.objid OPERATOR(pg_catalog.=) r.rngtypid
			 AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_extension'::pg_catalog.regclass
			 AND d.refobjid OPERATOR(pg_catalog.=) (SELECT oid FROM ext)
			 AND d.deptype OPERATOR(pg_catalog.=) 'e'
		), made AS (
			-- what CREATE TYPE made with them: the multirange types, and the
			-- functions and casts that are internally part of either type
			SELECT 'pg_catalog.pg_type'::pg_catalog.regclass::pg_catalog.oid AS classid, multitypid AS objid
			FROM ranges WHERE multitypid OPERATOR(pg_catalog.<>) 0
			UNION
			SELECT d.classid, d.objid
			FROM pg_catalog.pg_depend d
			WHERE d.classid OPERATOR(pg_catalog.=) ANY (ARRAY['pg_catalog.pg_proc'::pg_catalog.regclass,
			                                                  'pg_catalog.pg_cast'::pg_catalog.regclass])
			  AND d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_type'::pg_catalog.regclass
			  AND d.deptype OPERATOR(pg_catalog.=) 'i'
			  AND (d.refobjid OPERATOR(pg_catalog.=) ANY (ARRAY(SELECT typid FROM ranges))
			       OR d.refobjid OPERATOR(pg_catalog.=) ANY (ARRAY(SELECT multitypid FROM ranges)))
		)
		SELECT made.classid, made.objid
		FROM made
		WHERE NOT EXISTS (
			SELECT FROM pg_catalog.pg_depend d
			WHERE d.classid OPERATOR(pg_catalog.=) made.classid
			  AND d.objid OPERATOR(pg_catalog.=) made.objid
			  AND d.deptype OPERATOR(pg_catalog.=) 'e')
		ORDER BY made.classid, made.objid
	LOOP
		EXECUTE pg_catalog.format('ALTER EXTENSION innovation ADD %s',
		                          CASE
		                          WHEN m.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_type'::pg_catalog.regclass THEN
		                              (SELECT pg_catalog.format('TYPE %I.%I', n.nspname, t.typname)
		                               FROM pg_catalog.pg_type t
		                               JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) t.typnamespace
		                               WHERE t.oid OPERATOR(pg_catalog.=) m.objid)
		                          WHEN m.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass THEN
		                              (SELECT pg_catalog.format('FUNCTION %I.%I(%s)', n.nspname, p.proname,
		                                  (SELECT pg_catalog.string_agg(pg_catalog.format('%I.%I', tn.nspname, t.typname),
		                                                                ', ' ORDER BY a.i)
		                                   FROM pg_catalog.unnest(p.proargtypes::pg_catalog.oid[]) WITH ORDINALITY a (typid, i)
		                                   JOIN pg_catalog.pg_type t ON t.oid OPERATOR(pg_catalog.=) a.typid
		                                   JOIN pg_catalog.pg_namespace tn ON tn.oid OPERATOR(pg_catalog.=) t.typnamespace))
		                               FROM pg_catalog.pg_proc p
		                               JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) p.pronamespace
		                               WHERE p.oid OPERATOR(pg_catalog.=) m.objid)
		                          ELSE
		                              (SELECT pg_catalog.format('CAST (%I.%I AS %I.%I)', sn.nspname, s.typname,
		                                                        tn.nspname, t.typname)
		                               FROM pg_catalog.pg_cast c
		                               JOIN pg_catalog.pg_type s ON s.oid OPERATOR(pg_catalog.=) c.castsource
		                               JOIN pg_catalog.pg_namespace sn ON sn.oid OPERATOR(pg_catalog.=) s.typnamespace
		                               JOIN pg_catalog.pg_type t ON t.oid OPERATOR(pg_catalog.=) c.casttarget
		                               JOIN pg_catalog.pg_namespace tn ON tn.oid OPERATOR(pg_catalog.=) t.typnamespace
		                               WHERE c.oid OPERATOR(pg_catalog.=) m.objid)
		                          END);
	END LOOP;
END $$;
