--
-- The demo data set (test/demo/data, made by test/demo/generate.py) loaded and
-- reported exactly as `make demo` does: every figure of the seed article must
-- come out, and the park -> district -> city rollup must equal the raw rows.
-- The whole report is in the expected output, so any change to it shows here.
--
CREATE SCHEMA demo;
SET search_path = demo, public;
\set ECHO none
\i test/demo/load.sql
\i test/demo/report.sql
\pset footer on
\set ECHO all
-- every figure matches (no rows)
SELECT figure, article, computed FROM article WHERE matches IS NOT TRUE;
SELECT count(*) AS figures FROM article;
RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA demo CASCADE;
