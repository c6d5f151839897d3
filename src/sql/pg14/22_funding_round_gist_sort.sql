
-- gist_funding_round_ops builds sorted, bottom up, on PostgreSQL 14 and later
-- (GiST support function 11; this part of the script is only included when
-- building for 14+)

ALTER OPERATOR FAMILY @extschema@.gist_funding_round_ops USING gist ADD
	FUNCTION 11 (@extschema@.funding_round, @extschema@.funding_round)
		@extschema@.funding_round_gist2_sortsupport(internal);
