/*
 * designation_counts.c
 *	  PostgreSQL glue for designation_counts: a summary over firms'
 *	  designation_sets, built by designation_counts(designation_set) and
 *	  merged by rollup(designation_counts).  Its state is the summary itself
 *	  (a varlena, not internal), so partial aggregation works in parallel
 *	  query and on Citus without serialization.  The arithmetic lives in
 *	  src/core/desigcounts.c.
 */
#include "innovation.h"

#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "core/desigcounts.h"
#include "designation_glue.h"

/* A summary, detoasted and checked before it is trusted. */
static InnoDesigCounts *
CheckedCounts(FunctionCallInfo fcinfo, int n)
{
	InnoDesigCounts *c = (InnoDesigCounts *) PG_DETOAST_DATUM(PG_GETARG_DATUM(n));
	InnoError	err;

	inno_error_clear(&err);
	if (inno_dcounts_check(c, VARSIZE(c), &err) != INNO_OK)
		inno_report_corrupt(INNO_ERR_CORRUPT, &err, "designation_counts");
	return c;
}

/*
 * The state of a transition or combine function.  Inside an aggregate it
 * was made by the initial value's input function or by these functions,
 * and is checked already: checking it again on every row would cost more
 * than the adding (every count of the window, for each row).  Called as a
 * plain function, it is checked like any argument.
 */
static InnoDesigCounts *
StateCounts(FunctionCallInfo fcinfo)
{
	if (AggCheckCallContext(fcinfo, NULL))
		return (InnoDesigCounts *) PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	return CheckedCounts(fcinfo, 0);
}

static void *
Alloc(size_t size)
{
	return palloc(size);
}

PG_FUNCTION_INFO_V1(designation_counts_in);
Datum
designation_counts_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	InnoDesigCounts *c = NULL;
	size_t		size;
	InnoError	err;
	InnoStatus	st = inno_dcounts_parse(str, strlen(str), Alloc, &c, &size, &err);

	if (st != INNO_OK)
		ereturn(fcinfo->context, (Datum) 0,
				(errcode(inno_sqlstate(st)),
				 errmsg("invalid input syntax for type %s: \"%s\"", "designation_counts",
						inno_quote_input(str, strlen(str))),
				 INNO_ERRDETAIL(err)));
	SET_VARSIZE(c, size);
	PG_RETURN_POINTER(c);
}

static char *
CountsText(const InnoDesigCounts *c)
{
	size_t		need = inno_dcounts_format(c, NULL, 0);
	char	   *buf = palloc(need);

	(void) inno_dcounts_format(c, buf, need);
	return buf;
}

PG_FUNCTION_INFO_V1(designation_counts_out);
Datum
designation_counts_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(CountsText(CheckedCounts(fcinfo, 0)));
}

PG_FUNCTION_INFO_V1(designation_counts_recv);
Datum
designation_counts_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const char *data = buf->data + buf->cursor;
	int			len = buf->len - buf->cursor;
	InnoDesigCounts *c = NULL;
	size_t		size;
	InnoError	err;

	if (inno_dcounts_decode_binary((const uint8_t *) data, (size_t) len, Alloc, &c, &size, &err) != INNO_OK)
		inno_report_bad_binary("designation_counts", data, len, err.detail);
	SET_VARSIZE(c, size);
	buf->cursor = buf->len;
	PG_RETURN_POINTER(c);
}

PG_FUNCTION_INFO_V1(designation_counts_send);
Datum
designation_counts_send(PG_FUNCTION_ARGS)
{
	InnoDesigCounts *c = CheckedCounts(fcinfo, 0);
	size_t		n = inno_dcounts_binary_len(c->nyears);
	bytea	   *out = palloc(VARHDRSZ + n);

	SET_VARSIZE(out, VARHDRSZ + n);
	inno_dcounts_encode_binary(c, (uint8_t *) VARDATA(out));
	PG_RETURN_BYTEA_P(out);
}

PG_FUNCTION_INFO_V1(designation_counts_to_jsonb);
Datum
designation_counts_to_jsonb(PG_FUNCTION_ARGS)
{
	return DirectFunctionCall1(jsonb_in, CStringGetDatum(CountsText(CheckedCounts(fcinfo, 0))));
}

/*
 * The state to add into: updated in place inside an aggregate when the
 * years fit, else a copy (widened to hold [from, to] when from != 0).
 * PostgreSQL copies a new state into the aggregate's context itself.
 */
static InnoDesigCounts *
StateFor(FunctionCallInfo fcinfo, InnoDesigCounts *c, unsigned from, unsigned to)
{
	unsigned	lo,
				nyears;
	InnoDesigCounts *w;

	inno_dcounts_window(c, from, to, &lo, &nyears);
	if (nyears == c->nyears && (nyears == 0 || lo == c->base) &&
		AggCheckCallContext(fcinfo, NULL) && (Pointer) c == DatumGetPointer(PG_GETARG_DATUM(0)))
		return c;
	w = palloc(inno_dcounts_size(nyears));
	inno_dcounts_widen(c, w, lo, nyears);
	SET_VARSIZE(w, inno_dcounts_size(nyears));
	return w;
}

static void
ReportOverflow(const InnoError *err)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("designation_counts out of range"),
			 INNO_ERRDETAIL(*err)));
}

/* designation_counts(designation_set): transition (strict: NULL sets are skipped) */
PG_FUNCTION_INFO_V1(designation_counts_add);
Datum
designation_counts_add(PG_FUNCTION_ARGS)
{
	InnoDesigCounts *c = StateCounts(fcinfo);
	const InnoDesigSet *s = (const InnoDesigSet *) PG_GETARG_POINTER(1);
	unsigned	from = 0,
				to = 0;
	InnoError	err;

	inno_error_clear(&err);
	if (inno_dset_check(s, &err) != INNO_OK)
		inno_report_corrupt(INNO_ERR_CORRUPT, &err, "designation_set");
	(void) inno_dset_years(s, &from, &to);
	c = StateFor(fcinfo, c, from, to);
	if (inno_dcounts_add(c, s, &err) != INNO_OK)
		ReportOverflow(&err);
	PG_RETURN_POINTER(c);
}

/* combine function, and rollup(designation_counts): counts add */
PG_FUNCTION_INFO_V1(designation_counts_merge);
Datum
designation_counts_merge(PG_FUNCTION_ARGS)
{
	InnoDesigCounts *c = StateCounts(fcinfo);
	InnoDesigCounts *d = CheckedCounts(fcinfo, 1);
	unsigned	from = 0,
				to = 0;
	InnoError	err;

	inno_error_clear(&err);
	(void) inno_dcounts_years(d, &from, &to);
	c = StateFor(fcinfo, c, from, to);
	if (inno_dcounts_merge(c, d, &err) != INNO_OK)
		ReportOverflow(&err);
	PG_RETURN_POINTER(c);
}

/* ---- accessors ---- */

PG_FUNCTION_INFO_V1(designation_counts_projects);
Datum
designation_counts_projects(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(CheckedCounts(fcinfo, 0)->projects);
}

/* holders(c, scheme): firms holding the scheme, at any level, in any year */
PG_FUNCTION_INFO_V1(designation_counts_holders);
Datum
designation_counts_holders(PG_FUNCTION_ARGS)
{
	InnoDesigCounts *c = CheckedCounts(fcinfo, 0);

	PG_RETURN_INT64(c->holders[inno_scheme_arg(fcinfo, 1) - 1]);
}

/* holders(c, scheme, level): at that level, in any year */
PG_FUNCTION_INFO_V1(designation_counts_holders_level);
Datum
designation_counts_holders_level(PG_FUNCTION_ARGS)
{
	InnoDesigCounts *c = CheckedCounts(fcinfo, 0);
	unsigned	scheme = inno_scheme_arg(fcinfo, 1);

	PG_RETURN_INT64(c->slot_holders[inno_dset_slot(scheme, inno_level_arg(fcinfo, 2, scheme))]);
}

/* holders(c, scheme, list_year): on a list of that year, at any level */
PG_FUNCTION_INFO_V1(designation_counts_holders_year);
Datum
designation_counts_holders_year(PG_FUNCTION_ARGS)
{
	InnoDesigCounts *c = CheckedCounts(fcinfo, 0);
	unsigned	scheme = inno_scheme_arg(fcinfo, 1);
	int32		y = PG_GETARG_INT32(2);

	PG_RETURN_INT64(y > 0 ? inno_dcounts_cell(c, inno_dcounts_by_year(c, scheme), (unsigned) y) : 0);
}

/* holders(c, scheme, level, list_year): on that level's list of that year */
PG_FUNCTION_INFO_V1(designation_counts_holders_level_year);
Datum
designation_counts_holders_level_year(PG_FUNCTION_ARGS)
{
	InnoDesigCounts *c = CheckedCounts(fcinfo, 0);
	unsigned	scheme = inno_scheme_arg(fcinfo, 1);
	int			slot = inno_dset_slot(scheme, inno_level_arg(fcinfo, 2, scheme));
	int32		y = PG_GETARG_INT32(3);

	PG_RETURN_INT64(y > 0 ? inno_dcounts_cell(c, inno_dcounts_listed(c, slot), (unsigned) y) : 0);
}

/* holders_valid(c, scheme, date): firms known to hold it valid in the date's year */
PG_FUNCTION_INFO_V1(designation_counts_holders_valid);
Datum
designation_counts_holders_valid(PG_FUNCTION_ARGS)
{
	InnoDesigCounts *c = CheckedCounts(fcinfo, 0);
	unsigned	scheme = inno_scheme_arg(fcinfo, 1);
	int			y;

	if (!inno_date_year(PG_GETARG_DATEADT(2), &y) || y <= 0)
		PG_RETURN_INT64(0);
	PG_RETURN_INT64(inno_dcounts_cell(c, inno_dcounts_valid(c, scheme), (unsigned) y));
}

/* validity_unknown(c, scheme): holders with a designation of unknown validity */
PG_FUNCTION_INFO_V1(designation_counts_validity_unknown);
Datum
designation_counts_validity_unknown(PG_FUNCTION_ARGS)
{
	InnoDesigCounts *c = CheckedCounts(fcinfo, 0);

	PG_RETURN_INT64(c->unknown_valid[inno_scheme_arg(fcinfo, 1) - 1]);
}

/* coholders(c, a, b): firms holding both (a = b: the holders of a) */
PG_FUNCTION_INFO_V1(designation_counts_coholders);
Datum
designation_counts_coholders(PG_FUNCTION_ARGS)
{
	InnoDesigCounts *c = CheckedCounts(fcinfo, 0);
	unsigned	a = inno_scheme_arg(fcinfo, 1),
				b = inno_scheme_arg(fcinfo, 2);

	PG_RETURN_INT64(a == b ? c->holders[a - 1] : c->pair[inno_dcounts_pair_index(a, b)]);
}

/* coholding(c): the matrix, one row per pair of schemes held (a <= b) with its holders */
PG_FUNCTION_INFO_V1(designation_counts_coholding);
Datum
designation_counts_coholding(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	InnoDesigCounts *c;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext old;
		InnoDesigCounts *src;

		funcctx = inno_srf_rows(fcinfo, INNO_SCHEME_COUNT * INNO_SCHEME_COUNT);
		old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		src = CheckedCounts(fcinfo, 0);
		funcctx->user_fctx = palloc(sizeof(InnoDesigCounts));
		memcpy(funcctx->user_fctx, src, sizeof(InnoDesigCounts));	/* the fixed part is enough */
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	c = funcctx->user_fctx;
	while (funcctx->call_cntr < funcctx->max_calls)
	{
		unsigned	a = (unsigned) (funcctx->call_cntr / INNO_SCHEME_COUNT) + 1,
					b = (unsigned) (funcctx->call_cntr % INNO_SCHEME_COUNT) + 1;
		int64		n;
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		n = b < a ? 0 : a == b ? c->holders[a - 1] : c->pair[inno_dcounts_pair_index(a, b)];
		if (n == 0)
		{
			funcctx->call_cntr++;
			continue;
		}
		values[0] = PointerGetDatum(cstring_to_text(inno_scheme_by_code(a)->label));
		values[1] = PointerGetDatum(cstring_to_text(inno_scheme_by_code(b)->label));
		values[2] = Int64GetDatum(n);
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}

/*
 * holdings(c): one row per scheme, level and list year with holders
 * (level NULL: unstated; list_year NULL: held with no list year).
 */
PG_FUNCTION_INFO_V1(designation_counts_holdings);
Datum
designation_counts_holdings(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	InnoDesigCounts *c;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext old;
		InnoDesigCounts *src;

		funcctx = inno_srf_rows(fcinfo, 1);
		old = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		src = CheckedCounts(fcinfo, 0);
		funcctx->user_fctx = palloc(VARSIZE(src));
		memcpy(funcctx->user_fctx, src, VARSIZE(src));
		funcctx->max_calls = (uint64) INNO_DSET_SLOTS * (src->nyears + 1u);
		MemoryContextSwitchTo(old);
	}
	funcctx = SRF_PERCALL_SETUP();
	c = funcctx->user_fctx;
	while (funcctx->call_cntr < funcctx->max_calls)
	{
		int			slot = (int) (funcctx->call_cntr / (c->nyears + 1u));
		unsigned	k = (unsigned) (funcctx->call_cntr % (c->nyears + 1u));
		unsigned	scheme,
					level;
		int64		n = k < c->nyears ? inno_dcounts_listed(c, slot)[k] : c->undated[slot];
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};

		if (n == 0)
		{
			funcctx->call_cntr++;
			continue;
		}
		inno_dset_slot_parts(slot, &scheme, &level);
		values[0] = PointerGetDatum(cstring_to_text(inno_scheme_by_code(scheme)->label));
		if (level)
			values[1] = PointerGetDatum(cstring_to_text(inno_level_by_code(level)->label));
		else
			nulls[1] = true;
		if (k < c->nyears)
			values[2] = Int32GetDatum((int32) (c->base + k));
		else
			nulls[2] = true;
		values[3] = Int64GetDatum(n);
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}

PG_FUNCTION_INFO_V1(designation_counts_eq);
Datum
designation_counts_eq(PG_FUNCTION_ARGS)
{
	InnoDesigCounts *a = CheckedCounts(fcinfo, 0),
			   *b = CheckedCounts(fcinfo, 1);

	PG_RETURN_BOOL(VARSIZE(a) == VARSIZE(b) && memcmp(a, b, VARSIZE(a)) == 0);
}

PG_FUNCTION_INFO_V1(designation_counts_ne);
Datum
designation_counts_ne(PG_FUNCTION_ARGS)
{
	InnoDesigCounts *a = CheckedCounts(fcinfo, 0),
			   *b = CheckedCounts(fcinfo, 1);

	PG_RETURN_BOOL(!(VARSIZE(a) == VARSIZE(b) && memcmp(a, b, VARSIZE(a)) == 0));
}

static int
SummaryCmp(FunctionCallInfo fcinfo)
{
	InnoDesigCounts *a = CheckedCounts(fcinfo, 0),
			   *b = CheckedCounts(fcinfo, 1);

	/* from the version byte on: the header is the length */
	return inno_bytes_cmp((const char *) a + VARHDRSZ, VARSIZE(a) - VARHDRSZ,
						  (const char *) b + VARHDRSZ, VARSIZE(b) - VARHDRSZ);
}

INNO_SUMMARY_ORDER(designation_counts)
