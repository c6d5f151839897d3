/*
 * funding_round_gist.c
 *	  PostgreSQL glue for gist_funding_round_ops, the default GiST operator
 *	  class of funding_round since 0.2.0: its key type
 *	  (funding_round_gist2_key: a leaf's round, losslessly, or an inner
 *	  key's 16-byte box) and support functions, including the fetch function
 *	  of index-only scans and the sortsupport function that gives
 *	  PostgreSQL 14 and later a sorted, bottom-up index build.  The key
 *	  logic is in src/core/frkey.c and src/core/frleaf.c.
 */
#include "innovation.h"

#include "access/gist.h"
#include "utils/sortsupport.h"

#include "core/frkey.h"
#include "funding_round.h"

#define FR_MATCHES_STRATEGY 1

/* room on a page for index tuples (each also takes a line pointer) */
#define PAGE_ROOM \
	((size_t) (BLCKSZ - SizeOfPageHeaderData - MAXALIGN(sizeof(GISTPageOpaqueData))))

/*
 * The bytes of a stored key (a varlena whose header is short on index
 * pages): an inner key's box, or a leaf's round.
 */
static InnoFrKeyForm
ReadKey(Datum d, InnoFrKey *box, InnoFundingRound *fr)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);
	InnoFrKeyForm form;

	if (VARATT_IS_EXTERNAL(v) || VARATT_IS_COMPRESSED(v))
		v = pg_detoast_datum_packed(v);
	form = inno_frkey_read((const uint8_t *) VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v), box, fr);
	if (form == INNO_FRKEY_BAD)
		ereport(ERROR,
				(errcode(ERRCODE_INDEX_CORRUPTED),
				 errmsg("a key of a funding_round GiST index is corrupt"),
				 errhint("REINDEX the index.")));
	return form;
}

/* The box of a stored key: an inner key's own, a leaf's made from its round. */
static void
KeyBox(Datum d, InnoFrKey *box)
{
	InnoFundingRound fr;

	if (ReadKey(d, box, &fr) == INNO_FRKEY_LEAF)
		inno_frkey_from_round(&fr, box);
}

static Datum
KeyDatum(const uint8_t *bytes, size_t n)
{
	struct varlena *v = palloc(VARHDRSZ + n);

	SET_VARSIZE(v, VARHDRSZ + n);
	memcpy(VARDATA(v), bytes, n);
	return PointerGetDatum(v);
}

static Datum
InnerDatum(const InnoFrKey *box)
{
	uint8_t		bytes[INNO_FRKEY_STORED_MAX];

	return KeyDatum(bytes, inno_frkey_write_inner(box, bytes));
}

/* The bytes of a key's index tuple and line pointer (its header short there). */
static uint16_t
TupleBytes(Datum d)
{
	return (uint16_t) (MAXALIGN(sizeof(IndexTupleData) + 1 + VARSIZE_ANY_EXHDR(DatumGetPointer(d))) +
					   sizeof(ItemIdData));
}

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
	InnoFrKey	key;
	InnoFundingRound fr;
	char		text[INNO_FR_TEXT_MAX];

	if (ReadKey(PG_GETARG_DATUM(0), &key, &fr) == INNO_FRKEY_LEAF)
	{
		if (inno_fr_format(&fr, text, sizeof(text)) < 0)
			strcpy(text, "?");
		PG_RETURN_CSTRING(psprintf("(round %s)", text));
	}
	PG_RETURN_CSTRING(psprintf("(days %d..%d, amounts %.9g..%.9g, currencies %07x, flags %x)",
							   key.date_lo, key.date_hi, key.amt_lo, key.amt_hi,
							   (unsigned int) (key.bits & INNO_FRKEY_CURRENCY_MASK),
							   (unsigned int) (key.bits >> INNO_FRKEY_CURRENCY_BITS)));
}

/* A leaf's key is its round, losslessly; inner keys come from union already stored. */
PG_FUNCTION_INFO_V1(funding_round_gist2_compress);
Datum
funding_round_gist2_compress(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	GISTENTRY  *retval;
	uint8_t		bytes[INNO_FRKEY_STORED_MAX];
	size_t		n;

	if (!entry->leafkey)
		PG_RETURN_POINTER(entry);
	n = inno_frkey_write_leaf((const InnoFundingRound *) DatumGetPointer(entry->key), bytes);
	retval = palloc(sizeof(GISTENTRY));
	gistentryinit(*retval, KeyDatum(bytes, n), entry->rel, entry->page, entry->offset, false);
	PG_RETURN_POINTER(retval);
}

/* The round of a leaf key, for index-only scans. */
PG_FUNCTION_INFO_V1(funding_round_gist2_fetch);
Datum
funding_round_gist2_fetch(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	GISTENTRY  *retval;
	InnoFundingRound *fr = palloc(sizeof(InnoFundingRound));
	InnoFrKey	box;

	if (ReadKey(entry->key, &box, fr) != INNO_FRKEY_LEAF)
		ereport(ERROR,
				(errcode(ERRCODE_INDEX_CORRUPTED),
				 errmsg("a leaf key of a funding_round GiST index holds no round"),
				 errhint("REINDEX the index.")));
	retval = palloc(sizeof(GISTENTRY));
	gistentryinit(*retval, PointerGetDatum(fr), entry->rel, entry->page, entry->offset, false);
	PG_RETURN_POINTER(retval);
}

/*
 * consistent(key, window, strategy, subtype, recheck): the query is a
 * funding_window although the function is declared with funding_round (the
 * indexed type), as PostgreSQL's validator wants.  A leaf holds its round
 * and decides it exactly: no heap row is rechecked.
 */
PG_FUNCTION_INFO_V1(funding_round_gist2_consistent);
Datum
funding_round_gist2_consistent(PG_FUNCTION_ARGS)
{
	GISTENTRY  *entry = (GISTENTRY *) PG_GETARG_POINTER(0);
	StrategyNumber strategy = (StrategyNumber) PG_GETARG_UINT16(2);
	bool	   *recheck = (bool *) PG_GETARG_POINTER(4);
	const InnoFrKeyQuery *q;
	InnoFrKey	box;
	InnoFundingRound fr;

	if (strategy != FR_MATCHES_STRATEGY)
		ereport(ERROR,
				(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
				 errmsg("strategy number %d is not supported by the GiST operator class of funding_round",
						strategy)));
	q = inno_cached_window(fcinfo, PG_GETARG_DATUM(1));
	*recheck = false;
	if (ReadKey(entry->key, &box, &fr) == INNO_FRKEY_LEAF)
		PG_RETURN_BOOL(inno_frwindow_matches(&q->w, &fr));
	PG_RETURN_BOOL(inno_frkey_may_match(q, &box));
}

PG_FUNCTION_INFO_V1(funding_round_gist2_union);
Datum
funding_round_gist2_union(PG_FUNCTION_ARGS)
{
	GistEntryVector *entryvec = (GistEntryVector *) PG_GETARG_POINTER(0);
	int		   *sizep = (int *) PG_GETARG_POINTER(1);
	InnoFrKey	acc,
				box;
	Datum		out;
	int			i;

	inno_frkey_empty(&acc);
	for (i = 0; i < entryvec->n; i++)
	{
		KeyBox(entryvec->vector[i].key, &box);
		inno_frkey_union(&acc, &box);
	}
	out = InnerDatum(&acc);
	*sizep = VARSIZE(DatumGetPointer(out));
	PG_RETURN_DATUM(out);
}

PG_FUNCTION_INFO_V1(funding_round_gist2_penalty);
Datum
funding_round_gist2_penalty(PG_FUNCTION_ARGS)
{
	GISTENTRY  *orig = (GISTENTRY *) PG_GETARG_POINTER(0);
	GISTENTRY  *add = (GISTENTRY *) PG_GETARG_POINTER(1);
	float	   *result = (float *) PG_GETARG_POINTER(2);
	InnoFrKey	a,
				b;

	KeyBox(orig->key, &a);
	KeyBox(add->key, &b);
	*result = (float) inno_frkey_penalty(&a, &b);
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
	uint16_t   *bytes = palloc(sizeof(uint16_t) * n);
	InnoFrKey	left,
				right;
	OffsetNumber i;

	for (i = FirstOffsetNumber; i <= maxoff; i++)
	{
		KeyBox(entryvec->vector[i].key, &keys[i - 1]);
		bytes[i - 1] = TupleBytes(entryvec->vector[i].key);
	}
	inno_frkey_split(keys, bytes, n, PAGE_ROOM, side, items, unions);

	v->spl_left = palloc(sizeof(OffsetNumber) * (n + 1));
	v->spl_right = palloc(sizeof(OffsetNumber) * (n + 1));
	v->spl_nleft = v->spl_nright = 0;
	inno_frkey_empty(&left);
	inno_frkey_empty(&right);
	for (i = FirstOffsetNumber; i <= maxoff; i++)
	{
		if (side[i - 1] == 0)
		{
			v->spl_left[v->spl_nleft++] = i;
			inno_frkey_union(&left, &keys[i - 1]);
		}
		else
		{
			v->spl_right[v->spl_nright++] = i;
			inno_frkey_union(&right, &keys[i - 1]);
		}
	}
	v->spl_ldatum = InnerDatum(&left);
	v->spl_rdatum = InnerDatum(&right);
	PG_RETURN_POINTER(v);
}

PG_FUNCTION_INFO_V1(funding_round_gist2_same);
Datum
funding_round_gist2_same(PG_FUNCTION_ARGS)
{
	bool	   *result = (bool *) PG_GETARG_POINTER(2);
	InnoFrKey	a,
				b;

	KeyBox(PG_GETARG_DATUM(0), &a);
	KeyBox(PG_GETARG_DATUM(1), &b);
	*result = inno_frkey_equal(&a, &b);
	PG_RETURN_POINTER(result);
}

/* ---- sorted build: leaf keys in the curve order of inno_frkey_curve ---- */

static uint64_t
KeyCurve(Datum d)
{
	InnoFrKey	box;

	KeyBox(d, &box);
	return inno_frkey_curve(&box);
}

/* The full comparison: the curve, then the key's bytes (a total order). */
static int
CurveCmp(Datum a, Datum b, SortSupport ssup)
{
	uint64_t	ca = KeyCurve(a);
	uint64_t	cb = KeyCurve(b);
	size_t		la = VARSIZE_ANY_EXHDR(DatumGetPointer(a));
	size_t		lb = VARSIZE_ANY_EXHDR(DatumGetPointer(b));
	int			c;

	(void) ssup;
	if (ca != cb)
		return ca < cb ? -1 : 1;
	c = memcmp(VARDATA_ANY(DatumGetPointer(a)), VARDATA_ANY(DatumGetPointer(b)), Min(la, lb));
	if (c != 0)
		return c;
	return la < lb ? -1 : la > lb ? 1 : 0;
}

/* The abbreviated key: the curve position itself (its top half on 32-bit machines). */
static Datum
CurveAbbrev(Datum original, SortSupport ssup)
{
	uint64_t	c = KeyCurve(original);

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
