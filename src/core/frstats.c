/*
 * frstats.c
 *	  Statistics of funding_round columns and window selectivity (frstats.h).
 *
 * The summary is an array of float4.  Days (since 2000-01-01) are small
 * integers and exact in a float; amounts are kept as log10 of minor units.
 * Layout, in order:
 *	header (H_SIZE floats, below);
 *	for each date precision (day, month, year): nb, then nb bounds;
 *	for each listed currency: ISO code, frequency, disclosed share, open
 *	share of the disclosed, nb, nb bounds of log10(low), nb, nb bounds of
 *	log10(high) over the rounds not open above.
 * A histogram of nb bounds holds the sample's minimum and maximum and
 * nb - 2 equi-depth quantiles between them; nb is 0 when there is no value.
 */
#include "frstats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum
{
	H_FORMAT,					/* INNO_FRSTATS_FORMAT */
	H_ROWS,						/* sampled non-null rounds */
	H_UNDATED,					/* share undated */
	H_PREC_DAY,					/* share of the dated known to the day, */
	H_PREC_MONTH,				/* month, */
	H_PREC_YEAR,				/* year */
	H_NO_CURRENCY,				/* share with no currency (undisclosed) */
	H_OTHER_SHARE,				/* share in currencies not listed */
	H_OTHER_COUNT,				/* how many such currencies the sample had */
	H_CURRENCIES,				/* currencies listed */
	H_SIZE
};

/* per listed currency, before its histograms */
enum
{
	C_CODE,
	C_SHARE,
	C_DISCLOSED,
	C_OPEN,
	C_SIZE
};

/* date precisions in INNO_FR_DATE_* order, from 1 */
#define N_PRECISIONS 3

/* defaults when there are no statistics */
#define DEFAULT_SPAN_DAYS		3652.5	/* rounds spread over ten years */
#define DEFAULT_SPAN_DECADES	6.0		/* amounts over six powers of ten */
#define DEFAULT_ONE_SIDED		(1.0 / 3.0)
#define DEFAULT_CURRENCY		0.5

static int
ClampBounds(int nbounds)
{
	if (nbounds < 2)
		return 2;
	if (nbounds > INNO_FRSTATS_MAX_BOUNDS)
		return INNO_FRSTATS_MAX_BOUNDS;
	return nbounds;
}

int
inno_frstats_size(int nbounds)
{
	nbounds = ClampBounds(nbounds);
	return H_SIZE + N_PRECISIONS * (1 + nbounds) +
		INNO_FRSTATS_MAX_CURRENCIES * (C_SIZE + 2 * (1 + nbounds));
}

static int
CompareFloats(const void *a, const void *b)
{
	float		x = *(const float *) a;
	float		y = *(const float *) b;

	return (x > y) - (x < y);
}

/* Sort v[0..m) and write its histogram (nb, then the bounds) at out. */
static int
PutHistogram(float *v, int m, int nbounds, float *out)
{
	int			nb = m < nbounds ? m : nbounds;
	int			i;

	qsort(v, (size_t) m, sizeof(float), CompareFloats);
	out[0] = (float) nb;
	for (i = 0; i < nb; i++)
	{
		/* position i of nb-1 steps over the m-1 gaps, rounded */
		int			pos = nb == 1 ? 0 : (int) (((double) i * (m - 1)) / (nb - 1) + 0.5);

		out[1 + i] = v[pos];
	}
	return 1 + nb;
}

static float
Log10Minor(int64_t minor)
{
	return (float) log10((double) minor);
}

typedef struct CurrencyCount
{
	uint16_t	code;
	int			count;
} CurrencyCount;

static int
CompareCounts(const void *a, const void *b)
{
	const CurrencyCount *x = a;
	const CurrencyCount *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return (x->code > y->code) - (x->code < y->code);
}

int
inno_frstats_build(const InnoFundingRound *rows, int n, int nbounds, float *work, float *out)
{
	CurrencyCount counts[64];
	int			ncounts = 0;
	int			dated = 0;
	int			by_precision[N_PRECISIONS + 1] = {0};
	int			no_currency = 0;
	int			listed;
	int			other = 0;
	int			len = H_SIZE;
	int			i,
				p,
				c;

	if (n <= 0)
		return 0;
	nbounds = ClampBounds(nbounds);
	memset(out, 0, sizeof(float) * H_SIZE);

	for (i = 0; i < n; i++)
	{
		const InnoFundingRound *fr = &rows[i];
		int			prec = fr->flags & INNO_FR_DATE_MASK;

		if (prec != INNO_FR_DATE_NONE)
		{
			dated++;
			by_precision[prec]++;
		}
		if (fr->currency == 0)
		{
			no_currency++;
			continue;
		}
		for (c = 0; c < ncounts && counts[c].code != fr->currency; c++)
			;
		if (c == ncounts)
		{
			if (ncounts == (int) (sizeof(counts) / sizeof(counts[0])))
			{
				other++;		/* more currencies than can be told apart */
				continue;
			}
			counts[ncounts].code = fr->currency;
			counts[ncounts].count = 0;
			ncounts++;
		}
		counts[c].count++;
	}
	qsort(counts, (size_t) ncounts, sizeof(CurrencyCount), CompareCounts);
	listed = ncounts < INNO_FRSTATS_MAX_CURRENCIES ? ncounts : INNO_FRSTATS_MAX_CURRENCIES;
	for (c = listed; c < ncounts; c++)
		other += counts[c].count;

	out[H_FORMAT] = INNO_FRSTATS_FORMAT;
	out[H_ROWS] = (float) n;
	out[H_UNDATED] = (float) (n - dated) / (float) n;
	for (p = 1; p <= N_PRECISIONS; p++)
		out[H_PREC_DAY + p - 1] = dated ? (float) by_precision[p] / (float) dated : 0.0f;
	out[H_NO_CURRENCY] = (float) no_currency / (float) n;
	out[H_OTHER_SHARE] = (float) other / (float) n;
	out[H_OTHER_COUNT] = (float) (ncounts - listed);
	out[H_CURRENCIES] = (float) listed;

	/* first days, one histogram per precision */
	for (p = 1; p <= N_PRECISIONS; p++)
	{
		int			m = 0;

		for (i = 0; i < n; i++)
			if ((rows[i].flags & INNO_FR_DATE_MASK) == p)
				work[m++] = (float) rows[i].announced;
		len += PutHistogram(work, m, nbounds, out + len);
	}

	/* amounts, per listed currency */
	for (c = 0; c < listed; c++)
	{
		float	   *head = out + len;
		int			disclosed = 0,
					open = 0,
					m = 0;

		len += C_SIZE;
		for (i = 0; i < n; i++)
			if (rows[i].currency == counts[c].code && (rows[i].flags & INNO_FR_DISCLOSED))
			{
				disclosed++;
				work[m++] = Log10Minor(rows[i].low);
			}
		len += PutHistogram(work, m, nbounds, out + len);
		m = 0;
		for (i = 0; i < n; i++)
			if (rows[i].currency == counts[c].code && (rows[i].flags & INNO_FR_DISCLOSED))
			{
				if (rows[i].high == INNO_FR_OPEN_HIGH)
					open++;
				else
					work[m++] = Log10Minor(rows[i].high);
			}
		len += PutHistogram(work, m, nbounds, out + len);
		head[C_CODE] = (float) counts[c].code;
		head[C_SHARE] = (float) counts[c].count / (float) n;
		head[C_DISCLOSED] = (float) disclosed / (float) counts[c].count;
		head[C_OPEN] = disclosed ? (float) open / (float) disclosed : 0.0f;
	}
	return len;
}

/* ---- reading ---- */

/* A histogram within st[0..nst) at *pos: its bounds and count; false if malformed. */
static bool
TakeHistogram(const float *st, int nst, int *pos, const float **bounds, int *nb)
{
	int			i;

	if (*pos >= nst || !(st[*pos] >= 0.0f) || st[*pos] > (float) INNO_FRSTATS_MAX_BOUNDS)
		return false;
	*nb = (int) st[*pos];
	if (*pos + 1 + *nb > nst)
		return false;
	*bounds = st + *pos + 1;
	for (i = 1; i < *nb; i++)
		if (!((*bounds)[i - 1] <= (*bounds)[i]))	/* unsorted or NaN */
			return false;
	*pos += 1 + *nb;
	return true;
}

/*
 * Fraction of the values below x, linear within a bucket.  For integer
 * values (days: unit 1) a value v stands for [v, v + 1), so the last bucket
 * ends at the maximum plus one unit and the maximum keeps its share.
 */
static double
CdfBelow(const float *b, int nb, double x, double unit)
{
	double		top;
	int			lo = 0,
				hi = nb;

	if (nb == 0 || x <= b[0])
		return 0.0;
	top = (double) b[nb - 1] + unit;
	if (x >= top)
		return 1.0;
	if (nb == 1)
		return (x - b[0]) / unit;	/* unit > 0 here */
	/* first bound >= x: b[lo-1] < x <= b[lo], 1 <= lo <= nb - 1, or nb */
	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (b[mid] < x)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo >= nb - 1)			/* the last bucket, up to top */
		return ((nb - 2) + (x - b[nb - 2]) / (top - b[nb - 2])) / (nb - 1);
	return ((lo - 1) + (x - b[lo - 1]) / ((double) b[lo] - b[lo - 1])) / (nb - 1);
}

/* Fraction of the values at or below x. */
static double
CdfAtMost(const float *b, int nb, double x)
{
	int			lo = 0,
				hi = nb;

	if (nb == 0 || x < b[0])
		return 0.0;
	if (x >= b[nb - 1])
		return 1.0;
	/* first bound > x: b[lo-1] <= x < b[lo] */
	while (lo < hi)
	{
		int			mid = (lo + hi) / 2;

		if (b[mid] <= x)
			lo = mid + 1;
		else
			hi = mid;
	}
	return ((lo - 1) + (x - b[lo - 1]) / ((double) b[lo] - b[lo - 1])) / (nb - 1);
}

static double
Clamp01(double x)
{
	return x < 0.0 ? 0.0 : x > 1.0 ? 1.0 : x;
}

/* days beyond which a window bound is taken as unbounded */
#define FAR_DAYS 1000000

/*
 * The first day of the period of precision p that contains day: a period of
 * precision p ends by a window's last day hi exactly when it starts before
 * NextPeriodStart(p, hi + 1).
 */
static int32_t
NextPeriodStart(int p, int32_t day)
{
	int			y,
				m,
				d;

	if (p == INNO_FR_DATE_DAY)
		return day;
	inno_ymd_from_days(day, &y, &m, &d);
	if (p == INNO_FR_DATE_MONTH)
		return inno_days_from_ymd(y, m, 1);
	return inno_days_from_ymd(y, 1, 1);
}

/* Fraction of dated rounds whose period lies within [lo, hi]. */
static double
DateShare(const float *prec, const float *const *bounds, const int *nb, int32_t lo, int32_t hi)
{
	double		share = 0.0;
	int			p;

	if (lo > hi || hi < -FAR_DAYS || lo > FAR_DAYS)
		return 0.0;
	for (p = 1; p <= N_PRECISIONS; p++)
	{
		double		below_hi = 1.0,
					below_lo = 0.0;

		if (prec[p - 1] <= 0.0f)
			continue;
		if (hi <= FAR_DAYS)
			below_hi = CdfBelow(bounds[p - 1], nb[p - 1], NextPeriodStart(p, hi + 1), 1.0);
		if (lo >= -FAR_DAYS)
			below_lo = CdfBelow(bounds[p - 1], nb[p - 1], lo, 1.0);
		share += prec[p - 1] * Clamp01(below_hi - below_lo);
	}
	return share;
}

/* Fraction of disclosed rounds of a currency whose [low, high] overlaps [lo, hi]. */
static double
AmountShare(const float *low, int nlow, const float *high, int nhigh, double open,
			int64_t lo, int64_t hi)
{
	double		low_ok = 1.0,
				high_short = 0.0;

	if (hi != INT64_MAX)
		low_ok = hi < 1 ? 0.0 : CdfAtMost(low, nlow, Log10Minor(hi));
	if (lo > 1)
		high_short = (1.0 - open) * CdfBelow(high, nhigh, Log10Minor(lo), 0.0);
	/* high < lo implies low <= hi: the rounds too small are among low_ok */
	return Clamp01(low_ok - high_short);
}

/* A guess of the share of an amount range [lo, hi] (minor units). */
static double
DefaultAmountShare(int64_t lo, int64_t hi)
{
	bool		lo_open = lo <= 1;
	bool		hi_open = hi == INT64_MAX;

	if (hi < 1 || (!hi_open && !lo_open && hi < lo))
		return 0.0;
	if (lo_open && hi_open)
		return 1.0;
	if (lo_open || hi_open)
		return DEFAULT_ONE_SIDED;
	return Clamp01((log10((double) hi) - log10((double) lo)) / DEFAULT_SPAN_DECADES + 0.01);
}

static double
DefaultDateShare(int32_t lo, int32_t hi)
{
	bool		lo_open = lo == INT32_MIN;
	bool		hi_open = hi == INT32_MAX;

	if (lo > hi)
		return 0.0;
	if (lo_open && hi_open)
		return 1.0;
	if (lo_open || hi_open)
		return DEFAULT_ONE_SIDED;
	return Clamp01(((double) hi - (double) lo + 1.0) / DEFAULT_SPAN_DAYS);
}

double
inno_frstats_default(const InnoFrWindow *w)
{
	double		sel = 1.0;

	if (w->has_date)
		sel *= DefaultDateShare(w->date_lo, w->date_hi);
	if (w->has_currency)
		sel *= DEFAULT_CURRENCY;
	if (w->has_amount)
		sel *= DefaultAmountShare(w->amt_lo, w->amt_hi);
	return sel;
}

double
inno_frstats_estimate(const float *st, int nst, const InnoFrWindow *w)
{
	const float *dbounds[N_PRECISIONS];
	int			dnb[N_PRECISIONS];
	int			pos = H_SIZE;
	int			ncur,
				p,
				c;
	double		sel = 1.0,
				share = 1.0;
	bool		found = false;

	if (nst < H_SIZE || st[H_FORMAT] != (float) INNO_FRSTATS_FORMAT || !(st[H_ROWS] >= 1.0f))
		return -1.0;
	if (!(st[H_CURRENCIES] >= 0.0f && st[H_CURRENCIES] <= (float) INNO_FRSTATS_MAX_CURRENCIES))
		return -1.0;
	ncur = (int) st[H_CURRENCIES];
	for (p = 0; p < N_PRECISIONS; p++)
		if (!TakeHistogram(st, nst, &pos, &dbounds[p], &dnb[p]))
			return -1.0;

	if (w->has_date)
		sel *= (1.0 - st[H_UNDATED]) *
			DateShare(st + H_PREC_DAY, dbounds, dnb, w->date_lo, w->date_hi);

	for (c = 0; c < ncur; c++)
	{
		const float *head = st + pos;
		const float *low,
				   *high;
		int			nlow,
					nhigh;

		if (pos + C_SIZE > nst)
			return -1.0;
		pos += C_SIZE;
		if (!TakeHistogram(st, nst, &pos, &low, &nlow) ||
			!TakeHistogram(st, nst, &pos, &high, &nhigh))
			return -1.0;
		if (found || !w->has_currency || head[C_CODE] != (float) w->currency)
			continue;			/* read on: the whole summary must be sound */
		found = true;
		share = head[C_SHARE];
		if (w->has_amount)
			share *= head[C_DISCLOSED] *
				AmountShare(low, nlow, high, nhigh, head[C_OPEN], w->amt_lo, w->amt_hi);
	}
	if (!found)
	{
		/* a currency not listed: its share of the others, or one never sampled */
		share = st[H_OTHER_COUNT] >= 1.0f ?
			st[H_OTHER_SHARE] / st[H_OTHER_COUNT] : 0.5 / st[H_ROWS];
		if (w->has_amount)
			share *= DefaultAmountShare(w->amt_lo, w->amt_hi);
	}
	sel *= w->has_currency ? share : 1.0;
	if (isnan(sel))
		return -1.0;			/* garbage in the summary */
	return Clamp01(sel);
}
