
--
-- funding_round: round kind, an amount kept as an honest [low, high] range
-- with a point estimate, currency, and announcement date with its precision
--

CREATE TYPE @extschema@.funding_round;

-- STABLE: typed input reads the setting innovation.default_currency
CREATE FUNCTION @extschema@.funding_round_in(cstring)
RETURNS @extschema@.funding_round
AS 'MODULE_PATHNAME' LANGUAGE C STABLE STRICT PARALLEL SAFE;

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
COMMENT ON FUNCTION @extschema@.funding_round_in(cstring) IS 'I/O (reads innovation.default_currency)';
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
'parse funding text in Chinese or English, such as ''Series B, $25M, 2023-06-15'' (doc/funding_round.md)';
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

CREATE FUNCTION @extschema@.funding_currencies(
	OUT currency text, OUT iso_numeric integer, OUT minor_digits integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

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

-- GiST, 0.1.0's operator class: the index key is a 32-byte bounding box of
-- announcement periods and amounts.  Kept, no longer the default, so that
-- the indexes 0.1.0 built keep working (the default class of 0.2.0 is in
-- 22_funding_round_gist.sql).  Its consistent function is declared with the
-- indexed type as its second argument, as amvalidate() requires (GiST passes
-- the query, a funding_window, whatever the declaration says); 0.1.0
-- declared funding_window there, and the upgrade script corrects that
-- declaration in place (src/sql/update/0.1.0--0.2.0-changes.sql)

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

COMMENT ON TYPE @extschema@.funding_round_gist_key IS 'internal: GiST key of gist_funding_round_v1_ops (a 32-byte bounding box)';
COMMENT ON FUNCTION @extschema@.funding_round_gist_key_in(cstring) IS 'I/O (always fails: keys are internal)';
COMMENT ON FUNCTION @extschema@.funding_round_gist_key_out(@extschema@.funding_round_gist_key) IS 'I/O, for inspecting index pages';

CREATE FUNCTION @extschema@.funding_round_gist_consistent(internal, @extschema@.funding_round, smallint, oid, internal)
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

COMMENT ON FUNCTION @extschema@.funding_round_gist_consistent(internal, @extschema@.funding_round, smallint, oid, internal) IS 'GiST support';
COMMENT ON FUNCTION @extschema@.funding_round_gist_union(internal, internal) IS 'GiST support';
COMMENT ON FUNCTION @extschema@.funding_round_gist_compress(internal) IS 'GiST support';
COMMENT ON FUNCTION @extschema@.funding_round_gist_penalty(internal, internal, internal) IS 'GiST support';
COMMENT ON FUNCTION @extschema@.funding_round_gist_picksplit(internal, internal) IS 'GiST support';
COMMENT ON FUNCTION @extschema@.funding_round_gist_same(@extschema@.funding_round_gist_key, @extschema@.funding_round_gist_key, internal) IS 'GiST support';

CREATE OPERATOR CLASS @extschema@.gist_funding_round_v1_ops
FOR TYPE @extschema@.funding_round USING gist AS
	OPERATOR 1 @extschema@.@@ (@extschema@.funding_round, @extschema@.funding_window),
	FUNCTION 1 @extschema@.funding_round_gist_consistent(internal, @extschema@.funding_round, smallint, oid, internal),
	FUNCTION 2 @extschema@.funding_round_gist_union(internal, internal),
	FUNCTION 3 @extschema@.funding_round_gist_compress(internal),
	FUNCTION 5 @extschema@.funding_round_gist_penalty(internal, internal, internal),
	FUNCTION 6 @extschema@.funding_round_gist_picksplit(internal, internal),
	FUNCTION 7 @extschema@.funding_round_gist_same(@extschema@.funding_round_gist_key, @extschema@.funding_round_gist_key, internal),
	STORAGE @extschema@.funding_round_gist_key;

COMMENT ON OPERATOR CLASS @extschema@.gist_funding_round_v1_ops USING gist IS
'0.1.0''s class (32-byte keys), kept for the indexes it built: answers @@ funding_window';
COMMENT ON OPERATOR FAMILY @extschema@.gist_funding_round_v1_ops USING gist IS
'0.1.0''s class (32-byte keys), kept for the indexes it built: answers @@ funding_window';
