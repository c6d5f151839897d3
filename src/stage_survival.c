/*
 * stage_survival.c
 *	  PostgreSQL glue for stage_survival (src/core/survival.c): censored time
 *	  from one stage to another over projects, with Kaplan-Meier accessors.
 *
 * The value is a varlena: a 4-byte length, 4 bytes of padding so that the
 * summary is 8-byte aligned, then the core's InnoSurvival.  A stored value
 * has exactly its entries; an aggregation state may have room for more (the
 * varlena size says how many), grows geometrically when full, and the
 * final function trims it.  A partial state is therefore a stage_survival
 * that reads and writes like any other (Citus ships partial states through
 * the output function).
 */
#include "innovation.h"

#include <math.h>

#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/jsonb.h"
#include "utils/timestamp.h"

#include "core/survival.h"

#define SV_OFFSET 8
#define SV_BODY(d)			((InnoSurvival *) ((char *) (d) + SV_OFFSET))
#define SV_DATUM_SIZE(n)	(SV_OFFSET + INNO_SV_SIZE(n))
#define SV_CAPACITY(d)		((uint32) ((VARSIZE(d) - SV_OFFSET - offsetof(InnoSurvival, entries)) / sizeof(InnoSvEntry)))
#define SV_INITIAL_CAPACITY 16

#define PG_GETARG_STAGE(n)	((InnoStage) DatumGetUInt8(PG_GETARG_DATUM(n)))

static struct varlena *
NewSurvival(uint32 capacity)
{
	struct varlena *d = palloc0(SV_DATUM_SIZE(capacity));

	SET_VARSIZE(d, SV_DATUM_SIZE(capacity));
	return d;
}

/* A copy of a summary (or state) with room for capacity entries. */
static struct varlena *
Resized(const InnoSurvival *s, uint32 capacity)
{
	struct varlena *d = NewSurvival(capacity);

	memcpy(SV_BODY(d), s, INNO_SV_SIZE(s->nentries));
	return d;
}

/* A value (stored, or a state with spare room) checked before it is trusted. */
static const InnoSurvival *
CheckedBody(Datum datum)
{
	struct varlena *d = PG_DETOAST_DATUM(datum);
	InnoError	err;
	InnoStatus	st;

	inno_error_clear(&err);
	if (VARSIZE(d) < SV_DATUM_SIZE(0))
		inno_report_corrupt(INNO_ERR_CORRUPT, &err, "stage_survival");
	st = inno_sv_validate(SV_BODY(d), VARSIZE(d) - SV_OFFSET, &err);
	if (st != INNO_OK)
		inno_report_corrupt(st, &err, "stage_survival");
	return SV_BODY(d);
}

#define PG_GETARG_SV(n) CheckedBody(PG_GETARG_DATUM(n))

static void
ReportParams(InnoStatus st, const InnoError *err)
{
	ereport(ERROR,
			(errcode(st == INNO_ERR_RANGE ? ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE : ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg(st == INNO_ERR_RANGE ? "stage_survival count out of range" : "cannot merge stage_survival summaries"),
			 INNO_ERRDETAIL(*err),
			 INNO_ERRHINT(*err)));
}

PG_FUNCTION_INFO_V1(stage_survival_in);
Datum
stage_survival_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	size_t		len;
	const char *utf8 = inno_server_to_utf8(str, strlen(str), &len);
	uint32_t	n = 0;
	InnoError	err;
	InnoStatus	st = inno_sv_parse(utf8, len, NULL, &n, &err);
	struct varlena *d = NULL;

	if (st == INNO_OK)
	{
		d = NewSurvival(n);
		st = inno_sv_parse(utf8, len, SV_BODY(d), &n, &err);
	}
	if (st != INNO_OK)
		ereturn(fcinfo->context, (Datum) 0,
				(errcode(inno_sqlstate(st)),
				 errmsg("invalid input syntax for type %s: \"%s\"", "stage_survival", inno_quote_input(str, strlen(str))),
				 INNO_ERRDETAIL(err)));
	PG_RETURN_POINTER(d);
}

static char *
Format(const InnoSurvival *s)
{
	size_t		size = inno_sv_text_size(s);
	char	   *buf = palloc(size);

	if (inno_sv_format(s, buf, size) < 0)
		elog(ERROR, "stage_survival text form does not fit");
	return buf;
}

PG_FUNCTION_INFO_V1(stage_survival_out);
Datum
stage_survival_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(Format(PG_GETARG_SV(0)));
}

PG_FUNCTION_INFO_V1(stage_survival_recv);
Datum
stage_survival_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const uint8_t *data = (const uint8_t *) buf->data + buf->cursor;
	size_t		len = (size_t) (buf->len - buf->cursor);
	uint32_t	n = 0;
	InnoError	err;
	InnoStatus	st = inno_sv_decode_binary(data, len, NULL, &n, &err);
	struct varlena *d = NULL;

	if (st == INNO_OK)
	{
		d = NewSurvival(n);
		st = inno_sv_decode_binary(data, len, SV_BODY(d), &n, &err);
	}
	if (st != INNO_OK)
		inno_report_bad_binary("stage_survival", (const char *) data, (int) len, err.detail);
	buf->cursor = buf->len;
	PG_RETURN_POINTER(d);
}

PG_FUNCTION_INFO_V1(stage_survival_send);
Datum
stage_survival_send(PG_FUNCTION_ARGS)
{
	const InnoSurvival *s = PG_GETARG_SV(0);
	bytea	   *result = palloc(VARHDRSZ + INNO_SV_BINARY_SIZE(s->nentries));

	SET_VARSIZE(result, VARHDRSZ + INNO_SV_BINARY_SIZE(s->nentries));
	inno_sv_encode_binary(s, (uint8_t *) VARDATA(result));
	PG_RETURN_BYTEA_P(result);
}

PG_FUNCTION_INFO_V1(stage_survival_to_jsonb);
Datum
stage_survival_to_jsonb(PG_FUNCTION_ARGS)
{
	return DirectFunctionCall1(jsonb_in, CStringGetDatum(Format(PG_GETARG_SV(0))));
}

/* ---- aggregation ---- */

/*
 * The state argument, to update in place.  Called outside an aggregate it
 * is any value, checked and copied.  Inside one it is the aggregate's own:
 * made by the transition function, or (rollup() starts from its first
 * input) a value that is checked when trusted_in_agg is false.
 */
static struct varlena *
StateArg(FunctionCallInfo fcinfo, bool trusted_in_agg)
{
	struct varlena *d = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));

	if (!AggCheckCallContext(fcinfo, NULL))
	{
		const InnoSurvival *s = CheckedBody(PointerGetDatum(d));

		return Resized(s, s->nentries);
	}
	if (!trusted_in_agg)
		(void) CheckedBody(PointerGetDatum(d));
	return d;
}

/*
 * stage_survival(h, from, to, as_of): transition.  Not strict: a NULL
 * history is skipped, but the stages and the date are required and the
 * same on every row.
 */
PG_FUNCTION_INFO_V1(stage_survival_trans);
Datum
stage_survival_trans(PG_FUNCTION_ARGS)
{
	struct varlena *d;
	InnoError	err;
	InnoStatus	st;
	InnoStage	from,
				to;
	int32		as_of;
	bool		full;

	if (PG_ARGISNULL(2) || PG_ARGISNULL(3) || PG_ARGISNULL(4))
		ereport(ERROR,
				(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
				 errmsg("stage_survival needs a from stage, a to stage and an as_of date"),
				 errhint("Write stage_survival(h, 'registered', 'high_tech', date '2025-12-31').")));
	from = PG_GETARG_STAGE(2);
	to = PG_GETARG_STAGE(3);
	as_of = PG_GETARG_DATEADT(4);
	/* a new state, or one seeded with the empty summary, takes the rows' stages and date */
	if (PG_ARGISNULL(0) || inno_sv_is_unset(SV_BODY(PG_DETOAST_DATUM(PG_GETARG_DATUM(0)))))
	{
		d = NewSurvival(SV_INITIAL_CAPACITY);
		st = inno_sv_init(SV_BODY(d), from, to, DATE_NOT_FINITE(as_of) ? PG_INT32_MIN : as_of, &err);
		if (st != INNO_OK)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("invalid stage_survival parameters"),
					 INNO_ERRDETAIL(err),
					 INNO_ERRHINT(err)));
	}
	else
	{
		d = StateArg(fcinfo, true);
		st = inno_sv_same_params(SV_BODY(d), from, to, as_of, &err);
		if (st != INNO_OK)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("stage_survival needs the same stages and as_of date on every row"),
					 INNO_ERRDETAIL(err)));
	}
	if (PG_ARGISNULL(1))
		PG_RETURN_POINTER(d);
	{
		const InnoHistory *h = (const InnoHistory *) PG_GETARG_POINTER(1);

		st = inno_history_validate(h, &err);
		if (st != INNO_OK)
			inno_report_corrupt(st, &err, "stage_history");
		st = inno_sv_add_history(SV_BODY(d), SV_CAPACITY(d), h, &full);
		if (st == INNO_OK && full)
		{
			/* from SV_INITIAL_CAPACITY: a stored initial state has no room at all */
			d = Resized(SV_BODY(d), Min(Max(SV_CAPACITY(d) * 2, SV_INITIAL_CAPACITY), INNO_SV_BUCKETS));
			st = inno_sv_add_history(SV_BODY(d), SV_CAPACITY(d), h, &full);
		}
		if (st != INNO_OK)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("stage_survival count out of range"),
					 errdetail("A stage_survival counts at most %lld projects.", (long long) PG_INT64_MAX)));
	}
	PG_RETURN_POINTER(d);
}

/* combine (strict): the first state absorbs the second, growing if needed */
PG_FUNCTION_INFO_V1(stage_survival_combine);
Datum
stage_survival_combine(PG_FUNCTION_ARGS)
{
	struct varlena *d = StateArg(fcinfo, false);
	const InnoSurvival *src = PG_GETARG_SV(1);
	InnoError	err;
	InnoStatus	st;
	bool		full;

	st = inno_sv_merge(SV_BODY(d), SV_CAPACITY(d), src, &full, &err);
	if (st == INNO_OK && full)
	{
		d = Resized(SV_BODY(d), Min(Max(SV_CAPACITY(d) * 2, SV_BODY(d)->nentries + src->nentries),
									INNO_SV_BUCKETS));
		st = inno_sv_merge(SV_BODY(d), SV_CAPACITY(d), src, &full, &err);
	}
	if (st != INNO_OK)
		ReportParams(st, &err);
	PG_RETURN_POINTER(d);
}

/* final: the stored form (validated, no spare room) */
PG_FUNCTION_INFO_V1(stage_survival_final);
Datum
stage_survival_final(PG_FUNCTION_ARGS)
{
	const InnoSurvival *s;

	/* over no rows: the empty summary, without stages (the identity of rollup()) */
	if (PG_ARGISNULL(0))
	{
		struct varlena *d = NewSurvival(0);

		SV_BODY(d)->version = INNO_SV_VERSION;
		PG_RETURN_POINTER(d);
	}
	s = PG_GETARG_SV(0);
	PG_RETURN_POINTER(Resized(s, s->nentries));
}

/* ---- accessors ---- */

PG_FUNCTION_INFO_V1(stage_survival_event_count);
Datum
stage_survival_event_count(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(inno_sv_events(PG_GETARG_SV(0)));
}

PG_FUNCTION_INFO_V1(stage_survival_censored_count);
Datum
stage_survival_censored_count(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(inno_sv_censored(PG_GETARG_SV(0)));
}

PG_FUNCTION_INFO_V1(stage_survival_excluded_count);
Datum
stage_survival_excluded_count(PG_FUNCTION_ARGS)
{
	const InnoSurvival *s = PG_GETARG_SV(0);

	PG_RETURN_INT64(s->undated + s->contradicting);
}

PG_FUNCTION_INFO_V1(stage_survival_quantile);
Datum
stage_survival_quantile(PG_FUNCTION_ARGS)
{
	const InnoSurvival *s = PG_GETARG_SV(0);
	float8		q = PG_GETARG_FLOAT8(1);
	int32_t		day;

	if (isnan(q) || q < 0.0 || q > 1.0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("share %g is not between 0 and 1", q)));
	if (!inno_sv_quantile(s, q, &day))
		PG_RETURN_NULL();
	PG_RETURN_INT32(day);
}

/*
 * An interval as whole days, as extract(epoch) counts it (a month is 30
 * days, a year 365.25), rounded down.
 */
static int64
IntervalDays(const Interval *iv)
{
	double		days = (double) iv->time / (double) USECS_PER_DAY + iv->day +
		(double) (iv->month % MONTHS_PER_YEAR) * DAYS_PER_MONTH +
		(double) (iv->month / MONTHS_PER_YEAR) * DAYS_PER_YEAR;

	if (days < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a time to a stage cannot be negative")));
	return days >= INNO_SV_MAX_DAYS ? INNO_SV_MAX_DAYS : (int64) floor(days);
}

PG_FUNCTION_INFO_V1(stage_survival_reached_within);
Datum
stage_survival_reached_within(PG_FUNCTION_ARGS)
{
	const InnoSurvival *s = PG_GETARG_SV(0);
	double		share;

	if (!inno_sv_reached_within(s, IntervalDays(PG_GETARG_INTERVAL_P(1)), &share))
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(share);
}

/* survival_curve(s): (days, at_risk, events, censored, survival, lower, upper) per time */
typedef struct CurveState
{
	InnoSurvival *s;
	InnoSvWalk	walk;
} CurveState;

PG_FUNCTION_INFO_V1(stage_survival_curve);
Datum
stage_survival_curve(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	CurveState *cs;
	InnoSvStep	step;

	if (SRF_IS_FIRSTCALL())
	{
		const InnoSurvival *s = PG_GETARG_SV(0);
		MemoryContext oldcontext;

		funcctx = inno_srf_rows(fcinfo, s->nentries);
		oldcontext = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		cs = palloc(sizeof(CurveState));
		cs->s = palloc(INNO_SV_SIZE(s->nentries));
		memcpy(cs->s, s, INNO_SV_SIZE(s->nentries));
		inno_sv_walk_init(cs->s, &cs->walk);
		funcctx->user_fctx = cs;
		MemoryContextSwitchTo(oldcontext);
	}
	else
		funcctx = SRF_PERCALL_SETUP();
	cs = funcctx->user_fctx;
	if (inno_sv_walk_next(cs->s, &cs->walk, &step))
	{
		Datum		values[7];
		bool		nulls[7] = {false, false, false, false, false, false, false};

		values[0] = Int32GetDatum(step.day);
		values[1] = Int64GetDatum(step.at_risk);
		values[2] = Int64GetDatum(step.events);
		values[3] = Int64GetDatum(step.censored);
		values[4] = Float8GetDatum(step.survival);
		values[5] = Float8GetDatum(step.lower);
		values[6] = Float8GetDatum(step.upper);
		nulls[5] = nulls[6] = !step.has_band;
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}

/* equality: the same stages, date and counts (spare room in a state aside) */
static bool
Equal(FunctionCallInfo fcinfo)
{
	const InnoSurvival *a = PG_GETARG_SV(0);
	const InnoSurvival *b = PG_GETARG_SV(1);

	return a->nentries == b->nentries && memcmp(a, b, INNO_SV_SIZE(a->nentries)) == 0;
}

PG_FUNCTION_INFO_V1(stage_survival_eq);
Datum
stage_survival_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(Equal(fcinfo));
}

PG_FUNCTION_INFO_V1(stage_survival_ne);
Datum
stage_survival_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(!Equal(fcinfo));
}

/* order by the stored bytes, hash by the binary form: btree and hash operator classes */
static int
SummaryCmp(FunctionCallInfo fcinfo)
{
	const InnoSurvival *a = PG_GETARG_SV(0);
	const InnoSurvival *b = PG_GETARG_SV(1);

	return inno_bytes_cmp(a, INNO_SV_SIZE(a->nentries), b, INNO_SV_SIZE(b->nentries));
}

INNO_SUMMARY_ORDER(stage_survival)
