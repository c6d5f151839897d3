/*
 * project_stage.c
 *	  PostgreSQL glue for the project_stage type and the stage_range range
 *	  type: I/O, comparison, hashing, sort support and ladder functions.
 *
 * A project_stage is a one-byte, pass-by-value stable code (see
 * src/core/stage.h); everything here is a thin wrapper over the core.
 */
#include "innovation.h"

#include "access/hash.h"
#include "common/hashfn.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/rangetypes.h"
#include "utils/sortsupport.h"

#include "core/stage.h"

#define DatumGetStage(d)		((InnoStage) DatumGetUInt8(d))
#define StageGetDatum(s)		UInt8GetDatum((uint8) (s))
#define PG_GETARG_STAGE(n)		DatumGetStage(PG_GETARG_DATUM(n))
#define PG_RETURN_STAGE(s)		return StageGetDatum(s)

#if PG_VERSION_NUM >= 160000
#define RangeSerialize(tc, lo, up, empty) range_serialize(tc, lo, up, empty, NULL)
#else
#define RangeSerialize(tc, lo, up, empty) range_serialize(tc, lo, up, empty)
#endif

/*
 * The ladder entry for a stored code.  A code outside the ladder can only
 * come from corrupted storage: report it rather than crash.
 */
static const InnoStageInfo *
StageInfoOrError(InnoStage code)
{
	const InnoStageInfo *info = inno_stage_by_code(code);

	if (info == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid project_stage code %u in stored value", (unsigned) code)));
	return info;
}

/* Parse a label in the server encoding; returns false after a soft error. */
static bool
ParseStage(const char *str, size_t len, InnoStage *code, Node *escontext)
{
	size_t		ulen;
	char	   *utf8 = inno_server_to_utf8(str, len, &ulen);
	InnoError	err;
	InnoStatus	st = inno_stage_parse(utf8, ulen, code, &err);

	if (st != INNO_OK)
		ereturn(escontext, false,
				(errcode(inno_sqlstate(st)),
				 errmsg("invalid input syntax for type %s: \"%s\"", "project_stage",
						inno_quote_input(str, len)),
				 INNO_ERRDETAIL(err),
				 INNO_ERRHINT(err)));
	return true;
}

PG_FUNCTION_INFO_V1(project_stage_in);
Datum
project_stage_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	InnoStage	code = INNO_STAGE_INVALID;

	if (!ParseStage(str, strlen(str), &code, fcinfo->context))
		PG_RETURN_NULL();
	PG_RETURN_STAGE(code);
}

PG_FUNCTION_INFO_V1(project_stage_out);
Datum
project_stage_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(pstrdup(StageInfoOrError(PG_GETARG_STAGE(0))->label));
}

PG_FUNCTION_INFO_V1(project_stage_recv);
Datum
project_stage_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const char *data = buf->data + buf->cursor;
	int			len = buf->len - buf->cursor;
	InnoStage	code = INNO_STAGE_INVALID;
	InnoError	err;
	InnoStatus	st = inno_stage_decode_binary((const uint8_t *) data, (size_t) len, &code, &err);

	if (st != INNO_OK)
		inno_report_bad_binary("project_stage", data, len, err.detail);
	buf->cursor = buf->len;
	PG_RETURN_STAGE(code);
}

PG_FUNCTION_INFO_V1(project_stage_send);
Datum
project_stage_send(PG_FUNCTION_ARGS)
{
	InnoStage	code = PG_GETARG_STAGE(0);
	uint8_t		bytes[INNO_STAGE_BINARY_LEN];
	StringInfoData buf;

	(void) StageInfoOrError(code);
	inno_stage_encode_binary(code, bytes);
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, (const char *) bytes, INNO_STAGE_BINARY_LEN);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* text -> project_stage cast (also used for varchar) */
PG_FUNCTION_INFO_V1(project_stage_from_text);
Datum
project_stage_from_text(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	InnoStage	code = INNO_STAGE_INVALID;

	(void) ParseStage(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &code, NULL);
	PG_RETURN_STAGE(code);
}

/* try_project_stage(text): NULL where the text is not a stage */
PG_FUNCTION_INFO_V1(try_project_stage);
Datum
try_project_stage(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	size_t		ulen;
	char	   *utf8 = inno_server_to_utf8(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &ulen);
	InnoStage	code;
	InnoError	err;

	if (inno_stage_parse(utf8, ulen, &code, &err) != INNO_OK)
		PG_RETURN_NULL();
	PG_RETURN_STAGE(code);
}

/* project_stage -> text cast */
PG_FUNCTION_INFO_V1(project_stage_to_text);
Datum
project_stage_to_text(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(StageInfoOrError(PG_GETARG_STAGE(0))->label));
}

/*
 * Comparison: by rank.  Ranks of corrupted codes are 0, so comparisons never
 * fail (which lets the operators be LEAKPROOF).
 */
#define STAGE_CMP_FUNC(name, op) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(inno_stage_cmp(PG_GETARG_STAGE(0), PG_GETARG_STAGE(1)) op 0); \
}

STAGE_CMP_FUNC(project_stage_lt, <)
STAGE_CMP_FUNC(project_stage_le, <=)
STAGE_CMP_FUNC(project_stage_eq, ==)
STAGE_CMP_FUNC(project_stage_ne, !=)
STAGE_CMP_FUNC(project_stage_ge, >=)
STAGE_CMP_FUNC(project_stage_gt, >)

PG_FUNCTION_INFO_V1(project_stage_cmp);
Datum
project_stage_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(inno_stage_cmp(PG_GETARG_STAGE(0), PG_GETARG_STAGE(1)));
}

static int
StageFastCmp(Datum a, Datum b, SortSupport ssup pg_attribute_unused())
{
	return inno_stage_cmp(DatumGetStage(a), DatumGetStage(b));
}

PG_FUNCTION_INFO_V1(project_stage_sortsupport);
Datum
project_stage_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ssup->comparator = StageFastCmp;
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(project_stage_larger);
Datum
project_stage_larger(PG_FUNCTION_ARGS)
{
	InnoStage	a = PG_GETARG_STAGE(0);
	InnoStage	b = PG_GETARG_STAGE(1);

	PG_RETURN_STAGE(inno_stage_cmp(a, b) >= 0 ? a : b);
}

PG_FUNCTION_INFO_V1(project_stage_smaller);
Datum
project_stage_smaller(PG_FUNCTION_ARGS)
{
	InnoStage	a = PG_GETARG_STAGE(0);
	InnoStage	b = PG_GETARG_STAGE(1);

	PG_RETURN_STAGE(inno_stage_cmp(a, b) <= 0 ? a : b);
}

/*
 * Hashing uses the stable code through PostgreSQL's portable integer hash,
 * so a value hashes the same on every machine, architecture and version:
 * tables can be hash-partitioned or distributed by a project_stage column.
 */
PG_FUNCTION_INFO_V1(hash_project_stage);
Datum
hash_project_stage(PG_FUNCTION_ARGS)
{
	return hash_uint32((uint32) PG_GETARG_STAGE(0));
}

PG_FUNCTION_INFO_V1(hash_project_stage_extended);
Datum
hash_project_stage_extended(PG_FUNCTION_ARGS)
{
	return hash_uint32_extended((uint32) PG_GETARG_STAGE(0), PG_GETARG_INT64(1));
}

PG_FUNCTION_INFO_V1(stage_rank);
Datum
stage_rank(PG_FUNCTION_ARGS)
{
	InnoStage	code = PG_GETARG_STAGE(0);

	(void) StageInfoOrError(code);
	PG_RETURN_INT32(inno_stage_rank(code));
}

/* The stage `delta` rungs away, or NULL past either end of the ladder. */
static Datum
StageStep(FunctionCallInfo fcinfo, int delta)
{
	InnoStage	code = PG_GETARG_STAGE(0);
	InnoStage	next;

	(void) StageInfoOrError(code);
	next = inno_stage_at_rank(inno_stage_rank(code) + delta);
	if (next == INNO_STAGE_INVALID)
		PG_RETURN_NULL();
	PG_RETURN_STAGE(next);
}

PG_FUNCTION_INFO_V1(stage_next);
Datum
stage_next(PG_FUNCTION_ARGS)
{
	return StageStep(fcinfo, 1);
}

PG_FUNCTION_INFO_V1(stage_prev);
Datum
stage_prev(PG_FUNCTION_ARGS)
{
	return StageStep(fcinfo, -1);
}

PG_FUNCTION_INFO_V1(stage_name_zh);
Datum
stage_name_zh(PG_FUNCTION_ARGS)
{
	const InnoStageInfo *info = StageInfoOrError(PG_GETARG_STAGE(0));

	PG_RETURN_TEXT_P(cstring_to_text(inno_utf8_to_server(info->name_zh, "the Chinese name of stage", info->label)));
}

/* stage_ladder(): one row per rung, (rank, stage, name_zh, definition). */
PG_FUNCTION_INFO_V1(stage_ladder);
Datum
stage_ladder(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx = inno_srf_rows(fcinfo, INNO_STAGE_COUNT);
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		int			rank = (int) funcctx->call_cntr + 1;
		const InnoStageInfo *info = inno_stage_by_rank(rank);
		Datum		values[4];
		bool		nulls[4] = {false, false, false, false};
		HeapTuple	tuple;

		values[0] = Int32GetDatum(rank);
		values[1] = StageGetDatum(info->code);
		values[2] = PointerGetDatum(cstring_to_text(inno_utf8_to_server(info->name_zh, "the Chinese name of stage",
																							info->label)));
		values[3] = PointerGetDatum(cstring_to_text(info->definition));
		tuple = heap_form_tuple(funcctx->tuple_desc, values, nulls);
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(tuple));
	}
	SRF_RETURN_DONE(funcctx);
}

/*
 * stage_range is discrete: its canonical form is [lower, upper), like
 * int4range.  An inclusive upper bound at the last rung stays inclusive (no
 * rung follows it), and an exclusive lower bound at the last rung leaves
 * nothing in the range.  Nor does an exclusive upper bound at the first rung
 * with no lower bound: (,concept) holds no stage, so it is empty, and
 * isempty(), = 'empty' and multiranges agree with @>.
 */
PG_FUNCTION_INFO_V1(stage_range_canonical);
Datum
stage_range_canonical(PG_FUNCTION_ARGS)
{
	RangeType  *r = PG_GETARG_RANGE_P(0);
	TypeCacheEntry *typcache = range_get_typcache(fcinfo, RangeTypeGetOid(r));
	RangeBound	lower;
	RangeBound	upper;
	bool		empty;

	range_deserialize(typcache, r, &lower, &upper, &empty);
	if (empty)
		PG_RETURN_RANGE_P(r);
	if (!lower.infinite && !lower.inclusive)
	{
		InnoStage	next = inno_stage_at_rank(inno_stage_rank(DatumGetStage(lower.val)) + 1);

		if (next == INNO_STAGE_INVALID)
			PG_RETURN_RANGE_P(make_empty_range(typcache));
		lower.val = StageGetDatum(next);
		lower.inclusive = true;
	}
	if (lower.infinite && !upper.infinite && !upper.inclusive &&
		inno_stage_rank(DatumGetStage(upper.val)) == 1)
		PG_RETURN_RANGE_P(make_empty_range(typcache));
	if (!upper.infinite && upper.inclusive)
	{
		InnoStage	next = inno_stage_at_rank(inno_stage_rank(DatumGetStage(upper.val)) + 1);

		if (next != INNO_STAGE_INVALID)
		{
			upper.val = StageGetDatum(next);
			upper.inclusive = false;
		}
	}
	PG_RETURN_RANGE_P(RangeSerialize(typcache, &lower, &upper, false));
}

PG_FUNCTION_INFO_V1(stage_range_subdiff);
Datum
stage_range_subdiff(PG_FUNCTION_ARGS)
{
	PG_RETURN_FLOAT8((float8) (inno_stage_rank(PG_GETARG_STAGE(0)) -
							   inno_stage_rank(PG_GETARG_STAGE(1))));
}
