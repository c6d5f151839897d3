/*
 * frbox.c
 *	  Bounding boxes of funding rounds for the GiST operator class.
 *
 * Penalty and split use floating point (logarithms of amounts): they only
 * shape the tree, never decide which rows a query returns, so their rounding
 * cannot change a result.  Matching is exact integer comparison.
 */
#include "frbox.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

bool
inno_fr_period(const InnoFundingRound *fr, int32_t *first, int32_t *last)
{
	int			y,
				m,
				d;

	switch (fr->flags & INNO_FR_DATE_MASK)
	{
		case INNO_FR_DATE_DAY:
			*first = *last = fr->announced;
			return true;
		case INNO_FR_DATE_MONTH:
			inno_ymd_from_days(fr->announced, &y, &m, &d);
			*first = fr->announced;
			*last = (m == 12 ? inno_days_from_ymd(y + 1, 1, 1) : inno_days_from_ymd(y, m + 1, 1)) - 1;
			return true;
		case INNO_FR_DATE_YEAR:
			inno_ymd_from_days(fr->announced, &y, &m, &d);
			*first = fr->announced;
			*last = inno_days_from_ymd(y + 1, 1, 1) - 1;
			return true;
		default:
			return false;
	}
}

uint32_t
inno_frbox_currency_bit(uint16_t currency)
{
	int			i;
	int			n = inno_currency_count();

	for (i = 0; i < n && i < 31; i++)
		if (inno_currency_by_index(i)->numeric == currency)
			return UINT32_C(1) << i;
	return UINT32_C(1) << 31;
}

/* An empty box: the identity of union. */
static void
EmptyBox(InnoFrBox *box)
{
	memset(box, 0, sizeof(*box));
	box->amt_lo = INT64_MAX;
	box->amt_hi = INT64_MIN;
	box->date_lo = INT32_MAX;
	box->date_hi = INT32_MIN;
}

void
inno_frbox_from_round(const InnoFundingRound *fr, InnoFrBox *box)
{
	int32_t		first,
				last;

	EmptyBox(box);
	if (inno_fr_period(fr, &first, &last))
	{
		box->flags |= INNO_FRBOX_HAS_DATED;
		box->date_lo = first;
		box->date_hi = last;
	}
	else
		box->flags |= INNO_FRBOX_HAS_UNDATED;
	if (fr->flags & INNO_FR_DISCLOSED)
	{
		box->flags |= INNO_FRBOX_HAS_DISCLOSED;
		box->amt_lo = fr->low;
		box->amt_hi = fr->high;
	}
	else
		box->flags |= INNO_FRBOX_HAS_UNDISCLOSED;
	if (fr->currency != 0)
		box->currencies = inno_frbox_currency_bit(fr->currency);
}

void
inno_frbox_union(InnoFrBox *acc, const InnoFrBox *b)
{
	if (b->amt_lo < acc->amt_lo)
		acc->amt_lo = b->amt_lo;
	if (b->amt_hi > acc->amt_hi)
		acc->amt_hi = b->amt_hi;
	if (b->date_lo < acc->date_lo)
		acc->date_lo = b->date_lo;
	if (b->date_hi > acc->date_hi)
		acc->date_hi = b->date_hi;
	acc->currencies |= b->currencies;
	acc->flags |= b->flags;
}

bool
inno_frbox_equal(const InnoFrBox *a, const InnoFrBox *b)
{
	return a->amt_lo == b->amt_lo && a->amt_hi == b->amt_hi &&
		a->date_lo == b->date_lo && a->date_hi == b->date_hi &&
		a->currencies == b->currencies && a->flags == b->flags;
}

/* Width of the amount range in powers of two (0 when empty). */
static double
AmountSpan(const InnoFrBox *box)
{
	double		lo,
				hi;

	if (box->amt_hi < box->amt_lo)
		return 0.0;
	lo = box->amt_lo > 0 ? (double) box->amt_lo : 1.0;
	hi = box->amt_hi == INNO_FR_OPEN_HIGH ? 1e18 : (double) box->amt_hi;
	return hi > lo ? log2(hi / lo) : 0.0;
}

/* Width of the date range in years (0 when empty). */
static double
DateSpan(const InnoFrBox *box)
{
	if (box->date_hi < box->date_lo)
		return 0.0;
	return ((double) box->date_hi - (double) box->date_lo) / 365.25;
}

double
inno_frbox_penalty(const InnoFrBox *orig, const InnoFrBox *b)
{
	InnoFrBox	grown = *orig;
	double		penalty;

	inno_frbox_union(&grown, b);
	penalty = (DateSpan(&grown) - DateSpan(orig)) + (AmountSpan(&grown) - AmountSpan(orig));
	penalty += inno_popcount32(grown.currencies & ~orig->currencies);
	penalty += 0.5 * inno_popcount32((uint32_t) (grown.flags & ~orig->flags));
	return penalty;
}

static int
CompareSplitItems(const void *a, const void *b)
{
	const InnoFrSplitItem *x = a;
	const InnoFrSplitItem *y = b;

	if (x->centre != y->centre)
		return x->centre < y->centre ? -1 : 1;
	return (x->index > y->index) - (x->index < y->index);
}

/* Centre of a box along a dimension; empty ranges sort after every real one. */
static double
Centre(const InnoFrBox *box, bool by_date)
{
	if (by_date)
		return box->date_hi < box->date_lo ? 1e300 :
			((double) box->date_lo + (double) box->date_hi) / 2.0;
	if (box->amt_hi < box->amt_lo)
		return 1e300;
	return (log2(box->amt_lo > 0 ? (double) box->amt_lo : 1.0) +
			log2(box->amt_hi == INNO_FR_OPEN_HIGH ? 1e18 : (double) box->amt_hi + 1.0)) / 2.0;
}

void
inno_frbox_split(const InnoFrBox *boxes, int n, uint8_t *side, InnoFrSplitItem *work)
{
	double		dmin = 1e300,
				dmax = -1e300,
				amin = 1e300,
				amax = -1e300;
	bool		by_date;
	int			i;

	/* which dimension spreads more: years of dates or doublings of amounts? */
	for (i = 0; i < n; i++)
	{
		double		dc = Centre(&boxes[i], true);
		double		ac = Centre(&boxes[i], false);

		if (dc < 1e300)
		{
			dmin = dc < dmin ? dc : dmin;
			dmax = dc > dmax ? dc : dmax;
		}
		if (ac < 1e300)
		{
			amin = ac < amin ? ac : amin;
			amax = ac > amax ? ac : amax;
		}
	}
	by_date = (dmax > dmin ? (dmax - dmin) / 365.25 : 0.0) >= (amax > amin ? amax - amin : 0.0);

	for (i = 0; i < n; i++)
	{
		work[i].centre = Centre(&boxes[i], by_date);
		work[i].index = i;
	}
	qsort(work, (size_t) n, sizeof(InnoFrSplitItem), CompareSplitItems);
	for (i = 0; i < n; i++)
		side[work[i].index] = i < n / 2 ? 0 : 1;
}

bool
inno_frwindow_matches(const InnoFrWindow *w, const InnoFundingRound *fr)
{
	if (w->has_currency && fr->currency != w->currency)
		return false;
	if (w->has_amount)
	{
		if (!(fr->flags & INNO_FR_DISCLOSED))
			return false;
		if (fr->low > w->amt_hi || fr->high < w->amt_lo)
			return false;
	}
	if (w->has_date)
	{
		int32_t		first,
					last;

		if (!inno_fr_period(fr, &first, &last))
			return false;
		if (first < w->date_lo || last > w->date_hi)
			return false;
	}
	return true;
}

bool
inno_frwindow_may_match(const InnoFrWindow *w, const InnoFrBox *box)
{
	if (w->has_currency && !(box->currencies & inno_frbox_currency_bit(w->currency)))
		return false;
	if (w->has_amount)
	{
		if (!(box->flags & INNO_FRBOX_HAS_DISCLOSED))
			return false;
		if (box->amt_lo > w->amt_hi || box->amt_hi < w->amt_lo)
			return false;
	}
	if (w->has_date)
	{
		if (!(box->flags & INNO_FRBOX_HAS_DATED))
			return false;
		if (box->date_hi < w->date_lo || box->date_lo > w->date_hi)
			return false;
	}
	return true;
}
