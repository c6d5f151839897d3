-- test/scaleout/coordinator.sql: the coordinator's view of the shards
-- (psql -v p1=PORT -v p2=PORT).  The foreign servers list the extension, so
-- that its functions and operators may be sent to the shards.
CREATE EXTENSION postgres_fdw;
CREATE SERVER shard1 FOREIGN DATA WRAPPER postgres_fdw
	OPTIONS (host '127.0.0.1', port :'p1', dbname 'postgres', extensions 'innovation');
CREATE SERVER shard2 FOREIGN DATA WRAPPER postgres_fdw
	OPTIONS (host '127.0.0.1', port :'p2', dbname 'postgres', extensions 'innovation');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard1 OPTIONS (user 'postgres');
CREATE USER MAPPING FOR CURRENT_USER SERVER shard2 OPTIONS (user 'postgres');

-- the rounds, spread over the shards by park (odd parks on shard 1)
CREATE TABLE dist_rounds (park int, project int, r funding_round) PARTITION BY LIST (park);
CREATE FOREIGN TABLE dist_rounds_1 PARTITION OF dist_rounds
	FOR VALUES IN (1, 3, 5, 7, 9, 11, 13, 15, 17, 19)
	SERVER shard1 OPTIONS (table_name 'rounds');
CREATE FOREIGN TABLE dist_rounds_2 PARTITION OF dist_rounds
	FOR VALUES IN (2, 4, 6, 8, 10, 12, 14, 16, 18, 20)
	SERVER shard2 OPTIONS (table_name 'rounds');

-- each shard's summary view
CREATE FOREIGN TABLE shard_summary_1 (park int, funnel stage_funnel, history_sample stage_history,
	to_high_tech quantile_sketch, survival stage_survival, funding funding_stats, honours designation_counts)
	SERVER shard1 OPTIONS (table_name 'park_summary');
CREATE FOREIGN TABLE shard_summary_2 (park int, funnel stage_funnel, history_sample stage_history,
	to_high_tech quantile_sketch, survival stage_survival, funding funding_stats, honours designation_counts)
	SERVER shard2 OPTIONS (table_name 'park_summary');
CREATE VIEW shard_summaries AS
SELECT * FROM shard_summary_1 UNION ALL SELECT * FROM shard_summary_2;
