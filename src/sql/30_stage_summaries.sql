
--
-- Two-step stage analytics: funnel(project_stage) -> stage_funnel and
-- stage_history(project_stage, date) -> stage_history.  Both summaries are
-- fixed-size values that can be stored, merged exactly with rollup(), read
-- with accessors, and shipped between servers as text or binary.
--

-- stage_funnel

CREATE TYPE @extschema@.stage_funnel;

CREATE FUNCTION @extschema@.stage_funnel_in(cstring)
RETURNS @extschema@.stage_funnel
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stage_funnel_out(@extschema@.stage_funnel)
RETURNS cstring
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stage_funnel_recv(internal)
RETURNS @extschema@.stage_funnel
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stage_funnel_send(@extschema@.stage_funnel)
RETURNS bytea
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.stage_funnel (
	INPUT = @extschema@.stage_funnel_in,
	OUTPUT = @extschema@.stage_funnel_out,
	RECEIVE = @extschema@.stage_funnel_recv,
	SEND = @extschema@.stage_funnel_send,
	INTERNALLENGTH = 136,
	ALIGNMENT = double,
	STORAGE = plain
);

COMMENT ON TYPE @extschema@.stage_funnel IS 'summary: number of projects at each stage; merges exactly with rollup()';
COMMENT ON FUNCTION @extschema@.stage_funnel_in(cstring) IS 'I/O';
COMMENT ON FUNCTION @extschema@.stage_funnel_out(@extschema@.stage_funnel) IS 'I/O';
COMMENT ON FUNCTION @extschema@.stage_funnel_recv(internal) IS 'I/O';
COMMENT ON FUNCTION @extschema@.stage_funnel_send(@extschema@.stage_funnel) IS 'I/O';

CREATE FUNCTION @extschema@.funnel_trans(@extschema@.stage_funnel, @extschema@.project_stage)
RETURNS @extschema@.stage_funnel
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_combine(@extschema@.stage_funnel, @extschema@.stage_funnel)
RETURNS @extschema@.stage_funnel
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.funnel_trans(@extschema@.stage_funnel, @extschema@.project_stage) IS
'aggregate transition function';
COMMENT ON FUNCTION @extschema@.funnel_combine(@extschema@.stage_funnel, @extschema@.stage_funnel) IS
'aggregate combine function: the sum of two funnels';

CREATE AGGREGATE @extschema@.funnel(@extschema@.project_stage) (
	SFUNC = @extschema@.funnel_trans,
	STYPE = @extschema@.stage_funnel,
	COMBINEFUNC = @extschema@.funnel_combine,
	INITCOND = '{}',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.rollup(@extschema@.stage_funnel) (
	SFUNC = @extschema@.funnel_combine,
	STYPE = @extschema@.stage_funnel,
	COMBINEFUNC = @extschema@.funnel_combine,
	INITCOND = '{}',
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.funnel(@extschema@.project_stage) IS
'count projects per stage, as a stage_funnel summary';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.stage_funnel) IS
'merge stage_funnel summaries (park -> district -> city)';

CREATE FUNCTION @extschema@.stage_funnel_eq(@extschema@.stage_funnel, @extschema@.stage_funnel)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.stage_funnel_ne(@extschema@.stage_funnel, @extschema@.stage_funnel)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.stage_funnel_eq(@extschema@.stage_funnel, @extschema@.stage_funnel) IS 'implementation of = operator';
COMMENT ON FUNCTION @extschema@.stage_funnel_ne(@extschema@.stage_funnel, @extschema@.stage_funnel) IS 'implementation of <> operator';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.stage_funnel, RIGHTARG = @extschema@.stage_funnel,
	FUNCTION = @extschema@.stage_funnel_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.stage_funnel, RIGHTARG = @extschema@.stage_funnel,
	FUNCTION = @extschema@.stage_funnel_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);

COMMENT ON OPERATOR @extschema@.= (@extschema@.stage_funnel, @extschema@.stage_funnel) IS 'same counts at every stage';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.stage_funnel, @extschema@.stage_funnel) IS 'different counts somewhere';

CREATE FUNCTION @extschema@.reached(@extschema@.stage_funnel, @extschema@.project_stage)
RETURNS bigint
AS 'MODULE_PATHNAME', 'funnel_reached' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.at_stage(@extschema@.stage_funnel, @extschema@.project_stage)
RETURNS bigint
AS 'MODULE_PATHNAME', 'funnel_at_stage' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.conversion(@extschema@.stage_funnel, @extschema@.project_stage, @extschema@.project_stage)
RETURNS double precision
AS 'MODULE_PATHNAME', 'funnel_conversion' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.total(@extschema@.stage_funnel)
RETURNS bigint
AS 'MODULE_PATHNAME', 'funnel_total' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stages(@extschema@.stage_funnel,
	OUT rank integer, OUT stage @extschema@.project_stage, OUT at_stage bigint,
	OUT reached bigint, OUT conversion double precision)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'funnel_stages' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 12;
CREATE FUNCTION @extschema@.jsonb(@extschema@.stage_funnel)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'stage_funnel_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE CAST (@extschema@.stage_funnel AS jsonb) WITH FUNCTION @extschema@.jsonb(@extschema@.stage_funnel);

COMMENT ON FUNCTION @extschema@.reached(@extschema@.stage_funnel, @extschema@.project_stage) IS
'projects at or beyond a stage';
COMMENT ON FUNCTION @extschema@.at_stage(@extschema@.stage_funnel, @extschema@.project_stage) IS
'projects at exactly a stage';
COMMENT ON FUNCTION @extschema@.conversion(@extschema@.stage_funnel, @extschema@.project_stage, @extschema@.project_stage) IS
'reached(to) / reached(from); NULL when no project reached from';
COMMENT ON FUNCTION @extschema@.total(@extschema@.stage_funnel) IS 'projects counted';
COMMENT ON FUNCTION @extschema@.stages(@extschema@.stage_funnel) IS
'the funnel as a table: per rung, projects at it, at or beyond it, and conversion from the rung before';
COMMENT ON FUNCTION @extschema@.jsonb(@extschema@.stage_funnel) IS 'counts per stage as JSON';
COMMENT ON CAST (@extschema@.stage_funnel AS jsonb) IS 'counts per stage as JSON';

-- stage_history

CREATE TYPE @extschema@.stage_history;

CREATE FUNCTION @extschema@.stage_history_in(cstring)
RETURNS @extschema@.stage_history
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stage_history_out(@extschema@.stage_history)
RETURNS cstring
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stage_history_recv(internal)
RETURNS @extschema@.stage_history
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stage_history_send(@extschema@.stage_history)
RETURNS bytea
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.stage_history (
	INPUT = @extschema@.stage_history_in,
	OUTPUT = @extschema@.stage_history_out,
	RECEIVE = @extschema@.stage_history_recv,
	SEND = @extschema@.stage_history_send,
	INTERNALLENGTH = 72,
	ALIGNMENT = int4,
	STORAGE = plain
);

COMMENT ON TYPE @extschema@.stage_history IS 'summary: the first date a project reached each stage';
COMMENT ON FUNCTION @extschema@.stage_history_in(cstring) IS 'I/O';
COMMENT ON FUNCTION @extschema@.stage_history_out(@extschema@.stage_history) IS 'I/O';
COMMENT ON FUNCTION @extschema@.stage_history_recv(internal) IS 'I/O';
COMMENT ON FUNCTION @extschema@.stage_history_send(@extschema@.stage_history) IS 'I/O';

CREATE FUNCTION @extschema@.history_trans(@extschema@.stage_history, @extschema@.project_stage, date)
RETURNS @extschema@.stage_history
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.history_combine(@extschema@.stage_history, @extschema@.stage_history)
RETURNS @extschema@.stage_history
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.history_trans(@extschema@.stage_history, @extschema@.project_stage, date) IS
'aggregate transition function';
COMMENT ON FUNCTION @extschema@.history_combine(@extschema@.stage_history, @extschema@.stage_history) IS
'aggregate combine function: the earliest date per stage';

CREATE AGGREGATE @extschema@.stage_history(@extschema@.project_stage, date) (
	SFUNC = @extschema@.history_trans,
	STYPE = @extschema@.stage_history,
	COMBINEFUNC = @extschema@.history_combine,
	INITCOND = '{}',
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.rollup(@extschema@.stage_history) (
	SFUNC = @extschema@.history_combine,
	STYPE = @extschema@.stage_history,
	COMBINEFUNC = @extschema@.history_combine,
	INITCOND = '{}',
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.stage_history(@extschema@.project_stage, date) IS
'one project''s milestones as a stage_history (first date per stage)';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.stage_history) IS
'merge stage_history summaries of one project (earliest date per stage wins)';

CREATE FUNCTION @extschema@.stage_history_eq(@extschema@.stage_history, @extschema@.stage_history)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.stage_history_ne(@extschema@.stage_history, @extschema@.stage_history)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.stage_history_eq(@extschema@.stage_history, @extschema@.stage_history) IS 'implementation of = operator';
COMMENT ON FUNCTION @extschema@.stage_history_ne(@extschema@.stage_history, @extschema@.stage_history) IS 'implementation of <> operator';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.stage_history, RIGHTARG = @extschema@.stage_history,
	FUNCTION = @extschema@.stage_history_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.stage_history, RIGHTARG = @extschema@.stage_history,
	FUNCTION = @extschema@.stage_history_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);

COMMENT ON OPERATOR @extschema@.= (@extschema@.stage_history, @extschema@.stage_history) IS 'same stages on the same dates';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.stage_history, @extschema@.stage_history) IS 'different histories';

CREATE FUNCTION @extschema@.time_to(@extschema@.stage_history, @extschema@.project_stage, @extschema@.project_stage)
RETURNS integer
AS 'MODULE_PATHNAME', 'history_time_to' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.current_stage(@extschema@.stage_history)
RETURNS @extschema@.project_stage
AS 'MODULE_PATHNAME', 'history_current_stage' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stage_on(@extschema@.stage_history, date)
RETURNS @extschema@.project_stage
AS 'MODULE_PATHNAME', 'history_stage_on' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.first_reached(@extschema@.stage_history, @extschema@.project_stage)
RETURNS date
AS 'MODULE_PATHNAME', 'history_first_reached' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.is_consistent(@extschema@.stage_history)
RETURNS boolean
AS 'MODULE_PATHNAME', 'history_is_consistent' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.jsonb(@extschema@.stage_history)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'stage_history_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE CAST (@extschema@.stage_history AS jsonb) WITH FUNCTION @extschema@.jsonb(@extschema@.stage_history);

COMMENT ON FUNCTION @extschema@.time_to(@extschema@.stage_history, @extschema@.project_stage, @extschema@.project_stage) IS
'days from first reaching one stage to first reaching another (negative for a contradictory history)';
COMMENT ON FUNCTION @extschema@.current_stage(@extschema@.stage_history) IS 'the furthest stage reached';
COMMENT ON FUNCTION @extschema@.stage_on(@extschema@.stage_history, date) IS
'the furthest stage first reached on or before a date';
COMMENT ON FUNCTION @extschema@.first_reached(@extschema@.stage_history, @extschema@.project_stage) IS
'the date a stage was first reached';
COMMENT ON FUNCTION @extschema@.is_consistent(@extschema@.stage_history) IS
'do the first dates rise along the ladder (false if a later stage came before an earlier one)';
COMMENT ON FUNCTION @extschema@.jsonb(@extschema@.stage_history) IS 'first date per stage as JSON';
COMMENT ON CAST (@extschema@.stage_history AS jsonb) IS 'first date per stage as JSON';
