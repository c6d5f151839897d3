-- Writes test/release/v010-images.sql: values as 0.1.0's own code stored
-- them, byte for byte, for test/release/upgrade-dump.sh.  Run it against a
-- server with 0.1.0 built and installed (the library too: git archive
-- 60647a9, the commit 0.1.0 was frozen from), in a database with
-- CREATE EXTENSION innovation VERSION '0.1.0' and pageinspect:
--     psql -X -At -v ON_ERROR_STOP=1 -f test/release/make-v010-images.sql > test/release/v010-images.sql
-- Variable-length values are read through a binary-coercible cast to a
-- type with bytea's text form (their bytes after the varlena header), fixed-length ones from the heap
-- page (pageinspect's t_data of a one-column table).  With each image go
-- 0.1.0's text form and its answers to accessors that kept their names.
\set QUIET on
SET client_min_messages = warning;
\ir raw_d.sql

CREATE TEMP TABLE images (id int, type text, image bytea, text010 text, answers010 text);

-- quantile sketches (0.1.0's flat form)
CREATE TEMP TABLE qs (id int, s quantile_sketch);
INSERT INTO qs
SELECT 1, quantile_sketch(g::float8) FROM generate_series(1, 5) g
UNION ALL
SELECT 2, quantile_sketch(exp((g % 293) / 60.0) * (1 + g % 7)) FROM generate_series(1, 2000) g
UNION ALL
SELECT 3, quantile_sketch(CASE WHEN g % 5 = 0 THEN 0 WHEN g % 3 = 0 THEN -g ELSE g * 1.5 END, 0.05)
FROM generate_series(1, 300) g
UNION ALL
SELECT 4, quantile_sketch(make_interval(days => g % 800, hours => g % 24)) FROM generate_series(1, 500) g
UNION ALL
SELECT 5, quantile_sketch((g * 1000003)::numeric / 7) FROM generate_series(1, 400) g;
INSERT INTO qs SELECT 6, rollup(s) FROM qs WHERE id IN (1, 2);
INSERT INTO images
SELECT id, 'quantile_sketch', s::raw_d::text::bytea, s::text,
       ROW(count(s), min(s), max(s), quantile(s, 0.5), quantile(s, 0.9), quantiles(s, '{0.1,0.99}'),
                 relative_accuracy(s))
FROM qs;

-- funding_stats (0.1.0's format version 1: 16 thresholds)
CREATE TEMP TABLE fr (id int, r funding_round);
INSERT INTO fr
SELECT g, funding_round((ARRAY['angel', 'a', 'b', 'c', 'strategic', 'seed', 'pre_a', 'ipo'])[1 + g % 8],
                        CASE WHEN g % 13 = 0 THEN NULL ELSE (1 + g % 97) * 1000000::numeric END,
                        CASE WHEN g % 13 = 0 THEN NULL WHEN g % 11 = 0 THEN NULL
                             WHEN g % 4 = 0 THEN (1 + g % 97) * 2000000::numeric ELSE (1 + g % 97) * 1000000::numeric END,
                        (ARRAY['CNY', 'CNY', 'USD', 'HKD'])[1 + g % 4],
                        CASE WHEN g % 9 = 0 THEN NULL
                             ELSE date_trunc((ARRAY['day', 'month', 'year'])[1 + g % 3], date '2018-01-01' + g * 5)::date END,
                        (ARRAY['day', 'month', 'year'])[1 + g % 3])
FROM generate_series(1, 120) g;
CREATE TEMP TABLE fs (id int, s funding_stats);
INSERT INTO fs
SELECT 101, funding_stats(r) FROM fr WHERE id = 1
UNION ALL
SELECT 102, funding_stats(r) FROM fr
UNION ALL
SELECT 103, funding_stats(r) FROM fr WHERE id % 4 = 1;
INSERT INTO fs SELECT 104, rollup(s) FROM fs WHERE id IN (101, 103);
INSERT INTO images
SELECT id, 'funding_stats', s::raw_d::text::bytea, s::text,
       ROW(rounds(s), rounds(s, 'CNY'), disclosed_rounds(s, 'USD'), open_rounds(s, 'CNY'),
                 total(s, 'CNY'), total_range(s, 'USD'), rounds_over(s, 10000000, 'CNY'),
                 rounds_over(s, 50000000, 'CNY', 'high'), quantile(s, 0.5, 'CNY'), min_amount(s, 'HKD'),
                 max_amount(s, 'CNY'), currencies(s))
FROM fs;

-- fixed-length types: the bytes of the heap tuple's only column
CREATE EXTENSION IF NOT EXISTS pageinspect;
CREATE TABLE fixed_stage (v project_stage);
INSERT INTO fixed_stage VALUES ('concept'), ('high_tech'), ('listed');
CREATE TABLE fixed_round (v funding_round);
INSERT INTO fixed_round SELECT r FROM fr WHERE id IN (1, 4, 9, 11, 13, 26);
INSERT INTO fixed_round VALUES ('B轮 2亿元 2023-06-01'), ('天使轮');
CREATE TABLE fixed_funnel (v stage_funnel);
INSERT INTO fixed_funnel SELECT funnel(s) FROM (VALUES ('concept'::project_stage), ('pilot'), ('high_tech'), ('high_tech'), ('listed')) v(s);
CREATE TABLE fixed_history (v stage_history);
INSERT INTO fixed_history
SELECT stage_history(s, d) FROM (VALUES ('concept'::project_stage, date '2015-03-01'), ('registered', '2016-07-15'),
                                        ('tech_sme', '2019-01-10'), ('high_tech', '2021-11-30')) v(s, d);
INSERT INTO images
SELECT 200 + row_number() OVER (), 'project_stage', i.t_data, v::text, ROW(stage_rank(v), stage_name_zh(v))
FROM heap_page_items(get_raw_page('fixed_stage', 0)) i, fixed_stage f WHERE f.ctid = ('(0,' || i.lp || ')')::tid;
INSERT INTO images
SELECT 300 + row_number() OVER (), 'funding_round', i.t_data, v::text,
       ROW(amount_low(v), amount_point(v), amount_high(v), currency(v), announced_on(v), announced_precision(v),
                 is_disclosed(v), is_fuzzy(v), is_exit(v))
FROM heap_page_items(get_raw_page('fixed_round', 0)) i, fixed_round f WHERE f.ctid = ('(0,' || i.lp || ')')::tid;
INSERT INTO images
SELECT 400, 'stage_funnel', i.t_data, v::text, ROW(total(v), reached(v, 'pilot'), at_stage(v, 'high_tech'))
FROM heap_page_items(get_raw_page('fixed_funnel', 0)) i, fixed_funnel f WHERE f.ctid = ('(0,' || i.lp || ')')::tid;
INSERT INTO images
SELECT 500, 'stage_history', i.t_data, v::text,
       ROW(current_stage(v), stage_on(v, '2020-01-01'), first_reached(v, 'tech_sme'), time_to(v, 'concept', 'high_tech'))
FROM heap_page_items(get_raw_page('fixed_history', 0)) i, fixed_history f WHERE f.ctid = ('(0,' || i.lp || ')')::tid;
DROP TABLE fixed_stage, fixed_round, fixed_funnel, fixed_history;

SELECT '-- Generated by test/release/make-v010-images.sql from 0.1.0''s own build; do not edit.';
SELECT '-- (id, type, bytes as 0.1.0 stored them, 0.1.0''s text form, 0.1.0''s accessor answers)';
SELECT 'COPY v010_images (id, type, image, text010, answers010) FROM stdin;';
COPY (SELECT id, type, image, text010, answers010 FROM images ORDER BY id) TO stdout;
SELECT '\.';
