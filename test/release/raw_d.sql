-- raw_d: bytea's text form on a variable-length type with the summaries'
-- alignment, and binary-coercible casts both ways between it and
-- quantile_sketch and funding_stats, so that a summary's bytes (after the
-- varlena header) can be shown and stored unchanged.  Included by
-- make-v010-images.sql and fill.sql; DROP TYPE raw_d CASCADE removes it all.
CREATE TYPE raw_d;
CREATE FUNCTION raw_d_in(cstring) RETURNS raw_d AS 'byteain' LANGUAGE internal IMMUTABLE STRICT;
CREATE FUNCTION raw_d_out(raw_d) RETURNS cstring AS 'byteaout' LANGUAGE internal IMMUTABLE STRICT;
CREATE TYPE raw_d (INPUT = raw_d_in, OUTPUT = raw_d_out, INTERNALLENGTH = variable, ALIGNMENT = double);
CREATE CAST (quantile_sketch AS raw_d) WITHOUT FUNCTION;
CREATE CAST (funding_stats AS raw_d) WITHOUT FUNCTION;
CREATE CAST (raw_d AS quantile_sketch) WITHOUT FUNCTION;
CREATE CAST (raw_d AS funding_stats) WITHOUT FUNCTION;
