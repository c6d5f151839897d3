-- (included by sql/encodings.sql in each database it creates)
-- every type from English text, its text form read back, its jsonb
CREATE TABLE enc_rounds AS
SELECT g AS id,
       ('{concept,pilot,incubating,registered,producing,tech_sme,high_tech,above_scale,gazelle,'
        'potential_unicorn,unicorn,listed}'::project_stage[])[1 + g % 12] AS stage,
       funding_round((ARRAY['angel', 'a', 'b', 'c'])[1 + g % 4], g * 100000, g * 150000,
                     (ARRAY['CNY', 'USD'])[1 + g % 2], date '2020-01-01' + g * 11) AS r,
       date '2015-01-01' + g % 12 * 100 + g AS day
FROM generate_series(1, 60) g;
SELECT 'High-Tech'::project_stage AS stage, 'pilot'::project_stage::text AS as_text,
       stage_rank('listed'), stage_next('pilot'), '[pilot, high_tech)'::stage_range AS range,
       stage_multirange(stage_range('concept', 'pilot'), stage_range('gazelle', NULL)) AS multirange;
SELECT r, r::text::funding_round = r AS reads_back, jsonb(r)
FROM (VALUES ('Series B, $25M, 2023-06-15'::funding_round), ('angel round, undisclosed')) v(r);
SELECT 'b'::round_kind AS kind, 'Series A'::round_kind AS named, kind_rank('b'), round_category('b'::round_kind);
SELECT funding_window(daterange('2023-01-01', '2024-01-01'), numrange(1, 1e9), 'USD') AS w;
-- designations from English text: the text form reads back, the parts are ASCII
SELECT d, d::text::designation = d AS reads_back, scheme(d), track(d), rung(d), level(d), list_year(d),
       valid_until(d), list_batch(d), valid_on(d, '2024-06-01') AS valid_mid_2024
FROM (VALUES ('Jiangsu gazelle 2024'::designation), ('national little giant 5th batch 2023'),
             ('HNTE 2022-2024'), ('tech_leader 2024 until 2026'), ('Shanghai unicorn 2025 criteria 2025')) v(d);
-- the summaries: aggregated, read back from their text, accessors and jsonb
CREATE TABLE enc_summaries AS
SELECT funnel(stage) AS f, stage_history(stage, day) AS h, quantile_sketch(amount_point(r)) AS q,
       funding_stats(r) AS s
FROM enc_rounds;
INSERT INTO enc_summaries (f, h, q, s)
SELECT rollup(f), rollup(h), rollup(q), rollup(s) FROM enc_summaries;
SELECT f, h, reached(f, 'high_tech'), time_to(h, 'concept', 'listed'), value_count(q), quantile(q, 0.5),
       rounds(s), total(s, 'CNY'), rounds_over(s, 1000000, 'USD')
FROM enc_summaries;
SELECT f::text::stage_funnel = f AND h::text::stage_history = h AND q::text::quantile_sketch = q
       AND s::text::funding_stats = s AS read_back
FROM enc_summaries;
SELECT v, v::text::stage_survival = v AS read_back, event_count(v), censored_count(v)
FROM (SELECT stage_survival(h, 'concept', 'high_tech', date '2020-01-01') AS v FROM enc_summaries) x;
-- what the types write is ASCII: every encoding holds it
SELECT bool_and(t !~ '[^\x01-\x7f]') AS all_ascii
FROM enc_summaries,
     LATERAL (VALUES (f::text), (h::text), (q::text), (s::text), (jsonb(f)::text), (jsonb(h)::text),
                     (jsonb(q)::text), (jsonb(s)::text)) v(t);
-- funding text with Latin letters: positions count characters
SELECT x.phrase, x.start_pos, x.end_pos, substr(t, x.start_pos, x.end_pos - x.start_pos + 1) = x.phrase AS positions_right
FROM (VALUES ('Müller & Café GmbH raises $25 million Series B; it closed in 2023.')) v(t),
     extract_funding_rounds(t) x;
-- an error quotes the input as typed, and the detail the word at fault
SELECT 'Séries Z'::round_kind;
SELECT '{"café": 1}'::stage_funnel;
SELECT 'Café gazelle 2024'::designation;
SELECT funding_round_error('Café raises');
-- empty text
SELECT try_project_stage(''), try_funding_round(''), funding_round_error(''), try_designation(''),
       (SELECT count(*) FROM extract_funding_rounds('')) AS extracted;
