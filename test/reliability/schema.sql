-- test/reliability/schema.sql: the database sqlsmith throws random SQL at.
--
-- One table per type of the extension (and a text table per reader), a few
-- hundred rows each, with every index kind the extension supports, so that
-- random queries reach the input/output functions, the operators, the
-- aggregates and their combine functions, the accessors and the index
-- support functions with realistic values -- and with NULLs, which sqlsmith
-- supplies generously.  Run with psql as a superuser from the top of the
-- source tree (the \copy paths are relative to it); test/reliability/sqlsmith.sh
-- does.  The rows are derived from the demo data set (test/demo/data/), and
-- generated ones use setseed() so that every run builds the same database.

\set ON_ERROR_STOP on
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS innovation;
\o /dev/null
SELECT setseed(0.20240615);
\o

-- the demo's raw rows, only to derive the fuzzing tables from
CREATE TEMP TABLE demo_projects (
	project_id int, name text, recognized_year int, district text, park text,
	cluster text, manufacturing boolean, future_track text, incubator text);
CREATE TEMP TABLE demo_milestones (project_id int, stage text, reached_on date);
CREATE TEMP TABLE demo_funding (project_id int, source text);
CREATE TEMP TABLE demo_sales (project_id int, period text, amount_yuan bigint);
CREATE TEMP TABLE demo_designations (firm text, source text, project_id int);
\copy demo_projects FROM 'test/demo/data/projects.csv' (FORMAT csv, HEADER)
\copy demo_milestones FROM 'test/demo/data/milestones.csv' (FORMAT csv, HEADER)
\copy demo_funding FROM 'test/demo/data/funding_rounds.csv' (FORMAT csv, HEADER)
\copy demo_sales FROM 'test/demo/data/taxable_sales.csv' (FORMAT csv, HEADER)
\copy demo_designations FROM 'test/demo/data/designations.csv' (FORMAT csv, HEADER)

-- plain columns for sqlsmith to join the typed tables on
CREATE TABLE projects AS
	SELECT project_id, name, recognized_year, district, park, cluster, manufacturing
	FROM demo_projects WHERE project_id <= 400;
ALTER TABLE projects ADD PRIMARY KEY (project_id);

-- project_stage: milestones as the bureau records them (~400 rows)
CREATE TABLE milestones (
	project_id int,
	stage      project_stage,
	reached_on date
);
INSERT INTO milestones
	SELECT project_id, stage::project_stage, reached_on
	FROM demo_milestones WHERE project_id <= 200
	ORDER BY reached_on;             -- in time order, as BRIN likes
INSERT INTO milestones VALUES (NULL, NULL, NULL), (201, NULL, '2024-01-01'), (202, 'concept', NULL);
CREATE INDEX milestones_stage_btree ON milestones USING btree (stage);
CREATE INDEX milestones_stage_hash ON milestones USING hash (stage);
CREATE INDEX milestones_stage_brin ON milestones USING brin (stage) WITH (pages_per_range = 1);
CREATE INDEX milestones_stage_date ON milestones (stage, reached_on);

-- stage labels as text, in every spelling the demo uses and some that fail,
-- for project_stage(text), try_project_stage() and the casts
CREATE TABLE stage_labels (label text);
INSERT INTO stage_labels SELECT DISTINCT stage FROM demo_milestones;
INSERT INTO stage_labels VALUES ('High-Tech'), ('HIGH_TECH'), ('高新技術企業'), ('規上'),
	('Potential Unicorn'), ('listed'), ('上市'), ('hightech'), ('高企业'), (''), ('   '),
	('unicorn!'), ('stage 7'), (NULL);

-- stage_range and stage_multirange: the rungs each project covered
-- (~400 rows, some empty, unbounded or single-rung)
CREATE TABLE stage_spans (
	project_id int,
	span       stage_range,
	path       stage_multirange
);
INSERT INTO stage_spans
	SELECT project_id,
	       stage_range(min(stage::project_stage), max(stage::project_stage), '[]'),
	       range_agg(stage_range(stage::project_stage, stage::project_stage, '[]'))
	FROM demo_milestones WHERE project_id <= 380 GROUP BY project_id;
INSERT INTO stage_spans VALUES
	(1001, 'empty', '{}'), (1002, '[high_tech,)', '{[high_tech,)}'), (1003, '(,registered]', '{(,registered]}'),
	(1004, '(,)', '{(,)}'), (1005, '[concept,concept]', '{[concept,pilot),[listed,listed]}'),
	(1006, NULL, NULL), (1007, '[tech_sme,gazelle)', NULL);
CREATE INDEX stage_spans_gist ON stage_spans USING gist (span);
CREATE INDEX stage_spans_path_gist ON stage_spans USING gist (path);
CREATE INDEX stage_spans_btree ON stage_spans USING btree (span);
CREATE INDEX stage_spans_hash ON stage_spans USING hash (span);
CREATE INDEX stage_spans_spgist ON stage_spans USING spgist (span);

-- funding_round: the demo's 150 announcements as written plus 250 built from
-- parts with the constructor: every kind and currency, exact, ranged, open
-- and undisclosed amounts, day, month and year precision
CREATE TABLE funding_rounds (
	project_id int,
	source     text,
	round      funding_round
);
INSERT INTO funding_rounds SELECT project_id, source, source::funding_round FROM demo_funding;
INSERT INTO funding_rounds
	SELECT 1 + (i * 37) % 400, NULL,
	       funding_round(k.kind::text, lo, CASE WHEN shape = 0 THEN lo WHEN shape = 1 THEN lo * 2 END,
	                     CASE WHEN lo IS NULL THEN NULL ELSE c.currency END,
	                     CASE prec WHEN 'day' THEN d WHEN 'month' THEN date_trunc('month', d)::date
	                               ELSE date_trunc('year', d)::date END,
	                     prec)
	FROM generate_series(1, 250) AS i,
	     LATERAL (SELECT (i % 4) AS shape,
	                     CASE WHEN i % 4 = 3 THEN NULL
	                          ELSE round((10 ^ (4 + random() * 7))::numeric, -3) END AS lo,
	                     date '2015-01-01' + (random() * 3650)::int AS d,
	                     (ARRAY['day', 'month', 'year'])[1 + i % 3] AS prec) AS p,
	     LATERAL (SELECT kind FROM round_kinds() WHERE rank = 1 + (i * 7) % 34) AS k,
	     LATERAL (SELECT currency FROM funding_currencies()
	              ORDER BY iso_numeric OFFSET (i * 5) % 12 LIMIT 1) AS c;
INSERT INTO funding_rounds VALUES (NULL, NULL, NULL), (1, 'B轮 亿元及以上 2024年', 'B轮 亿元及以上 2024年'),
	(2, 'raises $25 million Series B', 'raises $25 million Series B');
CREATE INDEX funding_rounds_btree ON funding_rounds USING btree (round);
CREATE INDEX funding_rounds_hash ON funding_rounds USING hash (round);
CREATE INDEX funding_rounds_brin ON funding_rounds USING brin (round) WITH (pages_per_range = 1);
CREATE INDEX funding_rounds_gist ON funding_rounds USING gist (round);

-- funding text as analysts receive it, for the readers: headlines, sentences,
-- articles and text that is not a round at all
CREATE TABLE headlines (id serial, raw text);
INSERT INTO headlines (raw) SELECT source FROM demo_funding;
INSERT INTO headlines (raw) VALUES ('获得近2亿元B轮融资'), ('完成三轮融资'), ('raises $25 million Series B'),
	('目前已完成近亿元Pre-A轮融资'), ('宣佈完成1.5億元C輪融資'), ('科创板上市募资10亿元'),
	('closed a $10M seed round'), ('a Series A of US$5 million'), ('Series B 25M'),
	('A轮 5000万元 USD'), ('Seires A 2亿'), ('B轮 2亿 3000万'), ('200000000'), ('1.2B'),
	('secures over $100 million in Series D funding'), ('亿元及以上美元'), ('天使轮 数百万人民币'),
	('公司2021年落户南通开发区，2022年投产，2023年成为国家高新技术企业，获得近2亿元B轮融资。'
	 || '全市累计有66个科创项目获得股权融资共计28.43亿元，其中6个融资额度超过1亿元。'),
	(repeat('A轮 5000万元 ', 200)), (''), (NULL);

-- funding_window: queries for @@ (~200 rows, NULL parts included)
CREATE TABLE funding_windows (id int, w funding_window);
INSERT INTO funding_windows
	SELECT i, funding_window(
	           CASE WHEN i % 5 <> 0 THEN daterange(d, d + (30 + (random() * 700)::int)) END,
	           CASE WHEN i % 3 = 0 THEN numrange(lo, lo * (1 + (random() * 20)::int)) END,
	           CASE WHEN i % 3 = 0 OR i % 7 = 0 THEN (ARRAY['CNY', 'USD', 'EUR', 'JPY'])[1 + i % 4] END)
	FROM generate_series(1, 200) AS i,
	     LATERAL (SELECT date '2015-01-01' + (random() * 3650)::int + 0 * i AS d,
	                     round((10 ^ (4 + random() * 6))::numeric, -3) AS lo) AS p;
INSERT INTO funding_windows VALUES (201, NULL), (202, funding_window());
CREATE INDEX funding_windows_btree ON funding_windows USING btree (w);

-- stage_funnel: funnels of the furthest stage reached, per park, cluster and
-- recognition year over the whole register (~300 rows)
CREATE TABLE park_funnels (
	park     text,
	district text,
	cluster  text,
	year     int,
	f        stage_funnel
);
INSERT INTO park_funnels
	SELECT p.park, p.district, p.cluster, p.recognized_year, funnel(s.top)
	FROM demo_projects p
	JOIN (SELECT project_id, max(stage::project_stage) AS top FROM demo_milestones GROUP BY project_id) s
	  USING (project_id)
	GROUP BY p.park, p.district, p.cluster, p.recognized_year;
INSERT INTO park_funnels VALUES ('none', NULL, NULL, NULL, '{}'), (NULL, NULL, NULL, NULL, NULL);

-- stage_history: one history per project (~400 rows)
CREATE TABLE project_histories (project_id int, h stage_history);
INSERT INTO project_histories
	SELECT project_id, stage_history(stage::project_stage, reached_on)
	FROM demo_milestones WHERE project_id <= 400 GROUP BY project_id;
INSERT INTO project_histories VALUES (0, '{}'), (-1, NULL);

-- quantile_sketch: sales per park and period (numeric), years to high-tech
-- status (double precision, a coarser accuracy) and days between milestones
-- (interval), per park and cluster (~200 rows)
CREATE TABLE sketches (park text, cluster text, measure text, s quantile_sketch);
INSERT INTO sketches
	SELECT p.park, p.cluster, 'sales ' || t.period, quantile_sketch(t.amount_yuan::numeric)
	FROM demo_sales t JOIN demo_projects p USING (project_id)
	GROUP BY p.park, p.cluster, t.period;
INSERT INTO sketches
	SELECT p.park, p.cluster, 'years to high_tech',
	       quantile_sketch(time_to(h.h, 'registered', 'high_tech') / 365.25, 0.05)
	FROM (SELECT project_id, stage_history(stage::project_stage, reached_on) AS h
	      FROM demo_milestones GROUP BY project_id) h
	JOIN demo_projects p USING (project_id)
	GROUP BY p.park, p.cluster;
INSERT INTO sketches
	SELECT p.park, NULL, 'milestone gaps',
	       quantile_sketch(make_interval(days => m2.reached_on - m1.reached_on))
	FROM demo_milestones m1
	JOIN demo_milestones m2 ON m2.project_id = m1.project_id AND m2.reached_on > m1.reached_on
	JOIN demo_projects p ON p.project_id = m1.project_id
	GROUP BY p.park;
INSERT INTO sketches VALUES ('none', NULL, 'empty', (SELECT quantile_sketch(x) FROM (SELECT 1.0::float8 WHERE false) v(x))),
	('none', NULL, 'extremes', (SELECT quantile_sketch(x) FROM unnest(ARRAY[-1e300, -1, 0, 1e-300, 1, 1e300]::float8[]) x)),
	(NULL, NULL, NULL, NULL);

-- funding_stats: rounds summarized per park and year, per kind, and overall
-- (~250 rows); the generated rounds are spread over the first 400 projects
CREATE TABLE park_funding (park text, district text, year int, kind text, fs funding_stats);
INSERT INTO park_funding
	SELECT p.park, p.district, extract(year FROM announced_on(r.round))::int, NULL, funding_stats(r.round)
	FROM funding_rounds r JOIN demo_projects p USING (project_id)
	GROUP BY p.park, p.district, 3;
INSERT INTO park_funding
	SELECT p.park, p.district, NULL, round_kind(r.round)::text, funding_stats(r.round)
	FROM funding_rounds r JOIN demo_projects p USING (project_id)
	GROUP BY p.park, p.district, round_kind(r.round)::text;
INSERT INTO park_funding SELECT NULL, NULL, NULL, NULL, funding_stats(round) FROM funding_rounds;
INSERT INTO park_funding VALUES ('none', NULL, NULL, NULL, '{"version": 1, "currencies": []}'),
	(NULL, NULL, NULL, NULL, NULL);

-- Types that later versions of the extension add: a table each when the
-- installed extension has them, so that this file runs against older and
-- newer builds alike.  A changed signature only skips its table (with a
-- warning in build/reliability/schema.log).
DO $$
BEGIN
	IF to_regtype('round_kind') IS NOT NULL THEN
		BEGIN
			-- every kind, and the kind of every round (btree and hash)
			EXECUTE $q$
				CREATE TABLE kinds AS
					SELECT kind::text::round_kind AS kind FROM round_kinds()
					UNION ALL SELECT round_kind(round) FROM funding_rounds
					UNION ALL SELECT NULL::round_kind$q$;
			EXECUTE 'CREATE INDEX kinds_btree ON kinds USING btree (kind)';
			EXECUTE 'CREATE INDEX kinds_hash ON kinds USING hash (kind)';
		EXCEPTION WHEN undefined_function OR undefined_object OR datatype_mismatch THEN
			RAISE WARNING 'no table of round_kind: %', SQLERRM;
		END;
	END IF;
	IF to_regtype('stage_survival') IS NOT NULL THEN
		BEGIN
			-- days from registered to high_tech, and from pilot to producing,
			-- per park and cluster, censored at the end of 2024
			EXECUTE $q$
				CREATE TABLE survivals AS
					SELECT p.park, p.cluster, f.from_stage, f.to_stage,
					       stage_survival(h.h, f.from_stage, f.to_stage, date '2024-12-31') AS s
					FROM (SELECT project_id, stage_history(stage::project_stage, reached_on) AS h
					      FROM demo_milestones GROUP BY project_id) h
					JOIN demo_projects p USING (project_id)
					CROSS JOIN (VALUES ('registered'::project_stage, 'high_tech'::project_stage),
					                   ('pilot', 'producing')) AS f(from_stage, to_stage)
					GROUP BY p.park, p.cluster, f.from_stage, f.to_stage$q$;
			EXECUTE 'INSERT INTO survivals VALUES (NULL, NULL, NULL, NULL, NULL)';
		EXCEPTION WHEN undefined_function OR undefined_object OR datatype_mismatch THEN
			RAISE WARNING 'no table of stage_survival: %', SQLERRM;
		END;
	END IF;
	IF to_regtype('designation_counts') IS NOT NULL THEN
		BEGIN
			-- honours as the demo's lists word them (~400 rows, btree and
			-- hash), each firm's set of them, and the sets counted per park
			EXECUTE $q$
				CREATE TABLE honours AS
					SELECT firm, source, project_id, designation(source) AS d
					FROM (SELECT *, row_number() OVER (ORDER BY firm, source) AS n FROM demo_designations) x
					WHERE n % 4 = 0$q$;
			EXECUTE $q$INSERT INTO honours VALUES ('none', NULL, NULL, NULL)$q$;
			EXECUTE 'CREATE INDEX honours_btree ON honours USING btree (d)';
			EXECUTE 'CREATE INDEX honours_hash ON honours USING hash (d)';
			EXECUTE $q$
				CREATE TABLE honour_sets AS
					SELECT firm, project_id, designation_set(d) AS s FROM honours GROUP BY firm, project_id$q$;
			EXECUTE $q$
				CREATE TABLE honour_counts AS
					SELECT p.park, designation_counts(h.s) AS c
					FROM honour_sets h LEFT JOIN demo_projects p USING (project_id)
					GROUP BY p.park$q$;
			EXECUTE 'INSERT INTO honour_counts VALUES (NULL, NULL)';
		EXCEPTION WHEN undefined_function OR undefined_object OR datatype_mismatch THEN
			RAISE WARNING 'no tables of designations: %', SQLERRM;
		END;
	END IF;
END $$;

-- The roles sqlsmith connects as: no superuser powers, read only these
-- tables.  On tables this small the planner would scan sequentially and
-- leave the indexes alone, so smith finds index scans cheap: the indexes
-- are scanned three times as often, at no cost in speed (enable_seqscan =
-- off would reach GiST and BRIN more often but runs six times slower).
-- smith_parallel (every other session of the long run) plans in parallel
-- whenever it can, so that aggregates also run as partial aggregates in
-- workers whose states meet again in the combine functions.
DO $$
BEGIN
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'smith') THEN
		CREATE ROLE smith LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
	END IF;
	IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'smith_parallel') THEN
		CREATE ROLE smith_parallel LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
	END IF;
END $$;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO smith, smith_parallel;
ALTER ROLE smith SET random_page_cost = 0.05;
ALTER ROLE smith SET cpu_index_tuple_cost = 0.0001;
ALTER ROLE smith_parallel SET parallel_setup_cost = 0;
ALTER ROLE smith_parallel SET parallel_tuple_cost = 0;
ALTER ROLE smith_parallel SET min_parallel_table_scan_size = 0;
ALTER ROLE smith_parallel SET min_parallel_index_scan_size = 0;

-- Which functions sqlsmith calls.  It picks them uniformly from what an
-- unqualified "pg_proc" returns: some 3,200 built-in functions against 170 of
-- ours, so most queries would never reach the extension.  Its role therefore
-- finds, first on its search_path, a view named pg_proc with every function
-- of the extension, the built-ins that make and take the extension's
-- neighbour types (ranges, jsonb, dates, numbers, text), and a fixed eighth
-- of the other built-ins as glue.  Administrative functions (pg_*,
-- set_config, large objects, sequences) are left out: as a plain role they
-- mostly fail with 42501, and set_config() could lift sqlsmith's
-- statement_timeout.  So are the typmod functions and the length coercions
-- (interval(interval, int4) and the like, the casts from a type to itself):
-- PostgreSQL trusts the typmod they are given, and a random one is an
-- internal error (XX000 "invalid INTERVAL typmod") of PostgreSQL, not ours.  Only the functions sqlsmith chooses from change; the
-- queries run with the full catalog, and operators are all there.
--
-- The view lives in information_schema (of this throwaway database) because
-- sqlsmith --exclude-catalog leaves that schema's relations out of the
-- queries; in a schema of its own, the view would be queried as one more
-- table, in one query out of ten.
CREATE VIEW information_schema.pg_proc AS
	SELECT * FROM pg_catalog.pg_proc p
	WHERE p.pronamespace = (SELECT extnamespace FROM pg_extension WHERE extname = 'innovation')
	   OR (p.pronamespace = 'pg_catalog'::regnamespace
	       AND p.proname !~ '^(pg_|set_config|lo_|txid_|binary_upgrade_|brin_|gin_|currval|nextval|setval|lastval|.*_to_xml|.*typmod(in|out)$)'
	       AND p.oid NOT IN (SELECT castfunc FROM pg_cast WHERE castsource = casttarget)
	       AND (p.oid::int8 % 8 = 0
	            OR p.proname IN ('lower', 'upper', 'isempty', 'lower_inc', 'upper_inc', 'lower_inf',
	                             'upper_inf', 'range_merge', 'multirange', 'daterange', 'numrange',
	                             'jsonb_typeof', 'jsonb_extract_path', 'jsonb_extract_path_text',
	                             'jsonb_object_field', 'jsonb_array_length', 'jsonb_build_object',
	                             'to_jsonb', 'jsonb_agg', 'jsonb_object_agg', 'date_trunc', 'make_date',
	                             'make_interval', 'date_part', 'extract', 'age', 'justify_interval',
	                             'round', 'trunc', 'abs', 'ceil', 'floor', 'power', 'sqrt', 'width_bucket',
	                             'length', 'substr', 'left', 'right', 'concat', 'concat_ws', 'repeat',
	                             'replace', 'btrim', 'format', 'translate', 'normalize', 'string_agg',
	                             'array_agg', 'count', 'sum', 'avg', 'percentile_disc', 'percentile_cont',
	                             'range_agg', 'range_intersect_agg')));
GRANT SELECT ON information_schema.pg_proc TO smith, smith_parallel;
-- pg_catalog named explicitly, after the view, so that the view shadows it
SELECT current_database() AS smith_db \gset
ALTER ROLE smith IN DATABASE :"smith_db" SET search_path = information_schema, public, pg_catalog;
ALTER ROLE smith_parallel IN DATABASE :"smith_db" SET search_path = information_schema, public, pg_catalog;

ANALYZE;
