/*
 * round_kind.c
 *	  PostgreSQL glue for the round_kind type: the kind of a funding round
 *	  as a one-byte, pass-by-value stable code, ordered along the ladder of
 *	  round_kinds() and read with the funding_round reader's vocabulary
 *	  (src/core/funding_vocab.c); and the functions that list and classify
 *	  kinds.
 */
#include "innovation.h"

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"

#include "funding_round.h"

#define PG_GETARG_KIND(n)	DatumGetUInt8(PG_GETARG_DATUM(n))
#define KindGetDatum(k)		UInt8GetDatum((uint8) (k))
#define KIND_BINARY_VERSION 1

/* The vocabulary entry of a stored code; a code outside it is corrupt storage. */
static const InnoRoundKindInfo *
KindInfo(uint8 code)
{
	const InnoRoundKindInfo *k = inno_round_kind_by_code(code);

	if (k == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid round kind code %u in stored value", (unsigned) code)));
	return k;
}

const InnoRoundKindInfo *
inno_kind_of(const InnoFundingRound *fr)
{
	return KindInfo(fr->kind);
}

/* Parse a kind in the server encoding; false after a soft error. */
static bool
ParseKind(const char *str, size_t len, uint8 *code, Node *escontext)
{
	size_t		ulen;
	char	   *utf8 = inno_server_to_utf8(str, len, &ulen);
	InnoError	err;
	InnoStatus	st = inno_round_kind_parse(utf8, ulen, code, &err);

	if (st != INNO_OK)
		ereturn(escontext, false,
				(errcode(inno_sqlstate(st)),
				 errmsg("invalid input syntax for type %s: \"%s\"", "round_kind", inno_quote_input(str, len)),
				 INNO_ERRDETAIL(err),
				 INNO_ERRHINT(err)));
	return true;
}

PG_FUNCTION_INFO_V1(round_kind_in);
Datum
round_kind_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	uint8		code = 0;

	if (!ParseKind(str, strlen(str), &code, fcinfo->context))
		PG_RETURN_NULL();
	return KindGetDatum(code);
}

PG_FUNCTION_INFO_V1(round_kind_out);
Datum
round_kind_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(pstrdup(KindInfo(PG_GETARG_KIND(0))->label));
}

/* binary: a format-version byte, then the stable code */
PG_FUNCTION_INFO_V1(round_kind_recv);
Datum
round_kind_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const char *data = buf->data + buf->cursor;
	int			len = buf->len - buf->cursor;
	InnoError	err;

	inno_error_clear(&err);
	if (inno_binary_check((const uint8_t *) data, (size_t) len, "round_kind", KIND_BINARY_VERSION, 2,
						  false, &err) != INNO_OK)
		inno_report_bad_binary("round_kind", data, len, err.detail);
	if (inno_round_kind_by_code((uint8) data[1]) == NULL)
		inno_report_bad_binary("round_kind", data, len,
							   psprintf("Byte %u is not a round kind code (round_kinds() lists them).",
										(unsigned) (uint8) data[1]));
	buf->cursor = buf->len;
	return KindGetDatum((uint8) data[1]);
}

PG_FUNCTION_INFO_V1(round_kind_send);
Datum
round_kind_send(PG_FUNCTION_ARGS)
{
	uint8		code = KindInfo(PG_GETARG_KIND(0))->code;
	StringInfoData buf;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, KIND_BINARY_VERSION);
	pq_sendbyte(&buf, code);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(round_kind_from_text);
Datum
round_kind_from_text(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	uint8		code = 0;

	(void) ParseKind(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &code, NULL);
	return KindGetDatum(code);
}

PG_FUNCTION_INFO_V1(round_kind_to_text);
Datum
round_kind_to_text(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(KindInfo(PG_GETARG_KIND(0))->label));
}

/* ---- order: the rank in round_kinds() ---- */

static int
KindCmp(FunctionCallInfo fcinfo)
{
	int			a = inno_round_kind_rank(KindInfo(PG_GETARG_KIND(0))->code);
	int			b = inno_round_kind_rank(KindInfo(PG_GETARG_KIND(1))->code);

	return (a > b) - (a < b);
}

#define KIND_OP(name, expr) \
PG_FUNCTION_INFO_V1(name); \
Datum name(PG_FUNCTION_ARGS) { PG_RETURN_BOOL(KindCmp(fcinfo) expr); }

KIND_OP(round_kind_lt, < 0)
KIND_OP(round_kind_le, <= 0)
KIND_OP(round_kind_eq, == 0)
KIND_OP(round_kind_ne, != 0)
KIND_OP(round_kind_ge, >= 0)
KIND_OP(round_kind_gt, > 0)

PG_FUNCTION_INFO_V1(round_kind_cmp);
Datum
round_kind_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(KindCmp(fcinfo));
}

/* hashing the stable code with PostgreSQL's portable integer hash: the same everywhere */
PG_FUNCTION_INFO_V1(hash_round_kind);
Datum
hash_round_kind(PG_FUNCTION_ARGS)
{
	return hash_uint32((uint32) KindInfo(PG_GETARG_KIND(0))->code);
}

PG_FUNCTION_INFO_V1(hash_round_kind_extended);
Datum
hash_round_kind_extended(PG_FUNCTION_ARGS)
{
	return hash_uint32_extended((uint32) KindInfo(PG_GETARG_KIND(0))->code, PG_GETARG_INT64(1));
}

/* ---- classification ---- */

PG_FUNCTION_INFO_V1(round_kind_rank);
Datum
round_kind_rank(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(inno_round_kind_rank(KindInfo(PG_GETARG_KIND(0))->code));
}

PG_FUNCTION_INFO_V1(round_kind_name_zh);
Datum
round_kind_name_zh(PG_FUNCTION_ARGS)
{
	const InnoRoundKindInfo *k = KindInfo(PG_GETARG_KIND(0));

	PG_RETURN_TEXT_P(cstring_to_text(inno_utf8_to_server(k->name_zh, "the Chinese name of round kind", k->label)));
}

PG_FUNCTION_INFO_V1(round_kind_category);
Datum
round_kind_category(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(inno_round_category_name(KindInfo(PG_GETARG_KIND(0))->category)));
}

/* round_kind(funding_round) */
PG_FUNCTION_INFO_V1(funding_round_kind);
Datum
funding_round_kind(PG_FUNCTION_ARGS)
{
	return KindGetDatum(inno_kind_of((const InnoFundingRound *) PG_GETARG_POINTER(0))->code);
}

/* round_category(funding_round) */
PG_FUNCTION_INFO_V1(funding_round_category);
Datum
funding_round_category(PG_FUNCTION_ARGS)
{
	const InnoRoundKindInfo *k = inno_kind_of((const InnoFundingRound *) PG_GETARG_POINTER(0));

	PG_RETURN_TEXT_P(cstring_to_text(inno_round_category_name(k->category)));
}

/* round_kinds(): the round-kind vocabulary, in order. */
PG_FUNCTION_INFO_V1(round_kinds);
Datum
round_kinds(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx = inno_srf_rows(fcinfo, (uint64) inno_round_kind_count());

	if (funcctx->call_cntr < funcctx->max_calls)
	{
		int			rank = (int) funcctx->call_cntr + 1;
		const InnoRoundKindInfo *k = inno_round_kind_by_rank(rank);
		Datum		values[6];
		bool		nulls[6] = {false, false, false, false, false, false};

		values[0] = Int32GetDatum(rank);
		values[1] = KindGetDatum(k->code);
		values[2] = PointerGetDatum(cstring_to_text(inno_utf8_to_server(k->name_zh, "the Chinese name of round kind",
																							k->label)));
		values[3] = PointerGetDatum(cstring_to_text(inno_round_category_name(k->category)));
		if (k->category == INNO_ROUND_UNKNOWN)
			nulls[4] = nulls[5] = true;
		else
		{
			values[4] = BoolGetDatum(k->is_equity);
			values[5] = BoolGetDatum(k->is_exit);
		}
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}
