/*
 * funding_round_index.c
 *	  PostgreSQL glue for ordering and indexing funding_round: comparison
 *	  and hashing (btree, hash, BRIN), the funding_window query type and
 *	  its @@ operator, and the GiST support functions of 0.1.0's operator
 *	  class (gist_funding_round_v1_ops, 32-byte boxes), kept so that the
 *	  indexes it built keep working; the default class of 0.2.0 is in
 *	  funding_round_gist.c.
 */
#include "innovation.h"

#include "access/gist.h"
#include "access/htup_details.h"
#include "common/hashfn.h"
#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/numeric.h"
#include "utils/rangetypes.h"
#include "utils/typcache.h"

#include "core/frbox.h"
#include "core/funding.h"
#include "funding_round.h"

#define PG_GETARG_FR(n)		((const InnoFundingRound *) PG_GETARG_POINTER(n))

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

	/*
	 * PostgreSQL requires the low 32 bits of the extended hash with seed 0
	 * to be the standard hash.  Other seeds (hash partitioning uses one)
	 * keep the values of 0.1.0, so that partitions need no rerouting.
	 */
	if (seed == 0)
		h = (h & UINT64CONST(0xFFFFFFFF00000000)) |
			DatumGetUInt32(DirectFunctionCall1(hash_funding_round, PG_GETARG_DATUM(0)));
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

/*
 * Convert a funding_window composite into the core's window.  An unknown
 * currency, or an amount range without a currency, is an error, or with
 * soft a false return (the planner estimates windows it may never run).
 */
static bool
WindowFromComposite(HeapTupleHeader rec, InnoFrWindow *w, bool soft)
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
		char	   *alpha = TextDatumGetCString(currency);
		const InnoCurrencyInfo *cur = soft ? inno_currency_by_alpha(alpha) : inno_currency_or_error(alpha);

		if (cur == NULL)
			return false;
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
		{
			if (soft)
				return false;
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("a funding_window with an amount range needs a currency"),
					 errhint("Amounts in different currencies are not comparable; name one, e.g. 'CNY'.")));
		}
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
			/*
			 * daterange is canonical [lo, hi) for finite dates: the last day
			 * is hi - 1.  The values -infinity and infinity are not
			 * canonicalized and bound no finite date: a window ending at
			 * -infinity or starting at infinity matches no round (which
			 * always has a finite date), one starting at -infinity or
			 * ending at infinity is unbounded on that side.
			 */
			DateADT		dlo = lo.infinite ? DATEVAL_NOBEGIN : DatumGetDateADT(lo.val);
			DateADT		dhi = hi.infinite ? DATEVAL_NOEND : DatumGetDateADT(hi.val);

			if (DATE_IS_NOEND(dlo) || DATE_IS_NOBEGIN(dhi))
			{
				w->date_lo = 1;	/* matches nothing */
				w->date_hi = 0;
			}
			else
			{
				w->date_lo = DATE_IS_NOBEGIN(dlo) ? PG_INT32_MIN : (int32) dlo;
				w->date_hi = DATE_IS_NOEND(dhi) ? PG_INT32_MAX :
					(hi.inclusive ? (int32) dhi : (int32) dhi - 1);
			}
		}
	}
	return true;
}

bool
inno_window_from_datum(Datum window, InnoFrWindow *w, bool soft)
{
	return WindowFromComposite(DatumGetHeapTupleHeader(window), w, soft);
}

/*
 * The window of a query datum, converted once per query: cached in fn_extra
 * and reused while the composite's bytes are unchanged.
 */
typedef struct WindowCache
{
	InnoFrKeyQuery query;
	Size		len;
	char		bytes[FLEXIBLE_ARRAY_MEMBER];
} WindowCache;

const InnoFrKeyQuery *
inno_cached_window(FunctionCallInfo fcinfo, Datum window)
{
	HeapTupleHeader rec = DatumGetHeapTupleHeader(window);
	Size		len = HeapTupleHeaderGetDatumLength(rec);
	WindowCache *cache = (WindowCache *) fcinfo->flinfo->fn_extra;

	if (cache == NULL || cache->len != len || memcmp(cache->bytes, rec, len) != 0)
	{
		InnoFrWindow w;

		WindowFromComposite(rec, &w, false);
		cache = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, offsetof(WindowCache, bytes) + len);
		inno_frkey_query(&w, &cache->query);
		cache->len = len;
		memcpy(cache->bytes, rec, len);
		if (fcinfo->flinfo->fn_extra)
			pfree(fcinfo->flinfo->fn_extra);
		fcinfo->flinfo->fn_extra = cache;
	}
	return &cache->query;
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
			inno_currency_or_error(text_to_cstring(PG_GETARG_TEXT_PP(2)))->alpha));
	tuple = heap_form_tuple(BlessTupleDesc(tupdesc), values, nulls);
	/* validates the combination (an amount needs a currency) */
	WindowFromComposite(tuple->t_data, &w, false);
	PG_RETURN_DATUM(HeapTupleGetDatum(tuple));
}

/* fr @@ window */
PG_FUNCTION_INFO_V1(funding_round_matches);
Datum
funding_round_matches(PG_FUNCTION_ARGS)
{
	const InnoFundingRound *fr = PG_GETARG_FR(0);

	PG_RETURN_BOOL(inno_frwindow_matches(&inno_cached_window(fcinfo, PG_GETARG_DATUM(1))->w, fr));
}

/* ---- GiST, gist_funding_round_v1_ops ---- */

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
	PG_RETURN_BOOL(inno_frwindow_may_match(&inno_cached_window(fcinfo, PG_GETARG_DATUM(1))->w, box));
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
