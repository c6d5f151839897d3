
--
-- funding_stats: funding rounds summarized per currency, merged exactly
--

CREATE TYPE @extschema@.funding_stats;

CREATE FUNCTION @extschema@.funding_stats_in(cstring)
RETURNS @extschema@.funding_stats
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_stats_out(@extschema@.funding_stats)
RETURNS cstring
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_stats_recv(internal)
RETURNS @extschema@.funding_stats
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_stats_send(@extschema@.funding_stats)
RETURNS bytea
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.funding_stats (
	INPUT = @extschema@.funding_stats_in,
	OUTPUT = @extschema@.funding_stats_out,
	RECEIVE = @extschema@.funding_stats_recv,
	SEND = @extschema@.funding_stats_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON TYPE @extschema@.funding_stats IS
'summary of funding rounds per currency: counts, exact sums of low/point/high, threshold counts, per-kind figures, a sketch of amounts';
COMMENT ON FUNCTION @extschema@.funding_stats_in(cstring) IS 'I/O';
COMMENT ON FUNCTION @extschema@.funding_stats_out(@extschema@.funding_stats) IS 'I/O';
COMMENT ON FUNCTION @extschema@.funding_stats_recv(internal) IS 'I/O';
COMMENT ON FUNCTION @extschema@.funding_stats_send(@extschema@.funding_stats) IS 'I/O';

CREATE FUNCTION @extschema@.funding_stats_trans(@extschema@.funding_stats, @extschema@.funding_round)
RETURNS @extschema@.funding_stats
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_stats_combine(@extschema@.funding_stats, @extschema@.funding_stats)
RETURNS @extschema@.funding_stats
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_stats_rollup_trans(@extschema@.funding_stats, @extschema@.funding_stats)
RETURNS @extschema@.funding_stats
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_stats_final(@extschema@.funding_stats)
RETURNS @extschema@.funding_stats
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.funding_stats_trans(@extschema@.funding_stats, @extschema@.funding_round) IS 'aggregate transition function';
COMMENT ON FUNCTION @extschema@.funding_stats_combine(@extschema@.funding_stats, @extschema@.funding_stats) IS 'aggregate combine function';
COMMENT ON FUNCTION @extschema@.funding_stats_rollup_trans(@extschema@.funding_stats, @extschema@.funding_stats) IS 'aggregate transition function of rollup()';
COMMENT ON FUNCTION @extschema@.funding_stats_final(@extschema@.funding_stats) IS 'aggregate final function: the stored form';

CREATE AGGREGATE @extschema@.funding_stats(@extschema@.funding_round) (
	SFUNC = @extschema@.funding_stats_trans,
	STYPE = @extschema@.funding_stats,
	FINALFUNC = @extschema@.funding_stats_final,
	COMBINEFUNC = @extschema@.funding_stats_combine,
	INITCOND = '{"version": 1, "currencies": []}',
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.rollup(@extschema@.funding_stats) (
	SFUNC = @extschema@.funding_stats_rollup_trans,
	STYPE = @extschema@.funding_stats,
	FINALFUNC = @extschema@.funding_stats_final,
	COMBINEFUNC = @extschema@.funding_stats_combine,
	INITCOND = '{"version": 1, "currencies": []}',
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.funding_stats(@extschema@.funding_round) IS
'summarize funding rounds per currency, as a funding_stats summary';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.funding_stats) IS
'merge funding_stats summaries exactly (park -> district -> city)';

CREATE FUNCTION @extschema@.rounds(@extschema@.funding_stats)
RETURNS bigint AS 'MODULE_PATHNAME', 'funding_stats_rounds_all' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.rounds(@extschema@.funding_stats, currency text)
RETURNS bigint AS 'MODULE_PATHNAME', 'funding_stats_rounds' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.disclosed_rounds(@extschema@.funding_stats, currency text)
RETURNS bigint AS 'MODULE_PATHNAME', 'funding_stats_disclosed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.open_rounds(@extschema@.funding_stats, currency text)
RETURNS bigint AS 'MODULE_PATHNAME', 'funding_stats_open' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.total(@extschema@.funding_stats, currency text)
RETURNS numeric AS 'MODULE_PATHNAME', 'funding_stats_total' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.total_range(@extschema@.funding_stats, currency text)
RETURNS numrange AS 'MODULE_PATHNAME', 'funding_stats_total_range' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.rounds_over(@extschema@.funding_stats, amount numeric, currency text)
RETURNS bigint AS 'MODULE_PATHNAME', 'funding_stats_rounds_over' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.rounds_over(@extschema@.funding_stats, amount numeric, currency text, basis text)
RETURNS bigint AS 'MODULE_PATHNAME', 'funding_stats_rounds_over' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.quantile(@extschema@.funding_stats, q double precision, currency text)
RETURNS double precision AS 'MODULE_PATHNAME', 'funding_stats_quantile' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.min_amount(@extschema@.funding_stats, currency text)
RETURNS numeric AS 'MODULE_PATHNAME', 'funding_stats_min_amount' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.max_amount(@extschema@.funding_stats, currency text)
RETURNS numeric AS 'MODULE_PATHNAME', 'funding_stats_max_amount' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.currencies(@extschema@.funding_stats)
RETURNS text[] AS 'MODULE_PATHNAME', 'funding_stats_currencies' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.jsonb(@extschema@.funding_stats)
RETURNS jsonb AS 'MODULE_PATHNAME', 'funding_stats_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE CAST (@extschema@.funding_stats AS jsonb) WITH FUNCTION @extschema@.jsonb(@extschema@.funding_stats);

COMMENT ON FUNCTION @extschema@.rounds(@extschema@.funding_stats) IS 'rounds counted, all currencies';
COMMENT ON FUNCTION @extschema@.rounds(@extschema@.funding_stats, text) IS 'rounds counted in a currency';
COMMENT ON FUNCTION @extschema@.disclosed_rounds(@extschema@.funding_stats, text) IS 'rounds with a known amount in a currency';
COMMENT ON FUNCTION @extschema@.open_rounds(@extschema@.funding_stats, text) IS 'rounds whose amount has no upper bound (such as "100 million yuan and above")';
COMMENT ON FUNCTION @extschema@.total(@extschema@.funding_stats, text) IS 'sum of point amounts in a currency, in currency units';
COMMENT ON FUNCTION @extschema@.total_range(@extschema@.funding_stats, text) IS 'sum of lower bounds to sum of upper bounds; open above if any round is';
COMMENT ON FUNCTION @extschema@.rounds_over(@extschema@.funding_stats, numeric, text) IS 'rounds whose point amount is at or above a standard threshold (1, 2, 3 or 5 x 10^k, 10^4 to 5 x 10^11)';
COMMENT ON FUNCTION @extschema@.rounds_over(@extschema@.funding_stats, numeric, text, text) IS 'rounds at or above a threshold judged by low (certainly), point, or high (possibly)';
COMMENT ON FUNCTION @extschema@.quantile(@extschema@.funding_stats, double precision, text) IS 'quantile of point amounts in a currency, within 1%';
COMMENT ON FUNCTION @extschema@.min_amount(@extschema@.funding_stats, text) IS 'smallest point amount in a currency';
COMMENT ON FUNCTION @extschema@.max_amount(@extschema@.funding_stats, text) IS 'largest point amount in a currency';
COMMENT ON FUNCTION @extschema@.currencies(@extschema@.funding_stats) IS 'the currencies with rounds';
COMMENT ON FUNCTION @extschema@.jsonb(@extschema@.funding_stats) IS 'the summary as JSON';
COMMENT ON CAST (@extschema@.funding_stats AS jsonb) IS 'the summary as JSON';

CREATE FUNCTION @extschema@.funding_stats_eq(@extschema@.funding_stats, @extschema@.funding_stats)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_stats_ne(@extschema@.funding_stats, @extschema@.funding_stats)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.funding_stats_eq(@extschema@.funding_stats, @extschema@.funding_stats) IS 'implementation of = operator';
COMMENT ON FUNCTION @extschema@.funding_stats_ne(@extschema@.funding_stats, @extschema@.funding_stats) IS 'implementation of <> operator';

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.funding_stats, RIGHTARG = @extschema@.funding_stats,
	FUNCTION = @extschema@.funding_stats_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.funding_stats, RIGHTARG = @extschema@.funding_stats,
	FUNCTION = @extschema@.funding_stats_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);

COMMENT ON OPERATOR @extschema@.= (@extschema@.funding_stats, @extschema@.funding_stats) IS 'identical summaries';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.funding_stats, @extschema@.funding_stats) IS 'different summaries';
