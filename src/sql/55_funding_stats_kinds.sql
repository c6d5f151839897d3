
--
-- funding_stats by round kind and by family, and in one currency (0.2.0:
-- kinds carry the round_kind type and the family; an unknown total is NULL,
-- never 0)
--

CREATE FUNCTION @extschema@.kinds(@extschema@.funding_stats,
	OUT currency text, OUT kind @extschema@.round_kind, OUT category text,
	OUT rounds bigint, OUT disclosed bigint, OUT total numeric)
RETURNS SETOF record AS 'MODULE_PATHNAME', 'funding_stats_kinds' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.families(@extschema@.funding_stats,
	OUT currency text, OUT category text, OUT rounds bigint, OUT disclosed bigint, OUT total numeric)
RETURNS SETOF record AS 'MODULE_PATHNAME', 'funding_stats_families' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.kinds(@extschema@.funding_stats) IS
'per currency and round kind: the family, rounds, disclosed rounds, total of point amounts (NULL if none is disclosed)';
COMMENT ON FUNCTION @extschema@.families(@extschema@.funding_stats) IS
'per currency and family (venture, public_equity, exit, hybrid, debt, grant, unknown): rounds, disclosed rounds, total of point amounts';

CREATE FUNCTION @extschema@.total_in(@extschema@.funding_stats, to_currency text, rates jsonb)
RETURNS numeric AS 'MODULE_PATHNAME', 'funding_stats_total_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.total_range_in(@extschema@.funding_stats, to_currency text, rates jsonb)
RETURNS numrange AS 'MODULE_PATHNAME', 'funding_stats_total_range_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.total_in(@extschema@.funding_stats, text, jsonb) IS
'sum of point amounts in every currency, converted at one rate per currency ({"USD": 7.1}); NULL if no amount is known';
COMMENT ON FUNCTION @extschema@.total_range_in(@extschema@.funding_stats, text, jsonb) IS
'sum of lower to sum of upper bounds, converted and rounded outward; open above if any round is';
