/*
 * qsketch_dense.c
 *	  The dense aggregation state of a quantile sketch (qsketch.h): turning
 *	  a flat state dense, widening a span, checking a state from another
 *	  process, and the flat sketch a dense state stands for.  The per-value
 *	  add is in qsketch.c, beside the bucket table it reads.
 *
 * A span only widens, by the buckets it must reach plus half its width
 * (so a state that meets new buckets one at a time moves its counts a few
 * times, not once a bucket), and never past max_bins buckets per sign or
 * the bytes the flat form of the same buckets would take: a state that
 * would pass either turns flat, which is exactly the same sketch.
 */
#include "qsketch.h"

#include <string.h>

/* Non-zero slots among counts[0 .. n). */
static uint32_t
NonZero(const uint64_t *counts, uint32_t n)
{
	uint32_t	i,
				k = 0;

	for (i = 0; i < n; i++)
		k += counts[i] != 0;
	return k;
}

/* Buckets spanned by each sign of a flat sketch (its bins are in order). */
static void
FlatSpans(const InnoQSketch *s, uint32_t *neg, uint32_t *pos)
{
	const InnoQsBin *b = s->bins;

	*neg = s->nneg == 0 ? 0 : (uint32_t) (b[0].index - b[s->nneg - 1].index + 1);
	*pos = s->npos == 0 ? 0 : (uint32_t) (b[s->nneg + s->npos - 1].index - b[s->nneg].index + 1);
}

bool
inno_qs_dense_worth(const InnoQSketch *s, uint32_t *slots)
{
	uint32_t	neg,
				pos;

	if (s->flags != 0)
		return false;
	FlatSpans(s, &neg, &pos);
	*slots = neg + pos;
	/* 8 bytes a slot against 16 a bin */
	return neg <= s->max_bins && pos <= s->max_bins && (uint64_t) neg + pos <= 2 * (uint64_t) inno_qs_nbins(s);
}

void
inno_qs_dense_from_sketch(InnoQsDense *d, uint32_t capacity, const InnoQSketch *s)
{
	uint32_t	neg,
				pos,
				i;

	FlatSpans(s, &neg, &pos);
	memset(d, 0, INNO_QS_DENSE_SIZE(capacity));
	d->version = INNO_QS_DENSE_VERSION;
	d->accuracy = s->accuracy;
	d->max_bins = s->max_bins;
	d->nneg = neg;
	d->npos = pos;
	d->neg_lo = neg == 0 ? 0 : s->bins[s->nneg - 1].index;
	d->pos_lo = pos == 0 ? 0 : s->bins[s->nneg].index;
	d->count = s->count;
	d->zeros = s->zeros;
	d->min = s->min;
	d->max = s->max;
	d->sum = s->sum;
	for (i = 0; i < s->nneg; i++)
		d->counts[s->bins[i].index - d->neg_lo] = s->bins[i].count;
	for (i = s->nneg; i < inno_qs_nbins(s); i++)
		d->counts[neg + (uint32_t) (s->bins[i].index - d->pos_lo)] = s->bins[i].count;
}

InnoStatus
inno_qs_dense_extend(InnoQsDense *d, uint32_t capacity, int32_t index, bool positive, uint32_t *need)
{
	uint32_t	n = positive ? d->npos : d->nneg;
	uint32_t	other = positive ? d->nneg : d->npos;
	int64_t		lo = positive ? d->pos_lo : d->neg_lo;
	int64_t		new_lo = n == 0 || index < lo ? index : lo;
	int64_t		new_hi = n == 0 || index > lo + n - 1 ? index : lo + n - 1;
	int32_t		lowest,
				highest;
	uint64_t	limit;
	uint64_t	width;
	uint64_t	slack;
	uint32_t	shift;

	/* the flat form's bytes: 16 for each non-zero bucket, this one included */
	limit = 2 * ((uint64_t) NonZero(d->counts, d->nneg + d->npos) + 1);
	width = (uint64_t) (new_hi - new_lo + 1);
	if (width > d->max_bins || other + width > limit)
	{
		*need = 0;
		return INNO_ERR_RANGE;
	}
	slack = width / 2;
	if (slack > d->max_bins - width)
		slack = d->max_bins - width;
	if (slack > limit - other - width)
		slack = limit - other - width;
	inno_qs_bucket_range(d->accuracy, &lowest, &highest);
	if (n != 0 && index < lo)
		new_lo = new_lo - (int64_t) slack < lowest ? lowest : new_lo - (int64_t) slack;
	else if (n != 0)
		new_hi = new_hi + (int64_t) slack > highest ? highest : new_hi + (int64_t) slack;
	width = (uint64_t) (new_hi - new_lo + 1);
	if (other + width > capacity)
	{
		*need = (uint32_t) (other + width);
		return INNO_ERR_RANGE;
	}
	shift = n == 0 ? 0 : (uint32_t) (lo - new_lo);
	if (positive)
	{
		uint64_t   *c = d->counts + d->nneg;

		memmove(c + shift, c, n * sizeof(uint64_t));
		memset(c, 0, shift * sizeof(uint64_t));
		memset(c + shift + n, 0, (width - shift - n) * sizeof(uint64_t));
		d->pos_lo = (int32_t) new_lo;
		d->npos = (uint32_t) width;
	}
	else
	{
		memmove(d->counts + width, d->counts + n, d->npos * sizeof(uint64_t));
		memmove(d->counts + shift, d->counts, n * sizeof(uint64_t));
		memset(d->counts, 0, shift * sizeof(uint64_t));
		memset(d->counts + shift + n, 0, (width - shift - n) * sizeof(uint64_t));
		d->neg_lo = (int32_t) new_lo;
		d->nneg = (uint32_t) width;
	}
	return INNO_OK;
}

static InnoStatus
Corrupt(InnoError *err, const char *what)
{
	inno_set_detail(err, "The dense sketch state has %s.", what);
	return INNO_ERR_CORRUPT;
}

/* Does a span of n buckets from lo lie within [lowest, highest]? */
static bool
SpanInRange(int32_t lo, uint32_t n, int32_t lowest, int32_t highest)
{
	return n == 0 || (lo >= lowest && (int64_t) lo + n - 1 <= highest);
}

InnoStatus
inno_qs_dense_check(const InnoQsDense *d, size_t size, InnoError *err)
{
	int32_t		lowest,
				highest;

	inno_error_clear(err);
	if (size < INNO_QS_DENSE_SIZE(0) || d->version != INNO_QS_DENSE_VERSION)
		return Corrupt(err, "a bad header");
	if (inno_qs_accuracy_value(d->accuracy) == 0.0 || d->pad != 0 || d->pad2 != 0 ||
		d->max_bins < INNO_QS_MIN_MAX_BINS)
		return Corrupt(err, "bad parameters");
	if (d->nneg > d->max_bins || d->npos > d->max_bins ||
		INNO_QS_DENSE_SIZE((uint64_t) d->nneg + d->npos) > size)
		return Corrupt(err, "more buckets than room");
	inno_qs_bucket_range(d->accuracy, &lowest, &highest);
	if (!SpanInRange(d->neg_lo, d->nneg, lowest, highest) || !SpanInRange(d->pos_lo, d->npos, lowest, highest))
		return Corrupt(err, "a bucket index out of range");
	return INNO_OK;
}

uint32_t
inno_qs_dense_nbins(const InnoQsDense *d)
{
	return NonZero(d->counts, d->nneg + d->npos);
}

void
inno_qs_dense_to_sketch(const InnoQsDense *d, InnoQSketch *s)
{
	uint32_t	k = 0,
				i;

	memset(s, 0, offsetof(InnoQSketch, bins));
	s->version = INNO_QS_VERSION;
	s->accuracy = d->accuracy;
	s->max_bins = d->max_bins;
	s->count = d->count;
	s->zeros = d->zeros;
	s->min = d->min;
	s->max = d->max;
	s->sum = d->sum;
	/* negative values: magnitudes descending; positive ones ascending */
	for (i = d->nneg; i-- > 0;)
		if (d->counts[i] != 0)
		{
			s->bins[k].index = d->neg_lo + (int32_t) i;
			s->bins[k].pad = 0;
			s->bins[k++].count = d->counts[i];
		}
	s->nneg = k;
	for (i = 0; i < d->npos; i++)
		if (d->counts[d->nneg + i] != 0)
		{
			s->bins[k].index = d->pos_lo + (int32_t) i;
			s->bins[k].pad = 0;
			s->bins[k++].count = d->counts[d->nneg + i];
		}
	s->npos = k - s->nneg;
}
