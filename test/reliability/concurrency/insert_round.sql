-- a funding round announced as text (round_text() in setup.sql), parsed by the
-- generated column with funding_round(text, default_currency), and merged
-- into its park's stored funding_stats with rollup() in the same statement:
-- 12 parks, so clients update the same rows all the time. The merge reads
-- pf.s, the row being updated, which a concurrent update makes PostgreSQL
-- re-read once it commits; a sub-select of park_funding would read the
-- statement's snapshot instead and lose updates (read_rows.sql then fails).
\set project random(1, 600)
\set form random(1, 14)
\set n random(1, 99)
\set y random(2015, 2024)
\set m random(1, 12)
\set usd random(0, 1)
WITH new AS (
  INSERT INTO rounds (project_id, source, default_currency)
  VALUES (:project, round_text(:project, :form, :n, :y, :m), CASE WHEN :form = 9 OR :usd = 1 THEN 'USD' END)
  RETURNING r)
UPDATE park_funding pf
SET s = (SELECT rollup(v) FROM (VALUES (pf.s), ((SELECT funding_stats(new.r) FROM new))) AS t(v))
FROM projects p
WHERE p.project_id = :project AND pf.park_id = p.park_id;
