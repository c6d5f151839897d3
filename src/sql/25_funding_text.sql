
--
-- Reading funding text and stage labels without aborting, and finding the
-- rounds of an article (0.2.0).  These take text and are IMMUTABLE: they never read
-- innovation.default_currency and take the default currency as an argument.
--

CREATE FUNCTION @extschema@.funding_round(text, default_currency text)
RETURNS @extschema@.funding_round
AS 'MODULE_PATHNAME', 'funding_round_from_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.try_funding_round(text)
RETURNS @extschema@.funding_round
AS 'MODULE_PATHNAME', 'try_funding_round'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.try_funding_round(text, default_currency text)
RETURNS @extschema@.funding_round
AS 'MODULE_PATHNAME', 'try_funding_round'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.funding_round_error(text)
RETURNS text
AS 'MODULE_PATHNAME', 'funding_round_error'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.funding_round_error(text, default_currency text)
RETURNS text
AS 'MODULE_PATHNAME', 'funding_round_error'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.extract_funding_rounds(
	article text,
	OUT round @extschema@.funding_round, OUT phrase text, OUT start_pos integer, OUT end_pos integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'extract_funding_rounds'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 5;

CREATE FUNCTION @extschema@.extract_funding_rounds(
	article text, default_currency text,
	OUT round @extschema@.funding_round, OUT phrase text, OUT start_pos integer, OUT end_pos integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'extract_funding_rounds'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 5;

CREATE FUNCTION @extschema@.funding_vocabulary(OUT phrase text, OUT role text, OUT meaning text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'funding_vocabulary'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.funding_round(text, text) IS
'parse funding text, reading an amount that names no currency (and is not written with the Chinese magnitudes wan or yi) in default_currency';
COMMENT ON FUNCTION @extschema@.try_funding_round(text) IS
'parse funding text; NULL where it is not a valid funding round';
COMMENT ON FUNCTION @extschema@.try_funding_round(text, text) IS
'parse funding text with a default currency; NULL where it is not a valid funding round';
COMMENT ON FUNCTION @extschema@.funding_round_error(text) IS
'NULL where the text is a valid funding round, otherwise why it is not (message, detail and hint)';
COMMENT ON FUNCTION @extschema@.funding_round_error(text, text) IS
'NULL where the text with a default currency is a valid funding round, otherwise why it is not';
COMMENT ON FUNCTION @extschema@.extract_funding_rounds(text) IS
'the funding rounds a paragraph or an article mentions, with the phrase and its character positions';
COMMENT ON FUNCTION @extschema@.extract_funding_rounds(text, text) IS
'the funding rounds a text mentions, reading amounts that name no currency in default_currency';
COMMENT ON FUNCTION @extschema@.funding_vocabulary() IS
'every phrase funding text is read with: kinds, currencies, qualifiers, magnitudes, fillers, dates, extraction cues';

CREATE FUNCTION @extschema@.try_project_stage(text)
RETURNS @extschema@.project_stage
AS 'MODULE_PATHNAME', 'try_project_stage'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.try_project_stage(text) IS
'parse a stage label; NULL where it is not one';
