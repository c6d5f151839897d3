
--
-- Converting currencies without losing the range (0.2.0): a round at a
-- rate, the totals of a funding_stats at one rate per currency, and the
-- constructor with an explicit point estimate
--

-- (every argument is required: with a default, six-argument calls of the
-- constructor without a point could no longer be told apart)
CREATE FUNCTION @extschema@.funding_round(
	kind text, low numeric, point numeric, high numeric, currency text, announced date,
	date_precision text)
RETURNS @extschema@.funding_round
AS 'MODULE_PATHNAME', 'funding_round_make_with_point'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.convert(@extschema@.funding_round, to_currency text, rate numeric)
RETURNS @extschema@.funding_round
AS 'MODULE_PATHNAME', 'funding_round_convert' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.funding_round(text, numeric, numeric, numeric, text, date, text) IS
'build a funding round from parts with an explicit point estimate between low and high';
COMMENT ON FUNCTION @extschema@.convert(@extschema@.funding_round, text, numeric) IS
'the round in another currency at a rate (target units per unit): bounds rounded outward, the point to nearest';
