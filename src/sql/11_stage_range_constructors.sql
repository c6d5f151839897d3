
-- The constructors CREATE TYPE ... AS RANGE made for stage_range.  Every
-- update script runs this part too: after pg_upgrade these functions have
-- lost their comments (src/sql/update/parts/range_members.sql makes them
-- members again).

COMMENT ON FUNCTION @extschema@.stage_range(@extschema@.project_stage, @extschema@.project_stage) IS
'stage_range constructor';
COMMENT ON FUNCTION @extschema@.stage_range(@extschema@.project_stage, @extschema@.project_stage, text) IS
'stage_range constructor';
