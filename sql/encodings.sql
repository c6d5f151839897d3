--
-- Server encodings: the extension installs and works in a LATIN1 and an
-- EUC_CN database (doc/administration.md, "Encodings").  The install and
-- upgrade scripts are ASCII (test/lint_sql.py); text typed in is converted
-- to UTF-8 for the parsers and Chinese names back to the server encoding,
-- or an ERROR 22P05 where it cannot hold them.  The client speaks UTF-8
-- throughout, so that this file and its output are the same everywhere.
--
\set regress_db :DBNAME
SET client_min_messages = warning;
DROP DATABASE IF EXISTS innovation_latin1;
DROP DATABASE IF EXISTS innovation_euc_cn;
RESET client_min_messages;
CREATE DATABASE innovation_latin1 TEMPLATE template0 ENCODING 'LATIN1' LOCALE 'C';
CREATE DATABASE innovation_euc_cn TEMPLATE template0 ENCODING 'EUC_CN' LOCALE 'C';

--
-- LATIN1
--
\c innovation_latin1
SET client_encoding = 'UTF8';
-- 0.1.0's script quotes Chinese text: it needs a database that holds it
CREATE EXTENSION innovation VERSION '0.1.0';
CREATE EXTENSION innovation;
SELECT extversion, pg_encoding_to_char(encoding) AS encoding
FROM pg_extension, pg_database WHERE extname = 'innovation' AND datname = current_database();
\i sql/include/encoding_types.sql
-- Chinese names: an error naming the label, never invalid bytes
SELECT stage_name_zh('listed');
SELECT kind_name_zh('b');
SELECT * FROM stage_ladder();
SELECT * FROM round_kinds();
-- a Chinese label typed in cannot reach a LATIN1 database at all
SELECT '高新技术企业'::project_stage;
-- the vocabulary lists the phrases text in this database can hold
SELECT count(*) > 100 AS many, count(*) FILTER (WHERE phrase = 'series b') AS series_b,
       count(*) FILTER (WHERE phrase = '¥') AS yen_sign
FROM funding_vocabulary();
-- designation: the Chinese name is an error naming the scheme (22P05), and so
-- the listing of schemes, which shows it; Chinese list names cannot reach LATIN1
SELECT scheme_zh('gazelle');
\set VERBOSITY sqlstate
SELECT scheme_zh('Jiangsu gazelle 2024');
\set VERBOSITY default
SELECT * FROM designation_schemes();
SELECT scheme('gazelle'), track('gazelle'), rung('gazelle'), level('province gazelle');
SELECT '2024年省瞪羚企业'::designation;
-- the vocabulary lists the words text in this database can hold: the English ones
SELECT role, count(*) AS words, count(*) FILTER (WHERE word ~ '[^\x01-\x7f]') AS non_ascii
FROM designation_vocabulary() GROUP BY role ORDER BY role;

--
-- EUC_CN: simplified Chinese both ways
--
\c innovation_euc_cn
SET client_encoding = 'UTF8';
-- 0.1.0 installs here (its Chinese converts) and updates
CREATE EXTENSION innovation VERSION '0.1.0';
ALTER EXTENSION innovation UPDATE;
SELECT extversion, pg_encoding_to_char(encoding) AS encoding
FROM pg_extension, pg_database WHERE extname = 'innovation' AND datname = current_database();
\i sql/include/encoding_types.sql
-- Chinese input and output
SELECT '高新技术企业'::project_stage AS stage, try_project_stage('规上企业') AS alias, stage_name_zh('listed');
SELECT 'B轮 近2亿元 2023-06'::funding_round AS r, '天使轮'::round_kind AS kind, kind_name_zh('b'),
       funding_round('B轮', 1000000, 2000000, 'CNY', NULL) AS made;
SELECT rank, stage, name_zh FROM stage_ladder() WHERE rank IN (1, 7, 12);
SELECT rank, kind, name_zh FROM round_kinds() WHERE rank <= 3;
SELECT '{"concept": 2, "high_tech": 1}'::stage_funnel AS f;
SELECT funnel(s) FROM (VALUES ('概念验证'::project_stage), ('高新技术企业'), ('高新技术企业')) v(s);
SELECT funding_stats(r) = funding_stats(r::text::funding_round) AS same
FROM (VALUES ('A轮 3000万元'::funding_round), ('B轮 1亿美元')) v(r);
-- extraction: phrases and character positions in Chinese text
SELECT x.round, x.phrase, x.start_pos, x.end_pos,
       substr(t, x.start_pos, x.end_pos - x.start_pos + 1) = x.phrase AS positions_right
FROM (VALUES ('南通某科技公司宣布完成近2亿元B轮融资，2023年6月又获得天使轮数百万人民币。')) v(t),
     extract_funding_rounds(t) x;
-- errors quote the Chinese input and hint in Chinese
SELECT 'C轮 二十亿 美元 人民币'::funding_round;
SELECT '高薪'::project_stage;
SELECT funding_round_error('获得两轮融资');
-- GB2312 has no yen sign: that phrase is left out of the vocabulary
SELECT count(*) > 100 AS many, count(*) FILTER (WHERE phrase = '亿') AS yi
FROM funding_vocabulary();
-- designation: Chinese list names in, Chinese names out
SELECT '2024年省瞪羚企业'::designation AS d, scheme_zh('2024年省瞪羚企业'),
       '国家级专精特新"小巨人"企业（第五批，2023）'::designation AS little_giant,
       scheme_zh('小巨人'), '苏州市瞪羚企业 2024'::designation AS city,
       try_designation('北京市潜在独角兽企业 2024') AS beijing;
SELECT scheme, name_zh, issuer, definition FROM designation_schemes()
WHERE scheme IN ('high_tech', 'specialized_sme', 'little_giant', 'tech_leader');
-- every word of the vocabulary is simplified Chinese or ASCII: GB2312 holds them all
SELECT role, count(*) AS words FROM designation_vocabulary() GROUP BY role ORDER BY role;
SELECT count(*) AS scheme_spellings, count(*) FILTER (WHERE word::designation::text::designation = word::designation) AS read_back
FROM designation_vocabulary() WHERE role = 'scheme';
-- errors quote the Chinese input and hint in Chinese; stage words point to project_stage and back
SELECT '苏州瞪羚企业'::designation;
SELECT '规上企业'::designation;
SELECT '小巨人'::project_stage;

\c :regress_db
DROP DATABASE innovation_latin1;
DROP DATABASE innovation_euc_cn;
