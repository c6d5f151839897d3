/*
 * funding_round_gist.c
 *	  PostgreSQL glue for gist_funding_round_ops, the default GiST operator
 *	  class of funding_round since 0.2.0: its 16-byte key type
 *	  (funding_round_gist2_key) and support functions, including the
 *	  sortsupport function that gives PostgreSQL 14 and later a sorted,
 *	  bottom-up index build.  The key logic is in src/core/frkey.c.
 */
#include "innovation.h"

#include "access/gist.h"
#include "utils/sortsupport.h"

#include "core/frkey.h"
#include "funding_round.h"

#define FR_MATCHES_STRATEGY 1

#define KEY_P(d)		((const InnoFrKey *) DatumGetPointer(d))

/* index tuples of a key (no NULL) that fit on a page */
#define KEYS_PER_PAGE \
	((int) ((BLCKSZ - SizeOfPageHeaderData - MAXALIGN(sizeof(GISTPageOpaqueData))) / \
			(MAXALIGN(sizeof(IndexTupleData) + sizeof(InnoFrKey)) + sizeof(ItemIdData))))

PG_FUNCTION_INFO_V1(funding_round_gist2_key_in);
Datum
funding_round_gist2_key_in(PG_FUNCTION_ARGS)
{
	ereport(ERROR,
			(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
			 errmsg("cannot accept a value of type %s", "funding_round_gist2_key")));
	PG_RETURN_VOID();
}

/* The key as text, for inspecting index pages (pageinspect's gist_page_items). */
PG_FUNCTION_INFO_V1(funding_round_gist2_key_out);
Datum
funding_round_gist2_key_out(PG_FUNCTION_ARGS)
{
	const InnoFrKey *key = (const InnoFrKey *) PG_GETARG_POINTER(0);

	PG_RETURN_CSTRING(psprintf("(days %d..%d, amounts %.9g..%.9g, currencies %07x, flags %x)",
							   key->date_lo, key->date_hi, key->amt_lo, key->amt_hi,
							   (unsigned int) (key->bits & INNO_FRKEY_CURRENCY_MASK),
							   (unsigned int) (key->bits >> INNO_FRKEY_CURRENCY_BITS)));
}

PG_FUNCTION_INFO_V1(funding_round_gist2_compress);
Datum
funding_round_gist2_compress(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	GISTENTRY  *retval;
	InnoFrKey  *key;

	if (!entry->leafkey)
		PG_RETURN_POINTER(entry);
	key = palloc(sizeof(InnoFrKey));
	inno_frkey_from_round((const InnoFundingRound *) DatumGetPointer(entry->key), key);
	retval = palloc(sizeof(GISTENTRY));
	gistentryinit(*retval, PointerGetDatum(key), entry->rel, entry->page, entry->offset, false);
	PG_RETURN_POINTER(retval);
}

/*
 * consistent(key, window, strategy, subtype, recheck): the query is a
 * funding_window although the function is declared with funding_round (the
 * indexed type), as PostgreSQL's validator wants.  A leaf key decides most
 * rows exactly; the heap row is rechecked only when it cannot.
 */
PG_FUNCTION_INFO_V1(funding_round_gist2_consistent);
Datum
funding_round_gist2_consistent(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = (StrategyNumber) PG_GETARG_UINT16(2);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(4);
	InnoFrKeyMatch m;

	if (strategy != FR_MATCHES_STRATEGY)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("strategy number %d is not supported by the GiST operator class of funding_round",
						strategy)));
	m = inno_frkey_match(inno_cached_window(fcinfo, PG_GETARG_DATUM(1)), KEY_P(entry->key),
						 GIST_LEAF(entry));
	*recheck = m == INNO_FRKEY_MAYBE;
	PG_RETURN_BOOL(m != INNO_FRKEY_NO);
}

PG_FUNCTION_INFO_V1(funding_round_gist2_union);
Datum
funding_round_gist2_union(PG_FUNCTION_ARGS)
{
	GistEntryVector *entryvec = (GistEntryVector *) PG_GETARG_POINTER(0);
	int		   *sizep = (int *) PG_GETARG_POINTER(1);
	InnoFrKey  *out = palloc(sizeof(InnoFrKey));
	int			i;

	inno_frkey_empty(out);
	for (i = 0; i < entryvec->n; i++)
		inno_frkey_union(out, KEY_P(entryvec->vector[i].key));
	*sizep = sizeof(InnoFrKey);
	PG_RETURN_POINTER(out);
}

PG_FUNCTION_INFO_V1(funding_round_gist2_penalty);
Datum
funding_round_gist2_penalty(PG_FUNCTION_ARGS)
{
	GISTENTRY  *orig = (GISTENTRY *) PG_GETARG_POINTER(0);
	GISTENTRY  *add = (GISTENTRY *) PG_GETARG_POINTER(1);
	float	   *result = (float *) PG_GETARG_POINTER(2);

	*result = (float) inno_frkey_penalty(KEY_P(orig->key), KEY_P(add->key));
	PG_RETURN_POINTER(result);
}

PG_FUNCTION_INFO_V1(funding_round_gist2_picksplit);
Datum
funding_round_gist2_picksplit(PG_FUNCTION_ARGS)
{
	GistEntryVector *entryvec = (GistEntryVector *) PG_GETARG_POINTER(0);
	GIST_SPLITVEC *v = (GIST_SPLITVEC *) PG_GETARG_POINTER(1);
	OffsetNumber maxoff = entryvec->n - 1;
	int			n = maxoff;		/* entries are 1..maxoff */
	InnoFrKey  *keys = palloc(sizeof(InnoFrKey) * n);
	uint8_t    *side = palloc(n);
	InnoFrKeySplitItem *items = palloc(sizeof(InnoFrKeySplitItem) * n);
	InnoFrKey  *unions = palloc(sizeof(InnoFrKey) * 2 * n);
	InnoFrKey  *left = palloc(sizeof(InnoFrKey));
	InnoFrKey  *right = palloc(sizeof(InnoFrKey));
	OffsetNumber i;

	for (i = FirstOffsetNumber; i <= maxoff; i++)
		keys[i - 1] = *KEY_P(entryvec->vector[i].key);
	inno_frkey_split(keys, n, KEYS_PER_PAGE, side, items, unions);

	v->spl_left = palloc(sizeof(OffsetNumber) * (n + 1));
	v->spl_right = palloc(sizeof(OffsetNumber) * (n + 1));
	v->spl_nleft = v->spl_nright = 0;
	inno_frkey_empty(left);
	inno_frkey_empty(right);
	for (i = FirstOffsetNumber; i <= maxoff; i++)
	{
		if (side[i - 1] == 0)
		{
			v->spl_left[v->spl_nleft++] = i;
			inno_frkey_union(left, &keys[i - 1]);
		}
		else
		{
			v->spl_right[v->spl_nright++] = i;
			inno_frkey_union(right, &keys[i - 1]);
		}
	}
	v->spl_ldatum = PointerGetDatum(left);
	v->spl_rdatum = PointerGetDatum(right);
	PG_RETURN_POINTER(v);
}

PG_FUNCTION_INFO_V1(funding_round_gist2_same);
Datum
funding_round_gist2_same(PG_FUNCTION_ARGS)
{
	const InnoFrKey *a = (const InnoFrKey *) PG_GETARG_POINTER(0);
	const InnoFrKey *b = (const InnoFrKey *) PG_GETARG_POINTER(1);
	bool	   *result = (bool *) PG_GETARG_POINTER(2);

	*result = inno_frkey_equal(a, b);
	PG_RETURN_POINTER(result);
}

/* ---- sorted build: leaf keys in the curve order of inno_frkey_curve ---- */

/* The full comparison: the curve, then the key's bytes (a total order). */
static int
CurveCmp(Datum a, Datum b, SortSupport ssup)
{
	uint64_t	ca = inno_frkey_curve(KEY_P(a));
	uint64_t	cb = inno_frkey_curve(KEY_P(b));

	(void) ssup;
	if (ca != cb)
		return ca < cb ? -1 : 1;
	return memcmp(KEY_P(a), KEY_P(b), sizeof(InnoFrKey));
}

/* The abbreviated key: the curve position itself (its top half on 32-bit machines). */
static Datum
CurveAbbrev(Datum original, SortSupport ssup)
{
	uint64_t	c = inno_frkey_curve(KEY_P(original));

	(void) ssup;
#if SIZEOF_DATUM == 8
	return (Datum) c;
#else
	return (Datum) (c >> 32);
#endif
}

static int
AbbrevCmp(Datum x, Datum y, SortSupport ssup)
{
	(void) ssup;
	return x < y ? -1 : x > y ? 1 : 0;
}

/* Never worth aborting: computing the curve once per key is the whole gain. */
static bool
AbbrevAbort(int memtupcount, SortSupport ssup)
{
	(void) memtupcount;
	(void) ssup;
	return false;
}

PG_FUNCTION_INFO_V1(funding_round_gist2_sortsupport);
Datum
funding_round_gist2_sortsupport(PG_FUNCTION_ARGS)
{
	SortSupport ssup = (SortSupport) PG_GETARG_POINTER(0);

	ereport(DEBUG1,
			(errmsg_internal("funding_round GiST index: sorted build along the curve")));
	if (ssup->abbreviate)
	{
		ssup->comparator = AbbrevCmp;
		ssup->abbrev_converter = CurveAbbrev;
		ssup->abbrev_abort = AbbrevAbort;
		ssup->abbrev_full_comparator = CurveCmp;
	}
	else
		ssup->comparator = CurveCmp;
	PG_RETURN_VOID();
}
