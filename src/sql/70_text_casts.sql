
--
-- Every type with a text form is writable as a string: assignment casts
-- from text, varchar and bpchar, so that a client that sends a string
-- parameter typed as one of them -- JDBC setString() (varchar),
-- setObject(x, Types.CHAR) (bpchar), psycopg's %b or a text-typed
-- parameter -- can INSERT or UPDATE a column of the type without a cast in
-- the SQL.  (Untyped parameters and literals need no cast: the server types
-- them from the column.)  They are I/O conversion casts: the string goes
-- through the type's input function, as a literal would, with its errors.
--
-- project_stage, funding_round and round_kind already read text and varchar
-- through their own cast functions (10_project_stage.sql,
-- 20_funding_round.sql, 27_round_kind.sql); here they gain bpchar.
-- funding_window is a composite: its text form is the row literal, e.g.
-- ("[2024-01-01,2025-01-01)","[10000000,)",CNY).  The GiST key types have
-- no text form (their input refuses) and get no cast.
-- stage_multirange's casts are in pg14/70_stage_multirange_casts.sql.
--

CREATE CAST (bpchar AS @extschema@.project_stage) WITH INOUT AS ASSIGNMENT;
CREATE CAST (bpchar AS @extschema@.funding_round) WITH INOUT AS ASSIGNMENT;
CREATE CAST (bpchar AS @extschema@.round_kind) WITH INOUT AS ASSIGNMENT;

COMMENT ON CAST (bpchar AS @extschema@.project_stage) IS 'parse a stage label';
COMMENT ON CAST (bpchar AS @extschema@.funding_round) IS 'parse funding text';
COMMENT ON CAST (bpchar AS @extschema@.round_kind) IS 'parse a round kind';

CREATE CAST (text AS @extschema@.stage_range) WITH INOUT AS ASSIGNMENT;
CREATE CAST (varchar AS @extschema@.stage_range) WITH INOUT AS ASSIGNMENT;
CREATE CAST (bpchar AS @extschema@.stage_range) WITH INOUT AS ASSIGNMENT;

COMMENT ON CAST (text AS @extschema@.stage_range) IS 'read a stage range from its text form';
COMMENT ON CAST (varchar AS @extschema@.stage_range) IS 'read a stage range from its text form';
COMMENT ON CAST (bpchar AS @extschema@.stage_range) IS 'read a stage range from its text form';

CREATE CAST (text AS @extschema@.funding_window) WITH INOUT AS ASSIGNMENT;
CREATE CAST (varchar AS @extschema@.funding_window) WITH INOUT AS ASSIGNMENT;
CREATE CAST (bpchar AS @extschema@.funding_window) WITH INOUT AS ASSIGNMENT;

COMMENT ON CAST (text AS @extschema@.funding_window) IS 'read a funding window from its row literal';
COMMENT ON CAST (varchar AS @extschema@.funding_window) IS 'read a funding window from its row literal';
COMMENT ON CAST (bpchar AS @extschema@.funding_window) IS 'read a funding window from its row literal';

CREATE CAST (text AS @extschema@.stage_funnel) WITH INOUT AS ASSIGNMENT;
CREATE CAST (varchar AS @extschema@.stage_funnel) WITH INOUT AS ASSIGNMENT;
CREATE CAST (bpchar AS @extschema@.stage_funnel) WITH INOUT AS ASSIGNMENT;

COMMENT ON CAST (text AS @extschema@.stage_funnel) IS 'read a stored stage_funnel from its text form';
COMMENT ON CAST (varchar AS @extschema@.stage_funnel) IS 'read a stored stage_funnel from its text form';
COMMENT ON CAST (bpchar AS @extschema@.stage_funnel) IS 'read a stored stage_funnel from its text form';

CREATE CAST (text AS @extschema@.stage_history) WITH INOUT AS ASSIGNMENT;
CREATE CAST (varchar AS @extschema@.stage_history) WITH INOUT AS ASSIGNMENT;
CREATE CAST (bpchar AS @extschema@.stage_history) WITH INOUT AS ASSIGNMENT;

COMMENT ON CAST (text AS @extschema@.stage_history) IS 'read a stored stage_history from its text form';
COMMENT ON CAST (varchar AS @extschema@.stage_history) IS 'read a stored stage_history from its text form';
COMMENT ON CAST (bpchar AS @extschema@.stage_history) IS 'read a stored stage_history from its text form';

CREATE CAST (text AS @extschema@.stage_survival) WITH INOUT AS ASSIGNMENT;
CREATE CAST (varchar AS @extschema@.stage_survival) WITH INOUT AS ASSIGNMENT;
CREATE CAST (bpchar AS @extschema@.stage_survival) WITH INOUT AS ASSIGNMENT;

COMMENT ON CAST (text AS @extschema@.stage_survival) IS 'read a stored stage_survival from its text form';
COMMENT ON CAST (varchar AS @extschema@.stage_survival) IS 'read a stored stage_survival from its text form';
COMMENT ON CAST (bpchar AS @extschema@.stage_survival) IS 'read a stored stage_survival from its text form';

CREATE CAST (text AS @extschema@.quantile_sketch) WITH INOUT AS ASSIGNMENT;
CREATE CAST (varchar AS @extschema@.quantile_sketch) WITH INOUT AS ASSIGNMENT;
CREATE CAST (bpchar AS @extschema@.quantile_sketch) WITH INOUT AS ASSIGNMENT;

COMMENT ON CAST (text AS @extschema@.quantile_sketch) IS 'read a stored quantile_sketch from its text form';
COMMENT ON CAST (varchar AS @extschema@.quantile_sketch) IS 'read a stored quantile_sketch from its text form';
COMMENT ON CAST (bpchar AS @extschema@.quantile_sketch) IS 'read a stored quantile_sketch from its text form';

CREATE CAST (text AS @extschema@.funding_stats) WITH INOUT AS ASSIGNMENT;
CREATE CAST (varchar AS @extschema@.funding_stats) WITH INOUT AS ASSIGNMENT;
CREATE CAST (bpchar AS @extschema@.funding_stats) WITH INOUT AS ASSIGNMENT;

COMMENT ON CAST (text AS @extschema@.funding_stats) IS 'read a stored funding_stats from its text form';
COMMENT ON CAST (varchar AS @extschema@.funding_stats) IS 'read a stored funding_stats from its text form';
COMMENT ON CAST (bpchar AS @extschema@.funding_stats) IS 'read a stored funding_stats from its text form';
