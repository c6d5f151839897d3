-- test/demo/report.sql: the seed article's figures, rebuilt from raw rows, and
-- the cluster-level rollups the article could not print.
--
-- Run after test/demo/load.sql (`make demo` does both).  doc/tutorial.md walks
-- through every query; each works on your own tables of the same shape.

\pset footer off

--------------------------------------------------------------------------------
-- Step 1. One row per project: its stage history, from the milestone rows.
-- stage_history() keeps the first date each rung was reached; current_stage()
-- is the furthest rung.  Nothing is stored: the view is computed when queried.
--------------------------------------------------------------------------------
CREATE VIEW project_status AS
SELECT p.project_id, p.name, p.recognized_year, p.district, p.park, p.cluster,
       p.manufacturing, p.incubator, h.history, current_stage(h.history) AS stage
FROM projects p
JOIN (SELECT project_id, stage_history(stage, reached_on) AS history
      FROM milestones GROUP BY project_id) h USING (project_id);

-- Equity rounds summarized per project: the article counts projects, not rounds.
CREATE VIEW project_equity AS
SELECT project_id, funding_stats(round) AS equity
FROM funding_rounds
WHERE is_equity(round)
GROUP BY project_id;

--------------------------------------------------------------------------------
-- Step 2. The article's figures.  Each INSERT is one figure: the article's
-- wording, the value the article printed, the value computed here, and whether
-- they agree.
--------------------------------------------------------------------------------
CREATE TEMP TABLE article (
	figure    text PRIMARY KEY,
	claim     text NOT NULL,
	article   text NOT NULL,
	computed  text,
	matches   boolean
);

-- F1-F3: the funnel of the projects recognized in the last three years
INSERT INTO article
SELECT f.figure, f.claim, f.article, f.computed::text, f.computed::text = f.article
FROM (SELECT funnel(stage) AS f FROM project_status
      WHERE recognized_year BETWEEN 2021 AND 2023) s,
LATERAL (VALUES
	('F1', 'sci-tech projects recognized in the last three years', '3411', total(s.f)),
	('F2', '... of which became high-tech enterprises', '209', reached(s.f, 'high_tech')),
	('F3', '... of which grew above designated size', '66', reached(s.f, 'above_scale'))
) AS f(figure, claim, article, computed);

-- F4: manufacturing projects and their share (the article truncates 72.85% to 72.8%)
INSERT INTO article
SELECT 'F4', 'manufacturing projects among them, and their share', '2485, 72.8%',
       computed, computed = '2485, 72.8%'
FROM (SELECT format('%s, %s%%', count(*) FILTER (WHERE manufacturing),
                    trunc(100.0 * count(*) FILTER (WHERE manufacturing) / count(*), 1))
             AS computed
      FROM projects WHERE recognized_year BETWEEN 2021 AND 2023) x;

-- F5: provincial designations this year, city-wide, from the designation
-- values (each list name read into scheme, level and year)
INSERT INTO article
SELECT 'F5', 'provincial unicorns / potential unicorns / gazelles in 2024', '3 / 18 / 92',
       computed, computed = '3 / 18 / 92'
FROM (SELECT format('%s / %s / %s',
                    count(*) FILTER (WHERE designation = 'provincial unicorn 2024'),
                    count(*) FILTER (WHERE designation = 'provincial potential_unicorn 2024'),
                    count(*) FILTER (WHERE designation = 'provincial gazelle 2024')) AS computed
      FROM designations) x;

-- F5 (records): which provincial lists are the longest of any year
INSERT INTO article
SELECT 'F5r', 'designations at a record high in 2024', 'potential_unicorn, gazelle',
       computed, computed = 'potential_unicorn, gazelle'
FROM (SELECT string_agg(scheme, ', ' ORDER BY scheme DESC) AS computed
      FROM (SELECT scheme(designation) AS scheme, list_year(designation) AS year, count(*) AS n,
                   max(count(*)) FILTER (WHERE list_year(designation) < 2024)
                       OVER (PARTITION BY scheme(designation)) AS best_before
            FROM designations
            WHERE level(designation) = 'provincial'
              AND track(designation) IN ('valuation', 'growth')
            GROUP BY 1, 2) y
      WHERE year = 2024 AND n > best_before) x;

-- F6, F7: projects recruited in 2022-2023 with large taxable sales
INSERT INTO article
SELECT f.*, f.computed = f.article
FROM (SELECT count(*) FILTER (WHERE period = '2023' AND amount_yuan > 100000000) AS fy,
             count(*) FILTER (WHERE period = '2024H1' AND amount_yuan > 50000000) AS h1
      FROM taxable_sales JOIN projects USING (project_id)
      WHERE recognized_year IN (2022, 2023)) s,
LATERAL (VALUES
	('F6', '2022-23 projects with 2023 taxable sales over 1亿', '51', s.fy::text),
	('F7', '2022-23 projects with H1-2024 taxable sales over 5000万', '59', s.h1::text)
) AS f(figure, claim, article, computed);

-- F8, F9: the 2023 cohort, and its H1-2024 sales against its 2023 sales
INSERT INTO article
SELECT 'F8', 'projects recognized in 2023', '1428', count(*)::text, count(*) = 1428
FROM projects WHERE recognized_year = 2023;

INSERT INTO article
SELECT 'F9', 'their H1-2024 taxable sales, and that share of their 2023 sales',
       '92.47亿, 73.3%', computed, computed = '92.47亿, 73.3%'
FROM (SELECT format('%s亿, %s%%', round(h1 / 1e8, 2), round(100 * h1 / fy, 1)) AS computed
      FROM (SELECT sum(amount_yuan) FILTER (WHERE period = '2024H1') AS h1,
                   sum(amount_yuan) FILTER (WHERE period = '2023') AS fy
            FROM taxable_sales JOIN projects USING (project_id)
            WHERE recognized_year = 2023) s) x;

-- F10, F11: equity financing per project, summed city-wide (point estimates;
-- 近2亿 counts as 1.8亿); a project over a line is one whose rounds add up past it
INSERT INTO article
SELECT f.*, f.computed = f.article
FROM (SELECT count(*) AS funded,
             total(rollup(equity), 'CNY') AS cny,
             count(*) FILTER (WHERE total(equity, 'CNY') > 100000000) AS over_1yi,
             count(*) FILTER (WHERE total(equity, 'CNY') > 10000000) AS over_1000wan
      FROM project_equity) s,
LATERAL (VALUES
	('F10', 'projects with equity financing, and the total raised', '66, 28.43亿',
	 format('%s, %s亿', s.funded, round(s.cny / 1e8, 2))),
	('F11', '... of which raised over 1亿 / over 1000万', '6 / 29',
	 format('%s / %s', s.over_1yi, s.over_1000wan))
) AS f(figure, claim, article, computed);

-- F12: enclave incubators and the projects incubated in them
INSERT INTO article
SELECT 'F12', 'enclave incubators, and projects incubated there', '14, 143',
       computed, computed = '14, 143'
FROM (SELECT format('%s, %s', (SELECT count(*) FROM enclave_incubators),
                    (SELECT count(*) FROM projects WHERE incubator IS NOT NULL)) AS computed) x;

-- F13: new industry-university-research projects, Q1-Q3 2024
INSERT INTO article
SELECT 'F13', 'new IUR projects Q1-Q3 2024 in the Yangtze delta / with Shanghai', '815 / 167',
       computed, computed = '815 / 167'
FROM (SELECT format('%s / %s', count(*),
                    count(*) FILTER (WHERE partner_region = '上海')) AS computed
      FROM iur_projects
      WHERE signed_on BETWEEN '2024-01-01' AND '2024-09-30'
        AND partner_region IN ('上海', '江苏', '浙江', '安徽')) x;

-- F14: years from registration to high-tech status, as a distribution
INSERT INTO article
SELECT 'F14', 'years from registration to high-tech: typical, fastest',
       '5-8 years; fastest < 2 years',
       format('median %s years; fastest %s years', round(quantile(sk, 0.5)::numeric, 1),
              round(min_value(sk)::numeric, 1)),
       quantile(sk, 0.5) BETWEEN 5 AND 8 AND min_value(sk) < 2
FROM (SELECT quantile_sketch(time_to(history, 'registered', 'high_tech') / 365.25) AS sk
      FROM project_status) x;

-- F15: Qingyun's history, and its B round
INSERT INTO article
SELECT 'F15', 'Qingyun: registered, producing, high-tech; B round',
       '2021, 2022, 2023 (< 2 years); B轮 近2亿元',
       format('%s, %s, %s (%s days); %s', extract(year FROM first_reached(history, 'registered')),
              extract(year FROM first_reached(history, 'producing')),
              extract(year FROM first_reached(history, 'high_tech')),
              time_to(history, 'registered', 'high_tech'), b),
       first_reached(history, 'registered') BETWEEN '2021-01-01' AND '2021-12-31'
         AND first_reached(history, 'producing') BETWEEN '2022-01-01' AND '2022-12-31'
         AND first_reached(history, 'high_tech') BETWEEN '2023-01-01' AND '2023-12-31'
         AND time_to(history, 'registered', 'high_tech') < 730
         AND round_kind(b) = 'b' AND amount_high(b) = 200000000 AND is_fuzzy(b)
FROM project_status,
     LATERAL (SELECT round FROM funding_rounds r
              WHERE r.project_id = project_status.project_id
                AND round_kind(round) = 'b') AS q(b)
WHERE name = '江苏青昀新材料有限公司';

-- F16: Xiushi's Pre-A round
INSERT INTO article
SELECT 'F16', 'Xiushi: Pre-A round', 'Pre-A轮 近亿元', round::text,
       round_kind(round) = 'pre_a' AND amount_high(round) = 100000000 AND is_fuzzy(round)
FROM funding_rounds JOIN projects USING (project_id)
WHERE name = '修实生物医药（南通）有限公司' AND round_kind(round) = 'pre_a';

-- F17: Yuanshi's grant tranches that convert to equity (拨投结合)
INSERT INTO article
SELECT 'F17', 'Yuanshi: grant-to-equity tranches, total', '3 tranches, 3000万',
       format('%s tranches, %s万', k.rounds, round(k.total / 10000)),
       k.rounds = 3 AND k.total = 30000000
FROM (SELECT funding_stats(round) AS s FROM funding_rounds JOIN projects USING (project_id)
      WHERE name = '元始智能科技（南通）有限公司') x,
     kinds(x.s) AS k
WHERE k.kind = 'grant_to_equity' AND k.currency = 'CNY';

-- F18: Qingyun's market share and rank
INSERT INTO article
SELECT 'F18', 'Qingyun: national market share, rank', '14.11%, 2',
       computed, computed = '14.11%, 2'
FROM (SELECT format('%s%%, %s', round(100.0 * sales_wan / sum(sales_wan) OVER (), 2),
                    rank() OVER (ORDER BY sales_wan DESC)) AS computed, firm
      FROM market_sales WHERE market = '闪蒸法超材料' AND year = 2023) x
WHERE firm = '江苏青昀新材料有限公司';

\echo
\echo '== The article''s figures, computed from raw rows =='
SELECT figure, claim, article, computed, CASE WHEN matches THEN 'yes' ELSE 'NO' END AS match
FROM article
ORDER BY substring(figure FROM '[0-9]+')::int, figure;

SELECT format('%s of %s figures match', count(*) FILTER (WHERE matches), count(*)) AS summary
FROM article;

--------------------------------------------------------------------------------
-- Step 3. Beyond the article: per cluster.  GROUP BY ROLLUP adds the city row.
--------------------------------------------------------------------------------
\echo
\echo '== Stage funnel per cluster (projects at or beyond each rung) =='
SELECT coalesce(c.name_zh, '全市 city') AS cluster,
       total(f) AS projects,
       reached(f, 'registered') AS registered,
       reached(f, 'high_tech') AS high_tech,
       reached(f, 'above_scale') AS above_scale,
       reached(f, 'gazelle') AS "gazelle+",
       round(100 * conversion(f, 'registered', 'high_tech')::numeric, 1) AS "registered→high_tech %",
       round(100 * conversion(f, 'high_tech', 'above_scale')::numeric, 1) AS "high_tech→above_scale %"
FROM (SELECT cluster, funnel(stage) AS f FROM project_status GROUP BY ROLLUP (cluster)) s
LEFT JOIN clusters c USING (cluster)
ORDER BY s.cluster IS NULL, total(f) DESC;

\echo
\echo '== Equity raised per cluster, in 亿 CNY: low / point / high (fuzzy amounts kept as ranges) =='
SELECT coalesce(c.name_zh, '全市 city') AS cluster,
       rounds(s) AS rounds,
       rounds(s) - (SELECT sum(rounds(s, c)) FROM unnest(currencies(s)) AS c)
           AS "amount undisclosed",
       round(lower(total_range(s, 'CNY')) / 1e8, 2) AS low,
       round(total(s, 'CNY') / 1e8, 2) AS point,
       coalesce(round(upper(total_range(s, 'CNY')) / 1e8, 2)::text, 'open') AS high,
       rounds_over(s, 100000000, 'CNY') AS "rounds ≥ 1亿",
       rounds_over(s, 100000000, 'CNY', 'high') AS "maybe ≥ 1亿",
       (SELECT string_agg(format('%s %sM', c, round(total(s, c) / 1e6, 1)), ', ')
        FROM unnest(currencies(s)) AS c WHERE c <> 'CNY') AS "other currencies (not converted)"
FROM (SELECT p.cluster, funding_stats(r.round) AS s
      FROM funding_rounds r JOIN projects p USING (project_id)
      WHERE is_equity(r.round)
      GROUP BY ROLLUP (p.cluster)) x
LEFT JOIN clusters c USING (cluster)
ORDER BY x.cluster IS NULL, total(s, 'CNY') DESC;

-- Funding in CNY: a round in another currency is converted at the rate of its
-- announcement date, keeping its range (bounds rounded outward); a round with
-- no rate for its date stays NULL and is counted, never dropped silently.
CREATE VIEW rounds_cny AS
SELECT r.project_id, r.source, currency(r.round) AS announced_in,
       CASE WHEN currency(r.round) IS NULL OR currency(r.round) = 'CNY' THEN r.round
            ELSE convert(r.round, 'CNY', fx.cny) END AS round
FROM funding_rounds r
LEFT JOIN fx_rates fx ON fx.currency = currency(r.round)
     AND announced_on(r.round) >= fx.valid_from AND announced_on(r.round) < fx.valid_to;

\echo
\echo '== Equity raised per cluster in 亿 CNY, other currencies converted at the rate of the announcement date =='
SELECT coalesce(c.name_zh, '全市 city') AS cluster,
       rounds(s) AS rounds,
       round(lower(total_range(s, 'CNY')) / 1e8, 2) AS low,
       round(total(s, 'CNY') / 1e8, 2) AS point,
       coalesce(round(upper(total_range(s, 'CNY')) / 1e8, 2)::text, 'open') AS high,
       converted AS "converted",
       no_rate AS "no rate"
FROM (SELECT p.cluster, funding_stats(r.round) AS s,
             count(*) FILTER (WHERE r.announced_in <> 'CNY') AS converted,
             count(*) FILTER (WHERE r.round IS NULL) AS no_rate
      FROM rounds_cny r JOIN projects p USING (project_id)
      WHERE r.round IS NULL OR is_equity(r.round)
      GROUP BY ROLLUP (p.cluster)) x
LEFT JOIN clusters c USING (cluster)
ORDER BY x.cluster IS NULL, total(s, 'CNY') DESC NULLS LAST;

\echo
\echo '== All funding by round family, city-wide, in 亿 CNY (equity: venture and public_equity) =='
SELECT f.category AS family, sum(f.rounds) AS rounds, sum(f.disclosed) AS "amount known",
       round(sum(f.total) / 1e8, 2) AS "total 亿"
FROM families((SELECT funding_stats(round) FROM rounds_cny)) f
GROUP BY f.category
ORDER BY sum(f.total) DESC NULLS LAST, f.category;

\echo
\echo '== Years from registration to high-tech status per cluster, counting the projects still waiting (Kaplan-Meier, as of 2024-10-31) =='
SELECT coalesce(c.name_zh, '全市 city') AS cluster,
       event_count(sv) + censored_count(sv) AS registered,
       event_count(sv) AS high_tech,
       censored_count(sv) AS "still waiting",
       coalesce(round(survival_quantile(sv, 0.5) / 365.25, 1)::text, 'not reached') AS "median years",
       round(100 * reached_within(sv, '2 years')::numeric, 1) AS "≤2y %",
       round(100 * reached_within(sv, '5 years')::numeric, 1) AS "≤5y %",
       round(100 * reached_within(sv, '8 years')::numeric, 1) AS "≤8y %",
       round(quantile(sk, 0.5)::numeric, 1) AS "finishers' median",
       round(min_value(sk)::numeric, 1) AS fastest
FROM (SELECT cluster, stage_survival(history, 'registered', 'high_tech', '2024-10-31') AS sv,
             quantile_sketch(time_to(history, 'registered', 'high_tech') / 365.25) AS sk
      FROM project_status GROUP BY ROLLUP (cluster)) x
LEFT JOIN clusters c USING (cluster)
ORDER BY x.cluster IS NULL, reached_within(sv, '5 years') DESC;

-- Honours held: one designation_set per registered firm (its 高企
-- certificates, lists and batches), summarized per cluster by
-- designation_counts.  Honours are not rungs of one ladder: a firm can be
-- high-tech, 专精特新 and a gazelle at once, and the counts say how often.
CREATE VIEW project_honours AS
SELECT project_id, designation_set(designation) AS honours
FROM designations
WHERE project_id IS NOT NULL
GROUP BY project_id;

\echo
\echo '== Honours held together per cluster (firms of the register; "&": holding both) =='
SELECT coalesce(c.name_zh, '全市 city') AS cluster,
       projects(dc) AS "firms with honours",
       holders(dc, 'high_tech') AS "高企",
       holders(dc, 'specialized_sme', 'provincial') AS "省专精特新",
       holders(dc, 'little_giant', 'national') AS "国家小巨人",
       holders(dc, 'gazelle', 'provincial') AS "省瞪羚",
       coholders(dc, 'high_tech', 'specialized_sme') AS "高企 & 专精特新",
       coholders(dc, 'high_tech', 'gazelle') AS "高企 & 瞪羚",
       coholders(dc, 'specialized_sme', 'gazelle') AS "专精特新 & 瞪羚",
       coholders(dc, 'little_giant', 'gazelle') AS "小巨人 & 瞪羚"
FROM (SELECT p.cluster, designation_counts(h.honours) AS dc
      FROM project_honours h JOIN projects p USING (project_id)
      GROUP BY ROLLUP (p.cluster)) x
LEFT JOIN clusters c USING (cluster)
ORDER BY x.cluster IS NULL, projects(dc) DESC;

\echo
\echo '== 2024''s provincial gazelles in the register: how many are also high-tech, 专精特新, both =='
SELECT projects(dc) AS "2024 provincial gazelles",
       holders(dc, 'high_tech') AS "also 高企",
       holders(dc, 'specialized_sme') AS "also 专精特新",
       coholders(dc, 'high_tech', 'specialized_sme') AS "also both"
FROM (SELECT designation_counts(honours) AS dc FROM project_honours
      WHERE honours @> 'provincial gazelle 2024') x;

\echo
\echo '== High-tech certificates lapsing next year: valid in 2025, not renewed past it (as of 2024-10-31) =='
SELECT coalesce(c.name_zh, '全市 city') AS cluster,
       holders_valid(dc, 'high_tech', '2024-10-31') AS "高企 valid now",
       holders_valid(dc, 'high_tech', '2025-06-30') - holders_valid(dc, 'high_tech', '2026-06-30')
           AS "lapse end of 2025",
       holders_valid(dc, 'high_tech', '2024-10-31') - holders_valid(dc, 'high_tech', '2025-06-30')
           AS "lapse end of 2024"
FROM (SELECT p.cluster, designation_counts(h.honours) AS dc
      FROM project_honours h JOIN projects p USING (project_id)
      GROUP BY ROLLUP (p.cluster)) x
LEFT JOIN clusters c USING (cluster)
ORDER BY x.cluster IS NULL, holders_valid(dc, 'high_tech', '2024-10-31') DESC;

--------------------------------------------------------------------------------
-- Step 4. Store summaries per park; roll them up to districts and the city.
-- A park office refreshes its row; the city never rereads the raw rows.
--------------------------------------------------------------------------------
CREATE MATERIALIZED VIEW park_summary AS
SELECT s.district, s.park, funnel(s.stage) AS funnel,
       quantile_sketch(time_to(s.history, 'registered', 'high_tech') / 365.25) AS to_high_tech,
       (SELECT funding_stats(r.round)
        FROM funding_rounds r JOIN projects p USING (project_id)
        WHERE p.park = s.park AND is_equity(r.round)) AS equity
FROM project_status s
GROUP BY s.district, s.park;

\echo
\echo '== Park -> district -> city, rolled up from the stored park summaries =='
SELECT coalesce(d.name_zh, '全市 city') AS district,
       count(*) AS parks,
       total(rollup(funnel)) AS projects,
       reached(rollup(funnel), 'high_tech') AS high_tech,
       reached(rollup(funnel), 'above_scale') AS above_scale,
       round(total(rollup(equity), 'CNY') / 1e8, 2) AS "equity 亿",
       round(quantile(rollup(to_high_tech), 0.5)::numeric, 1) AS "median years to high_tech"
FROM park_summary LEFT JOIN districts d USING (district)
GROUP BY ROLLUP (d.name_zh)
ORDER BY d.name_zh IS NULL, total(rollup(funnel)) DESC;

\echo
\echo '== The city from stored park summaries equals the city from raw rows =='
SELECT (SELECT rollup(funnel) FROM park_summary)
           = (SELECT funnel(stage) FROM project_status) AS funnel_equal,
       (SELECT rollup(equity) FROM park_summary)
           = (SELECT funding_stats(round) FROM funding_rounds WHERE is_equity(round)) AS equity_equal,
       (SELECT rollup(to_high_tech) FROM park_summary)
           = (SELECT quantile_sketch(time_to(history, 'registered', 'high_tech') / 365.25)
              FROM project_status) AS sketch_equal;

--------------------------------------------------------------------------------
-- Step 5. Data quality: histories whose dates contradict the ladder are kept
-- as recorded; is_consistent() finds them.
--------------------------------------------------------------------------------
\echo
\echo '== Milestone records that contradict the ladder (kept as recorded) =='
SELECT project_id, name, stage,
       first_reached(history, 'tech_sme') AS tech_sme_on,
       first_reached(history, 'high_tech') AS high_tech_on
FROM project_status
WHERE NOT is_consistent(history)
ORDER BY project_id;
