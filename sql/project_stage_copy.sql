--
-- project_stage: binary send/recv through COPY, and what recv rejects
--
-- Files go to results/, which pg_regress creates next to the outputs.

-- the binary form is a format-version byte (1) and the stable stage code
SELECT stage, project_stage_send(stage) FROM stage_ladder();

CREATE TABLE copy_src (id int, stage project_stage, stages project_stage[]);
INSERT INTO copy_src
SELECT rank, stage, ARRAY[stage, stage_next(stage), NULL] FROM stage_ladder()
UNION ALL SELECT 13, NULL, NULL;

-- binary COPY out and back in
\copy copy_src TO 'results/project_stage.bin' (FORMAT binary)
CREATE TABLE copy_dst (LIKE copy_src);
\copy copy_dst FROM 'results/project_stage.bin' (FORMAT binary)
SELECT count(*) AS rows,
       count(*) FILTER (WHERE s.stage IS NOT DISTINCT FROM d.stage
                          AND s.stages IS NOT DISTINCT FROM d.stages) AS identical
FROM copy_src s JOIN copy_dst d USING (id);

-- text COPY too
TRUNCATE copy_dst;
\copy copy_src TO 'results/project_stage.txt'
\copy copy_dst FROM 'results/project_stage.txt'
SELECT count(*) AS rows,
       count(*) FILTER (WHERE s.stage IS NOT DISTINCT FROM d.stage
                          AND s.stages IS NOT DISTINCT FROM d.stages) AS identical
FROM copy_src s JOIN copy_dst d USING (id);

-- recv rejects bad bytes.  A binary COPY of a bytea column carries the raw
-- bytes as the field, so it can hand any bytes to project_stage_recv.
CREATE TABLE bad_input (id int, stage project_stage);
\copy (SELECT 1, '\x0107'::bytea) TO 'results/stage_good.bin' (FORMAT binary)
\copy bad_input FROM 'results/stage_good.bin' (FORMAT binary)
SELECT * FROM bad_input;
-- code 0 (never a stage)
\copy (SELECT 2, '\x0100'::bytea) TO 'results/stage_bad1.bin' (FORMAT binary)
\copy bad_input FROM 'results/stage_bad1.bin' (FORMAT binary)
-- code 13 (beyond the ladder)
\copy (SELECT 3, '\x010d'::bytea) TO 'results/stage_bad2.bin' (FORMAT binary)
\copy bad_input FROM 'results/stage_bad2.bin' (FORMAT binary)
-- code 255
\copy (SELECT 4, '\x01ff'::bytea) TO 'results/stage_bad3.bin' (FORMAT binary)
\copy bad_input FROM 'results/stage_bad3.bin' (FORMAT binary)
-- unknown format version
\copy (SELECT 5, '\x0207'::bytea) TO 'results/stage_bad4.bin' (FORMAT binary)
\copy bad_input FROM 'results/stage_bad4.bin' (FORMAT binary)
-- too short, too long, empty
\copy (SELECT 6, '\x01'::bytea) TO 'results/stage_bad5.bin' (FORMAT binary)
\copy bad_input FROM 'results/stage_bad5.bin' (FORMAT binary)
\copy (SELECT 7, '\x010700'::bytea) TO 'results/stage_bad6.bin' (FORMAT binary)
\copy bad_input FROM 'results/stage_bad6.bin' (FORMAT binary)
\copy (SELECT 8, ''::bytea) TO 'results/stage_bad7.bin' (FORMAT binary)
\copy bad_input FROM 'results/stage_bad7.bin' (FORMAT binary)
-- a long run of garbage is shown shortened
\copy (SELECT 9, decode(repeat('ab', 100), 'hex')) TO 'results/stage_bad8.bin' (FORMAT binary)
\copy bad_input FROM 'results/stage_bad8.bin' (FORMAT binary)
-- the SQLSTATE is 22P03 (invalid_binary_representation)
\set VERBOSITY sqlstate
\copy bad_input FROM 'results/stage_bad1.bin' (FORMAT binary)
\set VERBOSITY default
SELECT * FROM bad_input;

DROP TABLE copy_src, copy_dst, bad_input;
