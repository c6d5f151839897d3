/*
 * qsketch_merge.c
 *	  Merging quantile sketches: into a new sketch (inno_qs_merge), or into
 *	  an aggregation state in place (inno_qs_merge_into, for rollup() over
 *	  many stored sketches).  Both give bytewise the same sketch as adding
 *	  every value to one: buckets add up, and collapsing is order independent.
 */
#include <math.h>
#include <string.h>

#include "qsketch.h"

/* Merge two sorted stores into out; returns the number of bins written. */
static uint32_t
MergeStores(InnoQsBin *out, const InnoQsBin *a, uint32_t na, const InnoQsBin *b, uint32_t nb, bool asc)
{
	uint32_t	i = 0,
				j = 0,
				o = 0;

	while (i < na || j < nb)
	{
		if (j >= nb || (i < na && (asc ? a[i].index < b[j].index : a[i].index > b[j].index)))
			out[o++] = a[i++];
		else if (i >= na || a[i].index != b[j].index)
			out[o++] = b[j++];
		else
		{
			out[o] = a[i++];
			out[o++].count += b[j++].count;
		}
	}
	return o;
}

/*
 * Can two non-empty sketches merge: the same parameters (INNO_ERR_PARAM
 * otherwise), a merged count that fits int64 (INNO_ERR_RANGE)?  Every
 * bucket's count, a part of it, then fits too.
 */
static InnoStatus
Mergeable(const InnoQSketch *a, const InnoQSketch *b, InnoError *err)
{
	if (a->accuracy != b->accuracy || a->max_bins != b->max_bins)
	{
		inno_set_detail(err, "One was built with relative accuracy %g and max_bins %u, the other with %g and %u.",
						inno_qs_accuracy_value(a->accuracy), a->max_bins,
						inno_qs_accuracy_value(b->accuracy), b->max_bins);
		return INNO_ERR_PARAM;
	}
	if (a->count > (uint64_t) INT64_MAX || b->count > (uint64_t) INT64_MAX - a->count)
	{
		inno_set_detail(err, "The merged sketch would count more than %lld values.", (long long) INT64_MAX);
		return INNO_ERR_RANGE;
	}
	return INNO_OK;
}

InnoStatus
inno_qs_merge(InnoQSketch *dst, const InnoQSketch *a, const InnoQSketch *b, InnoError *err)
{
	InnoExactSum sum;
	InnoStatus	st;

	inno_error_clear(err);
	if (a->count == 0 || b->count == 0)
	{
		/*
		 * An empty sketch (what the aggregates give over no rows) is the
		 * identity, whatever its parameters; of two empty ones the result
		 * has the smaller parameters, so that the order does not matter.
		 */
		const InnoQSketch *keep = a->count > 0 ? a : b->count > 0 ? b :
			(a->accuracy < b->accuracy || (a->accuracy == b->accuracy && a->max_bins <= b->max_bins)) ? a : b;

		memcpy(dst, keep, INNO_QS_SIZE(inno_qs_nbins(keep)));
		inno_xsum_normalize(&dst->sum);
		return INNO_OK;
	}
	if ((st = Mergeable(a, b, err)) != INNO_OK)
		return st;
	sum = a->sum;
	inno_xsum_merge(&sum, &b->sum);
	inno_xsum_normalize(&sum);
	if (!inno_xsum_in_range(&sum))
	{
		inno_set_detail(err, "The merged sketch's exact sum would reach 2^%d in magnitude.", INNO_XSUM_MAX_EXP);
		return INNO_ERR_RANGE;
	}
	memcpy(dst, a, offsetof(InnoQSketch, bins));
	dst->nneg = MergeStores(dst->bins, a->bins, a->nneg, b->bins, b->nneg, false);
	dst->npos = MergeStores(dst->bins + dst->nneg, a->bins + a->nneg, a->npos,
							b->bins + b->nneg, b->npos, true);
	dst->flags = a->flags | b->flags;
	inno_qs_collapse(dst);
	if (b->count > 0)
	{
		if (a->count == 0 || b->min < dst->min)
			dst->min = b->min;
		if (a->count == 0 || b->max > dst->max)
			dst->max = b->max;
	}
	dst->count = a->count + b->count;
	dst->zeros = a->zeros + b->zeros;
	dst->sum = sum;
	return INNO_OK;
}

/*
 * Merge sorted store b into store a in place, from the back: a has room for
 * na + nnew bins, and its bins move only towards the end, so no bin is
 * overwritten before it is read.  Returns the merged count.
 */
static uint32_t
MergeStoreInto(InnoQsBin *a, uint32_t na, uint32_t nnew, const InnoQsBin *b, uint32_t nb, bool asc)
{
	uint32_t	o = na + nnew;
	uint32_t	i = na,
				j = nb;

	while (j > 0)
	{
		if (i > 0 && a[i - 1].index == b[j - 1].index)
		{
			a[--o] = a[--i];
			a[o].count += b[--j].count;
		}
		else if (i > 0 && (asc ? a[i - 1].index > b[j - 1].index : a[i - 1].index < b[j - 1].index))
			a[--o] = a[--i];
		else
			a[--o] = b[--j];
	}
	/* the rest of a is already in place */
	return na + nnew;
}

/* Buckets of store b that store a does not have. */
static uint32_t
NewBins(const InnoQsBin *a, uint32_t na, const InnoQsBin *b, uint32_t nb, bool asc)
{
	uint32_t	n = 0,
				j;
	bool		found;

	for (j = 0; j < nb; j++)
	{
		(void) inno_qs_find_bin(a, na, b[j].index, asc, &found);
		n += !found;
	}
	return n;
}

InnoStatus
inno_qs_merge_into(InnoQSketch *a, uint32_t capacity, const InnoQSketch *b, bool *full, InnoError *err)
{
	uint32_t	newneg,
				newpos;
	double		largest;
	InnoStatus	st;

	inno_error_clear(err);
	*full = false;
	if (b->count == 0 && (a->count > 0 || a->accuracy < b->accuracy ||
						  (a->accuracy == b->accuracy && a->max_bins <= b->max_bins)))
		return INNO_OK;			/* the identity (see inno_qs_merge) */
	if (a->count == 0)
	{
		if (inno_qs_nbins(b) > capacity)
			*full = true;
		else
			memcpy(a, b, INNO_QS_SIZE(inno_qs_nbins(b)));
		return INNO_OK;
	}
	if ((st = Mergeable(a, b, err)) != INNO_OK)
		return st;
	/* as for one more value: only huge sketches of huge values need the exact check */
	largest = fabs(a->min);
	if (fabs(a->max) > largest)
		largest = fabs(a->max);
	if (fabs(b->min) > largest)
		largest = fabs(b->min);
	if (fabs(b->max) > largest)
		largest = fabs(b->max);
	if (a->count + b->count >= (UINT64_C(1) << 32) || largest >= 0x1p993)
	{
		InnoExactSum sum = a->sum;

		inno_xsum_merge(&sum, &b->sum);
		inno_xsum_normalize(&sum);
		if (!inno_xsum_in_range(&sum))
		{
			inno_set_detail(err, "The merged sketch's exact sum would reach 2^%d in magnitude.", INNO_XSUM_MAX_EXP);
			return INNO_ERR_RANGE;
		}
	}
	newneg = NewBins(a->bins, a->nneg, b->bins, b->nneg, false);
	newpos = NewBins(a->bins + a->nneg, a->npos, b->bins + b->nneg, b->npos, true);
	if ((size_t) inno_qs_nbins(a) + newneg + newpos > capacity)
	{
		*full = true;
		return INNO_OK;
	}
	if (newneg == 0 && newpos == 0)
	{
		/* every bucket of b is one a has (most are, once a holds many): add the counts */
		uint32_t	j;
		bool		found;

		for (j = 0; j < inno_qs_nbins(b); j++)
		{
			bool		asc = j >= b->nneg;
			InnoQsBin  *store = asc ? a->bins + a->nneg : a->bins;
			uint32_t	pos = inno_qs_find_bin(store, asc ? a->npos : a->nneg, b->bins[j].index, asc, &found);

			store[pos].count += b->bins[j].count;
		}
	}
	else
	{
		/* the positive store first: it moves right by newneg, past where the negative one grows */
		memmove(a->bins + a->nneg + newneg, a->bins + a->nneg, a->npos * sizeof(InnoQsBin));
		(void) MergeStoreInto(a->bins + a->nneg + newneg, a->npos, newpos,
							  b->bins + b->nneg, b->npos, true);
		a->npos += newpos;
		(void) MergeStoreInto(a->bins, a->nneg, newneg, b->bins, b->nneg, false);
		a->nneg += newneg;
	}
	a->flags |= b->flags;
	inno_qs_collapse(a);
	if (b->count > 0)
	{
		if (b->min < a->min)
			a->min = b->min;
		if (b->max > a->max)
			a->max = b->max;
	}
	a->count += b->count;
	a->zeros += b->zeros;
	inno_xsum_merge(&a->sum, &b->sum);
	return INNO_OK;
}
