-- Everything a database of test/release/fill.sql holds, as text, in a fixed
-- order (test/release/upgrade-dump.sh compares copies of it before and after
-- an update, pg_upgrade, dump and restore).  Only type output functions and
-- accessors that 0.1.0 and 0.2.0 share, so that it reads either version.
\set QUIET on
\pset format unaligned
\pset tuples_only on
SET extra_float_digits = 1;
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = 'postgres';
SET TimeZone = 'UTC';
\echo == projects
COPY (SELECT * FROM projects ORDER BY id) TO STDOUT;
\echo == milestones
COPY (SELECT * FROM milestones ORDER BY project, stage, reached) TO STDOUT;
\echo == project_histories
COPY (SELECT * FROM project_histories ORDER BY project) TO STDOUT;
\echo == park_summaries
COPY (SELECT * FROM park_summaries ORDER BY park) TO STDOUT;
\echo == stored_summaries
COPY (SELECT * FROM stored_summaries ORDER BY district) TO STDOUT;
\echo == park_report
COPY (SELECT * FROM park_report ORDER BY park) TO STDOUT;
\echo == v010 summaries
COPY (SELECT id, s FROM v010_sketches ORDER BY id) TO STDOUT;
COPY (SELECT id, s FROM v010_funding_stats ORDER BY id) TO STDOUT;
\echo == fixed-length values
COPY (SELECT v FROM fixed_stage) TO STDOUT;
COPY (SELECT v FROM fixed_round) TO STDOUT;
COPY (SELECT v FROM fixed_funnel) TO STDOUT;
COPY (SELECT v FROM fixed_history) TO STDOUT;
-- what test/release/fill-020.sql adds after the update to 0.2.0
SELECT to_regclass('rounds_020') IS NOT NULL AS has_020 \gset
\if :has_020
\echo == 0.2.0 additions
COPY (SELECT * FROM rounds_020 ORDER BY id) TO STDOUT;
COPY (SELECT * FROM survival_020 ORDER BY park) TO STDOUT;
COPY (SELECT * FROM survival_by_district_020 ORDER BY district) TO STDOUT;
COPY (SELECT * FROM summary_keys_020 ORDER BY id) TO STDOUT;
COPY (SELECT * FROM honours_020 ORDER BY id) TO STDOUT;
COPY (SELECT * FROM honour_counts_020 ORDER BY park) TO STDOUT;
\endif
