/*
 * qsketch.c
 *	  Deterministic, mergeable quantile sketch.
 *
 * The bucket of x > 0 is floor(k * f(x)) with f(x) = (e - 1) + P(s), where
 * x = (1 + s) * 2^(e - 1), s in [0, 1), and P(s) = ((A s + B) s + C) s with
 * A = 6/35, B = -3/5, C = 10/7.  P(0) = 0, P(1) = 1 and P is increasing, so
 * f is a continuous, increasing stand-in for log2 whose slope against log2 x
 * stays within [0.9902, 1.0299] (DataDog's cubic index mapping).  A bucket
 * therefore spans a ratio of at most 2^(1 / (0.9902 k)), and k is chosen per
 * accuracy so that this ratio is at most (1 + a) / (1 - a); the harmonic
 * mean of a bucket's bounds is then within a of every value in it.
 *
 * Only frexp, ldexp, floor and + - * / are used: all are exact or correctly
 * rounded in IEEE 754 (ldexp is scaleB, rounding once when its result is
 * subnormal), so the bucket of a value, and the value that stands for a
 * bucket, are the same everywhere (the build turns off floating-point
 * contraction into fused multiply-adds).  Bounds are kept as a mantissa and
 * a power of two, so no step overflows or underflows: the guarantee holds
 * from the smallest subnormal to DBL_MAX, with half the smallest subnormal
 * (2^-1075) added below DBL_MIN, where the answer is rounded to a multiple
 * of 2^-1074 like the values it stands for.
 */
#include "qsketch.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PA 0x1.5f15f15f15f16p-3	/* 6/35 */
#define PB -0x1.3333333333333p-1	/* -3/5 */
#define PC 0x1.6db6db6db6db7p+0	/* 10/7 */

static const struct
{
	double		alpha;
	const char *text;
	int			k;				/* buckets per doubling */
}			accuracies[] = {
	{0, "", 0},
	{0.001, "0.001", 350},
	{0.005, "0.005", 70},
	{0.01, "0.01", 35},
	{0.02, "0.02", 18},
	{0.05, "0.05", 7},
};

#define N_ACCURACIES ((int) (sizeof(accuracies) / sizeof(accuracies[0])))

int
inno_qs_accuracy_code(double relative_accuracy)
{
	int			c;

	for (c = 1; c < N_ACCURACIES; c++)
		if (relative_accuracy == accuracies[c].alpha)
			return c;
	return 0;
}

double
inno_qs_accuracy_value(int code)
{
	return code >= 1 && code < N_ACCURACIES ? accuracies[code].alpha : 0.0;
}

const char *
inno_qs_accuracy_text(int code)
{
	return code >= 1 && code < N_ACCURACIES ? accuracies[code].text : NULL;
}

void
inno_qs_accuracy_list(char *buf, size_t buflen)
{
	size_t		o = 0;
	int			c;

	buf[0] = '\0';
	for (c = 1; c < N_ACCURACIES && o < buflen; c++)
		o += (size_t) snprintf(buf + o, buflen - o, "%s%s", c == 1 ? "" : c == N_ACCURACIES - 1 ? " or " : ", ",
							   accuracies[c].text);
}

int
inno_qs_default_max_bins(int code)
{
	return code >= 1 && code < N_ACCURACIES ? accuracies[code].k * INNO_QS_DEFAULT_DOUBLINGS : 0;
}

static double
Poly(double s)
{
	return ((PA * s + PB) * s + PC) * s;
}

/* Bucket of a positive, finite magnitude. */
static int32_t
BucketOf(double x, int k)
{
	uint64_t	bits;
	int			e;
	double		s;
	double		f;

	/*
	 * x = (1 + s) 2^e with s in [0, 1): for a normal number, straight from
	 * its bits (the same s and e as frexp gives, exactly, and faster); for
	 * a subnormal one through frexp
	 */
	memcpy(&bits, &x, sizeof(bits));
	e = (int) ((bits >> 52) & 0x7FF);
	if (e != 0)
	{
		s = (double) (bits & ((UINT64_C(1) << 52) - 1)) * 0x1p-52;
		e -= 1023;
	}
	else
	{
		double		m = frexp(x, &e);	/* x = m 2^e, m in [0.5, 1) */

		s = 2.0 * m - 1.0;		/* exact */
		e -= 1;
	}
	f = (double) e + Poly(s);
	{
		/* floor, without a libm call: |f k| < 2^31 for every double and offered k */
		double		t = f * (double) k;
		int32_t		i = (int32_t) t;

		return i - ((double) i > t);
	}
}

/*
 * Lower bound of bucket i, the x with k f(x) = i, as m 2^*octave with m in
 * [1, 2] (bisection, deterministic): kept apart so that no bound overflows
 * (the top bucket ends at 2^1024) or loses bits (below 2^-1022).
 */
static double
BucketLow(int32_t i, int k, int *octave)
{
	double		y = (double) i / (double) k;
	double		oct = floor(y);
	double		t = y - oct;
	double		lo = 0.0,
				hi = 1.0;
	int			iter;

	for (iter = 0; iter < 60; iter++)
	{
		double		mid = (lo + hi) / 2.0;

		if (Poly(mid) < t)
			lo = mid;
		else
			hi = mid;
	}
	*octave = (int) oct;
	return 1.0 + hi;
}

/*
 * The value that stands for bucket i: the harmonic mean of its bounds,
 * computed on their mantissas (in [1, 4), where nothing overflows or
 * underflows) and scaled by a power of two once at the end.  In the normal
 * range that scaling is exact, so the result is what the same formula gives
 * on the unscaled bounds when those do not overflow; below 2^-1022 it rounds
 * once, to a multiple of 2^-1074 (IEEE 754 scaleB, correctly rounded).  The
 * one bucket that starts at 2^1024 (values so close to it that f rounds to
 * 1024) stands as DBL_MAX.
 */
static double
BucketValue(int32_t i, int k)
{
	int			e_lo,
				e_hi,
				e_r;
	double		lo = BucketLow(i, k, &e_lo);
	double		hi = BucketLow(i + 1, k, &e_hi);
	double		r;

	hi = ldexp(hi, e_hi - e_lo);	/* e_hi - e_lo is 0 or 1 */
	r = 2.0 * lo * hi / (lo + hi);
	(void) frexp(r, &e_r);
	if (e_lo + e_r > DBL_MAX_EXP)
		return DBL_MAX;
	return ldexp(r, e_lo);
}

/*
 * The same bucket from a table, for the transition's hot path.  Within one
 * octave the bucket is e k + floor(k P(s)), and P is increasing, so the
 * offset floor(k P(s)) is one integer over most of each of the 1024 equal
 * slices of s that the mantissa's top 10 bits pick.  A slice whose k P lies
 * at least FAST_MARGIN from every integer at both ends gets that offset; the
 * others (those holding a bucket boundary) are marked -1 and computed by
 * BucketOf.  The margin is far above the rounding of (e + P(s)) k, under
 * 10^-9 for every e and offered k, so the table gives BucketOf's answer
 * exactly (the unit tests compare the two at every slice's ends).
 */
#define FAST_BITS 10
#define FAST_MARGIN 1e-6

static int16_t fast_offset[N_ACCURACIES][1 << FAST_BITS];
static bool fast_built[N_ACCURACIES];

static void
BuildFastTable(int code)
{
	double		k = (double) accuracies[code].k;
	int			j;

	for (j = 0; j < (1 << FAST_BITS); j++)
	{
		double		a = k * Poly((double) j / (1 << FAST_BITS));
		double		b = k * Poly((double) (j + 1) / (1 << FAST_BITS));
		double		fa = floor(a - FAST_MARGIN);

		fast_offset[code][j] = (fa == floor(a + FAST_MARGIN) && fa == floor(b + FAST_MARGIN) &&
								fa == floor(b - FAST_MARGIN)) ? (int16_t) fa : -1;
	}
	fast_built[code] = true;
}

static inline int32_t
BucketOfFast(double x, int code)
{
	uint64_t	bits;
	int			e;
	int			off;

	memcpy(&bits, &x, sizeof(bits));
	e = (int) ((bits >> 52) & 0x7FF);
	if (__builtin_expect(!fast_built[code], 0))
		BuildFastTable(code);
	off = fast_offset[code][(bits >> (52 - FAST_BITS)) & ((1 << FAST_BITS) - 1)];
	if (e == 0 || off < 0)
		return BucketOf(x, accuracies[code].k);
	return (int32_t) (e - 1023) * accuracies[code].k + off;
}

int32_t
inno_qs_bucket_of(double x, int accuracy_code)
{
	return BucketOfFast(x, accuracy_code);
}

int32_t
inno_qs_bucket_of_reference(double x, int accuracy_code)
{
	return BucketOf(x, accuracies[accuracy_code].k);
}

void
inno_qs_bucket_range(int accuracy_code, int32_t *lowest, int32_t *highest)
{
	int			k = accuracies[accuracy_code].k;

	*lowest = BucketOf(0x1p-1074, k);	/* -1074 k */
	*highest = BucketOf(DBL_MAX, k);
}

double
inno_qs_bucket_value(int32_t index, int accuracy_code)
{
	return BucketValue(index, accuracies[accuracy_code].k);
}

InnoStatus
inno_qs_init(InnoQSketch *s, int accuracy_code, int max_bins, InnoError *err)
{
	inno_error_clear(err);
	if (inno_qs_accuracy_value(accuracy_code) == 0.0)
	{
		char		list[64];

		inno_qs_accuracy_list(list, sizeof(list));
		inno_set_detail(err, "The relative accuracy must be one of %s.", list);
		return INNO_ERR_PARAM;
	}
	if (max_bins < INNO_QS_MIN_MAX_BINS || max_bins > INNO_QS_MAX_MAX_BINS)
	{
		inno_set_detail(err, "max_bins must be between %d and %d.", INNO_QS_MIN_MAX_BINS, INNO_QS_MAX_MAX_BINS);
		return INNO_ERR_PARAM;
	}
	memset(s, 0, offsetof(InnoQSketch, bins));
	s->version = INNO_QS_VERSION;
	s->accuracy = (uint8_t) accuracy_code;
	s->max_bins = (uint16_t) max_bins;
	inno_xsum_init(&s->sum);
	return INNO_OK;
}

/*
 * Position of bucket index in a store: the store is bins[base .. base + n),
 * ascending when asc, else descending.  Sets *found.
 */
uint32_t
inno_qs_find_bin(const InnoQsBin *bins, uint32_t n, int32_t index, bool asc, bool *found)
{
	uint32_t	lo = 0,
				hi = n;

	/*
	 * Once a sketch holds many values its buckets are mostly contiguous:
	 * try where the bucket would be if there were no gaps, counting from
	 * either end, before searching.
	 */
	if (n > 0)
	{
		int64_t		from_first = asc ? (int64_t) index - bins[0].index : (int64_t) bins[0].index - index;
		int64_t		from_last = (int64_t) n - 1 -
			(asc ? (int64_t) bins[n - 1].index - index : (int64_t) index - bins[n - 1].index);

		if (from_last >= 0 && from_last < (int64_t) n && bins[from_last].index == index)
		{
			*found = true;
			return (uint32_t) from_last;
		}
		if (from_first >= 0 && from_first < (int64_t) n && bins[from_first].index == index)
		{
			*found = true;
			return (uint32_t) from_first;
		}

		/*
		 * Distinct indexes: at most index - first of them lie before the
		 * bucket and at most last - index after it, so its position (or
		 * where it goes) is within [from_last, from_first]: as narrow as
		 * the gaps are few.
		 */
		if (from_last > 0)
			lo = from_last < (int64_t) n ? (uint32_t) from_last : n;
		if (from_first + 1 < (int64_t) n)
			hi = from_first + 1 > 0 ? (uint32_t) (from_first + 1) : 0;
		if (hi < lo)
			hi = lo;			/* not for valid bins; keeps a bad store in bounds */
	}
	while (lo < hi)
	{
		uint32_t	mid = lo + (hi - lo) / 2;
		bool		before = asc ? bins[mid].index < index : bins[mid].index > index;

		if (bins[mid].index == index)
		{
			*found = true;
			return mid;
		}
		if (before)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = false;
	return lo;
}

/*
 * Keep at most max_bins buckets in each store by folding the smallest
 * magnitudes into the next one up.
 */
void
inno_qs_collapse(InnoQSketch *s)
{
	InnoQsBin  *b = s->bins;
	uint32_t	nbins = inno_qs_nbins(s);

	while (s->npos > s->max_bins)
	{
		/* lowest positive bucket is bins[nneg] */
		b[s->nneg + 1].count += b[s->nneg].count;
		memmove(&b[s->nneg], &b[s->nneg + 1], (nbins - s->nneg - 1) * sizeof(InnoQsBin));
		s->npos--;
		nbins--;
		s->flags |= INNO_QS_COLLAPSED_POS;
	}
	while (s->nneg > s->max_bins)
	{
		/* smallest-magnitude negative bucket is bins[nneg - 1] */
		b[s->nneg - 2].count += b[s->nneg - 1].count;
		memmove(&b[s->nneg - 1], &b[s->nneg], (nbins - s->nneg) * sizeof(InnoQsBin));
		s->nneg--;
		nbins--;
		s->flags |= INNO_QS_COLLAPSED_NEG;
	}
}

static double
Magnitude(double x)
{
	return x < 0 ? -x : x;
}

/*
 * Can x be added to count values of this min, max and exact sum without the
 * count passing INT64_MAX or the sum leaving its range (xsum.h)?  The sum is
 * within count times the largest magnitude, so only sketches of more than
 * 2^32 values with magnitudes of 2^993 and more need the exact check.
 */
static bool
RoomForOneMore(uint64_t count, double min, double max, const InnoExactSum *sum, double x)
{
	double		largest;
	InnoExactSum t;

	if (count < (UINT64_C(1) << 32))
		return true;
	if (count >= (uint64_t) INT64_MAX)
		return false;
	largest = Magnitude(x);
	if (Magnitude(min) > largest)
		largest = Magnitude(min);
	if (Magnitude(max) > largest)
		largest = Magnitude(max);
	if (largest < 0x1p993)
		return true;
	t = *sum;
	inno_xsum_add(&t, x);
	inno_xsum_normalize(&t);
	return inno_xsum_in_range(&t);
}

/*
 * What every form does with a value besides its bucket: the zero count,
 * the extremes (-0.0 and 0.0 are the same value: the stored form stays
 * unique), the count and the exact sum.
 */
#define ADD_TOTALS(s, x) \
	do { \
		if ((x) == 0.0) \
			(s)->zeros++; \
		if ((s)->count == 0 || (x) < (s)->min) \
			(s)->min = (x); \
		if ((s)->count == 0 || (x) > (s)->max) \
			(s)->max = (x); \
		if ((s)->min == 0.0) \
			(s)->min = 0.0; \
		if ((s)->max == 0.0) \
			(s)->max = 0.0; \
		(s)->count++; \
		inno_xsum_add(&(s)->sum, (x)); \
	} while (0)

InnoStatus
inno_qs_add(InnoQSketch *s, uint32_t capacity, double x)
{
	bool		positive = x > 0;
	int32_t		index;
	InnoQsBin  *store;
	uint32_t	n;
	uint32_t	pos;
	bool		found;

	if (isnan(x) || isinf(x) || !RoomForOneMore(s->count, s->min, s->max, &s->sum, x))
		return INNO_ERR_PARAM;
	if (x != 0.0)
	{
		index = BucketOfFast(positive ? x : -x, s->accuracy);
		store = positive ? s->bins + s->nneg : s->bins;
		n = positive ? s->npos : s->nneg;
		pos = inno_qs_find_bin(store, n, index, positive, &found);
		if (!found)
		{
			uint32_t	nbins = inno_qs_nbins(s);
			uint32_t	at = (uint32_t) (store - s->bins) + pos;

			if (nbins + 1 > capacity)
				return INNO_ERR_RANGE;
			memmove(&s->bins[at + 1], &s->bins[at], (nbins - at) * sizeof(InnoQsBin));
			s->bins[at].index = index;
			s->bins[at].pad = 0;
			s->bins[at].count = 1;
			if (positive)
				s->npos++;
			else
				s->nneg++;
			inno_qs_collapse(s);
		}
		else
			store[pos].count++;
	}
	ADD_TOTALS(s, x);
	return INNO_OK;
}

/*
 * The dense state's add (the rest of that form is in qsketch_dense.c): one
 * increment where the bucket's slot is, when its span holds it.
 */
InnoStatus
inno_qs_dense_add(InnoQsDense *d, uint32_t capacity, double x, uint32_t *need)
{
	if (isnan(x) || isinf(x) || !RoomForOneMore(d->count, d->min, d->max, &d->sum, x))
		return INNO_ERR_PARAM;
	if (x > 0)
	{
		int32_t		index = BucketOfFast(x, d->accuracy);
		uint32_t	off = (uint32_t) (index - d->pos_lo);

		if (off >= d->npos)
		{
			InnoStatus	st = inno_qs_dense_extend(d, capacity, index, true, need);

			if (st != INNO_OK)
				return st;
			off = (uint32_t) (index - d->pos_lo);
		}
		d->counts[d->nneg + off]++;
	}
	else if (x < 0)
	{
		int32_t		index = BucketOfFast(-x, d->accuracy);
		uint32_t	off = (uint32_t) (index - d->neg_lo);

		if (off >= d->nneg)
		{
			InnoStatus	st = inno_qs_dense_extend(d, capacity, index, false, need);

			if (st != INNO_OK)
				return st;
			off = (uint32_t) (index - d->neg_lo);
		}
		d->counts[off]++;
	}
	ADD_TOTALS(d, x);
	return INNO_OK;
}

double
inno_qs_quantile(const InnoQSketch *s, double q)
{
	int			k = accuracies[s->accuracy].k;
	double		want;
	uint64_t	rank;
	uint64_t	seen = 0;
	uint32_t	i;
	double		v;

	if (s->count == 0 || isnan(q) || q < 0.0 || q > 1.0)
		return NAN;
	/* percentile_disc: the first value whose position is >= q * count */
	want = ceil(q * (double) s->count);
	rank = want < 1.0 ? 0 : (uint64_t) want - 1;
	if (rank >= s->count - 1)
		return s->max;
	if (rank == 0)
		return s->min;
	for (i = 0; i < s->nneg; i++)
	{
		seen += s->bins[i].count;
		if (rank < seen)
		{
			v = -BucketValue(s->bins[i].index, k);
			goto clamp;
		}
	}
	seen += s->zeros;
	if (rank < seen)
		return 0.0;
	for (i = s->nneg; i < inno_qs_nbins(s); i++)
	{
		seen += s->bins[i].count;
		if (rank < seen)
		{
			v = BucketValue(s->bins[i].index, k);
			goto clamp;
		}
	}
	return s->max;
clamp:
	return v < s->min ? s->min : v > s->max ? s->max : v;
}

/* The exact sum divided by the count, rounded once; between min and max like the true mean. */
double
inno_qs_mean(const InnoQSketch *s)
{
	double		m;

	if (s->count == 0)
		return NAN;
	m = inno_xsum_div_to_double(&s->sum, s->count);
	return m < s->min ? s->min : m > s->max ? s->max : m;
}
