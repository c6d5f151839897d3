--
-- funding_stats: per-currency funding summaries, exact against plain SQL,
-- identical serially, in parallel, rolled up and after a text round trip
--

CREATE FUNCTION pg_temp.runs_partial(q text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		IF line LIKE '%Partial Aggregate%' OR line LIKE '%Partial HashAggregate%' THEN
			RETURN true;
		END IF;
	END LOOP;
	RETURN false;
END $$;

-- a few rounds, read as they are written
CREATE TABLE few (park text, r funding_round);
INSERT INTO few VALUES
	('Development Zone', 'B轮 近2亿元 2023-06'), ('Development Zone', 'A轮 3000万元 2022'),
	('Baoyue Lake', 'Pre-A轮 近亿元 2022年3月'), ('Baoyue Lake', '拨投结合 3000万元'),
	('North Park', 'Series B, $25M, 2023-06-15'), ('North Park', '战略投资 未披露'),
	('North Park', '天使轮 数百万人民币'), ('North Park', '亿元及以上 D轮');
SELECT rounds(s) AS all_rounds, currencies(s), rounds(s, 'CNY') AS cny_rounds,
       disclosed_rounds(s, 'CNY') AS cny_disclosed, open_rounds(s, 'CNY') AS cny_open,
       total(s, 'CNY') AS cny_total, total_range(s, 'CNY') AS cny_range,
       rounds_over(s, 100000000, 'CNY') AS over_1yi, rounds_over(s, 10000000, 'CNY') AS over_1000wan,
       rounds_over(s, 100000000, 'CNY', 'low') AS certainly_over_1yi,
       rounds_over(s, 100000000, 'CNY', 'high') AS possibly_over_1yi,
       total(s, 'USD') AS usd_total, total(s, 'EUR') AS eur_total,
       min_amount(s, 'CNY'), max_amount(s, 'CNY'), round(quantile(s, 0.5, 'CNY')) AS cny_median
FROM (SELECT funding_stats(r) AS s FROM few) t;
SELECT * FROM kinds((SELECT funding_stats(r) FROM few));
-- no rows: an empty summary
SELECT funding_stats(r), rounds(funding_stats(r)), total(funding_stats(r), 'CNY') FROM few WHERE false;
-- equity only, with an aggregate FILTER
SELECT total(funding_stats(r) FILTER (WHERE is_equity(r)), 'CNY') AS equity_cny FROM few;

-- the article's figures: 66 funded projects, 28.43亿 raised in all (the sum of
-- point values), 6 rounds over 1亿 and 29 over 1,000万; among them Qingyun's
-- B round "近2亿元" and Xiushi Bio's Pre-A round "近亿元"
CREATE TABLE seed_rounds (project int, r funding_round);
INSERT INTO seed_rounds VALUES
	(1, 'B轮 近2亿元 2023'), (2, 'Pre-A轮 近亿元'), (3, 'C轮 4.8亿元'), (4, 'B轮 4亿元'),
	(5, 'D轮 3亿元'), (6, 'B+轮 1.5亿元'), (7, 'A轮 1.2亿元');
INSERT INTO seed_rounds SELECT g, 'A轮 5000万元' FROM generate_series(8, 29) g;
INSERT INTO seed_rounds SELECT g, CASE WHEN g = 66 THEN '天使轮 68万元' ELSE '天使轮 62万元' END::funding_round
FROM generate_series(30, 66) g;
SELECT (SELECT count(DISTINCT project) FROM seed_rounds) AS funded_projects,
       round(total(s, 'CNY') / 100000000, 2) AS total_yi,
       rounds_over(s, 100000000, 'CNY') AS over_1yi, rounds_over(s, 10000000, 'CNY') AS over_1000wan
FROM (SELECT funding_stats(r) AS s FROM seed_rounds) t;

-- errors
SELECT total(funding_stats(r), 'XYZ') FROM few;
-- thresholds are 1, 2, 3 and 5 x 10^n: 3000万 and 2亿 are counted; other
-- amounts are an error whose hint names the nearest thresholds
SELECT rounds_over(funding_stats(r), 30000000, 'CNY') AS over_3000wan,
       rounds_over(funding_stats(r), 200000000, 'CNY', 'high') AS possibly_over_2yi FROM few;
SELECT rounds_over(funding_stats(r), 40000000, 'CNY') FROM few;
SELECT rounds_over(funding_stats(r), 5000, 'CNY') FROM few;
SELECT rounds_over(funding_stats(r), 100000000, 'CNY', 'maybe') FROM few;
SELECT quantile(funding_stats(r), 2, 'CNY') FROM few;
SELECT '{"version": 1, "currencies": [{"currency": "XXX"}]}'::funding_stats;
SELECT '{"version": 2, "currencies": []}'::funding_stats;
SELECT '[]'::funding_stats;

--
-- 1,000,000 generated rounds in 40 parks of 5 districts
--
CREATE TABLE gen AS
SELECT g AS id, 'park-' || (g % 40) AS park, 'district-' || (g % 40 % 5) AS district,
       CASE WHEN g % 23 = 0 THEN funding_round(k.kind::text, NULL, NULL, NULL, NULL)
            WHEN g % 29 = 0 THEN funding_round(k.kind::text, l, NULL, cur, NULL)
            ELSE funding_round(k.kind::text, l, l + round((abs(hashint4(g * 5)) % 3) * l / 2), cur,
                               date '2015-01-01' + abs(hashint4(g * 11)) % 3650) END AS r
FROM (SELECT g, round(10000 * power(10::float8, (abs(hashint4(g * 3)) % 600) / 100.0::float8))::numeric AS l,
             (ARRAY['CNY', 'CNY', 'CNY', 'USD', 'HKD', 'JPY'])[1 + abs(hashint4(g * 7)) % 6] AS cur
      FROM generate_series(1, 1000000) g) s
JOIN round_kinds() k ON k.rank = 1 + abs(hashint4(g)) % 34;
ANALYZE gen;

-- the plain-SQL answers, per currency
CREATE TEMP TABLE plain AS
SELECT coalesce(currency(r), '-') AS cur, count(*) AS rounds, count(*) FILTER (WHERE is_disclosed(r)) AS disclosed,
       count(*) FILTER (WHERE is_disclosed(r) AND amount_high(r) IS NULL) AS open,
       coalesce(sum(amount_low(r)), 0) AS sum_low, coalesce(sum(amount_point(r)), 0) AS sum_point,
       coalesce(sum(amount_high(r)), 0) AS sum_high,
       count(*) FILTER (WHERE amount_point(r) >= 100000000) AS over_1yi,
       count(*) FILTER (WHERE amount_low(r) >= 10000000) AS certainly_over_1000wan,
       count(*) FILTER (WHERE is_disclosed(r) AND coalesce(amount_high(r) >= 5000000, true)) AS possibly_over_500wan,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY amount_point(r)) AS median,
       percentile_disc(0.9) WITHIN GROUP (ORDER BY amount_point(r)) AS p90
FROM gen GROUP BY 1;
SELECT cur, rounds, disclosed, open FROM plain ORDER BY cur;

SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial AS SELECT funding_stats(r) AS s FROM gen;
RESET max_parallel_workers_per_gather;
-- force parallel plans: debug_parallel_query on PostgreSQL 16+, force_parallel_mode before
DO $$
BEGIN
	IF current_setting('server_version_num')::int >= 160000 THEN
		EXECUTE 'SET debug_parallel_query = on';
	ELSE
		EXECUTE 'SET force_parallel_mode = on';
	END IF;
END $$;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT pg_temp.runs_partial('SELECT funding_stats(r) FROM gen') AS parallel_plan;
CREATE TEMP TABLE parallel AS SELECT funding_stats(r) AS s FROM gen;
CREATE MATERIALIZED VIEW park_stats AS SELECT district, park, funding_stats(r) AS s FROM gen GROUP BY district, park;
DO $$
BEGIN
	IF current_setting('server_version_num')::int >= 160000 THEN
		EXECUTE 'RESET debug_parallel_query';
	ELSE
		EXECUTE 'RESET force_parallel_mode';
	END IF;
END $$;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;

SELECT (SELECT s FROM serial) = (SELECT s FROM parallel) AS serial_equals_parallel,
       (SELECT s FROM serial) = (SELECT rollup(s) FROM park_stats) AS rollup_equals_direct,
       (SELECT s FROM serial) = (SELECT rollup(s::text::funding_stats) FROM park_stats) AS text_round_trip,
       (SELECT s FROM serial) = (SELECT rollup(d) FROM (SELECT district, rollup(s) AS d FROM park_stats GROUP BY district) x)
           AS park_district_city;

-- Citus moves partial states through the output and input functions,
-- without the final function: the raw state must read back equal
CREATE AGGREGATE raw_stats_state(funding_round) (
	SFUNC = funding_stats_trans, STYPE = funding_stats, INITCOND = '{"version": 1, "currencies": []}');
SELECT raw_stats_state(r)::text::funding_stats = (SELECT s FROM serial) AS raw_state_text,
       funding_stats_send(raw_stats_state(r)) = funding_stats_send((SELECT s FROM serial)) AS raw_state_binary
FROM gen;
DROP AGGREGATE raw_stats_state(funding_round);

-- an aggregate seeded with a stored summary (empty or not) grows past it
SELECT funding_stats(r)::text AS seed FROM (VALUES ('A轮 5000万元'::funding_round)) AS v(r) \gset
CREATE AGGREGATE seeded_stats(funding_round) (
	SFUNC = funding_stats_trans, STYPE = funding_stats, FINALFUNC = funding_stats_final,
	INITCOND = :'seed');
SELECT rounds(seeded_stats(r), 'CNY') AS cny_rounds, rounds(seeded_stats(r), 'USD') AS usd_rounds
FROM gen;
SELECT rounds(s, 'CNY') AS cny_rounds, total(s, 'CNY') = 50000000 + (SELECT total(s, 'CNY') FROM serial) AS total
FROM (SELECT seeded_stats(r) AS s FROM gen) x;
DROP AGGREGATE seeded_stats(funding_round);

-- a section's sketch must have the parameters every funding_stats has, or
-- it could never be rolled up with other values
SELECT replace(:'seed', '"max_bins": 2100', '"max_bins": 16')::funding_stats;
SELECT replace(:'seed', '"accuracy": 0.01', '"accuracy": 0.02')::funding_stats;

-- every figure equals plain SQL (quantiles within 1%)
SELECT p.cur,
       rounds(s.s, p.cur) = p.rounds AND disclosed_rounds(s.s, p.cur) = p.disclosed AND open_rounds(s.s, p.cur) = p.open AS counts,
       total(s.s, p.cur) = p.sum_point AS total,
       lower(total_range(s.s, p.cur)) = p.sum_low AS range_low,
       (p.open > 0 AND upper_inf(total_range(s.s, p.cur))) OR upper(total_range(s.s, p.cur)) = p.sum_high AS range_high,
       rounds_over(s.s, 100000000, p.cur) = p.over_1yi AS over_1yi,
       rounds_over(s.s, 10000000, p.cur, 'low') = p.certainly_over_1000wan AS certainly,
       rounds_over(s.s, 5000000, p.cur, 'high') = p.possibly_over_500wan AS possibly,
       abs(quantile(s.s, 0.5, p.cur) - p.median) <= 0.01 * p.median AS median,
       abs(quantile(s.s, 0.9, p.cur) - p.p90) <= 0.01 * p.p90 AS p90
FROM plain p CROSS JOIN serial s WHERE p.cur <> '-' ORDER BY p.cur;
-- every threshold, by low, point and high, against plain SQL
SELECT count(*) AS checks,
       count(*) FILTER (WHERE rounds_over(s.s, t.major, p.cur, 'low') = p.n_low
                          AND rounds_over(s.s, t.major, p.cur) = p.n_point
                          AND rounds_over(s.s, t.major, p.cur, 'high') = p.n_high) AS equal
FROM (SELECT c.cur, t.major,
             count(*) FILTER (WHERE amount_low(g.r) >= t.major) AS n_low,
             count(*) FILTER (WHERE amount_point(g.r) >= t.major) AS n_point,
             count(*) FILTER (WHERE amount_high(g.r) IS NULL OR amount_high(g.r) >= t.major) AS n_high
      FROM (VALUES ('CNY'), ('USD'), ('JPY')) c(cur)
      CROSS JOIN (SELECT (m * 10::numeric ^ e)::numeric(20, 0) AS major FROM unnest(ARRAY[1, 2, 3, 5]) m, generate_series(4, 11) e) t
      JOIN gen g ON currency(g.r) = c.cur AND is_disclosed(g.r)
      GROUP BY c.cur, t.major) p
CROSS JOIN serial s, LATERAL (SELECT p.major) t;

-- per kind: rounds and totals
-- (a total is NULL where no round of the kind is disclosed, as sum() is)
SELECT count(*) AS kind_rows,
       count(*) FILTER (WHERE k.rounds = p.rounds AND k.total IS NOT DISTINCT FROM p.total
                        AND k.category = round_category(k.kind)) AS matching,
       count(*) FILTER (WHERE k.total IS NULL) AS undisclosed_kinds
FROM kinds((SELECT s FROM serial)) k
JOIN (SELECT currency(r) AS currency, round_kind(r) AS kind, count(*) AS rounds,
             sum(amount_point(r)) AS total
      FROM gen GROUP BY 1, 2) p ON k.currency IS NOT DISTINCT FROM p.currency AND k.kind = p.kind;
-- per family, as the sums of its kinds
SELECT count(*) AS family_rows,
       count(*) FILTER (WHERE f.rounds = p.rounds AND f.disclosed = p.disclosed
                        AND f.total IS NOT DISTINCT FROM p.total) AS matching
FROM families((SELECT s FROM serial)) f
JOIN (SELECT currency(r) AS currency, round_category(r) AS category, count(*) AS rounds,
             count(*) FILTER (WHERE is_disclosed(r)) AS disclosed, sum(amount_point(r)) AS total
      FROM gen GROUP BY 1, 2) p ON f.currency IS NOT DISTINCT FROM p.currency AND f.category = p.category;
SELECT * FROM families((SELECT s FROM serial)) WHERE currency = 'USD' ORDER BY category;
SELECT count(*) AS kind_rows FROM kinds((SELECT s FROM serial));

-- binary COPY out and back in, and a corrupted binary value
CREATE TABLE stats_copy (park text, s funding_stats);
\copy (SELECT park, s FROM park_stats) TO 'results/stats.bin' (FORMAT binary)
\copy stats_copy FROM 'results/stats.bin' (FORMAT binary)
SELECT count(*) AS parks, count(*) FILTER (WHERE c.s = p.s) AS identical
FROM stats_copy c JOIN park_stats p USING (park);
\copy (SELECT 'x', decode('02', 'hex')) TO 'results/stats_bad.bin' (FORMAT binary)
\copy stats_copy FROM 'results/stats_bad.bin' (FORMAT binary)
\copy (SELECT 'x', '\x017b7d'::bytea) TO 'results/stats_bad2.bin' (FORMAT binary)
\copy stats_copy FROM 'results/stats_bad2.bin' (FORMAT binary)
-- the binary form is the version byte 2, then the packed form the value stores
SELECT funding_stats_send(funding_stats('A轮 100元'::funding_round)) AS one_round_binary;
-- what is received is validated whole: a packed value that reads but whose
-- count of rounds (byte 7) disagrees with its sketch is refused
\copy (SELECT 'x', overlay(funding_stats_send(funding_stats('A轮 100元'::funding_round)) placing '\x02'::bytea from 7 for 1)) TO 'results/stats_bad3.bin' (FORMAT binary)
\copy stats_copy FROM 'results/stats_bad3.bin' (FORMAT binary)
-- 0.1.0's binary form (the version byte 1, then the text form) still reads
TRUNCATE stats_copy;
\copy (SELECT park, '\x01'::bytea || convert_to(s::text, 'UTF8') FROM park_stats) TO 'results/stats_v1.bin' (FORMAT binary)
\copy stats_copy FROM 'results/stats_v1.bin' (FORMAT binary)
SELECT count(*) AS parks, count(*) FILTER (WHERE c.s = p.s) AS identical,
       count(*) FILTER (WHERE funding_stats_send(c.s) = funding_stats_send(p.s)) AS same_binary
FROM stats_copy c JOIN park_stats p USING (park);

DROP TABLE few, seed_rounds, gen, stats_copy CASCADE;

-- input is cross-checked: the extremes against the sketch of the points, the
-- sums against the counts and extremes (each of these read before 0.2.0)
SELECT funding_stats(r)::text AS one FROM (VALUES ('A轮 100元'::funding_round)) v(r) \gset
SELECT replace(:'one', '"min_point": 10000', '"min_point": 7')::funding_stats;
SELECT replace(replace(:'one', '"sum_high": 10000', '"sum_high": 5000'), '"sum_low": 10000', '"sum_low": 5000')::funding_stats;
SELECT replace(replace(:'one', '"sum_point": 10000', '"sum_point": 30000'), '"a": [1, 1, 10000]', '"a": [1, 1, 30000]')::funding_stats;
SELECT :'one'::funding_stats = funding_stats('A轮 100元'::funding_round) AS same;

-- a summary written by 0.1.0 (format version 1, 16 thresholds) reads: its
-- counts at 1 and 5 x 10^n answer, those at 2 and 3 x 10^n are unknown (NULL)
SELECT funding_stats('A轮 2.5亿元'::funding_round)::text AS two \gset
-- (0.1.0's text: the 16 counts at 1 and 5 x 10^n, made from the current text)
SELECT replace(regexp_replace(:'two', '"over": \[.*\]\], "kinds"',
                              '"over": [' || (SELECT string_agg(m[1], ', ' ORDER BY i)
                                              FROM regexp_matches(:'two', '(\[\d+, \d+, \d+\])', 'g') WITH ORDINALITY x(m, i)
                                              WHERE i <= 32 AND (i - 1) % 4 IN (0, 3)) || '], "kinds"'),
               '{"version": 2, "currencies"', '{"version": 1, "currencies"') AS v1 \gset
SELECT rounds_over(s, 100000000, 'CNY') AS over_1yi, rounds_over(s, 500000000, 'CNY') AS over_5yi,
       rounds_over(s, 200000000, 'CNY') AS over_2yi, rounds_over(s, 300000000, 'CNY', 'high') AS possibly_over_3yi,
       total(s, 'CNY'), s = :'two'::funding_stats AS same_as_current
FROM (SELECT :'v1'::funding_stats AS s) x;
-- its text form is the current one, with null where a count is unknown; it
-- reads back, and rolls up with current summaries (still unknown there)
SELECT s::text::funding_stats = s AS round_trip, position('null, null' IN s::text) > 0 AS shows_unknown,
       rounds_over(rollup(s) OVER (), 200000000, 'CNY') AS rolled_up_over_2yi
FROM (SELECT :'v1'::funding_stats AS s UNION ALL SELECT :'two'::funding_stats) x;

-- small groups stay small: a summary of one round is stored in tens of
-- bytes, and its aggregation state holds the first rounds as they are
-- (then the full summary); summaries of 1 to 20 rounds per project, in
-- two currencies, rolled up serially and in parallel, equal the whole
SELECT pg_column_size(funding_stats(r)) <= 100 AS one_round_small,
       pg_column_size(funding_stats(r)) AS bytes
FROM (VALUES ('B轮 近2亿元 2023-06'::funding_round)) v(r);
CREATE TABLE small_groups AS
SELECT p AS project, funding_round((ARRAY['angel', 'a', 'b', 'c', 'strategic'])[1 + (p + i) % 5],
                                   (1 + (p * 7 + i * 13) % 900) * 100000::numeric,
                                   (1 + (p * 7 + i * 13) % 900) * 100000::numeric * (1 + i % 2),
                                   CASE WHEN (p + i) % 4 = 0 THEN 'USD' ELSE 'CNY' END,
                                   date '2021-01-01' + p + i) AS r
FROM generate_series(1, 400) p, generate_series(1, 1 + p % 20) i;
CREATE TEMP TABLE per_project AS SELECT project, funding_stats(r) AS s FROM small_groups GROUP BY project;
SELECT count(*) AS projects, max(pg_column_size(s)) FILTER (WHERE rounds(s) = 1) AS one_round_bytes,
       bool_and(rounds(s) = 1 + project % 20) AS counts_right,
       (SELECT funding_stats(r) FROM small_groups) = rollup(s) AS rollup_equals_whole,
       (SELECT funding_stats(r) FROM small_groups) = rollup(s::text::funding_stats) AS text_round_trip
FROM per_project;
-- a group of up to 8 rounds is stored as its rounds, a larger one packed;
-- read back from text every value is packed, and every accessor answers the
-- same from both forms
SELECT count(*) FILTER (WHERE pg_column_size(s) < pg_column_size(p)) AS stored_smaller,
       count(*) AS projects,
       count(*) FILTER (WHERE
         s = p AND s::text = p::text AND s::jsonb = p::jsonb AND hash_funding_stats(s) = hash_funding_stats(p) AND
         rounds(s) = rounds(p) AND currencies(s) = currencies(p) AND
         (SELECT array_agg(k::text ORDER BY k::text) FROM kinds(s) k) =
         (SELECT array_agg(k::text ORDER BY k::text) FROM kinds(p) k) AND
         (SELECT array_agg(f::text ORDER BY f::text) FROM families(s) f) =
         (SELECT array_agg(f::text ORDER BY f::text) FROM families(p) f) AND
         (SELECT bool_and(ROW(rounds(s, c), disclosed_rounds(s, c), open_rounds(s, c), total(s, c),
                              total_range(s, c), min_amount(s, c), max_amount(s, c), quantile(s, 0.5, c),
                              rounds_over(s, 10000000, c), rounds_over(s, 50000000, c, 'high'))
                          IS NOT DISTINCT FROM
                          ROW(rounds(p, c), disclosed_rounds(p, c), open_rounds(p, c), total(p, c),
                              total_range(p, c), min_amount(p, c), max_amount(p, c), quantile(p, 0.5, c),
                              rounds_over(p, 10000000, c), rounds_over(p, 50000000, c, 'high')))
          FROM unnest(currencies(s)) c)) AS same_answers
FROM (SELECT project, s, s::text::funding_stats AS p FROM per_project) x
WHERE rounds(s) <= 8;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT pg_temp.runs_partial('SELECT project, funding_stats(r) FROM small_groups GROUP BY project') AS parallel_plan;
SELECT bool_and(p.s = q.s) AS parallel_per_project_equal, count(*)
FROM per_project p JOIN (SELECT project, funding_stats(r) AS s FROM small_groups GROUP BY project) q USING (project);
SELECT (SELECT funding_stats(r) FROM small_groups) = (SELECT rollup(s) FROM per_project) AS parallel_rollup_equal;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
DROP TABLE small_groups;
-- a state that filled its room exactly (16 sketch buckets after its list)
-- still has pending sums: it is normalized before it is stored
SELECT rounds(s), disclosed_rounds(s, 'CNY'), total(s, 'CNY'), s = s::text::funding_stats AS round_trip
FROM (SELECT funding_stats(funding_round('a', 100000 * 2::numeric ^ g, 100000 * 2::numeric ^ g, 'CNY', NULL)) AS s
      FROM generate_series(1, 16) g) x;
