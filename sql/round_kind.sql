--
-- round_kind: the kind of a funding round as an ordered type
--

-- the same vocabulary as the funding_round reader: labels, Chinese and English names
SELECT k, k::round_kind AS kind, kind_rank(k::round_kind), kind_name_zh(k::round_kind),
       round_category(k::round_kind)
FROM (VALUES ('b'), ('B轮'), ('Series B'), ('B輪'), ('pre-A'), ('天使轮'), ('IPO'), ('拨投结合'),
             ('可转债'), ('科技贷款'), ('undisclosed')) v(k);
-- every kind of round_kinds() reads back from its label, in order
SELECT count(*) AS kinds,
       count(*) FILTER (WHERE kind::text::round_kind = kind) AS round_trip,
       count(*) FILTER (WHERE kind_rank(kind) = rank) AS ranked,
       count(*) FILTER (WHERE round_category(kind) = category) AS families
FROM round_kinds();
SELECT string_agg(kind::text, ' < ' ORDER BY kind) FROM round_kinds() WHERE category = 'venture' AND rank <= 10;
-- "B round or later", among venture rounds
SELECT r, round_kind(r) >= 'b' AND round_category(r) = 'venture' AS b_or_later
FROM (VALUES ('A轮 5000万元'::funding_round), ('B轮 近2亿元 2023-06'), ('C+轮 3亿元'),
             ('IPO募资 10亿元'), ('立项拨款 500万元')) v(r);
SELECT round_category(r), count(*) FROM (VALUES ('A轮 5000万元'::funding_round), ('B轮 近2亿元 2023-06'),
	('IPO募资 10亿元'), ('立项拨款 500万元'), ('拨投结合 3000万元'), ('科技贷款 1000万元')) v(r)
GROUP BY 1 ORDER BY 1;

-- errors: a misspelled kind gets a hint; stored values must be kinds
SELECT 'series x'::round_kind;
SELECT 'B伦'::round_kind;
SELECT ''::round_kind;

-- indexes: btree in kind order, hash by the stable code
CREATE TABLE kinds_t AS SELECT kind, rank FROM round_kinds(), generate_series(1, 50);
CREATE INDEX kinds_t_btree ON kinds_t (kind);
CREATE INDEX kinds_t_hash ON kinds_t USING hash (kind);
SET enable_seqscan = off;
SELECT count(*) FROM kinds_t WHERE kind BETWEEN 'a' AND 'b';
SELECT count(*) FROM kinds_t WHERE kind = 'pre_ipo';
RESET enable_seqscan;
SELECT amvalidate(oid) FROM pg_opclass WHERE opcname = 'round_kind_ops' ORDER BY opcmethod;
SELECT DISTINCT kind FROM kinds_t WHERE rank BETWEEN 5 AND 7 ORDER BY kind;
SELECT hash_round_kind('b'), hash_round_kind_extended('b', 0) = hash_round_kind_extended('B轮', 0);

-- binary: a version byte and the code
SELECT round_kind_send('grant');
CREATE TABLE kinds_copy (k round_kind);
\copy (SELECT 'grant_to_equity'::round_kind) TO 'results/kind.bin' (FORMAT binary)
\copy kinds_copy FROM 'results/kind.bin' (FORMAT binary)
SELECT k FROM kinds_copy;
\copy (SELECT decode('01ff', 'hex')) TO 'results/kind_bad.bin' (FORMAT binary)
\copy kinds_copy FROM 'results/kind_bad.bin' (FORMAT binary)
\copy (SELECT decode('0209', 'hex')) TO 'results/kind_bad2.bin' (FORMAT binary)
\copy kinds_copy FROM 'results/kind_bad2.bin' (FORMAT binary)

DROP TABLE kinds_t, kinds_copy;
