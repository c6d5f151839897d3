/*
 * test_frstats.c
 *	  Unit tests for the statistics of funding_round columns and the
 *	  selectivity of windows (frstats.c): estimates from a sample against
 *	  the true share of a population, malformed summaries, defaults.
 */
#include "suites.h"
#include "frstats.h"

#include <math.h>
#include <stdlib.h>

static uint64_t
Next(uint64_t *st)
{
	*st = *st * 6364136223846793005ULL + 1442695040888963407ULL;
	return *st >> 11;
}

static double
Uniform(uint64_t *st)
{
	return (double) (Next(st) % 1000000007) / 1000000007.0;
}

/* rounds over 600 days from 2023, log-uniform 10^7..10^12 minor units, mostly CNY */
static InnoFundingRound
Population(uint64_t *st)
{
	InnoFundingRound fr;
	int32_t		day0 = inno_days_from_ymd(2023, 1, 1);
	uint64_t	r = Next(st) % 100;
	int			y,
				m,
				d;

	memset(&fr, 0, sizeof(fr));
	fr.flags = INNO_FR_VERSION_1;
	fr.announced = day0 + (int32_t) (Next(st) % 600);
	if (r < 2)
		fr.announced = 0;
	else if (r < 7)
	{
		inno_ymd_from_days(fr.announced, &y, &m, &d);
		fr.announced = inno_days_from_ymd(y, m, 1);
		fr.flags |= INNO_FR_DATE_MONTH;
	}
	else if (r < 9)
	{
		inno_ymd_from_days(fr.announced, &y, &m, &d);
		fr.announced = inno_days_from_ymd(y, 1, 1);
		fr.flags |= INNO_FR_DATE_YEAR;
	}
	else
		fr.flags |= INNO_FR_DATE_DAY;
	r = Next(st) % 300;
	fr.currency = r < 200 ? 156 : r < 297 ? 840 : 978;
	if (Next(st) % 50 != 0)
	{
		fr.flags |= INNO_FR_DISCLOSED;
		fr.low = (int64_t) pow(10.0, 7.0 + 5.0 * Uniform(st));
		fr.high = Next(st) % 4 == 0 ? fr.low + fr.low / 2 : fr.low;
		if (Next(st) % 100 == 0)
		{
			fr.flags |= INNO_FR_OPEN;
			fr.high = INNO_FR_OPEN_HIGH;
		}
		fr.point = fr.low;
	}
	return fr;
}

#define SAMPLE 30000
#define POPULATION 200000

static InnoFundingRound sample[SAMPLE];
static InnoFundingRound population[POPULATION];
static float work[SAMPLE];
static float summary[20000];

static int
BuildSummary(void)
{
	uint64_t	st = 99;
	int			i;

	for (i = 0; i < POPULATION; i++)
		population[i] = Population(&st);
	for (i = 0; i < SAMPLE; i++)
		sample[i] = population[(Next(&st) % POPULATION)];
	CHECK(inno_frstats_size(101) <= (int) (sizeof(summary) / sizeof(summary[0])));
	return inno_frstats_build(sample, SAMPLE, 101, work, summary);
}

TEST(estimates_follow_the_window)
{
	int			len = BuildSummary();
	uint64_t	st = 7;
	int32_t		day0 = inno_days_from_ymd(2023, 1, 1);
	int			trial,
				good = 0,
				tried = 0;

	CHECK(len > 0 && len <= inno_frstats_size(101));
	for (trial = 0; trial < 300; trial++)
	{
		InnoFrWindow w;
		double		est,
					truth;
		int			i,
					n = 0;

		memset(&w, 0, sizeof(w));
		w.has_date = trial % 5 != 4;
		w.date_lo = day0 + (int32_t) (Next(&st) % 600);
		w.date_hi = w.date_lo + (int32_t) (Next(&st) % 200);
		w.has_currency = trial % 7 != 6;
		w.currency = Next(&st) % 3 ? 156 : 840;
		w.has_amount = w.has_currency && trial % 3 != 2;
		w.amt_lo = (int64_t) pow(10.0, 7.0 + 4.5 * Uniform(&st));
		w.amt_hi = (int64_t) (w.amt_lo * pow(10.0, 2.0 * Uniform(&st)));
		if (trial % 11 == 0)
			w.amt_hi = INT64_MAX;
		for (i = 0; i < POPULATION; i++)
			n += inno_frwindow_matches(&w, &population[i]);
		truth = (double) n / POPULATION;
		est = inno_frstats_estimate(summary, len, &w);
		CHECK(est >= 0.0 && est <= 1.0);
		if (n < 200)
			continue;			/* too few to judge by */
		tried++;
		if (est > truth / 1.5 && est < truth * 1.5)
			good++;
		CHECK_MSG(est > truth / 3 && est < truth * 3, "trial %d: estimate %g, true %g (date %d %d..%d cur %d %d amt %d %lld..%lld)", trial, est, truth,
				  w.has_date, w.date_lo, w.date_hi, w.has_currency, w.currency, w.has_amount, (long long) w.amt_lo, (long long) w.amt_hi);
	}
	CHECK_MSG(good >= tried * 9 / 10, "%d of %d within 1.5x", good, tried);
}

TEST(estimates_of_edges)
{
	int			len = BuildSummary();
	InnoFrWindow w;
	double		whole,
				month,
				year;

	memset(&w, 0, sizeof(w));
	CHECK(fabs(inno_frstats_estimate(summary, len, &w) - 1.0) < 1e-9);
	w.has_date = true;
	w.date_lo = 1;
	w.date_hi = 0;
	CHECK(inno_frstats_estimate(summary, len, &w) == 0.0);
	w.date_lo = INT32_MIN;
	w.date_hi = INT32_MAX;
	whole = inno_frstats_estimate(summary, len, &w);
	CHECK_MSG(fabs(whole - 0.98) < 0.01, "dated %g", whole);	/* 2% undated */
	/* a month window holds no year-precision round: less than a 12th of the year */
	w.date_lo = inno_days_from_ymd(2023, 3, 1);
	w.date_hi = inno_days_from_ymd(2023, 3, 31);
	month = inno_frstats_estimate(summary, len, &w);
	w.date_lo = inno_days_from_ymd(2023, 1, 1);
	w.date_hi = inno_days_from_ymd(2023, 12, 31);
	year = inno_frstats_estimate(summary, len, &w);
	CHECK(month > 0.0 && month < year / 10);
	/* the year window holds that year's year-precision rounds */
	CHECK_MSG(year > 0.57 && year < 0.62, "year %g", year);
	/* a currency never seen */
	memset(&w, 0, sizeof(w));
	w.has_currency = true;
	w.currency = 392;
	CHECK(inno_frstats_estimate(summary, len, &w) > 0.0);
	CHECK(inno_frstats_estimate(summary, len, &w) < 0.001);
	w.currency = 978;
	CHECK_MSG(fabs(inno_frstats_estimate(summary, len, &w) - 0.01) < 0.005, "EUR %g",
			  inno_frstats_estimate(summary, len, &w));
	/* an amount range below every amount */
	w.currency = 156;
	w.has_amount = true;
	w.amt_lo = 1;
	w.amt_hi = 1000;
	CHECK(inno_frstats_estimate(summary, len, &w) == 0.0);
	w.amt_lo = INT64_MIN;
	w.amt_hi = INT64_MAX;
	CHECK(fabs(inno_frstats_estimate(summary, len, &w) - 2.0 / 3 * 0.98) < 0.02);
}

TEST(malformed_summaries)
{
	int			len = BuildSummary();
	InnoFrWindow w;
	float		copy[20000];

	memset(&w, 0, sizeof(w));
	w.has_currency = w.has_amount = true;
	w.currency = 840;
	w.amt_lo = 1;
	w.amt_hi = 1000000000;
	CHECK(inno_frstats_estimate(summary, len, &w) >= 0.0);
	CHECK(inno_frstats_estimate(summary, 3, &w) < 0.0);
	CHECK(inno_frstats_estimate(summary, len - 5, &w) < 0.0);
	memcpy(copy, summary, sizeof(float) * len);
	copy[0] = 2.0f;				/* a format this code does not know */
	CHECK(inno_frstats_estimate(copy, len, &w) < 0.0);
	memcpy(copy, summary, sizeof(float) * len);
	copy[11] = NAN;				/* inside the first histogram */
	CHECK(inno_frstats_estimate(copy, len, &w) < 0.0);
	memcpy(copy, summary, sizeof(float) * len);
	copy[10] = 1e9f;			/* a count beyond the array */
	CHECK(inno_frstats_estimate(copy, len, &w) < 0.0);
	CHECK(inno_frstats_build(sample, 0, 101, work, copy) == 0);
	/* one round only */
	len = inno_frstats_build(sample, 1, 101, work, copy);
	CHECK(len > 0);
	CHECK(inno_frstats_estimate(copy, len, &w) >= 0.0);
}

TEST(defaults_shrink_with_the_window)
{
	InnoFrWindow w;
	double		a,
				b,
				c;

	memset(&w, 0, sizeof(w));
	w.has_date = true;
	w.date_lo = 8000;
	w.date_hi = 8030;
	a = inno_frstats_default(&w);
	w.date_hi = 8365;
	b = inno_frstats_default(&w);
	CHECK(a > 0.0 && a < b && b < 1.0);
	w.has_currency = w.has_amount = true;
	w.currency = 156;
	w.amt_lo = 5000000000;
	w.amt_hi = 10000000000;
	c = inno_frstats_default(&w);
	w.amt_hi = 100000000000;
	CHECK(c > 0.0 && c < inno_frstats_default(&w));
	w.date_lo = 1;
	w.date_hi = 0;
	CHECK(inno_frstats_default(&w) == 0.0);
}

UNIT_SUITE(frstats_suite,
		   UNIT_CASE(estimates_follow_the_window),
		   UNIT_CASE(estimates_of_edges),
		   UNIT_CASE(malformed_summaries),
		   UNIT_CASE(defaults_shrink_with_the_window));
