-- test/reliability/concurrency/verify.sql: after every pgbench client has
-- finished, refresh the stored rollups once more and check them against the
-- rows. Prints one line per check with its number of failures; the last
-- statement raises an error (psql exits 3) when any check failed.
-- psql variables: milestone_tx, round_tx, refresh_tx: transactions pgbench
-- ran of insert_milestone.sql, insert_round.sql and refresh_park.sql;
-- clients: how many clients it ran.
\set ON_ERROR_STOP 1
\pset footer off

-- the last refresh: every park, then the materialized view
INSERT INTO park_summary AS ps (park_id, district, f, to_high_tech, s, amounts)
SELECT park_id, district, f, to_high_tech, s, amounts FROM park_summary_source
ON CONFLICT (park_id) DO UPDATE
SET f = excluded.f, to_high_tech = excluded.to_high_tech, s = excluded.s,
    amounts = excluded.amounts, refreshes = ps.refreshes + 1;
REFRESH MATERIALIZED VIEW CONCURRENTLY park_summary_mv;

CREATE TEMP TABLE checks (n serial, what text, failures bigint, detail text);

-- 1. what pgbench ran is what the tables hold. pgbench -T stops at the
-- deadline without waiting for the transactions in flight, which the server
-- may still commit: up to one per client more than pgbench counted.
INSERT INTO checks (what, failures, detail)
SELECT 'rows = transactions pgbench counted (+ at most one in flight per client)',
       (m - :milestone_tx < 0 OR r - :round_tx < 0 OR u - :refresh_tx < 0
        OR (m - :milestone_tx) + (r - :round_tx) + (u - :refresh_tx) > :clients)::int,
       format('milestones %s, rounds %s, park upserts %s; in flight at the deadline: %s',
              m, r, u, (m - :milestone_tx) + (r - :round_tx) + (u - :refresh_tx))
FROM (SELECT (SELECT count(*) FROM milestones) AS m, (SELECT count(*) FROM rounds) AS r,
             -- park_summary.refreshes: 1 at setup, 1 per upsert, 1 at the last refresh
             (SELECT sum(refreshes) - 2 * count(*) FROM park_summary) AS u) t;
INSERT INTO checks (what, failures)
SELECT 'every round reads back: r::text::funding_round = r = funding_round(source, default)',
       count(*) FILTER (WHERE r::text::funding_round <> r
                        OR r <> funding_round(source, default_currency)) FROM rounds;
INSERT INTO checks (what, failures)
SELECT 'every milestone stage = its spelling read again', count(*) FILTER (WHERE stage <> spelling::project_stage)
FROM milestones;

-- 2. each stored form, park by park, against the plain-SQL recount
INSERT INTO checks (what, failures, detail)
SELECT rel || ': funnel, funding and sketch accessors = plain-SQL recount, per park',
       count(m), left(string_agg(m, '; '), 500)
FROM unnest(ARRAY['park_summary', 'park_summary_mv', 'park_summary_source']) rel
LEFT JOIN LATERAL mismatches(rel::regclass, NULL) m ON true
GROUP BY rel;

-- 3. stored summaries = the aggregates of the rows, park by park
INSERT INTO checks (what, failures, detail)
SELECT kept_in || ' = park_summary_source (aggregates of the rows), per park',
       count(*) FILTER (WHERE x.f IS DISTINCT FROM s.f OR x.s IS DISTINCT FROM s.s
                        OR x.amounts IS DISTINCT FROM s.amounts
                        OR x.to_high_tech IS DISTINCT FROM s.to_high_tech),
       count(*) || ' parks'
FROM stored_summaries x FULL JOIN park_summary_source s USING (park_id)
GROUP BY kept_in;

-- 4. the city rolled up from stored parks = the aggregates over all rows
INSERT INTO checks (what, failures)
SELECT kept_in || ': rollup() of the parks = funnel, funding_stats, quantile_sketch of all rows',
       (rollup(f) <> (SELECT funnel(current_stage(h)) FROM project_state))::int
       + (rollup(s) <> (SELECT funding_stats(r) FROM rounds))::int
       + (rollup(amounts) IS DISTINCT FROM (SELECT quantile_sketch(amount_point(r)) FROM rounds
                                            WHERE currency(r) = 'CNY'))::int
       + (rollup(to_high_tech) IS DISTINCT FROM
          (SELECT quantile_sketch(time_to(h, 'registered', 'high_tech')) FROM project_state))::int
FROM stored_summaries GROUP BY kept_in;

-- 5. district and city answers from stored parks = plain-SQL recount
INSERT INTO checks (what, failures, detail)
SELECT 'stages(rollup(f)) per district and city = projects counted by furthest stage',
       count(*) FILTER (WHERE a.at_stage IS DISTINCT FROM coalesce(b.projects, 0)),
       sum(a.at_stage) FILTER (WHERE a.area = 'city') || ' projects in the city'
FROM (SELECT coalesce(x.district, 'city') AS area, st.stage, st.at_stage
      FROM (SELECT district, rollup(f) AS f FROM park_summary GROUP BY ROLLUP (district)) x,
           stages(x.f) st) a
LEFT JOIN (SELECT coalesce(pk.district, 'city') AS area, r.stage, count(*) AS projects
           FROM recount_projects r JOIN parks pk USING (park_id)
           GROUP BY ROLLUP (pk.district), r.stage) b USING (area, stage);
INSERT INTO checks (what, failures, detail)
SELECT 'rounds, total, total_range per currency of rollup(s) per district and city = plain sums',
       count(*) FILTER (WHERE rounds(a.s, b.currency) <> b.rounds
                        OR disclosed_rounds(a.s, b.currency) <> b.disclosed
                        OR total(a.s, b.currency) <> b.point
                        OR lower(total_range(a.s, b.currency)) <> b.low
                        OR upper(total_range(a.s, b.currency)) IS DISTINCT FROM b.high),
       count(*) || ' area currencies, ' || count(b.high) || ' with a closed range; city: '
       || string_agg(format('%s %s rounds %s', b.currency, b.rounds, total_range(a.s, b.currency)),
                     ', ' ORDER BY b.currency) FILTER (WHERE b.area = 'city')
FROM (SELECT coalesce(district, 'city') AS area, rollup(s) AS s
      FROM park_summary GROUP BY ROLLUP (district)) a
JOIN (SELECT coalesce(pk.district, 'city') AS area, currency(r.r) AS currency, count(*) AS rounds,
             count(*) FILTER (WHERE is_disclosed(r.r)) AS disclosed,
             coalesce(sum(amount_low(r.r)), 0) AS low, coalesce(sum(amount_point(r.r)), 0) AS point,
             CASE WHEN bool_or(is_disclosed(r.r) AND amount_high(r.r) IS NULL) THEN NULL
                  ELSE coalesce(sum(amount_high(r.r)), 0) END AS high
      FROM rounds r JOIN projects p USING (project_id) JOIN parks pk USING (park_id)
      WHERE currency(r.r) IS NOT NULL
      GROUP BY ROLLUP (pk.district), currency(r.r)) b USING (area);

-- 6. the summaries merged by the inserting transactions = the rows
INSERT INTO checks (what, failures, detail)
SELECT 'project_history (rollup() per insert) = stage_history of the rows, per project',
       count(*) FILTER (WHERE ph.h IS DISTINCT FROM ps.h), count(*) || ' projects'
FROM project_history ph FULL JOIN project_state ps USING (project_id);
INSERT INTO checks (what, failures, detail)
SELECT 'first_reached, current_stage of project_history = min(reached_on), max(stage)',
       count(*) FILTER (WHERE first_reached(ph.h, m.stage) IS DISTINCT FROM m.first
                        OR current_stage(ph.h) <> m.furthest),
       count(*) || ' project stages'
FROM (SELECT project_id, stage, min(reached_on) AS first,
             max(stage) OVER (PARTITION BY project_id) AS furthest
      FROM milestones GROUP BY project_id, stage) m
JOIN project_history ph USING (project_id);
INSERT INTO checks (what, failures, detail)
SELECT 'park_funding (rollup() per insert) = funding_stats of the rows, per park',
       count(*) FILTER (WHERE pf.s IS DISTINCT FROM x.s), count(*) || ' parks'
FROM park_funding pf
FULL JOIN (SELECT pk.park_id, (SELECT funding_stats(r.r) FROM rounds r JOIN projects p USING (project_id)
                               WHERE p.park_id = pk.park_id) AS s
           FROM parks pk) x USING (park_id);

-- 7. summaries have one binary image: refreshing with no new rows rewrites no row
CREATE TEMP TABLE mv_before AS SELECT park_id, xmin::text AS row_xmin FROM park_summary_mv;
REFRESH MATERIALIZED VIEW CONCURRENTLY park_summary_mv;
INSERT INTO checks (what, failures)
SELECT 'REFRESH ... CONCURRENTLY with no new rows rewrites no row of the view',
       count(*) FILTER (WHERE b.row_xmin IS DISTINCT FROM a.xmin::text)
FROM mv_before b FULL JOIN park_summary_mv a USING (park_id);

SELECT n, CASE WHEN failures = 0 THEN 'ok' ELSE 'FAILED' END AS result, what,
       failures, detail
FROM checks ORDER BY n;
SELECT check_that(sum(failures) = 0, sum(failures) || ' failures') FROM checks \gset
