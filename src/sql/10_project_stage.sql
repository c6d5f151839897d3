
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
-- (the comments of the constructors CREATE TYPE made are in
-- 11_stage_range_constructors.sql, which every update script runs too)
