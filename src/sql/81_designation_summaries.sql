
--
-- Honours held together (0.2.0): designation_set, one firm's honours, and
-- designation_counts, a summary over firms -- holders per scheme, level and
-- year, co-holding of any two schemes, holders valid in a year.  Both merge
-- exactly with rollup(); their aggregate states are the types themselves,
-- so parallel query and Citus run them as partial aggregates.
--

CREATE TYPE @extschema@.designation_set;

CREATE FUNCTION @extschema@.designation_set_in(cstring) RETURNS @extschema@.designation_set
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.designation_set_out(@extschema@.designation_set) RETURNS cstring
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.designation_set_recv(internal) RETURNS @extschema@.designation_set
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.designation_set_send(@extschema@.designation_set) RETURNS bytea
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.designation_set (
	INPUT = @extschema@.designation_set_in,
	OUTPUT = @extschema@.designation_set_out,
	RECEIVE = @extschema@.designation_set_recv,
	SEND = @extschema@.designation_set_send,
	INTERNALLENGTH = 392,
	ALIGNMENT = double,
	STORAGE = plain
);

COMMENT ON FUNCTION @extschema@.designation_set_in(cstring) IS 'I/O';
COMMENT ON FUNCTION @extschema@.designation_set_out(@extschema@.designation_set) IS 'I/O';
COMMENT ON FUNCTION @extschema@.designation_set_recv(internal) IS 'I/O';
COMMENT ON FUNCTION @extschema@.designation_set_send(@extschema@.designation_set) IS 'I/O';

COMMENT ON TYPE @extschema@.designation_set IS
'one firm''s honours: the list years of each scheme at each level, the years of validity; merges with rollup()';

CREATE FUNCTION @extschema@.designation_set_add(@extschema@.designation_set, @extschema@.designation) RETURNS @extschema@.designation_set
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.designation_set_union(@extschema@.designation_set, @extschema@.designation_set) RETURNS @extschema@.designation_set
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.designation_set_add(@extschema@.designation_set, @extschema@.designation) IS 'aggregate transition function';
COMMENT ON FUNCTION @extschema@.designation_set_union(@extschema@.designation_set, @extschema@.designation_set) IS 'aggregate combine function: the union of two sets';

CREATE AGGREGATE @extschema@.designation_set(@extschema@.designation) (
	SFUNC = @extschema@.designation_set_add,
	STYPE = @extschema@.designation_set,
	COMBINEFUNC = @extschema@.designation_set_union,
	INITCOND = '{}',
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.rollup(@extschema@.designation_set) (
	SFUNC = @extschema@.designation_set_union,
	STYPE = @extschema@.designation_set,
	COMBINEFUNC = @extschema@.designation_set_union,
	INITCOND = '{}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.designation_set(@extschema@.designation) IS 'gather one firm''s designations into a designation_set';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.designation_set) IS 'the union of designation_sets';

CREATE FUNCTION @extschema@.designation_set_holds(@extschema@.designation_set, @extschema@.designation) RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.designation_set_holds(@extschema@.designation_set, @extschema@.designation) IS 'implementation of @> operator';
CREATE OPERATOR @extschema@.@> (
	LEFTARG = @extschema@.designation_set, RIGHTARG = @extschema@.designation, FUNCTION = @extschema@.designation_set_holds,
	RESTRICT = pg_catalog.contsel, JOIN = pg_catalog.contjoinsel
);
COMMENT ON OPERATOR @extschema@.@> (@extschema@.designation_set, @extschema@.designation) IS
'holds the designation''s scheme, at its level and in its list year where it states them';

CREATE FUNCTION @extschema@.valid_on(@extschema@.designation_set, text, date) RETURNS boolean
AS 'MODULE_PATHNAME', 'designation_set_valid_on' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.schemes(@extschema@.designation_set) RETURNS text[]
AS 'MODULE_PATHNAME', 'designation_set_schemes' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.designations(@extschema@.designation_set, OUT scheme text, OUT level text, OUT list_year integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'designation_set_rows' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.jsonb(@extschema@.designation_set) RETURNS jsonb
AS 'MODULE_PATHNAME', 'designation_set_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.valid_on(@extschema@.designation_set, text, date) IS
'does the firm hold the scheme valid in the year of the date? NULL where only a designation of unknown validity could make it so';
COMMENT ON FUNCTION @extschema@.schemes(@extschema@.designation_set) IS 'the schemes held, in the order of designation_schemes()';
COMMENT ON FUNCTION @extschema@.designations(@extschema@.designation_set) IS
'one row per scheme, level and list year held (level NULL: unstated; list_year NULL: none given)';
COMMENT ON FUNCTION @extschema@.jsonb(@extschema@.designation_set) IS 'the set as JSON';
CREATE CAST (@extschema@.designation_set AS jsonb) WITH FUNCTION @extschema@.jsonb(@extschema@.designation_set);
COMMENT ON CAST (@extschema@.designation_set AS jsonb) IS 'the set as JSON';

CREATE TYPE @extschema@.designation_counts;

CREATE FUNCTION @extschema@.designation_counts_in(cstring) RETURNS @extschema@.designation_counts
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.designation_counts_out(@extschema@.designation_counts) RETURNS cstring
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.designation_counts_recv(internal) RETURNS @extschema@.designation_counts
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.designation_counts_send(@extschema@.designation_counts) RETURNS bytea
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.designation_counts (
	INPUT = @extschema@.designation_counts_in,
	OUTPUT = @extschema@.designation_counts_out,
	RECEIVE = @extschema@.designation_counts_recv,
	SEND = @extschema@.designation_counts_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);

COMMENT ON FUNCTION @extschema@.designation_counts_in(cstring) IS 'I/O';
COMMENT ON FUNCTION @extschema@.designation_counts_out(@extschema@.designation_counts) IS 'I/O';
COMMENT ON FUNCTION @extschema@.designation_counts_recv(internal) IS 'I/O';
COMMENT ON FUNCTION @extschema@.designation_counts_send(@extschema@.designation_counts) IS 'I/O';

COMMENT ON TYPE @extschema@.designation_counts IS
'summary over firms'' designation_sets: holders per scheme, level and year, co-holding of two schemes, holders valid in a year; merges exactly with rollup()';

CREATE FUNCTION @extschema@.designation_counts_add(@extschema@.designation_counts, @extschema@.designation_set) RETURNS @extschema@.designation_counts
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.designation_counts_merge(@extschema@.designation_counts, @extschema@.designation_counts) RETURNS @extschema@.designation_counts
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.designation_counts_add(@extschema@.designation_counts, @extschema@.designation_set) IS 'aggregate transition function';
COMMENT ON FUNCTION @extschema@.designation_counts_merge(@extschema@.designation_counts, @extschema@.designation_counts) IS 'aggregate combine function: counts add';

CREATE AGGREGATE @extschema@.designation_counts(@extschema@.designation_set) (
	SFUNC = @extschema@.designation_counts_add,
	STYPE = @extschema@.designation_counts,
	COMBINEFUNC = @extschema@.designation_counts_merge,
	INITCOND = '{"projects": 0}',
	PARALLEL = SAFE
);
CREATE AGGREGATE @extschema@.rollup(@extschema@.designation_counts) (
	SFUNC = @extschema@.designation_counts_merge,
	STYPE = @extschema@.designation_counts,
	COMBINEFUNC = @extschema@.designation_counts_merge,
	INITCOND = '{"projects": 0}',
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.designation_counts(@extschema@.designation_set) IS 'summarize firms'' designation_sets (one set per firm)';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.designation_counts) IS 'merge designation_counts summaries (park -> district -> city)';

CREATE FUNCTION @extschema@.projects(@extschema@.designation_counts) RETURNS bigint
AS 'MODULE_PATHNAME', 'designation_counts_projects' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.holders(@extschema@.designation_counts, text) RETURNS bigint
AS 'MODULE_PATHNAME', 'designation_counts_holders' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.holders(@extschema@.designation_counts, text, text) RETURNS bigint
AS 'MODULE_PATHNAME', 'designation_counts_holders_level' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.holders(@extschema@.designation_counts, text, integer) RETURNS bigint
AS 'MODULE_PATHNAME', 'designation_counts_holders_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.holders(@extschema@.designation_counts, text, text, integer) RETURNS bigint
AS 'MODULE_PATHNAME', 'designation_counts_holders_level_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.holders_valid(@extschema@.designation_counts, text, date) RETURNS bigint
AS 'MODULE_PATHNAME', 'designation_counts_holders_valid' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.validity_unknown(@extschema@.designation_counts, text) RETURNS bigint
AS 'MODULE_PATHNAME', 'designation_counts_validity_unknown' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.coholders(@extschema@.designation_counts, text, text) RETURNS bigint
AS 'MODULE_PATHNAME', 'designation_counts_coholders' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.projects(@extschema@.designation_counts) IS 'firms summarized (sets, including empty ones)';
COMMENT ON FUNCTION @extschema@.holders(@extschema@.designation_counts, text) IS 'firms holding the scheme, at any level, in any year';
COMMENT ON FUNCTION @extschema@.holders(@extschema@.designation_counts, text, text) IS 'firms holding the scheme at the level (unstated: lists that name none), in any year';
COMMENT ON FUNCTION @extschema@.holders(@extschema@.designation_counts, text, integer) IS 'firms on a list of the scheme of the year, at any level';
COMMENT ON FUNCTION @extschema@.holders(@extschema@.designation_counts, text, text, integer) IS 'firms on the list of the scheme, level and year';
COMMENT ON FUNCTION @extschema@.holders_valid(@extschema@.designation_counts, text, date) IS 'firms known to hold the scheme valid in the year of the date';
COMMENT ON FUNCTION @extschema@.validity_unknown(@extschema@.designation_counts, text) IS 'holders of the scheme with a designation whose validity is unknown (no list year, or no documented term)';
COMMENT ON FUNCTION @extschema@.coholders(@extschema@.designation_counts, text, text) IS 'firms holding both schemes (the holders of one, when both are the same)';

CREATE FUNCTION @extschema@.coholding(@extschema@.designation_counts, OUT scheme_a text, OUT scheme_b text, OUT holders bigint)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'designation_counts_coholding' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 66;
CREATE FUNCTION @extschema@.holdings(@extschema@.designation_counts, OUT scheme text, OUT level text, OUT list_year integer, OUT holders bigint)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'designation_counts_holdings' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.jsonb(@extschema@.designation_counts) RETURNS jsonb
AS 'MODULE_PATHNAME', 'designation_counts_to_jsonb' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.coholding(@extschema@.designation_counts) IS
'the co-holding matrix: one row per pair of schemes (a <= b, in table order) with firms holding both';
COMMENT ON FUNCTION @extschema@.holdings(@extschema@.designation_counts) IS
'one row per scheme, level and list year with holders (level NULL: unstated; list_year NULL: none given)';
COMMENT ON FUNCTION @extschema@.jsonb(@extschema@.designation_counts) IS 'the summary as JSON';
CREATE CAST (@extschema@.designation_counts AS jsonb) WITH FUNCTION @extschema@.jsonb(@extschema@.designation_counts);
COMMENT ON CAST (@extschema@.designation_counts AS jsonb) IS 'the summary as JSON';

-- designation_set: behaves like a value (DISTINCT, GROUP BY, indexes), as the other summaries do

ALTER TYPE @extschema@.designation_set SET (ANALYZE = @extschema@.summary_typanalyze);

CREATE FUNCTION @extschema@.designation_set_eq(@extschema@.designation_set, @extschema@.designation_set) RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.designation_set_ne(@extschema@.designation_set, @extschema@.designation_set) RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.designation_set_lt(@extschema@.designation_set, @extschema@.designation_set) RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.designation_set_le(@extschema@.designation_set, @extschema@.designation_set) RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.designation_set_ge(@extschema@.designation_set, @extschema@.designation_set) RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.designation_set_gt(@extschema@.designation_set, @extschema@.designation_set) RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.designation_set_cmp(@extschema@.designation_set, @extschema@.designation_set) RETURNS integer
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.hash_designation_set(@extschema@.designation_set) RETURNS integer
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.hash_designation_set_extended(@extschema@.designation_set, bigint) RETURNS bigint
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.designation_set_eq(@extschema@.designation_set, @extschema@.designation_set) IS 'implementation of = operator';
COMMENT ON FUNCTION @extschema@.designation_set_ne(@extschema@.designation_set, @extschema@.designation_set) IS 'implementation of <> operator';
COMMENT ON FUNCTION @extschema@.designation_set_lt(@extschema@.designation_set, @extschema@.designation_set) IS 'implementation of < operator';
COMMENT ON FUNCTION @extschema@.designation_set_le(@extschema@.designation_set, @extschema@.designation_set) IS 'implementation of <= operator';
COMMENT ON FUNCTION @extschema@.designation_set_ge(@extschema@.designation_set, @extschema@.designation_set) IS 'implementation of >= operator';
COMMENT ON FUNCTION @extschema@.designation_set_gt(@extschema@.designation_set, @extschema@.designation_set) IS 'implementation of > operator';
COMMENT ON FUNCTION @extschema@.designation_set_cmp(@extschema@.designation_set, @extschema@.designation_set) IS 'less-equal-greater, in the order of the stored bytes';
COMMENT ON FUNCTION @extschema@.hash_designation_set(@extschema@.designation_set) IS 'hash of the binary form';
COMMENT ON FUNCTION @extschema@.hash_designation_set_extended(@extschema@.designation_set, bigint) IS 'hash of the binary form with seed';
CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.designation_set, RIGHTARG = @extschema@.designation_set, FUNCTION = @extschema@.designation_set_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.designation_set, RIGHTARG = @extschema@.designation_set, FUNCTION = @extschema@.designation_set_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.designation_set, RIGHTARG = @extschema@.designation_set, FUNCTION = @extschema@.designation_set_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.designation_set, RIGHTARG = @extschema@.designation_set, FUNCTION = @extschema@.designation_set_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.designation_set, RIGHTARG = @extschema@.designation_set, FUNCTION = @extschema@.designation_set_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.designation_set, RIGHTARG = @extschema@.designation_set, FUNCTION = @extschema@.designation_set_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.designation_set, @extschema@.designation_set) IS 'equal';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.designation_set, @extschema@.designation_set) IS 'not equal';
COMMENT ON OPERATOR @extschema@.< (@extschema@.designation_set, @extschema@.designation_set) IS 'in the order of the stored bytes (arbitrary but stable)';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.designation_set, @extschema@.designation_set) IS 'in the order of the stored bytes (arbitrary but stable)';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.designation_set, @extschema@.designation_set) IS 'in the order of the stored bytes (arbitrary but stable)';
COMMENT ON OPERATOR @extschema@.> (@extschema@.designation_set, @extschema@.designation_set) IS 'in the order of the stored bytes (arbitrary but stable)';
CREATE OPERATOR CLASS @extschema@.designation_set_ops
DEFAULT FOR TYPE @extschema@.designation_set USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.designation_set_cmp(@extschema@.designation_set, @extschema@.designation_set);
CREATE OPERATOR CLASS @extschema@.designation_set_ops
DEFAULT FOR TYPE @extschema@.designation_set USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.hash_designation_set(@extschema@.designation_set),
	FUNCTION 2 @extschema@.hash_designation_set_extended(@extschema@.designation_set, bigint);
COMMENT ON OPERATOR CLASS @extschema@.designation_set_ops USING btree IS 'the order of the stored bytes';
COMMENT ON OPERATOR FAMILY @extschema@.designation_set_ops USING btree IS 'the order of the stored bytes';
COMMENT ON OPERATOR CLASS @extschema@.designation_set_ops USING hash IS 'hash of the binary form';
COMMENT ON OPERATOR FAMILY @extschema@.designation_set_ops USING hash IS 'hash of the binary form';

CREATE CAST (text AS @extschema@.designation_set) WITH INOUT AS ASSIGNMENT;
CREATE CAST (varchar AS @extschema@.designation_set) WITH INOUT AS ASSIGNMENT;
CREATE CAST (bpchar AS @extschema@.designation_set) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (text AS @extschema@.designation_set) IS 'read a stored designation_set from its text form';
COMMENT ON CAST (varchar AS @extschema@.designation_set) IS 'read a stored designation_set from its text form';
COMMENT ON CAST (bpchar AS @extschema@.designation_set) IS 'read a stored designation_set from its text form';

-- designation_counts: behaves like a value (DISTINCT, GROUP BY, indexes), as the other summaries do

ALTER TYPE @extschema@.designation_counts SET (ANALYZE = @extschema@.summary_typanalyze);

CREATE FUNCTION @extschema@.designation_counts_eq(@extschema@.designation_counts, @extschema@.designation_counts) RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.designation_counts_ne(@extschema@.designation_counts, @extschema@.designation_counts) RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.designation_counts_lt(@extschema@.designation_counts, @extschema@.designation_counts) RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.designation_counts_le(@extschema@.designation_counts, @extschema@.designation_counts) RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.designation_counts_ge(@extschema@.designation_counts, @extschema@.designation_counts) RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.designation_counts_gt(@extschema@.designation_counts, @extschema@.designation_counts) RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.designation_counts_cmp(@extschema@.designation_counts, @extschema@.designation_counts) RETURNS integer
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.hash_designation_counts(@extschema@.designation_counts) RETURNS integer
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.hash_designation_counts_extended(@extschema@.designation_counts, bigint) RETURNS bigint
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.designation_counts_eq(@extschema@.designation_counts, @extschema@.designation_counts) IS 'implementation of = operator';
COMMENT ON FUNCTION @extschema@.designation_counts_ne(@extschema@.designation_counts, @extschema@.designation_counts) IS 'implementation of <> operator';
COMMENT ON FUNCTION @extschema@.designation_counts_lt(@extschema@.designation_counts, @extschema@.designation_counts) IS 'implementation of < operator';
COMMENT ON FUNCTION @extschema@.designation_counts_le(@extschema@.designation_counts, @extschema@.designation_counts) IS 'implementation of <= operator';
COMMENT ON FUNCTION @extschema@.designation_counts_ge(@extschema@.designation_counts, @extschema@.designation_counts) IS 'implementation of >= operator';
COMMENT ON FUNCTION @extschema@.designation_counts_gt(@extschema@.designation_counts, @extschema@.designation_counts) IS 'implementation of > operator';
COMMENT ON FUNCTION @extschema@.designation_counts_cmp(@extschema@.designation_counts, @extschema@.designation_counts) IS 'less-equal-greater, in the order of the stored bytes';
COMMENT ON FUNCTION @extschema@.hash_designation_counts(@extschema@.designation_counts) IS 'hash of the binary form';
COMMENT ON FUNCTION @extschema@.hash_designation_counts_extended(@extschema@.designation_counts, bigint) IS 'hash of the binary form with seed';
CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.designation_counts, RIGHTARG = @extschema@.designation_counts, FUNCTION = @extschema@.designation_counts_eq,
	COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
	HASHES, MERGES
);
CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.designation_counts, RIGHTARG = @extschema@.designation_counts, FUNCTION = @extschema@.designation_counts_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.designation_counts, RIGHTARG = @extschema@.designation_counts, FUNCTION = @extschema@.designation_counts_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.designation_counts, RIGHTARG = @extschema@.designation_counts, FUNCTION = @extschema@.designation_counts_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.designation_counts, RIGHTARG = @extschema@.designation_counts, FUNCTION = @extschema@.designation_counts_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.designation_counts, RIGHTARG = @extschema@.designation_counts, FUNCTION = @extschema@.designation_counts_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
COMMENT ON OPERATOR @extschema@.= (@extschema@.designation_counts, @extschema@.designation_counts) IS 'equal';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.designation_counts, @extschema@.designation_counts) IS 'not equal';
COMMENT ON OPERATOR @extschema@.< (@extschema@.designation_counts, @extschema@.designation_counts) IS 'in the order of the stored bytes (arbitrary but stable)';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.designation_counts, @extschema@.designation_counts) IS 'in the order of the stored bytes (arbitrary but stable)';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.designation_counts, @extschema@.designation_counts) IS 'in the order of the stored bytes (arbitrary but stable)';
COMMENT ON OPERATOR @extschema@.> (@extschema@.designation_counts, @extschema@.designation_counts) IS 'in the order of the stored bytes (arbitrary but stable)';
CREATE OPERATOR CLASS @extschema@.designation_counts_ops
DEFAULT FOR TYPE @extschema@.designation_counts USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.designation_counts_cmp(@extschema@.designation_counts, @extschema@.designation_counts);
CREATE OPERATOR CLASS @extschema@.designation_counts_ops
DEFAULT FOR TYPE @extschema@.designation_counts USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.hash_designation_counts(@extschema@.designation_counts),
	FUNCTION 2 @extschema@.hash_designation_counts_extended(@extschema@.designation_counts, bigint);
COMMENT ON OPERATOR CLASS @extschema@.designation_counts_ops USING btree IS 'the order of the stored bytes';
COMMENT ON OPERATOR FAMILY @extschema@.designation_counts_ops USING btree IS 'the order of the stored bytes';
COMMENT ON OPERATOR CLASS @extschema@.designation_counts_ops USING hash IS 'hash of the binary form';
COMMENT ON OPERATOR FAMILY @extschema@.designation_counts_ops USING hash IS 'hash of the binary form';

CREATE CAST (text AS @extschema@.designation_counts) WITH INOUT AS ASSIGNMENT;
CREATE CAST (varchar AS @extschema@.designation_counts) WITH INOUT AS ASSIGNMENT;
CREATE CAST (bpchar AS @extschema@.designation_counts) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (text AS @extschema@.designation_counts) IS 'read a stored designation_counts from its text form';
COMMENT ON CAST (varchar AS @extschema@.designation_counts) IS 'read a stored designation_counts from its text form';
COMMENT ON CAST (bpchar AS @extschema@.designation_counts) IS 'read a stored designation_counts from its text form';
