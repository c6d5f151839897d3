
-- stage_multirange is writable as a string, as stage_range is
-- (70_text_casts.sql; this part of the script is only included when
-- building for 14+)

CREATE CAST (text AS @extschema@.stage_multirange) WITH INOUT AS ASSIGNMENT;
CREATE CAST (varchar AS @extschema@.stage_multirange) WITH INOUT AS ASSIGNMENT;
CREATE CAST (bpchar AS @extschema@.stage_multirange) WITH INOUT AS ASSIGNMENT;

COMMENT ON CAST (text AS @extschema@.stage_multirange) IS 'read a stage multirange from its text form';
COMMENT ON CAST (varchar AS @extschema@.stage_multirange) IS 'read a stage multirange from its text form';
COMMENT ON CAST (bpchar AS @extschema@.stage_multirange) IS 'read a stage multirange from its text form';
