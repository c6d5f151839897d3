-- test/scaleout/rows.sql: the rows of one instance (psql -v node=N).  Node 0,
-- the coordinator, keeps all of them locally (the single-server answer);
-- node 1 the odd parks, node 2 the even ones.
CREATE EXTENSION innovation;
CREATE TABLE milestones (park int, project int, stage project_stage, reached_on date);
CREATE TABLE rounds (park int, project int, r funding_round);
CREATE TABLE honours (park int, project int, d designation);

INSERT INTO milestones
SELECT 1 + g % 20, g, s.stage, date '2015-01-01' + (abs(hashint4(g * 7 + s.k)) % 3000)
FROM generate_series(1, 6000) g
CROSS JOIN LATERAL (VALUES (1, 'registered'::project_stage), (2, 'high_tech'), (3, 'above_scale')) s(k, stage)
WHERE s.k = 1 OR abs(hashint4(g * 13 + s.k)) % 3 = 0;
INSERT INTO rounds
SELECT 1 + g % 20, g,
       funding_round((ARRAY['angel', 'a', 'b', 'c', 'grant', 'loan'])[1 + abs(hashint4(g)) % 6],
                     l, CASE WHEN g % 5 = 0 THEN l * 2 WHEN g % 17 = 0 THEN NULL ELSE l END,
                     (ARRAY['CNY', 'CNY', 'USD'])[1 + abs(hashint4(g * 3)) % 3],
                     date '2018-01-01' + abs(hashint4(g * 5)) % 2000)
FROM (SELECT g, (1 + abs(hashint4(g * 11)) % 90000) * 1000::numeric AS l FROM generate_series(1, 8000) g) x;

INSERT INTO honours
SELECT 1 + g % 20, g, designation(format('%s %s %s', l.level, l.scheme, 2012 + abs(hashint4(g * 19 + k)) % 13))
FROM generate_series(1, 6000) g
CROSS JOIN generate_series(1, 3) k
CROSS JOIN LATERAL (VALUES (CASE abs(hashint4(g * 23 + k)) % 5
	WHEN 0 THEN 'national high_tech' WHEN 1 THEN 'provincial gazelle' WHEN 2 THEN 'provincial specialized_sme'
	WHEN 3 THEN 'national little_giant' ELSE 'municipal tech_leader' END)) v(sl)
CROSS JOIN LATERAL (SELECT split_part(v.sl, ' ', 1) AS level, split_part(v.sl, ' ', 2) AS scheme) l
WHERE abs(hashint4(g * 29 + k)) % 4 = 0;

-- a shard keeps its own parks
DELETE FROM milestones WHERE :node <> 0 AND park % 2 <> :node % 2;
DELETE FROM rounds WHERE :node <> 0 AND park % 2 <> :node % 2;
DELETE FROM honours WHERE :node <> 0 AND park % 2 <> :node % 2;

-- the summary view a shard offers (on the coordinator it is the whole city)
CREATE VIEW park_summary AS
SELECT m.park, funnel(h.stage) AS funnel, rollup(h.h) AS history_sample,
       quantile_sketch(time_to(h.h, 'registered', 'high_tech')) AS to_high_tech,
       stage_survival(h.h, 'registered', 'high_tech', '2024-12-31') AS survival,
       (SELECT funding_stats(r) FROM rounds x WHERE x.park = m.park) AS funding,
       (SELECT designation_counts(s) FROM (SELECT designation_set(d) AS s FROM honours x
                                           WHERE x.park = m.park GROUP BY project) f) AS honours
FROM (SELECT DISTINCT park FROM milestones) m
JOIN (SELECT park, project, stage_history(stage, reached_on) AS h, max(stage) AS stage
      FROM milestones GROUP BY park, project) h USING (park)
GROUP BY m.park;
ANALYZE;
