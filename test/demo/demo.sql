-- The innovation demo report.  Run by `make demo` in a throwaway cluster;
-- every query here works on your own tables with the same shape.

CREATE EXTENSION innovation;
\pset footer off

\echo
\echo '== The growth ladder (project_stage) =='
SELECT rank, stage, name_zh FROM stage_ladder();

-- A few projects, with stages written the way source documents write them:
-- English labels in any case, Chinese names, traditional characters.
CREATE TABLE projects (
	name    text PRIMARY KEY,
	park    text NOT NULL,
	stage   project_stage NOT NULL
);
INSERT INTO projects VALUES
	('Qingyun New Materials', 'Development Zone', '高新技术企业'),
	('Xiushi Bio',            'Baoyue Lake',      'registered'),
	('Yuanshi',               'Baoyue Lake',      '中试'),
	('Haoyang Photonics',     'Development Zone', '規上'),
	('Lanxin Storage',        'Development Zone', 'producing'),
	('Zhuoyue Drones',        'North Park',       'gazelle'),
	('Xingchen AI',           'North Park',       'incubating'),
	('Shenlan Marine',        'North Park',       'High-Tech'),
	('Ruikang Cell',          'Baoyue Lake',      'proof of concept'),
	('Hengtong Semis',        'Development Zone', '潜在独角兽');

\echo
\echo '== Projects by park, furthest stage first =='
SELECT park, name, stage, stage_name_zh(stage) AS 中文
FROM projects ORDER BY park, stage DESC, name;

\echo
\echo '== Funnel: projects at or beyond each rung, and conversion from the rung before =='
SELECT l.rank, l.stage,
       count(p.name) AS reached,
       round(100.0 * count(p.name) / nullif(lag(count(p.name)) OVER (ORDER BY l.rank), 0), 1)
           AS "conversion %"
FROM stage_ladder() l
LEFT JOIN projects p ON p.stage >= l.stage
GROUP BY l.rank, l.stage
ORDER BY l.rank;

\echo
\echo '== The same funnel per park, for the rungs the article reports =='
SELECT CASE WHEN grouping(park) = 1 THEN '(all parks)' ELSE park END AS park,
       count(*) AS projects,
       count(*) FILTER (WHERE stage >= 'high_tech') AS "high_tech+",
       count(*) FILTER (WHERE stage >= 'above_scale') AS "above_scale+"
FROM projects GROUP BY ROLLUP (park) ORDER BY grouping(park), park;
