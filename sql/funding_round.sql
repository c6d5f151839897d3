--
-- funding_round: parsing real-world strings, canonical output, accessors,
-- constructor, errors, binary I/O, and btree / hash / BRIN / GiST indexes
--
SET datestyle = ISO;

CREATE FUNCTION pg_temp.try(stmt text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE stmt;
	RETURN 'ok';
EXCEPTION WHEN others THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- a sample of the corpus (the C unit tests run all of it)
SELECT t AS written, r AS canonical, r::text::funding_round = r AS round_trip
FROM (VALUES ('B轮 近2亿元 2023-06'), ('Series B, $25M, 2023-06-15'), ('Pre-A轮｜近亿元｜2022年3月'),
             ('天使轮 数百万人民币'), ('战略投资 未披露'), ('拨投结合 3000万元'), ('获得近2亿元B轮融资'),
             ('1亿2000万元'), ('两千万'), ('¥200000000'), ('¥800万'), ('1,000万'), ('１亿'), ('3000萬'),
             ('2億'), ('$12M'), ('USD 25 million'), ('$1.2B'), ('€20m'), ('HK$1.2 billion'),
             ('50 million yuan'), ('5000万-8000万元'), ('1-2亿'), ('近亿元'), ('超千万'), ('逾亿'),
             ('3000多万'), ('约5000万'), ('5000万左右'), ('数千万'), ('数十亿元'), ('千万级'),
             ('亿元及以上'), ('亿元及以上美元'), ('$10M+'), ('nearly $20M'), ('over 100 million yuan'),
             ('about $5M'), ('several million dollars'), ('eight figures, USD'), ('未透露'), ('undisclosed'),
             ('C輪 近億元 2021年5月'), ('Series A - $12M'), ('Corporate round, $50M'),
             ('Series C, USD 100 million, March 15, 2024'), ('定增 20亿元 2023'), ('并购 未披露 2019年'),
             ('苏科贷 500万元'), ('先投后股 1000万'), ('Grant €500K'), ('2亿日元'), ('¥1,234.56'),
             ('【B轮】近2亿元（2023年6月）'), ('Ｂ轮 ２亿元'), ('十亿元 Pre-IPO轮')) AS v(t),
     funding_round(t) AS r;

-- accessors
SELECT r, round_kind(r), is_equity(r), is_exit(r), currency(r), amount_low(r), amount_point(r),
       amount_high(r), amount_range(r), is_disclosed(r), is_fuzzy(r),
       announced_on(r), announced_precision(r), announced_range(r)
FROM (VALUES ('B轮 近2亿元 2023-06'::funding_round), ('IPO 2024-03-15'), ('亿元及以上美元 D轮'),
             ('Grant €500K 2023'), ('undisclosed'), ('¥1,234.56')) AS v(r);
SELECT ('B轮 近2亿元 2023-06'::funding_round)::jsonb;

-- the vocabularies
SELECT * FROM round_kinds();
SELECT * FROM funding_currencies();

-- constructor
SELECT funding_round('B轮', 160000000, 200000000, 'CNY', '2023-06-01', 'month') AS from_parts,
       funding_round('series_a', 12000000, 12000000, 'usd', NULL) AS exact,
       funding_round('angel', 1000000, NULL, 'CNY', '2022-01-01', 'year') AS open_above,
       funding_round(NULL, NULL, NULL, NULL, NULL) AS nothing_known;
SELECT call, pg_temp.try('SELECT ' || call) AS result
FROM (VALUES ($$funding_round('b', 100, 50, 'CNY', NULL)$$),
             ($$funding_round('b', 0, 5, 'CNY', NULL)$$),
             ($$funding_round('b', 100, 200, NULL, NULL)$$),
             ($$funding_round('b', 100, 200, 'XYZ', NULL)$$),
             ($$funding_round('seeed', 100, 200, 'CNY', NULL)$$),
             ($$funding_round('b', 1.005, 2, 'CNY', NULL)$$),
             ($$funding_round('b', 1e20, 1e21, 'CNY', NULL)$$),
             ($$funding_round('b', 100, 200, 'CNY', '2023-06-02', 'month')$$),
             ($$funding_round('b', 100, 200, 'CNY', '2023-06-01', 'week')$$),
             ($$funding_round('b', 100, 200, 'CNY', 'infinity')$$),
             ($$funding_round('b', 100, 200, 'CNY', '2300-01-01')$$),
             ($$funding_round('b', NULL, 200, 'CNY', NULL)$$)) AS v(call);

-- bad text: 22P02 with the part that failed, 22003 when out of range
SELECT 'B轮 A轮 2亿'::funding_round;
SELECT 'B轮 2亿 3000万'::funding_round;
SELECT 'B轮 2亿 未知的东西'::funding_round;
SELECT 'seeed 2亿'::funding_round;
SELECT 'B轮 2亿 2300年'::funding_round;
SELECT t, pg_temp.try(format('SELECT %L::funding_round', t)) AS result
FROM (VALUES (''), ('美元 人民币 5000万'), ('B轮 0元'), ('B轮 1.005元'), ('数3000万'), ('约5000万左右'),
             ('2024-02-30'), ('B轮 99999999亿亿'), ('亿元'), ('angel CNY 1000000-10000000 ~30000000'),
             ('A++轮')) AS v(t);

-- casts: text and varchar are assignment casts
CREATE TEMP TABLE cast_target (r funding_round);
INSERT INTO cast_target VALUES ('B轮 近2亿元'::text), ('Series A, $5M'::varchar);
SELECT r, r::text FROM cast_target;

-- binary COPY out and in, and what recv rejects
CREATE TABLE copy_rounds (id int, r funding_round);
INSERT INTO copy_rounds SELECT row_number() OVER (), funding_round(t)
FROM unnest(ARRAY['B轮 近2亿元 2023-06', 'Series B, $25M, 2023-06-15', '战略投资 未披露',
                  '$10M+', '天使轮 数百万人民币', '2亿日元 2021']) t;
\copy copy_rounds TO 'results/rounds.bin' (FORMAT binary)
CREATE TABLE copy_back (LIKE copy_rounds);
\copy copy_back FROM 'results/rounds.bin' (FORMAT binary)
SELECT count(*) AS rows, count(*) FILTER (WHERE a.r = b.r) AS identical
FROM copy_rounds a JOIN copy_back b USING (id);
SELECT funding_round_send('B轮 近2亿元 2023-06');
-- a wrong version byte, a bad kind code, a reserved flag bit, low above high
\copy (SELECT 1, decode('02' || substr(encode(funding_round_send('B轮 2亿'), 'hex'), 3), 'hex')) TO 'results/round_bad1.bin' (FORMAT binary)
\copy copy_back FROM 'results/round_bad1.bin' (FORMAT binary)
\copy (SELECT 1, decode(substr(encode(funding_round_send('B轮 2亿'), 'hex'), 1, 62) || 'ff' || substr(encode(funding_round_send('B轮 2亿'), 'hex'), 65), 'hex')) TO 'results/round_bad2.bin' (FORMAT binary)
\copy copy_back FROM 'results/round_bad2.bin' (FORMAT binary)
\copy (SELECT 1, decode(substr(encode(funding_round_send('B轮 2亿'), 'hex'), 1, 64) || '54', 'hex')) TO 'results/round_bad3.bin' (FORMAT binary)
\copy copy_back FROM 'results/round_bad3.bin' (FORMAT binary)
\copy (SELECT 1, decode('01' || '00000004a817c800' || '00000004a817c800' || '0000000000000001' || '00000000009c0944', 'hex')) TO 'results/round_bad4.bin' (FORMAT binary)
\copy copy_back FROM 'results/round_bad4.bin' (FORMAT binary)
\copy (SELECT 1, decode('0100', 'hex')) TO 'results/round_bad5.bin' (FORMAT binary)
\copy copy_back FROM 'results/round_bad5.bin' (FORMAT binary)

-- the total order: date (undated last), precision, kind, currency, amounts
SELECT r FROM (VALUES ('b CNY 100 2021-01-01'::funding_round), ('b CNY 100 2021'), ('angel CNY 5'),
                      ('a USD 100 2022-03'), ('a CNY 200 2022-03'), ('seed CNY 100 2022-03'),
                      ('a CNY 100 2022-03'), ('ipo undisclosed 2023-06-15')) AS v(r)
ORDER BY r;
-- hashes are fixed across machines and versions
-- (the extended hash with seed 0 has the standard hash in its low 32 bits,
-- as PostgreSQL requires; other seeds are unchanged since 0.1.0)
SELECT r, hash_funding_round(r), hash_funding_round_extended(r, 0) AS ext0,
       hash_funding_round_extended(r, 7) AS ext7,
       (hash_funding_round_extended(r, 0) & 4294967295) = (hash_funding_round(r)::bigint & 4294967295) AS low_bits_agree
FROM (VALUES ('B轮 近2亿元 2023-06'::funding_round), ('战略投资 未披露'), ('$10M+')) AS v(r);

--
-- 1,000,000 generated rounds: btree, hash, BRIN and GiST plans, each
-- answer equal to a sequential scan
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS amcheck;
RESET client_min_messages;
-- plans below are serial, so their shape does not depend on the machine
-- windows bounded by -infinity or infinity: nothing comes before -infinity
-- or after infinity (a window ending at -infinity used to match every round)
SELECT d AS announced, 'B轮 近2亿元 2023-06'::funding_round @@ funding_window(d) AS matches
FROM (VALUES (daterange(NULL, '-infinity')), (daterange(NULL, '-infinity', '[]')),
             (daterange('-infinity', '-infinity', '[]')), (daterange('infinity', NULL)),
             (daterange('infinity', 'infinity', '[]')), (daterange('-infinity', 'infinity')),
             (daterange('-infinity', 'infinity', '[]')), (daterange(NULL, 'infinity')),
             (daterange('2023-06-01', 'infinity'))) v(d);

SET max_parallel_workers_per_gather = 0;
CREATE TABLE gen_rounds AS
SELECT g AS id,
       funding_round(k.kind::text, l, l + (abs(hashint4(g * 5)) % 3) * l / 2,
                     (ARRAY['CNY', 'CNY', 'CNY', 'USD', 'HKD'])[1 + abs(hashint4(g * 7)) % 5],
                     CASE WHEN g % 17 = 0 THEN NULL ELSE date '2015-01-01' + abs(hashint4(g * 11)) % 3650 END,
                     'day') AS r
FROM (SELECT g, round(10000 * power(10::float8, (abs(hashint4(g * 3)) % 500) / 100.0::float8))::numeric AS l
      FROM generate_series(1, 1000000) g) s
JOIN round_kinds() k ON k.rank = 1 + abs(hashint4(g)) % 34;
ANALYZE gen_rounds;

CREATE TEMP TABLE windows (name text, w funding_window);
INSERT INTO windows VALUES
	('2023 H1, 50-100 million CNY', funding_window(daterange('2023-01-01', '2023-07-01'), numrange(50000000, 100000000), 'CNY')),
	('any date, over 1 billion USD', funding_window(NULL, numrange(1000000000, NULL), 'USD')),
	('2019 only, any amount', funding_window(daterange('2019-01-01', '2020-01-01'))),
	('HKD, any date', funding_window(currency => 'HKD')),
	('empty period', funding_window(daterange('2020-01-01', '2020-01-01'), NULL, 'CNY')),
	('ends at -infinity', funding_window(daterange(NULL, '-infinity'))),
	('starts at infinity', funding_window(daterange('infinity', NULL), NULL, 'CNY')),
	('from -infinity to infinity', funding_window(daterange('-infinity', 'infinity')));
SET enable_indexscan = off;
SET enable_bitmapscan = off;
CREATE TEMP TABLE seq_answers AS
SELECT name, (SELECT count(*) FROM gen_rounds g WHERE g.r @@ w) AS n FROM windows;
RESET enable_indexscan;
RESET enable_bitmapscan;
SELECT name, n FROM seq_answers ORDER BY name;

CREATE INDEX gen_rounds_gist ON gen_rounds USING gist (r);
-- an index-only scan (the plan does not depend on how much of the table
-- VACUUM has marked all-visible: only the heap fetches do)
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM gen_rounds
WHERE r @@ funding_window(daterange('2023-01-01', '2023-07-01'), numrange(50000000, 100000000), 'CNY');
SELECT s.name, (SELECT count(*) FROM gen_rounds g WHERE g.r @@ s_w.w) = s.n AS gist_equals_seqscan
FROM seq_answers s JOIN windows s_w USING (name) ORDER BY s.name;
RESET enable_seqscan;
RESET enable_bitmapscan;
DROP INDEX gen_rounds_gist;

CREATE INDEX gen_rounds_btree ON gen_rounds (r);
SELECT bt_index_check('gen_rounds_btree', true);
SELECT bt_index_parent_check('gen_rounds_btree', true);
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM gen_rounds WHERE r >= 'a CNY 1 2023-01-01' AND r < 'a CNY 1 2023-07-01';
SELECT (SELECT count(*) FROM gen_rounds WHERE r >= 'a CNY 1 2023-01-01' AND r < 'a CNY 1 2023-07-01') AS by_index;
RESET enable_seqscan;
RESET enable_bitmapscan;
SET enable_indexscan = off;
SET enable_bitmapscan = off;
SELECT (SELECT count(*) FROM gen_rounds WHERE r >= 'a CNY 1 2023-01-01' AND r < 'a CNY 1 2023-07-01') AS by_seqscan;
RESET enable_indexscan;
RESET enable_bitmapscan;
DROP INDEX gen_rounds_btree;

CREATE INDEX gen_rounds_hash ON gen_rounds USING hash (r);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM gen_rounds WHERE r = (SELECT r FROM gen_rounds WHERE id = 4242);
SELECT count(*) >= 1 AS found FROM gen_rounds WHERE r = (SELECT r FROM gen_rounds WHERE id = 4242);
RESET enable_seqscan;
DROP INDEX gen_rounds_hash;

CREATE TABLE gen_sorted AS SELECT * FROM gen_rounds ORDER BY r;
CREATE INDEX gen_sorted_brin ON gen_sorted USING brin (r);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM gen_sorted WHERE r < 'a CNY 1 2016-01-01';
SELECT (SELECT count(*) FROM gen_sorted WHERE r < 'a CNY 1 2016-01-01') =
       (SELECT count(*) FROM gen_rounds WHERE r < 'a CNY 1 2016-01-01') AS brin_equals_seqscan;
RESET enable_seqscan;

RESET max_parallel_workers_per_gather;
DROP TABLE copy_rounds, copy_back, gen_rounds, gen_sorted;
