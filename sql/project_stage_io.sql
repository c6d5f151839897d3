--
-- project_stage: text input and output, every label and alias, errors
--

-- a helper that runs a statement and reports its SQLSTATE and message
CREATE FUNCTION pg_temp.try(stmt text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE stmt;
	RETURN 'ok';
EXCEPTION WHEN others THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- the ladder, in order
SELECT * FROM stage_ladder();

-- each canonical label reads back as itself
SELECT stage::text AS label, stage::text::project_stage = stage AS round_trip,
       stage_name_zh(stage)::project_stage = stage AS zh_round_trip
FROM stage_ladder();

-- every accepted spelling (the table in doc/project_stage.md)
CREATE TEMP TABLE aliases (spelling text, expected text);
INSERT INTO aliases VALUES
	('concept', 'concept'),
	('proof_of_concept', 'concept'),
	('poc', 'concept'),
	('概念验证', 'concept'),
	('概念驗證', 'concept'),
	('原理验证', 'concept'),
	('原理驗證', 'concept'),
	('概念', 'concept'),
	('pilot', 'pilot'),
	('pilot_production', 'pilot'),
	('pilot_scale', 'pilot'),
	('中试', 'pilot'),
	('中試', 'pilot'),
	('中试验证', 'pilot'),
	('中試驗證', 'pilot'),
	('中试放大', 'pilot'),
	('中試放大', 'pilot'),
	('工程化', 'pilot'),
	('熟化', 'pilot'),
	('incubating', 'incubating'),
	('incubation', 'incubating'),
	('incubated', 'incubating'),
	('孵化', 'incubating'),
	('在孵', 'incubating'),
	('孵化中', 'incubating'),
	('registered', 'registered'),
	('registration', 'registered'),
	('incorporated', 'registered'),
	('landed', 'registered'),
	('落户/注册', 'registered'),
	('落戶/註冊', 'registered'),
	('落户', 'registered'),
	('落戶', 'registered'),
	('注册', 'registered'),
	('註冊', 'registered'),
	('落户注册', 'registered'),
	('落戶註冊', 'registered'),
	('注册落户', 'registered'),
	('註冊落戶', 'registered'),
	('设立', 'registered'),
	('設立', 'registered'),
	('producing', 'producing'),
	('production', 'producing'),
	('in_production', 'producing'),
	('mass_production', 'producing'),
	('投产', 'producing'),
	('投產', 'producing'),
	('量产', 'producing'),
	('量產', 'producing'),
	('产业化', 'producing'),
	('產業化', 'producing'),
	('tech_sme', 'tech_sme'),
	('technology_based_sme', 'tech_sme'),
	('tech_based_sme', 'tech_sme'),
	('科技型中小企业', 'tech_sme'),
	('科技型中小企業', 'tech_sme'),
	('科小', 'tech_sme'),
	('high_tech', 'high_tech'),
	('hightech', 'high_tech'),
	('high_tech_enterprise', 'high_tech'),
	('high_and_new_technology_enterprise', 'high_tech'),
	('hnte', 'high_tech'),
	('高新技术企业', 'high_tech'),
	('高新技術企業', 'high_tech'),
	('国家高新技术企业', 'high_tech'),
	('國家高新技術企業', 'high_tech'),
	('高新企业', 'high_tech'),
	('高新企業', 'high_tech'),
	('高企', 'high_tech'),
	('above_scale', 'above_scale'),
	('above_designated_size', 'above_scale'),
	('规模以上企业', 'above_scale'),
	('規模以上企業', 'above_scale'),
	('规模以上', 'above_scale'),
	('規模以上', 'above_scale'),
	('规上企业', 'above_scale'),
	('規上企業', 'above_scale'),
	('规上', 'above_scale'),
	('規上', 'above_scale'),
	('gazelle', 'gazelle'),
	('瞪羚企业', 'gazelle'),
	('瞪羚企業', 'gazelle'),
	('瞪羚', 'gazelle'),
	('省瞪羚企业', 'gazelle'),
	('省瞪羚企業', 'gazelle'),
	('potential_unicorn', 'potential_unicorn'),
	('潜在独角兽', 'potential_unicorn'),
	('潛在獨角獸', 'potential_unicorn'),
	('潜在独角兽企业', 'potential_unicorn'),
	('潛在獨角獸企業', 'potential_unicorn'),
	('省潜在独角兽企业', 'potential_unicorn'),
	('省潛在獨角獸企業', 'potential_unicorn'),
	('unicorn', 'unicorn'),
	('独角兽', 'unicorn'),
	('獨角獸', 'unicorn'),
	('独角兽企业', 'unicorn'),
	('獨角獸企業', 'unicorn'),
	('省独角兽企业', 'unicorn'),
	('省獨角獸企業', 'unicorn'),
	('listed', 'listed'),
	('listed_company', 'listed'),
	('上市', 'listed'),
	('上市企业', 'listed'),
	('上市企業', 'listed'),
	('上市公司', 'listed');
SELECT count(*) AS spellings,
       count(*) FILTER (WHERE spelling::project_stage = expected::project_stage) AS matching
FROM aliases;
SELECT expected, string_agg(spelling, ', ') AS spellings
FROM aliases GROUP BY expected ORDER BY expected::project_stage;

-- case, '-', '_', spaces, full-width forms and surrounding blanks do not matter
SELECT input, input::project_stage AS stage
FROM (VALUES ('High-Tech'), ('high tech'), ('HIGH_TECH'), ('  high - tech  '),
             ('Proof of Concept'), ('POC'), ('ＰＯＣ'), ('Potential-Unicorn'),
             ('Tech SME'), ('Above Designated Size'), (E'\u3000高企\u3000'),
             ('高新技術企業'), ('潛在獨角獸'), ('概念驗證'), ('註冊')) AS v(input);

-- output is always the canonical English label; Chinese names on request
SELECT 'in production'::project_stage AS stage, stage_name_zh('in production');
SELECT stage, stage_name_zh(stage) FROM stage_ladder();

-- errors: 22P02, the input quoted, a hint naming the closest label
SELECT 'hightec'::project_stage;
SELECT 'unicron'::project_stage;
SELECT '高新技术'::project_stage;
SELECT ''::project_stage;
SELECT 'no such stage'::project_stage;
SELECT project_stage('incubatr');
SELECT left(input, 20) AS input, left(pg_temp.try(format('SELECT %L::project_stage', input)), 80) AS result
FROM (VALUES ('hightec'), (''), ('   '), ('high tech x'), ('high_tech!'),
             ('1'), ('concept pilot'), (repeat('x', 1000))) AS v(input);

-- NULL in, NULL out
SELECT NULL::project_stage AS s, stage_rank(NULL), stage_name_zh(NULL), stage_next(NULL);

-- casts: text and varchar (assignment), and back to text
SELECT 'gazelle'::text::project_stage, 'gazelle'::varchar::project_stage,
       'gazelle'::project_stage::text, text('gazelle'::project_stage),
       project_stage('瞪羚');
CREATE TEMP TABLE cast_target (s project_stage, t text);
INSERT INTO cast_target VALUES ('unicorn'::text, 'listed'::project_stage);
INSERT INTO cast_target VALUES ('独角兽'::varchar, NULL);
SELECT * FROM cast_target;
INSERT INTO cast_target VALUES ('unicorns'::text, NULL);

-- ranks, next and previous
SELECT stage, stage_rank(stage), stage_prev(stage), stage_next(stage) FROM stage_ladder();
