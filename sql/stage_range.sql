--
-- stage_range: a discrete range of stages, and GiST indexes on it
--

-- canonical form is [lower, upper), like int4range
SELECT r::text AS input, r::stage_range AS canonical
FROM (VALUES ('[registered,high_tech]'), ('[registered,high_tech)'), ('(registered,high_tech]'),
             ('(registered,high_tech)'), ('(pilot,incubating)'), ('[concept,concept]'),
             ('[unicorn,listed]'), ('(unicorn,listed]'), ('(listed,)'), ('[listed,)'),
             ('(,pilot]'), ('(,)'), ('empty'), ('[高企,瞪羚]')) AS v(r);
-- nothing lies below the first rung: (,concept) holds no stage, so it is empty,
-- and a multirange never keeps it
SELECT '(,concept)'::stage_range AS below_concept, isempty(stage_range(NULL, 'concept')) AS is_empty,
       '{(,concept),[listed,)}'::stage_multirange AS multirange,
       (SELECT range_agg(r) FROM unnest(ARRAY[stage_range('concept', 'concept', '(]'),
                                              stage_range(NULL, 'concept', '[)')]) r) AS aggregated;
SELECT '[registered,high_tech]'::stage_range = '[registered,above_scale)' AS same_range;
SELECT '[high_tech,registered]'::stage_range;

-- constructors and range operators
SELECT stage_range('registered', 'high_tech') AS default_bounds,
       stage_range('registered', 'high_tech', '[]') AS closed,
       lower(stage_range('registered', 'high_tech', '[]')),
       upper(stage_range('registered', 'high_tech', '[]'));
SELECT '[registered,high_tech)'::stage_range @> 'producing'::project_stage AS has_producing,
       '[registered,high_tech)'::stage_range @> 'high_tech'::project_stage AS has_high_tech,
       '[registered,high_tech)'::stage_range && '[tech_sme,listed]' AS overlaps,
       '[registered,high_tech)'::stage_range -|- '[high_tech,listed]' AS adjacent,
       '[registered,high_tech)'::stage_range + '[high_tech,listed]' AS "union",
       '[concept,listed]'::stage_range * '[tech_sme,gazelle)' AS intersection;

-- which stages a range covers
SELECT r, array_agg(l.stage ORDER BY l.rank) AS stages
FROM (VALUES ('[registered,high_tech]'::stage_range), ('(unicorn,)'), ('(,pilot)')) AS v(r)
JOIN stage_ladder() l ON v.r @> l.stage
GROUP BY r ORDER BY r;

-- multiranges (PostgreSQL 14 and later)
SELECT stage_multirange('[concept,pilot]', '[high_tech,gazelle]') @> 'above_scale'::project_stage AS in_multirange,
       range_agg(r) AS merged
FROM (VALUES ('[concept,pilot]'::stage_range), ('[incubating,registered]'), ('[unicorn,listed]')) AS v(r);

-- GiST: which projects' target stage windows cover a given stage
CREATE TABLE windows AS
SELECT g AS id,
       stage_range((SELECT array_agg(stage ORDER BY rank) FROM stage_ladder())[1 + abs(hashint4(g)) % 6],
                   (SELECT array_agg(stage ORDER BY rank) FROM stage_ladder())[7 + abs(hashint4(g + 7)) % 6])
           AS w
FROM generate_series(1, 20000) g;
CREATE TEMP TABLE expected AS
SELECT (SELECT count(*) FROM windows WHERE w @> 'high_tech'::project_stage) AS contains_high_tech,
       (SELECT count(*) FROM windows WHERE w && '[gazelle,listed]') AS overlaps_late,
       (SELECT count(*) FROM windows WHERE w <@ '[concept,above_scale]') AS within_early;
CREATE INDEX windows_gist ON windows USING gist (w);
ANALYZE windows;
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM windows WHERE w @> 'high_tech'::project_stage;
EXPLAIN (COSTS OFF) SELECT count(*) FROM windows WHERE w && '[gazelle,listed]';
SELECT (SELECT count(*) FROM windows WHERE w @> 'high_tech'::project_stage) = contains_high_tech AS contains_matches,
       (SELECT count(*) FROM windows WHERE w && '[gazelle,listed]') = overlaps_late AS overlaps_matches,
       (SELECT count(*) FROM windows WHERE w <@ '[concept,above_scale]') = within_early AS within_matches
FROM expected;
RESET enable_seqscan;

DROP TABLE windows;
