-- test/scaleout/checks.sql: what the coordinator answers (each line ends in t)
\pset fieldsep ' | '
CREATE FUNCTION pg_temp.explain(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF) ' || q;
END $$;
-- (a) a per-park aggregate goes to the shards whole: partitionwise
-- aggregation, and the extension listed on the foreign servers
SET enable_partitionwise_aggregate = on;
SELECT 'pushed down', count(*) FILTER (WHERE line ~ 'Remote SQL: SELECT park, [^ ]*funding_stats\(r\).*GROUP BY') = 2
FROM pg_temp.explain('SELECT park, funding_stats(r) FROM dist_rounds GROUP BY park') AS line;
-- the pushed-down answer equals the local one, park by park
SELECT 'per park', count(*) = 20 AND bool_and(d.s = l.s)
FROM (SELECT park, funding_stats(r) AS s FROM dist_rounds GROUP BY park) d
JOIN (SELECT park, funding_stats(r) AS s FROM rounds GROUP BY park) l USING (park);
-- (b) the shards' summary views rolled up: the single-server answer, byte for byte
SELECT 'funnel', (SELECT rollup(funnel)::text FROM shard_summaries) = (SELECT rollup(funnel)::text FROM park_summary);
SELECT 'stage_history', (SELECT rollup(history_sample)::text FROM shard_summaries)
	= (SELECT rollup(history_sample)::text FROM park_summary);
SELECT 'quantile_sketch', (SELECT rollup(to_high_tech)::text FROM shard_summaries)
	= (SELECT rollup(to_high_tech)::text FROM park_summary);
SELECT 'stage_survival', (SELECT rollup(survival)::text FROM shard_summaries)
	= (SELECT rollup(survival)::text FROM park_summary);
SELECT 'funding_stats', (SELECT rollup(funding)::text FROM shard_summaries)
	= (SELECT rollup(funding)::text FROM park_summary);
SELECT 'designation_counts', (SELECT rollup(honours)::text FROM shard_summaries)
	= (SELECT rollup(honours)::text FROM park_summary);
SELECT 'designation_counts of the rows', (SELECT rollup(honours) FROM shard_summaries)
	= (SELECT designation_counts(s) FROM (SELECT designation_set(d) AS s FROM honours GROUP BY project) f);
SELECT 'funding_stats of the rows', (SELECT rollup(funding) FROM shard_summaries) = (SELECT funding_stats(r) FROM rounds);
SELECT 'binary', (SELECT string_agg(funding_stats_send(funding)::text, '' ORDER BY park) FROM shard_summaries)
	= (SELECT string_agg(funding_stats_send(funding)::text, '' ORDER BY park) FROM park_summary);
-- and without the server option, PostgreSQL 15 ships the rows instead (the
-- check above tells the two apart)
ALTER SERVER shard1 OPTIONS (DROP extensions);
SELECT 'not pushed without extensions', count(*) FILTER (WHERE line ~ 'Remote SQL: SELECT park, [^ ]*funding_stats\(r\).*GROUP BY') = 1
FROM pg_temp.explain('SELECT park, funding_stats(r) FROM dist_rounds GROUP BY park') AS line;
ALTER SERVER shard1 OPTIONS (ADD extensions 'innovation');
