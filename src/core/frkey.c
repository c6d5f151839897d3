/*
 * frkey.c
 *	  The compact GiST key of funding_round: encoding, union, matching,
 *	  penalty, split and the curve order of the sorted build.
 *
 * Matching never loses a round: every bound of a key is rounded outward
 * from the rounds it stands for.  (A leaf of the index keeps its round
 * whole and is matched exactly: frleaf.c.)  Penalty, split and the
 * curve use floating point freely: they only shape the tree.
 */
#include "frkey.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/*
 * Currencies with a bit of their own, by ISO numeric code: the currencies
 * funding_round knew when the key was defined.  Append only (the bit of a
 * currency is stored in every index); a currency not listed shares bit 27.
 */
static const uint16_t key_currencies[] = {
	156,						/* CNY */
	840,						/* USD */
	344,						/* HKD */
	901,						/* TWD */
	978,						/* EUR */
	392,						/* JPY */
	826,						/* GBP */
	702,						/* SGD */
	410,						/* KRW */
	756,						/* CHF */
	36,							/* AUD */
	124,						/* CAD */
};

#define N_KEY_CURRENCIES ((int) (sizeof(key_currencies) / sizeof(key_currencies[0])))

_Static_assert(N_KEY_CURRENCIES == INNO_FRKEY_CURRENCY_SLOTS, "INNO_FRKEY_CURRENCY_SLOTS counts key_currencies");

int
inno_frkey_currency_slot(uint16_t currency)
{
	int			i;

	for (i = 0; i < N_KEY_CURRENCIES; i++)
		if (key_currencies[i] == currency)
			return i;
	return -1;
}

uint16_t
inno_frkey_slot_currency(int slot)
{
	return key_currencies[slot];
}

uint32_t
inno_frkey_currency_bit(uint16_t currency)
{
	int			slot = inno_frkey_currency_slot(currency);

	return slot < 0 ? INNO_FRKEY_OTHER_CURRENCY : UINT32_C(1) << slot;
}

/* ---- bounds ---- */

/* Exact three-way comparison of a float (not NaN) with an int64. */
int
inno_frkey_cmp_float_int64(float f, int64_t x)
{
	int64_t		t;

	if (f >= 9223372036854775808.0f)	/* 2^63 and above, +inf */
		return 1;
	if (f < -9223372036854775808.0f)	/* below -2^63, -inf */
		return -1;
	t = (int64_t) f;			/* truncated toward zero: fits */
	if (t != x)
		return t < x ? -1 : 1;
	/* same integer part: a fraction is only possible when |f| < 2^23 */
	if (f > (float) t)
		return 1;
	if (f < (float) t)
		return -1;
	return 0;
}

float
inno_frkey_round_down(int64_t x)
{
	float		f = (float) x;

	if (inno_frkey_cmp_float_int64(f, x) > 0)
		f = nextafterf(f, -INFINITY);
	return f;
}

float
inno_frkey_round_up(int64_t x)
{
	float		f = (float) x;

	if (inno_frkey_cmp_float_int64(f, x) < 0)
		f = nextafterf(f, INFINITY);
	return f;
}

/* A day as a lower bound (rounded down) and as an upper bound (rounded up). */
static int16_t
DayLow(int32_t day)
{
	if (day < INNO_FRKEY_DAY_MIN + 1)
		return INNO_FRKEY_DAY_MIN;
	if (day > INNO_FRKEY_DAY_MAX - 1)
		return INNO_FRKEY_DAY_MAX - 1;
	return (int16_t) day;
}

static int16_t
DayHigh(int32_t day)
{
	if (day > INNO_FRKEY_DAY_MAX - 1)
		return INNO_FRKEY_DAY_MAX;
	if (day < INNO_FRKEY_DAY_MIN + 1)
		return INNO_FRKEY_DAY_MIN + 1;
	return (int16_t) day;
}

/* The bounds a key's days stand for, the sentinels as unbounded. */
static int32_t
DecodeDayLow(int16_t d)
{
	return d == INNO_FRKEY_DAY_MIN ? INT32_MIN : d;
}

static int32_t
DecodeDayHigh(int16_t d)
{
	return d == INNO_FRKEY_DAY_MAX ? INT32_MAX : d;
}

/* ---- keys ---- */

void
inno_frkey_empty(InnoFrKey *key)
{
	key->date_lo = INNO_FRKEY_DAY_MAX;
	key->date_hi = INNO_FRKEY_DAY_MIN;
	key->amt_lo = INFINITY;
	key->amt_hi = -INFINITY;
	key->bits = 0;
}

void
inno_frkey_from_round(const InnoFundingRound *fr, InnoFrKey *key)
{
	int32_t		first,
				last;

	inno_frkey_empty(key);
	if (inno_fr_period(fr, &first, &last))
	{
		key->bits |= INNO_FRKEY_HAS_DATED;
		key->date_lo = DayLow(first);
		key->date_hi = DayHigh(last);
	}
	else
		key->bits |= INNO_FRKEY_HAS_UNDATED;
	if (fr->flags & INNO_FR_DISCLOSED)
	{
		key->bits |= INNO_FRKEY_HAS_DISCLOSED;
		key->amt_lo = inno_frkey_round_down(fr->low);
		key->amt_hi = fr->high == INNO_FR_OPEN_HIGH ? INFINITY : inno_frkey_round_up(fr->high);
	}
	else
		key->bits |= INNO_FRKEY_HAS_UNDISCLOSED;
	if (fr->currency != 0)
		key->bits |= inno_frkey_currency_bit(fr->currency);
}

void
inno_frkey_union(InnoFrKey *acc, const InnoFrKey *b)
{
	if (b->date_lo < acc->date_lo)
		acc->date_lo = b->date_lo;
	if (b->date_hi > acc->date_hi)
		acc->date_hi = b->date_hi;
	if (b->amt_lo < acc->amt_lo)
		acc->amt_lo = b->amt_lo;
	if (b->amt_hi > acc->amt_hi)
		acc->amt_hi = b->amt_hi;
	acc->bits |= b->bits;
}

bool
inno_frkey_equal(const InnoFrKey *a, const InnoFrKey *b)
{
	return a->date_lo == b->date_lo && a->date_hi == b->date_hi &&
		a->amt_lo == b->amt_lo && a->amt_hi == b->amt_hi && a->bits == b->bits;
}

/* ---- matching ---- */

void
inno_frkey_query(const InnoFrWindow *w, InnoFrKeyQuery *q)
{
	q->w = *w;
	q->currency_bit = w->has_currency ? inno_frkey_currency_bit(w->currency) : 0;
}

bool
inno_frkey_may_match(const InnoFrKeyQuery *q, const InnoFrKey *key)
{
	const InnoFrWindow *w = &q->w;

	if (w->has_currency && !(key->bits & q->currency_bit))
		return false;
	if (w->has_amount &&
		(!(key->bits & INNO_FRKEY_HAS_DISCLOSED) ||
		 inno_frkey_cmp_float_int64(key->amt_lo, w->amt_hi) > 0 ||
		 inno_frkey_cmp_float_int64(key->amt_hi, w->amt_lo) < 0))
		return false;
	/* some period within [lo, hi] may lie within the window */
	if (w->has_date &&
		(!(key->bits & INNO_FRKEY_HAS_DATED) || w->date_lo > w->date_hi ||
		 DecodeDayLow(key->date_lo) > w->date_hi || DecodeDayHigh(key->date_hi) < w->date_lo))
		return false;
	return true;
}

/* ---- penalty and split ---- */

/* Extent of the days, in days (0 when none) */
static double
DateExtent(const InnoFrKey *k)
{
	if (!(k->bits & INNO_FRKEY_HAS_DATED) || k->date_hi < k->date_lo)
		return 0.0;
	return (double) k->date_hi - (double) k->date_lo + 1.0;
}

/* log2 of an amount bound, +inf as 2^63 */
static double
Log2Amount(float a)
{
	if (isinf(a))
		return a > 0 ? 63.0 : 0.0;
	return a > 1.0f ? log2((double) a) : 0.0;
}

/* Extent of the amounts, in 64ths of a doubling (0 when none) */
static double
AmountExtent(const InnoFrKey *k)
{
	if (!(k->bits & INNO_FRKEY_HAS_DISCLOSED) || k->amt_hi < k->amt_lo)
		return 0.0;
	return 64.0 * (Log2Amount(k->amt_hi) - Log2Amount(k->amt_lo)) + 1.0;
}

/* The area a key covers: one day weighs as much as a 64th of a doubling. */
static double
Area(const InnoFrKey *k)
{
	return (DateExtent(k) + 1.0) * (AmountExtent(k) + 1.0);
}

double
inno_frkey_penalty(const InnoFrKey *orig, const InnoFrKey *b)
{
	InnoFrKey	grown = *orig;
	double		penalty;

	inno_frkey_union(&grown, b);
	penalty = Area(&grown) - Area(orig);
	/* a currency or kind of round the subtree did not have costs more than any area */
	penalty += 1e10 * inno_popcount32((grown.bits & ~orig->bits) & INNO_FRKEY_CURRENCY_MASK);
	penalty += 1e9 * inno_popcount32((grown.bits & ~orig->bits) & ~INNO_FRKEY_CURRENCY_MASK);
	return penalty > 0.0 ? penalty : 0.0;
}

/* How much two keys overlap for the windows that may visit both. */
static double
Overlap(const InnoFrKey *a, const InnoFrKey *b)
{
	double		days = 1.0,
				amounts = 1.0;

	if ((a->bits & b->bits & INNO_FRKEY_CURRENCY_MASK) == 0)
		return 0.0;				/* no currency in common */
	if ((a->bits & b->bits & INNO_FRKEY_HAS_DATED) &&
		a->date_lo <= a->date_hi && b->date_lo <= b->date_hi)
	{
		int			lo = a->date_lo > b->date_lo ? a->date_lo : b->date_lo;
		int			hi = a->date_hi < b->date_hi ? a->date_hi : b->date_hi;

		days = hi >= lo ? (double) (hi - lo) + 2.0 : 0.0;
	}
	if ((a->bits & b->bits & INNO_FRKEY_HAS_DISCLOSED) &&
		a->amt_lo <= a->amt_hi && b->amt_lo <= b->amt_hi)
	{
		float		lo = a->amt_lo > b->amt_lo ? a->amt_lo : b->amt_lo;
		float		hi = a->amt_hi < b->amt_hi ? a->amt_hi : b->amt_hi;

		amounts = hi >= lo ? 64.0 * (Log2Amount(hi) - Log2Amount(lo)) + 2.0 : 0.0;
	}
	return days * amounts;
}

static int
CompareItems(const void *a, const void *b)
{
	const InnoFrKeySplitItem *x = a;
	const InnoFrKeySplitItem *y = b;

	if (x->curve != y->curve)
		return x->curve < y->curve ? -1 : 1;
	return (x->index > y->index) - (x->index < y->index);
}

/* The bytes of items first .. last - 1 in curve order. */
static size_t
Bytes(const InnoFrKeySplitItem *items, const uint16_t *bytes, int first, int last)
{
	size_t		total = 0;
	int			i;

	for (i = first; i < last; i++)
		total += bytes[items[i].index];
	return total;
}

/* The items that fill the first page in curve order. */
static int
FirstPage(const InnoFrKeySplitItem *items, const uint16_t *bytes, int n, size_t page_room)
{
	size_t		on_page = 0;
	int			i;

	for (i = 0; i < n; i++)
	{
		on_page += bytes[items[i].index];
		if (on_page > page_room)
			break;
	}
	return i > 0 ? i : 1;
}

void
inno_frkey_split(const InnoFrKey *keys, const uint16_t *bytes, int n, size_t page_room, uint8_t *side,
				 InnoFrKeySplitItem *items, InnoFrKey *unions)
{
	InnoFrKey  *prefix = unions;	/* prefix[i]: items 0..i */
	InnoFrKey  *suffix = unions + n;	/* suffix[i]: items i..n-1 */
	int			lo,
				hi,
				best = n / 2,
				i;
	double		best_cost = HUGE_VAL;
	size_t		total,
				left_bytes;

	if (n < 2)
	{
		for (i = 0; i < n; i++)
			side[i] = 0;
		return;
	}
	for (i = 0; i < n; i++)
	{
		items[i].curve = inno_frkey_curve(&keys[i]);
		items[i].index = i;
	}
	qsort(items, (size_t) n, sizeof(InnoFrKeySplitItem), CompareItems);
	total = bytes != NULL ? Bytes(items, bytes, 0, n) : 0;
	if (total >= 2 * page_room)
	{
		/*
		 * two pages or more at once: a full page to the left (PostgreSQL
		 * splits the right side again, until each side fits a page)
		 */
		best = FirstPage(items, bytes, n, page_room);
		for (i = 0; i < n; i++)
			side[items[i].index] = i < best ? 0 : 1;
		return;
	}
	prefix[0] = keys[items[0].index];
	for (i = 1; i < n; i++)
	{
		prefix[i] = prefix[i - 1];
		inno_frkey_union(&prefix[i], &keys[items[i].index]);
	}
	suffix[n - 1] = keys[items[n - 1].index];
	for (i = n - 2; i >= 0; i--)
	{
		suffix[i] = suffix[i + 1];
		inno_frkey_union(&suffix[i], &keys[items[i].index]);
	}

	/* the left side takes items 0..k-1; with sizes, a cut where both sides fit a page if any does */
	lo = n * 35 / 100;
	hi = n - lo;
	if (lo < 1)
		lo = 1;
	if (hi > n - 1)
		hi = n - 1;
	left_bytes = bytes != NULL ? Bytes(items, bytes, 0, lo - 1) : 0;
	for (i = lo; i <= hi; i++)
	{
		double		cost = 2.0 * Overlap(&prefix[i - 1], &suffix[i]) +
			Area(&prefix[i - 1]) + Area(&suffix[i]);

		if (bytes != NULL)
		{
			left_bytes += bytes[items[i - 1].index];
			if (left_bytes > page_room || total - left_bytes > page_room)
				cost += 1e300;	/* a side that must be split again */
		}
		if (cost < best_cost)
		{
			best_cost = cost;
			best = i;
		}
	}
	for (i = 0; i < n; i++)
		side[items[i].index] = i < best ? 0 : 1;
}

/* ---- the curve ---- */

/*
 * Position of (x, y) on the Hilbert curve filling the 2^order x 2^order
 * grid: quadrant by quadrant from the top bit down, each quadrant turned so
 * that the curve enters it where the previous one left.
 */
uint64_t
inno_hilbert_index(uint32_t x, uint32_t y, int order)
{
	uint64_t	d = 0;
	uint32_t	mask = order >= 32 ? UINT32_MAX : (UINT32_C(1) << order) - 1;
	int			level;

	x &= mask;
	y &= mask;
	for (level = order - 1; level >= 0; level--)
	{
		uint32_t	s = UINT32_C(1) << level;
		uint32_t	rx = (x & s) ? 1 : 0;
		uint32_t	ry = (y & s) ? 1 : 0;

		d += ((uint64_t) s * s) * ((3 * rx) ^ ry);
		if (ry == 0)
		{
			uint32_t	t;

			if (rx == 1)
			{
				x = mask ^ x;
				y = mask ^ y;
			}
			t = x;
			x = y;
			y = t;
		}
	}
	return d;
}

static uint32_t
FloatBits(float f)
{
	uint32_t	u;

	memcpy(&u, &f, sizeof(u));
	return u;
}

#define CURVE_ORDER 26
#define FLOAT_ONE_BITS 0x3f800000u	/* the bits of 1.0f */

/* How wide the amounts are: one figure, up to twice, more, open above (0..3). */
static uint64_t
AmountClass(const InnoFrKey *key)
{
	if (isinf(key->amt_hi))
		return 3;
	if (key->amt_hi <= key->amt_lo * (1.0f + 1.0f / 1048576.0f))
		return 0;				/* the same figure, up to its float rounding */
	return key->amt_hi <= 2.0f * key->amt_lo ? 1 : 2;
}

uint64_t
inno_frkey_curve(const InnoFrKey *key)
{
	uint32_t	currencies = key->bits & INNO_FRKEY_CURRENCY_MASK;
	bool		dated = (key->bits & INNO_FRKEY_HAS_DATED) && key->date_lo <= key->date_hi;
	bool		disclosed = (key->bits & INNO_FRKEY_HAS_DISCLOSED) && key->amt_lo <= key->amt_hi;
	uint64_t	group = 0;
	uint64_t	pos;
	uint32_t	x = 0,
				y = 0;

	/*
	 * The group: the lowest currency bit (1..28, 0 for none), dated or not,
	 * disclosed or not, then the class of the amount's width.  Exact
	 * amounts do not share pages with ranges, nor any of them with amounts
	 * open above, which would stretch every page's box to infinity.  (Long
	 * periods, a month or a year, stay with the days: kept apart, they made
	 * windows of a month read more pages, not fewer.)
	 */
	if (currencies)
		for (group = 1; !(currencies & 1); currencies >>= 1)
			group++;
	group = (group << 2) | (dated ? 0 : 2) | (disclosed ? 0 : 1);
	group = (group << 2) | (disclosed ? AmountClass(key) : 0);

	/* the middle of the period: twice the middle day, 1024 steps a day */
	if (dated)
		x = (uint32_t) ((int32_t) key->date_lo + (int32_t) key->date_hi + 65536) << 9;

	/*
	 * The geometric middle of the amounts: positive floats ordered as their
	 * bits, which step 2^23 times per doubling; 2^16 steps per doubling is
	 * one doubling for 64 days.
	 */
	if (disclosed)
	{
		uint32_t	lo = key->amt_lo >= 1.0f ? FloatBits(key->amt_lo) : FLOAT_ONE_BITS;
		uint32_t	hi = isinf(key->amt_hi) ? lo :
			key->amt_hi >= 1.0f ? FloatBits(key->amt_hi) : FLOAT_ONE_BITS;

		y = (uint32_t) ((((uint64_t) lo + hi) / 2 - FLOAT_ONE_BITS) >> 7);
	}

	if (dated && disclosed)
		pos = inno_hilbert_index(x, y, CURVE_ORDER);
	else
		pos = (uint64_t) (dated ? x : y) << CURVE_ORDER;	/* one dimension: in order */
	return (group << (2 * CURVE_ORDER)) | pos;
}
