-- innovation: types, aggregates and indexes for innovation-ecosystem analytics.
--
-- This script is assembled from the files in src/sql/ at build time.  It
-- follows PostgreSQL's rules for extension scripts: every object is created
-- and referenced with a schema-qualified name (the extension's schema or
-- pg_catalog), never with CREATE OR REPLACE or IF NOT EXISTS, and the
-- schema placeholder never appears inside quotes.

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION innovation" to load this file. \quit

--
-- project_stage: the ordered, bilingual growth ladder of a sci-tech project
--

CREATE TYPE @extschema@.project_stage;

CREATE FUNCTION @extschema@.project_stage_in(cstring)
RETURNS @extschema@.project_stage
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.project_stage_out(@extschema@.project_stage)
RETURNS cstring
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.project_stage_recv(internal)
RETURNS @extschema@.project_stage
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.project_stage_send(@extschema@.project_stage)
RETURNS bytea
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.project_stage (
	INPUT = @extschema@.project_stage_in,
	OUTPUT = @extschema@.project_stage_out,
	RECEIVE = @extschema@.project_stage_recv,
	SEND = @extschema@.project_stage_send,
	INTERNALLENGTH = 1,
	PASSEDBYVALUE,
	ALIGNMENT = char,
	STORAGE = plain
);

COMMENT ON TYPE @extschema@.project_stage IS
'stage of a sci-tech project on the growth ladder concept < pilot < incubating < registered < producing < tech_sme < high_tech < above_scale < gazelle < potential_unicorn < unicorn < listed';
COMMENT ON FUNCTION @extschema@.project_stage_in(cstring) IS 'I/O';
COMMENT ON FUNCTION @extschema@.project_stage_out(@extschema@.project_stage) IS 'I/O';
COMMENT ON FUNCTION @extschema@.project_stage_recv(internal) IS 'I/O';
COMMENT ON FUNCTION @extschema@.project_stage_send(@extschema@.project_stage) IS 'I/O';

-- casts to and from text

CREATE FUNCTION @extschema@.project_stage(text)
RETURNS @extschema@.project_stage
AS 'MODULE_PATHNAME', 'project_stage_from_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.text(@extschema@.project_stage)
RETURNS text
AS 'MODULE_PATHNAME', 'project_stage_to_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.project_stage(text) IS
'parse a stage label (English label, Chinese name or alias)';
COMMENT ON FUNCTION @extschema@.text(@extschema@.project_stage) IS
'canonical English label of a stage';

CREATE CAST (text AS @extschema@.project_stage)
	WITH FUNCTION @extschema@.project_stage(text) AS ASSIGNMENT;
CREATE CAST (varchar AS @extschema@.project_stage)
	WITH FUNCTION @extschema@.project_stage(text) AS ASSIGNMENT;
CREATE CAST (@extschema@.project_stage AS text)
	WITH FUNCTION @extschema@.text(@extschema@.project_stage) AS ASSIGNMENT;

COMMENT ON CAST (text AS @extschema@.project_stage) IS 'parse a stage label';
COMMENT ON CAST (varchar AS @extschema@.project_stage) IS 'parse a stage label';
COMMENT ON CAST (@extschema@.project_stage AS text) IS 'canonical English label';

-- comparison

CREATE FUNCTION @extschema@.project_stage_lt(@extschema@.project_stage, @extschema@.project_stage)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.project_stage_le(@extschema@.project_stage, @extschema@.project_stage)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.project_stage_eq(@extschema@.project_stage, @extschema@.project_stage)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.project_stage_ne(@extschema@.project_stage, @extschema@.project_stage)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.project_stage_ge(@extschema@.project_stage, @extschema@.project_stage)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.project_stage_gt(@extschema@.project_stage, @extschema@.project_stage)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.project_stage_cmp(@extschema@.project_stage, @extschema@.project_stage)
RETURNS integer
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.project_stage_sortsupport(internal)
RETURNS void
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.project_stage_lt(@extschema@.project_stage, @extschema@.project_stage) IS 'implementation of < operator';
COMMENT ON FUNCTION @extschema@.project_stage_le(@extschema@.project_stage, @extschema@.project_stage) IS 'implementation of <= operator';
COMMENT ON FUNCTION @extschema@.project_stage_eq(@extschema@.project_stage, @extschema@.project_stage) IS 'implementation of = operator';
COMMENT ON FUNCTION @extschema@.project_stage_ne(@extschema@.project_stage, @extschema@.project_stage) IS 'implementation of <> operator';
COMMENT ON FUNCTION @extschema@.project_stage_ge(@extschema@.project_stage, @extschema@.project_stage) IS 'implementation of >= operator';
COMMENT ON FUNCTION @extschema@.project_stage_gt(@extschema@.project_stage, @extschema@.project_stage) IS 'implementation of > operator';
COMMENT ON FUNCTION @extschema@.project_stage_cmp(@extschema@.project_stage, @extschema@.project_stage) IS 'less-equal-greater';
COMMENT ON FUNCTION @extschema@.project_stage_sortsupport(internal) IS 'sort support';

CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.project_stage,
	RIGHTARG = @extschema@.project_stage,
	FUNCTION = @extschema@.project_stage_lt,
	COMMUTATOR = OPERATOR(@extschema@.>),
	NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel,
	JOIN = pg_catalog.scalarltjoinsel
);

CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.project_stage,
	RIGHTARG = @extschema@.project_stage,
	FUNCTION = @extschema@.project_stage_le,
	COMMUTATOR = OPERATOR(@extschema@.>=),
	NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel,
	JOIN = pg_catalog.scalarlejoinsel
);

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.project_stage,
	RIGHTARG = @extschema@.project_stage,
	FUNCTION = @extschema@.project_stage_eq,
	COMMUTATOR = OPERATOR(@extschema@.=),
	NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel,
	JOIN = pg_catalog.eqjoinsel,
	HASHES,
	MERGES
);

CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.project_stage,
	RIGHTARG = @extschema@.project_stage,
	FUNCTION = @extschema@.project_stage_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>),
	NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel,
	JOIN = pg_catalog.neqjoinsel
);

CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.project_stage,
	RIGHTARG = @extschema@.project_stage,
	FUNCTION = @extschema@.project_stage_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=),
	NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel,
	JOIN = pg_catalog.scalargejoinsel
);

CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.project_stage,
	RIGHTARG = @extschema@.project_stage,
	FUNCTION = @extschema@.project_stage_gt,
	COMMUTATOR = OPERATOR(@extschema@.<),
	NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel,
	JOIN = pg_catalog.scalargtjoinsel
);

COMMENT ON OPERATOR @extschema@.< (@extschema@.project_stage, @extschema@.project_stage) IS 'earlier on the ladder than';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.project_stage, @extschema@.project_stage) IS 'earlier on the ladder than or equal';
COMMENT ON OPERATOR @extschema@.= (@extschema@.project_stage, @extschema@.project_stage) IS 'equal';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.project_stage, @extschema@.project_stage) IS 'not equal';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.project_stage, @extschema@.project_stage) IS 'at or beyond on the ladder';
COMMENT ON OPERATOR @extschema@.> (@extschema@.project_stage, @extschema@.project_stage) IS 'beyond on the ladder';

-- hashing (stable across machines and versions)

CREATE FUNCTION @extschema@.hash_project_stage(@extschema@.project_stage)
RETURNS integer
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.hash_project_stage_extended(@extschema@.project_stage, bigint)
RETURNS bigint
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.hash_project_stage(@extschema@.project_stage) IS 'hash';
COMMENT ON FUNCTION @extschema@.hash_project_stage_extended(@extschema@.project_stage, bigint) IS 'hash with seed';

-- operator classes

CREATE OPERATOR CLASS @extschema@.project_stage_ops
DEFAULT FOR TYPE @extschema@.project_stage USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.project_stage_cmp(@extschema@.project_stage, @extschema@.project_stage),
	FUNCTION 2 @extschema@.project_stage_sortsupport(internal),
	FUNCTION 4 pg_catalog.btequalimage(oid);

CREATE OPERATOR CLASS @extschema@.project_stage_ops
DEFAULT FOR TYPE @extschema@.project_stage USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.hash_project_stage(@extschema@.project_stage),
	FUNCTION 2 @extschema@.hash_project_stage_extended(@extschema@.project_stage, bigint);

CREATE OPERATOR CLASS @extschema@.project_stage_minmax_ops
DEFAULT FOR TYPE @extschema@.project_stage USING brin AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 pg_catalog.brin_minmax_opcinfo(internal),
	FUNCTION 2 pg_catalog.brin_minmax_add_value(internal, internal, internal, internal),
	FUNCTION 3 pg_catalog.brin_minmax_consistent(internal, internal, internal),
	FUNCTION 4 pg_catalog.brin_minmax_union(internal, internal, internal);

COMMENT ON OPERATOR CLASS @extschema@.project_stage_ops USING btree IS 'ladder order';
COMMENT ON OPERATOR FAMILY @extschema@.project_stage_ops USING btree IS 'ladder order';
COMMENT ON OPERATOR CLASS @extschema@.project_stage_ops USING hash IS 'stable hash of the stage code';
COMMENT ON OPERATOR FAMILY @extschema@.project_stage_ops USING hash IS 'stable hash of the stage code';
COMMENT ON OPERATOR CLASS @extschema@.project_stage_minmax_ops USING brin IS 'min/max summary per block range';
COMMENT ON OPERATOR FAMILY @extschema@.project_stage_minmax_ops USING brin IS 'min/max summary per block range';

-- min() and max()

CREATE FUNCTION @extschema@.project_stage_larger(@extschema@.project_stage, @extschema@.project_stage)
RETURNS @extschema@.project_stage
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.project_stage_smaller(@extschema@.project_stage, @extschema@.project_stage)
RETURNS @extschema@.project_stage
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.project_stage_larger(@extschema@.project_stage, @extschema@.project_stage) IS 'later of two stages';
COMMENT ON FUNCTION @extschema@.project_stage_smaller(@extschema@.project_stage, @extschema@.project_stage) IS 'earlier of two stages';

CREATE AGGREGATE @extschema@.max(@extschema@.project_stage) (
	SFUNC = @extschema@.project_stage_larger,
	STYPE = @extschema@.project_stage,
	COMBINEFUNC = @extschema@.project_stage_larger,
	SORTOP = OPERATOR(@extschema@.>),
	PARALLEL = SAFE
);

CREATE AGGREGATE @extschema@.min(@extschema@.project_stage) (
	SFUNC = @extschema@.project_stage_smaller,
	STYPE = @extschema@.project_stage,
	COMBINEFUNC = @extschema@.project_stage_smaller,
	SORTOP = OPERATOR(@extschema@.<),
	PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.max(@extschema@.project_stage) IS 'furthest stage reached';
COMMENT ON AGGREGATE @extschema@.min(@extschema@.project_stage) IS 'earliest stage';

-- ladder functions

CREATE FUNCTION @extschema@.stage_rank(@extschema@.project_stage)
RETURNS integer
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.stage_next(@extschema@.project_stage)
RETURNS @extschema@.project_stage
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.stage_prev(@extschema@.project_stage)
RETURNS @extschema@.project_stage
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.stage_name_zh(@extschema@.project_stage)
RETURNS text
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.stage_ladder(
	OUT rank integer,
	OUT stage @extschema@.project_stage,
	OUT name_zh text,
	OUT definition text)
RETURNS SETOF record
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 12;

COMMENT ON FUNCTION @extschema@.stage_rank(@extschema@.project_stage) IS
'position on the ladder, 1 (concept) to 12 (listed)';
COMMENT ON FUNCTION @extschema@.stage_next(@extschema@.project_stage) IS
'the next rung, or NULL after the last';
COMMENT ON FUNCTION @extschema@.stage_prev(@extschema@.project_stage) IS
'the previous rung, or NULL before the first';
COMMENT ON FUNCTION @extschema@.stage_name_zh(@extschema@.project_stage) IS
'Chinese name of a stage';
COMMENT ON FUNCTION @extschema@.stage_ladder() IS
'the whole ladder: rank, stage, Chinese name and definition of every rung';

-- stage_range: a discrete range of stages, canonical form [lower, upper)

CREATE TYPE @extschema@.stage_range;

CREATE FUNCTION @extschema@.stage_range_canonical(@extschema@.stage_range)
RETURNS @extschema@.stage_range
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.stage_range_subdiff(@extschema@.project_stage, @extschema@.project_stage)
RETURNS double precision
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.stage_range AS RANGE (
	SUBTYPE = @extschema@.project_stage,
	SUBTYPE_OPCLASS = @extschema@.project_stage_ops,
	CANONICAL = @extschema@.stage_range_canonical,
	SUBTYPE_DIFF = @extschema@.stage_range_subdiff
);

COMMENT ON TYPE @extschema@.stage_range IS 'range of project stages';
COMMENT ON FUNCTION @extschema@.stage_range_canonical(@extschema@.stage_range) IS
'convert a stage range to its canonical [lower, upper) form';
COMMENT ON FUNCTION @extschema@.stage_range_subdiff(@extschema@.project_stage, @extschema@.project_stage) IS
'difference of two stages in rungs';
COMMENT ON FUNCTION @extschema@.stage_range(@extschema@.project_stage, @extschema@.project_stage) IS
'stage_range constructor';
COMMENT ON FUNCTION @extschema@.stage_range(@extschema@.project_stage, @extschema@.project_stage, text) IS
'stage_range constructor';

--
-- funding_round: round kind, an amount kept as an honest [low, high] range
-- with a point estimate, currency, and announcement date with its precision
--

CREATE TYPE @extschema@.funding_round;

CREATE FUNCTION @extschema@.funding_round_in(cstring)
RETURNS @extschema@.funding_round
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.funding_round_out(@extschema@.funding_round)
RETURNS cstring
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.funding_round_recv(internal)
RETURNS @extschema@.funding_round
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.funding_round_send(@extschema@.funding_round)
RETURNS bytea
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.funding_round (
	INPUT = @extschema@.funding_round_in,
	OUTPUT = @extschema@.funding_round_out,
	RECEIVE = @extschema@.funding_round_recv,
	SEND = @extschema@.funding_round_send,
	INTERNALLENGTH = 32,
	ALIGNMENT = double,
	STORAGE = plain
);

COMMENT ON TYPE @extschema@.funding_round IS
'a funding round: kind, amount as [low, high] with a point estimate, currency, announcement date';
COMMENT ON FUNCTION @extschema@.funding_round_in(cstring) IS 'I/O';
COMMENT ON FUNCTION @extschema@.funding_round_out(@extschema@.funding_round) IS 'I/O';
COMMENT ON FUNCTION @extschema@.funding_round_recv(internal) IS 'I/O';
COMMENT ON FUNCTION @extschema@.funding_round_send(@extschema@.funding_round) IS 'I/O';

-- casts to and from text

CREATE FUNCTION @extschema@.funding_round(text)
RETURNS @extschema@.funding_round
AS 'MODULE_PATHNAME', 'funding_round_from_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.text(@extschema@.funding_round)
RETURNS text
AS 'MODULE_PATHNAME', 'funding_round_to_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.funding_round(text) IS
'parse funding text such as ''B轮 近2亿元 2023-06'' or ''Series B, $25M, 2023-06-15''';
COMMENT ON FUNCTION @extschema@.text(@extschema@.funding_round) IS
'canonical text form of a funding round';

CREATE CAST (text AS @extschema@.funding_round)
	WITH FUNCTION @extschema@.funding_round(text) AS ASSIGNMENT;
CREATE CAST (varchar AS @extschema@.funding_round)
	WITH FUNCTION @extschema@.funding_round(text) AS ASSIGNMENT;
CREATE CAST (@extschema@.funding_round AS text)
	WITH FUNCTION @extschema@.text(@extschema@.funding_round) AS ASSIGNMENT;

COMMENT ON CAST (text AS @extschema@.funding_round) IS 'parse funding text';
COMMENT ON CAST (varchar AS @extschema@.funding_round) IS 'parse funding text';
COMMENT ON CAST (@extschema@.funding_round AS text) IS 'canonical text form';

-- constructor

CREATE FUNCTION @extschema@.funding_round(
	kind text, low numeric, high numeric, currency text, announced date,
	date_precision text DEFAULT 'day')
RETURNS @extschema@.funding_round
AS 'MODULE_PATHNAME', 'funding_round_make'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.funding_round(text, numeric, numeric, text, date, text) IS
'build a funding round from parts: NULL low = undisclosed, NULL high = open above, NULL announced = no date';

-- accessors

CREATE FUNCTION @extschema@.round_kind(@extschema@.funding_round)
RETURNS text
AS 'MODULE_PATHNAME', 'funding_round_kind' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.is_equity(@extschema@.funding_round)
RETURNS boolean
AS 'MODULE_PATHNAME', 'funding_round_is_equity' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.is_exit(@extschema@.funding_round)
RETURNS boolean
AS 'MODULE_PATHNAME', 'funding_round_is_exit' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.amount_low(@extschema@.funding_round)
RETURNS numeric
AS 'MODULE_PATHNAME', 'funding_round_amount_low' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.amount_point(@extschema@.funding_round)
RETURNS numeric
AS 'MODULE_PATHNAME', 'funding_round_amount_point' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.amount_high(@extschema@.funding_round)
RETURNS numeric
AS 'MODULE_PATHNAME', 'funding_round_amount_high' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.amount_range(@extschema@.funding_round)
RETURNS numrange
AS 'MODULE_PATHNAME', 'funding_round_amount_range' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.currency(@extschema@.funding_round)
RETURNS text
AS 'MODULE_PATHNAME', 'funding_round_currency' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.announced_on(@extschema@.funding_round)
RETURNS date
AS 'MODULE_PATHNAME', 'funding_round_announced_on' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.announced_precision(@extschema@.funding_round)
RETURNS text
AS 'MODULE_PATHNAME', 'funding_round_announced_precision' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.announced_range(@extschema@.funding_round)
RETURNS daterange
AS 'MODULE_PATHNAME', 'funding_round_announced_range' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.is_disclosed(@extschema@.funding_round)
RETURNS boolean
AS 'MODULE_PATHNAME', 'funding_round_is_disclosed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.is_fuzzy(@extschema@.funding_round)
RETURNS boolean
AS 'MODULE_PATHNAME', 'funding_round_is_fuzzy' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.jsonb(@extschema@.funding_round)
RETURNS jsonb
AS 'MODULE_PATHNAME', 'funding_round_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE CAST (@extschema@.funding_round AS jsonb)
	WITH FUNCTION @extschema@.jsonb(@extschema@.funding_round);

COMMENT ON FUNCTION @extschema@.round_kind(@extschema@.funding_round) IS 'round kind label, e.g. pre_a, b, grant_to_equity';
COMMENT ON FUNCTION @extschema@.is_equity(@extschema@.funding_round) IS 'does the round count as equity funding (NULL for an undisclosed kind)';
COMMENT ON FUNCTION @extschema@.is_exit(@extschema@.funding_round) IS 'is the round an exit: IPO, M&A, buyout, secondary (NULL for an undisclosed kind)';
COMMENT ON FUNCTION @extschema@.amount_low(@extschema@.funding_round) IS 'lower bound of the amount, in currency units (NULL if undisclosed)';
COMMENT ON FUNCTION @extschema@.amount_point(@extschema@.funding_round) IS 'point estimate of the amount, in currency units (NULL if undisclosed)';
COMMENT ON FUNCTION @extschema@.amount_high(@extschema@.funding_round) IS 'upper bound of the amount, in currency units (NULL if undisclosed or open above)';
COMMENT ON FUNCTION @extschema@.amount_range(@extschema@.funding_round) IS 'the amount as a numrange [low, high], or [low,) when open above';
COMMENT ON FUNCTION @extschema@.currency(@extschema@.funding_round) IS 'ISO 4217 currency code';
COMMENT ON FUNCTION @extschema@.announced_on(@extschema@.funding_round) IS 'announcement date (first day of the month or year for coarser dates)';
COMMENT ON FUNCTION @extschema@.announced_precision(@extschema@.funding_round) IS 'precision of the announcement date: day, month or year';
COMMENT ON FUNCTION @extschema@.announced_range(@extschema@.funding_round) IS 'the announcement period as a daterange';
COMMENT ON FUNCTION @extschema@.is_disclosed(@extschema@.funding_round) IS 'is an amount known';
COMMENT ON FUNCTION @extschema@.is_fuzzy(@extschema@.funding_round) IS 'is the amount a range rather than an exact figure (NULL if undisclosed)';
COMMENT ON FUNCTION @extschema@.jsonb(@extschema@.funding_round) IS 'every part of a funding round as JSON';
COMMENT ON CAST (@extschema@.funding_round AS jsonb) IS 'every part of a funding round as JSON';

-- vocabularies

CREATE FUNCTION @extschema@.round_kinds(
	OUT rank integer, OUT kind text, OUT name_zh text, OUT category text,
	OUT is_equity boolean, OUT is_exit boolean)
RETURNS SETOF record
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.funding_currencies(
	OUT currency text, OUT iso_numeric integer, OUT minor_digits integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.round_kinds() IS 'the round-kind vocabulary, in order';
COMMENT ON FUNCTION @extschema@.funding_currencies() IS 'the currencies funding_round knows';

-- comparison: the documented total order

CREATE FUNCTION @extschema@.funding_round_lt(@extschema@.funding_round, @extschema@.funding_round)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.funding_round_le(@extschema@.funding_round, @extschema@.funding_round)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.funding_round_eq(@extschema@.funding_round, @extschema@.funding_round)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.funding_round_ne(@extschema@.funding_round, @extschema@.funding_round)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.funding_round_ge(@extschema@.funding_round, @extschema@.funding_round)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.funding_round_gt(@extschema@.funding_round, @extschema@.funding_round)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.funding_round_cmp(@extschema@.funding_round, @extschema@.funding_round)
RETURNS integer AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.funding_round_lt(@extschema@.funding_round, @extschema@.funding_round) IS 'implementation of < operator';
COMMENT ON FUNCTION @extschema@.funding_round_le(@extschema@.funding_round, @extschema@.funding_round) IS 'implementation of <= operator';
COMMENT ON FUNCTION @extschema@.funding_round_eq(@extschema@.funding_round, @extschema@.funding_round) IS 'implementation of = operator';
COMMENT ON FUNCTION @extschema@.funding_round_ne(@extschema@.funding_round, @extschema@.funding_round) IS 'implementation of <> operator';
COMMENT ON FUNCTION @extschema@.funding_round_ge(@extschema@.funding_round, @extschema@.funding_round) IS 'implementation of >= operator';
COMMENT ON FUNCTION @extschema@.funding_round_gt(@extschema@.funding_round, @extschema@.funding_round) IS 'implementation of > operator';
COMMENT ON FUNCTION @extschema@.funding_round_cmp(@extschema@.funding_round, @extschema@.funding_round) IS 'less-equal-greater';

CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.funding_round, RIGHTARG = @extschema@.funding_round,
	FUNCTION = @extschema@.funding_round_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.funding_round, RIGHTARG = @extschema@.funding_round,
	FUNCTION = @extschema@.funding_round_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.funding_round, RIGHTARG = @extschema@.funding_round,
	FUNCTION = @extschema@.funding_round_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.funding_round, RIGHTARG = @extschema@.funding_round,
	FUNCTION = @extschema@.funding_round_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.funding_round, RIGHTARG = @extschema@.funding_round,
	FUNCTION = @extschema@.funding_round_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.funding_round, RIGHTARG = @extschema@.funding_round,
	FUNCTION = @extschema@.funding_round_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);

COMMENT ON OPERATOR @extschema@.< (@extschema@.funding_round, @extschema@.funding_round) IS 'less than (announcement date first)';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.funding_round, @extschema@.funding_round) IS 'less than or equal';
COMMENT ON OPERATOR @extschema@.= (@extschema@.funding_round, @extschema@.funding_round) IS 'equal';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.funding_round, @extschema@.funding_round) IS 'not equal';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.funding_round, @extschema@.funding_round) IS 'greater than or equal';
COMMENT ON OPERATOR @extschema@.> (@extschema@.funding_round, @extschema@.funding_round) IS 'greater than';

CREATE FUNCTION @extschema@.hash_funding_round(@extschema@.funding_round)
RETURNS integer AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.hash_funding_round_extended(@extschema@.funding_round, bigint)
RETURNS bigint AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.hash_funding_round(@extschema@.funding_round) IS 'hash';
COMMENT ON FUNCTION @extschema@.hash_funding_round_extended(@extschema@.funding_round, bigint) IS 'hash with seed';

CREATE OPERATOR CLASS @extschema@.funding_round_ops
DEFAULT FOR TYPE @extschema@.funding_round USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.funding_round_cmp(@extschema@.funding_round, @extschema@.funding_round),
	FUNCTION 4 pg_catalog.btequalimage(oid);

CREATE OPERATOR CLASS @extschema@.funding_round_ops
DEFAULT FOR TYPE @extschema@.funding_round USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.hash_funding_round(@extschema@.funding_round),
	FUNCTION 2 @extschema@.hash_funding_round_extended(@extschema@.funding_round, bigint);

CREATE OPERATOR CLASS @extschema@.funding_round_minmax_ops
DEFAULT FOR TYPE @extschema@.funding_round USING brin AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 pg_catalog.brin_minmax_opcinfo(internal),
	FUNCTION 2 pg_catalog.brin_minmax_add_value(internal, internal, internal, internal),
	FUNCTION 3 pg_catalog.brin_minmax_consistent(internal, internal, internal),
	FUNCTION 4 pg_catalog.brin_minmax_union(internal, internal, internal);

COMMENT ON OPERATOR CLASS @extschema@.funding_round_ops USING btree IS 'total order: announcement date, kind, currency, amounts';
COMMENT ON OPERATOR FAMILY @extschema@.funding_round_ops USING btree IS 'total order: announcement date, kind, currency, amounts';
COMMENT ON OPERATOR CLASS @extschema@.funding_round_ops USING hash IS 'stable hash of every field';
COMMENT ON OPERATOR FAMILY @extschema@.funding_round_ops USING hash IS 'stable hash of every field';
COMMENT ON OPERATOR CLASS @extschema@.funding_round_minmax_ops USING brin IS 'min/max summary per block range (announcement date first)';
COMMENT ON OPERATOR FAMILY @extschema@.funding_round_minmax_ops USING brin IS 'min/max summary per block range (announcement date first)';

-- funding_window: which rounds were announced in a period, with an amount
-- overlapping a range, in a currency -- answered by a GiST index

CREATE TYPE @extschema@.funding_window AS (
	announced daterange,
	amount numrange,
	currency text
);

COMMENT ON TYPE @extschema@.funding_window IS
'a query for the @@ operator: announcement period, amount range and currency (NULL parts match anything)';

CREATE FUNCTION @extschema@.funding_window(
	announced daterange DEFAULT NULL, amount numrange DEFAULT NULL, currency text DEFAULT NULL)
RETURNS @extschema@.funding_window
AS 'MODULE_PATHNAME', 'funding_window_make' LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.funding_window(daterange, numrange, text) IS
'a validated funding_window (an amount range needs a currency)';

CREATE FUNCTION @extschema@.funding_round_matches(@extschema@.funding_round, @extschema@.funding_window)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.funding_round_matches(@extschema@.funding_round, @extschema@.funding_window) IS
'implementation of @@ operator';

CREATE OPERATOR @extschema@.@@ (
	LEFTARG = @extschema@.funding_round,
	RIGHTARG = @extschema@.funding_window,
	FUNCTION = @extschema@.funding_round_matches,
	RESTRICT = pg_catalog.contsel,
	JOIN = pg_catalog.contjoinsel
);

COMMENT ON OPERATOR @extschema@.@@ (@extschema@.funding_round, @extschema@.funding_window) IS
'round matches window: announced within the period, amount overlapping the range, in the currency';

-- GiST: the index key is a bounding box of announcement periods and amounts

CREATE TYPE @extschema@.funding_round_gist_key;

CREATE FUNCTION @extschema@.funding_round_gist_key_in(cstring)
RETURNS @extschema@.funding_round_gist_key
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.funding_round_gist_key_out(@extschema@.funding_round_gist_key)
RETURNS cstring
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.funding_round_gist_key (
	INPUT = @extschema@.funding_round_gist_key_in,
	OUTPUT = @extschema@.funding_round_gist_key_out,
	INTERNALLENGTH = 32,
	ALIGNMENT = double,
	STORAGE = plain
);

COMMENT ON TYPE @extschema@.funding_round_gist_key IS 'internal: GiST key of funding_round (a bounding box)';
COMMENT ON FUNCTION @extschema@.funding_round_gist_key_in(cstring) IS 'I/O (always fails: keys are internal)';
COMMENT ON FUNCTION @extschema@.funding_round_gist_key_out(@extschema@.funding_round_gist_key) IS 'I/O, for inspecting index pages';

CREATE FUNCTION @extschema@.funding_round_gist_consistent(internal, @extschema@.funding_window, smallint, oid, internal)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_round_gist_union(internal, internal)
RETURNS @extschema@.funding_round_gist_key AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_round_gist_compress(internal)
RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_round_gist_penalty(internal, internal, internal)
RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_round_gist_picksplit(internal, internal)
RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_round_gist_same(@extschema@.funding_round_gist_key, @extschema@.funding_round_gist_key, internal)
RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.funding_round_gist_consistent(internal, @extschema@.funding_window, smallint, oid, internal) IS 'GiST support';
COMMENT ON FUNCTION @extschema@.funding_round_gist_union(internal, internal) IS 'GiST support';
COMMENT ON FUNCTION @extschema@.funding_round_gist_compress(internal) IS 'GiST support';
COMMENT ON FUNCTION @extschema@.funding_round_gist_penalty(internal, internal, internal) IS 'GiST support';
COMMENT ON FUNCTION @extschema@.funding_round_gist_picksplit(internal, internal) IS 'GiST support';
COMMENT ON FUNCTION @extschema@.funding_round_gist_same(@extschema@.funding_round_gist_key, @extschema@.funding_round_gist_key, internal) IS 'GiST support';

CREATE OPERATOR CLASS @extschema@.gist_funding_round_ops
DEFAULT FOR TYPE @extschema@.funding_round USING gist AS
	OPERATOR 1 @extschema@.@@ (@extschema@.funding_round, @extschema@.funding_window),
	FUNCTION 1 @extschema@.funding_round_gist_consistent(internal, @extschema@.funding_window, smallint, oid, internal),
	FUNCTION 2 @extschema@.funding_round_gist_union(internal, internal),
	FUNCTION 3 @extschema@.funding_round_gist_compress(internal),
	FUNCTION 5 @extschema@.funding_round_gist_penalty(internal, internal, internal),
	FUNCTION 6 @extschema@.funding_round_gist_picksplit(internal, internal),
	FUNCTION 7 @extschema@.funding_round_gist_same(@extschema@.funding_round_gist_key, @extschema@.funding_round_gist_key, internal),
	STORAGE @extschema@.funding_round_gist_key;

COMMENT ON OPERATOR CLASS @extschema@.gist_funding_round_ops USING gist IS
'announcement period, amount range and currency: answers @@ funding_window';
COMMENT ON OPERATOR FAMILY @extschema@.gist_funding_round_ops USING gist IS
'announcement period, amount range and currency: answers @@ funding_window';

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
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

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
CREATE FUNCTION @extschema@.count(@extschema@.quantile_sketch)
RETURNS bigint
AS 'MODULE_PATHNAME', 'quantile_sketch_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.min(@extschema@.quantile_sketch)
RETURNS double precision
AS 'MODULE_PATHNAME', 'quantile_sketch_min' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.max(@extschema@.quantile_sketch)
RETURNS double precision
AS 'MODULE_PATHNAME', 'quantile_sketch_max' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mean(@extschema@.quantile_sketch)
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
COMMENT ON FUNCTION @extschema@.count(@extschema@.quantile_sketch) IS 'number of values (exact)';
COMMENT ON FUNCTION @extschema@.min(@extschema@.quantile_sketch) IS 'smallest value (exact)';
COMMENT ON FUNCTION @extschema@.max(@extschema@.quantile_sketch) IS 'largest value (exact)';
COMMENT ON FUNCTION @extschema@.mean(@extschema@.quantile_sketch) IS 'mean of the values (exact sum, rounded once)';
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
CREATE FUNCTION @extschema@.kinds(@extschema@.funding_stats,
	OUT currency text, OUT kind text, OUT rounds bigint, OUT disclosed bigint, OUT total numeric)
RETURNS SETOF record AS 'MODULE_PATHNAME', 'funding_stats_kinds' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.jsonb(@extschema@.funding_stats)
RETURNS jsonb AS 'MODULE_PATHNAME', 'funding_stats_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE CAST (@extschema@.funding_stats AS jsonb) WITH FUNCTION @extschema@.jsonb(@extschema@.funding_stats);

COMMENT ON FUNCTION @extschema@.rounds(@extschema@.funding_stats) IS 'rounds counted, all currencies';
COMMENT ON FUNCTION @extschema@.rounds(@extschema@.funding_stats, text) IS 'rounds counted in a currency';
COMMENT ON FUNCTION @extschema@.disclosed_rounds(@extschema@.funding_stats, text) IS 'rounds with a known amount in a currency';
COMMENT ON FUNCTION @extschema@.open_rounds(@extschema@.funding_stats, text) IS 'rounds whose amount has no upper bound (such as 亿元及以上)';
COMMENT ON FUNCTION @extschema@.total(@extschema@.funding_stats, text) IS 'sum of point amounts in a currency, in currency units';
COMMENT ON FUNCTION @extschema@.total_range(@extschema@.funding_stats, text) IS 'sum of lower bounds to sum of upper bounds; open above if any round is';
COMMENT ON FUNCTION @extschema@.rounds_over(@extschema@.funding_stats, numeric, text) IS 'rounds whose point amount is at or above a standard threshold (1 or 5 x 10^k, 10^4 to 5 x 10^11)';
COMMENT ON FUNCTION @extschema@.rounds_over(@extschema@.funding_stats, numeric, text, text) IS 'rounds at or above a threshold judged by low (certainly), point, or high (possibly)';
COMMENT ON FUNCTION @extschema@.quantile(@extschema@.funding_stats, double precision, text) IS 'quantile of point amounts in a currency, within 1%';
COMMENT ON FUNCTION @extschema@.min_amount(@extschema@.funding_stats, text) IS 'smallest point amount in a currency';
COMMENT ON FUNCTION @extschema@.max_amount(@extschema@.funding_stats, text) IS 'largest point amount in a currency';
COMMENT ON FUNCTION @extschema@.currencies(@extschema@.funding_stats) IS 'the currencies with rounds';
COMMENT ON FUNCTION @extschema@.kinds(@extschema@.funding_stats) IS 'per currency and round kind: rounds, disclosed rounds, total of point amounts';
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

-- stage_multirange: created with stage_range on PostgreSQL 14 and later
-- (this part of the script is only included when building for 14+)

COMMENT ON TYPE @extschema@.stage_multirange IS 'set of disjoint stage ranges';
COMMENT ON FUNCTION @extschema@.stage_multirange() IS 'stage_multirange constructor';
COMMENT ON FUNCTION @extschema@.stage_multirange(@extschema@.stage_range) IS 'stage_multirange constructor';
COMMENT ON FUNCTION @extschema@.stage_multirange(VARIADIC @extschema@.stage_range[]) IS 'stage_multirange constructor';
COMMENT ON CAST (@extschema@.stage_range AS @extschema@.stage_multirange) IS 'a stage range as a multirange';
