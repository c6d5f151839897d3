-- After the update to 0.2.0 (test/release/upgrade-dump.sh): the types,
-- summaries and index kinds 0.2.0 added, beside 0.1.0's, so that dump and
-- restore carry them too.  Deterministic, as test/release/fill.sql.
SET client_min_messages = warning;

-- round_kind (btree, hash) and funding_round under 0.2.0's default GiST class
CREATE TABLE rounds_020 (id int PRIMARY KEY, kind round_kind, kind_hash round_kind, r funding_round);
INSERT INTO rounds_020
SELECT id, round_kind(r), round_kind(r), r FROM projects WHERE r IS NOT NULL;
CREATE INDEX rounds_020_kind_btree ON rounds_020 USING btree (kind);
CREATE INDEX rounds_020_kind_hash ON rounds_020 USING hash (kind_hash);
CREATE INDEX rounds_020_r_gist ON rounds_020 USING gist (r);

-- stage_survival, per park, as a materialized view
CREATE MATERIALIZED VIEW survival_020 AS
SELECT p.park, stage_survival(h.h, 'registered', 'high_tech', date '2025-01-01') AS survival,
       funding_stats(p.r) AS funding
FROM projects p JOIN project_histories h ON h.project = p.id
GROUP BY p.park;
CREATE VIEW survival_by_district_020 AS
SELECT s.district, rollup(v.survival) AS survival, survival_quantile(rollup(v.survival), 0.5) AS median_days
FROM survival_020 v JOIN (SELECT DISTINCT park, district FROM park_summaries) s USING (park)
GROUP BY s.district;

-- the summaries' btree and hash operator classes (0.2.0)
CREATE TABLE summary_keys_020 AS
SELECT row_number() OVER (ORDER BY s.park)::int AS id, s.funnel, s.history, s.amounts, s.funding,
       v.survival, s.funnel AS funnel_h, s.history AS history_h, s.amounts AS amounts_h,
       s.funding AS funding_h, v.survival AS survival_h
FROM park_summaries s JOIN survival_020 v USING (park);
CREATE INDEX ON summary_keys_020 USING btree (funnel);
CREATE INDEX ON summary_keys_020 USING btree (history);
CREATE INDEX ON summary_keys_020 USING btree (amounts);
CREATE INDEX ON summary_keys_020 USING btree (funding);
CREATE INDEX ON summary_keys_020 USING btree (survival);
CREATE INDEX ON summary_keys_020 USING hash (funnel_h);
CREATE INDEX ON summary_keys_020 USING hash (history_h);
CREATE INDEX ON summary_keys_020 USING hash (amounts_h);
CREATE INDEX ON summary_keys_020 USING hash (funding_h);
CREATE INDEX ON summary_keys_020 USING hash (survival_h);

-- designations (btree, hash), one designation_set per project and
-- designation_counts per park
CREATE TABLE honours_020 (id int PRIMARY KEY, project int, d designation, d_hash designation);
INSERT INTO honours_020
SELECT g, 1 + g % 700, v.d, v.d
FROM generate_series(1, 3000) g,
     LATERAL (SELECT designation(format('%s %s %s', (ARRAY['national high_tech', 'provincial gazelle',
                  'provincial specialized_sme', 'national little_giant', 'municipal tech_leader'])[1 + g % 5],
                  2010 + g % 15, CASE WHEN g % 7 = 0 THEN 'batch ' || (1 + g % 6) ELSE '' END)) AS d) v;
CREATE INDEX honours_020_d_btree ON honours_020 USING btree (d);
CREATE INDEX honours_020_d_hash ON honours_020 USING hash (d_hash);
CREATE MATERIALIZED VIEW honour_counts_020 AS
SELECT project % 10 AS park, designation_counts(s) AS counts, rollup(s) AS honours
FROM (SELECT project, designation_set(d) AS s FROM honours_020 GROUP BY project) x
GROUP BY project % 10;
VACUUM ANALYZE rounds_020, summary_keys_020, honours_020;
