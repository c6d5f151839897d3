/*
 * funding_convert.c
 *	  Currency conversion that keeps ranges honest: convert(round, currency,
 *	  rate) and the converted totals of a funding_stats, total_in() and
 *	  total_range_in().
 *
 * All arithmetic is numeric (exact).  A lower bound is rounded down and an
 * upper bound up to the target's minor unit, so the converted range still
 * contains the true amount; a point is rounded to nearest.
 */
#include "innovation.h"

#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"

#include "funding_stats.h"

#if PG_VERSION_NUM >= 160000
#define MakeRange(tc, lo, up, empty) make_range(tc, lo, up, empty, NULL)
#else
#define MakeRange(tc, lo, up, empty) make_range(tc, lo, up, empty)
#endif

static Datum
Int64Numeric(int64 v)
{
	return DirectFunctionCall1(int8_numeric, Int64GetDatum(v));
}

/* 10^e as a numeric (e may be negative) */
static Datum
PowerOfTen(int e)
{
	return DirectFunctionCall2(numeric_power, Int64Numeric(10), Int64Numeric(e));
}

static bool
NumericIsPositiveFinite(Numeric n)
{
	if (numeric_is_nan(n))
		return false;
#if PG_VERSION_NUM >= 140000
	if (numeric_is_inf(n))
		return false;
#endif
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(n), Int64Numeric(0))) > 0;
}

static Numeric
CheckedRate(Numeric rate, const char *from)
{
	if (!NumericIsPositiveFinite(rate))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("the rate for %s must be a positive number", from),
				 errhint("A rate is the number of target currency units one unit of %s buys.", from)));
	return rate;
}

typedef enum Rounding
{
	ROUND_DOWN,
	ROUND_NEAREST,
	ROUND_UP
} Rounding;

/* x (a numeric in target minor units) rounded as asked, as an int64; ERROR past max */
static int64
ToMinor(Datum x, Rounding how, int64 max, const char *target)
{
	Datum		r;

	if (how == ROUND_DOWN)
		r = DirectFunctionCall1(numeric_floor, x);
	else if (how == ROUND_UP)
		r = DirectFunctionCall1(numeric_ceil, x);
	else
		r = DirectFunctionCall2(numeric_round, x, Int32GetDatum(0));
	if (DatumGetInt32(DirectFunctionCall2(numeric_cmp, r, Int64Numeric(max))) > 0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("the converted amount is too large for %s", target)));
	return DatumGetInt64(DirectFunctionCall1(numeric_int8, r));
}

/* factor turning minor units of one currency into minor units of another at a rate */
static Datum
MinorFactor(Numeric rate, const InnoCurrencyInfo *from, const InnoCurrencyInfo *to)
{
	return DirectFunctionCall2(numeric_mul, NumericGetDatum(rate),
							   PowerOfTen(to->minor_digits - from->minor_digits));
}

static Datum
Scaled(int64 minor, Datum factor)
{
	return DirectFunctionCall2(numeric_mul, Int64Numeric(minor), factor);
}

/* convert(r funding_round, to_currency text, rate numeric) */
PG_FUNCTION_INFO_V1(funding_round_convert);
Datum
funding_round_convert(PG_FUNCTION_ARGS)
{
	const InnoFundingRound *fr = (const InnoFundingRound *) PG_GETARG_POINTER(0);
	const InnoCurrencyInfo *to = inno_currency_or_error(text_to_cstring(PG_GETARG_TEXT_PP(1)));
	InnoFundingRound *out = palloc(sizeof(InnoFundingRound));
	const InnoCurrencyInfo *from;
	InnoError	err;
	InnoStatus	st = inno_fr_validate(fr, &err);
	Datum		factor;

	if (st != INNO_OK)
		inno_report_corrupt(st, &err, "funding_round");
	*out = *fr;
	if (fr->currency == 0)
		PG_RETURN_POINTER(out);	/* no amount and no currency: nothing to convert */
	from = inno_currency_by_numeric(fr->currency);
	factor = MinorFactor(CheckedRate(PG_GETARG_NUMERIC(2), from->alpha), from, to);
	out->currency = to->numeric;
	if (fr->flags & INNO_FR_DISCLOSED)
	{
		out->low = ToMinor(Scaled(fr->low, factor), ROUND_DOWN, INNO_FR_AMOUNT_MAX, to->alpha);
		if (out->low < 1)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("the converted amount is less than the smallest unit of %s", to->alpha)));
		if (fr->flags & INNO_FR_OPEN)
			out->point = out->low;
		else
		{
			out->high = ToMinor(Scaled(fr->high, factor), ROUND_UP, INNO_FR_AMOUNT_MAX, to->alpha);
			out->point = ToMinor(Scaled(fr->point, factor), ROUND_NEAREST, INNO_FR_AMOUNT_MAX, to->alpha);
		}
	}
	st = inno_fr_validate(out, &err);
	if (st != INNO_OK)
		inno_report_corrupt(st, &err, "funding_round");
	PG_RETURN_POINTER(out);
}

/* The rate of a currency in a jsonb object of rates; 1 for the target itself. */
static Numeric
RateOf(Jsonb *rates, const InnoCurrencyInfo *c, const InnoCurrencyInfo *to)
{
	JsonbValue	v;
	JsonbValue *found;

	if (c == to)
		return DatumGetNumeric(Int64Numeric(1));
	found = getKeyJsonValueFromContainer(&rates->root, c->alpha, (int) strlen(c->alpha), &v);
	if (found == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("no rate for %s", c->alpha),
				 errdetail("The summary has %s rounds with amounts.", c->alpha),
				 errhint("Add \"%s\" to the rates, e.g. {\"%s\": 7.1} for 7.1 %s per %s.",
						 c->alpha, c->alpha, to->alpha, c->alpha)));
	if (found->type == jbvNumeric)
		return CheckedRate(found->val.numeric, c->alpha);
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("the rate for %s must be a number", c->alpha)));
	return NULL;
}

/*
 * The converted sums of the disclosed rounds: of lows, points and highs, in
 * target minor units (not yet rounded).  False when no round has an amount.
 */
static bool
ConvertedSums(FunctionCallInfo fcinfo, const InnoCurrencyInfo **to, Datum *low, Datum *point,
			  Datum *high, bool *open)
{
	const InnoFsHeader *h = inno_checked_stats(PG_GETARG_DATUM(0));
	Jsonb	   *rates = PG_GETARG_JSONB_P(2);
	const InnoFsSection *s = inno_fs_first(h);
	bool		any = false;
	int			i;

	*to = inno_currency_or_error(text_to_cstring(PG_GETARG_TEXT_PP(1)));
	if (!JB_ROOT_IS_OBJECT(rates))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("rates must be a jsonb object of currency codes and rates"),
				 errhint("For example {\"USD\": 7.1, \"HKD\": 0.91} for CNY.")));
	*low = *point = *high = Int64Numeric(0);
	*open = false;
	for (i = 0; i < h->nsections; i++, s = inno_fs_next(s))
	{
		const InnoCurrencyInfo *c = inno_currency_by_numeric(s->currency);
		Datum		factor;

		if (c == NULL || s->disclosed == 0)
			continue;
		factor = MinorFactor(RateOf(rates, c, *to), c, *to);
		*low = DirectFunctionCall2(numeric_add, *low, Scaled(s->sum_low, factor));
		*point = DirectFunctionCall2(numeric_add, *point, Scaled(s->sum_point, factor));
		*high = DirectFunctionCall2(numeric_add, *high, Scaled(s->sum_high, factor));
		*open |= s->open > 0;
		any = true;
	}
	return any;
}

/* total_in(s, to_currency, rates): the sum of point amounts, converted, in currency units */
PG_FUNCTION_INFO_V1(funding_stats_total_in);
Datum
funding_stats_total_in(PG_FUNCTION_ARGS)
{
	const InnoCurrencyInfo *to;
	Datum		low,
				point,
				high;
	bool		open;

	if (!ConvertedSums(fcinfo, &to, &low, &point, &high, &open))
		PG_RETURN_NULL();
	return inno_minor_to_numeric(ToMinor(point, ROUND_NEAREST, PG_INT64_MAX, to->alpha), to->minor_digits);
}

/* total_range_in(s, to_currency, rates): [sum of lows, sum of highs], converted and rounded outward */
PG_FUNCTION_INFO_V1(funding_stats_total_range_in);
Datum
funding_stats_total_range_in(PG_FUNCTION_ARGS)
{
	const InnoCurrencyInfo *to;
	Datum		low,
				point,
				high;
	bool		open;
	TypeCacheEntry *tc;
	RangeBound	lo,
				up;

	if (!ConvertedSums(fcinfo, &to, &low, &point, &high, &open))
		PG_RETURN_NULL();
	tc = lookup_type_cache(NUMRANGEOID, TYPECACHE_RANGE_INFO);
	lo.val = inno_minor_to_numeric(ToMinor(low, ROUND_DOWN, PG_INT64_MAX, to->alpha), to->minor_digits);
	lo.infinite = false;
	lo.inclusive = true;
	lo.lower = true;
	up.val = open ? (Datum) 0 :
		inno_minor_to_numeric(ToMinor(high, ROUND_UP, PG_INT64_MAX, to->alpha), to->minor_digits);
	up.infinite = open;
	up.inclusive = !open;
	up.lower = false;
	PG_RETURN_RANGE_P(MakeRange(tc, &lo, &up, false));
}
