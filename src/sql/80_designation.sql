
--
-- designation: an honour a firm holds (the cultivation ladders) -- scheme, issuer
-- level, list year, validity, batch and criteria edition -- as its own
-- dimension beside the project_stage ladder.  New in 0.2.0.
--

CREATE TYPE @extschema@.designation;

CREATE FUNCTION @extschema@.designation_in(cstring)
RETURNS @extschema@.designation
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.designation_out(@extschema@.designation)
RETURNS cstring
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.designation_recv(internal)
RETURNS @extschema@.designation
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.designation_send(@extschema@.designation)
RETURNS bytea
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.designation (
	INPUT = @extschema@.designation_in,
	OUTPUT = @extschema@.designation_out,
	RECEIVE = @extschema@.designation_recv,
	SEND = @extschema@.designation_send,
	INTERNALLENGTH = 8,
	PASSEDBYVALUE,
	ALIGNMENT = double,
	STORAGE = plain
);

COMMENT ON TYPE @extschema@.designation IS
'an honour a firm holds: scheme (high_tech, little_giant, gazelle, ...), issuer level, list year, validity, batch and criteria edition';
COMMENT ON FUNCTION @extschema@.designation_in(cstring) IS 'I/O';
COMMENT ON FUNCTION @extschema@.designation_out(@extschema@.designation) IS 'I/O';
COMMENT ON FUNCTION @extschema@.designation_recv(internal) IS 'I/O';
COMMENT ON FUNCTION @extschema@.designation_send(@extschema@.designation) IS 'I/O';

-- casts to and from text

CREATE FUNCTION @extschema@.designation(text)
RETURNS @extschema@.designation
AS 'MODULE_PATHNAME', 'designation_from_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.text(@extschema@.designation)
RETURNS text
AS 'MODULE_PATHNAME', 'designation_to_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.try_designation(text)
RETURNS @extschema@.designation
AS 'MODULE_PATHNAME', 'try_designation'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.designation(text) IS
'read a designation as sources write it, in Chinese or English (Jiangsu gazelle 2024)';
COMMENT ON FUNCTION @extschema@.text(@extschema@.designation) IS
'canonical text of a designation (provincial gazelle 2024)';
COMMENT ON FUNCTION @extschema@.try_designation(text) IS
'the designation a text names, or NULL where it names none or is ambiguous';

CREATE CAST (text AS @extschema@.designation) WITH FUNCTION @extschema@.designation(text) AS ASSIGNMENT;
CREATE CAST (varchar AS @extschema@.designation) WITH FUNCTION @extschema@.designation(text) AS ASSIGNMENT;
CREATE CAST (bpchar AS @extschema@.designation) WITH INOUT AS ASSIGNMENT;
CREATE CAST (@extschema@.designation AS text) WITH FUNCTION @extschema@.text(@extschema@.designation) AS ASSIGNMENT;

COMMENT ON CAST (text AS @extschema@.designation) IS 'read a designation';
COMMENT ON CAST (varchar AS @extschema@.designation) IS 'read a designation';
COMMENT ON CAST (bpchar AS @extschema@.designation) IS 'read a designation';
COMMENT ON CAST (@extschema@.designation AS text) IS 'canonical text';


-- The storage order (btree, ORDER BY, DISTINCT, merge joins): by track, rung,
-- level, list year, validity, batch, edition.  Its operators are ~<~ and
-- friends, as text_pattern_ops' are, because across tracks it is no order
-- of honours: < and friends below compare rungs of one track only.

CREATE FUNCTION @extschema@.designation_lt(@extschema@.designation, @extschema@.designation)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.designation_le(@extschema@.designation, @extschema@.designation)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.designation_eq(@extschema@.designation, @extschema@.designation)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.designation_ne(@extschema@.designation, @extschema@.designation)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.designation_ge(@extschema@.designation, @extschema@.designation)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.designation_gt(@extschema@.designation, @extschema@.designation)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.designation_cmp(@extschema@.designation, @extschema@.designation)
RETURNS integer
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.designation_sortsupport(internal)
RETURNS void
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.designation_lt(@extschema@.designation, @extschema@.designation) IS 'implementation of ~<~ operator';
COMMENT ON FUNCTION @extschema@.designation_le(@extschema@.designation, @extschema@.designation) IS 'implementation of ~<=~ operator';
COMMENT ON FUNCTION @extschema@.designation_eq(@extschema@.designation, @extschema@.designation) IS 'implementation of = operator';
COMMENT ON FUNCTION @extschema@.designation_ne(@extschema@.designation, @extschema@.designation) IS 'implementation of <> operator';
COMMENT ON FUNCTION @extschema@.designation_ge(@extschema@.designation, @extschema@.designation) IS 'implementation of ~>=~ operator';
COMMENT ON FUNCTION @extschema@.designation_gt(@extschema@.designation, @extschema@.designation) IS 'implementation of ~>~ operator';
COMMENT ON FUNCTION @extschema@.designation_cmp(@extschema@.designation, @extschema@.designation) IS 'less-equal-greater, in the storage order';
COMMENT ON FUNCTION @extschema@.designation_sortsupport(internal) IS 'sort support';

CREATE OPERATOR @extschema@.~<~ (
	LEFTARG = @extschema@.designation,
	RIGHTARG = @extschema@.designation,
	FUNCTION = @extschema@.designation_lt,
	COMMUTATOR = OPERATOR(@extschema@.~>~),
	NEGATOR = OPERATOR(@extschema@.~>=~),
	RESTRICT = pg_catalog.scalarltsel,
	JOIN = pg_catalog.scalarltjoinsel
);

CREATE OPERATOR @extschema@.~<=~ (
	LEFTARG = @extschema@.designation,
	RIGHTARG = @extschema@.designation,
	FUNCTION = @extschema@.designation_le,
	COMMUTATOR = OPERATOR(@extschema@.~>=~),
	NEGATOR = OPERATOR(@extschema@.~>~),
	RESTRICT = pg_catalog.scalarlesel,
	JOIN = pg_catalog.scalarlejoinsel
);

CREATE OPERATOR @extschema@.= (
	LEFTARG = @extschema@.designation,
	RIGHTARG = @extschema@.designation,
	FUNCTION = @extschema@.designation_eq,
	COMMUTATOR = OPERATOR(@extschema@.=),
	NEGATOR = OPERATOR(@extschema@.<>),
	RESTRICT = pg_catalog.eqsel,
	JOIN = pg_catalog.eqjoinsel,
	HASHES,
	MERGES
);

CREATE OPERATOR @extschema@.<> (
	LEFTARG = @extschema@.designation,
	RIGHTARG = @extschema@.designation,
	FUNCTION = @extschema@.designation_ne,
	COMMUTATOR = OPERATOR(@extschema@.<>),
	NEGATOR = OPERATOR(@extschema@.=),
	RESTRICT = pg_catalog.neqsel,
	JOIN = pg_catalog.neqjoinsel
);

CREATE OPERATOR @extschema@.~>=~ (
	LEFTARG = @extschema@.designation,
	RIGHTARG = @extschema@.designation,
	FUNCTION = @extschema@.designation_ge,
	COMMUTATOR = OPERATOR(@extschema@.~<=~),
	NEGATOR = OPERATOR(@extschema@.~<~),
	RESTRICT = pg_catalog.scalargesel,
	JOIN = pg_catalog.scalargejoinsel
);

CREATE OPERATOR @extschema@.~>~ (
	LEFTARG = @extschema@.designation,
	RIGHTARG = @extschema@.designation,
	FUNCTION = @extschema@.designation_gt,
	COMMUTATOR = OPERATOR(@extschema@.~<~),
	NEGATOR = OPERATOR(@extschema@.~<=~),
	RESTRICT = pg_catalog.scalargtsel,
	JOIN = pg_catalog.scalargtjoinsel
);

COMMENT ON OPERATOR @extschema@.~<~ (@extschema@.designation, @extschema@.designation) IS 'sorts before';
COMMENT ON OPERATOR @extschema@.~<=~ (@extschema@.designation, @extschema@.designation) IS 'sorts before or equal';
COMMENT ON OPERATOR @extschema@.= (@extschema@.designation, @extschema@.designation) IS 'equal: the same honour, level, year, validity, batch and edition';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.designation, @extschema@.designation) IS 'not equal';
COMMENT ON OPERATOR @extschema@.~>=~ (@extschema@.designation, @extschema@.designation) IS 'sorts after or equal';
COMMENT ON OPERATOR @extschema@.~>~ (@extschema@.designation, @extschema@.designation) IS 'sorts after';

-- The ladder: within one track, by rung (innovative_sme < specialized_sme <
-- little_giant < single_champion);
-- NULL across tracks, where honours are not ordered (a gazelle is neither
-- above nor below a high-tech firm).  Level and year do not count.

CREATE FUNCTION @extschema@.designation_ladder_lt(@extschema@.designation, @extschema@.designation)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.designation_ladder_le(@extschema@.designation, @extschema@.designation)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.designation_ladder_ge(@extschema@.designation, @extschema@.designation)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.designation_ladder_gt(@extschema@.designation, @extschema@.designation)
RETURNS boolean
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.designation_ladder_lt(@extschema@.designation, @extschema@.designation) IS 'implementation of < operator (NULL across tracks)';
COMMENT ON FUNCTION @extschema@.designation_ladder_le(@extschema@.designation, @extschema@.designation) IS 'implementation of <= operator (NULL across tracks)';
COMMENT ON FUNCTION @extschema@.designation_ladder_ge(@extschema@.designation, @extschema@.designation) IS 'implementation of >= operator (NULL across tracks)';
COMMENT ON FUNCTION @extschema@.designation_ladder_gt(@extschema@.designation, @extschema@.designation) IS 'implementation of > operator (NULL across tracks)';

CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.designation,
	RIGHTARG = @extschema@.designation,
	FUNCTION = @extschema@.designation_ladder_lt,
	COMMUTATOR = OPERATOR(@extschema@.>)
);

CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.designation,
	RIGHTARG = @extschema@.designation,
	FUNCTION = @extschema@.designation_ladder_le,
	COMMUTATOR = OPERATOR(@extschema@.>=)
);

CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.designation,
	RIGHTARG = @extschema@.designation,
	FUNCTION = @extschema@.designation_ladder_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=)
);

CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.designation,
	RIGHTARG = @extschema@.designation,
	FUNCTION = @extschema@.designation_ladder_gt,
	COMMUTATOR = OPERATOR(@extschema@.<)
);

COMMENT ON OPERATOR @extschema@.< (@extschema@.designation, @extschema@.designation) IS 'lower on its track than (NULL across tracks)';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.designation, @extschema@.designation) IS 'lower on its track than or at the same rung (NULL across tracks)';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.designation, @extschema@.designation) IS 'at or above on its track (NULL across tracks)';
COMMENT ON OPERATOR @extschema@.> (@extschema@.designation, @extschema@.designation) IS 'above on its track (NULL across tracks)';

-- hashing (stable across machines and versions)

CREATE FUNCTION @extschema@.hash_designation(@extschema@.designation)
RETURNS integer
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

CREATE FUNCTION @extschema@.hash_designation_extended(@extschema@.designation, bigint)
RETURNS bigint
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION @extschema@.hash_designation(@extschema@.designation) IS 'hash';
COMMENT ON FUNCTION @extschema@.hash_designation_extended(@extschema@.designation, bigint) IS 'hash with seed';

CREATE OPERATOR CLASS @extschema@.designation_ops
DEFAULT FOR TYPE @extschema@.designation USING btree AS
	OPERATOR 1 @extschema@.~<~,
	OPERATOR 2 @extschema@.~<=~,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.~>=~,
	OPERATOR 5 @extschema@.~>~,
	FUNCTION 1 @extschema@.designation_cmp(@extschema@.designation, @extschema@.designation),
	FUNCTION 2 @extschema@.designation_sortsupport(internal);

CREATE OPERATOR CLASS @extschema@.designation_hash_ops
DEFAULT FOR TYPE @extschema@.designation USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.hash_designation(@extschema@.designation),
	FUNCTION 2 @extschema@.hash_designation_extended(@extschema@.designation, bigint);

COMMENT ON OPERATOR CLASS @extschema@.designation_ops USING btree IS
'storage order of designations: by track, rung, level, list year, validity, batch, edition';
COMMENT ON OPERATOR CLASS @extschema@.designation_hash_ops USING hash IS 'hash of designations';
COMMENT ON OPERATOR FAMILY @extschema@.designation_ops USING btree IS
'storage order of designations: by track, rung, level, list year, validity, batch, edition';
COMMENT ON OPERATOR FAMILY @extschema@.designation_hash_ops USING hash IS 'hash of designations';

-- parts


CREATE FUNCTION @extschema@.scheme(@extschema@.designation)
RETURNS text
AS 'MODULE_PATHNAME', 'designation_scheme'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.scheme_zh(@extschema@.designation)
RETURNS text
AS 'MODULE_PATHNAME', 'designation_scheme_zh'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.track(@extschema@.designation)
RETURNS text
AS 'MODULE_PATHNAME', 'designation_track'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.rung(@extschema@.designation)
RETURNS integer
AS 'MODULE_PATHNAME', 'designation_rung'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.level(@extschema@.designation)
RETURNS text
AS 'MODULE_PATHNAME', 'designation_level'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.list_year(@extschema@.designation)
RETURNS integer
AS 'MODULE_PATHNAME', 'designation_list_year'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.valid_until(@extschema@.designation)
RETURNS integer
AS 'MODULE_PATHNAME', 'designation_valid_until'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.list_batch(@extschema@.designation)
RETURNS integer
AS 'MODULE_PATHNAME', 'designation_list_batch'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.criteria_edition(@extschema@.designation)
RETURNS integer
AS 'MODULE_PATHNAME', 'designation_criteria_edition'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.valid_on(@extschema@.designation, date)
RETURNS boolean
AS 'MODULE_PATHNAME', 'designation_valid_on'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.scheme(@extschema@.designation) IS 'the scheme''s English label (high_tech, little_giant, gazelle)';
COMMENT ON FUNCTION @extschema@.scheme_zh(@extschema@.designation) IS 'the scheme''s Chinese name';
COMMENT ON FUNCTION @extschema@.track(@extschema@.designation) IS 'the scheme''s track: tech, miit, valuation or growth';
COMMENT ON FUNCTION @extschema@.rung(@extschema@.designation) IS 'the scheme''s rung on its track (1 = first)';
COMMENT ON FUNCTION @extschema@.level(@extschema@.designation) IS 'the issuer level (national, provincial, municipal, district), NULL where the text named none';
COMMENT ON FUNCTION @extschema@.list_year(@extschema@.designation) IS 'the list year, NULL where not given';
COMMENT ON FUNCTION @extschema@.valid_until(@extschema@.designation) IS 'the last year of validity, NULL where the list year or the scheme''s term is unknown';
COMMENT ON FUNCTION @extschema@.list_batch(@extschema@.designation) IS 'the list batch (the Nth batch), NULL where not given';
COMMENT ON FUNCTION @extschema@.criteria_edition(@extschema@.designation) IS 'the year of the criteria edition, NULL where not given';
COMMENT ON FUNCTION @extschema@.valid_on(@extschema@.designation, date) IS 'is the designation valid in the year of the date? NULL where its validity is unknown';

-- the vocabulary, from the tables the reader reads

CREATE FUNCTION @extschema@.designation_schemes(
	OUT scheme text, OUT name_zh text, OUT track text, OUT rung integer,
	OUT levels text[], OUT default_level text, OUT term_years integer,
	OUT issuer text, OUT definition text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'designation_schemes'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 11;

CREATE FUNCTION @extschema@.designation_vocabulary(OUT word text, OUT role text, OUT meaning text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'designation_vocabulary'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 200;

COMMENT ON FUNCTION @extschema@.designation_schemes() IS
'one row per designation scheme: track, rung, issuing levels, default level, documented term, issuer, definition';
COMMENT ON FUNCTION @extschema@.designation_vocabulary() IS
'every word the designation reader knows: scheme spellings, levels, places, batch, validity and edition words, fillers';
