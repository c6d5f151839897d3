
-- stage_multirange: created with stage_range on PostgreSQL 14 and later
-- (this part of the script is only included when building for 14+).  Every
-- update script runs it too: after pg_upgrade these objects have lost their
-- comments (src/sql/update/parts/range_members.sql makes them members again).

COMMENT ON TYPE @extschema@.stage_multirange IS 'set of disjoint stage ranges';
COMMENT ON FUNCTION @extschema@.stage_multirange() IS 'stage_multirange constructor';
COMMENT ON FUNCTION @extschema@.stage_multirange(@extschema@.stage_range) IS 'stage_multirange constructor';
COMMENT ON FUNCTION @extschema@.stage_multirange(VARIADIC @extschema@.stage_range[]) IS 'stage_multirange constructor';
COMMENT ON CAST (@extschema@.stage_range AS @extschema@.stage_multirange) IS 'a stage range as a multirange';
