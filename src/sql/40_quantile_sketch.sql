
--
-- quantile_sketch: a deterministic, mergeable quantile summary with a
-- relative-error guarantee, for amounts and durations
--

CREATE TYPE @extschema@.quantile_sketch;

CREATE FUNCTION @extschema@.quantile_sketch_in(cstring)
RETURNS @extschema@.quantile_sketch
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.quantile_sketch_out(@extschema@.quantile_sketch)
RETURNS cstring
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.quantile_sketch_recv(internal)
RETURNS @extschema@.quantile_sketch
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.quantile_sketch_send(@extschema@.quantile_sketch)
RETURNS bytea
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.quantile_sketch (
	INPUT = @extschema@.quantile_sketch_in,
	OUTPUT = @extschema@.quantile_sketch_out,
	RECEIVE = @extschema@.quantile_sketch_recv,
	SEND = @extschema@.quantile_sketch_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE @extschema@.quantile_sketch IS
'summary: quantiles within a relative accuracy, exact count, min, max and mean; merges exactly with rollup()';
COMMENT ON FUNCTION @extschema@.quantile_sketch_in(cstring) IS 'I/O';
COMMENT ON FUNCTION @extschema@.quantile_sketch_out(@extschema@.quantile_sketch) IS 'I/O';
COMMENT ON FUNCTION @extschema@.quantile_sketch_recv(internal) IS 'I/O';
COMMENT ON FUNCTION @extschema@.quantile_sketch_send(@extschema@.quantile_sketch) IS 'I/O';

CREATE FUNCTION @extschema@.quantile_sketch_trans(@extschema@.quantile_sketch, double precision)
RETURNS @extschema@.quantile_sketch
AS 'MODULE_PATHNAME', 'quantile_sketch_trans_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.quantile_sketch_trans(@extschema@.quantile_sketch, double precision, double precision)
RETURNS @extschema@.quantile_sketch
AS 'MODULE_PATHNAME', 'quantile_sketch_trans_float8' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.quantile_sketch_trans(@extschema@.quantile_sketch, numeric)
RETURNS @extschema@.quantile_sketch
AS 'MODULE_PATHNAME', 'quantile_sketch_trans_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.quantile_sketch_trans(@extschema@.quantile_sketch, numeric, double precision)
RETURNS @extschema@.quantile_sketch
AS 'MODULE_PATHNAME', 'quantile_sketch_trans_numeric' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.quantile_sketch_trans(@extschema@.quantile_sketch, interval)
RETURNS @extschema@.quantile_sketch
AS 'MODULE_PATHNAME', 'quantile_sketch_trans_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.quantile_sketch_trans(@extschema@.quantile_sketch, interval, double precision)
RETURNS @extschema@.quantile_sketch
AS 'MODULE_PATHNAME', 'quantile_sketch_trans_interval' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.quantile_sketch_combine(@extschema@.quantile_sketch, @extschema@.quantile_sketch)
RETURNS @extschema@.quantile_sketch
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.quantile_sketch_rollup_trans(@extschema@.quantile_sketch, @extschema@.quantile_sketch)
RETURNS @extschema@.quantile_sketch
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.quantile_sketch_final(@extschema@.quantile_sketch)
RETURNS @extschema@.quantile_sketch
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.quantile_sketch_trans(@extschema@.quantile_sketch, double precision) IS 'aggregate transition function';
COMMENT ON FUNCTION @extschema@.quantile_sketch_trans(@extschema@.quantile_sketch, double precision, double precision) IS 'aggregate transition function';
COMMENT ON FUNCTION @extschema@.quantile_sketch_trans(@extschema@.quantile_sketch, numeric) IS 'aggregate transition function';
COMMENT ON FUNCTION @extschema@.quantile_sketch_trans(@extschema@.quantile_sketch, numeric, double precision) IS 'aggregate transition function';
COMMENT ON FUNCTION @extschema@.quantile_sketch_trans(@extschema@.quantile_sketch, interval) IS 'aggregate transition function';
COMMENT ON FUNCTION @extschema@.quantile_sketch_trans(@extschema@.quantile_sketch, interval, double precision) IS 'aggregate transition function';
COMMENT ON FUNCTION @extschema@.quantile_sketch_combine(@extschema@.quantile_sketch, @extschema@.quantile_sketch) IS 'aggregate combine function';
COMMENT ON FUNCTION @extschema@.quantile_sketch_rollup_trans(@extschema@.quantile_sketch, @extschema@.quantile_sketch) IS 'aggregate transition function of rollup()';
COMMENT ON FUNCTION @extschema@.quantile_sketch_final(@extschema@.quantile_sketch) IS 'aggregate final function: the stored form';

CREATE AGGREGATE @extschema@.quantile_sketch(double precision) (
	SFUNC = @extschema@.quantile_sketch_trans, STYPE = @extschema@.quantile_sketch,
	FINALFUNC = @extschema@.quantile_sketch_final,
	COMBINEFUNC = @extschema@.quantile_sketch_combine, PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.quantile_sketch(double precision, double precision) (
	SFUNC = @extschema@.quantile_sketch_trans, STYPE = @extschema@.quantile_sketch,
	FINALFUNC = @extschema@.quantile_sketch_final,
	COMBINEFUNC = @extschema@.quantile_sketch_combine, PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.quantile_sketch(numeric) (
	SFUNC = @extschema@.quantile_sketch_trans, STYPE = @extschema@.quantile_sketch,
	FINALFUNC = @extschema@.quantile_sketch_final,
	COMBINEFUNC = @extschema@.quantile_sketch_combine, PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.quantile_sketch(numeric, double precision) (
	SFUNC = @extschema@.quantile_sketch_trans, STYPE = @extschema@.quantile_sketch,
	FINALFUNC = @extschema@.quantile_sketch_final,
	COMBINEFUNC = @extschema@.quantile_sketch_combine, PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.quantile_sketch(interval) (
	SFUNC = @extschema@.quantile_sketch_trans, STYPE = @extschema@.quantile_sketch,
	FINALFUNC = @extschema@.quantile_sketch_final,
	COMBINEFUNC = @extschema@.quantile_sketch_combine, PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.quantile_sketch(interval, double precision) (
	SFUNC = @extschema@.quantile_sketch_trans, STYPE = @extschema@.quantile_sketch,
	FINALFUNC = @extschema@.quantile_sketch_final,
	COMBINEFUNC = @extschema@.quantile_sketch_combine, PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.rollup(@extschema@.quantile_sketch) (
	SFUNC = @extschema@.quantile_sketch_rollup_trans, STYPE = @extschema@.quantile_sketch,
	FINALFUNC = @extschema@.quantile_sketch_final,
	COMBINEFUNC = @extschema@.quantile_sketch_combine, PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.quantile_sketch(double precision) IS 'quantile sketch of the values, 1% relative accuracy';
COMMENT ON AGGREGATE @extschema@.quantile_sketch(double precision, double precision) IS 'quantile sketch of the values with a chosen relative accuracy';
COMMENT ON AGGREGATE @extschema@.quantile_sketch(numeric) IS 'quantile sketch of the values, 1% relative accuracy';
COMMENT ON AGGREGATE @extschema@.quantile_sketch(numeric, double precision) IS 'quantile sketch of the values with a chosen relative accuracy';
COMMENT ON AGGREGATE @extschema@.quantile_sketch(interval) IS 'quantile sketch of durations in seconds, 1% relative accuracy';
COMMENT ON AGGREGATE @extschema@.quantile_sketch(interval, double precision) IS 'quantile sketch of durations in seconds with a chosen relative accuracy';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.quantile_sketch) IS 'merge quantile sketches exactly';

CREATE FUNCTION @extschema@.quantile(@extschema@.quantile_sketch, double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'quantile_sketch_quantile' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.quantiles(@extschema@.quantile_sketch, double precision[])
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'quantile_sketch_quantiles' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.value_count(@extschema@.quantile_sketch)
RETURNS bigint
AS 'MODULE_PATHNAME', 'quantile_sketch_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.min_value(@extschema@.quantile_sketch)
RETURNS double precision
AS 'MODULE_PATHNAME', 'quantile_sketch_min' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.max_value(@extschema@.quantile_sketch)
RETURNS double precision
AS 'MODULE_PATHNAME', 'quantile_sketch_max' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mean_value(@extschema@.quantile_sketch)
RETURNS double precision
AS 'MODULE_PATHNAME', 'quantile_sketch_mean' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.relative_accuracy(@extschema@.quantile_sketch)
RETURNS double precision
AS 'MODULE_PATHNAME', 'quantile_sketch_relative_accuracy' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.jsonb(@extschema@.quantile_sketch)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'quantile_sketch_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE CAST (@extschema@.quantile_sketch AS jsonb) WITH FUNCTION @extschema@.jsonb(@extschema@.quantile_sketch);

COMMENT ON FUNCTION @extschema@.quantile(@extschema@.quantile_sketch, double precision) IS
'the q-quantile (as percentile_disc defines it), within the relative accuracy; NULL if empty';
COMMENT ON FUNCTION @extschema@.quantiles(@extschema@.quantile_sketch, double precision[]) IS
'several quantiles at once';
COMMENT ON FUNCTION @extschema@.value_count(@extschema@.quantile_sketch) IS 'number of values (exact)';
COMMENT ON FUNCTION @extschema@.min_value(@extschema@.quantile_sketch) IS 'smallest value (exact)';
COMMENT ON FUNCTION @extschema@.max_value(@extschema@.quantile_sketch) IS 'largest value (exact)';
COMMENT ON FUNCTION @extschema@.mean_value(@extschema@.quantile_sketch) IS 'mean of the values (exact sum, rounded once)';
COMMENT ON FUNCTION @extschema@.relative_accuracy(@extschema@.quantile_sketch) IS 'the relative accuracy the sketch guarantees';
COMMENT ON FUNCTION @extschema@.jsonb(@extschema@.quantile_sketch) IS 'the sketch as JSON';
COMMENT ON CAST (@extschema@.quantile_sketch AS jsonb) IS 'the sketch as JSON';

CREATE FUNCTION @extschema@.quantile_sketch_eq(@extschema@.quantile_sketch, @extschema@.quantile_sketch)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.quantile_sketch_ne(@extschema@.quantile_sketch, @extschema@.quantile_sketch)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.quantile_sketch_eq(@extschema@.quantile_sketch, @extschema@.quantile_sketch) IS 'implementation of = operator';
COMMENT ON FUNCTION @extschema@.quantile_sketch_ne(@extschema@.quantile_sketch, @extschema@.quantile_sketch) IS 'implementation of <> operator';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.quantile_sketch, RIGHTARG = @extschema@.quantile_sketch,
	FUNCTION = @extschema@.quantile_sketch_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.quantile_sketch, RIGHTARG = @extschema@.quantile_sketch,
	FUNCTION = @extschema@.quantile_sketch_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);

COMMENT ON OPERATOR @extschema@.= (@extschema@.quantile_sketch, @extschema@.quantile_sketch) IS 'identical sketches';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.quantile_sketch, @extschema@.quantile_sketch) IS 'different sketches';
