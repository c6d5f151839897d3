-- A database on 0.1.0 holding every type of 0.1.0, every index kind and
-- summaries (test/release/upgrade-dump.sh): deterministic rows, so that
-- every copy of it prints the same (test/release/snapshot.sql).
-- Run with psql -v ON_ERROR_STOP=1 in an empty database.
SET client_min_messages = warning;
CREATE EXTENSION innovation VERSION '0.1.0';
CREATE EXTENSION amcheck;

-- every type of 0.1.0 as a column (funding_window is a composite, used by
-- queries; arrays of the base types too); each index kind sits on a column
-- of its own, so that the probes of test/release/checks.sql reach it alone
CREATE TABLE projects (
	id int PRIMARY KEY,
	park text NOT NULL,
	district text NOT NULL,
	stage project_stage,            -- btree
	target_stage project_stage,     -- hash
	report_stage project_stage,     -- BRIN (follows id)
	stages stage_range,             -- GiST (range_ops)
	stage_set stage_multirange,     -- GiST (multirange_ops)
	r funding_round,                -- btree, and GiST (0.1.0's class)
	r_hash funding_round,           -- hash
	r_brin funding_round,           -- BRIN (announced follows id)
	rounds funding_round[],
	path project_stage[],
	window_of_interest funding_window
);

INSERT INTO projects
SELECT g,
       'park ' || (h / 7) % 12,
       'district ' || (h / 7) % 12 / 4,
       CASE WHEN h % 41 = 0 THEN NULL ELSE (SELECT stage FROM stage_ladder() WHERE rank = 1 + h % 12) END,
       (SELECT stage FROM stage_ladder() WHERE rank = 1 + (h / 12) % 12),
       (SELECT stage FROM stage_ladder() WHERE rank = 1 + g * 12 / 4001),
       CASE WHEN h % 7 = 0 THEN 'empty'::stage_range
            ELSE stage_range((SELECT stage FROM stage_ladder() WHERE rank = 1 + h % 6),
                             (SELECT stage FROM stage_ladder() WHERE rank = 6 + (h / 6) % 7), '[)') END,
       CASE WHEN h % 5 = 0 THEN '{}'::stage_multirange
            ELSE stage_multirange(stage_range('concept', (SELECT stage FROM stage_ladder() WHERE rank = 2 + h % 4)),
                                  stage_range((SELECT stage FROM stage_ladder() WHERE rank = 7 + h % 3), NULL)) END,
       fr, fr, fr2,
       ARRAY[fr, fr2],
       (SELECT array_agg(stage ORDER BY rank) FROM stage_ladder() WHERE rank <= 1 + h % 12),
       funding_window(daterange('2019-01-01', '2020-01-01'), numrange(1000000, 5000000 + h % 1000 * 100000), 'CNY')
FROM (SELECT g, h,
             funding_round(kind, lo, CASE WHEN lo IS NULL OR h % 11 = 0 THEN NULL WHEN h % 3 = 0 THEN lo * 2 ELSE lo END,
                           cur, date_trunc(prec, day)::date, prec) AS fr,
             funding_round(kind, lo, lo, cur, date '2015-01-01' + g, 'day') AS fr2
      FROM (SELECT g, h,
                   (ARRAY['angel', 'seed', 'pre_a', 'a', 'b', 'c', 'd', 'strategic', 'ipo', 'undisclosed'])[1 + h % 10] AS kind,
                   CASE WHEN h % 17 = 0 THEN NULL ELSE (1 + h % 3000) * 10000::numeric END AS lo,
                   (ARRAY['CNY', 'CNY', 'CNY', 'USD', 'HKD', 'EUR'])[1 + (h / 10) % 6] AS cur,
                   CASE WHEN h % 23 = 0 THEN NULL ELSE date '2016-01-01' + (h / 3) % 3000 END AS day,
                   (ARRAY['day', 'day', 'month', 'year'])[1 + (h / 7) % 4] AS prec
            FROM (SELECT g, abs(hashint4(g)) AS h FROM generate_series(1, 4000) g) s) s) s;

-- milestones: a project climbs from concept, a rung every few hundred days
CREATE TABLE milestones (project int, stage project_stage, reached date);
INSERT INTO milestones
SELECT p.id, l.stage, CASE WHEN (p.id + l.rank) % 29 = 0 THEN NULL
                           ELSE date '2012-01-01' + p.id % 700 + l.rank * (200 + p.id % 300) END
FROM projects p JOIN stage_ladder() l ON l.rank <= 1 + abs(hashint4(p.id)) % 12;

CREATE INDEX projects_stage_btree ON projects USING btree (stage);
CREATE INDEX projects_target_hash ON projects USING hash (target_stage);
CREATE INDEX projects_report_brin ON projects USING brin (report_stage) WITH (pages_per_range = 2);
CREATE INDEX projects_stages_gist ON projects USING gist (stages);
CREATE INDEX projects_stage_set_gist ON projects USING gist (stage_set);
CREATE INDEX projects_r_btree ON projects USING btree (r);
CREATE INDEX projects_r_gist_v1 ON projects USING gist (r);
CREATE INDEX projects_r_hash ON projects USING hash (r_hash);
CREATE INDEX projects_r_brin ON projects USING brin (r_brin) WITH (pages_per_range = 2);
-- expression indexes over the extension's functions
CREATE INDEX projects_rank_expr ON projects USING btree (stage_rank(stage));
CREATE INDEX projects_amount_expr ON projects USING btree (amount_point(r));
CREATE INDEX milestones_stage ON milestones USING btree (stage, reached);

-- summaries: per project and per park, as materialized views, and stored
-- in a table
CREATE MATERIALIZED VIEW project_histories AS
SELECT project, stage_history(stage, reached) AS h FROM milestones GROUP BY project;
CREATE UNIQUE INDEX ON project_histories (project);

CREATE MATERIALIZED VIEW park_summaries AS
SELECT p.park, p.district,
       funnel(p.stage) AS funnel,
       rollup(h.h) AS history,
       min(p.stage) AS lowest, max(p.stage) AS highest,
       quantile_sketch(amount_point(p.r)) AS amounts,
       quantile_sketch(amount_point(p.r), 0.05) AS amounts_5pct,
       quantile_sketch(amount_point(p.r)::float8) AS amounts_float,
       quantile_sketch(amount_point(p.r)::float8, 0.02) AS amounts_2pct,
       quantile_sketch((announced_on(p.r) - date '2015-01-01') * interval '1 day') AS since_2015,
       quantile_sketch((announced_on(p.r) - date '2015-01-01') * interval '1 hour', 0.005) AS since_2015_hours,
       funding_stats(p.r) AS funding
FROM projects p LEFT JOIN project_histories h ON h.project = p.id
GROUP BY p.park, p.district;

CREATE TABLE stored_summaries AS
SELECT district, rollup(funnel) AS funnel, rollup(history) AS history, rollup(amounts) AS amounts,
       rollup(funding) AS funding
FROM park_summaries GROUP BY district;

-- a view reading the summaries with accessors that 0.1.0 and 0.2.0 share
CREATE VIEW park_report AS
SELECT park, reached(funnel, 'high_tech') AS high_tech, total(funnel) AS projects,
       time_to(history, 'registered', 'high_tech') AS registered_to_high_tech,
       quantile(amounts, 0.5) AS median_amount, rounds(funding) AS rounds, total(funding, 'CNY') AS cny
FROM park_summaries;

-- values as 0.1.0's own code stored them (test/release/v010-images.sql):
-- the summaries through a binary-coercible cast from a type with bytea's
-- text form, so that their bytes reach the table unchanged
\ir raw_d.sql
CREATE TABLE v010_images (id int, type text, image bytea, text010 text, answers010 text);
\ir v010-images.sql
CREATE TABLE v010_sketches AS
SELECT id, image::text::raw_d::quantile_sketch AS s FROM v010_images WHERE type = 'quantile_sketch';
CREATE TABLE v010_funding_stats AS
SELECT id, image::text::raw_d::funding_stats AS s FROM v010_images WHERE type = 'funding_stats';
DROP TYPE raw_d CASCADE;
-- the fixed-length types: one column per table, a row per image in id
-- order, written by the current code from 0.1.0's text (test/release/checks.sql
-- compares their bytes on the heap page with 0.1.0's)
CREATE EXTENSION pageinspect;
CREATE TABLE fixed_stage AS
SELECT text010::project_stage AS v FROM v010_images WHERE type = 'project_stage' ORDER BY id;
CREATE TABLE fixed_round AS
SELECT text010::funding_round AS v FROM v010_images WHERE type = 'funding_round' ORDER BY id;
CREATE TABLE fixed_funnel AS
SELECT text010::stage_funnel AS v FROM v010_images WHERE type = 'stage_funnel' ORDER BY id;
CREATE TABLE fixed_history AS
SELECT text010::stage_history AS v FROM v010_images WHERE type = 'stage_history' ORDER BY id;

VACUUM ANALYZE;
