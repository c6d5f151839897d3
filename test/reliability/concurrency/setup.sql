-- test/reliability/concurrency/setup.sql: the schema the pgbench scripts of
-- test/reliability/concurrency.sh work on (run once, by psql, before pgbench).
--
-- Raw rows, written concurrently:
--   milestones   (project, stage, date)        one row per insert_milestone.sql
--   rounds       (project, text -> funding_round)  one row per insert_round.sql
-- Summaries maintained incrementally in the same transactions (hot rows):
--   project_history (project -> stage_history)   merged with rollup()
--   park_funding    (park -> funding_stats)      merged with rollup()
-- Stored rollups refreshed by other clients:
--   park_summary     a table, INSERT ... ON CONFLICT per park (refresh_park.sql)
--   park_summary_mv  a materialized view, REFRESH ... CONCURRENTLY (refresh_mv.sql)
-- Both are computed by the view park_summary_source from the raw rows; the
-- recount_* views count the same things in plain SQL, without the extension's
-- aggregates.

CREATE EXTENSION IF NOT EXISTS innovation;

-- check_that(ok, what): raise an error unless ok; pgbench then aborts the client
-- and exits with status 2, so a failed check fails the test
CREATE FUNCTION check_that(ok boolean, what text) RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
	IF ok IS NOT TRUE THEN
		RAISE EXCEPTION 'concurrency check failed: %', what;
	END IF;
	RETURN true;
END $$;

CREATE TABLE parks (park_id int PRIMARY KEY, district text NOT NULL);
INSERT INTO parks SELECT g, 'district ' || (g - 1) % 4 + 1 FROM generate_series(1, 12) g;

CREATE TABLE projects (project_id int PRIMARY KEY, park_id int NOT NULL REFERENCES parks);
INSERT INTO projects SELECT g, (g - 1) % 12 + 1 FROM generate_series(1, 600) g;
CREATE INDEX ON projects (park_id);

CREATE TABLE milestones (
  id bigserial PRIMARY KEY,
  project_id int NOT NULL REFERENCES projects,
  spelling text NOT NULL,
  stage project_stage NOT NULL,
  reached_on date);
CREATE INDEX ON milestones (project_id);

-- the way registers spell the stages: every insert picks one at random
CREATE TABLE stage_spellings (rank int, n int, spelling text, PRIMARY KEY (rank, n));
INSERT INTO stage_spellings VALUES
  (1, 1, 'concept'), (1, 2, '概念验证'), (2, 1, 'Pilot'), (2, 2, '中试'),
  (3, 1, 'incubating'), (3, 2, '孵化'), (4, 1, 'registered'), (4, 2, '注册'),
  (5, 1, 'producing'), (5, 2, '投产'), (6, 1, 'tech_sme'), (6, 2, '科技型中小企业'),
  (7, 1, 'High-Tech'), (7, 2, '高企'), (8, 1, 'above_scale'), (8, 2, '規上'),
  (9, 1, 'gazelle'), (9, 2, '瞪羚企业'), (10, 1, 'potential_unicorn'), (10, 2, '潜在独角兽'),
  (11, 1, 'unicorn'), (11, 2, '独角兽'), (12, 1, 'listed'), (12, 2, '上市');

CREATE TABLE rounds (
  id bigserial PRIMARY KEY,
  project_id int NOT NULL REFERENCES projects,
  source text NOT NULL,
  default_currency text,
  r funding_round GENERATED ALWAYS AS (funding_round(source, default_currency)) STORED);
CREATE INDEX ON rounds (project_id);

-- round_text(project, form, n, y, m): funding text the way analysts receive
-- it; every form parses (a text that did not would fail the insert, and the
-- test). Rounds open above ("$10M+", "亿元及以上") only in the odd-numbered
-- parks, so that the even ones (and districts 2 and 4) keep a closed total
-- range whose upper end, the sum of the highs, is checked.
CREATE FUNCTION round_text(project int, form int, n int, y int, m int) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
SELECT CASE CASE WHEN form IN (2, 13) AND project % 2 = 0 THEN form + 100 ELSE form END
  WHEN 1 THEN format('B轮 近%s亿元 %s-%s', n % 9 + 1, y, lpad(m::text, 2, '0'))
  WHEN 2 THEN format('Series A $%sM+ %s-%s', n, y, lpad(m::text, 2, '0'))
  WHEN 3 THEN '天使轮 数千万元'
  WHEN 4 THEN format('Pre-A轮｜%s00万元｜%s年%s月', n, y, m)
  WHEN 5 THEN format('Series C, $%s million, %s-%s-15', n, y, lpad(m::text, 2, '0'))
  WHEN 6 THEN '战略投资 未披露'
  WHEN 7 THEN format('获得超%s亿元C轮融资', n % 5 + 1)
  WHEN 8 THEN format('raises €%sM in seed funding', n)
  WHEN 9 THEN format('Series B %sM %s', n, y)           -- no currency: the default
  WHEN 10 THEN format('A+轮 约%s万美元 %s', n * 100, y)
  WHEN 11 THEN format('B轮 %s-%s亿 %s年', n % 3 + 1, n % 3 + 3, y)
  WHEN 12 THEN format('拨投结合 %s万元', n * 10)
  WHEN 13 THEN format('亿元及以上 D轮 %s', y)
  WHEN 102 THEN format('Series A, US$%s million, %s-%s', n, y, lpad(m::text, 2, '0'))
  WHEN 113 THEN format('D轮 %s亿元 %s', n % 9 + 1, y)
  ELSE format('天使轮 %s00多万 %s-%s', n, y, lpad(m::text, 2, '0'))
END $$;

-- incrementally maintained summaries, merged in the inserting transaction
CREATE TABLE project_history (project_id int PRIMARY KEY, h stage_history NOT NULL);
CREATE TABLE park_funding (park_id int PRIMARY KEY, s funding_stats NOT NULL);
INSERT INTO park_funding SELECT park_id, (SELECT funding_stats(r) FROM rounds) FROM parks;

-- one project's history and current stage, from the raw rows
CREATE VIEW project_state AS
SELECT p.project_id, p.park_id, h.h
FROM projects p
CROSS JOIN LATERAL (SELECT stage_history(m.stage, m.reached_on) AS h
                    FROM milestones m WHERE m.project_id = p.project_id) h
WHERE EXISTS (SELECT FROM milestones m WHERE m.project_id = p.project_id);

-- one park's summaries, from the raw rows
CREATE VIEW park_summary_source AS
SELECT pk.park_id, pk.district, st.f, st.to_high_tech, fu.s, fu.amounts
FROM parks pk
CROSS JOIN LATERAL (
  SELECT funnel(current_stage(ps.h)) AS f,
         quantile_sketch(time_to(ps.h, 'registered', 'high_tech')) AS to_high_tech
  FROM project_state ps WHERE ps.park_id = pk.park_id) st
CROSS JOIN LATERAL (
  SELECT funding_stats(r.r) AS s, quantile_sketch(amount_point(r.r)) FILTER (WHERE currency(r.r) = 'CNY') AS amounts
  FROM rounds r JOIN projects p USING (project_id) WHERE p.park_id = pk.park_id) fu;

CREATE TABLE park_summary (
  park_id int PRIMARY KEY REFERENCES parks,
  district text NOT NULL,
  f stage_funnel NOT NULL,
  to_high_tech quantile_sketch,
  s funding_stats NOT NULL,
  amounts quantile_sketch,
  refreshes bigint NOT NULL DEFAULT 1);
INSERT INTO park_summary (park_id, district, f, to_high_tech, s, amounts)
SELECT park_id, district, f, to_high_tech, s, amounts FROM park_summary_source;

CREATE MATERIALIZED VIEW park_summary_mv AS
SELECT park_id, district, f, to_high_tech, s, amounts FROM park_summary_source;
CREATE UNIQUE INDEX ON park_summary_mv (park_id);
-- LOCK TABLE does not take materialized views: refresh_mv.sql locks this
-- empty table instead, before its snapshot
CREATE TABLE park_summary_mv_refresh ();

-- both stored forms, for the readers
CREATE VIEW stored_summaries AS
SELECT 'table' AS kept_in, park_id, district, f, to_high_tech, s, amounts FROM park_summary
UNION ALL
SELECT 'matview', park_id, district, f, to_high_tech, s, amounts FROM park_summary_mv;

-- plain-SQL recounts, without the extension's aggregates
-- each project's furthest stage and first dates
CREATE VIEW recount_projects AS
SELECT p.park_id, m.project_id, max(m.stage) AS stage,
       min(m.reached_on) FILTER (WHERE m.stage = 'registered') AS registered_on,
       min(m.reached_on) FILTER (WHERE m.stage = 'high_tech') AS high_tech_on
FROM milestones m JOIN projects p USING (project_id)
GROUP BY p.park_id, m.project_id;

-- rounds per park and currency ('' for an undisclosed amount with no currency)
CREATE VIEW recount_funding AS
SELECT p.park_id, coalesce(currency(r.r), '') AS currency,
       count(*) AS rounds,
       count(*) FILTER (WHERE is_disclosed(r.r)) AS disclosed,
       count(*) FILTER (WHERE is_disclosed(r.r) AND amount_high(r.r) IS NULL) AS open,
       coalesce(sum(amount_low(r.r)), 0) AS low,
       coalesce(sum(amount_point(r.r)), 0) AS point,
       CASE WHEN bool_or(is_disclosed(r.r) AND amount_high(r.r) IS NULL) THEN NULL
            ELSE coalesce(sum(amount_high(r.r)), 0) END AS high,
       min(amount_point(r.r)) AS min_point, max(amount_point(r.r)) AS max_point,
       percentile_disc(0.5) WITHIN GROUP (ORDER BY amount_point(r.r)) AS median_point
FROM rounds r JOIN projects p USING (project_id)
GROUP BY p.park_id, coalesce(currency(r.r), '');

-- mismatches(rel, park): what a relation of park summaries (columns park_id,
-- f, to_high_tech, s, amounts) says that the plain-SQL recount does not, for
-- one park or (NULL) all of them; one line per disagreement, none when all
-- agree. STABLE, so that every query sees the caller's snapshot.
CREATE FUNCTION mismatches(rel regclass, park int) RETURNS SETOF text
LANGUAGE plpgsql STABLE AS $fn$
BEGIN
	-- funnel: projects at each stage, and at or beyond it
	RETURN QUERY EXECUTE format($q$
		WITH cur AS MATERIALIZED (SELECT park_id, stage FROM recount_projects
		                          WHERE $1 IS NULL OR park_id = $1),
		     a AS (SELECT x.park_id, st.stage, st.at_stage, st.reached, total(x.f) AS total
		           FROM %1$s x, stages(x.f) st WHERE $1 IS NULL OR x.park_id = $1),
		     b AS (SELECT pk.park_id, l.stage,
		                  (SELECT count(*) FROM cur WHERE cur.park_id = pk.park_id
		                   AND cur.stage = l.stage) AS projects,
		                  (SELECT count(*) FROM cur WHERE cur.park_id = pk.park_id
		                   AND cur.stage >= l.stage) AS reached,
		                  (SELECT count(*) FROM cur WHERE cur.park_id = pk.park_id) AS total
		           FROM parks pk CROSS JOIN stage_ladder() l
		           WHERE $1 IS NULL OR pk.park_id = $1)
		SELECT format('%1$s park %%s stage %%s: at_stage %%s reached %%s of %%s, recount %%s %%s of %%s',
		              b.park_id, b.stage, a.at_stage, a.reached, a.total, b.projects, b.reached, b.total)
		FROM b LEFT JOIN a USING (park_id, stage)
		WHERE a.at_stage IS DISTINCT FROM b.projects OR a.reached IS DISTINCT FROM b.reached
		   OR a.total IS DISTINCT FROM b.total$q$, rel)
	USING park;

	-- funding per currency: rounds, disclosed, open, sums of low, point, high;
	-- the CNY sketch: count, min and max exact, the median within 1%%
	RETURN QUERY EXECUTE format($q$
		SELECT format('%1$s park %%s %%s: stats %%s/%%s/%%s %%s %%s, recount %%s/%%s/%%s %%s [%%s,%%s]',
		              x.park_id, c.currency, rounds(x.s, c.currency), disclosed_rounds(x.s, c.currency),
		              open_rounds(x.s, c.currency), total(x.s, c.currency), total_range(x.s, c.currency),
		              c.rounds, c.disclosed, c.open, c.point, c.low, c.high)
		FROM %1$s x JOIN recount_funding c USING (park_id)
		WHERE ($1 IS NULL OR x.park_id = $1) AND c.currency <> ''
		  AND (rounds(x.s, c.currency) <> c.rounds
		       OR disclosed_rounds(x.s, c.currency) <> c.disclosed
		       OR open_rounds(x.s, c.currency) <> c.open
		       OR total(x.s, c.currency) <> c.point
		       OR lower(total_range(x.s, c.currency)) <> c.low
		       OR upper(total_range(x.s, c.currency)) IS DISTINCT FROM c.high
		       OR min_amount(x.s, c.currency) IS DISTINCT FROM c.min_point
		       OR max_amount(x.s, c.currency) IS DISTINCT FROM c.max_point
		       OR (c.currency = 'CNY'
		           AND (coalesce(value_count(x.amounts), 0) <> c.disclosed
		                OR min_value(x.amounts) IS DISTINCT FROM c.min_point::float8
		                OR max_value(x.amounts) IS DISTINCT FROM c.max_point::float8
		                OR abs(quantile(x.amounts, 0.5) - c.median_point::float8)
		                   > 0.01 * c.median_point::float8)))$q$, rel)
	USING park;

	-- all rounds, the set of currencies, and no CNY sketch without CNY rounds
	RETURN QUERY EXECUTE format($q$
		SELECT format('%1$s park %%s: %%s rounds in %%s, CNY sketch of %%s; recount %%s in %%s',
		              x.park_id, rounds(x.s), currencies(x.s), value_count(x.amounts), c.rounds, c.currencies)
		FROM %1$s x
		CROSS JOIN LATERAL (
		  SELECT coalesce(sum(rounds), 0) AS rounds,
		         coalesce(array_agg(currency ORDER BY currency) FILTER (WHERE currency <> ''), '{}') AS currencies
		  FROM recount_funding c WHERE c.park_id = x.park_id) c
		WHERE ($1 IS NULL OR x.park_id = $1)
		  AND (rounds(x.s) <> c.rounds
		       OR ARRAY(SELECT unnest(currencies(x.s)) ORDER BY 1) <> c.currencies
		       OR (coalesce(value_count(x.amounts), 0) > 0) <> ('CNY' = ANY (c.currencies)))$q$, rel)
	USING park;

	-- days from registered to high_tech: count, min and max are exact
	RETURN QUERY EXECUTE format($q$
		SELECT format('%1$s park %%s to_high_tech: %%s %%s %%s, recount %%s %%s %%s',
		              x.park_id, value_count(x.to_high_tech), min_value(x.to_high_tech), max_value(x.to_high_tech),
		              c.n, c.lo, c.hi)
		FROM %1$s x
		CROSS JOIN LATERAL (
		  SELECT count(*) AS n, min(high_tech_on - registered_on) AS lo,
		         max(high_tech_on - registered_on) AS hi
		  FROM recount_projects r
		  WHERE r.park_id = x.park_id AND high_tech_on - registered_on IS NOT NULL) c
		WHERE ($1 IS NULL OR x.park_id = $1)
		  AND (coalesce(value_count(x.to_high_tech), 0) <> c.n
		       OR min_value(x.to_high_tech) IS DISTINCT FROM c.lo::float8
		       OR max_value(x.to_high_tech) IS DISTINCT FROM c.hi::float8)$q$, rel)
	USING park;
END $fn$;

-- statistics for the fixed tables, so that plans (and the decision to JIT-
-- compile them) reflect 12 parks and 600 projects, not the defaults for a
-- never-analyzed table
ANALYZE parks, projects, stage_spellings;
