/*
 * stage_history.c
 *	  PostgreSQL glue for stage_history: the first date a project reached
 *	  each stage, built by stage_history(project_stage, date) over its
 *	  milestone rows.  The logic lives in src/core/history.c.
 */
#include "innovation.h"

#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/jsonb.h"

#include "core/history.h"

#define PG_GETARG_STAGE(n)	((InnoStage) DatumGetUInt8(PG_GETARG_DATUM(n)))
#define StageGetDatum(s)	UInt8GetDatum((uint8) (s))

PG_FUNCTION_INFO_V1(stage_history_in);
Datum
stage_history_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	size_t		len;
	const char *utf8 = inno_server_to_utf8(str, strlen(str), &len);
	InnoHistory *h = palloc(sizeof(InnoHistory));
	InnoError	err;
	InnoStatus	st = inno_history_parse(utf8, len, h, &err);

	if (st != INNO_OK)
		ereturn(fcinfo->context, (Datum) 0,
				(errcode(inno_sqlstate(st)),
				 errmsg("invalid input syntax for type %s: \"%s\"", "stage_history", inno_quote_input(str, strlen(str))),
				 INNO_ERRDETAIL(err)));
	PG_RETURN_POINTER(h);
}

static const InnoHistory *
CheckedHistory(FunctionCallInfo fcinfo, int n)
{
	const InnoHistory *h = (const InnoHistory *) PG_GETARG_POINTER(n);
	InnoError	err;
	InnoStatus	st = inno_history_validate(h, &err);

	if (st != INNO_OK)
		inno_report_corrupt(st, &err, "stage_history");
	return h;
}

PG_FUNCTION_INFO_V1(stage_history_out);
Datum
stage_history_out(PG_FUNCTION_ARGS)
{
	char	   *buf = palloc(INNO_HISTORY_TEXT_MAX);

	inno_history_format(CheckedHistory(fcinfo, 0), buf, INNO_HISTORY_TEXT_MAX);
	PG_RETURN_CSTRING(buf);
}

PG_FUNCTION_INFO_V1(stage_history_recv);
Datum
stage_history_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const char *data = buf->data + buf->cursor;
	int			len = buf->len - buf->cursor;
	InnoHistory *h = palloc(sizeof(InnoHistory));
	InnoError	err;

	if (inno_history_decode_binary((const uint8_t *) data, (size_t) len, h, &err) != INNO_OK)
		inno_report_bad_binary("stage_history", data, len, err.detail);
	buf->cursor = buf->len;
	PG_RETURN_POINTER(h);
}

PG_FUNCTION_INFO_V1(stage_history_send);
Datum
stage_history_send(PG_FUNCTION_ARGS)
{
	uint8_t		bytes[INNO_HISTORY_BINARY_LEN];
	StringInfoData buf;

	inno_history_encode_binary(CheckedHistory(fcinfo, 0), bytes);
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, (const char *) bytes, INNO_HISTORY_BINARY_LEN);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/*
 * stage_history(project_stage, date): transition.  Not strict: a NULL date
 * still records the stage as reached; a NULL stage is skipped.
 */
PG_FUNCTION_INFO_V1(history_trans);
Datum
history_trans(PG_FUNCTION_ARGS)
{
	InnoHistory *h;
	InnoStatus	st;

	if (PG_ARGISNULL(0))
	{
		/*
		 * The aggregate starts from '{}'; a direct call (or an aggregate of
		 * the user's own without INITCOND) with a NULL state starts from the
		 * same empty history.
		 */
		MemoryContext aggcontext;

		if (!AggCheckCallContext(fcinfo, &aggcontext))
			aggcontext = CurrentMemoryContext;
		h = MemoryContextAlloc(aggcontext, sizeof(InnoHistory));
		inno_history_init(h);
	}
	else
		h = inno_agg_state(fcinfo, sizeof(InnoHistory));
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(h);
	if (!PG_ARGISNULL(2) && DATE_NOT_FINITE(PG_GETARG_DATEADT(2)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a milestone date must be finite")));
	st = inno_history_add(h, PG_GETARG_STAGE(1), !PG_ARGISNULL(2),
						  PG_ARGISNULL(2) ? 0 : (int32) PG_GETARG_DATEADT(2));
	if (st != INNO_OK)
		ereport(ERROR,
				(errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				 errmsg("milestone date out of range for stage_history"),
				 errdetail("Dates from 1900-01-01 to 2199-12-31 are accepted.")));
	PG_RETURN_POINTER(h);
}

PG_FUNCTION_INFO_V1(history_combine);
Datum
history_combine(PG_FUNCTION_ARGS)
{
	InnoHistory *h = inno_agg_state(fcinfo, sizeof(InnoHistory));

	inno_history_merge(h, CheckedHistory(fcinfo, 1));
	PG_RETURN_POINTER(h);
}

PG_FUNCTION_INFO_V1(stage_history_eq);
Datum
stage_history_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(memcmp(PG_GETARG_POINTER(0), PG_GETARG_POINTER(1), sizeof(InnoHistory)) == 0);
}

PG_FUNCTION_INFO_V1(stage_history_ne);
Datum
stage_history_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(memcmp(PG_GETARG_POINTER(0), PG_GETARG_POINTER(1), sizeof(InnoHistory)) != 0);
}

/* time_to(h, from, to): days from first reaching `from` to first reaching `to`. */
PG_FUNCTION_INFO_V1(history_time_to);
Datum
history_time_to(PG_FUNCTION_ARGS)
{
	const InnoHistory *h = CheckedHistory(fcinfo, 0);
	int32_t		from,
				to;

	if (!inno_history_first(h, PG_GETARG_STAGE(1), &from) ||
		!inno_history_first(h, PG_GETARG_STAGE(2), &to))
		PG_RETURN_NULL();
	PG_RETURN_INT32(to - from);
}

PG_FUNCTION_INFO_V1(history_current_stage);
Datum
history_current_stage(PG_FUNCTION_ARGS)
{
	InnoStage	s = inno_history_current(CheckedHistory(fcinfo, 0));

	if (s == INNO_STAGE_INVALID)
		PG_RETURN_NULL();
	return StageGetDatum(s);
}

PG_FUNCTION_INFO_V1(history_stage_on);
Datum
history_stage_on(PG_FUNCTION_ARGS)
{
	const InnoHistory *h = CheckedHistory(fcinfo, 0);
	DateADT		d = PG_GETARG_DATEADT(1);
	InnoStage	s;

	/* -infinity is before every milestone; +infinity after */
	if (DATE_IS_NOBEGIN(d))
		PG_RETURN_NULL();
	s = inno_history_on(h, DATE_IS_NOEND(d) ? PG_INT32_MAX : (int32) d);
	if (s == INNO_STAGE_INVALID)
		PG_RETURN_NULL();
	return StageGetDatum(s);
}

PG_FUNCTION_INFO_V1(history_first_reached);
Datum
history_first_reached(PG_FUNCTION_ARGS)
{
	int32_t		day;

	if (!inno_history_first(CheckedHistory(fcinfo, 0), PG_GETARG_STAGE(1), &day))
		PG_RETURN_NULL();
	PG_RETURN_DATEADT((DateADT) day);
}

PG_FUNCTION_INFO_V1(history_is_consistent);
Datum
history_is_consistent(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(inno_history_consistent(CheckedHistory(fcinfo, 0)));
}

PG_FUNCTION_INFO_V1(stage_history_to_jsonb);
Datum
stage_history_to_jsonb(PG_FUNCTION_ARGS)
{
	char	   *buf = palloc(INNO_HISTORY_TEXT_MAX);

	inno_history_format(CheckedHistory(fcinfo, 0), buf, INNO_HISTORY_TEXT_MAX);
	return DirectFunctionCall1(jsonb_in, CStringGetDatum(buf));
}

/* order by the stored bytes, hash by the binary form: btree and hash operator classes */
static int
SummaryCmp(FunctionCallInfo fcinfo)
{
	return inno_bytes_cmp(CheckedHistory(fcinfo, 0), sizeof(InnoHistory), CheckedHistory(fcinfo, 1), sizeof(InnoHistory));
}

INNO_SUMMARY_ORDER(stage_history)
