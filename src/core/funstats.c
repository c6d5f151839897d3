/*
 * funstats.c
 *	  funding_stats: per-currency counts, exact sums, threshold counts,
 *	  per-kind figures and a quantile sketch of point amounts.
 */
#include "funstats.h"
#include "jsontext.h"

#include <stdio.h>
#include <string.h>

#define INITIAL_BINS 16

static int
MinorDigits(uint16_t currency)
{
	/* rows come in runs of one currency: remember the last lookup */
	static uint16_t last_currency = 0;
	static int	last_digits = -1;
	const InnoCurrencyInfo *c;

	if (currency == last_currency && last_digits >= 0)
		return last_digits;
	c = inno_currency_by_numeric(currency);
	last_currency = currency;
	last_digits = c ? c->minor_digits : 2;
	return last_digits;
}

void
inno_fs_init(InnoFsHeader *h)
{
	memset(h, 0, sizeof(*h));
	h->version = INNO_FS_VERSION;
	h->used = sizeof(InnoFsHeader);
}

static InnoFsSection *
FindSection(const InnoFsHeader *h, uint16_t currency, InnoFsSection **insert_at)
{
	InnoFsSection *s = inno_fs_first(h);
	int			i;

	for (i = 0; i < h->nsections; i++, s = inno_fs_next(s))
	{
		if (s->currency == currency)
			return s;
		if (s->currency > currency)
			break;
	}
	if (insert_at)
		*insert_at = s;
	return NULL;
}

const InnoFsSection *
inno_fs_section(const InnoFsHeader *h, uint16_t currency)
{
	return FindSection(h, currency, NULL);
}

/* A new, empty section with room for nbins sketch buckets, at s. */
static void
InitSection(InnoFsSection *s, uint16_t currency, uint32_t nbins)
{
	InnoError	err;

	memset(s, 0, INNO_FS_SECTION_SIZE(nbins));
	s->size = (uint32_t) INNO_FS_SECTION_SIZE(nbins);
	s->currency = currency;
	(void) inno_qs_init(inno_fs_sketch(s), INNO_QS_DEFAULT_ACCURACY,
						inno_qs_default_max_bins(INNO_QS_DEFAULT_ACCURACY), &err);
}

static bool
AddOk(int64_t a, int64_t b)
{
	return b <= 0 || a <= INT64_MAX - b;
}

/* a point amount as a double in major units, for the sketch */
static double
MajorValue(int64_t minor, int minor_digits)
{
	static const double powers[] = {1.0, 10.0, 100.0, 1000.0, 10000.0};
	double		scale = 1.0;
	int			d;

	if (minor_digits >= 0 && minor_digits < 5)
		return (double) minor / powers[minor_digits];
	for (d = 0; d < minor_digits; d++)
		scale *= 10.0;
	return (double) minor / scale;
}

InnoStatus
inno_fs_add(InnoFsHeader *h, size_t capacity, const InnoFundingRound *fr, size_t *need)
{
	InnoFsSection *at = NULL;
	InnoFsSection *s = FindSection(h, fr->currency, &at);
	bool		disclosed = (fr->flags & INNO_FR_DISCLOSED) != 0;
	bool		open = (fr->flags & INNO_FR_OPEN) != 0;
	InnoFsKind *k;
	int			t;

	if (s == NULL)
	{
		size_t		add = INNO_FS_SECTION_SIZE(INITIAL_BINS);

		if (h->used + add > capacity)
		{
			*need = (h->used + add) * 2;
			return INNO_ERR_RANGE;
		}
		memmove((char *) at + add, at, h->used - (size_t) ((char *) at - (char *) h));
		InitSection(at, fr->currency, INITIAL_BINS);
		h->used += (uint32_t) add;
		h->nsections++;
		s = at;
	}
	k = &s->kinds[fr->kind % INNO_FS_KIND_SLOTS];
	if (disclosed)
	{
		InnoStatus	st;

		if (!AddOk(s->sum_low, fr->low) || !AddOk(s->sum_point, fr->point) ||
			(!open && !AddOk(s->sum_high, fr->high)) || !AddOk(k->sum_point, fr->point))
			return INNO_ERR_PARAM;
		/* the sketch first: it is the only step that can need room */
		st = inno_fs_sketch_add(h, capacity, s, MajorValue(fr->point, MinorDigits(fr->currency)), need);
		if (st != INNO_OK)
			return st;
		if (s->disclosed == 0 || fr->point < s->min_point)
			s->min_point = fr->point;
		if (s->disclosed == 0 || fr->point > s->max_point)
			s->max_point = fr->point;
		s->disclosed++;
		s->sum_low += fr->low;
		s->sum_point += fr->point;
		if (open)
			s->open++;
		else
			s->sum_high += fr->high;
		{
			int			digits = MinorDigits(fr->currency);
			/* most rounds are one amount: low, point and high then share a band */
			int			tp = inno_fs_band_of(fr->point, digits);

			if ((t = fr->low == fr->point ? tp : inno_fs_band_of(fr->low, digits)) >= 0)
				s->band[t][0]++;
			if (tp >= 0)
				s->band[tp][1]++;
			t = open ? INNO_FS_NTHRESHOLDS - 1 : fr->high == fr->point ? tp : inno_fs_band_of(fr->high, digits);
			if (t >= 0)
				s->band[t][2]++;
		}
		k->disclosed++;
		k->sum_point += fr->point;
	}
	s->rounds++;
	k->rounds++;
	return INNO_OK;
}

size_t
inno_fs_merge_size(const InnoFsHeader *a, const InnoFsHeader *b)
{
	return a->used + b->used;
}

static bool
MergeCounts(InnoFsSection *d, const InnoFsSection *x)
{
	int			t,
				i,
				j;

	if (!AddOk(d->rounds, x->rounds) || !AddOk(d->sum_low, x->sum_low) ||
		!AddOk(d->sum_point, x->sum_point) || !AddOk(d->sum_high, x->sum_high))
		return false;
	if (x->disclosed > 0)
	{
		if (d->disclosed == 0 || x->min_point < d->min_point)
			d->min_point = x->min_point;
		if (d->disclosed == 0 || x->max_point > d->max_point)
			d->max_point = x->max_point;
	}
	d->rounds += x->rounds;
	d->disclosed += x->disclosed;
	d->open += x->open;
	d->sum_low += x->sum_low;
	d->sum_point += x->sum_point;
	d->sum_high += x->sum_high;
	for (t = 0; t < INNO_FS_NTHRESHOLDS; t++)
		for (j = 0; j < 3; j++)
			d->band[t][j] += x->band[t][j];
	d->flags |= x->flags;
	/*
	 * With a version 1 part, only the 1 and 5 x 10^n counts are known: the
	 * rounds of the 2 and 3 x 10^n bands go to the 1 x 10^n band below.
	 */
	if (d->flags & INNO_FS_V1_THRESHOLDS)
		for (t = 0; t < INNO_FS_NTHRESHOLDS; t++)
			if (inno_fs_threshold_is_new(t))
				for (j = 0; j < 3; j++)
				{
					int			known = t;

					while (inno_fs_threshold_is_new(known))
						known--;
					d->band[known][j] += d->band[t][j];
					d->band[t][j] = 0;
				}
	for (i = 0; i < INNO_FS_KIND_SLOTS; i++)
	{
		if (!AddOk(d->kinds[i].sum_point, x->kinds[i].sum_point))
			return false;
		d->kinds[i].rounds += x->kinds[i].rounds;
		d->kinds[i].disclosed += x->kinds[i].disclosed;
		d->kinds[i].sum_point += x->kinds[i].sum_point;
	}
	return true;
}

InnoStatus
inno_fs_merge(InnoFsHeader *dst, size_t capacity, const InnoFsHeader *a, const InnoFsHeader *b,
			  InnoError *err)
{
	const InnoFsSection *x = inno_fs_first(a);
	const InnoFsSection *y = inno_fs_first(b);
	int			ix = 0,
				iy = 0;
	char	   *o;

	inno_error_clear(err);
	if (capacity < inno_fs_merge_size(a, b))
		return INNO_ERR_RANGE;
	inno_fs_init(dst);
	o = (char *) inno_fs_first(dst);
	while (ix < a->nsections || iy < b->nsections)
	{
		InnoFsSection *d = (InnoFsSection *) o;

		if (iy >= b->nsections || (ix < a->nsections && x->currency < y->currency))
		{
			o += inno_fs_copy_trimmed(d, x);
			x = inno_fs_next(x);
			ix++;
		}
		else if (ix >= a->nsections || y->currency < x->currency)
		{
			o += inno_fs_copy_trimmed(d, y);
			y = inno_fs_next(y);
			iy++;
		}
		else if ((x->flags | y->flags) & INNO_FS_DENSE)
		{
			inno_set_detail(err, "A dense funding_stats sketch cannot be merged.");
			return INNO_ERR_PARAM;
		}
		else
		{
			const InnoQSketch *sx = inno_fs_sketch(x);
			const InnoQSketch *sy = inno_fs_sketch(y);
			uint32_t	nbins = inno_qs_nbins(sx) + inno_qs_nbins(sy);

			memcpy(d, x, sizeof(InnoFsSection));
			if (!MergeCounts(d, y))
			{
				inno_set_detail(err, "A funding_stats sum is out of range.");
				return INNO_ERR_PARAM;
			}
			if (inno_qs_merge(inno_fs_sketch(d), sx, sy, err) != INNO_OK)
				return INNO_ERR_PARAM;
			(void) nbins;
			d->size = (uint32_t) INNO_FS_SECTION_SIZE(inno_qs_nbins(inno_fs_sketch(d)));
			o += d->size;
			x = inno_fs_next(x);
			y = inno_fs_next(y);
			ix++;
			iy++;
		}
		dst->nsections++;
	}
	dst->used = (uint32_t) (o - (char *) dst);
	return INNO_OK;
}

InnoStatus
inno_fs_merge_into(InnoFsHeader *h, size_t capacity, const InnoFsHeader *b, size_t *need, InnoError *err)
{
	const InnoFsSection *y = inno_fs_first(b);
	size_t		extra = 0;
	bool		full;
	int			i;

	inno_error_clear(err);
	/* the room it may take, at most (nothing changes unless it has it) */
	for (i = 0; i < b->nsections; i++, y = inno_fs_next(y))
	{
		const InnoFsSection *x = FindSection(h, y->currency, NULL);
		uint32_t	ny = inno_qs_nbins(inno_fs_sketch(y));

		/* (a rollup's state is built by merging: its sketches are flat) */
		if ((x != NULL && (x->flags & INNO_FS_DENSE)) || (y->flags & INNO_FS_DENSE))
		{
			inno_set_detail(err, "A dense funding_stats sketch cannot be merged in place.");
			return INNO_ERR_PARAM;
		}
		if (x == NULL)
			extra += INNO_FS_SECTION_SIZE(ny > INITIAL_BINS ? ny : INITIAL_BINS);
		else if (inno_qs_nbins(inno_fs_sketch(x)) + ny > inno_fs_sketch_capacity(x))
			extra += (inno_qs_nbins(inno_fs_sketch(x)) + ny - inno_fs_sketch_capacity(x)) * sizeof(InnoQsBin);
	}
	if (h->used + extra > capacity)
	{
		*need = (h->used + extra) * 2;
		return INNO_ERR_RANGE;
	}
	y = inno_fs_first(b);
	for (i = 0; i < b->nsections; i++, y = inno_fs_next(y))
	{
		InnoFsSection *at = NULL;
		InnoFsSection *x = FindSection(h, y->currency, &at);
		uint32_t	ny = inno_qs_nbins(inno_fs_sketch(y));

		if (x == NULL)
		{
			size_t		add = INNO_FS_SECTION_SIZE(ny > INITIAL_BINS ? ny : INITIAL_BINS);

			memmove((char *) at + add, at, h->used - (size_t) ((char *) at - (char *) h));
			InitSection(at, y->currency, ny > INITIAL_BINS ? ny : INITIAL_BINS);
			h->used += (uint32_t) add;
			h->nsections++;
			x = at;
		}
		else if (inno_qs_nbins(inno_fs_sketch(x)) + ny > inno_fs_sketch_capacity(x))
			(void) inno_fs_grow_section(h, capacity, x,
										(inno_qs_nbins(inno_fs_sketch(x)) + ny - inno_fs_sketch_capacity(x)) *
										sizeof(InnoQsBin), need);	/* room reserved above */
		if (!MergeCounts(x, y))
		{
			inno_set_detail(err, "A funding_stats sum is out of range.");
			return INNO_ERR_PARAM;
		}
		if (inno_qs_merge_into(inno_fs_sketch(x), inno_fs_sketch_capacity(x), inno_fs_sketch(y), &full, err) != INNO_OK ||
			full)				/* (it has the room reserved above) */
			return INNO_ERR_PARAM;
	}
	return INNO_OK;
}

/*
 * The bands: non-negative, adding up to at most the disclosed rounds, and
 * over every threshold no more lows than points and points than highs (a
 * round's low <= point <= high); points over a threshold at or below the
 * smallest point are all of them, over one above the largest none; a
 * version 1 section has nothing in the bands of 2 and 3 x 10^n.
 */
static bool
BandsValid(const InnoFsSection *s)
{
	int64_t		cum[3] = {0, 0, 0};
	int			digits = MinorDigits(s->currency);
	int			t,
				j;

	for (t = INNO_FS_NTHRESHOLDS - 1; t >= 0; t--)
	{
		for (j = 0; j < 3; j++)
		{
			if (s->band[t][j] < 0 || s->band[t][j] > s->disclosed - cum[j] ||
				((s->flags & INNO_FS_V1_THRESHOLDS) && inno_fs_threshold_is_new(t) && s->band[t][j] != 0))
				return false;
			cum[j] += s->band[t][j];
		}
		if (cum[0] > cum[1] || cum[1] > cum[2])
			return false;
	}
	if (s->disclosed > 0)
	{
		int			bmin = inno_fs_band_of(s->min_point, digits),
					above = inno_fs_band_of(s->max_point, digits) + 1;

		/* (a version 1 section knows only the 1 and 5 x 10^n thresholds) */
		while ((s->flags & INNO_FS_V1_THRESHOLDS) && bmin >= 0 && inno_fs_threshold_is_new(bmin))
			bmin--;
		while ((s->flags & INNO_FS_V1_THRESHOLDS) && above < INNO_FS_NTHRESHOLDS && inno_fs_threshold_is_new(above))
			above++;
		/* rounds with a point at or over the smallest point's band: all; past the largest's: none */
		if ((bmin >= 0 && inno_fs_over(s, bmin, 1) != s->disclosed) ||
			(above < INNO_FS_NTHRESHOLDS && inno_fs_over(s, above, 1) != 0))
			return false;
	}
	return true;
}

InnoStatus
inno_fs_validate(const InnoFsHeader *h, size_t size, InnoError *err)
{
	const InnoFsSection *s;
	size_t		off = sizeof(InnoFsHeader);
	int			i,
				j;
	int			prev = -1;

	inno_error_clear(err);
	if (size < sizeof(InnoFsHeader) || h->version != INNO_FS_VERSION || h->pad != 0 || h->used != size)
	{
		inno_set_detail(err, "The funding_stats header is invalid.");
		return INNO_ERR_CORRUPT;
	}
	s = inno_fs_first(h);
	for (i = 0; i < h->nsections; i++)
	{
		const InnoQSketch *q;
		int64_t		rounds = 0,
					disclosed = 0;
		int64_t		sum = 0;

		if (off + sizeof(InnoFsSection) > size || s->size < INNO_FS_SECTION_SIZE(0) ||
			s->size > size - off)
		{
			inno_set_detail(err, "Section %d is truncated.", i + 1);
			return INNO_ERR_CORRUPT;
		}
		if ((int) s->currency <= prev || (s->currency != 0 && inno_currency_by_numeric(s->currency) == NULL))
		{
			inno_set_detail(err, "Section %d has an unknown or repeated currency %u.", i + 1, (unsigned) s->currency);
			return INNO_ERR_CORRUPT;
		}
		prev = s->currency;
		if (s->rounds <= 0 || s->disclosed < 0 || s->disclosed > s->rounds || s->open < 0 ||
			s->open > s->disclosed || (s->currency == 0 && s->disclosed > 0) ||
			s->sum_low < 0 || s->sum_low > s->sum_point || s->sum_high < 0 ||
			(s->disclosed == 0 ? (s->min_point != 0 || s->max_point != 0 || s->sum_point != 0 || s->sum_high != 0) :
			 (s->min_point <= 0 || s->min_point > s->max_point)))
		{
			inno_set_detail(err, "Section %d has inconsistent counts or sums.", i + 1);
			return INNO_ERR_CORRUPT;
		}
		/*
		 * The sums lie between disclosed x the smallest and x the largest
		 * point, the points below the highs when no round is open; the
		 * extremes are those the sketch of the points has.
		 */
		if (s->disclosed > 0 &&
			((__int128) s->min_point * s->disclosed > s->sum_point ||
			 (__int128) s->max_point * s->disclosed < s->sum_point ||
			 (s->open == 0 && s->sum_point > s->sum_high) ||
			 inno_fs_sketch(s)->min != MajorValue(s->min_point, MinorDigits(s->currency)) ||
			 inno_fs_sketch(s)->max != MajorValue(s->max_point, MinorDigits(s->currency))))
		{
			inno_set_detail(err, "Section %d's sums or extremes do not agree with each other.", i + 1);
			return INNO_ERR_CORRUPT;
		}
		if ((s->flags & ~INNO_FS_V1_THRESHOLDS) != 0 || !BandsValid(s))
		{
			inno_set_detail(err, "Section %d has inconsistent threshold counts.", i + 1);
			return INNO_ERR_CORRUPT;
		}
		for (j = 0; j < INNO_FS_KIND_SLOTS; j++)
		{
			const InnoFsKind *k = &s->kinds[j];

			if (k->rounds < 0 || k->disclosed < 0 || k->disclosed > k->rounds || k->sum_point < 0 ||
				(k->rounds > 0 && inno_round_kind_rank((uint8_t) j) == 0) ||
				(k->disclosed == 0 && k->sum_point != 0) ||
				rounds > INT64_MAX - k->rounds || sum > INT64_MAX - k->sum_point)
			{
				inno_set_detail(err, "Section %d has an invalid round-kind entry.", i + 1);
				return INNO_ERR_CORRUPT;
			}
			rounds += k->rounds;
			disclosed += k->disclosed;
			sum += k->sum_point;
		}
		if (rounds != s->rounds || disclosed != s->disclosed || sum != s->sum_point)
		{
			inno_set_detail(err, "Section %d's round kinds do not add up.", i + 1);
			return INNO_ERR_CORRUPT;
		}
		q = inno_fs_sketch(s);
		if (inno_qs_validate(q, s->size - sizeof(InnoFsSection), err) != INNO_OK)
		{
			char		why[INNO_MSG_LEN];

			snprintf(why, sizeof(why), "%s", err->detail);
			inno_set_detail(err, "Section %d's sketch is invalid: %s", i + 1, why);
			return INNO_ERR_CORRUPT;
		}
		if ((int64_t) q->count != s->disclosed)
		{
			inno_set_detail(err, "Section %d's sketch does not count its disclosed rounds.", i + 1);
			return INNO_ERR_CORRUPT;
		}
		/* every section's sketch has the parameters rollup() merges */
		if (q->accuracy != INNO_QS_DEFAULT_ACCURACY ||
			q->max_bins != inno_qs_default_max_bins(INNO_QS_DEFAULT_ACCURACY))
		{
			inno_set_detail(err, "Section %d's sketch has accuracy %s and max_bins %u; a funding_stats sketch has accuracy %s and max_bins %d.",
							i + 1, inno_qs_accuracy_text(q->accuracy), (unsigned) q->max_bins,
							inno_qs_accuracy_text(INNO_QS_DEFAULT_ACCURACY),
							inno_qs_default_max_bins(INNO_QS_DEFAULT_ACCURACY));
			return INNO_ERR_CORRUPT;
		}
		off += s->size;
		s = inno_fs_next(s);
	}
	if (off != size)
	{
		inno_set_detail(err, "The funding_stats size does not match its sections.");
		return INNO_ERR_CORRUPT;
	}
	return INNO_OK;
}

