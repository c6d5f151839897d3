-- Checks of a database of test/release/fill.sql on 0.2.0 (after the update,
-- after pg_upgrade, after a restore): prints one line per check, "ok ..." or
-- "FAIL ..."; test/release/upgrade-dump.sh counts them.
\set QUIET on
\pset format unaligned
\pset tuples_only on
SET client_min_messages = warning;
SET extra_float_digits = 1;
SET max_parallel_workers_per_gather = 0;

-- every operator class of the extension's operator families validates
SELECT CASE WHEN amvalidate(c.oid) THEN 'ok' ELSE 'FAIL' END || ' amvalidate '
       || a.amname || ' ' || c.opcname
FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
JOIN pg_depend d ON d.classid = 'pg_opfamily'::regclass AND d.objid = c.opcfamily
WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'innovation')
ORDER BY a.amname, c.opcname;

-- amcheck: every btree index of the tables and views, with every heap
-- tuple looked up in it (an error stops the script, and the test fails)
WITH btree AS MATERIALIZED (
	SELECT c.oid FROM pg_class c JOIN pg_am a ON a.oid = c.relam
	WHERE c.relkind = 'i' AND a.amname = 'btree' AND c.relnamespace = 'public'::regnamespace
)
SELECT 'ok bt_index_check ' || oid::regclass
FROM btree WHERE bt_index_check(oid, true) IS NOT NULL
ORDER BY 1;

-- hash, BRIN and GiST (which amcheck does not check on 15), and btree too:
-- a query the index answers alone (its plan must name it, with sequential
-- scans off) returns the rows a sequential scan returns
CREATE FUNCTION pg_temp.probe(idx text, q text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	plan text := '';
	line text;
	by_seq text;
	by_index text;
	agg text := 'SELECT count(*) || '' rows '' || md5(coalesce(string_agg(id::text, '','' ORDER BY id), '''')) FROM (' || q || ') s';
BEGIN
	SET LOCAL enable_seqscan = on;
	SET LOCAL enable_indexscan = off;
	SET LOCAL enable_indexonlyscan = off;
	SET LOCAL enable_bitmapscan = off;
	EXECUTE agg INTO by_seq;
	SET LOCAL enable_seqscan = off;
	SET LOCAL enable_indexscan = on;
	SET LOCAL enable_bitmapscan = on;
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		plan := plan || line || ' ';
	END LOOP;
	EXECUTE agg INTO by_index;
	RESET enable_seqscan;
	RESET enable_indexscan;
	RESET enable_indexonlyscan;
	RESET enable_bitmapscan;
	IF position(idx IN plan) = 0 THEN
		RETURN 'FAIL probe ' || idx || ': not used: ' || plan;
	ELSIF by_index IS DISTINCT FROM by_seq THEN
		RETURN 'FAIL probe ' || idx || ': ' || by_index || ' through the index, ' || by_seq || ' by a sequential scan';
	END IF;
	IF by_seq LIKE '0 rows%' THEN
		RETURN 'FAIL probe ' || idx || ': no rows, so it proves nothing: ' || q;
	END IF;
	RETURN 'ok probe ' || idx || ' (' || split_part(by_seq, ' ', 1) || ' rows): ' || q;
END $$;

CREATE TEMP TABLE probes (idx text, q text);
INSERT INTO probes VALUES
	('projects_stage_btree', $q$SELECT id FROM projects WHERE stage >= 'high_tech'$q$),
	('projects_stage_btree', $q$SELECT id FROM projects WHERE stage = 'pilot'$q$),
	('projects_target_hash', $q$SELECT id FROM projects WHERE target_stage = 'tech_sme'$q$),
	('projects_report_brin', $q$SELECT id FROM projects WHERE report_stage BETWEEN 'registered' AND 'producing'$q$),
	('projects_stages_gist', $q$SELECT id FROM projects WHERE stages @> 'high_tech'::project_stage$q$),
	('projects_stages_gist', $q$SELECT id FROM projects WHERE stages && stage_range('pilot', 'registered')$q$),
	('projects_stage_set_gist', $q$SELECT id FROM projects WHERE stage_set @> 'gazelle'::project_stage$q$),
	('projects_r_btree', $q$SELECT id FROM projects WHERE r < (SELECT r FROM projects WHERE id = 100)$q$),
	('projects_r_gist_v1', $q$SELECT id FROM projects WHERE r @@ funding_window(daterange('2018-01-01', '2019-01-01'), numrange(1000000, 20000000), 'CNY')$q$),
	('projects_r_gist_v1', $q$SELECT id FROM projects WHERE r @@ funding_window(NULL, numrange(25000000, NULL), 'USD')$q$),
	('projects_r_gist_v1', $q$SELECT id FROM projects WHERE r @@ funding_window(daterange('2020-06-01', '2020-07-01'))$q$),
	('projects_r_hash', $q$SELECT id FROM projects WHERE r_hash = (SELECT r_hash FROM projects WHERE id = 77)$q$),
	('projects_r_brin', $q$SELECT id FROM projects WHERE r_brin < (SELECT r_brin FROM projects WHERE id = 1500)$q$),
	('projects_rank_expr', $q$SELECT id FROM projects WHERE stage_rank(stage) = 5$q$),
	('projects_amount_expr', $q$SELECT id FROM projects WHERE amount_point(r) > 20000000$q$),
	('milestones_stage', $q$SELECT project AS id FROM milestones WHERE stage = 'listed' AND reached < '2019-01-01'$q$);
SELECT to_regclass('rounds_020') IS NOT NULL AS has_020 \gset
\if :has_020
INSERT INTO probes VALUES
	('rounds_020_kind_btree', $q$SELECT id FROM rounds_020 WHERE kind >= 'b'$q$),
	('rounds_020_kind_hash', $q$SELECT id FROM rounds_020 WHERE kind_hash = 'a'$q$),
	('rounds_020_r_gist', $q$SELECT id FROM rounds_020 WHERE r @@ funding_window(daterange('2018-01-01', '2019-01-01'), numrange(1000000, 20000000), 'CNY')$q$),
	('rounds_020_r_gist', $q$SELECT id FROM rounds_020 WHERE r @@ funding_window(currency => 'HKD')$q$),
	('summary_keys_020_funnel_idx', $q$SELECT id FROM summary_keys_020 WHERE funnel > (SELECT funnel FROM summary_keys_020 WHERE id = 5)$q$),
	('summary_keys_020_history_idx', $q$SELECT id FROM summary_keys_020 WHERE history <= (SELECT history FROM summary_keys_020 WHERE id = 5)$q$),
	('summary_keys_020_amounts_idx', $q$SELECT id FROM summary_keys_020 WHERE amounts = (SELECT amounts FROM summary_keys_020 WHERE id = 5)$q$),
	('summary_keys_020_funding_idx', $q$SELECT id FROM summary_keys_020 WHERE funding >= (SELECT funding FROM summary_keys_020 WHERE id = 5)$q$),
	('summary_keys_020_survival_idx', $q$SELECT id FROM summary_keys_020 WHERE survival >= (SELECT survival FROM summary_keys_020 WHERE id = 5)$q$),
	('summary_keys_020_funnel_h_idx', $q$SELECT id FROM summary_keys_020 WHERE funnel_h = (SELECT funnel FROM summary_keys_020 WHERE id = 7)$q$),
	('summary_keys_020_history_h_idx', $q$SELECT id FROM summary_keys_020 WHERE history_h = (SELECT history FROM summary_keys_020 WHERE id = 7)$q$),
	('summary_keys_020_amounts_h_idx', $q$SELECT id FROM summary_keys_020 WHERE amounts_h = (SELECT amounts FROM summary_keys_020 WHERE id = 7)$q$),
	('summary_keys_020_funding_h_idx', $q$SELECT id FROM summary_keys_020 WHERE funding_h = (SELECT funding FROM summary_keys_020 WHERE id = 7)$q$),
	('summary_keys_020_survival_h_idx', $q$SELECT id FROM summary_keys_020 WHERE survival_h = (SELECT survival FROM summary_keys_020 WHERE id = 7)$q$),
	('honours_020_d_btree', $q$SELECT id FROM honours_020 WHERE d ~>=~ 'provincial gazelle 2015'$q$),
	('honours_020_d_btree', $q$SELECT id FROM honours_020 WHERE d = 'national high_tech 2020'$q$),
	('honours_020_d_hash', $q$SELECT id FROM honours_020 WHERE d_hash = 'provincial gazelle 2016'$q$);
\endif
SELECT pg_temp.probe(idx, q) FROM probes;

-- values 0.1.0 stored: the summaries answer what 0.1.0 answered (a
-- funding_stats' total_range of a currency it does not hold is NULL since
-- 0.2.0, where 0.1.0 said [0,0]: see CHANGELOG.md), and read back from
-- their text
SELECT CASE WHEN a.answers = i.answers010 AND s.s::text = i.text010 AND s.s::text::quantile_sketch = s.s
            THEN 'ok' ELSE 'FAIL' END || ' 0.1.0 quantile_sketch ' || i.id || ': ' || a.answers
FROM v010_sketches s JOIN v010_images i USING (id)
CROSS JOIN LATERAL (SELECT ROW(value_count(s.s), min_value(s.s), max_value(s.s), quantile(s.s, 0.5), quantile(s.s, 0.9),
                               quantiles(s.s, '{0.1,0.99}'), relative_accuracy(s.s))::text AS answers) a
ORDER BY i.id;
SELECT CASE WHEN a.answers = replace(i.answers010, ',"[0,0]",', ',,') AND s.s::text::funding_stats = s.s
            THEN 'ok' ELSE 'FAIL' END || ' 0.1.0 funding_stats ' || i.id || ': ' || a.answers
FROM v010_funding_stats s JOIN v010_images i USING (id)
CROSS JOIN LATERAL (SELECT ROW(rounds(s.s), rounds(s.s, 'CNY'), disclosed_rounds(s.s, 'USD'), open_rounds(s.s, 'CNY'),
                               total(s.s, 'CNY'), total_range(s.s, 'USD'), rounds_over(s.s, 10000000, 'CNY'),
                               rounds_over(s.s, 50000000, 'CNY', 'high'), quantile(s.s, 0.5, 'CNY'),
                               min_amount(s.s, 'HKD'), max_amount(s.s, 'CNY'), currencies(s.s))::text AS answers) a
ORDER BY i.id;
-- the fixed-length types: the current code stores the bytes 0.1.0 stored
SELECT CASE WHEN p.t_data = i.image AND f.v::text = i.text010 THEN 'ok' ELSE 'FAIL' END
       || ' 0.1.0 bytes ' || i.type || ' ' || i.id || ': ' || f.v::text
FROM (SELECT ctid, v::text AS v, row_number() OVER (ORDER BY ctid) AS n, 'project_stage' AS type FROM fixed_stage
      UNION ALL SELECT ctid, v::text, row_number() OVER (ORDER BY ctid), 'funding_round' FROM fixed_round
      UNION ALL SELECT ctid, v::text, row_number() OVER (ORDER BY ctid), 'stage_funnel' FROM fixed_funnel
      UNION ALL SELECT ctid, v::text, row_number() OVER (ORDER BY ctid), 'stage_history' FROM fixed_history) f
JOIN (SELECT *, row_number() OVER (PARTITION BY type ORDER BY id) AS n FROM v010_images) i USING (type, n)
JOIN LATERAL (SELECT t_data FROM heap_page_items(get_raw_page(
                  CASE f.type WHEN 'project_stage' THEN 'fixed_stage' WHEN 'funding_round' THEN 'fixed_round'
                              WHEN 'stage_funnel' THEN 'fixed_funnel' ELSE 'fixed_history' END, 0))
              WHERE lp = (f.ctid::text::point)[1]) p ON true
ORDER BY i.id;
