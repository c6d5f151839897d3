/*
 * test_frbox.c
 *	  Unit tests for the funding_round GiST logic (announcement periods,
 *	  boxes, splits, window matching) and exact decimal conversion.
 */
#include "suites.h"
#include "decimal.h"
#include "frbox.h"

static InnoFundingRound
Round(const char *text)
{
	InnoFundingRound fr;
	InnoError	err;

	if (inno_fr_parse(text, strlen(text), 0, &fr, &err) != INNO_OK)
		memset(&fr, 0, sizeof(fr));
	return fr;
}

TEST(periods)
{
	InnoFundingRound fr;
	int32_t		a,
				b;

	fr = Round("B轮 2亿 2023-06-15");
	CHECK(inno_fr_period(&fr, &a, &b) && a == b && a == inno_days_from_ymd(2023, 6, 15));
	fr = Round("B轮 2亿 2024-02");
	CHECK(inno_fr_period(&fr, &a, &b) && a == inno_days_from_ymd(2024, 2, 1) && b == inno_days_from_ymd(2024, 2, 29));
	fr = Round("B轮 2亿 2023-12");
	CHECK(inno_fr_period(&fr, &a, &b) && b == inno_days_from_ymd(2023, 12, 31));
	fr = Round("B轮 2亿 2023");
	CHECK(inno_fr_period(&fr, &a, &b) && a == inno_days_from_ymd(2023, 1, 1) && b == inno_days_from_ymd(2023, 12, 31));
	fr = Round("B轮 2亿");
	CHECK(!inno_fr_period(&fr, &a, &b));
}

TEST(window_matching)
{
	InnoFrWindow h1 = {true, 0, 0, true, INT64_C(5000000000), INT64_C(10000000000), true, 156};
	InnoFundingRound fr;

	h1.date_lo = inno_days_from_ymd(2023, 1, 1);
	h1.date_hi = inno_days_from_ymd(2023, 6, 30);
	fr = Round("B轮 近亿元 2023-03");
	CHECK(inno_frwindow_matches(&h1, &fr));
	fr = Round("B轮 2亿 2023-03");
	CHECK(!inno_frwindow_matches(&h1, &fr));	/* too large */
	fr = Round("B轮 近亿元 2023");
	CHECK(!inno_frwindow_matches(&h1, &fr));	/* only known to the year */
	fr = Round("B轮 近亿元 2023-07-01");
	CHECK(!inno_frwindow_matches(&h1, &fr));
	fr = Round("Series B $8M 2023-03");
	CHECK(!inno_frwindow_matches(&h1, &fr));	/* dollars */
	fr = Round("B轮 未披露 2023-03");
	CHECK(!inno_frwindow_matches(&h1, &fr));	/* no amount never overlaps */
	fr = Round("B轮 亿元及以上 2023-03");
	CHECK(inno_frwindow_matches(&h1, &fr));	/* open above, starts at 1亿 */
}

/* deterministic pseudo-random rounds */
static InnoFundingRound
RandomRound(uint64_t *st)
{
	static const char *const texts[] = {
		"B轮 近2亿元 2023-06", "A轮 3000万元 2022", "天使轮 数百万 2021-03-05", "Series B $25M 2023-06-15",
		"战略投资 未披露 2020", "HK$1.2 billion 2019-11", "5000万-8000万元 2023-02-01", "亿元及以上",
		"Pre-A轮 近亿元 2022年3月", "定增 20亿元 2024", "Grant €500K 2018-04", "2亿日元 2017",
		"拨投结合 3000万元 2023-09-09", "C轮 超千万", "种子轮 数十万 2016-01",
	};

	*st = *st * 6364136223846793005ULL + 1442695040888963407ULL;
	return Round(texts[(*st >> 33) % (sizeof(texts) / sizeof(texts[0]))]);
}

/* A GiST key must never exclude a round its subtree holds. */
TEST(boxes_never_lose_matches)
{
	uint64_t	st = 11;
	int			trial;

	for (trial = 0; trial < 400; trial++)
	{
		InnoFundingRound rs[8];
		InnoFrBox	boxes[8],
					u;
		InnoFrWindow w;
		uint8_t		side[8];
		InnoFrSplitItem work[8];
		int			i,
					nl = 0;

		for (i = 0; i < 8; i++)
		{
			rs[i] = RandomRound(&st);
			inno_frbox_from_round(&rs[i], &boxes[i]);
			if (i == 0)
				u = boxes[0];
			else
				inno_frbox_union(&u, &boxes[i]);
		}
		memset(&w, 0, sizeof(w));
		st = st * 6364136223846793005ULL + 1442695040888963407ULL;
		w.has_date = (st >> 60) & 1;
		w.date_lo = inno_days_from_ymd(2016 + (int) ((st >> 40) % 8), 1, 1);
		w.date_hi = w.date_lo + (int32_t) ((st >> 20) % 800);
		w.has_currency = (st >> 61) & 1;
		w.currency = (st >> 62) & 1 ? 156 : 840;
		w.has_amount = w.has_currency && ((st >> 63) & 1);
		w.amt_lo = INT64_C(100000000) * (int64_t) ((st >> 10) % 100);
		w.amt_hi = w.amt_lo * 3 + 1;
		for (i = 0; i < 8; i++)
			if (inno_frwindow_matches(&w, &rs[i]))
			{
				CHECK(inno_frwindow_may_match(&w, &boxes[i]));
				CHECK(inno_frwindow_may_match(&w, &u));
			}
		inno_frbox_split(boxes, 8, side, work);
		for (i = 0; i < 8; i++)
			nl += side[i] == 0;
		CHECK(nl > 0 && nl < 8);
		for (i = 0; i < 8; i++)
		{
			CHECK(inno_frbox_penalty(&u, &boxes[i]) == 0.0);
			CHECK(inno_frbox_penalty(&boxes[i], &u) >= 0.0);
		}
	}
}

TEST(decimal_conversion)
{
	int64_t		v = 0;
	InnoError	err;
	char		buf[INNO_DECIMAL_MAX];

	CHECK(inno_decimal_to_minor("1234.5", 6, 2, INT64_MAX, &v, &err) == INNO_OK && v == 123450);
	CHECK(inno_decimal_to_minor("1.500", 5, 2, INT64_MAX, &v, &err) == INNO_OK && v == 150);
	CHECK(inno_decimal_to_minor("-7.25", 5, 2, INT64_MAX, &v, &err) == INNO_OK && v == -725);
	CHECK(inno_decimal_to_minor("1.005", 5, 2, INT64_MAX, &v, &err) == INNO_ERR_SYNTAX);
	CHECK(inno_decimal_to_minor("12", 2, 0, INT64_MAX, &v, &err) == INNO_OK && v == 12);
	CHECK(inno_decimal_to_minor("1e3", 3, 2, INT64_MAX, &v, &err) == INNO_ERR_SYNTAX);
	CHECK(inno_decimal_to_minor("", 0, 2, INT64_MAX, &v, &err) == INNO_ERR_SYNTAX);
	CHECK(inno_decimal_to_minor("99999999999999999999", 20, 2, INT64_MAX, &v, &err) == INNO_ERR_RANGE);
	CHECK(inno_decimal_to_minor("1000", 4, 2, 99999, &v, &err) == INNO_ERR_RANGE);
	inno_minor_to_decimal(20000000000, 2, buf);
	CHECK_STR(buf, "200000000");
	inno_minor_to_decimal(123450, 2, buf);
	CHECK_STR(buf, "1234.5");
	inno_minor_to_decimal(1, 2, buf);
	CHECK_STR(buf, "0.01");
	inno_minor_to_decimal(-725, 2, buf);
	CHECK_STR(buf, "-7.25");
	inno_minor_to_decimal(INT64_MAX, 0, buf);
	CHECK_STR(buf, "9223372036854775807");
	inno_minor_to_decimal(INT64_MIN, 2, buf);
	CHECK_STR(buf, "-92233720368547758.08");
}

UNIT_SUITE(frbox_suite,
		   UNIT_CASE(periods),
		   UNIT_CASE(window_matching),
		   UNIT_CASE(boxes_never_lose_matches),
		   UNIT_CASE(decimal_conversion));
