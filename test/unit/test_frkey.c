/*
 * test_frkey.c
 *	  Unit tests for the compact GiST key of funding_round (frkey.c): the
 *	  outward rounding of bounds, matching against the exact rule on many
 *	  random rounds and windows (edge cases included),
 *	  split, the Hilbert curve and the sort order; the stored forms of
 *	  leaf and inner keys (frleaf.c).
 */
#include "suites.h"
#include "frkey.h"

#include <math.h>
#include <stdlib.h>

static uint64_t
Next(uint64_t *st)
{
	*st = *st * 6364136223846793005ULL + 1442695040888963407ULL;
	return *st >> 11;
}

static int64_t
Pick(uint64_t *st, int64_t lo, int64_t hi)
{
	return lo + (int64_t) (Next(st) % (uint64_t) (hi - lo + 1));
}

TEST(currency_bits)
{
	int			i,
				j;

	for (i = 0; i < inno_currency_count(); i++)
	{
		uint32_t	bit = inno_frkey_currency_bit(inno_currency_by_index(i)->numeric);

		CHECK(bit != INNO_FRKEY_OTHER_CURRENCY);
		CHECK((bit & INNO_FRKEY_CURRENCY_MASK) == bit && (bit & (bit - 1)) == 0);
		for (j = 0; j < i; j++)
			CHECK(bit != inno_frkey_currency_bit(inno_currency_by_index(j)->numeric));
	}
	CHECK(inno_frkey_currency_bit(999) == INNO_FRKEY_OTHER_CURRENCY);
	/* bits are stored in indexes: the first ones never move */
	CHECK(inno_frkey_currency_bit(156) == 1);
	CHECK(inno_frkey_currency_bit(840) == 2);
	CHECK(sizeof(InnoFrKey) == 16);
}

TEST(float_bounds)
{
	static const int64_t values[] = {
		0, 1, 2, 7, 16777215, 16777216, 16777217, 16777219, 33554433, 1000000001,
		INT64_C(9007199254740993), INT64_C(100000000000000000), INT64_C(99999999999999999),
		INT64_MAX, INT64_MAX - 1, INT64_MIN, INT64_MIN + 1, -1, -16777217,
	};
	uint64_t	st = 5;
	int			i;

	for (i = 0; i < (int) (sizeof(values) / sizeof(values[0])) + 20000; i++)
	{
		int64_t		x = i < (int) (sizeof(values) / sizeof(values[0])) ? values[i] :
			(int64_t) (Next(&st) >> (Next(&st) % 53)) * ((Next(&st) & 1) ? 1 : -1);
		float		d = inno_frkey_round_down(x);
		float		u = inno_frkey_round_up(x);

		CHECK_MSG(inno_frkey_cmp_float_int64(d, x) <= 0, "down(%lld)", (long long) x);
		CHECK_MSG(inno_frkey_cmp_float_int64(nextafterf(d, INFINITY), x) > 0, "down(%lld) tight", (long long) x);
		CHECK_MSG(inno_frkey_cmp_float_int64(u, x) >= 0, "up(%lld)", (long long) x);
		CHECK_MSG(inno_frkey_cmp_float_int64(nextafterf(u, -INFINITY), x) < 0, "up(%lld) tight", (long long) x);
	}
	CHECK(inno_frkey_cmp_float_int64(INFINITY, INT64_MAX) > 0);
	CHECK(inno_frkey_cmp_float_int64(-INFINITY, INT64_MIN) < 0);
	CHECK(inno_frkey_cmp_float_int64(9223372036854775808.0f, INT64_MAX) > 0);
	CHECK(inno_frkey_cmp_float_int64(-9223372036854775808.0f, INT64_MIN) == 0);
	CHECK(inno_frkey_cmp_float_int64(2.5f, 2) > 0);
	CHECK(inno_frkey_cmp_float_int64(-2.5f, -2) < 0);
	CHECK(inno_frkey_cmp_float_int64(16777216.0f, 16777216) == 0);
}

/* A random valid round: every precision, dates 1900..2199, amounts of every size. */
static InnoFundingRound
RandomRound(uint64_t *st)
{
	InnoFundingRound fr;
	int			y,
				m,
				d;

	memset(&fr, 0, sizeof(fr));
	fr.kind = 1;
	fr.flags = INNO_FR_VERSION_1;
	switch (Next(st) % 8)
	{
		case 0:
			break;				/* undated */
		case 1:
			fr.flags |= INNO_FR_DATE_YEAR;
			fr.announced = inno_days_from_ymd((int) Pick(st, 1900, 2199), 1, 1);
			break;
		case 2:
			fr.flags |= INNO_FR_DATE_MONTH;
			fr.announced = inno_days_from_ymd((int) Pick(st, 1900, 2199), (int) Pick(st, 1, 12), 1);
			break;
		case 3:
			/* near the ends of the int16 day range */
			fr.flags |= INNO_FR_DATE_DAY;
			fr.announced = (int32_t) Pick(st, -32800, -32700) + ((Next(st) & 1) ? 65500 : 0);
			break;
		default:
			fr.flags |= INNO_FR_DATE_DAY;
			fr.announced = (int32_t) Pick(st, inno_days_from_ymd(1900, 1, 1), inno_days_from_ymd(2199, 12, 31));
			break;
	}
	inno_ymd_from_days(fr.announced, &y, &m, &d);
	if (Next(st) % 10 != 0)
	{
		int			shape = (int) (Next(st) % 4);

		fr.flags |= INNO_FR_DISCLOSED;
		if (shape == 0)
			fr.low = Pick(st, 1, 100);
		else if (shape == 1)
			fr.low = Pick(st, 16777200, 16777300);	/* where float steps begin */
		else if (shape == 2)
			fr.low = (int64_t) 1 << Pick(st, 20, 56);	/* exact in float */
		else
			fr.low = Pick(st, 1, INNO_FR_AMOUNT_MAX);
		fr.high = fr.low + ((Next(st) % 3 == 0) ? Pick(st, 0, fr.low) : 0);
		if (fr.high > INNO_FR_AMOUNT_MAX)
			fr.high = INNO_FR_AMOUNT_MAX;
		if (Next(st) % 7 == 0)
		{
			fr.flags |= INNO_FR_OPEN;
			fr.high = INNO_FR_OPEN_HIGH;
		}
		fr.point = fr.low;
	}
	if (fr.flags & INNO_FR_DISCLOSED || Next(st) % 2)
		fr.currency = inno_currency_by_index((int) (Next(st) % (uint64_t) inno_currency_count()))->numeric;
	return fr;
}

/* A bound near v: v itself, a step off, a float step off, or far away. */
static int64_t
Near(uint64_t *st, int64_t v)
{
	float		f = (float) v;

	switch (Next(st) % 6)
	{
		case 0:
			return v;
		case 1:
			return v > INT64_MIN ? v - 1 : v;
		case 2:
			return v < INT64_MAX ? v + 1 : v;
		case 3:
			{
				float		g = nextafterf(f, (Next(st) & 1) ? INFINITY : -INFINITY);

				return g >= 9.2e18f || g <= -9.2e18f ? v : (int64_t) g;
			}
		case 4:
			return (Next(st) & 1) ? INT64_MAX : INT64_MIN;
		default:
			return Pick(st, -10, INNO_FR_AMOUNT_MAX);
	}
}

static InnoFrWindow
RandomWindow(uint64_t *st, const InnoFundingRound *near)
{
	InnoFrWindow w;
	int32_t		first = 0,
				last = 0;

	memset(&w, 0, sizeof(w));
	if (!inno_fr_period(near, &first, &last))
		first = last = (int32_t) Pick(st, -40000, 80000);
	w.has_date = Next(st) % 3 != 0;
	w.date_lo = first + (int32_t) Pick(st, -40, 3);
	w.date_hi = last + (int32_t) Pick(st, -3, 40);
	if (Next(st) % 8 == 0)
		w.date_lo = INT32_MIN;
	if (Next(st) % 8 == 0)
		w.date_hi = INT32_MAX;
	if (Next(st) % 20 == 0)
	{
		w.date_lo = 1;			/* empty */
		w.date_hi = 0;
	}
	w.has_currency = Next(st) % 4 != 0;
	w.currency = (Next(st) % 3 && near->currency) ? near->currency :
		inno_currency_by_index((int) (Next(st) % (uint64_t) inno_currency_count()))->numeric;
	w.has_amount = w.has_currency && Next(st) % 3 != 0;
	w.amt_lo = Near(st, near->low > 0 ? near->low : 5);
	w.amt_hi = Near(st, near->high > 0 && near->high != INNO_FR_OPEN_HIGH ? near->high : near->low);
	if (Next(st) % 4 == 0)
	{
		int64_t		t = w.amt_lo;

		w.amt_lo = w.amt_hi;
		w.amt_hi = t;
	}
	return w;
}

/* The key never loses a match. */
TEST(keys_decide_like_the_rule)
{
	uint64_t	st = 2024;
	int			trial,
				decided = 0;

	for (trial = 0; trial < 200000; trial++)
	{
		InnoFundingRound rs[6];
		InnoFrKey	keys[6],
					u;
		InnoFrWindow w;
		InnoFrKeyQuery q;
		bool		any = false;
		int			i;

		inno_frkey_empty(&u);
		for (i = 0; i < 6; i++)
		{
			rs[i] = RandomRound(&st);
			inno_frkey_from_round(&rs[i], &keys[i]);
			inno_frkey_union(&u, &keys[i]);
		}
		w = RandomWindow(&st, &rs[0]);
		inno_frkey_query(&w, &q);
		for (i = 0; i < 6; i++)
		{
			bool		match = inno_frwindow_matches(&w, &rs[i]);
			bool		may = inno_frkey_may_match(&q, &keys[i]);

			any |= match;
			CHECK_MSG(!match || may, "trial %d round %d: the key of a matching round excludes it", trial, i);
			decided += match || !may;
		}
		if (any)
			CHECK_MSG(inno_frkey_may_match(&q, &u), "trial %d: union", trial);
		/* a union covers its parts */
		for (i = 0; i < 6; i++)
			CHECK(inno_frkey_penalty(&u, &keys[i]) == 0.0);
	}
	/* the key of one round excludes nearly every window that misses it, even on these edges */
	CHECK_MSG(decided > 6 * 200000 * 8 / 10, "decided %d", decided);
}

TEST(keys_exclude_what_they_can)
{
	InnoFundingRound fr;
	InnoFrKey	k;
	InnoFrWindow w;
	InnoFrKeyQuery q;

	memset(&fr, 0, sizeof(fr));
	fr.flags = INNO_FR_VERSION_1 | INNO_FR_DATE_DAY | INNO_FR_DISCLOSED;
	fr.announced = inno_days_from_ymd(2023, 6, 15);
	fr.low = fr.point = fr.high = INT64_C(5000000000);	/* 5000万元 */
	fr.currency = 156;
	inno_frkey_from_round(&fr, &k);
	memset(&w, 0, sizeof(w));
	w.has_date = w.has_amount = w.has_currency = true;
	w.currency = 156;
	w.date_lo = inno_days_from_ymd(2023, 6, 1);
	w.date_hi = inno_days_from_ymd(2023, 6, 30);
	w.amt_lo = INT64_C(1000000000);
	w.amt_hi = INT64_C(10000000000);
	inno_frkey_query(&w, &q);
	CHECK(inno_frkey_may_match(&q, &k));
	w.date_hi = inno_days_from_ymd(2023, 6, 14);
	inno_frkey_query(&w, &q);
	CHECK(!inno_frkey_may_match(&q, &k));
	w.date_hi = inno_days_from_ymd(2023, 6, 30);
	w.currency = 840;
	inno_frkey_query(&w, &q);
	CHECK(!inno_frkey_may_match(&q, &k));
	w.currency = 156;
	w.amt_lo = INT64_C(5000000001);
	inno_frkey_query(&w, &q);
	CHECK(!inno_frkey_may_match(&q, &k));	/* 5e9 is exact in a float */
	/* dates beyond the int16 range count as "later" */
	fr.announced = inno_days_from_ymd(2150, 1, 1);
	inno_frkey_from_round(&fr, &k);
	CHECK(k.date_hi == INNO_FRKEY_DAY_MAX);
	w.amt_lo = 1;
	w.date_lo = inno_days_from_ymd(2149, 1, 1);
	w.date_hi = INT32_MAX;
	inno_frkey_query(&w, &q);
	CHECK(inno_frkey_may_match(&q, &k));
	w.date_hi = inno_days_from_ymd(2080, 1, 1);
	inno_frkey_query(&w, &q);
	CHECK(!inno_frkey_may_match(&q, &k));
}

TEST(split_and_pack)
{
	uint64_t	st = 77;
	InnoFrKey	keys[600];
	uint8_t		side[600];
	InnoFrKeySplitItem items[600];
	InnoFrKey	unions[1200];
	uint16_t	bytes28[600],
				mixed[600];
	int			trial,
				i;

	for (i = 0; i < 600; i++)
	{
		bytes28[i] = 28;
		mixed[i] = (uint16_t) (20 + 8 * (Next(&st) % 3));
	}
	for (trial = 0; trial < 200; trial++)
	{
		int			n = 2 + (int) (Next(&st) % 300);
		int			nl = 0;

		for (i = 0; i < n; i++)
		{
			InnoFundingRound fr = RandomRound(&st);

			inno_frkey_from_round(&fr, &keys[i]);
		}
		inno_frkey_split(keys, bytes28, n, 291 * 28, side, items, unions);
		for (i = 0; i < n; i++)
			nl += side[i] == 0;
		CHECK(nl > 0 && nl < n);
		if (n >= 4 && n < 2 * 291)
			CHECK_MSG(nl >= n * 35 / 100 && nl <= n - n * 35 / 100, "n %d left %d", n, nl);
	}
	/* two pages or more: one full page to the left */
	for (i = 0; i < 600; i++)
	{
		InnoFundingRound fr = RandomRound(&st);

		inno_frkey_from_round(&fr, &keys[i]);
	}
	inno_frkey_split(keys, bytes28, 600, 100 * 28, side, items, unions);
	{
		int			nl = 0;

		for (i = 0; i < 600; i++)
			nl += side[i] == 0;
		CHECK_INT(nl, 100);
	}
	inno_frkey_split(keys, bytes28, 450, 100 * 28, side, items, unions);
	{
		int			nl = 0;

		for (i = 0; i < 450; i++)
			nl += side[i] == 0;
		CHECK_INT(nl, 100);
	}
	/* keys of several sizes: the left side fills its page, less than a key short */
	{
		size_t		room = 100 * 28,
					total = 0,
					left = 0;
		inno_frkey_split(keys, mixed, 600, room, side, items, unions);
		for (i = 0; i < 600; i++)
		{
			total += mixed[i];
			if (side[i] == 0)
				left += mixed[i];
		}
		CHECK_MSG(left <= room && left > room - 36, "left %zu of %zu", left, total);
		/* 1.5 pages: each side fits a page */
		inno_frkey_split(keys, mixed, 600, total * 2 / 3, side, items, unions);
		left = 0;
		for (i = 0; i < 600; i++)
			if (side[i] == 0)
				left += mixed[i];
		CHECK_MSG(left <= total * 2 / 3 && total - left <= total * 2 / 3, "left %zu of %zu", left, total);
	}
}

TEST(hilbert_curve)
{
	bool		seen[1024];
	uint32_t	x,
				y;
	uint32_t	px[1024],
				py[1024];
	int			i;

	memset(seen, 0, sizeof(seen));
	for (x = 0; x < 32; x++)
		for (y = 0; y < 32; y++)
		{
			uint64_t	d = inno_hilbert_index(x, y, 5);

			CHECK(d < 1024);
			if (d < 1024)
			{
				CHECK(!seen[d]);
				seen[d] = true;
				px[d] = x;
				py[d] = y;
			}
		}
	/* consecutive positions are neighbouring cells */
	for (i = 1; i < 1024; i++)
	{
		uint32_t	dx = px[i] > px[i - 1] ? px[i] - px[i - 1] : px[i - 1] - px[i];
		uint32_t	dy = py[i] > py[i - 1] ? py[i] - py[i - 1] : py[i - 1] - py[i];

		CHECK_MSG(dx + dy == 1, "step %d", i);
	}
	CHECK(inno_hilbert_index(0, 0, 26) == 0);
	CHECK(inno_hilbert_index((1u << 26) - 1, 0, 26) == (UINT64_C(1) << 52) - 1);
}

TEST(curve_groups)
{
	InnoFundingRound fr;
	InnoFrKey	cny,
				usd,
				undated,
				undisclosed;

	memset(&fr, 0, sizeof(fr));
	fr.flags = INNO_FR_VERSION_1 | INNO_FR_DATE_DAY | INNO_FR_DISCLOSED;
	fr.announced = 8000;
	fr.low = fr.point = fr.high = 100000000;
	fr.currency = 840;
	inno_frkey_from_round(&fr, &usd);
	fr.currency = 156;
	fr.low = fr.point = fr.high = INT64_C(90000000000000);
	inno_frkey_from_round(&fr, &cny);
	fr.flags &= (uint8_t) ~INNO_FR_DATE_MASK;
	inno_frkey_from_round(&fr, &undated);
	fr.flags = INNO_FR_VERSION_1 | INNO_FR_DATE_DAY;
	inno_frkey_from_round(&fr, &undisclosed);
	/* currency first, then dated before undated, disclosed before not */
	CHECK(inno_frkey_curve(&cny) < inno_frkey_curve(&usd));
	CHECK(inno_frkey_curve(&cny) < inno_frkey_curve(&undisclosed));
	CHECK(inno_frkey_curve(&undisclosed) < inno_frkey_curve(&undated));
	/* one figure before ranges before open amounts, whatever the date */
	{
		InnoFrKey	day,
					month,
					year,
					range,
					open;

		memset(&fr, 0, sizeof(fr));
		fr.flags = INNO_FR_VERSION_1 | INNO_FR_DATE_YEAR | INNO_FR_DISCLOSED;
		fr.announced = inno_days_from_ymd(2020, 1, 1);
		fr.low = fr.point = fr.high = 100000000;
		fr.currency = 156;
		inno_frkey_from_round(&fr, &year);
		fr.flags = INNO_FR_VERSION_1 | INNO_FR_DATE_MONTH | INNO_FR_DISCLOSED;
		inno_frkey_from_round(&fr, &month);
		fr.flags = INNO_FR_VERSION_1 | INNO_FR_DATE_DAY | INNO_FR_DISCLOSED;
		fr.announced = inno_days_from_ymd(2026, 1, 1);	/* later, yet first */
		inno_frkey_from_round(&fr, &day);
		fr.announced = inno_days_from_ymd(2020, 1, 1);
		fr.high = 150000000;
		inno_frkey_from_round(&fr, &range);
		fr.flags |= INNO_FR_OPEN;
		fr.high = INNO_FR_OPEN_HIGH;
		inno_frkey_from_round(&fr, &open);
		CHECK(inno_frkey_curve(&day) < inno_frkey_curve(&range));
		CHECK(inno_frkey_curve(&month) < inno_frkey_curve(&range));
		CHECK(inno_frkey_curve(&year) < inno_frkey_curve(&range));
		CHECK(inno_frkey_curve(&range) < inno_frkey_curve(&open));
		CHECK(inno_frkey_curve(&year) < inno_frkey_curve(&usd));
	}
}

/* Stored leaves give back their rounds bytewise; inner keys their boxes. */
TEST(stored_keys_round_trip)
{
	uint64_t	st = 77;
	uint8_t		buf[INNO_FRKEY_STORED_MAX];
	InnoFundingRound fr,
				back;
	InnoFrKey	box,
				box2;
	size_t		n;
	int			trial;

	for (trial = 0; trial < 200000; trial++)
	{
		fr = RandomRound(&st);
		n = inno_frkey_write_leaf(&fr, buf);
		CHECK(n >= 3 && n <= 1 + sizeof(fr));
		CHECK(inno_frkey_read(buf, n, &box, &back) == INNO_FRKEY_LEAF);
		CHECK_MSG(memcmp(&back, &fr, sizeof(fr)) == 0, "trial %d", trial);
		/* every shorter or longer run of the bytes is refused */
		CHECK(inno_frkey_read(buf, n - 1 - Next(&st) % n, &box, &back) == INNO_FRKEY_BAD);
		buf[n] = (uint8_t) Next(&st);
		CHECK(inno_frkey_read(buf, n + 1, &box, &back) == INNO_FRKEY_BAD);
		inno_frkey_from_round(&fr, &box);
		n = inno_frkey_write_inner(&box, buf);
		CHECK(inno_frkey_read(buf, n, &box2, &back) == INNO_FRKEY_INNER && inno_frkey_equal(&box, &box2));
	}
	/* a round of the article: a point amount in CNY, a day in 2023: 8 bytes */
	memset(&fr, 0, sizeof(fr));
	fr.kind = 1;
	fr.flags = INNO_FR_VERSION_1 | INNO_FR_DATE_DAY | INNO_FR_DISCLOSED;
	fr.currency = 156;
	fr.announced = inno_days_from_ymd(2023, 3, 31);
	fr.low = fr.point = fr.high = INT64_C(4182000000);
	CHECK(inno_frkey_write_leaf(&fr, buf) == 8);
	/* open above, and the largest amount */
	fr.flags |= INNO_FR_OPEN;
	fr.high = INNO_FR_OPEN_HIGH;
	n = inno_frkey_write_leaf(&fr, buf);
	CHECK(inno_frkey_read(buf, n, &box, &back) == INNO_FRKEY_LEAF && memcmp(&back, &fr, sizeof(fr)) == 0);
	fr.flags &= (uint8_t) ~INNO_FR_OPEN;
	fr.low = 0;
	fr.point = fr.high = INNO_FR_AMOUNT_MAX;
	n = inno_frkey_write_leaf(&fr, buf);
	CHECK(inno_frkey_read(buf, n, &box, &back) == INNO_FRKEY_LEAF && memcmp(&back, &fr, sizeof(fr)) == 0);
	/* what the compact form cannot give back is kept raw */
	fr.flags = 0;
	n = inno_frkey_write_leaf(&fr, buf);
	CHECK(n == 1 + sizeof(fr) && buf[0] == INNO_FRKEY_RAW_TAG);
	CHECK(inno_frkey_read(buf, n, &box, &back) == INNO_FRKEY_LEAF && memcmp(&back, &fr, sizeof(fr)) == 0);
	/* random bytes read as a key or refused, never past their end */
	for (trial = 0; trial < 200000; trial++)
	{
		int			i;

		n = (size_t) (Next(&st) % sizeof(buf));
		for (i = 0; i < (int) n; i++)
			buf[i] = (uint8_t) Next(&st);
		(void) inno_frkey_read(buf, n, &box, &back);
	}
}

UNIT_SUITE(frkey_suite,
		   UNIT_CASE(currency_bits),
		   UNIT_CASE(float_bounds),
		   UNIT_CASE(keys_decide_like_the_rule),
		   UNIT_CASE(keys_exclude_what_they_can),
		   UNIT_CASE(stored_keys_round_trip),
		   UNIT_CASE(split_and_pack),
		   UNIT_CASE(hilbert_curve),
		   UNIT_CASE(curve_groups));
