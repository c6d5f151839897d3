-- a project reaches a stage: the raw row, spelled as a register spells it
-- (5% without a date), and the project's stored stage_history merged with
-- rollup() in the same statement (a hot row when clients pick one project)
\set project random(1, 600)
\set rank random(1, 12)
\set spelling random(1, 2)
\set day random(0, 500)
\set nodate random(1, 20)
WITH m AS (
  INSERT INTO milestones (project_id, spelling, stage, reached_on)
  SELECT :project, spelling, spelling::project_stage,
         CASE WHEN :nodate > 1 THEN date '2010-01-01' + 365 * :rank + :day END
  FROM stage_spellings WHERE rank = :rank AND n = :spelling
  RETURNING project_id, stage, reached_on)
INSERT INTO project_history AS ph (project_id, h)
SELECT project_id, stage_history(stage, reached_on) FROM m GROUP BY project_id
ON CONFLICT (project_id) DO UPDATE
SET h = (SELECT rollup(v) FROM (VALUES (ph.h), (excluded.h)) AS t(v));
