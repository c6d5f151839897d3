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
#include "funding_round.h"

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
			 INNO_ERRDETAIL(*err)));
}

InnoStatus
inno_fr_parse_server(const char *str, size_t len, uint16 default_currency,
					 InnoFundingRound *fr, InnoError *err)
{
	size_t		ulen;
	char	   *utf8 = inno_server_to_utf8(str, len, &ulen);

	return inno_fr_parse(utf8, ulen, default_currency, fr, err);
}

/* The error for text that is not a funding round. */
static void
ReportParse(InnoStatus st, const char *str, size_t len, const InnoError *err, Node *escontext)
{
	errsave(escontext,
			(errcode(inno_sqlstate(st)),
			 st == INNO_ERR_RANGE ?
			 errmsg("value out of range for type %s: \"%s\"", "funding_round", inno_quote_input(str, len)) :
			 errmsg("invalid input syntax for type %s: \"%s\"", "funding_round", inno_quote_input(str, len)),
			 INNO_ERRDETAIL(*err),
			 INNO_ERRHINT(*err)));
}

/*
 * Typed input (COPY, literals) reads the session's innovation.default_currency,
 * so the function is STABLE; the cast from text does not (it is IMMUTABLE).
 */
PG_FUNCTION_INFO_V1(funding_round_in);
Datum
funding_round_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	size_t		len = strlen(str);
	InnoFundingRound *fr = palloc(sizeof(InnoFundingRound));
	InnoError	err;
	InnoStatus	st = inno_fr_parse_server(str, len, inno_default_currency(), fr, &err);

	if (st != INNO_OK)
	{
		ReportParse(st, str, len, &err, fcinfo->context);
		PG_RETURN_NULL();
	}
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
	return inno_utf8_to_server(buf, "the text of a funding_round", NULL);
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
		inno_report_bad_binary("funding_round", data, len, err.detail);
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

/* funding_round(text [, default_currency]): the cast, immutable (no session setting) */
PG_FUNCTION_INFO_V1(funding_round_from_text);
Datum
funding_round_from_text(PG_FUNCTION_ARGS)
{
	text	   *t;
	uint16		cur = inno_currency_arg(fcinfo, 1);
	InnoFundingRound *fr = palloc(sizeof(InnoFundingRound));
	InnoError	err;
	InnoStatus	st;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	t = PG_GETARG_TEXT_PP(0);
	st = inno_fr_parse_server(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), cur, fr, &err);

	if (st != INNO_OK)
		ReportParse(st, VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &err, NULL);
	PG_RETURN_POINTER(fr);
}

PG_FUNCTION_INFO_V1(funding_round_to_text);
Datum
funding_round_to_text(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(FormatRound(PG_GETARG_FR(0))));
}

/* ---- numeric and currency helpers ---- */

const InnoCurrencyInfo *
inno_currency_or_error(const char *alpha)
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
				 INNO_ERRDETAIL(err)));
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
 * funding_round(kind, low, [point,] high, currency, announced [, precision]).
 * Not strict: NULL kind is 'undisclosed', NULL low an undisclosed amount,
 * NULL high an open upper end, NULL announced no date; without a point the
 * point is the documented estimate (the midpoint, or low when open).
 */
static Datum
MakeRound(FunctionCallInfo fcinfo, bool with_point)
{
	int			a_low = 1,
				a_point = with_point ? 2 : -1,
				a_high = with_point ? 3 : 2,
				a_cur = a_high + 1,
				a_date = a_high + 2,
				a_prec = a_high + 3;
	uint8_t		kind;
	bool		has_amount = !PG_ARGISNULL(a_low);
	bool		has_high = !PG_ARGISNULL(a_high);
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

		size_t		ulen;
		char	   *utf8 = inno_server_to_utf8(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t), &ulen);

		st = inno_round_kind_parse(utf8, ulen, &kind, &err);
		if (st != INNO_OK)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown round kind \"%s\"", text_to_cstring(t)),
					 INNO_ERRHINT(err)));
	}
	if (kind == 0)
		kind = INNO_KIND_UNDISCLOSED;

	if (!PG_ARGISNULL(a_cur))
		cur = inno_currency_or_error(text_to_cstring(PG_GETARG_TEXT_PP(a_cur)));
	if (!has_amount && (has_high || (with_point && !PG_ARGISNULL(a_point))))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a funding round with an upper amount or a point needs a lower amount"),
				 errhint("Pass NULL for all of them to record an undisclosed amount.")));
	if (has_amount && cur == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("a disclosed amount needs a currency"),
				 errhint("Pass an ISO 4217 code such as 'CNY' or 'USD'.")));
	if (has_amount)
		low = NumericToMinor(PG_GETARG_NUMERIC(a_low), cur, "low");
	if (has_high)
		high = NumericToMinor(PG_GETARG_NUMERIC(a_high), cur, "high");

	if (!PG_ARGISNULL(a_date))
	{
		DateADT		d = PG_GETARG_DATEADT(a_date);
		char	   *p = PG_NARGS() > a_prec && !PG_ARGISNULL(a_prec) ?
			text_to_cstring(PG_GETARG_TEXT_PP(a_prec)) : "day";
		int			prec = inno_fr_precision_of(p);

		if (DATE_NOT_FINITE(d))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("the announcement date must be finite")));
		if (prec > 0)
			precision = prec;
		else
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("unknown date precision \"%s\"", p),
					 errhint("Use 'day', 'month' or 'year'.")));
		days = d;
	}

	st = inno_fr_make(kind, has_amount, low, has_high, high, cur ? cur->numeric : 0,
					  precision, days, fr, &err);
	if (st == INNO_OK && with_point && has_amount && !PG_ARGISNULL(a_point))
		st = inno_fr_set_point(fr, NumericToMinor(PG_GETARG_NUMERIC(a_point), cur, "point"), &err);
	if (st != INNO_OK)
		ereport(ERROR,
				(errcode(inno_sqlstate(st)),
				 errmsg("invalid funding round"),
				 INNO_ERRDETAIL(err),
				 INNO_ERRHINT(err)));
	PG_RETURN_POINTER(fr);
}

PG_FUNCTION_INFO_V1(funding_round_make);
Datum
funding_round_make(PG_FUNCTION_ARGS)
{
	return MakeRound(fcinfo, false);
}

PG_FUNCTION_INFO_V1(funding_round_make_with_point);
Datum
funding_round_make_with_point(PG_FUNCTION_ARGS)
{
	return MakeRound(fcinfo, true);
}

/* ---- accessors ---- */

PG_FUNCTION_INFO_V1(funding_round_is_equity);
Datum
funding_round_is_equity(PG_FUNCTION_ARGS)
{
	const InnoRoundKindInfo *k = inno_kind_of(PG_GETARG_FR(0));

	if (k->category == INNO_ROUND_UNKNOWN)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(k->is_equity);
}

PG_FUNCTION_INFO_V1(funding_round_is_exit);
Datum
funding_round_is_exit(PG_FUNCTION_ARGS)
{
	const InnoRoundKindInfo *k = inno_kind_of(PG_GETARG_FR(0));

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
	int			prec = PG_GETARG_FR(0)->flags & INNO_FR_DATE_MASK;

	if (prec == INNO_FR_DATE_NONE)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(inno_fr_precision_names[prec]));
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
	const InnoRoundKindInfo *k = inno_kind_of(fr);
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
		const char *prec = inno_fr_precision_names[fr->flags & INNO_FR_DATE_MASK];

		inno_ymd_from_days(fr->announced, &y, &m, &d);
		appendStringInfo(&js, ", \"announced\": \"%04d-%02d-%02d\", \"precision\": \"%s\"}",
						 y, m, d, prec);
	}
	else
		appendStringInfoString(&js, ", \"announced\": null, \"precision\": null}");
	return DirectFunctionCall1(jsonb_in, CStringGetDatum(js.data));
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

