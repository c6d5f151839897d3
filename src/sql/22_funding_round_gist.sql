
--
-- funding_round GiST, 0.2.0: the default operator class gist_funding_round_ops
-- whose leaves keep their rounds whole in about 13 bytes, exact and ready
-- for index-only scans (an index about two fifths of its table), a sorted build
-- on PostgreSQL 14 and later (src/sql/pg14/22_funding_round_gist_sort.sql),
-- and planner estimates of @@ from statistics that ANALYZE gathers
--

CREATE TYPE @extschema@.funding_round_gist2_key;

CREATE FUNCTION @extschema@.funding_round_gist2_key_in(cstring)
RETURNS @extschema@.funding_round_gist2_key
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.funding_round_gist2_key_out(@extschema@.funding_round_gist2_key)
RETURNS cstring
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.funding_round_gist2_key (
	INPUT = @extschema@.funding_round_gist2_key_in,
	OUTPUT = @extschema@.funding_round_gist2_key_out,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = int4,
	STORAGE = main
);

COMMENT ON TYPE @extschema@.funding_round_gist2_key IS
'internal: GiST key of gist_funding_round_ops (a leaf: its round, losslessly; above: days, amounts rounded outward, currencies)';
COMMENT ON FUNCTION @extschema@.funding_round_gist2_key_in(cstring) IS 'I/O (always fails: keys are internal)';
COMMENT ON FUNCTION @extschema@.funding_round_gist2_key_out(@extschema@.funding_round_gist2_key) IS 'I/O, for inspecting index pages';

-- the query argument is a funding_window; the validator wants the indexed type
CREATE FUNCTION @extschema@.funding_round_gist2_consistent(internal, @extschema@.funding_round, smallint, oid, internal)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_round_gist2_union(internal, internal)
RETURNS @extschema@.funding_round_gist2_key AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_round_gist2_compress(internal)
RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_round_gist2_penalty(internal, internal, internal)
RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_round_gist2_fetch(internal)
RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_round_gist2_picksplit(internal, internal)
RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_round_gist2_same(@extschema@.funding_round_gist2_key, @extschema@.funding_round_gist2_key, internal)
RETURNS internal AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_round_gist2_sortsupport(internal)
RETURNS void AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.funding_round_gist2_consistent(internal, @extschema@.funding_round, smallint, oid, internal) IS 'GiST support';
COMMENT ON FUNCTION @extschema@.funding_round_gist2_union(internal, internal) IS 'GiST support';
COMMENT ON FUNCTION @extschema@.funding_round_gist2_compress(internal) IS 'GiST support';
COMMENT ON FUNCTION @extschema@.funding_round_gist2_penalty(internal, internal, internal) IS 'GiST support';
COMMENT ON FUNCTION @extschema@.funding_round_gist2_fetch(internal) IS 'GiST support: the round of a leaf key, for index-only scans';
COMMENT ON FUNCTION @extschema@.funding_round_gist2_picksplit(internal, internal) IS 'GiST support';
COMMENT ON FUNCTION @extschema@.funding_round_gist2_same(@extschema@.funding_round_gist2_key, @extschema@.funding_round_gist2_key, internal) IS 'GiST support';
COMMENT ON FUNCTION @extschema@.funding_round_gist2_sortsupport(internal) IS
'GiST support: sorted build along a Hilbert curve of currency, date and amount (PostgreSQL 14 and later)';

CREATE OPERATOR CLASS @extschema@.gist_funding_round_ops
DEFAULT FOR TYPE @extschema@.funding_round USING gist AS
	OPERATOR 1 @extschema@.@@ (@extschema@.funding_round, @extschema@.funding_window),
	FUNCTION 1 @extschema@.funding_round_gist2_consistent(internal, @extschema@.funding_round, smallint, oid, internal),
	FUNCTION 2 @extschema@.funding_round_gist2_union(internal, internal),
	FUNCTION 3 @extschema@.funding_round_gist2_compress(internal),
	FUNCTION 5 @extschema@.funding_round_gist2_penalty(internal, internal, internal),
	FUNCTION 6 @extschema@.funding_round_gist2_picksplit(internal, internal),
	FUNCTION 7 @extschema@.funding_round_gist2_same(@extschema@.funding_round_gist2_key, @extschema@.funding_round_gist2_key, internal),
	FUNCTION 9 @extschema@.funding_round_gist2_fetch(internal),
	STORAGE @extschema@.funding_round_gist2_key;

COMMENT ON OPERATOR CLASS @extschema@.gist_funding_round_ops USING gist IS
'announcement period, amount range and currency: answers @@ funding_window exactly, index-only scans included';
COMMENT ON OPERATOR FAMILY @extschema@.gist_funding_round_ops USING gist IS
'announcement period, amount range and currency: answers @@ funding_window exactly, index-only scans included';

-- statistics: ANALYZE keeps the standard ones (for the btree operators) and
-- a summary of periods, currencies and amounts for @@

CREATE FUNCTION @extschema@.funding_round_typanalyze(internal)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.funding_round_typanalyze(internal) IS
'ANALYZE support: standard statistics plus histograms of periods and amounts per currency';

ALTER TYPE @extschema@.funding_round SET (ANALYZE = @extschema@.funding_round_typanalyze);

CREATE FUNCTION @extschema@.funding_round_matchsel(internal, oid, internal, integer)
RETURNS double precision AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_round_matchjoinsel(internal, oid, internal, smallint, internal)
RETURNS double precision AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.funding_round_matchsel(internal, oid, internal, integer) IS
'restriction selectivity of @@: the window''s period, amount range and currency against the column''s statistics';
COMMENT ON FUNCTION @extschema@.funding_round_matchjoinsel(internal, oid, internal, smallint, internal) IS
'join selectivity of @@: the mean estimate of the windows in the window column''s statistics';

ALTER OPERATOR @extschema@.@@ (@extschema@.funding_round, @extschema@.funding_window) SET (
	RESTRICT = @extschema@.funding_round_matchsel,
	JOIN = @extschema@.funding_round_matchjoinsel
);
