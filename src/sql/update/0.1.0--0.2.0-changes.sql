-- innovation: upgrade from 0.1.0 to 0.2.0 (ALTER EXTENSION innovation UPDATE).
--
-- The upgrade script is this file followed by the parts of the install
-- script that are new in 0.2.0, whole (UPGRADE_PARTS_0.2.0 in the Makefile).
-- This file changes what 0.1.0 already had, with the same definition and
-- comment as the install script: the `upgrade` regression test installs
-- 0.1.0, runs the upgrade script and compares the result with a fresh
-- install of 0.2.0, object by object.  The same rules as
-- for the install script apply (see test/lint_sql.py); unlike it, this script
-- may use CREATE OR REPLACE on objects the extension already owns.

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION innovation UPDATE TO '0.2.0'" to load this file. \quit

-- typed input reads the setting innovation.default_currency (src/sql/20_funding_round.sql)
ALTER FUNCTION @extschema@.funding_round_in(cstring) STABLE;
COMMENT ON FUNCTION @extschema@.funding_round_in(cstring) IS 'I/O (reads innovation.default_currency)';

-- round_kind(funding_round) returns the round_kind type and round_kinds()
-- lists it (src/sql/27_round_kind.sql, which this script runs whole): the
-- functions of 0.1.0 returning text make way.  A view of the user's that
-- uses either makes this update fail; drop it first and recreate it after.
DROP FUNCTION @extschema@.round_kind(@extschema@.funding_round);
DROP FUNCTION @extschema@.round_kinds();

-- kinds(funding_stats) gains the family and returns the kind as round_kind
-- (src/sql/55_funding_stats_kinds.sql)
DROP FUNCTION @extschema@.kinds(@extschema@.funding_stats);

-- accessors named like standard aggregates hid them (count(s) over a column
-- of sketches called the accessor per row): renamed, the same functions
ALTER FUNCTION @extschema@.count(@extschema@.quantile_sketch) RENAME TO value_count;
ALTER FUNCTION @extschema@.min(@extschema@.quantile_sketch) RENAME TO min_value;
ALTER FUNCTION @extschema@.max(@extschema@.quantile_sketch) RENAME TO max_value;
ALTER FUNCTION @extschema@.mean(@extschema@.quantile_sketch) RENAME TO mean_value;

-- over no rows the sketch aggregates give the empty sketch, not NULL, as
-- every summary aggregate does: the final function is called on NULL
ALTER FUNCTION @extschema@.quantile_sketch_final(@extschema@.quantile_sketch) CALLED ON NULL INPUT;

-- funding_stats counts rounds at 1, 2, 3 and 5 x 10^n (format version 2;
-- values stored by 0.1.0 read, with the counts at 2 and 3 x 10^n unknown)
COMMENT ON FUNCTION @extschema@.rounds_over(@extschema@.funding_stats, numeric, text) IS 'rounds whose point amount is at or above a standard threshold (1, 2, 3 or 5 x 10^k, 10^4 to 5 x 10^11)';

-- GiST: 0.1.0's operator class (32-byte keys) stays, renamed and no longer
-- the default, so that the indexes it built keep working (REINDEX keeps
-- it); the new default gist_funding_round_ops, with compact keys, is created
-- by src/sql/22_funding_round_gist.sql.  PostgreSQL has no ALTER OPERATOR
-- CLASS ... DEFAULT, and two default classes for one type and access method
-- are refused: the flag is cleared in the catalog (superuser, as this
-- script runs; the class is identified by its name and input type).
ALTER OPERATOR CLASS @extschema@.gist_funding_round_ops USING gist RENAME TO gist_funding_round_v1_ops;
ALTER OPERATOR FAMILY @extschema@.gist_funding_round_ops USING gist RENAME TO gist_funding_round_v1_ops;
UPDATE pg_catalog.pg_opclass SET opcdefault = false
WHERE opcname OPERATOR(pg_catalog.=) 'gist_funding_round_v1_ops'
  AND opcintype OPERATOR(pg_catalog.=) pg_catalog.pg_typeof(NULL::@extschema@.funding_round)
  AND opcmethod OPERATOR(pg_catalog.=) (SELECT oid FROM pg_catalog.pg_am WHERE amname OPERATOR(pg_catalog.=) 'gist');
COMMENT ON OPERATOR CLASS @extschema@.gist_funding_round_v1_ops USING gist IS
'0.1.0''s class (32-byte keys), kept for the indexes it built: answers @@ funding_window';
COMMENT ON OPERATOR FAMILY @extschema@.gist_funding_round_v1_ops USING gist IS
'0.1.0''s class (32-byte keys), kept for the indexes it built: answers @@ funding_window';
COMMENT ON TYPE @extschema@.funding_round_gist_key IS 'internal: GiST key of gist_funding_round_v1_ops (a 32-byte bounding box)';

-- amvalidate() wants a GiST consistent function declared with the indexed
-- type as its second argument; 0.1.0 declared this class's with
-- funding_window, the query type (GiST passes the query whatever the
-- declaration says, so only the declaration is wrong).  A class's support
-- function cannot be swapped (ALTER OPERATOR FAMILY ... DROP FUNCTION 1 is
-- refused: the class requires it) and ALTER FUNCTION cannot change argument
-- types, so the declaration is corrected in the catalog, as contrib's
-- upgrades to PostgreSQL 9.6 did for seg, intarray and pg_trgm.  The
-- function keeps its OID: sessions that already use one of these indexes
-- hold its support functions by OID (PostgreSQL never refreshes that cache)
-- and go on working.  Its dependency on its argument's type follows.
UPDATE pg_catalog.pg_depend
SET refobjid = pg_catalog.pg_typeof(NULL::@extschema@.funding_round)
WHERE classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
  AND refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_type'::pg_catalog.regclass
  AND refobjid OPERATOR(pg_catalog.=) pg_catalog.pg_typeof(NULL::@extschema@.funding_window)
  AND deptype OPERATOR(pg_catalog.=) 'n'
  AND objid OPERATOR(pg_catalog.=) (
	SELECT p.oid FROM pg_catalog.pg_proc p
	WHERE p.proname OPERATOR(pg_catalog.=) 'funding_round_gist_consistent'
	  AND p.pronamespace OPERATOR(pg_catalog.=) (SELECT e.extnamespace FROM pg_catalog.pg_extension e
	                                             WHERE e.extname OPERATOR(pg_catalog.=) 'innovation')
	  AND p.proargtypes[1] OPERATOR(pg_catalog.=) pg_catalog.pg_typeof(NULL::@extschema@.funding_window));
UPDATE pg_catalog.pg_proc
SET proargtypes = pg_catalog.array_to_string(ARRAY[
	'pg_catalog.internal'::pg_catalog.regtype, pg_catalog.pg_typeof(NULL::@extschema@.funding_round),
	'pg_catalog.int2'::pg_catalog.regtype, 'pg_catalog.oid'::pg_catalog.regtype,
	'pg_catalog.internal'::pg_catalog.regtype]::pg_catalog.oid[], ' ')::pg_catalog.oidvector
WHERE proname OPERATOR(pg_catalog.=) 'funding_round_gist_consistent'
  AND pronamespace OPERATOR(pg_catalog.=) (SELECT e.extnamespace FROM pg_catalog.pg_extension e
                                           WHERE e.extname OPERATOR(pg_catalog.=) 'innovation')
  AND proargtypes[1] OPERATOR(pg_catalog.=) pg_catalog.pg_typeof(NULL::@extschema@.funding_window);

-- the install and upgrade scripts are ASCII, so that they run in a database
-- of any encoding (0.1.0's comments quoted Chinese text, which LATIN1 and
-- others cannot hold; test/lint_sql.py checks)
COMMENT ON FUNCTION @extschema@.funding_round(text) IS
'parse funding text in Chinese or English, such as ''Series B, $25M, 2023-06-15'' (doc/funding_round.md)';
COMMENT ON FUNCTION @extschema@.open_rounds(@extschema@.funding_stats, text) IS 'rounds whose amount has no upper bound (such as "100 million yuan and above")';
