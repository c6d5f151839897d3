--
-- designation_set (one firm's honours) and designation_counts (a summary
-- over firms' sets): every accessor checked against plain SQL over the raw
-- designation rows of 20,000 generated firms, serially and in parallel,
-- rolled up from park and cluster summaries, through text, jsonb and
-- binary; and what the readers and the arguments refuse
--

-- a helper that runs a statement and reports its SQLSTATE, message, detail and hint
CREATE FUNCTION pg_temp.try(stmt text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	detail text;
	hint text;
BEGIN
	EXECUTE stmt;
	RETURN 'ok';
EXCEPTION WHEN others THEN
	GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL, hint = PG_EXCEPTION_HINT;
	RETURN SQLSTATE || ': ' || SQLERRM
		|| CASE WHEN detail <> '' THEN E'\nDETAIL: ' || detail ELSE '' END
		|| CASE WHEN hint <> '' THEN E'\nHINT: ' || hint ELSE '' END;
END $$;

-- does the plan aggregate partially (in parallel workers)?
CREATE FUNCTION pg_temp.runs_partial(q text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
	line text;
BEGIN
	FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		IF line LIKE '%Partial Aggregate%' OR line LIKE '%Partial HashAggregate%'
		   OR line LIKE '%Partial GroupAggregate%' THEN
			RETURN true;
		END IF;
	END LOOP;
	RETURN false;
END $$;

--
-- the data: every scheme at every level it is issued at (and at none where
-- lists may name none) is a slot; 20,000 firms in 40 parks of 8 clusters
-- hold 0 to 5 designations each, with list years 2010-2026, some undated,
-- some with an explicit validity ('until'), some tech_leader with no
-- documented term (so of unknown validity), some with a batch (not kept)
--
CREATE TEMP TABLE slots AS
SELECT row_number() OVER (ORDER BY s.ord, l.ord) AS slot, s.ord AS scheme_ord, s.scheme, s.name_zh, l.level
FROM designation_schemes() WITH ORDINALITY AS s(scheme, name_zh, track, rung, levels, default_level, term_years,
                                                 issuer, definition, ord),
     LATERAL (SELECT NULL::text AS level, 0::bigint AS ord WHERE s.default_level IS NULL
              UNION ALL SELECT lv, o FROM unnest(s.levels) WITH ORDINALITY u(lv, o)) l;
SELECT count(*) AS slots, count(DISTINCT scheme) AS schemes, count(*) FILTER (WHERE level IS NULL) AS unstated_slots
FROM slots;
CREATE TEMP TABLE schemes AS SELECT DISTINCT scheme_ord, scheme, name_zh FROM slots;

CREATE TABLE firms AS
SELECT f AS firm, 'park-' || lpad((f % 40)::text, 2, '0') AS park, 'cluster-' || (f % 40) % 8 AS cluster
FROM generate_series(1, 20000) f;

CREATE TABLE desig_rows AS
SELECT firm, i, d, scheme(d) AS scheme, level(d) AS level, list_year(d) AS list_year, valid_until(d) AS valid_until
FROM (SELECT f.firm, i,
             (coalesce(s.level || ' ', '') || s.scheme
              || coalesce(' ' || y, '')
              || CASE WHEN y IS NOT NULL AND abs(hashint4(f.firm * 19 + i)) % 6 = 0
                      THEN ' until ' || (y + abs(hashint4(f.firm * 23 + i)) % 5) ELSE '' END
              || CASE WHEN abs(hashint4(f.firm * 29 + i)) % 9 = 0
                      THEN ' batch ' || (1 + abs(hashint4(f.firm * 31 + i)) % 5) ELSE '' END)::designation AS d
      FROM firms f
      CROSS JOIN LATERAL generate_series(1, abs(hashint4(f.firm)) % 6) i
      JOIN slots s ON s.slot = 1 + abs(hashint4(f.firm * 7 + i)) % 36
      CROSS JOIN LATERAL (SELECT CASE WHEN abs(hashint4(f.firm * 13 + i)) % 10 = 0 THEN NULL
                                      ELSE 2010 + abs(hashint4(f.firm * 17 + i)) % 17 END AS y) yy) x;
CREATE INDEX ON desig_rows (firm);
ANALYZE firms, desig_rows;
SELECT count(*) AS designations, count(DISTINCT firm) AS firms_holding,
       count(*) FILTER (WHERE list_year IS NULL) AS undated,
       count(*) FILTER (WHERE list_year IS NOT NULL AND valid_until IS NULL) AS dated_validity_unknown,
       count(*) FILTER (WHERE d::text LIKE '% until %') AS explicit_until,
       count(*) FILTER (WHERE level IS NULL) AS level_unstated,
       min(list_year), max(list_year), max(valid_until)
FROM desig_rows;

-- one set per firm (firms with no designation get the empty set: NULL is skipped)
CREATE TABLE firm_sets AS
SELECT f.firm, f.park, f.cluster, designation_set(r.d) AS s
FROM firms f LEFT JOIN desig_rows r USING (firm)
GROUP BY f.firm, f.park, f.cluster;
SELECT count(*) AS sets, count(*) FILTER (WHERE s = '{}') AS empty_sets,
       (SELECT count(*) FROM firms WHERE firm NOT IN (SELECT firm FROM desig_rows)) AS firms_without_designations
FROM firm_sets;
SELECT firm, s FROM firm_sets WHERE firm <= 6 ORDER BY firm;
SELECT firm, string_agg(d::text, '; ' ORDER BY i) FROM desig_rows WHERE firm <= 6 GROUP BY firm ORDER BY firm;

-- facts the plain-SQL answers are computed from
CREATE TEMP TABLE firm_schemes AS
SELECT r.firm, f.cluster, r.scheme, min(r.list_year) AS first_year, bool_or(r.list_year IS NULL) AS undated,
       bool_or(r.valid_until IS NULL) AS validity_unknown
FROM desig_rows r JOIN firms f USING (firm) GROUP BY r.firm, f.cluster, r.scheme;
CREATE TEMP TABLE valid_years AS
SELECT DISTINCT r.firm, f.cluster, r.scheme, y
FROM desig_rows r JOIN firms f USING (firm), generate_series(r.list_year, r.valid_until) y
WHERE r.valid_until IS NOT NULL;
ANALYZE firm_schemes, valid_years;

--
-- designation_set: accessors against the rows
--

-- text and jsonb round trips: the text reads back as the same bytes
SELECT count(*) AS sets,
       count(*) FILTER (WHERE s::text::designation_set = s AND s::text::designation_set::text = s::text) AS text_round_trip,
       count(*) FILTER (WHERE s::jsonb = s::text::jsonb) AS jsonb_matches_text,
       count(*) FILTER (WHERE s::varchar::designation_set = s) AS varchar_cast
FROM firm_sets;

-- the longest text -- every slot held in 64 years and with no list year,
-- every scheme valid in 32 runs of one year, every validity unknown --
-- reads back (0.2.0 cut it off at 16 KiB, so that it did not)
SELECT '{"held": {' || (SELECT string_agg(format('"%s": [%s, null]', coalesce(level || ' ', '') || scheme,
                                                 (SELECT string_agg(y::text, ', ') FROM generate_series(2000, 2063) y)), ', ')
                        FROM slots)
       || '}, "valid": {' || (SELECT string_agg(format('"%s": [%s]', scheme,
                                                       (SELECT string_agg(format('[%s, %s]', y, y), ', ')
                                                        FROM generate_series(2000, 2063, 2) y)), ', ') FROM schemes)
       || '}, "validity_unknown": [' || (SELECT string_agg(format('"%s"', scheme), ', ' ORDER BY scheme_ord) FROM schemes)
       || ']}' AS longest \gset
SELECT length(:'longest'::designation_set::text) AS text_bytes,
       :'longest'::designation_set::text::designation_set = :'longest'::designation_set AS round_trip,
       :'longest'::designation_set::jsonb = :'longest'::jsonb AS jsonb,
       (SELECT count(*) FROM designations(:'longest'::designation_set)) AS designations;

-- @> with a pattern: the scheme at its level (any level when it names none),
-- in its list year (any year when it names none); every slot, with no year
-- and with years 2009 to 2027, for every tenth firm
CREATE TEMP TABLE patterns AS
SELECT row_number() OVER () AS pid, * FROM (
	SELECT scheme, level, NULL::int AS y, (coalesce(level || ' ', '') || scheme)::designation AS p FROM slots
	UNION ALL
	SELECT scheme, level, y, (coalesce(level || ' ', '') || scheme || ' ' || y)::designation
	FROM slots, generate_series(2009, 2027, 2) y) x;
-- the firms and patterns a row matches, by a join
CREATE TEMP TABLE matched AS
SELECT DISTINCT r.firm, p.pid
FROM desig_rows r JOIN patterns p
  ON r.scheme = p.scheme AND (p.level IS NULL OR r.level = p.level) AND (p.y IS NULL OR r.list_year = p.y);
SELECT count(*) AS checked, count(*) FILTER (WHERE fs.s @> p.p) AS held,
       count(*) FILTER (WHERE (fs.s @> p.p) <> (m.firm IS NOT NULL)) AS wrong
FROM firm_sets fs CROSS JOIN patterns p
LEFT JOIN matched m ON m.firm = fs.firm AND m.pid = p.pid
WHERE fs.firm % 10 = 0;
-- the pattern's validity, batch and edition do not matter
SELECT designation_set('provincial gazelle 2020'::designation) @> 'provincial gazelle 2020 until 2024 batch 3 criteria 2019' AS ignores_rest,
       designation_set('provincial gazelle 2020'::designation) @> 'gazelle' AS any_level,
       designation_set('provincial gazelle 2020'::designation) @> 'municipal gazelle' AS other_level,
       designation_set('gazelle'::designation) @> 'gazelle 2020' AS undated_is_no_year,
       designation_set('gazelle'::designation) @> 'gazelle' AS undated_held;

-- valid_on: true when a designation of the scheme is valid in the date's
-- year, NULL when only one of unknown validity could be (no list year, or
-- no documented term), false otherwise -- and false before the scheme's
-- first list year when every one of its designations has a list year (a
-- validity starts in its list year); every scheme, years 2009 to 2031,
-- every fifth firm
SELECT count(*) AS checked, count(*) FILTER (WHERE v) AS valid, count(*) FILTER (WHERE v IS NULL) AS unknown,
       count(*) FILTER (WHERE v IS DISTINCT FROM expected) AS wrong
FROM (SELECT valid_on(fs.s, sc.scheme, make_date(y, 7, 1)) AS v,
             CASE WHEN EXISTS (SELECT 1 FROM valid_years v WHERE v.firm = fs.firm AND v.scheme = sc.scheme AND v.y = g.y)
                  THEN true
                  WHEN NOT coalesce(fsc.validity_unknown, false) THEN false
                  WHEN NOT fsc.undated AND g.y < fsc.first_year THEN false
             END AS expected
      FROM firm_sets fs CROSS JOIN schemes sc CROSS JOIN generate_series(2009, 2031) g(y)
      LEFT JOIN firm_schemes fsc ON fsc.firm = fs.firm AND fsc.scheme = sc.scheme
      WHERE fs.firm % 5 = 0) x;
-- the date's year is what counts; names and Chinese names of schemes are read
SELECT valid_on(s, 'high_tech', '2019-12-31') AS last_day, valid_on(s, 'high_tech', '2020-01-01') AS next_year,
       valid_on(s, '高企', '2018-06-01') AS zh_alias, valid_on(s, '高新技术企业', '2016-12-31') AS before_list,
       valid_on(s, 'gazelle', '2018-06-01') AS not_held, valid_on(s, 'high_tech', 'infinity') AS infinite,
       valid_on(s, 'high_tech', NULL) AS null_date
FROM (SELECT designation_set('national high_tech 2017'::designation) AS s) x;
SELECT valid_on(s, 'tech_leader', '2016-01-01') AS before_list, valid_on(s, 'tech_leader', '2021-01-01') AS in_list_year,
       valid_on(s, 'tech_leader', '2030-01-01') AS later
FROM (SELECT designation_set('municipal tech_leader 2021'::designation) AS s) x;
SELECT valid_on(designation_set(d), 'tech_leader', '2016-01-01') AS undated_one_too
FROM (VALUES ('municipal tech_leader 2021'::designation), ('tech_leader')) v(d);

-- schemes(): the schemes held, in table order
SELECT count(*) AS sets, count(*) FILTER (WHERE schemes(fs.s) = coalesce(p.schemes, '{}')) AS matching
FROM firm_sets fs
LEFT JOIN (SELECT firm, array_agg(scheme ORDER BY scheme_ord) AS schemes
           FROM (SELECT DISTINCT r.firm, r.scheme, sc.scheme_ord FROM desig_rows r JOIN schemes sc USING (scheme)) x
           GROUP BY firm) p USING (firm);

-- designations(): one row per scheme, level and list year held
SELECT (SELECT count(*) FROM firm_sets, designations(s)) AS rows_out,
       (SELECT count(*) FROM (SELECT DISTINCT firm, scheme, level, list_year FROM desig_rows) x) AS distinct_rows,
       (SELECT count(*) FROM (SELECT firm, scheme, level, list_year FROM firm_sets, designations(s)
                              EXCEPT SELECT firm, scheme, level, list_year FROM desig_rows) x) AS extra,
       (SELECT count(*) FROM (SELECT firm, scheme, level, list_year FROM desig_rows
                              EXCEPT SELECT firm, scheme, level, list_year FROM firm_sets, designations(s)) x) AS missing;
SELECT d.* FROM (SELECT designation_set(d) AS s
                 FROM (VALUES ('gazelle'::designation), ('provincial gazelle 2024'), ('provincial gazelle 2021'),
                              ('national high_tech 2017'), ('municipal tech_leader 2021')) v(d)) x,
               designations(x.s) d;

-- equality, hashing and the btree order: DISTINCT and GROUP BY by sort and
-- by hash agree with the text form, and indexes find what a scan finds
SELECT count(DISTINCT s) AS distinct_sets, count(DISTINCT s::text) AS distinct_texts FROM firm_sets;
SET enable_hashagg = off;
SELECT count(*) AS groups_by_sort FROM (SELECT s FROM firm_sets GROUP BY s) x;
RESET enable_hashagg;
SET enable_sort = off;
SELECT count(*) AS groups_by_hash FROM (SELECT s FROM firm_sets GROUP BY s) x;
RESET enable_sort;
SELECT count(*) AS pairs_equal_by_join
FROM firm_sets a JOIN firm_sets b ON a.s = b.s WHERE a.firm < b.firm AND a.s <> '{}';
SELECT count(*) AS pairs_equal_by_text
FROM firm_sets a JOIN firm_sets b ON a.s::text = b.s::text WHERE a.firm < b.firm AND a.s <> '{}';
CREATE INDEX firm_sets_btree ON firm_sets (s);
CREATE INDEX firm_sets_hash ON firm_sets USING hash (s);
SELECT s AS probe FROM firm_sets WHERE firm = 7 \gset
SELECT count(*) AS by_scan FROM firm_sets WHERE s = :'probe';
SET enable_seqscan = off;
SET enable_bitmapscan = off;
SELECT count(*) AS by_btree FROM firm_sets WHERE s = :'probe';
DROP INDEX firm_sets_btree;
-- with the btree index gone the plan is the hash index's, whatever the visibility map says
EXPLAIN (COSTS OFF) SELECT count(*) FROM firm_sets WHERE s = '{}';
SELECT count(*) AS by_hash_index FROM firm_sets WHERE s = :'probe';
RESET enable_seqscan;
RESET enable_bitmapscan;
DROP INDEX firm_sets_hash;
SELECT count(*) FILTER (WHERE (a.s < b.s) = (a.s::text::designation_set < b.s) AND (a.s = b.s) = (a.s::text = b.s::text)
                        AND (a.s <= b.s) = NOT (a.s > b.s) AND (a.s >= b.s) = NOT (a.s < b.s)
                        AND (a.s <> b.s) = NOT (a.s = b.s)
                        AND sign(designation_set_cmp(a.s, b.s)) = -sign(designation_set_cmp(b.s, a.s))) AS consistent,
       count(*) AS pairs
FROM firm_sets a JOIN firm_sets b ON b.firm = a.firm % 997 + 1;

-- rollup(designation_set) is the union: each firm's designations split in
-- two halves and rolled up give the firm's set; all of them, the set of all rows
SELECT count(*) AS firms, count(*) FILTER (WHERE h.s = fs.s AND h.s::text = fs.s::text) AS equal
FROM (SELECT firm, rollup(s) AS s
      FROM (SELECT firm, i % 2, designation_set(d) AS s FROM desig_rows GROUP BY 1, 2) x GROUP BY firm) h
JOIN firm_sets fs USING (firm);
SELECT (SELECT rollup(s) FROM firm_sets) = (SELECT designation_set(d) FROM desig_rows) AS union_of_all,
       (SELECT rollup(s)::text FROM firm_sets) = (SELECT designation_set(d)::text FROM desig_rows) AS same_text;
SELECT schemes(s), (SELECT count(*) FROM designations(s)) AS designations, length(s::text) AS text_bytes
FROM (SELECT rollup(s) AS s FROM firm_sets) x;

-- the state is updated in place inside aggregates: a running union (a
-- window aggregate) still gives each row its own value
SELECT count(*) AS rows, count(*) FILTER (WHERE running = expected) AS equal
FROM (SELECT firm, rollup(s) OVER (ORDER BY firm) AS running FROM firm_sets WHERE firm <= 300) a
JOIN (SELECT a.firm, designation_set(r.d) AS expected
      FROM firm_sets a LEFT JOIN desig_rows r ON r.firm <= a.firm WHERE a.firm <= 300 GROUP BY a.firm) b USING (firm);
-- and called as plain functions, neither touches its argument
SELECT s::text AS seven FROM firm_sets WHERE firm = 7 \gset
SELECT designation_set_add(s, 'provincial unicorn 2030') @> 'unicorn 2030' AS added,
       designation_set_union(s, '{"held": {"district gazelle": [2029]}, "valid": {"gazelle": [[2029, 2029]]}}') @> 'gazelle 2029'
           AS united,
       s::text = :'seven' AS argument_intact
FROM firm_sets WHERE firm = 7;

--
-- designation_counts: per cluster, every accessor against the rows
--
CREATE TABLE cluster_counts AS SELECT cluster, designation_counts(s) AS c FROM firm_sets GROUP BY cluster;
SELECT cluster, projects(c), holders(c, 'high_tech') AS high_tech, holders(c, 'gazelle') AS gazelle,
       pg_column_size(c) AS bytes
FROM cluster_counts ORDER BY cluster;

-- projects: the firms, those with no designation included
SELECT count(*) AS clusters, count(*) FILTER (WHERE projects(c) = p.n) AS matching
FROM cluster_counts cc JOIN (SELECT cluster, count(*) AS n FROM firms GROUP BY cluster) p USING (cluster);

-- holders(c, scheme), by label and by Chinese name: firms holding the scheme
SELECT count(*) AS checked,
       count(*) FILTER (WHERE holders(cc.c, sc.scheme) = coalesce(p.n, 0)
                        AND holders(cc.c, sc.name_zh) = coalesce(p.n, 0)) AS matching
FROM cluster_counts cc CROSS JOIN schemes sc
LEFT JOIN (SELECT cluster, scheme, count(*) AS n FROM firm_schemes GROUP BY 1, 2) p
  ON p.cluster = cc.cluster AND p.scheme = sc.scheme;

-- holders(c, scheme, level), level 'unstated' for lists that name none
SELECT count(*) AS checked,
       count(*) FILTER (WHERE holders(cc.c, s.scheme, coalesce(s.level, 'unstated')) = coalesce(p.n, 0)) AS matching
FROM cluster_counts cc CROSS JOIN slots s
LEFT JOIN (SELECT f.cluster, r.scheme, r.level, count(DISTINCT r.firm) AS n
           FROM desig_rows r JOIN firms f USING (firm) GROUP BY 1, 2, 3) p
  ON p.cluster = cc.cluster AND p.scheme = s.scheme AND p.level IS NOT DISTINCT FROM s.level;

-- holders(c, scheme, year): firms on a list of the scheme of that year, any level
SELECT count(*) AS checked, count(*) FILTER (WHERE holders(cc.c, sc.scheme, y) = coalesce(p.n, 0)) AS matching,
       sum(coalesce(p.n, 0)) AS holder_years
FROM cluster_counts cc CROSS JOIN schemes sc CROSS JOIN generate_series(2008, 2028) y
LEFT JOIN (SELECT f.cluster, r.scheme, r.list_year, count(DISTINCT r.firm) AS n
           FROM desig_rows r JOIN firms f USING (firm) GROUP BY 1, 2, 3) p
  ON p.cluster = cc.cluster AND p.scheme = sc.scheme AND p.list_year = y;

-- holders(c, scheme, level, year): per slot and year
SELECT count(*) AS checked,
       count(*) FILTER (WHERE holders(cc.c, s.scheme, coalesce(s.level, 'unstated'), y) = coalesce(p.n, 0)) AS matching
FROM cluster_counts cc CROSS JOIN slots s CROSS JOIN generate_series(2009, 2027) y
LEFT JOIN (SELECT f.cluster, r.scheme, r.level, r.list_year, count(DISTINCT r.firm) AS n
           FROM desig_rows r JOIN firms f USING (firm) GROUP BY 1, 2, 3, 4) p
  ON p.cluster = cc.cluster AND p.scheme = s.scheme AND p.level IS NOT DISTINCT FROM s.level AND p.list_year = y;

-- holders_valid(c, scheme, date): firms with a designation valid in the year (list_year .. valid_until)
SELECT count(*) AS checked,
       count(*) FILTER (WHERE holders_valid(cc.c, sc.scheme, make_date(g.y, 12, 31)) = coalesce(p.n, 0)) AS matching,
       sum(coalesce(p.n, 0)) AS valid_firm_years
FROM cluster_counts cc CROSS JOIN schemes sc CROSS JOIN generate_series(2008, 2032) g(y)
LEFT JOIN (SELECT cluster, scheme, y, count(*) AS n FROM valid_years GROUP BY 1, 2, 3) p
  ON p.cluster = cc.cluster AND p.scheme = sc.scheme AND p.y = g.y;

-- validity_unknown(c, scheme): holders with a designation of unknown validity
SELECT count(*) AS checked, count(*) FILTER (WHERE validity_unknown(cc.c, sc.scheme) = coalesce(p.n, 0)) AS matching
FROM cluster_counts cc CROSS JOIN schemes sc
LEFT JOIN (SELECT cluster, scheme, count(*) AS n FROM firm_schemes WHERE validity_unknown GROUP BY 1, 2) p
  ON p.cluster = cc.cluster AND p.scheme = sc.scheme;

-- coholders(c, a, b) for every pair (a = b: the holders of a), against a self-join
SELECT count(*) AS checked, count(*) FILTER (WHERE coholders(cc.c, a.scheme, b.scheme) = coalesce(p.n, 0)) AS matching,
       count(*) FILTER (WHERE coholders(cc.c, a.scheme, b.scheme) = coholders(cc.c, b.scheme, a.scheme)) AS symmetric
FROM cluster_counts cc CROSS JOIN schemes a CROSS JOIN schemes b
LEFT JOIN (SELECT x.cluster, x.scheme AS a, y.scheme AS b, count(*) AS n
           FROM firm_schemes x JOIN firm_schemes y USING (firm) GROUP BY 1, 2, 3) p
  ON p.cluster = cc.cluster AND p.a = a.scheme AND p.b = b.scheme;
-- and for one cluster, against EXISTS
SELECT count(*) AS checked,
       count(*) FILTER (WHERE coholders(cc.c, a.scheme, b.scheme) =
                        (SELECT count(*) FROM firms f
                         WHERE f.cluster = cc.cluster
                           AND EXISTS (SELECT 1 FROM desig_rows r WHERE r.firm = f.firm AND r.scheme = a.scheme)
                           AND EXISTS (SELECT 1 FROM desig_rows r WHERE r.firm = f.firm AND r.scheme = b.scheme))) AS matching
FROM cluster_counts cc CROSS JOIN schemes a CROSS JOIN schemes b
WHERE cc.cluster = 'cluster-3' AND a.scheme_ord <= b.scheme_ord AND a.scheme_ord % 3 = 0;

-- coholding(c): the matrix, one row per pair a <= b with holders
SELECT (SELECT count(*) FROM cluster_counts, coholding(c)) AS rows_out,
       (SELECT count(*) FROM (SELECT cluster, scheme_a, scheme_b, holders FROM cluster_counts, coholding(c)
                              EXCEPT
                              SELECT x.cluster, x.scheme, y.scheme, count(*)
                              FROM firm_schemes x JOIN firm_schemes y USING (firm)
                              JOIN schemes a ON a.scheme = x.scheme JOIN schemes b ON b.scheme = y.scheme
                              WHERE a.scheme_ord <= b.scheme_ord GROUP BY 1, 2, 3) z) AS differing;
SELECT * FROM coholding((SELECT c FROM cluster_counts WHERE cluster = 'cluster-0')) WHERE scheme_a IN ('high_tech', 'tech_leader');

-- holdings(c): one row per scheme, level and list year (NULL: unstated, none given)
SELECT (SELECT count(*) FROM cluster_counts, holdings(c)) AS rows_out,
       (SELECT count(*) FROM (SELECT cluster, scheme, level, list_year, holders FROM cluster_counts, holdings(c)
                              EXCEPT
                              SELECT f.cluster, r.scheme, r.level, r.list_year, count(DISTINCT r.firm)
                              FROM desig_rows r JOIN firms f USING (firm) GROUP BY 1, 2, 3, 4) z) AS extra,
       (SELECT count(*) FROM (SELECT f.cluster, r.scheme, r.level, r.list_year, count(DISTINCT r.firm)
                              FROM desig_rows r JOIN firms f USING (firm) GROUP BY 1, 2, 3, 4
                              EXCEPT
                              SELECT cluster, scheme, level, list_year, holders FROM cluster_counts, holdings(c)) z) AS missing;
SELECT * FROM holdings((SELECT c FROM cluster_counts WHERE cluster = 'cluster-0'))
WHERE scheme = 'gazelle' AND (list_year IS NULL OR list_year >= 2025);

-- names: Chinese names and aliases of schemes, Chinese names of levels
SELECT holders(c, '高企') = holders(c, 'high_tech') AS zh_alias,
       holders(c, '专精特新"小巨人"企业') = holders(c, 'little_giant') AS quoted_zh_name,
       holders(c, '瞪羚', '省级') = holders(c, 'gazelle', 'provincial') AS zh_level,
       holders(c, 'little giant', 'national', 2020) = holders(c, 'little_giant', '国家级', 2020) AS spelled_apart,
       holders(c, 'tech_leader', 'unstated') AS tech_leader_unstated,
       holders(c, 'gazelle', 1900) AS before_window, holders(c, 'gazelle', 2200) AS after_window,
       holders(c, 'gazelle', -1) AS negative_year, holders_valid(c, 'high_tech', 'infinity') AS infinite_date,
       holders_valid(c, 'high_tech', '-infinity') AS minus_infinity
FROM cluster_counts WHERE cluster = 'cluster-5';

-- text, jsonb and hash: the text reads back as the same bytes
SELECT count(*) AS clusters,
       count(*) FILTER (WHERE c::text::designation_counts = c AND c::text::designation_counts::text = c::text) AS text_round_trip,
       count(*) FILTER (WHERE c::jsonb = c::text::jsonb) AS jsonb_matches_text,
       count(*) FILTER (WHERE hash_designation_counts(c) = hash_designation_counts(c::text::designation_counts)
                        AND hash_designation_counts_extended(c, 7) = hash_designation_counts_extended(c::text::designation_counts, 7))
           AS same_hash,
       count(DISTINCT c) AS distinct_values
FROM cluster_counts;
SELECT c::jsonb -> 'holders' AS holders, c::jsonb -> 'coholding' -> 'high_tech & gazelle' AS high_tech_and_gazelle,
       jsonb_object_keys(c::jsonb) AS part
FROM cluster_counts WHERE cluster = 'cluster-0';

--
-- the same answer serially, in parallel, and rolled up
--
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial AS SELECT designation_counts(s) AS c FROM firm_sets;
CREATE TEMP TABLE serial_by_cluster AS SELECT cluster, designation_counts(s) AS c FROM firm_sets GROUP BY cluster;
CREATE TEMP TABLE serial_sets AS SELECT firm, designation_set(d) AS s FROM desig_rows GROUP BY firm;
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
SELECT pg_temp.runs_partial('SELECT designation_counts(s) FROM firm_sets') AS parallel_counts,
       pg_temp.runs_partial('SELECT cluster, designation_counts(s) FROM firm_sets GROUP BY cluster') AS parallel_grouped_counts,
       pg_temp.runs_partial('SELECT rollup(s) FROM firm_sets') AS parallel_set_union,
       pg_temp.runs_partial('SELECT designation_set(d) FROM desig_rows') AS parallel_sets,
       pg_temp.runs_partial('SELECT rollup(c) FROM cluster_counts') AS parallel_counts_rollup;
CREATE TEMP TABLE parallel AS SELECT designation_counts(s) AS c FROM firm_sets;
CREATE TEMP TABLE parallel_by_cluster AS SELECT cluster, designation_counts(s) AS c FROM firm_sets GROUP BY cluster;
CREATE TEMP TABLE parallel_sets AS SELECT firm, designation_set(d) AS s FROM desig_rows GROUP BY firm;
CREATE TEMP TABLE parallel_union AS SELECT rollup(s) AS s, designation_set(d) AS all_rows
FROM firm_sets FULL JOIN desig_rows ON false;
CREATE MATERIALIZED VIEW park_counts AS SELECT cluster, park, designation_counts(s) AS c FROM firm_sets GROUP BY cluster, park;
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

SELECT (SELECT c FROM serial) = (SELECT c FROM parallel) AS serial_equals_parallel,
       (SELECT c::text FROM serial) = (SELECT c::text FROM parallel) AS same_text,
       (SELECT count(*) FROM serial_by_cluster s JOIN parallel_by_cluster p USING (cluster) WHERE s.c = p.c) AS equal_clusters,
       (SELECT count(*) FROM serial_sets s JOIN parallel_sets p USING (firm) WHERE s.s = p.s AND s.s::text = p.s::text)
           AS equal_sets,
       (SELECT count(*) FROM serial_sets s JOIN firm_sets f USING (firm) WHERE s.s = f.s) AS equal_to_firm_sets,
       (SELECT s = all_rows FROM parallel_union) AS parallel_union_of_all,
       (SELECT s = (SELECT rollup(s) FROM firm_sets) FROM parallel_union) AS parallel_union_equals_serial;
SELECT (SELECT c FROM serial) = (SELECT rollup(c) FROM park_counts) AS parks_roll_up,
       (SELECT c::text FROM serial) = (SELECT rollup(c)::text FROM park_counts) AS parks_same_text,
       (SELECT c FROM serial) = (SELECT rollup(c) FROM cluster_counts) AS clusters_roll_up,
       (SELECT c FROM serial) = (SELECT rollup(c) FROM (SELECT cluster, rollup(c) AS c FROM park_counts GROUP BY cluster) x)
           AS park_cluster_city,
       (SELECT c FROM serial) = (SELECT rollup(c::text::designation_counts) FROM park_counts) AS through_text,
       (SELECT count(*) FROM cluster_counts cc
        JOIN (SELECT cluster, rollup(c) AS c FROM park_counts GROUP BY cluster) r USING (cluster) WHERE cc.c = r.c) AS equal_clusters;
-- summaries with different year windows widen as they merge: firms split by
-- the first year they hold, one summary per first year, rolled up in any order
SELECT count(DISTINCT c) AS summaries, count(DISTINCT (c::jsonb -> 'by_year')) AS windows
FROM (SELECT substring(s::text FROM '\d{4}') AS first_year, designation_counts(s) AS c FROM firm_sets GROUP BY 1) x;
SELECT (SELECT c FROM serial) = rollup(c ORDER BY first_year) AS oldest_first,
       (SELECT c FROM serial) = rollup(c ORDER BY first_year DESC) AS newest_first,
       (SELECT c FROM serial) = rollup(c ORDER BY md5(coalesce(first_year, ''))) AS shuffled
FROM (SELECT substring(s::text FROM '\d{4}') AS first_year, designation_counts(s) AS c FROM firm_sets GROUP BY 1) x;
-- a running rollup (a window aggregate over a state updated in place)
SELECT count(*) AS parks,
       count(*) FILTER (WHERE projects(running) = (SELECT count(*) FROM firms f WHERE f.park <= p.park)) AS running_projects,
       bool_and(running = (SELECT rollup(c) FROM park_counts q WHERE q.park <= p.park)) AS each_row_its_own
FROM (SELECT park, rollup(c) OVER (ORDER BY park) AS running FROM park_counts) p;
-- called as plain functions, the transition and combine functions leave their arguments alone
SELECT c::text AS zero FROM cluster_counts WHERE cluster = 'cluster-0' \gset
SELECT '{"held": {"provincial unicorn": [2030]}, "valid": {"unicorn": [[2030, 2030]]}}' AS unicorn_2030 \gset
SELECT projects(designation_counts_add(c, :'unicorn_2030')) - projects(c) AS added,
       holders(designation_counts_add(c, :'unicorn_2030'), 'unicorn', 2030) AS listed_2030,
       projects(designation_counts_merge(c, c)) = 2 * projects(c) AS doubled,
       c::text = :'zero' AS argument_intact
FROM cluster_counts WHERE cluster = 'cluster-0';

--
-- empty input and NULL input
--
SELECT designation_set(d) AS no_rows FROM desig_rows WHERE false;
SELECT designation_counts(s) AS no_rows, rollup(s) AS no_sets FROM firm_sets WHERE false;
SELECT rollup(c) AS no_summaries FROM cluster_counts WHERE false;
SELECT count(*) AS groups FROM (SELECT cluster, designation_counts(s) FROM firm_sets WHERE false GROUP BY cluster) x;
SELECT designation_set(d) AS only_nulls FROM (VALUES (NULL::designation), (NULL)) v(d);
SELECT designation_counts(s) AS nulls_skipped FROM (VALUES (NULL::designation_set), ('{}'), (NULL)) v(s);
SELECT rollup(c) AS nulls_skipped FROM (VALUES (NULL::designation_counts), ('{"projects": 2}'), (NULL)) v(c);
SELECT projects(NULL::designation_counts), holders(c, NULL), valid_on(NULL::designation_set, 'gazelle', '2020-01-01'),
       NULL::designation_set @> 'gazelle'::designation AS holds
FROM cluster_counts WHERE cluster = 'cluster-0';

--
-- errors
--
-- scheme and level arguments (22023, with hints)
SELECT pg_temp.try($$SELECT holders(c, 'provincial gazelle') FROM cluster_counts$$);
SELECT pg_temp.try($$SELECT holders(c, 'gazelle 2020') FROM cluster_counts$$);
SELECT pg_temp.try($$SELECT holders(c, 'bogus') FROM cluster_counts$$);
SELECT pg_temp.try($$SELECT holders(c, '') FROM cluster_counts$$);
SELECT pg_temp.try($$SELECT holders(c, '瞪羚企业', '国家级') FROM cluster_counts$$);
SELECT pg_temp.try($$SELECT holders(c, 'high_tech', 'unstated') FROM cluster_counts$$);
SELECT pg_temp.try($$SELECT holders(c, 'gazelle', 'bogus', 2020) FROM cluster_counts$$);
SELECT pg_temp.try($$SELECT coholders(c, 'gazelle', '规上') FROM cluster_counts$$);
SELECT pg_temp.try($$SELECT valid_on(s, 'high tech enterprise 2020', '2020-01-01') FROM firm_sets$$);
-- a set spans at most 64 years (22003)
SELECT pg_temp.try($$SELECT designation_set(d) FROM (VALUES ('gazelle 1990'::designation), ('gazelle 2054')) v(d)$$);
SELECT designation_set(d) AS spans_64_years FROM (VALUES ('gazelle 1990'::designation), ('gazelle 2053')) v(d);
-- (years of validity count: list years 1990 and 2025, valid until 2054)
SELECT pg_temp.try($$SELECT designation_set(d) FROM (VALUES ('gazelle 1990'::designation), ('high_tech 2025 until 2054')) v(d)$$);
SELECT pg_temp.try($$SELECT designation_set(d) FROM (VALUES ('high_tech 2060 until 2080'::designation), ('gazelle 2016')) v(d)$$);
SELECT pg_temp.try($$SELECT rollup(s) FROM (SELECT g, designation_set(d) AS s
                                          FROM (VALUES (1, 'gazelle 1990'::designation), (2, 'gazelle 2054')) v(g, d)
                                          GROUP BY g) x$$);
SELECT pg_temp.try($$SELECT '{"held": {"gazelle": [1990, 2054]}, "valid": {"gazelle": [[1990, 1990], [2054, 2054]]}}'::designation_set$$);
-- a count past 2^63 - 1 (22003)
SELECT pg_temp.try($$SELECT rollup(c) FROM (VALUES ('{"projects": 9223372036854775807}'::designation_counts),
                                                   ('{"projects": 1}')) v(c)$$);

-- corrupted text of a designation_set (22P02)
CREATE TEMP TABLE bad_sets (label text, t text);
INSERT INTO bad_sets VALUES
	('not JSON', 'gazelle 2020'),
	('unknown part', '{"holds": {"gazelle": [2020]}}'),
	('part twice', '{"held": {"gazelle": [2020]}, "held": {"unicorn": [2020]}}'),
	('unknown slot', '{"held": {"national gazelle": [2020]}, "valid": {"gazelle": [[2020, 2020]]}}'),
	('unknown scheme', '{"validity_unknown": ["zebra"]}'),
	('slot twice', '{"held": {"gazelle": [2020], "gazelle": [2021]}, "valid": {"gazelle": [[2020, 2021]]}}'),
	('year twice', '{"held": {"gazelle": [2020, 2020]}, "valid": {"gazelle": [[2020, 2020]]}}'),
	('null twice', '{"held": {"gazelle": [null, null]}, "validity_unknown": ["gazelle"]}'),
	('scheme twice', '{"held": {"gazelle": [null]}, "validity_unknown": ["gazelle", "gazelle"]}'),
	('runs overlap', '{"held": {"gazelle": [2020, 2021]}, "valid": {"gazelle": [[2020, 2021], [2021, 2021]]}}'),
	('year out of range', '{"held": {"gazelle": [1979]}, "valid": {"gazelle": [[1979, 1979]]}}'),
	('run backwards', '{"held": {"gazelle": [2020]}, "valid": {"gazelle": [[2021, 2020]]}}'),
	('validity before the list', '{"held": {"gazelle": [2020]}, "valid": {"gazelle": [[2019, 2020]]}}'),
	('validity from no list year', '{"held": {"gazelle": [2020]}, "valid": {"gazelle": [[2020, 2020], [2023, 2023]]}}'),
	('validity of 31 years', '{"held": {"tech_leader": [2020]}, "valid": {"tech_leader": [[2020, 2050]]}}'),
	('undated, validity known', '{"held": {"gazelle": [null]}}'),
	('list year with no validity, not unknown', '{"held": {"gazelle": [2020, 2021]}, "valid": {"gazelle": [[2020, 2020]]}}'),
	('unknown validity, not held', '{"held": {"gazelle": [2020]}, "valid": {"gazelle": [[2020, 2020]]}, "validity_unknown": ["unicorn"]}'),
	('trailing text', '{} {}'),
	('a string for a year', '{"held": {"gazelle": ["2020"]}}');
SELECT label, pg_temp.try(format('SELECT %L::designation_set', t)) AS result FROM bad_sets;
-- what the reader takes that the writer does not write: any order, spaces, [] and {}
SELECT '{"validity_unknown": ["tech_leader"], "held": {"provincial gazelle": [2021, 2020], "tech_leader": [2019]},
         "valid": {"gazelle": [[2021, 2021], [2020, 2020]], "tech_leader": []}}'::designation_set AS reordered,
       '{"held": {}}'::designation_set AS empty_held;

-- corrupted text of a designation_counts (22P02)
SELECT designation_counts(s)::text AS one
FROM (SELECT designation_set(d) AS s FROM (VALUES ('provincial gazelle 2020'::designation), ('high_tech 2019')) v(d)) x \gset
SELECT :'one'::designation_counts AS one_firm;
CREATE TEMP TABLE bad_counts (label text, t text);
INSERT INTO bad_counts VALUES
	('not first: projects', '{"holders": {}, "projects": 1}'),
	('negative projects', '{"projects": -1}'),
	('unknown part', replace(:'one', '"held"', '"helds"')),
	('unknown key', replace(:'one', '"provincial gazelle 2020"', '"national gazelle 2020"')),
	('key with no year', replace(:'one', '"provincial gazelle 2020"', '"provincial gazelle"')),
	('year out of range', replace(:'one', '"provincial gazelle 2020"', '"provincial gazelle 2101"')),
	('part twice', replace(:'one', '"by_year"', '"listed": {}, "by_year"')),
	('key twice', replace(:'one', '"holders": {', '"holders": {"gazelle": 1, ')),
	('key twice, once 0', replace(:'one', '"holders": {', '"holders": {"gazelle": 0, ')),
	('negative count', replace(:'one', '"gazelle": 1}, "coholding"', '"gazelle": -1}, "coholding"')),
	('coholding greater than holders', replace(:'one', '"high_tech & gazelle": 1', '"high_tech & gazelle": 2')),
	('holders greater than projects', replace(:'one', '"projects": 1', '"projects": 0')),
	('coholding fewer than holders allow', replace(:'one', '"coholding": {"high_tech & gazelle": 1}, ', '')),
	('holders at no level', replace(:'one', '"held": {"national high_tech": 1, ', '"held": {')),
	('listed without by_year', replace(:'one', '"by_year": {"high_tech 2019": 1, "gazelle 2020": 1}', '"by_year": {"high_tech 2019": 1}')),
	('by_year without listed', replace(:'one', '"listed": {"national high_tech 2019": 1, ', '"listed": {')),
	('listed, neither valid nor unknown', replace(:'one', '"valid": {"high_tech 2019": 1, ', '"valid": {')),
	('valid with no list year in reach', replace(:'one', '"gazelle 2020": 1}}', '"gazelle 2020": 1, "high_tech 2049": 1}}')),
	('undated beyond unknown validity', replace(:'one', '"listed"', '"undated": {"provincial gazelle": 1}, "listed"')),
	('a fraction', replace(:'one', '"projects": 1', '"projects": 1.5')),
	('trailing text', :'one' || ' x');
SELECT label, pg_temp.try(format('SELECT %L::designation_counts', t)) AS result FROM bad_counts;
-- zero counts are left out: they neither widen the window nor change the bytes
SELECT replace(:'one', '"gazelle 2020": 1}}', '"gazelle 2020": 1, "gazelle 2031": 0}}')::designation_counts = :'one'::designation_counts
           AS zero_count_ignored,
       '{"projects": 3, "holders": {}, "valid": {}}'::designation_counts AS empty_parts;

-- binary: both types go out and back in through COPY
CREATE TABLE summaries_copy (cluster text, s designation_set, c designation_counts);
INSERT INTO summaries_copy
SELECT cluster, (SELECT rollup(s) FROM firm_sets f WHERE f.cluster = cc.cluster), c FROM cluster_counts cc;
\copy summaries_copy TO 'results/desig_summaries.bin' (FORMAT binary)
CREATE TABLE summaries_back (LIKE summaries_copy);
\copy summaries_back FROM 'results/desig_summaries.bin' (FORMAT binary)
SELECT count(*) AS rows, count(*) FILTER (WHERE a.s = b.s AND a.c = b.c AND a.c::text = b.c::text) AS identical
FROM summaries_copy a JOIN summaries_back b USING (cluster);
-- and what recv refuses (22P03): raw bytes through a bytea COPY
CREATE TEMP TABLE set_bytes AS SELECT designation_set_send(designation_set(d)) AS b
FROM (VALUES ('provincial gazelle 2020'::designation), ('tech_leader')) v(d);
SELECT length(b) AS set_binary_bytes, encode(substr(b, 1, 16), 'hex') AS head FROM set_bytes;
CREATE TABLE set_in (s designation_set);
\copy (SELECT b FROM set_bytes) TO 'results/dset_good.bin' (FORMAT binary)
\copy set_in FROM 'results/dset_good.bin' (FORMAT binary)
SELECT s FROM set_in;
-- a format version this release does not know
\copy (SELECT overlay(b PLACING '\x02'::bytea FROM 1) FROM set_bytes) TO 'results/dset_bad1.bin' (FORMAT binary)
\copy set_in FROM 'results/dset_bad1.bin' (FORMAT binary)
-- one byte short
\copy (SELECT substr(b, 1, length(b) - 1) FROM set_bytes) TO 'results/dset_bad2.bin' (FORMAT binary)
\copy set_in FROM 'results/dset_bad2.bin' (FORMAT binary)
-- no base year, with years held
\copy (SELECT overlay(b PLACING '\x0000'::bytea FROM 2) FROM set_bytes) TO 'results/dset_bad3.bin' (FORMAT binary)
\copy set_in FROM 'results/dset_bad3.bin' (FORMAT binary)
-- a reserved bit of validity_unknown (scheme 16)
\copy (SELECT overlay(b PLACING '\x84'::bytea FROM 4) FROM set_bytes) TO 'results/dset_bad4.bin' (FORMAT binary)
\copy set_in FROM 'results/dset_bad4.bin' (FORMAT binary)
-- tech_leader's unknown validity cleared
\copy (SELECT overlay(b PLACING '\x0000'::bytea FROM 4) FROM set_bytes) TO 'results/dset_bad5.bin' (FORMAT binary)
\copy set_in FROM 'results/dset_bad5.bin' (FORMAT binary)
SELECT count(*) AS set_rows FROM set_in;

CREATE TEMP TABLE counts_bytes AS SELECT designation_counts_send(:'one'::designation_counts) AS b;
SELECT length(b) AS counts_binary_bytes, encode(substr(b, 1, 13), 'hex') AS head FROM counts_bytes;
CREATE TABLE counts_in (c designation_counts);
\copy (SELECT b FROM counts_bytes) TO 'results/dcounts_good.bin' (FORMAT binary)
\copy counts_in FROM 'results/dcounts_good.bin' (FORMAT binary)
SELECT c = :'one'::designation_counts AS binary_round_trip FROM counts_in;
-- a format version this release does not know
\copy (SELECT overlay(b PLACING '\x02'::bytea FROM 1) FROM counts_bytes) TO 'results/dcounts_bad1.bin' (FORMAT binary)
\copy counts_in FROM 'results/dcounts_bad1.bin' (FORMAT binary)
-- a window of 4 years in the bytes of 3
\copy (SELECT overlay(b PLACING '\x0004'::bytea FROM 4) FROM counts_bytes) TO 'results/dcounts_bad2.bin' (FORMAT binary)
\copy counts_in FROM 'results/dcounts_bad2.bin' (FORMAT binary)
-- projects negative
\copy (SELECT overlay(b PLACING '\xff'::bytea FROM 6) FROM counts_bytes) TO 'results/dcounts_bad3.bin' (FORMAT binary)
\copy counts_in FROM 'results/dcounts_bad3.bin' (FORMAT binary)
-- high_tech & gazelle co-held by 2 of 1 firm (pair 14 from 0, after projects and the 11 holders)
\copy (SELECT overlay(b PLACING '\x0000000000000002'::bytea FROM 6 + 8 * (1 + 11 + 14)) FROM counts_bytes) TO 'results/dcounts_bad5.bin' (FORMAT binary)
\copy counts_in FROM 'results/dcounts_bad5.bin' (FORMAT binary)
-- a window wider than the years counted: 2020 to 2020 with no count at all
\copy (SELECT decode('01' || '07e4' || '0001' || repeat('00', 8 * (1 + 11 + 55 + 36 + 36 + 11 + 58)), 'hex')) TO 'results/dcounts_bad4.bin' (FORMAT binary)
\copy counts_in FROM 'results/dcounts_bad4.bin' (FORMAT binary)
-- the empty summary is 5 + 8 x 150 bytes
\copy (SELECT decode('01' || '0000' || '0000' || repeat('00', 8 * (1 + 11 + 55 + 36 + 36 + 11)), 'hex')) TO 'results/dcounts_empty.bin' (FORMAT binary)
\copy counts_in FROM 'results/dcounts_empty.bin' (FORMAT binary)
SELECT c FROM counts_in ORDER BY projects(c);

DROP TABLE firms, desig_rows, firm_sets, cluster_counts, summaries_copy, summaries_back, set_in, counts_in CASCADE;
