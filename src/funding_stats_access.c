/*
 * funding_stats_access.c
 *	  PostgreSQL glue for the funding_stats accessors: counts, totals,
 *	  threshold counts, quantiles and extremes, always of one named currency.
 */
#include "innovation.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/numeric.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"

#include "funding_stats.h"

#if PG_VERSION_NUM >= 160000
#define MakeRange(tc, lo, up, empty) make_range(tc, lo, up, empty, NULL)
#else
#define MakeRange(tc, lo, up, empty) make_range(tc, lo, up, empty)
#endif

/* ---- accessors ---- */

/* the last currency argument a call site named, kept in fn_extra */
typedef struct CurrencyCache
{
	int			len;
	char		text[8];
	const InnoCurrencyInfo *c;
} CurrencyCache;

/*
 * The currency named by argument n: looked up once per call site while
 * the rows name the same one (the accessors are called once per group).
 */
static const InnoCurrencyInfo *
CurrencyArg(FunctionCallInfo fcinfo, int n)
{
	text	   *t = PG_GETARG_TEXT_PP(n);
	int			len = VARSIZE_ANY_EXHDR(t);
	CurrencyCache *cache = (CurrencyCache *) fcinfo->flinfo->fn_extra;

	if (cache != NULL && cache->len == len && memcmp(cache->text, VARDATA_ANY(t), len) == 0)
		return cache->c;
	if (cache == NULL)
	{
		cache = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(CurrencyCache));
		fcinfo->flinfo->fn_extra = cache;
	}
	cache->len = -1;
	cache->c = inno_currency_or_error(text_to_cstring(t));
	if ((size_t) len <= sizeof(cache->text))
	{
		memcpy(cache->text, VARDATA_ANY(t), len);
		cache->len = len;
	}
	return cache->c;
}

/* The section of a currency argument; NULL if that currency has no rounds. */
static const InnoFsSection *
SectionArg(FunctionCallInfo fcinfo, int n, int *digits)
{
	const InnoFsHeader *h = inno_checked_stats(PG_GETARG_DATUM(0));
	const InnoCurrencyInfo *c = CurrencyArg(fcinfo, n);

	*digits = c->minor_digits;
	return inno_fs_section(h, c->numeric);
}

/*
 * The same for the accessors that read only a section's counts, sums and
 * extremes: from a stored value, straight from its packed bytes or its list
 * of rounds (no full summary is built); head is the caller's room for them.
 */
static const InnoFsSection *
SectionHeadArg(FunctionCallInfo fcinfo, int n, int *digits, InnoFsSection *head)
{
	struct varlena *d = PG_DETOAST_DATUM(PG_GETARG_DATUM(0));
	const InnoCurrencyInfo *c;
	InnoError	err;
	bool		found;
	InnoStatus	st;

	if (!IS_LIST(d) && !IS_PACKED(d))
		return SectionArg(fcinfo, n, digits);
	inno_error_clear(&err);
	if (IS_LIST(d) && !inno_fs_list_valid(FS_LIST(d), VARSIZE(d) - FS_OFFSET))
		inno_report_corrupt(INNO_ERR_CORRUPT, &err, "funding_stats");
	c = CurrencyArg(fcinfo, n);
	*digits = c->minor_digits;
	if (IS_LIST(d))
		inno_fs_list_head(FS_LIST(d), c->numeric, head, &found);	/* a small group's rounds, summed */
	else if ((st = inno_fs_packed_head((const uint8_t *) FS_BODY(d), VARSIZE(d) - FS_OFFSET, c->numeric, head,
									   &found, &err)) != INNO_OK)
		inno_report_corrupt(st, &err, "funding_stats");
	return found ? head : NULL;
}

PG_FUNCTION_INFO_V1(funding_stats_rounds_all);
Datum
funding_stats_rounds_all(PG_FUNCTION_ARGS)
{
	const InnoFsHeader *h = inno_checked_stats(PG_GETARG_DATUM(0));
	const InnoFsSection *s = inno_fs_first(h);
	int64		n = 0;
	int			i;

	for (i = 0; i < h->nsections; i++, s = inno_fs_next(s))
		n += s->rounds;
	PG_RETURN_INT64(n);
}

PG_FUNCTION_INFO_V1(funding_stats_rounds);
Datum
funding_stats_rounds(PG_FUNCTION_ARGS)
{
	int			digits;
	InnoFsSection head;
	const InnoFsSection *s = SectionHeadArg(fcinfo, 1, &digits, &head);

	PG_RETURN_INT64(s ? s->rounds : 0);
}

PG_FUNCTION_INFO_V1(funding_stats_disclosed);
Datum
funding_stats_disclosed(PG_FUNCTION_ARGS)
{
	int			digits;
	InnoFsSection head;
	const InnoFsSection *s = SectionHeadArg(fcinfo, 1, &digits, &head);

	PG_RETURN_INT64(s ? s->disclosed : 0);
}

PG_FUNCTION_INFO_V1(funding_stats_open);
Datum
funding_stats_open(PG_FUNCTION_ARGS)
{
	int			digits;
	InnoFsSection head;
	const InnoFsSection *s = SectionHeadArg(fcinfo, 1, &digits, &head);

	PG_RETURN_INT64(s ? s->open : 0);
}

/* total(s, currency): the sum of point amounts (0 when nothing is disclosed) */
PG_FUNCTION_INFO_V1(funding_stats_total);
Datum
funding_stats_total(PG_FUNCTION_ARGS)
{
	int			digits;
	InnoFsSection head;
	const InnoFsSection *s = SectionHeadArg(fcinfo, 1, &digits, &head);

	/* no round in the currency, or none with an amount: unknown, not zero */
	if (s == NULL || s->disclosed == 0)
		PG_RETURN_NULL();
	return inno_minor_to_numeric(s->sum_point, digits);
}

/* total_range(s, currency): [sum of lows, sum of highs], open above if any round is */
PG_FUNCTION_INFO_V1(funding_stats_total_range);
Datum
funding_stats_total_range(PG_FUNCTION_ARGS)
{
	int			digits;
	InnoFsSection head;
	const InnoFsSection *s = SectionHeadArg(fcinfo, 1, &digits, &head);
	TypeCacheEntry *typcache = lookup_type_cache(NUMRANGEOID, TYPECACHE_RANGE_INFO);
	RangeBound	lower,
				upper;

	if (s == NULL || s->disclosed == 0)
		PG_RETURN_NULL();
	lower.val = inno_minor_to_numeric(s->sum_low, digits);
	lower.infinite = false;
	lower.inclusive = true;
	lower.lower = true;
	upper.infinite = s->open > 0;
	upper.val = upper.infinite ? (Datum) 0 : inno_minor_to_numeric(s->sum_high, digits);
	upper.inclusive = !upper.infinite;
	upper.lower = false;
	PG_RETURN_RANGE_P(MakeRange(typcache, &lower, &upper, false));
}

/*
 * rounds_over(s, amount, currency [, basis]): rounds at or above a standard
 * threshold, judged by the point ('point'), the lower bound ('low': certainly
 * over) or the upper bound ('high': possibly over).
 */
PG_FUNCTION_INFO_V1(funding_stats_rounds_over);
Datum
funding_stats_rounds_over(PG_FUNCTION_ARGS)
{
	int			digits;
	const InnoFsSection *s = SectionArg(fcinfo, 2, &digits);
	Numeric		amount = PG_GETARG_NUMERIC(1);
	char	   *basis = PG_NARGS() > 3 ? text_to_cstring(PG_GETARG_TEXT_PP(3)) : "point";
	int			b;
	int64		major = -1;
	int			t = -1;

	if (strcmp(basis, "low") == 0)
		b = 0;
	else if (strcmp(basis, "point") == 0)
		b = 1;
	else if (strcmp(basis, "high") == 0)
		b = 2;
	else
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("unknown basis \"%s\"", basis),
				 errhint("Use 'low' (certainly over), 'point' or 'high' (possibly over).")));
	if (!numeric_is_nan(amount) && !numeric_is_inf(amount) &&
		DatumGetBool(DirectFunctionCall2(numeric_eq, NumericGetDatum(amount),
										 DirectFunctionCall2(numeric_trunc, NumericGetDatum(amount), Int32GetDatum(0)))) &&
		DatumGetBool(DirectFunctionCall2(numeric_le, NumericGetDatum(amount),
										 DirectFunctionCall1(int8_numeric, Int64GetDatum(PG_INT64_MAX)))) &&
		DatumGetBool(DirectFunctionCall2(numeric_gt, NumericGetDatum(amount),
										 DirectFunctionCall1(int8_numeric, Int64GetDatum(0)))))
	{
		major = DatumGetInt64(DirectFunctionCall1(numeric_int8, NumericGetDatum(amount)));
		t = inno_fs_threshold_index(major);
	}
	if (t < 0)
	{
		char		list[512];
		int			below = -1,
					above = 0;

		inno_fs_threshold_list(list, sizeof(list));
		if (major > 0)
			inno_fs_threshold_neighbours(major, &below, &above);
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s is not one of the thresholds funding_stats counts",
						DatumGetCString(DirectFunctionCall1(numeric_out, NumericGetDatum(amount)))),
				 below >= 0 && above >= 0 ?
				 errhint("The nearest it counts are %lld and %lld (of 1, 2, 3 and 5 x 10^n from 10000 to 500000000000 currency units).",
						 (long long) inno_fs_threshold_major(below), (long long) inno_fs_threshold_major(above)) :
				 errhint("Use one of %s (currency units).", list),
				 errdetail("Counts at other amounts need the rows: count(*) FILTER (WHERE amount_point(r) >= ...).")));
	}
	if (s == NULL)
		PG_RETURN_INT64(0);
	/* a summary stored by 0.1.0 did not count at 2 and 3 x 10^n: unknown */
	if ((s->flags & INNO_FS_V1_THRESHOLDS) && inno_fs_threshold_is_new(t))
		PG_RETURN_NULL();
	PG_RETURN_INT64(inno_fs_over(s, t, b));
}

PG_FUNCTION_INFO_V1(funding_stats_quantile);
Datum
funding_stats_quantile(PG_FUNCTION_ARGS)
{
	int			digits;
	const InnoFsSection *s = SectionArg(fcinfo, 2, &digits);
	float8		q = PG_GETARG_FLOAT8(1);

	if (isnan(q) || q < 0.0 || q > 1.0)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("quantile %g is not between 0 and 1", q)));
	if (s == NULL || s->disclosed == 0)
		PG_RETURN_NULL();
	PG_RETURN_FLOAT8(inno_qs_quantile(inno_fs_sketch(s), q));
}

PG_FUNCTION_INFO_V1(funding_stats_min_amount);
Datum
funding_stats_min_amount(PG_FUNCTION_ARGS)
{
	int			digits;
	InnoFsSection head;
	const InnoFsSection *s = SectionHeadArg(fcinfo, 1, &digits, &head);

	if (s == NULL || s->disclosed == 0)
		PG_RETURN_NULL();
	return inno_minor_to_numeric(s->min_point, digits);
}

PG_FUNCTION_INFO_V1(funding_stats_max_amount);
Datum
funding_stats_max_amount(PG_FUNCTION_ARGS)
{
	int			digits;
	InnoFsSection head;
	const InnoFsSection *s = SectionHeadArg(fcinfo, 1, &digits, &head);

	if (s == NULL || s->disclosed == 0)
		PG_RETURN_NULL();
	return inno_minor_to_numeric(s->max_point, digits);
}

/* currencies(s): the currencies with rounds, in ISO numeric order */
PG_FUNCTION_INFO_V1(funding_stats_currencies);
Datum
funding_stats_currencies(PG_FUNCTION_ARGS)
{
	const InnoFsHeader *h = inno_checked_stats(PG_GETARG_DATUM(0));
	const InnoFsSection *s = inno_fs_first(h);
	Datum	   *elems = palloc(sizeof(Datum) * (h->nsections + 1));
	int			n = 0;
	int			i;

	for (i = 0; i < h->nsections; i++, s = inno_fs_next(s))
		if (s->currency != 0)
			elems[n++] = PointerGetDatum(cstring_to_text(inno_currency_by_numeric(s->currency)->alpha));
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, n, TEXTOID, -1, false, TYPALIGN_INT));
}
