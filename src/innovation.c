/*
 * innovation.c
 *	  Module entry point and the helpers every type's glue shares.
 */
#include "innovation.h"

#include "common/hashfn.h"

#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

#include "core/decimal.h"
#include "funding_round.h"
#include "mb/pg_wchar.h"
#include "utils/elog.h"

PG_MODULE_MAGIC;

void		_PG_init(void);

void
_PG_init(void)
{
	inno_define_funding_settings();
}

int
inno_sqlstate(InnoStatus status)
{
	switch (status)
	{
		case INNO_ERR_SYNTAX:
			return ERRCODE_INVALID_TEXT_REPRESENTATION;
		case INNO_ERR_RANGE:
			return ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE;
		case INNO_ERR_PARAM:
			return ERRCODE_INVALID_PARAMETER_VALUE;
		case INNO_ERR_CORRUPT:
			return ERRCODE_INVALID_BINARY_REPRESENTATION;
		case INNO_OK:
			break;
	}
	elog(ERROR, "unexpected core status %d", (int) status);
	return 0;					/* keep compiler quiet */
}

void *
inno_agg_state(FunctionCallInfo fcinfo, Size size)
{
	void	   *state = PG_GETARG_POINTER(0);
	void	   *copy;

	if (AggCheckCallContext(fcinfo, NULL))
		return state;
	copy = palloc(size);
	memcpy(copy, state, size);
	return copy;
}

void
inno_report_corrupt(InnoStatus st, const InnoError *err, const char *type_name)
{
	ereport(ERROR,
			(errcode(st == INNO_ERR_CORRUPT ? ERRCODE_DATA_CORRUPTED : inno_sqlstate(st)),
			 errmsg("invalid %s value", type_name),
			 INNO_ERRDETAIL(*err)));
}

/*
 * Minor units as a numeric in major units, with as many decimals as it
 * needs (no trailing zeros): what numeric_in gives for the decimal text
 * inno_minor_to_decimal writes, built without the text on 14 and later.
 */
Datum
inno_minor_to_numeric(int64 minor, int minor_digits)
{
#if PG_VERSION_NUM >= 140000
	while (minor_digits > 0 && minor % 10 == 0)
	{
		minor /= 10;
		minor_digits--;
	}
	if (minor_digits <= 0)
		return NumericGetDatum(int64_to_numeric(minor));
	return NumericGetDatum(int64_div_fast_to_numeric(minor, minor_digits));
#else
	char		buf[INNO_DECIMAL_MAX];

	inno_minor_to_decimal(minor, minor_digits, buf);
	return DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
#endif
}

#define QUOTE_MAX_CHARS 100

char *
inno_quote_input(const char *str, size_t len)
{
	int			cut;

	if (len <= QUOTE_MAX_CHARS)
		return pnstrdup(str, len);
	/* the byte length of the first QUOTE_MAX_CHARS characters */
	cut = pg_mbcharcliplen(str, (int) Min(len, (size_t) QUOTE_MAX_CHARS * MAX_MULTIBYTE_CHAR_LEN),
						   QUOTE_MAX_CHARS);
	if ((size_t) cut >= len)
		return pnstrdup(str, len);
	return psprintf("%.*s...", cut, str);
}

char *
inno_bytes_to_hex(const char *data, int len)
{
	StringInfoData buf;
	int			i;
	int			shown = len > 32 ? 32 : len;

	initStringInfo(&buf);
	appendStringInfoString(&buf, "\\x");
	for (i = 0; i < shown; i++)
		appendStringInfo(&buf, "%02x", (unsigned char) data[i]);
	if (shown < len)
		appendStringInfo(&buf, "... (%d bytes)", len);
	return buf.data;
}

void
inno_report_bad_binary(const char *type_name, const char *data, int len, const char *detail)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid binary representation of type %s: \"%s\"", type_name,
					inno_bytes_to_hex(data, len)),
			 detail && detail[0] ? errdetail("%s", inno_msg(detail)) : 0));
	pg_unreachable();
}

/*
 * The first-call and per-call setup of a set-returning function that returns
 * max_calls rows of its declared row type (the vocabulary listings).
 */
FuncCallContext *
inno_srf_rows(FunctionCallInfo fcinfo, uint64 max_calls)
{
	if (SRF_IS_FIRSTCALL())
	{
		FuncCallContext *funcctx = SRF_FIRSTCALL_INIT();
		MemoryContext oldcontext = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		TupleDesc	tupdesc;

		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "return type must be a row type");
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);
		funcctx->max_calls = max_calls;
		MemoryContextSwitchTo(oldcontext);
	}
	return SRF_PERCALL_SETUP();
}

int
inno_bytes_cmp(const void *a, size_t na, const void *b, size_t nb)
{
	int			c = memcmp(a, b, Min(na, nb));

	if (c != 0)
		return c < 0 ? -1 : 1;
	return (na > nb) - (na < nb);
}

PG_FUNCTION_INFO_V1(inno_summary_typanalyze);
Datum
inno_summary_typanalyze(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(false);
}

Datum
inno_send_hash(PGFunction send, Datum a, bool extended, uint64 seed)
{
	bytea	   *x = DatumGetByteaPP(DirectFunctionCall1(send, a));

	if (extended)
		return hash_any_extended((const unsigned char *) VARDATA_ANY(x), (int) VARSIZE_ANY_EXHDR(x), seed);
	return hash_any((const unsigned char *) VARDATA_ANY(x), (int) VARSIZE_ANY_EXHDR(x));
}
