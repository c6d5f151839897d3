-- REFRESH MATERIALIZED VIEW CONCURRENTLY, then check in the same snapshot
-- that the view holds what its query computes from the rows. The lock (on a
-- stand-in table: LOCK TABLE does not take materialized views) comes before
-- the snapshot (LOCK takes none), so a refresh never works from a snapshot
-- older than the previous refresh's: no serialization failures.
BEGIN ISOLATION LEVEL REPEATABLE READ;
LOCK TABLE park_summary_mv_refresh IN EXCLUSIVE MODE;
REFRESH MATERIALIZED VIEW CONCURRENTLY park_summary_mv;
SELECT check_that(count(*) = 12 AND count(*) FILTER (WHERE v.f <> s.f OR v.s <> s.s
                                                    OR v.amounts IS DISTINCT FROM s.amounts
                                                    OR v.to_high_tech IS DISTINCT FROM s.to_high_tech) = 0,
                  'park_summary_mv = park_summary_source right after REFRESH')
FROM park_summary_mv v JOIN park_summary_source s USING (park_id);
COMMIT;
