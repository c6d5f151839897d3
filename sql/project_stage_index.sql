--
-- project_stage: btree, hash and BRIN indexes; stable hashing
--

SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS amcheck;
RESET client_min_messages;

-- the operator classes are complete
SELECT opc.opcname, am.amname, opc.opcdefault, amvalidate(opc.oid)
FROM pg_opclass opc JOIN pg_am am ON am.oid = opc.opcmethod
WHERE opc.opcintype = 'project_stage'::regtype
ORDER BY am.amname;

-- 100,000 pseudo-random stages, the same on every machine
CREATE TABLE stages AS
SELECT g AS id,
       (SELECT array_agg(stage ORDER BY rank) FROM stage_ladder())[1 + abs(hashint4(g)) % 12] AS stage
FROM generate_series(1, 100000) g;
ANALYZE stages;

-- the answer without any index, per stage
CREATE TEMP TABLE expected AS
SELECT stage, count(*) AS n FROM stages GROUP BY stage;
SELECT stage, n FROM expected ORDER BY stage;

-- btree: structurally sound, and used for equality and ranges
CREATE INDEX stages_btree ON stages (stage);
SELECT bt_index_check('stages_btree', true);
SELECT bt_index_parent_check('stages_btree', true);
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM stages WHERE stage = 'high_tech';
EXPLAIN (COSTS OFF) SELECT count(*) FROM stages WHERE stage >= 'high_tech';
SELECT (SELECT count(*) FROM stages WHERE stage = 'high_tech') =
       (SELECT n FROM expected WHERE stage = 'high_tech') AS eq_matches,
       (SELECT count(*) FROM stages WHERE stage >= 'high_tech') =
       (SELECT sum(n) FROM expected WHERE stage >= 'high_tech') AS ge_matches,
       (SELECT count(*) FROM stages WHERE stage < 'registered') =
       (SELECT sum(n) FROM expected WHERE stage < 'registered') AS lt_matches;
-- an ordered index scan returns the ladder order
EXPLAIN (COSTS OFF) SELECT stage FROM stages ORDER BY stage LIMIT 3;
SELECT array_agg(DISTINCT stage ORDER BY stage) = (SELECT array_agg(stage ORDER BY rank) FROM stage_ladder())
       AS ladder_order
FROM (SELECT stage FROM stages ORDER BY stage) s;
RESET enable_bitmapscan;
DROP INDEX stages_btree;

-- hash index
CREATE INDEX stages_hash ON stages USING hash (stage);
EXPLAIN (COSTS OFF) SELECT count(*) FROM stages WHERE stage = 'gazelle';
SELECT count(*) = (SELECT n FROM expected WHERE stage = 'gazelle') AS hash_matches
FROM stages WHERE stage = 'gazelle';
DROP INDEX stages_hash;

-- BRIN minmax: useful when rows arrive roughly in stage order
CREATE TABLE stages_sorted AS SELECT * FROM stages ORDER BY stage, id;
CREATE INDEX stages_brin ON stages_sorted USING brin (stage) WITH (pages_per_range = 4);
EXPLAIN (COSTS OFF) SELECT count(*) FROM stages_sorted WHERE stage = 'unicorn';
SELECT (SELECT count(*) FROM stages_sorted WHERE stage = 'unicorn') =
       (SELECT n FROM expected WHERE stage = 'unicorn') AS brin_eq_matches,
       (SELECT count(*) FROM stages_sorted WHERE stage > 'gazelle') =
       (SELECT sum(n) FROM expected WHERE stage > 'gazelle') AS brin_gt_matches;
RESET enable_seqscan;
DROP TABLE stages_sorted;

-- hashes are fixed: the same values on every machine and in every version,
-- so tables can be hash-partitioned or distributed by a project_stage column
SELECT stage, hash_project_stage(stage),
       hash_project_stage_extended(stage, 0) AS ext_seed0,
       hash_project_stage_extended(stage, 42) AS ext_seed42,
       (hash_project_stage_extended(stage, 0) & 4294967295) =
       (hash_project_stage(stage)::bigint & 4294967295) AS low_bits_agree,
       -- the hash is hashint4 of the stable code (codes equal ranks in this version)
       hash_project_stage(stage) = hashint4(stage_rank(stage)) AS is_hashint4_of_code
FROM stage_ladder();

CREATE TABLE stages_by_hash (id int, stage project_stage) PARTITION BY HASH (stage);
CREATE TABLE stages_by_hash_0 PARTITION OF stages_by_hash FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE stages_by_hash_1 PARTITION OF stages_by_hash FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE stages_by_hash_2 PARTITION OF stages_by_hash FOR VALUES WITH (MODULUS 3, REMAINDER 2);
INSERT INTO stages_by_hash SELECT rank, stage FROM stage_ladder();
SELECT tableoid::regclass AS partition, array_agg(stage ORDER BY stage) AS stages
FROM stages_by_hash GROUP BY 1 ORDER BY 1;

DROP TABLE stages_by_hash, stages;
