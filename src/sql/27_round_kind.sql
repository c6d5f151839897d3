
--
-- round_kind: the kind of a funding round, ordered along round_kinds()
-- (pre_seed < seed < angel < ... < ipo < ... < undisclosed), read with the
-- funding_round reader's vocabulary
--

CREATE TYPE @extschema@.round_kind;

CREATE FUNCTION @extschema@.round_kind_in(cstring)
RETURNS @extschema@.round_kind
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.round_kind_out(@extschema@.round_kind)
RETURNS cstring
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.round_kind_recv(internal)
RETURNS @extschema@.round_kind
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.round_kind_send(@extschema@.round_kind)
RETURNS bytea
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.round_kind (
	INPUT = @extschema@.round_kind_in,
	OUTPUT = @extschema@.round_kind_out,
	RECEIVE = @extschema@.round_kind_recv,
	SEND = @extschema@.round_kind_send,
	INTERNALLENGTH = 1,
	PASSEDBYVALUE,
	ALIGNMENT = char,
	STORAGE = plain
);

COMMENT ON TYPE @extschema@.round_kind IS
'kind of a funding round (pre_seed, seed, angel, ..., a, b, ..., ipo, m_and_a, grant, loan, ...), ordered as round_kinds() lists them';
COMMENT ON FUNCTION @extschema@.round_kind_in(cstring) IS 'I/O';
COMMENT ON FUNCTION @extschema@.round_kind_out(@extschema@.round_kind) IS 'I/O';
COMMENT ON FUNCTION @extschema@.round_kind_recv(internal) IS 'I/O';
COMMENT ON FUNCTION @extschema@.round_kind_send(@extschema@.round_kind) IS 'I/O';

-- casts to and from text

CREATE FUNCTION @extschema@.round_kind(text)
RETURNS @extschema@.round_kind
AS 'MODULE_PATHNAME', 'round_kind_from_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.text(@extschema@.round_kind)
RETURNS text
AS 'MODULE_PATHNAME', 'round_kind_to_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.round_kind(text) IS
'parse a round kind (label, Chinese or English name, as funding text writes it)';
COMMENT ON FUNCTION @extschema@.text(@extschema@.round_kind) IS 'canonical label of a round kind';

CREATE CAST (text AS @extschema@.round_kind) WITH FUNCTION @extschema@.round_kind(text) AS ASSIGNMENT;
CREATE CAST (varchar AS @extschema@.round_kind) WITH FUNCTION @extschema@.round_kind(text) AS ASSIGNMENT;
CREATE CAST (@extschema@.round_kind AS text) WITH FUNCTION @extschema@.text(@extschema@.round_kind) AS ASSIGNMENT;

COMMENT ON CAST (text AS @extschema@.round_kind) IS 'parse a round kind';
COMMENT ON CAST (varchar AS @extschema@.round_kind) IS 'parse a round kind';
COMMENT ON CAST (@extschema@.round_kind AS text) IS 'canonical label';

-- comparison

CREATE FUNCTION @extschema@.round_kind_lt(@extschema@.round_kind, @extschema@.round_kind)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.round_kind_le(@extschema@.round_kind, @extschema@.round_kind)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.round_kind_eq(@extschema@.round_kind, @extschema@.round_kind)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.round_kind_ne(@extschema@.round_kind, @extschema@.round_kind)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.round_kind_ge(@extschema@.round_kind, @extschema@.round_kind)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.round_kind_gt(@extschema@.round_kind, @extschema@.round_kind)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.round_kind_cmp(@extschema@.round_kind, @extschema@.round_kind)
RETURNS integer
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.round_kind_lt(@extschema@.round_kind, @extschema@.round_kind) IS 'implementation of < operator';
COMMENT ON FUNCTION @extschema@.round_kind_le(@extschema@.round_kind, @extschema@.round_kind) IS 'implementation of <= operator';
COMMENT ON FUNCTION @extschema@.round_kind_eq(@extschema@.round_kind, @extschema@.round_kind) IS 'implementation of = operator';
COMMENT ON FUNCTION @extschema@.round_kind_ne(@extschema@.round_kind, @extschema@.round_kind) IS 'implementation of <> operator';
COMMENT ON FUNCTION @extschema@.round_kind_ge(@extschema@.round_kind, @extschema@.round_kind) IS 'implementation of >= operator';
COMMENT ON FUNCTION @extschema@.round_kind_gt(@extschema@.round_kind, @extschema@.round_kind) IS 'implementation of > operator';
COMMENT ON FUNCTION @extschema@.round_kind_cmp(@extschema@.round_kind, @extschema@.round_kind) IS 'less-equal-greater';

CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.round_kind,
	RIGHTARG = @extschema@.round_kind,
	FUNCTION = @extschema@.round_kind_lt,
	COMMUTATOR = OPERATOR(@extschema@.>),
	NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel,
	JOIN = pg_catalog.scalarltjoinsel
);

CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.round_kind,
	RIGHTARG = @extschema@.round_kind,
	FUNCTION = @extschema@.round_kind_le,
	COMMUTATOR = OPERATOR(@extschema@.>=),
	NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel,
	JOIN = pg_catalog.scalarlejoinsel
);

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.round_kind,
	RIGHTARG = @extschema@.round_kind,
	FUNCTION = @extschema@.round_kind_eq,
	COMMUTATOR = OPERATOR(@extschema@.=),
	NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel,
	JOIN = pg_catalog.eqjoinsel,
	HASHES,
	MERGES
);

CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.round_kind,
	RIGHTARG = @extschema@.round_kind,
	FUNCTION = @extschema@.round_kind_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>),
	NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel,
	JOIN = pg_catalog.neqjoinsel
);

CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.round_kind,
	RIGHTARG = @extschema@.round_kind,
	FUNCTION = @extschema@.round_kind_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=),
	NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel,
	JOIN = pg_catalog.scalargejoinsel
);

CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.round_kind,
	RIGHTARG = @extschema@.round_kind,
	FUNCTION = @extschema@.round_kind_gt,
	COMMUTATOR = OPERATOR(@extschema@.<),
	NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel,
	JOIN = pg_catalog.scalargtjoinsel
);

COMMENT ON OPERATOR @extschema@.< (@extschema@.round_kind, @extschema@.round_kind) IS 'earlier in round_kinds() order than';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.round_kind, @extschema@.round_kind) IS 'earlier in round_kinds() order than or equal';
COMMENT ON OPERATOR @extschema@.= (@extschema@.round_kind, @extschema@.round_kind) IS 'the same kind';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.round_kind, @extschema@.round_kind) IS 'a different kind';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.round_kind, @extschema@.round_kind) IS 'later in round_kinds() order than or equal';
COMMENT ON OPERATOR @extschema@.> (@extschema@.round_kind, @extschema@.round_kind) IS 'later in round_kinds() order than';

-- hashing (stable across machines and versions)

CREATE FUNCTION @extschema@.hash_round_kind(@extschema@.round_kind)
RETURNS integer
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION @extschema@.hash_round_kind_extended(@extschema@.round_kind, bigint)
RETURNS bigint
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.hash_round_kind(@extschema@.round_kind) IS 'hash';
COMMENT ON FUNCTION @extschema@.hash_round_kind_extended(@extschema@.round_kind, bigint) IS 'hash with seed';

CREATE OPERATOR CLASS @extschema@.round_kind_ops
DEFAULT FOR TYPE @extschema@.round_kind USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.round_kind_cmp(@extschema@.round_kind, @extschema@.round_kind),
	FUNCTION 4 pg_catalog.btequalimage(oid);

CREATE OPERATOR CLASS @extschema@.round_kind_ops
DEFAULT FOR TYPE @extschema@.round_kind USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.hash_round_kind(@extschema@.round_kind),
	FUNCTION 2 @extschema@.hash_round_kind_extended(@extschema@.round_kind, bigint);

COMMENT ON OPERATOR CLASS @extschema@.round_kind_ops USING btree IS 'round_kinds() order';
COMMENT ON OPERATOR FAMILY @extschema@.round_kind_ops USING btree IS 'round_kinds() order';
COMMENT ON OPERATOR CLASS @extschema@.round_kind_ops USING hash IS 'stable hash of the kind code';
COMMENT ON OPERATOR FAMILY @extschema@.round_kind_ops USING hash IS 'stable hash of the kind code';

-- the vocabulary and classification

CREATE FUNCTION @extschema@.round_kinds(
	OUT rank integer, OUT kind @extschema@.round_kind, OUT name_zh text, OUT category text,
	OUT is_equity boolean, OUT is_exit boolean)
RETURNS SETOF record
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 34;
CREATE FUNCTION @extschema@.kind_rank(@extschema@.round_kind)
RETURNS integer
AS 'MODULE_PATHNAME', 'round_kind_rank' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.kind_name_zh(@extschema@.round_kind)
RETURNS text
AS 'MODULE_PATHNAME', 'round_kind_name_zh' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.round_category(@extschema@.round_kind)
RETURNS text
AS 'MODULE_PATHNAME', 'round_kind_category' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.round_kind(@extschema@.funding_round)
RETURNS @extschema@.round_kind
AS 'MODULE_PATHNAME', 'funding_round_kind' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.round_category(@extschema@.funding_round)
RETURNS text
AS 'MODULE_PATHNAME', 'funding_round_category' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.round_kinds() IS 'the round-kind vocabulary, in order, with each kind''s family';
COMMENT ON FUNCTION @extschema@.kind_rank(@extschema@.round_kind) IS 'position in round_kinds(), 1 (pre_seed) to 34 (undisclosed)';
COMMENT ON FUNCTION @extschema@.kind_name_zh(@extschema@.round_kind) IS 'Chinese name of a round kind';
COMMENT ON FUNCTION @extschema@.round_category(@extschema@.round_kind) IS
'family of a round kind: venture, public_equity, exit, hybrid, debt, grant or unknown';
COMMENT ON FUNCTION @extschema@.round_kind(@extschema@.funding_round) IS 'the kind of a round, e.g. pre_a, b, grant_to_equity';
COMMENT ON FUNCTION @extschema@.round_category(@extschema@.funding_round) IS
'family of a round: venture, public_equity, exit, hybrid, debt, grant or unknown';
