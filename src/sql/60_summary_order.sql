
--
-- Summaries behave like values (0.2.0): DISTINCT, GROUP BY, UNION, IN and
-- indexes work on every summary type.  The order is that of the stored
-- bytes: arbitrary but stable; the hash, of the binary form, is the same on
-- every machine.  ANALYZE skips summary columns (no query filters on them).
--

CREATE FUNCTION @extschema@.summary_typanalyze(internal)
RETURNS boolean AS 'MODULE_PATHNAME', 'inno_summary_typanalyze' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.summary_typanalyze(internal) IS
'ANALYZE support of the summary types: no statistics (no query filters on a summary)';

-- stage_funnel

ALTER TYPE @extschema@.stage_funnel SET (ANALYZE = @extschema@.summary_typanalyze);

CREATE FUNCTION @extschema@.stage_funnel_lt(@extschema@.stage_funnel, @extschema@.stage_funnel)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stage_funnel_le(@extschema@.stage_funnel, @extschema@.stage_funnel)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stage_funnel_ge(@extschema@.stage_funnel, @extschema@.stage_funnel)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stage_funnel_gt(@extschema@.stage_funnel, @extschema@.stage_funnel)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stage_funnel_cmp(@extschema@.stage_funnel, @extschema@.stage_funnel)
RETURNS integer AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.hash_stage_funnel(@extschema@.stage_funnel)
RETURNS integer AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.hash_stage_funnel_extended(@extschema@.stage_funnel, bigint)
RETURNS bigint AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.stage_funnel_lt(@extschema@.stage_funnel, @extschema@.stage_funnel) IS 'implementation of < operator';
COMMENT ON FUNCTION @extschema@.stage_funnel_le(@extschema@.stage_funnel, @extschema@.stage_funnel) IS 'implementation of <= operator';
COMMENT ON FUNCTION @extschema@.stage_funnel_ge(@extschema@.stage_funnel, @extschema@.stage_funnel) IS 'implementation of >= operator';
COMMENT ON FUNCTION @extschema@.stage_funnel_gt(@extschema@.stage_funnel, @extschema@.stage_funnel) IS 'implementation of > operator';
COMMENT ON FUNCTION @extschema@.stage_funnel_cmp(@extschema@.stage_funnel, @extschema@.stage_funnel) IS 'less-equal-greater, in the order of the stored bytes';
COMMENT ON FUNCTION @extschema@.hash_stage_funnel(@extschema@.stage_funnel) IS 'hash of the binary form';
COMMENT ON FUNCTION @extschema@.hash_stage_funnel_extended(@extschema@.stage_funnel, bigint) IS 'hash of the binary form with seed';

CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.stage_funnel, RIGHTARG = @extschema@.stage_funnel, FUNCTION = @extschema@.stage_funnel_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.stage_funnel, RIGHTARG = @extschema@.stage_funnel, FUNCTION = @extschema@.stage_funnel_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.stage_funnel, RIGHTARG = @extschema@.stage_funnel, FUNCTION = @extschema@.stage_funnel_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.stage_funnel, RIGHTARG = @extschema@.stage_funnel, FUNCTION = @extschema@.stage_funnel_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
COMMENT ON OPERATOR @extschema@.< (@extschema@.stage_funnel, @extschema@.stage_funnel) IS 'in the order of the stored bytes (arbitrary but stable)';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.stage_funnel, @extschema@.stage_funnel) IS 'in the order of the stored bytes (arbitrary but stable)';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.stage_funnel, @extschema@.stage_funnel) IS 'in the order of the stored bytes (arbitrary but stable)';
COMMENT ON OPERATOR @extschema@.> (@extschema@.stage_funnel, @extschema@.stage_funnel) IS 'in the order of the stored bytes (arbitrary but stable)';

CREATE OPERATOR CLASS @extschema@.stage_funnel_ops
DEFAULT FOR TYPE @extschema@.stage_funnel USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.stage_funnel_cmp(@extschema@.stage_funnel, @extschema@.stage_funnel);
CREATE OPERATOR CLASS @extschema@.stage_funnel_ops
DEFAULT FOR TYPE @extschema@.stage_funnel USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.hash_stage_funnel(@extschema@.stage_funnel),
	FUNCTION 2 @extschema@.hash_stage_funnel_extended(@extschema@.stage_funnel, bigint);

COMMENT ON OPERATOR CLASS @extschema@.stage_funnel_ops USING btree IS 'the order of the stored bytes';
COMMENT ON OPERATOR FAMILY @extschema@.stage_funnel_ops USING btree IS 'the order of the stored bytes';
COMMENT ON OPERATOR CLASS @extschema@.stage_funnel_ops USING hash IS 'hash of the binary form';
COMMENT ON OPERATOR FAMILY @extschema@.stage_funnel_ops USING hash IS 'hash of the binary form';

-- stage_history

ALTER TYPE @extschema@.stage_history SET (ANALYZE = @extschema@.summary_typanalyze);

CREATE FUNCTION @extschema@.stage_history_lt(@extschema@.stage_history, @extschema@.stage_history)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stage_history_le(@extschema@.stage_history, @extschema@.stage_history)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stage_history_ge(@extschema@.stage_history, @extschema@.stage_history)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stage_history_gt(@extschema@.stage_history, @extschema@.stage_history)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stage_history_cmp(@extschema@.stage_history, @extschema@.stage_history)
RETURNS integer AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.hash_stage_history(@extschema@.stage_history)
RETURNS integer AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.hash_stage_history_extended(@extschema@.stage_history, bigint)
RETURNS bigint AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.stage_history_lt(@extschema@.stage_history, @extschema@.stage_history) IS 'implementation of < operator';
COMMENT ON FUNCTION @extschema@.stage_history_le(@extschema@.stage_history, @extschema@.stage_history) IS 'implementation of <= operator';
COMMENT ON FUNCTION @extschema@.stage_history_ge(@extschema@.stage_history, @extschema@.stage_history) IS 'implementation of >= operator';
COMMENT ON FUNCTION @extschema@.stage_history_gt(@extschema@.stage_history, @extschema@.stage_history) IS 'implementation of > operator';
COMMENT ON FUNCTION @extschema@.stage_history_cmp(@extschema@.stage_history, @extschema@.stage_history) IS 'less-equal-greater, in the order of the stored bytes';
COMMENT ON FUNCTION @extschema@.hash_stage_history(@extschema@.stage_history) IS 'hash of the binary form';
COMMENT ON FUNCTION @extschema@.hash_stage_history_extended(@extschema@.stage_history, bigint) IS 'hash of the binary form with seed';

CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.stage_history, RIGHTARG = @extschema@.stage_history, FUNCTION = @extschema@.stage_history_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.stage_history, RIGHTARG = @extschema@.stage_history, FUNCTION = @extschema@.stage_history_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.stage_history, RIGHTARG = @extschema@.stage_history, FUNCTION = @extschema@.stage_history_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.stage_history, RIGHTARG = @extschema@.stage_history, FUNCTION = @extschema@.stage_history_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
COMMENT ON OPERATOR @extschema@.< (@extschema@.stage_history, @extschema@.stage_history) IS 'in the order of the stored bytes (arbitrary but stable)';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.stage_history, @extschema@.stage_history) IS 'in the order of the stored bytes (arbitrary but stable)';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.stage_history, @extschema@.stage_history) IS 'in the order of the stored bytes (arbitrary but stable)';
COMMENT ON OPERATOR @extschema@.> (@extschema@.stage_history, @extschema@.stage_history) IS 'in the order of the stored bytes (arbitrary but stable)';

CREATE OPERATOR CLASS @extschema@.stage_history_ops
DEFAULT FOR TYPE @extschema@.stage_history USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.stage_history_cmp(@extschema@.stage_history, @extschema@.stage_history);
CREATE OPERATOR CLASS @extschema@.stage_history_ops
DEFAULT FOR TYPE @extschema@.stage_history USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.hash_stage_history(@extschema@.stage_history),
	FUNCTION 2 @extschema@.hash_stage_history_extended(@extschema@.stage_history, bigint);

COMMENT ON OPERATOR CLASS @extschema@.stage_history_ops USING btree IS 'the order of the stored bytes';
COMMENT ON OPERATOR FAMILY @extschema@.stage_history_ops USING btree IS 'the order of the stored bytes';
COMMENT ON OPERATOR CLASS @extschema@.stage_history_ops USING hash IS 'hash of the binary form';
COMMENT ON OPERATOR FAMILY @extschema@.stage_history_ops USING hash IS 'hash of the binary form';

-- quantile_sketch

ALTER TYPE @extschema@.quantile_sketch SET (ANALYZE = @extschema@.summary_typanalyze);

CREATE FUNCTION @extschema@.quantile_sketch_lt(@extschema@.quantile_sketch, @extschema@.quantile_sketch)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.quantile_sketch_le(@extschema@.quantile_sketch, @extschema@.quantile_sketch)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.quantile_sketch_ge(@extschema@.quantile_sketch, @extschema@.quantile_sketch)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.quantile_sketch_gt(@extschema@.quantile_sketch, @extschema@.quantile_sketch)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.quantile_sketch_cmp(@extschema@.quantile_sketch, @extschema@.quantile_sketch)
RETURNS integer AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.hash_quantile_sketch(@extschema@.quantile_sketch)
RETURNS integer AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.hash_quantile_sketch_extended(@extschema@.quantile_sketch, bigint)
RETURNS bigint AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.quantile_sketch_lt(@extschema@.quantile_sketch, @extschema@.quantile_sketch) IS 'implementation of < operator';
COMMENT ON FUNCTION @extschema@.quantile_sketch_le(@extschema@.quantile_sketch, @extschema@.quantile_sketch) IS 'implementation of <= operator';
COMMENT ON FUNCTION @extschema@.quantile_sketch_ge(@extschema@.quantile_sketch, @extschema@.quantile_sketch) IS 'implementation of >= operator';
COMMENT ON FUNCTION @extschema@.quantile_sketch_gt(@extschema@.quantile_sketch, @extschema@.quantile_sketch) IS 'implementation of > operator';
COMMENT ON FUNCTION @extschema@.quantile_sketch_cmp(@extschema@.quantile_sketch, @extschema@.quantile_sketch) IS 'less-equal-greater, in the order of the stored bytes';
COMMENT ON FUNCTION @extschema@.hash_quantile_sketch(@extschema@.quantile_sketch) IS 'hash of the binary form';
COMMENT ON FUNCTION @extschema@.hash_quantile_sketch_extended(@extschema@.quantile_sketch, bigint) IS 'hash of the binary form with seed';

CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.quantile_sketch, RIGHTARG = @extschema@.quantile_sketch, FUNCTION = @extschema@.quantile_sketch_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.quantile_sketch, RIGHTARG = @extschema@.quantile_sketch, FUNCTION = @extschema@.quantile_sketch_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.quantile_sketch, RIGHTARG = @extschema@.quantile_sketch, FUNCTION = @extschema@.quantile_sketch_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.quantile_sketch, RIGHTARG = @extschema@.quantile_sketch, FUNCTION = @extschema@.quantile_sketch_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
COMMENT ON OPERATOR @extschema@.< (@extschema@.quantile_sketch, @extschema@.quantile_sketch) IS 'in the order of the stored bytes (arbitrary but stable)';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.quantile_sketch, @extschema@.quantile_sketch) IS 'in the order of the stored bytes (arbitrary but stable)';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.quantile_sketch, @extschema@.quantile_sketch) IS 'in the order of the stored bytes (arbitrary but stable)';
COMMENT ON OPERATOR @extschema@.> (@extschema@.quantile_sketch, @extschema@.quantile_sketch) IS 'in the order of the stored bytes (arbitrary but stable)';

CREATE OPERATOR CLASS @extschema@.quantile_sketch_ops
DEFAULT FOR TYPE @extschema@.quantile_sketch USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.quantile_sketch_cmp(@extschema@.quantile_sketch, @extschema@.quantile_sketch);
CREATE OPERATOR CLASS @extschema@.quantile_sketch_ops
DEFAULT FOR TYPE @extschema@.quantile_sketch USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.hash_quantile_sketch(@extschema@.quantile_sketch),
	FUNCTION 2 @extschema@.hash_quantile_sketch_extended(@extschema@.quantile_sketch, bigint);

COMMENT ON OPERATOR CLASS @extschema@.quantile_sketch_ops USING btree IS 'the order of the stored bytes';
COMMENT ON OPERATOR FAMILY @extschema@.quantile_sketch_ops USING btree IS 'the order of the stored bytes';
COMMENT ON OPERATOR CLASS @extschema@.quantile_sketch_ops USING hash IS 'hash of the binary form';
COMMENT ON OPERATOR FAMILY @extschema@.quantile_sketch_ops USING hash IS 'hash of the binary form';

-- funding_stats

ALTER TYPE @extschema@.funding_stats SET (ANALYZE = @extschema@.summary_typanalyze);

CREATE FUNCTION @extschema@.funding_stats_lt(@extschema@.funding_stats, @extschema@.funding_stats)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_stats_le(@extschema@.funding_stats, @extschema@.funding_stats)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_stats_ge(@extschema@.funding_stats, @extschema@.funding_stats)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_stats_gt(@extschema@.funding_stats, @extschema@.funding_stats)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funding_stats_cmp(@extschema@.funding_stats, @extschema@.funding_stats)
RETURNS integer AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.hash_funding_stats(@extschema@.funding_stats)
RETURNS integer AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.hash_funding_stats_extended(@extschema@.funding_stats, bigint)
RETURNS bigint AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.funding_stats_lt(@extschema@.funding_stats, @extschema@.funding_stats) IS 'implementation of < operator';
COMMENT ON FUNCTION @extschema@.funding_stats_le(@extschema@.funding_stats, @extschema@.funding_stats) IS 'implementation of <= operator';
COMMENT ON FUNCTION @extschema@.funding_stats_ge(@extschema@.funding_stats, @extschema@.funding_stats) IS 'implementation of >= operator';
COMMENT ON FUNCTION @extschema@.funding_stats_gt(@extschema@.funding_stats, @extschema@.funding_stats) IS 'implementation of > operator';
COMMENT ON FUNCTION @extschema@.funding_stats_cmp(@extschema@.funding_stats, @extschema@.funding_stats) IS 'less-equal-greater, in the order of the stored bytes';
COMMENT ON FUNCTION @extschema@.hash_funding_stats(@extschema@.funding_stats) IS 'hash of the binary form';
COMMENT ON FUNCTION @extschema@.hash_funding_stats_extended(@extschema@.funding_stats, bigint) IS 'hash of the binary form with seed';

CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.funding_stats, RIGHTARG = @extschema@.funding_stats, FUNCTION = @extschema@.funding_stats_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.funding_stats, RIGHTARG = @extschema@.funding_stats, FUNCTION = @extschema@.funding_stats_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.funding_stats, RIGHTARG = @extschema@.funding_stats, FUNCTION = @extschema@.funding_stats_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.funding_stats, RIGHTARG = @extschema@.funding_stats, FUNCTION = @extschema@.funding_stats_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
COMMENT ON OPERATOR @extschema@.< (@extschema@.funding_stats, @extschema@.funding_stats) IS 'in the order of the stored bytes (arbitrary but stable)';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.funding_stats, @extschema@.funding_stats) IS 'in the order of the stored bytes (arbitrary but stable)';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.funding_stats, @extschema@.funding_stats) IS 'in the order of the stored bytes (arbitrary but stable)';
COMMENT ON OPERATOR @extschema@.> (@extschema@.funding_stats, @extschema@.funding_stats) IS 'in the order of the stored bytes (arbitrary but stable)';

CREATE OPERATOR CLASS @extschema@.funding_stats_ops
DEFAULT FOR TYPE @extschema@.funding_stats USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.funding_stats_cmp(@extschema@.funding_stats, @extschema@.funding_stats);
CREATE OPERATOR CLASS @extschema@.funding_stats_ops
DEFAULT FOR TYPE @extschema@.funding_stats USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.hash_funding_stats(@extschema@.funding_stats),
	FUNCTION 2 @extschema@.hash_funding_stats_extended(@extschema@.funding_stats, bigint);

COMMENT ON OPERATOR CLASS @extschema@.funding_stats_ops USING btree IS 'the order of the stored bytes';
COMMENT ON OPERATOR FAMILY @extschema@.funding_stats_ops USING btree IS 'the order of the stored bytes';
COMMENT ON OPERATOR CLASS @extschema@.funding_stats_ops USING hash IS 'hash of the binary form';
COMMENT ON OPERATOR FAMILY @extschema@.funding_stats_ops USING hash IS 'hash of the binary form';

-- stage_survival

ALTER TYPE @extschema@.stage_survival SET (ANALYZE = @extschema@.summary_typanalyze);

CREATE FUNCTION @extschema@.stage_survival_lt(@extschema@.stage_survival, @extschema@.stage_survival)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stage_survival_le(@extschema@.stage_survival, @extschema@.stage_survival)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stage_survival_ge(@extschema@.stage_survival, @extschema@.stage_survival)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stage_survival_gt(@extschema@.stage_survival, @extschema@.stage_survival)
RETURNS boolean AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.stage_survival_cmp(@extschema@.stage_survival, @extschema@.stage_survival)
RETURNS integer AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.hash_stage_survival(@extschema@.stage_survival)
RETURNS integer AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.hash_stage_survival_extended(@extschema@.stage_survival, bigint)
RETURNS bigint AS 'MODULE_PATHNAME' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.stage_survival_lt(@extschema@.stage_survival, @extschema@.stage_survival) IS 'implementation of < operator';
COMMENT ON FUNCTION @extschema@.stage_survival_le(@extschema@.stage_survival, @extschema@.stage_survival) IS 'implementation of <= operator';
COMMENT ON FUNCTION @extschema@.stage_survival_ge(@extschema@.stage_survival, @extschema@.stage_survival) IS 'implementation of >= operator';
COMMENT ON FUNCTION @extschema@.stage_survival_gt(@extschema@.stage_survival, @extschema@.stage_survival) IS 'implementation of > operator';
COMMENT ON FUNCTION @extschema@.stage_survival_cmp(@extschema@.stage_survival, @extschema@.stage_survival) IS 'less-equal-greater, in the order of the stored bytes';
COMMENT ON FUNCTION @extschema@.hash_stage_survival(@extschema@.stage_survival) IS 'hash of the binary form';
COMMENT ON FUNCTION @extschema@.hash_stage_survival_extended(@extschema@.stage_survival, bigint) IS 'hash of the binary form with seed';

CREATE OPERATOR @extschema@.< (
	LEFTARG = @extschema@.stage_survival, RIGHTARG = @extschema@.stage_survival, FUNCTION = @extschema@.stage_survival_lt,
	COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
	RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
CREATE OPERATOR @extschema@.<= (
	LEFTARG = @extschema@.stage_survival, RIGHTARG = @extschema@.stage_survival, FUNCTION = @extschema@.stage_survival_le,
	COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
	RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
CREATE OPERATOR @extschema@.>= (
	LEFTARG = @extschema@.stage_survival, RIGHTARG = @extschema@.stage_survival, FUNCTION = @extschema@.stage_survival_ge,
	COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
	RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
CREATE OPERATOR @extschema@.> (
	LEFTARG = @extschema@.stage_survival, RIGHTARG = @extschema@.stage_survival, FUNCTION = @extschema@.stage_survival_gt,
	COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
	RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
COMMENT ON OPERATOR @extschema@.< (@extschema@.stage_survival, @extschema@.stage_survival) IS 'in the order of the stored bytes (arbitrary but stable)';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.stage_survival, @extschema@.stage_survival) IS 'in the order of the stored bytes (arbitrary but stable)';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.stage_survival, @extschema@.stage_survival) IS 'in the order of the stored bytes (arbitrary but stable)';
COMMENT ON OPERATOR @extschema@.> (@extschema@.stage_survival, @extschema@.stage_survival) IS 'in the order of the stored bytes (arbitrary but stable)';

CREATE OPERATOR CLASS @extschema@.stage_survival_ops
DEFAULT FOR TYPE @extschema@.stage_survival USING btree AS
	OPERATOR 1 @extschema@.<,
	OPERATOR 2 @extschema@.<=,
	OPERATOR 3 @extschema@.=,
	OPERATOR 4 @extschema@.>=,
	OPERATOR 5 @extschema@.>,
	FUNCTION 1 @extschema@.stage_survival_cmp(@extschema@.stage_survival, @extschema@.stage_survival);
CREATE OPERATOR CLASS @extschema@.stage_survival_ops
DEFAULT FOR TYPE @extschema@.stage_survival USING hash AS
	OPERATOR 1 @extschema@.=,
	FUNCTION 1 @extschema@.hash_stage_survival(@extschema@.stage_survival),
	FUNCTION 2 @extschema@.hash_stage_survival_extended(@extschema@.stage_survival, bigint);

COMMENT ON OPERATOR CLASS @extschema@.stage_survival_ops USING btree IS 'the order of the stored bytes';
COMMENT ON OPERATOR FAMILY @extschema@.stage_survival_ops USING btree IS 'the order of the stored bytes';
COMMENT ON OPERATOR CLASS @extschema@.stage_survival_ops USING hash IS 'hash of the binary form';
COMMENT ON OPERATOR FAMILY @extschema@.stage_survival_ops USING hash IS 'hash of the binary form';
