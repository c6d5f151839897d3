-- while rows are being inserted, in one snapshot: the aggregates of one
-- park's raw rows agree with the plain-SQL recount of the same rows; the
-- summaries merged by the inserting transactions cover exactly the rows
-- committed so far; and the city's figures from those merged summaries equal
-- the aggregates over all rows, computed by a parallel plan
\set park random(1, 12)
BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
SELECT check_that(count(*) = 0, 'park_summary_source agrees with the recount: ' || string_agg(m, '; '))
FROM mismatches('park_summary_source', :park) m;
SELECT check_that(pf.s = src.s, 'park_funding (merged per insert) = funding_stats of the rows, park ' || :park)
FROM park_funding pf, (SELECT funding_stats(r.r) AS s FROM rounds r JOIN projects p USING (project_id)
                       WHERE p.park_id = :park) src
WHERE pf.park_id = :park;
SELECT check_that(coalesce(bool_and(ph.h IS NOT DISTINCT FROM ps.h), true),
                  'project_history (merged per insert) = stage_history of the rows, park ' || :park)
FROM (SELECT * FROM project_state WHERE park_id = :park) ps
FULL JOIN (SELECT h.* FROM project_history h JOIN projects p USING (project_id)
           WHERE p.park_id = :park) ph USING (project_id);
SET LOCAL parallel_setup_cost = 0;
SET LOCAL parallel_tuple_cost = 0;
SET LOCAL min_parallel_table_scan_size = 0;
SET LOCAL max_parallel_workers_per_gather = 2;
SELECT check_that((SELECT rollup(s) FROM park_funding) = (SELECT funding_stats(r) FROM rounds),
                  'rollup(park_funding) = funding_stats of all rounds (parallel)');
SELECT check_that((SELECT funnel(current_stage(h)) FROM project_history)
                  = (SELECT funnel(stage) FROM (SELECT max(stage) AS stage FROM milestones
                                                GROUP BY project_id) x),
                  'funnel of project_history = funnel of each project''s furthest stage (parallel)');
COMMIT;
