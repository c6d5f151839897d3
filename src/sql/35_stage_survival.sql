
--
-- stage_survival: censored time from one stage to another (Kaplan-Meier),
-- over one stage_history per project; merges exactly with rollup()
--

CREATE TYPE @extschema@.stage_survival;

CREATE FUNCTION @extschema@.stage_survival_in(cstring)
RETURNS @extschema@.stage_survival
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stage_survival_out(@extschema@.stage_survival)
RETURNS cstring
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stage_survival_recv(internal)
RETURNS @extschema@.stage_survival
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stage_survival_send(@extschema@.stage_survival)
RETURNS bytea
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.stage_survival (
	INPUT = @extschema@.stage_survival_in,
	OUTPUT = @extschema@.stage_survival_out,
	RECEIVE = @extschema@.stage_survival_recv,
	SEND = @extschema@.stage_survival_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE @extschema@.stage_survival IS
'summary: censored days from one stage to another over projects (Kaplan-Meier); merges exactly with rollup()';
COMMENT ON FUNCTION @extschema@.stage_survival_in(cstring) IS 'I/O';
COMMENT ON FUNCTION @extschema@.stage_survival_out(@extschema@.stage_survival) IS 'I/O';
COMMENT ON FUNCTION @extschema@.stage_survival_recv(internal) IS 'I/O';
COMMENT ON FUNCTION @extschema@.stage_survival_send(@extschema@.stage_survival) IS 'I/O';

CREATE FUNCTION @extschema@.stage_survival_trans(@extschema@.stage_survival, @extschema@.stage_history,
                                                 @extschema@.project_stage, @extschema@.project_stage, date)
RETURNS @extschema@.stage_survival
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.stage_survival_combine(@extschema@.stage_survival, @extschema@.stage_survival)
RETURNS @extschema@.stage_survival
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stage_survival_final(@extschema@.stage_survival)
RETURNS @extschema@.stage_survival
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.stage_survival_trans(@extschema@.stage_survival, @extschema@.stage_history,
                                                     @extschema@.project_stage, @extschema@.project_stage, date) IS
'aggregate transition function';
COMMENT ON FUNCTION @extschema@.stage_survival_combine(@extschema@.stage_survival, @extschema@.stage_survival) IS
'aggregate combine function, and the transition function of rollup()';
COMMENT ON FUNCTION @extschema@.stage_survival_final(@extschema@.stage_survival) IS
'aggregate final function: the stored form';

CREATE AGGREGATE @extschema@.stage_survival(@extschema@.stage_history, @extschema@.project_stage,
                                            @extschema@.project_stage, date) (
	SFUNC = @extschema@.stage_survival_trans, STYPE = @extschema@.stage_survival,
	FINALFUNC = @extschema@.stage_survival_final,
	COMBINEFUNC = @extschema@.stage_survival_combine, PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.rollup(@extschema@.stage_survival) (
	SFUNC = @extschema@.stage_survival_combine, STYPE = @extschema@.stage_survival,
	FINALFUNC = @extschema@.stage_survival_final,
	COMBINEFUNC = @extschema@.stage_survival_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.stage_survival(@extschema@.stage_history, @extschema@.project_stage,
                                                @extschema@.project_stage, date) IS
'days from one stage to another over projects, censored at the as_of date: one stage_history per project';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.stage_survival) IS
'merge stage_survival summaries of the same stages and as_of date exactly';

CREATE FUNCTION @extschema@.survival_quantile(@extschema@.stage_survival, double precision)
RETURNS integer
AS 'MODULE_PATHNAME', 'stage_survival_quantile' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.reached_within(@extschema@.stage_survival, interval)
RETURNS double precision
AS 'MODULE_PATHNAME', 'stage_survival_reached_within' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.survival_curve(@extschema@.stage_survival,
	OUT days integer, OUT at_risk bigint, OUT events bigint, OUT censored bigint,
	OUT survival double precision, OUT lower double precision, OUT upper double precision)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'stage_survival_curve' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 100;
CREATE FUNCTION @extschema@.event_count(@extschema@.stage_survival)
RETURNS bigint
AS 'MODULE_PATHNAME', 'stage_survival_event_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.censored_count(@extschema@.stage_survival)
RETURNS bigint
AS 'MODULE_PATHNAME', 'stage_survival_censored_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.excluded_count(@extschema@.stage_survival)
RETURNS bigint
AS 'MODULE_PATHNAME', 'stage_survival_excluded_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.jsonb(@extschema@.stage_survival)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'stage_survival_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE CAST (@extschema@.stage_survival AS jsonb) WITH FUNCTION @extschema@.jsonb(@extschema@.stage_survival);

COMMENT ON FUNCTION @extschema@.survival_quantile(@extschema@.stage_survival, double precision) IS
'the first day by which the Kaplan-Meier estimate says a share q has reached the stage; NULL if it never does';
COMMENT ON FUNCTION @extschema@.reached_within(@extschema@.stage_survival, interval) IS
'the Kaplan-Meier share that reached the stage within a time (1 - S(t)); NULL without projects';
COMMENT ON FUNCTION @extschema@.survival_curve(@extschema@.stage_survival) IS
'the Kaplan-Meier curve: one row per time with events or censorings, with a 95% Greenwood band';
COMMENT ON FUNCTION @extschema@.event_count(@extschema@.stage_survival) IS
'projects that reached the second stage by the as_of date (exact)';
COMMENT ON FUNCTION @extschema@.censored_count(@extschema@.stage_survival) IS
'projects that had not reached the second stage by the as_of date (exact)';
COMMENT ON FUNCTION @extschema@.excluded_count(@extschema@.stage_survival) IS
'projects left out: a milestone without a date, or the second stage dated before the first';
COMMENT ON FUNCTION @extschema@.jsonb(@extschema@.stage_survival) IS 'the summary as JSON';
COMMENT ON CAST (@extschema@.stage_survival AS jsonb) IS 'the summary as JSON';

CREATE FUNCTION @extschema@.stage_survival_eq(@extschema@.stage_survival, @extschema@.stage_survival)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stage_survival_ne(@extschema@.stage_survival, @extschema@.stage_survival)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.stage_survival_eq(@extschema@.stage_survival, @extschema@.stage_survival) IS 'implementation of = operator';
COMMENT ON FUNCTION @extschema@.stage_survival_ne(@extschema@.stage_survival, @extschema@.stage_survival) IS 'implementation of <> operator';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.stage_survival, RIGHTARG = @extschema@.stage_survival,
	FUNCTION = @extschema@.stage_survival_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.stage_survival, RIGHTARG = @extschema@.stage_survival,
	FUNCTION = @extschema@.stage_survival_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);

COMMENT ON OPERATOR @extschema@.= (@extschema@.stage_survival, @extschema@.stage_survival) IS 'identical summaries';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.stage_survival, @extschema@.stage_survival) IS 'different summaries';
