--
-- designation: list names as sources write them, the parts, every scheme
-- at every level, validity, refusals with their SQLSTATE and hints, the
-- vocabulary, binary send/recv, the storage order and the ladder, casts
--
-- Files go to results/, which pg_regress creates next to the outputs.

-- a helper that runs a statement and reports its SQLSTATE and message
CREATE FUNCTION pg_temp.try(stmt text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE stmt;
	RETURN 'ok';
EXCEPTION WHEN others THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- ... and one that reads a text as a designation and reports why it is refused
CREATE FUNCTION pg_temp.why(input text, OUT state text, OUT detail text, OUT hint text)
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM input::designation;
	state := 'ok';
EXCEPTION WHEN others THEN
	GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, detail = PG_EXCEPTION_DETAIL,
	                        hint = PG_EXCEPTION_HINT;
END $$;

-- the schemes, from the table the reader reads
SELECT scheme, name_zh, track, rung, levels, default_level, term_years FROM designation_schemes();
SELECT count(*) AS schemes, count(DISTINCT track) AS tracks, count(term_years) AS with_term
FROM designation_schemes();

-- the words the reader knows, per role
SELECT role, count(*) AS words FROM designation_vocabulary() GROUP BY role ORDER BY role;
SELECT count(*) AS words, count(DISTINCT word) AS distinct_words FROM designation_vocabulary();

--
-- list names as sources write them: canonical text and every part
--
CREATE TEMP TABLE corpus (id int, input text);
INSERT INTO corpus VALUES
	(1, '2024年省瞪羚企业'),
	(2, '国家级专精特新"小巨人"企业（第五批，2023）'),
	(3, '国家级專精特新「小巨人」企業'),
	(4, '高新技术企业 2023–2025'),
	(5, '高新技术企业 2023-2024'),
	(6, '國家高新技術企業（2023年認定）'),
	(7, 'Jiangsu gazelle 2024'),
	(8, '苏州市瞪羚企业 2024'),
	(9, '北京市潜在独角兽企业 2024'),
	(10, '2024年苏州工业园区瞪羚企业'),
	(11, '江苏省独角兽企业 2025（2025年版）'),
	(12, '第八批国家级制造业单项冠军企业 2023'),
	(13, '制造业单项冠军示范企业（第十二批）'),
	(14, '科小 2024'),
	(15, '苏州市科技领军企业 2024'),
	(16, 'national high-tech enterprise 2023'),
	(17, 'high_tech 2023 valid until 2026'),
	(18, 'national little giant 5th batch 2023'),
	(19, 'city-level gazelle 2022'),
	(20, '广西壮族自治区瞪羚企业 2023'),
	(21, 'tech_leader 2024 until 2026'),
	(22, '  GAZELLE  '),
	(23, 'ＧＡＺＥＬＬＥ　２０２４'),
	(24, '2024年度江苏省潜在独角兽企业名单'),
	(25, '2024年常州市种子独角兽企业'),
	(26, '市级专精特新企业 2023'),
	(27, '创新型中小企业 2024'),
	(28, '高新技术企业 有效期2023-2025');
SELECT id, input, input::designation AS designation FROM corpus ORDER BY id;
SELECT id, scheme(d), scheme_zh(d), track(d), rung(d), level(d), list_year(d), valid_until(d),
       list_batch(d), criteria_edition(d)
FROM (SELECT id, input::designation AS d FROM corpus) c ORDER BY id;
-- the canonical text reads back as the same value
SELECT count(*) AS inputs, count(*) FILTER (WHERE d::text::designation = d) AS read_back,
       count(*) FILTER (WHERE d::text = d::text::designation::text) AS same_text
FROM (SELECT input::designation AS d FROM corpus) c;

-- NULL in, NULL out
SELECT NULL::designation AS d, scheme(NULL), level(NULL), list_year(NULL), valid_on(NULL, '2024-01-01'),
       try_designation(NULL);

--
-- every scheme at every level, from designation_schemes(): read where the
-- scheme is issued at the level, refused (22P02) where it is not
--
SELECT s.scheme, l.level, l.level = ANY (s.levels) AS issued, w.state,
       coalesce(try_designation(l.level || ' ' || s.scheme || ' 2024')::text, w.detail) AS result
FROM designation_schemes() s
CROSS JOIN unnest(ARRAY['national', 'provincial', 'municipal', 'district']) WITH ORDINALITY AS l(level, n)
CROSS JOIN LATERAL pg_temp.why(l.level || ' ' || s.scheme || ' 2024') w
ORDER BY s.track, s.rung, l.n;
-- the same in Chinese, the level word before the scheme's Chinese name:
-- read at the scheme's levels, refused at the others
SELECT count(*) AS texts,
       count(*) FILTER (WHERE l.level = ANY (s.levels)) AS issued,
       count(*) FILTER (WHERE d IS NOT NULL AND scheme(d) = s.scheme AND level(d) = l.level
                          AND list_year(d) = 2024) AS read_right,
       count(*) FILTER (WHERE d IS NULL AND NOT l.level = ANY (s.levels)) AS refused_right
FROM designation_schemes() s
CROSS JOIN (VALUES ('国家级', 'national'), ('省级', 'provincial'), ('市级', 'municipal'), ('区级', 'district'))
           AS l(word, level)
CROSS JOIN LATERAL try_designation(l.word || s.name_zh || ' 2024') d;
-- no level: the scheme's default level, or none
SELECT scheme, default_level, scheme::designation AS designation, level(scheme::designation)
FROM designation_schemes();
-- a refusal names the scheme, its Chinese name and its issuer
SELECT * FROM pg_temp.why('national gazelle 2024');
SELECT * FROM pg_temp.why('省级高新技术企业');

--
-- validity: the documented term counts the list year (高企 3 years, annual
-- lists 1 year, tech_leader none); an explicit end replaces it
--
SELECT d, list_year(d), valid_until(d),
       valid_on(d, '2022-12-31') AS "2022", valid_on(d, '2023-01-01') AS "2023",
       valid_on(d, '2025-12-31') AS "2025", valid_on(d, '2026-01-01') AS "2026",
       valid_on(d, 'infinity') AS infinity, valid_on(d, '-infinity') AS minus_infinity
FROM (VALUES ('高新技术企业 2023'::designation), ('2023 高企'), ('高新技术企业 2023-2025'),
             ('高新技术企业 2023年 有效期至2025年'), ('high_tech 2023 until 2024'),
             ('high_tech 2023 valid until 2026'), ('省瞪羚企业 2023'), ('unicorn 2023'),
             ('national little_giant 2023'), ('tech_sme 2023'), ('科技领军企业 2023'),
             ('tech_leader 2023 until 2025'), ('高新技术企业'), ('省瞪羚企业')) AS v(d);
-- an explicit end equal to the documented term is the same value
SELECT '高新技术企业 2023-2025'::designation = '高新技术企业 2023' AS same_as_term,
       'gazelle 2024 until 2024'::designation = 'gazelle 2024' AS gazelle_one_year,
       'gazelle 2024 until 2025'::designation::text AS gazelle_two_years;
-- the last years: a validity may run to 2100, not past it
SELECT 'high_tech 2098'::designation::text AS last_high_tech, valid_until('high_tech 2098'),
       'gazelle 2100'::designation::text AS last_gazelle, valid_until('gazelle 2100');
SELECT * FROM pg_temp.why('high_tech 2099');
SELECT * FROM pg_temp.why('高新技术企业 有效期至2025年');
SELECT * FROM pg_temp.why('高新技术企业 2025-2023');
SELECT * FROM pg_temp.why('2024 高新技术企业 2023-2025');
SELECT * FROM pg_temp.why('tech_leader 2024 until 2060');

--
-- refusals: SQLSTATE, detail and hint
--
SELECT v.input, w.*
FROM (VALUES
	-- nothing, or no scheme
	(''), ('2024年'), ('provincial 2024'),
	-- two schemes, two levels, two years
	('瞪羚 独角兽'), ('gazelle unicorn 2024'), ('国家级省瞪羚企业'), ('江苏省苏州市瞪羚企业'),
	('高新技术企业 2023 2024'),
	-- stage words: the project_stage ladder, and 规上 a statistical scope
	('规上企业'), ('規上'), ('listed'), ('上市公司'), ('pilot'),
	-- years relative to the text
	('今年入选省独角兽企业'), ('去年 高企'), ('unicorn this year'), ('gazelle next year'),
	-- unknown words: the closest scheme where one is close
	('gazele 2024'), ('unicron'), ('hightec 2023'), ('little giants'),
	-- place names without a level suffix
	('苏州瞪羚企业'), ('Suzhou gazelle 2024'), ('拟认定高新技术企业'),
	-- years, batches and editions
	('高新技术企业 24'), ('高新技术企业 02023'), ('小巨人 第五'), ('小巨人 batch'), ('unicorn 2024 criteria'),
	('unicorn 2024 batch 0'), ('unicorn 2024 batch 100'), ('little giant 5th'), ('gazelle 2024 $'),
	('第五批 第六批 小巨人'), ('unicorn criteria 2024 criteria 2025')
) AS v(input), LATERAL pg_temp.why(v.input) w;
-- years out of range are 22003
SELECT v.input, w.*
FROM (VALUES ('高新技术企业 1899'), ('gazelle 1979'), ('gazelle 2101'), ('unicorn 2024 criteria 1900'),
             ('tech_leader 2024 until 2101'), ('高新技术企业 2023-2199')) AS v(input),
     LATERAL pg_temp.why(v.input) w;
-- the error as psql shows it: the input quoted in the message
SELECT 'gazele 2024'::designation;
SELECT '规上企业'::designation;
SELECT 'gazelle 2101'::designation;
-- text longer than the reader takes, and a NUL-free text of only blanks
SELECT left(v.input, 20) AS input, w.state, w.detail
FROM (VALUES (repeat('瞪羚', 200)), ('   '), (E'\u3000')) AS v(input), LATERAL pg_temp.why(v.input) w;

-- project_stage reads designation words and points to designation
CREATE FUNCTION pg_temp.stage_hint(input text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	h text;
BEGIN
	PERFORM input::project_stage;
	RETURN 'ok';
EXCEPTION WHEN others THEN
	GET STACKED DIAGNOSTICS h = PG_EXCEPTION_HINT;
	RETURN SQLSTATE || ': ' || h;
END $$;
-- (gazelle and 高企 are rungs of the stage ladder too, and read as stages)
SELECT input, pg_temp.stage_hint(input) AS hint
FROM (VALUES ('小巨人'), ('little_giant'), ('2024年省瞪羚企业'), ('gazelle 2024'), ('专精特新'),
             ('单项冠军'), ('科技领军企业'), ('gazelle'), ('高企')) AS v(input);

--
-- every spelling of a scheme reads as its scheme, and its text reads back
--
SELECT count(*) AS spellings,
       count(*) FILTER (WHERE scheme(word::designation) = split_part(meaning, ' ', -1)) AS right_scheme,
       count(*) FILTER (WHERE level(word::designation) IS NOT DISTINCT FROM
                              CASE WHEN meaning LIKE '% %' THEN split_part(meaning, ' ', 1)
                                   ELSE (SELECT default_level FROM designation_schemes() s
                                         WHERE s.scheme = meaning) END) AS right_level,
       count(*) FILTER (WHERE word::designation::text::designation = word::designation) AS read_back
FROM designation_vocabulary() WHERE role = 'scheme';
SELECT word, word::designation AS designation
FROM designation_vocabulary() WHERE role = 'scheme' AND meaning LIKE '% %';
-- every word of another role, beside a scheme, is read or refused as its role says
SELECT role, count(*) AS words,
       count(*) FILTER (WHERE try_designation('unicorn 2024 ' || word) IS NOT NULL) AS read_after_a_scheme
FROM designation_vocabulary() WHERE role <> 'scheme' GROUP BY role ORDER BY role;

--
-- casts: text, varchar and bpchar to designation (assignment), and back to text
--
SELECT '2024年省瞪羚企业'::text::designation AS from_text, 'Jiangsu gazelle 2024'::varchar::designation AS from_varchar,
       'gazelle 2024'::bpchar::designation AS from_bpchar, 'gazelle 2024'::char(20)::designation AS from_char20,
       'provincial gazelle 2024'::designation::text AS to_text, text('高企 2023'::designation),
       designation('科小 2024');
CREATE TEMP TABLE cast_target (d designation, t text);
INSERT INTO cast_target VALUES ('小巨人'::text, 'national high_tech 2023'::designation);
INSERT INTO cast_target VALUES ('独角兽 2024'::varchar, NULL);
INSERT INTO cast_target VALUES ('gazelle 2024'::char(16), NULL);
SELECT * FROM cast_target;
INSERT INTO cast_target VALUES ('gazelles'::text, NULL);
-- try_designation: NULL where the text is no designation
SELECT t, try_designation(t)
FROM (VALUES ('高企 2023'), ('hightec'), ('瞪羚 独角兽'), ('今年 瞪羚'), ('高新技术企业 1899'), ('')) AS v(t);

--
-- binary send/recv: a format-version byte, then the 8-byte value big-endian
--
SELECT id, designation_send(input::designation) FROM corpus WHERE id IN (1, 2, 4, 5, 21) ORDER BY id;
CREATE TABLE desig_copy_src (id int, d designation, ds designation[]);
INSERT INTO desig_copy_src
SELECT id, input::designation, ARRAY[input::designation, NULL, 'gazelle'] FROM corpus
UNION ALL SELECT 100, NULL, NULL;
\copy desig_copy_src TO 'results/designation.bin' (FORMAT binary)
CREATE TABLE desig_copy_dst (LIKE desig_copy_src);
\copy desig_copy_dst FROM 'results/designation.bin' (FORMAT binary)
SELECT count(*) AS rows,
       count(*) FILTER (WHERE s.d IS NOT DISTINCT FROM d.d AND s.ds IS NOT DISTINCT FROM d.ds) AS identical
FROM desig_copy_src s JOIN desig_copy_dst d USING (id);
-- text COPY too
TRUNCATE desig_copy_dst;
\copy desig_copy_src TO 'results/designation.txt'
\copy desig_copy_dst FROM 'results/designation.txt'
SELECT count(*) AS rows,
       count(*) FILTER (WHERE s.d IS NOT DISTINCT FROM d.d AND s.ds IS NOT DISTINCT FROM d.ds) AS identical
FROM desig_copy_src s JOIN desig_copy_dst d USING (id);

-- recv rejects bad bytes (a binary COPY of a bytea column hands any bytes to
-- designation_recv), with 22P03 and the detail of the field at fault
CREATE TABLE desig_bad (id int, d designation);
-- good: national little_giant 2023 batch 5
\copy (SELECT 1, '\x01050107e703050000'::bytea) TO 'results/desig_good.bin' (FORMAT binary)
\copy desig_bad FROM 'results/desig_good.bin' (FORMAT binary)
SELECT * FROM desig_bad;
-- unknown format version
\copy (SELECT 2, '\x02050107e703050000'::bytea) TO 'results/desig_bad1.bin' (FORMAT binary)
\copy desig_bad FROM 'results/desig_bad1.bin' (FORMAT binary)
-- too short, too long
\copy (SELECT 3, '\x01050107e7030500'::bytea) TO 'results/desig_bad2.bin' (FORMAT binary)
\copy desig_bad FROM 'results/desig_bad2.bin' (FORMAT binary)
\copy (SELECT 4, '\x01050107e70305000000'::bytea) TO 'results/desig_bad3.bin' (FORMAT binary)
\copy desig_bad FROM 'results/desig_bad3.bin' (FORMAT binary)
-- scheme code 0 and 12 (no such scheme)
\copy (SELECT 5, '\x01000107e703050000'::bytea) TO 'results/desig_bad4.bin' (FORMAT binary)
\copy desig_bad FROM 'results/desig_bad4.bin' (FORMAT binary)
\copy (SELECT 6, '\x010c0107e703050000'::bytea) TO 'results/desig_bad5.bin' (FORMAT binary)
\copy desig_bad FROM 'results/desig_bad5.bin' (FORMAT binary)
-- a national gazelle (gazelles are not issued nationally)
\copy (SELECT 7, '\x01070107e801000000'::bytea) TO 'results/desig_bad6.bin' (FORMAT binary)
\copy desig_bad FROM 'results/desig_bad6.bin' (FORMAT binary)
-- a high_tech without its level (the reader always gives it national)
\copy (SELECT 8, '\x01020007e703000000'::bytea) TO 'results/desig_bad7.bin' (FORMAT binary)
\copy desig_bad FROM 'results/desig_bad7.bin' (FORMAT binary)
-- list year 1900, a validity without a list year, a validity past 2100
\copy (SELECT 9, '\x010702076c01000000'::bytea) TO 'results/desig_bad8.bin' (FORMAT binary)
\copy desig_bad FROM 'results/desig_bad8.bin' (FORMAT binary)
\copy (SELECT 10, '\x010702000001000000'::bytea) TO 'results/desig_bad9.bin' (FORMAT binary)
\copy desig_bad FROM 'results/desig_bad9.bin' (FORMAT binary)
\copy (SELECT 11, '\x010b00082a14000000'::bytea) TO 'results/desig_bad10.bin' (FORMAT binary)
\copy desig_bad FROM 'results/desig_bad10.bin' (FORMAT binary)
-- a dated high_tech without a validity: its text would read back with the 3-year term
\copy (SELECT 12, '\x01020107e700000000'::bytea) TO 'results/desig_bad11.bin' (FORMAT binary)
\copy desig_bad FROM 'results/desig_bad11.bin' (FORMAT binary)
-- batch 100, criteria edition 1900
\copy (SELECT 13, '\x01070207e801640000'::bytea) TO 'results/desig_bad12.bin' (FORMAT binary)
\copy desig_bad FROM 'results/desig_bad12.bin' (FORMAT binary)
\copy (SELECT 14, '\x01070207e80100076c'::bytea) TO 'results/desig_bad13.bin' (FORMAT binary)
\copy desig_bad FROM 'results/desig_bad13.bin' (FORMAT binary)
-- the SQLSTATE is 22P03 (invalid_binary_representation)
\set VERBOSITY sqlstate
\copy desig_bad FROM 'results/desig_bad4.bin' (FORMAT binary)
\set VERBOSITY default
-- a dated tech_leader has no validity to give: accepted
\copy (SELECT 15, '\x010b0007e800000000'::bytea) TO 'results/desig_good2.bin' (FORMAT binary)
\copy desig_bad FROM 'results/desig_good2.bin' (FORMAT binary)
SELECT id, d, d::text::designation = d AS reads_back FROM desig_bad ORDER BY id;
DROP TABLE desig_copy_src, desig_copy_dst, desig_bad;

--
-- the storage order: by track, rung, level, list year, validity, batch,
-- edition.  ORDER BY, btree and hash indexes, DISTINCT and GROUP BY use it;
-- its operators are ~<~ ~<=~ ~>=~ ~>~ (not < and >, the ladder's)
--
CREATE TABLE desig_order (id serial, d designation);
INSERT INTO desig_order (d)
SELECT format('%s %s %s', l.level, s.scheme, y)::designation
FROM designation_schemes() s
CROSS JOIN unnest(s.levels) AS l(level)
CROSS JOIN generate_series(2020, 2024) y;
INSERT INTO desig_order (d)
SELECT scheme::designation FROM designation_schemes();
INSERT INTO desig_order (d)
SELECT input::designation FROM corpus;
INSERT INTO desig_order (d) SELECT d FROM desig_order;
INSERT INTO desig_order (d) VALUES (NULL);
SELECT count(*) AS rows, count(DISTINCT d) AS distinct_values FROM desig_order;
SELECT DISTINCT d FROM desig_order WHERE list_year(d) IS NULL OR list_year(d) = 2024 ORDER BY d;
-- the sort key, spelt out, gives the same order
SELECT count(*) AS rows,
       bool_and(rn_sort = rn_key) AS same_order
FROM (SELECT row_number() OVER (ORDER BY d, id) AS rn_sort,
             row_number() OVER (ORDER BY
                 array_position(ARRAY['tech', 'miit', 'valuation', 'growth'], track(d)), rung(d),
                 array_position(ARRAY['national', 'provincial', 'municipal', 'district'], level(d)) NULLS FIRST,
                 list_year(d) NULLS FIRST, valid_until(d) NULLS FIRST, list_batch(d) NULLS FIRST,
                 criteria_edition(d) NULLS FIRST, id) AS rn_key
      FROM desig_order WHERE d IS NOT NULL) x;
-- btree: an index scan gives what a sequential scan and a sort give
CREATE INDEX desig_order_btree ON desig_order (d);
VACUUM ANALYZE desig_order;
SET enable_seqscan = off;
SET enable_bitmapscan = off;
EXPLAIN (COSTS OFF) SELECT d FROM desig_order ORDER BY d;
CREATE TEMP TABLE by_index AS SELECT row_number() OVER () AS n, d FROM (SELECT d FROM desig_order ORDER BY d) x;
EXPLAIN (COSTS OFF) SELECT d FROM desig_order WHERE d ~>=~ 'little_giant' AND d ~<~ 'gazelle';
SELECT count(*) FROM desig_order WHERE d ~>=~ 'little_giant' AND d ~<~ 'gazelle';
SELECT count(*) FROM desig_order WHERE d = 'provincial gazelle 2024';
RESET enable_seqscan;
RESET enable_bitmapscan;
SET enable_indexscan = off;
SET enable_indexonlyscan = off;
SET enable_bitmapscan = off;
CREATE TEMP TABLE by_sort AS SELECT row_number() OVER () AS n, d FROM (SELECT d FROM desig_order ORDER BY d) x;
SELECT count(*) FROM desig_order WHERE d ~>=~ 'little_giant' AND d ~<~ 'gazelle';
SELECT count(*) FROM desig_order WHERE d = 'provincial gazelle 2024';
RESET enable_indexscan;
RESET enable_indexonlyscan;
RESET enable_bitmapscan;
SELECT count(*) AS rows, count(*) FILTER (WHERE i.d IS NOT DISTINCT FROM s.d) AS same
FROM by_index i JOIN by_sort s USING (n);
-- the operators of the storage order, on values of two tracks
SELECT 'gazelle'::designation ~<~ 'high_tech' AS lt, 'gazelle'::designation ~>~ 'high_tech' AS gt,
       'high_tech'::designation ~<=~ 'high_tech' AS le, 'high_tech 2023'::designation ~>=~ 'high_tech 2024' AS ge,
       'high_tech'::designation = 'hnte' AS eq, 'high_tech 2023'::designation <> 'high_tech 2024' AS ne,
       designation_cmp('gazelle', 'high_tech') AS cmp;
-- a hash index (alone, so that the plan is the hash index's), hashed DISTINCT and GROUP BY
DROP INDEX desig_order_btree;
CREATE INDEX desig_order_hash ON desig_order USING hash (d);
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM desig_order WHERE d = 'provincial gazelle 2024';
SELECT count(*) FROM desig_order WHERE d = 'provincial gazelle 2024';
RESET enable_seqscan;
SET enable_sort = off;
EXPLAIN (COSTS OFF) SELECT DISTINCT d FROM desig_order;
SELECT count(*) FROM (SELECT DISTINCT d FROM desig_order) x;
SELECT scheme(d), count(*) AS rows, count(DISTINCT d) AS values
FROM desig_order GROUP BY scheme(d) ORDER BY scheme(d)::designation;
RESET enable_sort;
SELECT d, count(*) FROM desig_order WHERE list_year(d) = 2024 AND track(d) = 'valuation' GROUP BY d ORDER BY d;
-- the hash is hashint8's of the packed value: the same on every machine
SELECT hash_designation('provincial gazelle 2024') AS hash, hash_designation_extended('provincial gazelle 2024', 1) AS hash_seed_1,
       hash_designation('gazelle') = hash_designation('gazelle_enterprise') AS same_value_same_hash,
       hash_designation_extended('gazelle', 0) = hash_designation_extended('gazelle', 1) AS seed_matters;
-- a unique index
CREATE TEMP TABLE honours (firm int, d designation, UNIQUE (firm, d));
INSERT INTO honours VALUES (1, '高企 2023'), (1, '省瞪羚企业 2024');
SELECT pg_temp.try($$INSERT INTO honours VALUES (1, 'national high_tech 2023')$$);
DROP TABLE desig_order;

--
-- the ladder: < <= >= > by rung within a track, NULL across tracks; level,
-- year and the rest do not count
--
SELECT a, b, a < b AS lt, a <= b AS le, a >= b AS ge, a > b AS gt, a = b AS eq
FROM (VALUES ('innovative_sme'::designation, 'specialized_sme'::designation),
             ('national little_giant 2023', '省级专精特新 2024'),
             ('single_champion', 'little_giant'),
             ('市级专精特新 2020', '省级专精特新 2024'),
             ('tech_sme', 'high_tech'), ('tech_leader', 'high_tech 2023'),
             ('seed_unicorn', 'potential_unicorn'), ('unicorn', 'potential_unicorn'),
             ('gazelle', 'gazelle 2024'),
             ('gazelle', 'high_tech'), ('unicorn', 'little_giant'), ('tech_leader', 'single_champion')) AS v(a, b);
SELECT 'gazelle'::designation < 'high_tech' IS NULL AS across_tracks_is_null,
       'high_tech'::designation > 'tech_sme' AS within_a_track;
-- every pair of schemes: ordered exactly within a track
SELECT count(*) AS pairs,
       count(*) FILTER (WHERE (a.scheme::designation < b.scheme::designation) IS NULL) AS unordered,
       bool_and(((a.scheme::designation < b.scheme::designation) IS NULL) = (a.track <> b.track)) AS null_across_tracks,
       bool_and(a.track <> b.track OR (a.scheme::designation < b.scheme::designation) = (a.rung < b.rung)) AS by_rung
FROM designation_schemes() a, designation_schemes() b;
-- the climbers: firms whose honour is above another of the same track
SELECT h1.firm, h1.d AS lower, h2.d AS higher
FROM (VALUES (1, '创新型中小企业 2021'::designation), (1, '省级专精特新 2022'), (1, 'national little_giant 2023'),
             (2, '高企 2020'), (2, '省瞪羚企业 2024')) AS h1(firm, d)
JOIN (VALUES (1, '创新型中小企业 2021'::designation), (1, '省级专精特新 2022'), (1, 'national little_giant 2023'),
             (2, '高企 2020'), (2, '省瞪羚企业 2024')) AS h2(firm, d)
  ON h1.firm = h2.firm AND h1.d < h2.d
ORDER BY 1, 2, 3;
