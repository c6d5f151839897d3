/*
 * funding_round.c
 *	  PostgreSQL glue for the funding_round type: I/O, constructor,
 *	  accessors, comparison, hashing, jsonb, and GiST support for matching
 *	  rounds against a funding_window.
 *
 * A funding_round is a fixed 32-byte value (src/core/funding.h); parsing,
 * formatting, validation, ordering and the GiST box logic live in the core.
 */
#include "innovation.h"

#include "access/gist.h"
#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"

#include "core/decimal.h"
#include "core/frbox.h"
#include "core/funding.h"

#define PG_GETARG_FR(n)		((const InnoFundingRound *) PG_GETARG_POINTER(n))

#if PG_VERSION_NUM >= 160000
#define MakeRange(tc, lo, up, empty) make_range(tc, lo, up, empty, NULL)
#else
#define MakeRange(tc, lo, up, empty) make_range(tc, lo, up, empty)
#endif

/* Report a core failure for a value received or stored, not typed in. */
static void
ReportCorrupt(InnoStatus st, const InnoError *err, const char *what)
{
	ereport(ERROR,
			(errcode(st == INNO_ERR_CORRUPT ? ERRCODE_DATA_CORRUPTED : inno_sqlstate(st)),
			 errmsg("invalid funding_round %s", what),
			 err->detail[0] ? errdetail("%s", err->detail) : 0));
}

/* Parse text in the server encoding; false after a soft error. */
static bool
ParseRound(const char *str, size_t len, InnoFundingRound *fr, Node *escontext)
{
	size_t		ulen;
	char	   *utf8 = inno_server_to_utf8(str, len, &ulen);
	InnoError	err;
	InnoStatus	st = inno_fr_parse(utf8, ulen, fr, &err);

	if (st != INNO_OK)
		ereturn(escontext, false,
				(errcode(inno_sqlstate(st)),
				 st == INNO_ERR_RANGE ?
				 errmsg("value out of range for type %s: \"%s\"", "funding_round", pnstrdup(str, len)) :
				 errmsg("invalid input syntax for type %s: \"%s\"", "funding_round", pnstrdup(str, len)),
				 err.detail[0] ? errdetail("%s", err.detail) : 0,
				 err.hint[0] ? errhint("%s", err.hint) : 0));
	return true;
}

PG_FUNCTION_INFO_V1(funding_round_in);
Datum
funding_round_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	InnoFundingRound *fr = palloc(sizeof(InnoFundingRound));

	if (!ParseRound(str, strlen(str), fr, fcinfo->context))
		PG_RETURN_NULL();
	PG_RETURN_POINTER(fr);
}

/* Canonical text of a stored value (validated first: storage may be corrupt). */
static char *
FormatRound(const InnoFundingRound *fr)
{
	InnoError	err;
	InnoStatus	st = inno_fr_validate(fr, &err);
	char	   *buf;

	if (st != INNO_OK)
		ReportCorrupt(st, &err, "value in storage");
	buf = palloc(INNO_FR_TEXT_MAX);
	if (inno_fr_format(fr, buf, INNO_FR_TEXT_MAX) < 0)
		elog(ERROR, "funding_round text form does not fit in %d bytes", INNO_FR_TEXT_MAX);
	return inno_utf8_to_server(buf);
}

PG_FUNCTION_INFO_V1(funding_round_out);
Datum
funding_round_out(PG_FUNCTION_ARGS)
{
	PG_RETURN_CSTRING(FormatRound(PG_GETARG_FR(0)));
}

PG_FUNCTION_INFO_V1(funding_round_recv);
Datum
funding_round_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	const char *data = buf->data + buf->cursor;
	int			len = buf->len - buf->cursor;
	InnoFundingRound *fr = palloc(sizeof(InnoFundingRound));
	InnoError	err;
	InnoStatus	st = inno_fr_decode_binary((const uint8_t *) data, (size_t) len, fr, &err);

	if (st != INNO_OK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid binary input for type %s: \"%s\"", "funding_round",
						inno_bytes_to_hex(data, len)),
				 errdetail("%s", err.detail)));
	buf->cursor = buf->len;
	PG_RETURN_POINTER(fr);
}

PG_FUNCTION_INFO_V1(funding_round_send);
Datum
funding_round_send(PG_FUNCTION_ARGS)
{
	const InnoFundingRound *fr = PG_GETARG_FR(0);
	uint8_t		bytes[INNO_FR_BINARY_LEN];
	InnoError	err;
	InnoStatus	st = inno_fr_validate(fr, &err);
	StringInfoData buf;

	if (st != INNO_OK)
		ReportCorrupt(st, &err, "value in storage");
	inno_fr_encode_binary(fr, bytes);
	pq_begintypsend(&buf);
	pq_sendbytes(&buf, (const char *) bytes, INNO_FR_BINARY_LEN);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(funding_round_from_text);
Datum
funding_round_from_text(PG_FUNCTION_ARGS)
{
	text	   *t = PG_GETARG_TEXT_PP(0);
	InnoFundingRound *fr = palloc(sizeof(InnoFundingRound));

	(void) ParseRound(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), fr, NULL);
	PG_RETURN_POINTER(fr);
}

PG_FUNCTION_INFO_V1(funding_round_to_text);
Datum
funding_round_to_text(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(FormatRound(PG_GETARG_FR(0))));
}

/* ---- numeric and currency helpers ---- */

static const InnoCurrencyInfo *
CurrencyOrError(const char *alpha)
{
	const InnoCurrencyInfo *cur = inno_currency_by_alpha(alpha);

	if (cur == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown currency \"%s\"", alpha),
				 errhint("Use an ISO 4217 code listed by funding_currencies(), such as CNY or USD.")));
	return cur;
}

/* A numeric amount in major units, as minor units; exact or an error. */
static int64
NumericToMinor(Numeric num, const InnoCurrencyInfo *cur, const char *what)
{
	char	   *s = DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(num)));
	InnoError	err;
	int64_t		v;
	InnoStatus	st = inno_decimal_to_minor(s, strlen(s), cur->minor_digits, INNO_FR_AMOUNT_MAX, &v, &err);

	if (st != INNO_OK)
		ereport(ERROR,
				(errcode(st == INNO_ERR_RANGE ? ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE : ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("invalid %s amount \"%s\" for currency %s", what, s, cur->alpha),
				 err.detail[0] ? errdetail("%s", err.detail) : 0));
	return v;
}

/* Minor units as a numeric in the currency's major units. */
static Datum
MinorToNumeric(int64 minor, uint16 currency)
{
	const InnoCurrencyInfo *cur = inno_currency_by_numeric(currency);

	return inno_minor_to_numeric(minor, cur ? cur->minor_digits : 2);
}

/*
 * funding_round(kind, low, high, currency, announced [, precision]).
 * Not strict: NULL kind is 'undisclosed', NULL low an undisclosed amount,
 * NULL high an open upper end, NULL announced no date.
 */
PG_FUNCTION_INFO_V1(funding_round_make);
Datum
funding_round_make(PG_FUNCTION_ARGS)
{
	uint8_t		kind;
	bool		has_amount = !PG_ARGISNULL(1);
	bool		has_high = !PG_ARGISNULL(2);
	const InnoCurrencyInfo *cur = NULL;
	int64		low = 0,
				high = 0;
	int			precision = INNO_FR_DATE_NONE;
	int32		days = 0;
	InnoFundingRound *fr = palloc(sizeof(InnoFundingRound));
	InnoError	err;
	InnoStatus	st;

	if (PG_ARGISNULL(0))
		kind = 0;
	else
	{
		text	   *t = PG_GETARG_TEXT_PP(0);

		st = inno_round_kind_parse(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &kind, &err);
		if (st != INNO_OK)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown round kind \"%s\"", text_to_cstring(t)),
					 err.hint[0] ? errhint("%s", err.hint) : 0));
	}
	if (kind == 0 && inno_round_kind_parse("undisclosed", 11, &kind, &err) != INNO_OK)
		elog(ERROR, "round kind \"undisclosed\" missing from the vocabulary");

	if (!PG_ARGISNULL(3))
		cur = CurrencyOrError(text_to_cstring(PG_GETARG_TEXT_PP(3)));
	if (!has_amount && has_high)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a funding round with an upper amount needs a lower amount"),
				 errhint("Pass NULL for both to record an undisclosed amount.")));
	if (has_amount && cur == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a disclosed amount needs a currency"),
				 errhint("Pass an ISO 4217 code such as 'CNY' or 'USD'.")));
	if (has_amount)
		low = NumericToMinor(PG_GETARG_NUMERIC(1), cur, "low");
	if (has_high)
		high = NumericToMinor(PG_GETARG_NUMERIC(2), cur, "high");

	if (!PG_ARGISNULL(4))
	{
		DateADT		d = PG_GETARG_DATEADT(4);
		char	   *p = PG_NARGS() > 5 && !PG_ARGISNULL(5) ?
			text_to_cstring(PG_GETARG_TEXT_PP(5)) : "day";

		if (DATE_NOT_FINITE(d))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("the announcement date must be finite")));
		if (pg_strcasecmp(p, "day") == 0)
			precision = INNO_FR_DATE_DAY;
		else if (pg_strcasecmp(p, "month") == 0)
			precision = INNO_FR_DATE_MONTH;
		else if (pg_strcasecmp(p, "year") == 0)
			precision = INNO_FR_DATE_YEAR;
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown date precision \"%s\"", p),
					 errhint("Use 'day', 'month' or 'year'.")));
		days = d;
	}

	st = inno_fr_make(kind, has_amount, low, has_high, high, cur ? cur->numeric : 0,
					  precision, days, fr, &err);
	if (st != INNO_OK)
		ereport(ERROR,
				(errcode(inno_sqlstate(st == INNO_ERR_SYNTAX ? INNO_ERR_PARAM : st)),
				 errmsg("invalid funding round"),
				 err.detail[0] ? errdetail("%s", err.detail) : 0,
				 err.hint[0] ? errhint("%s", err.hint) : 0));
	PG_RETURN_POINTER(fr);
}

/* ---- accessors ---- */

static const InnoRoundKindInfo *
KindOf(const InnoFundingRound *fr)
{
	const InnoRoundKindInfo *k = inno_round_kind_by_code(fr->kind);

	if (k == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_DATA_CORRUPTED),
				 errmsg("invalid round kind code %u in stored funding_round", (unsigned) fr->kind)));
	return k;
}

PG_FUNCTION_INFO_V1(funding_round_kind);
Datum
funding_round_kind(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(KindOf(PG_GETARG_FR(0))->label));
}

PG_FUNCTION_INFO_V1(funding_round_is_equity);
Datum
funding_round_is_equity(PG_FUNCTION_ARGS)
{
	const InnoRoundKindInfo *k = KindOf(PG_GETARG_FR(0));

	if (k->category == INNO_ROUND_UNKNOWN)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(k->is_equity);
}

PG_FUNCTION_INFO_V1(funding_round_is_exit);
Datum
funding_round_is_exit(PG_FUNCTION_ARGS)
{
	const InnoRoundKindInfo *k = KindOf(PG_GETARG_FR(0));

	if (k->category == INNO_ROUND_UNKNOWN)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(k->is_exit);
}

PG_FUNCTION_INFO_V1(funding_round_amount_low);
Datum
funding_round_amount_low(PG_FUNCTION_ARGS)
{
	const InnoFundingRound *fr = PG_GETARG_FR(0);

	if (!(fr->flags & INNO_FR_DISCLOSED))
		PG_RETURN_NULL();
	return MinorToNumeric(fr->low, fr->currency);
}

PG_FUNCTION_INFO_V1(funding_round_amount_point);
Datum
funding_round_amount_point(PG_FUNCTION_ARGS)
{
	const InnoFundingRound *fr = PG_GETARG_FR(0);

	if (!(fr->flags & INNO_FR_DISCLOSED))
		PG_RETURN_NULL();
	return MinorToNumeric(fr->point, fr->currency);
}

PG_FUNCTION_INFO_V1(funding_round_amount_high);
Datum
funding_round_amount_high(PG_FUNCTION_ARGS)
{
	const InnoFundingRound *fr = PG_GETARG_FR(0);

	if (!(fr->flags & INNO_FR_DISCLOSED) || (fr->flags & INNO_FR_OPEN))
		PG_RETURN_NULL();
	return MinorToNumeric(fr->high, fr->currency);
}

PG_FUNCTION_INFO_V1(funding_round_currency);
Datum
funding_round_currency(PG_FUNCTION_ARGS)
{
	const InnoFundingRound *fr = PG_GETARG_FR(0);
	const InnoCurrencyInfo *cur = inno_currency_by_numeric(fr->currency);

	if (cur == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(cur->alpha));
}

PG_FUNCTION_INFO_V1(funding_round_announced_on);
Datum
funding_round_announced_on(PG_FUNCTION_ARGS)
{
	const InnoFundingRound *fr = PG_GETARG_FR(0);

	if ((fr->flags & INNO_FR_DATE_MASK) == INNO_FR_DATE_NONE)
		PG_RETURN_NULL();
	PG_RETURN_DATEADT((DateADT) fr->announced);
}

PG_FUNCTION_INFO_V1(funding_round_announced_precision);
Datum
funding_round_announced_precision(PG_FUNCTION_ARGS)
{
	switch (PG_GETARG_FR(0)->flags & INNO_FR_DATE_MASK)
	{
		case INNO_FR_DATE_DAY:
			PG_RETURN_TEXT_P(cstring_to_text("day"));
		case INNO_FR_DATE_MONTH:
			PG_RETURN_TEXT_P(cstring_to_text("month"));
		case INNO_FR_DATE_YEAR:
			PG_RETURN_TEXT_P(cstring_to_text("year"));
	}
	PG_RETURN_NULL();
}

PG_FUNCTION_INFO_V1(funding_round_is_disclosed);
Datum
funding_round_is_disclosed(PG_FUNCTION_ARGS)
{
	PG_RETURN_BOOL((PG_GETARG_FR(0)->flags & INNO_FR_DISCLOSED) != 0);
}

PG_FUNCTION_INFO_V1(funding_round_is_fuzzy);
Datum
funding_round_is_fuzzy(PG_FUNCTION_ARGS)
{
	const InnoFundingRound *fr = PG_GETARG_FR(0);

	if (!(fr->flags & INNO_FR_DISCLOSED))
		PG_RETURN_NULL();
	PG_RETURN_BOOL(fr->low != fr->high);
}

/* amount_range(fr): [low, high] as a numrange ([low,) when open); NULL if undisclosed. */
PG_FUNCTION_INFO_V1(funding_round_amount_range);
Datum
funding_round_amount_range(PG_FUNCTION_ARGS)
{
	const InnoFundingRound *fr = PG_GETARG_FR(0);
	TypeCacheEntry *typcache;
	RangeBound	lower,
				upper;

	if (!(fr->flags & INNO_FR_DISCLOSED))
		PG_RETURN_NULL();
	typcache = lookup_type_cache(NUMRANGEOID, TYPECACHE_RANGE_INFO);
	lower.val = MinorToNumeric(fr->low, fr->currency);
	lower.infinite = false;
	lower.inclusive = true;
	lower.lower = true;
	upper.infinite = (fr->flags & INNO_FR_OPEN) != 0;
	upper.val = upper.infinite ? (Datum) 0 : MinorToNumeric(fr->high, fr->currency);
	upper.inclusive = !upper.infinite;
	upper.lower = false;
	PG_RETURN_RANGE_P(MakeRange(typcache, &lower, &upper, false));
}

/* announced_range(fr): the announcement period as a daterange; NULL if undated. */
PG_FUNCTION_INFO_V1(funding_round_announced_range);
Datum
funding_round_announced_range(PG_FUNCTION_ARGS)
{
	const InnoFundingRound *fr = PG_GETARG_FR(0);
	int32_t		first,
				last;
	TypeCacheEntry *typcache;
	RangeBound	lower,
				upper;

	if (!inno_fr_period(fr, &first, &last))
		PG_RETURN_NULL();
	typcache = lookup_type_cache(DATERANGEOID, TYPECACHE_RANGE_INFO);
	lower.val = DateADTGetDatum((DateADT) first);
	lower.infinite = false;
	lower.inclusive = true;
	lower.lower = true;
	upper.val = DateADTGetDatum((DateADT) last + 1);
	upper.infinite = false;
	upper.inclusive = false;
	upper.lower = false;
	PG_RETURN_RANGE_P(MakeRange(typcache, &lower, &upper, false));
}

/* funding_round -> jsonb, for BI tools: every part as a standard JSON value. */
PG_FUNCTION_INFO_V1(funding_round_to_jsonb);
Datum
funding_round_to_jsonb(PG_FUNCTION_ARGS)
{
	const InnoFundingRound *fr = PG_GETARG_FR(0);
	const InnoRoundKindInfo *k = KindOf(fr);
	const InnoCurrencyInfo *cur = inno_currency_by_numeric(fr->currency);
	bool		disclosed = (fr->flags & INNO_FR_DISCLOSED) != 0;
	bool		open = (fr->flags & INNO_FR_OPEN) != 0;
	int			digits = cur ? cur->minor_digits : 2;
	char		lo[INNO_DECIMAL_MAX],
				pt[INNO_DECIMAL_MAX],
				hi[INNO_DECIMAL_MAX];
	StringInfoData js;

	inno_minor_to_decimal(fr->low, digits, lo);
	inno_minor_to_decimal(fr->point, digits, pt);
	inno_minor_to_decimal(open ? 0 : fr->high, digits, hi);
	initStringInfo(&js);
	appendStringInfo(&js, "{\"kind\": \"%s\", \"text\": ", k->label);
	escape_json(&js, FormatRound(fr));
	if (cur)
		appendStringInfo(&js, ", \"currency\": \"%s\"", cur->alpha);
	else
		appendStringInfoString(&js, ", \"currency\": null");
	if (disclosed)
		appendStringInfo(&js, ", \"low\": %s, \"point\": %s, \"high\": %s", lo, pt, open ? "null" : hi);
	else
		appendStringInfoString(&js, ", \"low\": null, \"point\": null, \"high\": null");
	appendStringInfo(&js, ", \"disclosed\": %s, \"open\": %s",
					 disclosed ? "true" : "false", open ? "true" : "false");
	if ((fr->flags & INNO_FR_DATE_MASK) != INNO_FR_DATE_NONE)
	{
		int			y,
					m,
					d;
		const char *prec = (fr->flags & INNO_FR_DATE_MASK) == INNO_FR_DATE_DAY ? "day" :
			(fr->flags & INNO_FR_DATE_MASK) == INNO_FR_DATE_MONTH ? "month" : "year";

		inno_ymd_from_days(fr->announced, &y, &m, &d);
		appendStringInfo(&js, ", \"announced\": \"%04d-%02d-%02d\", \"precision\": \"%s\"}",
						 y, m, d, prec);
	}
	else
		appendStringInfoString(&js, ", \"announced\": null, \"precision\": null}");
	return DirectFunctionCall1(jsonb_in, CStringGetDatum(js.data));
}

/* round_kinds(): the round-kind vocabulary, in order. */
PG_FUNCTION_INFO_V1(round_kinds);
Datum
round_kinds(PG_FUNCTION_ARGS)
{
	static const char *const category_names[] = {
		[INNO_ROUND_VENTURE] = "venture",
		[INNO_ROUND_PUBLIC_EQUITY] = "public_equity",
		[INNO_ROUND_EXIT] = "exit",
		[INNO_ROUND_HYBRID] = "hybrid",
		[INNO_ROUND_DEBT] = "debt",
		[INNO_ROUND_GRANT] = "grant",
		[INNO_ROUND_UNKNOWN] = "unknown",
	};
	FuncCallContext *funcctx = inno_srf_rows(fcinfo, (uint64) inno_round_kind_count());
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		int			rank = (int) funcctx->call_cntr + 1;
		const InnoRoundKindInfo *k = inno_round_kind_by_rank(rank);
		Datum		values[6];
		bool		nulls[6] = {false, false, false, false, false, false};

		values[0] = Int32GetDatum(rank);
		values[1] = PointerGetDatum(cstring_to_text(k->label));
		values[2] = PointerGetDatum(cstring_to_text(inno_utf8_to_server(k->name_zh)));
		values[3] = PointerGetDatum(cstring_to_text(category_names[k->category]));
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

/* funding_currencies(): the currencies the type knows. */
PG_FUNCTION_INFO_V1(funding_currencies);
Datum
funding_currencies(PG_FUNCTION_ARGS)
{
	FuncCallContext *funcctx = inno_srf_rows(fcinfo, (uint64) inno_currency_count());
	if (funcctx->call_cntr < funcctx->max_calls)
	{
		const InnoCurrencyInfo *c = inno_currency_by_index((int) funcctx->call_cntr);
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		values[0] = PointerGetDatum(cstring_to_text(c->alpha));
		values[1] = Int32GetDatum((int32) c->numeric);
		values[2] = Int32GetDatum(c->minor_digits);
		SRF_RETURN_NEXT(funcctx, HeapTupleGetDatum(heap_form_tuple(funcctx->tuple_desc, values, nulls)));
	}
	SRF_RETURN_DONE(funcctx);
}

/* ---- comparison and hashing ---- */

#define FR_CMP_FUNC(name, op) \
PG_FUNCTION_INFO_V1(name); \
Datum \
name(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_BOOL(inno_fr_cmp(PG_GETARG_FR(0), PG_GETARG_FR(1)) op 0); \
}

FR_CMP_FUNC(funding_round_lt, <)
FR_CMP_FUNC(funding_round_le, <=)
FR_CMP_FUNC(funding_round_eq, ==)
FR_CMP_FUNC(funding_round_ne, !=)
FR_CMP_FUNC(funding_round_ge, >=)
FR_CMP_FUNC(funding_round_gt, >)

PG_FUNCTION_INFO_V1(funding_round_cmp);
Datum
funding_round_cmp(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32(inno_fr_cmp(PG_GETARG_FR(0), PG_GETARG_FR(1)));
}

/*
 * The value as eight 32-bit words, in a layout that does not depend on the
 * machine's byte order, for hashing.
 */
static void
HashWords(const InnoFundingRound *fr, uint32 w[8])
{
	w[0] = (uint32) ((uint64) fr->low >> 32);
	w[1] = (uint32) (uint64) fr->low;
	w[2] = (uint32) ((uint64) fr->point >> 32);
	w[3] = (uint32) (uint64) fr->point;
	w[4] = (uint32) ((uint64) fr->high >> 32);
	w[5] = (uint32) (uint64) fr->high;
	w[6] = (uint32) fr->announced;
	w[7] = (uint32) fr->currency | ((uint32) fr->kind << 16) | ((uint32) fr->flags << 24);
}

PG_FUNCTION_INFO_V1(hash_funding_round);
Datum
hash_funding_round(PG_FUNCTION_ARGS)
{
	uint32		w[8];
	uint32		h;
	int			i;

	HashWords(PG_GETARG_FR(0), w);
	h = DatumGetUInt32(hash_uint32(w[0]));
	for (i = 1; i < 8; i++)
		h = hash_combine(h, DatumGetUInt32(hash_uint32(w[i])));
	PG_RETURN_UINT32(h);
}

PG_FUNCTION_INFO_V1(hash_funding_round_extended);
Datum
hash_funding_round_extended(PG_FUNCTION_ARGS)
{
	uint64		seed = (uint64) PG_GETARG_INT64(1);
	uint32		w[8];
	uint64		h;
	int			i;

	HashWords(PG_GETARG_FR(0), w);
	h = DatumGetUInt64(hash_uint32_extended(w[0], seed));
	for (i = 1; i < 8; i++)
		h = hash_combine64(h, DatumGetUInt64(hash_uint32_extended(w[i], seed)));
	PG_RETURN_UINT64(h);
}

/* ---- funding_window: the query of the @@ operator ---- */

/*
 * A numeric bound in major units as minor units, rounded inward (lower bounds
 * up, upper bounds down) and moved past an exclusive bound; clamped to the
 * int64 range.
 */
static int64
BoundToMinor(Datum num, int digits, bool is_lower, bool inclusive)
{
	Datum		scale = DirectFunctionCall1(int8_numeric, Int64GetDatum(1));
	Datum		scaled;
	Datum		rounded;
	Datum		limit;
	int			i;

	for (i = 0; i < digits; i++)
		scale = DirectFunctionCall2(numeric_mul, scale,
									DirectFunctionCall1(int8_numeric, Int64GetDatum(10)));
	scaled = DirectFunctionCall2(numeric_mul, num, scale);
	rounded = DirectFunctionCall1(is_lower ? numeric_ceil : numeric_floor, scaled);
	if (!inclusive && DatumGetBool(DirectFunctionCall2(numeric_eq, rounded, scaled)))
		rounded = DirectFunctionCall2(is_lower ? numeric_add : numeric_sub, rounded,
									  DirectFunctionCall1(int8_numeric, Int64GetDatum(1)));
	limit = DirectFunctionCall1(int8_numeric, Int64GetDatum(PG_INT64_MAX));
	if (DatumGetBool(DirectFunctionCall2(numeric_ge, rounded, limit)))
		return PG_INT64_MAX;
	limit = DirectFunctionCall1(int8_numeric, Int64GetDatum(PG_INT64_MIN));
	if (DatumGetBool(DirectFunctionCall2(numeric_le, rounded, limit)))
		return PG_INT64_MIN;
	return DatumGetInt64(DirectFunctionCall1(numeric_int8, rounded));
}

/* Convert a funding_window composite into the core's window. */
static void
WindowFromComposite(HeapTupleHeader rec, InnoFrWindow *w)
{
	bool		isnull;
	Datum		announced = GetAttributeByNum(rec, 1, &isnull);
	bool		date_null = isnull;
	Datum		amount;
	bool		amount_null;
	Datum		currency;
	bool		currency_null;

	amount = GetAttributeByNum(rec, 2, &amount_null);
	currency = GetAttributeByNum(rec, 3, &currency_null);
	memset(w, 0, sizeof(*w));

	if (!currency_null)
	{
		const InnoCurrencyInfo *cur = CurrencyOrError(TextDatumGetCString(currency));

		w->has_currency = true;
		w->currency = cur->numeric;
	}
	if (!amount_null)
	{
		RangeType  *r = DatumGetRangeTypeP(amount);
		TypeCacheEntry *tc = lookup_type_cache(RangeTypeGetOid(r), TYPECACHE_RANGE_INFO);
		RangeBound	lo,
					hi;
		bool		empty;
		int			digits;

		if (!w->has_currency)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("a funding_window with an amount range needs a currency"),
					 errhint("Amounts in different currencies are not comparable; name one, e.g. 'CNY'.")));
		digits = inno_currency_by_numeric(w->currency)->minor_digits;
		range_deserialize(tc, r, &lo, &hi, &empty);
		w->has_amount = true;
		if (empty)
		{
			w->amt_lo = 1;		/* matches nothing */
			w->amt_hi = 0;
		}
		else
		{
			w->amt_lo = lo.infinite ? PG_INT64_MIN : BoundToMinor(lo.val, digits, true, lo.inclusive);
			w->amt_hi = hi.infinite ? PG_INT64_MAX : BoundToMinor(hi.val, digits, false, hi.inclusive);
		}
	}
	if (!date_null)
	{
		RangeType  *r = DatumGetRangeTypeP(announced);
		TypeCacheEntry *tc = lookup_type_cache(RangeTypeGetOid(r), TYPECACHE_RANGE_INFO);
		RangeBound	lo,
					hi;
		bool		empty;

		range_deserialize(tc, r, &lo, &hi, &empty);
		w->has_date = true;
		if (empty)
		{
			w->date_lo = 1;		/* matches nothing */
			w->date_hi = 0;
		}
		else
		{
			/* daterange is canonical [lo, hi): the last day is hi - 1 */
			w->date_lo = lo.infinite ? PG_INT32_MIN : (int32) DatumGetDateADT(lo.val);
			w->date_hi = hi.infinite ? PG_INT32_MAX : (int32) DatumGetDateADT(hi.val) - 1;
		}
	}
}

/*
 * The window of a query datum, converted once per query: cached in fn_extra
 * and reused while the composite's bytes are unchanged.
 */
typedef struct WindowCache
{
	InnoFrWindow window;
	Size		len;
	char		bytes[FLEXIBLE_ARRAY_MEMBER];
} WindowCache;

static const InnoFrWindow *
CachedWindow(FunctionCallInfo fcinfo, Datum query)
{
	HeapTupleHeader rec = DatumGetHeapTupleHeader(query);
	Size		len = HeapTupleHeaderGetDatumLength(rec);
	WindowCache *cache = (WindowCache *) fcinfo->flinfo->fn_extra;

	if (cache == NULL || cache->len != len || memcmp(cache->bytes, rec, len) != 0)
	{
		InnoFrWindow w;

		WindowFromComposite(rec, &w);
		cache = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, offsetof(WindowCache, bytes) + len);
		cache->window = w;
		cache->len = len;
		memcpy(cache->bytes, rec, len);
		if (fcinfo->flinfo->fn_extra)
			pfree(fcinfo->flinfo->fn_extra);
		fcinfo->flinfo->fn_extra = cache;
	}
	return &cache->window;
}

/* funding_window(announced, amount, currency): a validated window. */
PG_FUNCTION_INFO_V1(funding_window_make);
Datum
funding_window_make(PG_FUNCTION_ARGS)
{
	TupleDesc	tupdesc;
	Datum		values[3];
	bool		nulls[3];
	HeapTuple	tuple;
	InnoFrWindow w;
	int			i;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type must be a row type");
	for (i = 0; i < 3; i++)
	{
		nulls[i] = PG_ARGISNULL(i);
		values[i] = nulls[i] ? (Datum) 0 : PG_GETARG_DATUM(i);
	}
	if (!nulls[2])
		values[2] = PointerGetDatum(cstring_to_text(
			CurrencyOrError(text_to_cstring(PG_GETARG_TEXT_PP(2)))->alpha));
	tuple = heap_form_tuple(BlessTupleDesc(tupdesc), values, nulls);
	/* validates the combination (an amount needs a currency) */
	WindowFromComposite(tuple->t_data, &w);
	PG_RETURN_DATUM(HeapTupleGetDatum(tuple));
}

/* fr @@ window */
PG_FUNCTION_INFO_V1(funding_round_matches);
Datum
funding_round_matches(PG_FUNCTION_ARGS)
{
	const InnoFundingRound *fr = PG_GETARG_FR(0);

	PG_RETURN_BOOL(inno_frwindow_matches(CachedWindow(fcinfo, PG_GETARG_DATUM(1)), fr));
}

/* ---- GiST ---- */

#define FR_MATCHES_STRATEGY 1

PG_FUNCTION_INFO_V1(funding_round_gist_key_in);
Datum
funding_round_gist_key_in(PG_FUNCTION_ARGS)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("cannot accept a value of type %s", "funding_round_gist_key")));
	PG_RETURN_VOID();
}

PG_FUNCTION_INFO_V1(funding_round_gist_key_out);
Datum
funding_round_gist_key_out(PG_FUNCTION_ARGS)
{
	const InnoFrBox *box = (const InnoFrBox *) PG_GETARG_POINTER(0);

	PG_RETURN_CSTRING(psprintf("(days %d..%d, amounts " INT64_FORMAT ".." INT64_FORMAT
							   ", currencies %08x, flags %02x)",
							   box->date_lo, box->date_hi, box->amt_lo, box->amt_hi,
							   box->currencies, box->flags));
}

PG_FUNCTION_INFO_V1(funding_round_gist_compress);
Datum
funding_round_gist_compress(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	GISTENTRY  *retval;
	InnoFrBox  *box;

	if (!entry->leafkey)
		PG_RETURN_POINTER(entry);
	box = palloc(sizeof(InnoFrBox));
	inno_frbox_from_round((const InnoFundingRound *) DatumGetPointer(entry->key), box);
	retval = palloc(sizeof(GISTENTRY));
	gistentryinit(*retval, PointerGetDatum(box), entry->rel, entry->page, entry->offset, false);
	PG_RETURN_POINTER(retval);
}

PG_FUNCTION_INFO_V1(funding_round_gist_consistent);
Datum
funding_round_gist_consistent(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = (StrategyNumber) PG_GETARG_UINT16(2);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(4);
	const InnoFrBox *box = (const InnoFrBox *) DatumGetPointer(entry->key);

	if (strategy != FR_MATCHES_STRATEGY)
		elog(ERROR, "unrecognized strategy number: %d", strategy);
	/* a leaf box keeps dates, amounts and currency; recheck covers rare currencies */
	*recheck = true;
	PG_RETURN_BOOL(inno_frwindow_may_match(CachedWindow(fcinfo, PG_GETARG_DATUM(1)), box));
}

PG_FUNCTION_INFO_V1(funding_round_gist_union);
Datum
funding_round_gist_union(PG_FUNCTION_ARGS)
{
	GistEntryVector *entryvec = (GistEntryVector *) PG_GETARG_POINTER(0);
	int		   *sizep = (int *) PG_GETARG_POINTER(1);
	InnoFrBox  *out = palloc(sizeof(InnoFrBox));
	int			i;

	*out = *(const InnoFrBox *) DatumGetPointer(entryvec->vector[0].key);
	for (i = 1; i < entryvec->n; i++)
		inno_frbox_union(out, (const InnoFrBox *) DatumGetPointer(entryvec->vector[i].key));
	*sizep = sizeof(InnoFrBox);
	PG_RETURN_POINTER(out);
}

PG_FUNCTION_INFO_V1(funding_round_gist_penalty);
Datum
funding_round_gist_penalty(PG_FUNCTION_ARGS)
{
	GISTENTRY  *orig = (GISTENTRY *) PG_GETARG_POINTER(0);
	GISTENTRY  *add = (GISTENTRY *) PG_GETARG_POINTER(1);
	float	   *result = (float *) PG_GETARG_POINTER(2);

	*result = (float) inno_frbox_penalty((const InnoFrBox *) DatumGetPointer(orig->key),
										 (const InnoFrBox *) DatumGetPointer(add->key));
	PG_RETURN_POINTER(result);
}

PG_FUNCTION_INFO_V1(funding_round_gist_picksplit);
Datum
funding_round_gist_picksplit(PG_FUNCTION_ARGS)
{
	GistEntryVector *entryvec = (GistEntryVector *) PG_GETARG_POINTER(0);
	GIST_SPLITVEC *v = (GIST_SPLITVEC *) PG_GETARG_POINTER(1);
	OffsetNumber maxoff = entryvec->n - 1;
	int			n = maxoff;		/* entries are 1..maxoff */
	InnoFrBox  *boxes = palloc(sizeof(InnoFrBox) * n);
	uint8_t    *side = palloc(n);
	InnoFrSplitItem *work = palloc(sizeof(InnoFrSplitItem) * n);
	InnoFrBox  *left = palloc(sizeof(InnoFrBox));
	InnoFrBox  *right = palloc(sizeof(InnoFrBox));
	bool		left_set = false,
				right_set = false;
	OffsetNumber i;

	for (i = FirstOffsetNumber; i <= maxoff; i++)
		boxes[i - 1] = *(const InnoFrBox *) DatumGetPointer(entryvec->vector[i].key);
	inno_frbox_split(boxes, n, side, work);

	v->spl_left = palloc(sizeof(OffsetNumber) * (n + 1));
	v->spl_right = palloc(sizeof(OffsetNumber) * (n + 1));
	v->spl_nleft = v->spl_nright = 0;
	for (i = FirstOffsetNumber; i <= maxoff; i++)
	{
		const InnoFrBox *b = &boxes[i - 1];

		if (side[i - 1] == 0)
		{
			v->spl_left[v->spl_nleft++] = i;
			if (left_set)
				inno_frbox_union(left, b);
			else
				*left = *b;
			left_set = true;
		}
		else
		{
			v->spl_right[v->spl_nright++] = i;
			if (right_set)
				inno_frbox_union(right, b);
			else
				*right = *b;
			right_set = true;
		}
	}
	v->spl_ldatum = PointerGetDatum(left);
	v->spl_rdatum = PointerGetDatum(right);
	PG_RETURN_POINTER(v);
}

PG_FUNCTION_INFO_V1(funding_round_gist_same);
Datum
funding_round_gist_same(PG_FUNCTION_ARGS)
{
	const InnoFrBox *a = (const InnoFrBox *) PG_GETARG_POINTER(0);
	const InnoFrBox *b = (const InnoFrBox *) PG_GETARG_POINTER(1);
	bool	   *result = (bool *) PG_GETARG_POINTER(2);

	*result = inno_frbox_equal(a, b);
	PG_RETURN_POINTER(result);
}
