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
-- it); the new default gist_funding_round_ops, with 16-byte keys, is created
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
