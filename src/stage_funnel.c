/*
 * stage_funnel.c
 *	  PostgreSQL glue for stage_funnel: a fixed-size summary of how many
 *	  projects are at each stage, built by funnel(project_stage) and merged
 *	  by rollup(stage_funnel).  The arithmetic lives in src/core/funnel.c.
 */
#include "innovation.h"

#include "funcapi.h"
#include "nodes/execnodes.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "core/funnel.h"

#define PG_GETARG_FUNNEL(n)	((const InnoFunnel *) PG_GETARG_POINTER(n))
#define PG_GETARG_STAGE(n)	((InnoStage) DatumGetUInt8(PG_GETARG_DATUM(n)))

PG_FUNCTION_INFO_V1(stage_funnel_in);
Datum
stage_funnel_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	size_t		len;
	const char *utf8 = inno_server_to_utf8(str, strlen(str), &len);
	InnoFunnel *f = palloc(sizeof(InnoFunnel));
	InnoError	err;
	InnoStatus	st = inno_funnel_parse(utf8, len, f, &err);

	if (st != INNO_OK)
		ereturn(fcinfo->context, (Datum) 0,
				(errcode(inno_sqlstate(st)),
				 errmsg("invalid input syntax for type %s: \"%s\"", "stage_funnel", inno_quote_input(str, strlen(str))),
				 INNO_ERRDETAIL(err)));
	PG_RETURN_POINTER(f);
}

/* A stored funnel, checked before it is trusted. */
static const InnoFunnel *
CheckedFunnel(FunctionCallInfo fcinfo, int n)
{
	const InnoFunnel *f = PG_GETARG_FUNNEL(n);
	InnoError	err;
	InnoStatus	st = inno_funnel_validate(f, &err);

	if (st != INNO_OK)
		inno_report_corrupt(st, &err, "stage_funnel");
	return f;
}

PG_FUNCTION_INFO_V1(stage_funnel_out);
Datum
stage_funnel_out(PG_FUNCTION_ARGS)
{
	char	   *buf = palloc(INNO_FUNNEL_TEXT_MAX);

	inno_funnel_format(CheckedFunnel(fcinfo, 0), buf, INNO_FUNNEL_TEXT_MAX);
	PG_RETURN_CSTRING(buf);
}

PG_FUNCTION_INFO_V1(stage_funnel_recv);
Datum
stage_funnel_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const char *data = buf->data + buf->cursor;
	int			len = buf->len - buf->cursor;
	InnoFunnel *f = palloc(sizeof(InnoFunnel));
	InnoError	err;

	if (inno_funnel_decode_binary((const uint8_t *) data, (size_t) len, f, &err) != INNO_OK)
		inno_report_bad_binary("stage_funnel", data, len, err.detail);
	buf->cursor = buf->len;
	PG_RETURN_POINTER(f);
}

PG_FUNCTION_INFO_V1(stage_funnel_send);
Datum
stage_funnel_send(PG_FUNCTION_ARGS)
{
	uint8_t		bytes[INNO_FUNNEL_BINARY_LEN];
	StringInfoData buf;

	inno_funnel_encode_binary(CheckedFunnel(fcinfo, 0), bytes);
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, (const char *) bytes, INNO_FUNNEL_BINARY_LEN);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

static void
ReportOverflow(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("stage_funnel count out of range"),
			 errdetail("The counts of a stage_funnel add up to at most %lld.", (long long) PG_INT64_MAX)));
}

/*
 * funnel(project_stage): transition (strict: NULL stages are skipped).
 * Each call adds one project, so a state's total is at most the initial
 * state's (INITCOND's, the same for every group) plus the calls made so far
 * at this call site: while that stays below INT64_MAX no total can
 * overflow, and the row is counted without summing the state's 16 counts.
 * The calls left are kept in fn_extra; past them (a custom aggregate seeded
 * near INT64_MAX), and outside an aggregate, every row is checked.
 */
PG_FUNCTION_INFO_V1(funnel_trans);
Datum
funnel_trans(PG_FUNCTION_ARGS)
{
	InnoStage	stage = PG_GETARG_STAGE(1);
	InnoFunnel *f;

	/* (an aggregate's call, tested inline first: this runs for every row) */
	if ((fcinfo->context != NULL && IsA(fcinfo->context, AggState)) || AggCheckCallContext(fcinfo, NULL))
	{
		uint64	   *left = (uint64 *) fcinfo->flinfo->fn_extra;

		f = (InnoFunnel *) PG_GETARG_POINTER(0);
		if (left == NULL)
		{
			/* the first call: its state is the initial one */
			left = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, sizeof(uint64));
			*left = (uint64) PG_INT64_MAX - (uint64) inno_funnel_total(f);
			fcinfo->flinfo->fn_extra = left;
		}
		if (*left > 0 && inno_funnel_add_one_unchecked(f, stage))
		{
			(*left)--;
			PG_RETURN_POINTER(f);
		}
	}
	f = inno_agg_state(fcinfo, sizeof(InnoFunnel));
	if (inno_funnel_add(f, stage, 1) != INNO_OK)
		ReportOverflow();
	PG_RETURN_POINTER(f);
}

/* Combine two funnels: the combine function of funnel(), and rollup()'s transition. */
PG_FUNCTION_INFO_V1(funnel_combine);
Datum
funnel_combine(PG_FUNCTION_ARGS)
{
	InnoFunnel *f = inno_agg_state(fcinfo, sizeof(InnoFunnel));

	if (inno_funnel_merge(f, CheckedFunnel(fcinfo, 1)) != INNO_OK)
		ReportOverflow();
	PG_RETURN_POINTER(f);
}

PG_FUNCTION_INFO_V1(stage_funnel_eq);
Datum
stage_funnel_eq(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(memcmp(PG_GETARG_POINTER(0), PG_GETARG_POINTER(1), sizeof(InnoFunnel)) == 0);
}

PG_FUNCTION_INFO_V1(stage_funnel_ne);
Datum
stage_funnel_ne(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL(memcmp(PG_GETARG_POINTER(0), PG_GETARG_POINTER(1), sizeof(InnoFunnel)) != 0);
}

PG_FUNCTION_INFO_V1(funnel_reached);
Datum
funnel_reached(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(inno_funnel_reached(CheckedFunnel(fcinfo, 0), PG_GETARG_STAGE(1)));
}

PG_FUNCTION_INFO_V1(funnel_at_stage);
Datum
funnel_at_stage(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(inno_funnel_at(CheckedFunnel(fcinfo, 0), PG_GETARG_STAGE(1)));
}

PG_FUNCTION_INFO_V1(funnel_total);
Datum
funnel_total(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(inno_funnel_total(CheckedFunnel(fcinfo, 0)));
}

/* conversion(f, from, to) = reached(to) / reached(from); NULL when nothing reached from. */
PG_FUNCTION_INFO_V1(funnel_conversion);
Datum
funnel_conversion(PG_FUNCTION_ARGS)
{
	const InnoFunnel *f = CheckedFunnel(fcinfo, 0);
	InnoStage	sfrom = PG_GETARG_STAGE(1),
				sto = PG_GETARG_STAGE(2);
	int64		from,
				to;

	if (inno_stage_rank(sto) < inno_stage_rank(sfrom))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("conversion from %s to %s runs down the ladder",
						inno_stage_by_code(sfrom)->label, inno_stage_by_code(sto)->label),
				 errhint("Give the earlier stage first: conversion(f, '%s', '%s').",
						 inno_stage_by_code(sto)->label, inno_stage_by_code(sfrom)->label)));
	from = inno_funnel_reached(f, sfrom);
	to = inno_funnel_reached(f, sto);
	if (from == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8((float8) to / (float8) from);
}

PG_FUNCTION_INFO_V1(stage_funnel_to_jsonb);
Datum
stage_funnel_to_jsonb(PG_FUNCTION_ARGS)
{
	char	   *buf = palloc(INNO_FUNNEL_TEXT_MAX);

	inno_funnel_format(CheckedFunnel(fcinfo, 0), buf, INNO_FUNNEL_TEXT_MAX);
	return DirectFunctionCall1(jsonb_in, CStringGetDatum(buf));
}

/* stages(f): one row per rung: rank, stage, at_stage, reached, conversion from the rung before. */
PG_FUNCTION_INFO_V1(funnel_stages);
Datum
funnel_stages(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx;
	const InnoFunnel *f;

	if (SRF_IS_FIRSTCALL())
	{
		MemoryContext oldcontext;
		TupleDesc	tupdesc;
		InnoFunnel *copy;

		funcctx = SRF_FIRSTCALL_INIT();
		oldcontext = MemoryContextSwitchTo(funcctx->multi_call_memory_ctx);
		if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
			elog(ERROR, "return type must be a row type");
		funcctx->tuple_desc = BlessTupleDesc(tupdesc);
		copy = palloc(sizeof(InnoFunnel));
		memcpy(copy, CheckedFunnel(fcinfo, 0), sizeof(InnoFunnel));
		funcctx->user_fctx = copy;
		funcctx->max_calls = INNO_STAGE_COUNT;
		MemoryContextSwitchTo(oldcontext);
	}
	funcctx = SRF_PERCALL_SETUP();
	f = funcctx->user_fctx;
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		int			rank = (int) funcctx->call_cntr + 1;
		InnoStage	s = inno_stage_at_rank(rank);
		int64		reached = inno_funnel_reached(f, s);
		Datum		values[5];
		bool		nulls[5] = {false, false, false, false, false};

		values[0] = Int32GetDatum(rank);
		values[1] = UInt8GetDatum(s);
		values[2] = Int64GetDatum(inno_funnel_at(f, s));
		values[3] = Int64GetDatum(reached);
		if (rank == 1 || inno_funnel_reached(f, inno_stage_at_rank(rank - 1)) == 0)
			nulls[4] = true;
		else
			values[4] = Float8GetDatum((float8) reached /
									   (float8) inno_funnel_reached(f, inno_stage_at_rank(rank - 1)));
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}

/* order by the stored bytes, hash by the binary form: btree and hash operator classes */
static int
SummaryCmp(FunctionCallInfo fcinfo)
{
	return inno_bytes_cmp(CheckedFunnel(fcinfo, 0), sizeof(InnoFunnel), CheckedFunnel(fcinfo, 1), sizeof(InnoFunnel));
}

INNO_SUMMARY_ORDER(stage_funnel)
