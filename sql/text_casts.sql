--
-- Every type with a text form is writable as a string: a value typed text,
-- varchar or bpchar (what drivers send: JDBC setString() is varchar,
-- setObject(x, Types.CHAR) bpchar) goes into a column of the type through
-- the assignment cast, and bad text fails with the type's own error.
--

-- every type of the extension that has no assignment cast from each of
-- text, varchar and bpchar: only the GiST key types, which have no text form
SELECT t.oid::regtype AS type_without_string_casts
FROM pg_type t
JOIN pg_depend d ON d.classid = 'pg_type'::regclass AND d.objid = t.oid
WHERE d.refclassid = 'pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'innovation')
  AND d.deptype = 'e'
  AND t.typcategory <> 'A'
  AND (SELECT count(*) FROM pg_cast c
       WHERE c.casttarget = t.oid AND c.castcontext = 'a'
         AND c.castsource IN ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype)) < 3
ORDER BY 1;

CREATE TABLE text_casts (
	id int,
	stage project_stage,
	round funding_round,
	kind round_kind,
	stages stage_range,
	stage_sets stage_multirange,
	win funding_window,
	funnel stage_funnel,
	history stage_history,
	survival stage_survival,
	sketch quantile_sketch,
	stats funding_stats
);

-- the canonical text of one value of each type, from literals and aggregates
CREATE TEMP TABLE text_of AS
SELECT 'high_tech'::project_stage::text AS stage,
       'B轮 近2亿元 2023-06'::funding_round::text AS round,
       'pre_a'::round_kind::text AS kind,
       '[registered,high_tech]'::stage_range::text AS stages,
       '{[pilot,registered],[unicorn,listed]}'::stage_multirange::text AS stage_sets,
       funding_window(daterange('2023-01-01', '2024-01-01'), numrange(10000000, NULL), 'CNY')::text AS win,
       (SELECT funnel(s)::text FROM (VALUES ('registered'::project_stage), ('high_tech'), ('high_tech')) v(s)) AS funnel,
       (SELECT h::text FROM (SELECT stage_history(s, d) AS h
                             FROM (VALUES ('registered'::project_stage, date '2021-03-01'),
                                          ('high_tech', '2023-06-30')) v(s, d)) x) AS history,
       (SELECT stage_survival(h, 'registered', 'high_tech', '2024-12-31')::text
        FROM (SELECT stage_history(s, d) AS h
              FROM (VALUES (1, 'registered'::project_stage, date '2021-03-01'), (1, 'high_tech', '2023-06-30'),
                           (2, 'registered', '2022-01-01')) v(p, s, d) GROUP BY p) x) AS survival,
       (SELECT quantile_sketch(x)::text FROM generate_series(1, 5) x) AS sketch,
       (SELECT funding_stats(r)::text FROM (VALUES ('B轮 近2亿元 2023-06'::funding_round),
                                                  ('Series B, $25M, 2023-06-15')) v(r)) AS stats;

-- one row typed text, one varchar, one bpchar (no length: no padding) and
-- one char(n) (padded with blanks, which every input function skips)
INSERT INTO text_casts
SELECT 1, stage, round, kind, stages, stage_sets, win, funnel, history, survival, sketch, stats FROM text_of;
INSERT INTO text_casts
SELECT 2, stage::varchar, round::varchar, kind::varchar, stages::varchar, stage_sets::varchar, win::varchar,
       funnel::varchar, history::varchar, survival::varchar, sketch::varchar, stats::varchar FROM text_of;
INSERT INTO text_casts
SELECT 3, stage::bpchar, round::bpchar, kind::bpchar, stages::bpchar, stage_sets::bpchar, win::bpchar,
       funnel::bpchar, history::bpchar, survival::bpchar, sketch::bpchar, stats::bpchar FROM text_of;
INSERT INTO text_casts
SELECT 4, stage::char(20), round::char(60), kind::char(10), stages::char(40), stage_sets::char(60),
       win::char(80), funnel::char(200), history::char(200), survival::char(200), sketch::char(2000),
       stats::char(2000) FROM text_of;

-- every value reads back as its canonical text
SELECT c.id,
       c.stage::text = t.stage AS stage, c.round::text = t.round AS round, c.kind::text = t.kind AS kind,
       c.stages::text = t.stages AS stages, c.stage_sets::text = t.stage_sets AS stage_sets,
       c.win::text = t.win AS win, c.funnel::text = t.funnel AS funnel, c.history::text = t.history AS history,
       c.survival::text = t.survival AS survival, c.sketch::text = t.sketch AS sketch,
       c.stats::text = t.stats AS stats
FROM text_casts c, text_of t ORDER BY c.id;

-- UPDATE too, and parameters typed varchar, as JDBC's setString() sends them
UPDATE text_casts SET stage = 'listed'::varchar, stages = '[listed,)'::text WHERE id = 4;
PREPARE set_string (int, varchar, varchar, varchar) AS
	INSERT INTO text_casts (id, stage, stages, stats) VALUES ($1, $2, $3, $4);
EXECUTE set_string (5, '高企', '[高企,瞪羚]', '{"version": 2, "currencies": []}');
DEALLOCATE set_string;
SELECT id, stage, stages, left(stats::text, 40) AS stats FROM text_casts WHERE id >= 4 ORDER BY id;

-- a funding_window written as its row literal: NULL parts match anything
INSERT INTO text_casts (id, win) VALUES (6, '("[2024-01-01,2025-01-01)",,)'::varchar);
SELECT win, 'A轮 5000万元 2024-03'::funding_round @@ win AS matches FROM text_casts WHERE id = 6;
-- the literal is not checked as funding_window() checks its arguments: an
-- amount range without a currency is refused when the window is used
INSERT INTO text_casts (id, win) VALUES (7, '(,"[10000000,)",)'::varchar);
SELECT 'A轮 5000万元 2024-03'::funding_round @@ win AS matches FROM text_casts WHERE id = 7;

-- bad text fails with the type's own error, through every source type
INSERT INTO text_casts (stage) VALUES ('hightec'::varchar);
INSERT INTO text_casts (stage) VALUES ('hightec'::bpchar);
INSERT INTO text_casts (stages) VALUES ('[high_tech,registered]'::text);
INSERT INTO text_casts (funnel) VALUES ('{"concept": -1}'::varchar);
INSERT INTO text_casts (stats) VALUES ('{}'::text);
INSERT INTO text_casts (win) VALUES ('(2024,,)'::varchar);

DROP TABLE text_casts;
