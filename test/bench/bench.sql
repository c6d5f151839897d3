-- make bench, in one session: the extension against the plain-SQL way of
-- doing the same work, at :rows projects, rounds and milestones (run-bench.sh:
-- BENCH_ROWS, default 10,000,000), :passes timed passes after a warm-up
-- (BENCH_PASSES, default 7), every query with 2 parallel workers and with
-- none; then the COPY pairs of copy.sql (:copy_rows, BENCH_COPY_ROWS).  Prints
-- the result tables and, when :out_dir is set, writes them there as CSV for
-- update-doc.py.  Run from the top of the source tree (paths are relative).
\if :{?rows}
\else
\set rows 10000000
\endif
\if :{?passes}
\else
\set passes 5
\endif
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS innovation;
CREATE EXTENSION IF NOT EXISTS tdigest;
RESET client_min_messages;
-- enough memory that no plain-SQL way sorts or hashes on disk for want of it
SET work_mem = '256MB';
SET maintenance_work_mem = '1GB';

-- how long each phase took, for the report
CREATE TEMP TABLE bench_phase (ord serial, phase text, s float8);
\set phase_start 'SELECT extract(epoch FROM clock_timestamp()) AS t_phase \\gset'
\set phase_end 'INSERT INTO bench_phase (phase, s) SELECT :''phase'', extract(epoch FROM clock_timestamp()) - :t_phase;'

\echo == data: :rows rows per table
\set phase data
:phase_start
SET jit = off;        -- generating the rows: nothing to gain from compiling
\i test/bench/data.sql
RESET jit;
:phase_end

-- the GiST index the window query needs, built once
\set phase 'GiST index'
:phase_start
CREATE INDEX bench_gist_r ON bench_gist USING gist (r);
CREATE TEMP TABLE bench_gist_facts AS
SELECT (extract(epoch FROM clock_timestamp()) - :t_phase) * 1000 AS build_ms,
       (SELECT count(*) FROM bench_gist) AS rows_,
       pg_relation_size('bench_gist') AS table_bytes, pg_relation_size('bench_gist_r') AS index_bytes;
:phase_end

\i test/bench/pairs.sql
\i test/bench/timing.sql
\echo == timing: a warm-up and :passes passes of every query, 2 workers and none
\set phase timing
:phase_start
CALL pg_temp.bench_run(:passes);
:phase_end

\echo == checking the answers
\set phase checks
:phase_start
\i test/bench/checks.sql
:phase_end

\echo == COPY
\set phase COPY
:phase_start
SET client_min_messages = warning;
\i test/bench/copy.sql
RESET client_min_messages;
INSERT INTO bench_check (task, compared, agree)
SELECT 'COPY', 'canonical, headline and plain files read back to the generated rounds',
       canonical_differs = 0 AND headline_differs = 0 AND headline_rows_differ = 0 AND plain_differs = 0
FROM copy_check;
:phase_end

\i test/bench/report.sql
