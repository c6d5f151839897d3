-- test/demo/load.sql: the demo's tables, loaded from the raw rows in
-- test/demo/data/*.csv (made by test/demo/generate.py).  Run with psql from the
-- top of the source tree; `make demo` and the `demo` regression test do.
--
-- The tables are shaped the way a science bureau receives the data.  Stages,
-- funding rounds and designations arrive as text worded as in the source
-- documents ("高企", "規上", "B轮 近2亿元 2024年3月", "2024年省瞪羚企业"): the
-- columns of type project_stage, funding_round and designation parse them on
-- the way in, so a typo stops the load with an error instead of becoming a
-- wrong number.

CREATE TABLE districts (
	district    text PRIMARY KEY,
	name_zh     text NOT NULL
);
CREATE TABLE parks (
	park        text PRIMARY KEY,
	name_zh     text NOT NULL,
	district    text NOT NULL REFERENCES districts
);
CREATE TABLE clusters (
	cluster     text PRIMARY KEY,
	name_zh     text NOT NULL
);
CREATE TABLE enclave_incubators (       -- 飞地孵化器 in Shanghai and southern Jiangsu
	incubator   text PRIMARY KEY,
	name_zh     text NOT NULL,
	city        text NOT NULL,
	opened_on   date NOT NULL
);

-- the register of recognized sci-tech projects (科创项目)
CREATE TABLE projects (
	project_id      integer PRIMARY KEY,
	name            text NOT NULL,
	recognized_year integer NOT NULL,
	district        text NOT NULL REFERENCES districts,
	park            text NOT NULL REFERENCES parks,
	cluster         text NOT NULL REFERENCES clusters,
	manufacturing   boolean NOT NULL,
	future_track    text,                       -- one of the seven future-industry tracks
	incubator       text REFERENCES enclave_incubators
);

-- one row per stage a project reached, with the date it was reached
CREATE TABLE milestones (
	project_id  integer NOT NULL REFERENCES projects,
	stage       project_stage NOT NULL,
	reached_on  date NOT NULL
);

-- funding announcements as written; the parsed value sits next to the text
CREATE TABLE funding_rounds (
	project_id  integer NOT NULL REFERENCES projects,
	source      text NOT NULL,
	round       funding_round GENERATED ALWAYS AS (funding_round(source)) STORED
);

CREATE TABLE taxable_sales (            -- 应税销售额, from the tax bureau
	project_id  integer NOT NULL REFERENCES projects,
	period      text NOT NULL CHECK (period IN ('2023', '2024H1')),
	amount_yuan bigint NOT NULL,
	PRIMARY KEY (project_id, period)
);

CREATE TABLE iur_projects (             -- 产学研合作项目
	signed_on       date NOT NULL,
	partner         text NOT NULL,
	partner_region  text NOT NULL,      -- the partner's province-level region
	project_id      integer REFERENCES projects
);

-- designations (认定): honours as the lists and news items word them, with the
-- parsed value next to the text; the provincial lists cover the whole city
-- (firms outside the register too), the register's own honours are its firms'
CREATE TABLE designations (
	firm        text NOT NULL,
	source      text NOT NULL,
	designation designation GENERATED ALWAYS AS (designation(source)) STORED,
	project_id  integer REFERENCES projects
);

CREATE TABLE market_sales (
	market      text NOT NULL,
	firm        text NOT NULL,
	year        integer NOT NULL,
	sales_wan   bigint NOT NULL             -- 万元
);

-- rates into CNY, valid on [valid_from, valid_to): rounds in other
-- currencies are converted at the rate of their announcement date
CREATE TABLE fx_rates (
	currency    text NOT NULL,
	valid_from  date NOT NULL,
	valid_to    date NOT NULL,
	cny         numeric NOT NULL,           -- CNY per unit
	PRIMARY KEY (currency, valid_from)
);

\copy districts FROM 'test/demo/data/districts.csv' (FORMAT csv, HEADER)
\copy parks FROM 'test/demo/data/parks.csv' (FORMAT csv, HEADER)
\copy clusters FROM 'test/demo/data/clusters.csv' (FORMAT csv, HEADER)
\copy enclave_incubators FROM 'test/demo/data/enclave_incubators.csv' (FORMAT csv, HEADER)
\copy projects FROM 'test/demo/data/projects.csv' (FORMAT csv, HEADER)
\copy milestones FROM 'test/demo/data/milestones.csv' (FORMAT csv, HEADER)
\copy funding_rounds (project_id, source) FROM 'test/demo/data/funding_rounds.csv' (FORMAT csv, HEADER)
\copy taxable_sales FROM 'test/demo/data/taxable_sales.csv' (FORMAT csv, HEADER)
\copy iur_projects FROM 'test/demo/data/iur_projects.csv' (FORMAT csv, HEADER)
\copy designations (firm, source, project_id) FROM 'test/demo/data/designations.csv' (FORMAT csv, HEADER)
\copy market_sales FROM 'test/demo/data/market_sales.csv' (FORMAT csv, HEADER)
\copy fx_rates FROM 'test/demo/data/fx_rates.csv' (FORMAT csv, HEADER)

CREATE INDEX ON milestones (project_id);
CREATE INDEX ON funding_rounds (project_id);
CREATE INDEX ON designations (project_id);
ANALYZE;
