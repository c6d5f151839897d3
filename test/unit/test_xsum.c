/*
 * test_xsum.c
 *	  Unit tests for exact double sums.
 */
#include "suites.h"
#include "xsum.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>

static double
SumOf(const double *xs, int n)
{
	InnoExactSum s;
	int			i;

	inno_xsum_init(&s);
	for (i = 0; i < n; i++)
		inno_xsum_add(&s, xs[i]);
	return inno_xsum_to_double(&s);
}

static const char *
TextOf(const InnoExactSum *s)
{
	static char buf[INNO_XSUM_TEXT_MAX];

	inno_xsum_format(s, buf, sizeof(buf));
	return buf;
}

/* deterministic pseudo-random doubles of wildly different magnitudes */
static double
Noise(uint64_t *state)
{
	uint64_t	x;

	*state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
	x = *state >> 11;
	return ldexp((double) (x & ((1ULL << 40) - 1)), (int) (x >> 40) % 120 - 60) * ((x >> 52) & 1 ? -1 : 1);
}

TEST(exact_small_cases)
{
	double		tenths[10] = {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1};
	double		cancel[3] = {1e300, 1.0, -1e300};
	double		tiny[2] = {DBL_MAX, -DBL_MAX};
	double		sub[2] = {4.9406564584124654e-324, 4.9406564584124654e-324};

	CHECK(SumOf(tenths, 10) == 1.0);	/* the exact sum rounds to 1, unlike naive addition */
	CHECK(SumOf(cancel, 3) == 1.0);
	CHECK(SumOf(tiny, 2) == 0.0);
	CHECK(SumOf(sub, 2) == 2 * 4.9406564584124654e-324);
	CHECK(SumOf(NULL, 0) == 0.0);
	{
		double		one[1] = {-123.456};

		CHECK(SumOf(one, 1) == -123.456);
	}
}

TEST(order_does_not_matter)
{
	InnoExactSum a,
				b,
				c,
				d;
	double		xs[2000];
	uint64_t	st = 42;
	int			i;

	for (i = 0; i < 2000; i++)
		xs[i] = Noise(&st);
	inno_xsum_init(&a);
	inno_xsum_init(&b);
	inno_xsum_init(&c);
	inno_xsum_init(&d);
	for (i = 0; i < 2000; i++)
		inno_xsum_add(&a, xs[i]);
	for (i = 1999; i >= 0; i--)
		inno_xsum_add(&b, xs[i]);
	/* two halves merged, as parallel workers would */
	for (i = 0; i < 2000; i += 2)
		inno_xsum_add(&c, xs[i]);
	for (i = 1; i < 2000; i += 2)
		inno_xsum_add(&d, xs[i]);
	inno_xsum_merge(&c, &d);
	inno_xsum_normalize(&a);
	inno_xsum_normalize(&b);
	inno_xsum_normalize(&c);
	CHECK(memcmp(&a, &b, sizeof(a)) == 0);
	CHECK(memcmp(&a, &c, sizeof(a)) == 0);
	CHECK(inno_xsum_to_double(&a) == inno_xsum_to_double(&b));
}

TEST(text_round_trip)
{
	InnoExactSum s,
				back;
	InnoError	err;
	uint64_t	st = 7;
	int			i;

	inno_xsum_init(&s);
	CHECK_STR(TextOf(&s), "0");
	inno_xsum_add(&s, 1.5);
	CHECK_STR(TextOf(&s), "0x3p-1");
	inno_xsum_add(&s, -3.0);
	CHECK_STR(TextOf(&s), "-0x3p-1");
	for (i = 0; i < 500; i++)
	{
		const char *t;

		inno_xsum_add(&s, Noise(&st));
		t = TextOf(&s);
		CHECK(inno_xsum_parse(t, strlen(t), &back, &err) == INNO_OK);
		inno_xsum_normalize(&s);
		CHECK_MSG(memcmp(&s, &back, sizeof(s)) == 0, "%s", t);
	}
	inno_xsum_init(&s);
	inno_xsum_add(&s, DBL_MAX);
	inno_xsum_add(&s, 4.9406564584124654e-324);
	{
		const char *t = TextOf(&s);

		CHECK(inno_xsum_parse(t, strlen(t), &back, &err) == INNO_OK);
		inno_xsum_normalize(&s);
		CHECK(memcmp(&s, &back, sizeof(s)) == 0);
	}
}

TEST(parse_rejects)
{
	InnoExactSum s;
	InnoError	err;
	const char *bad[] = {"", "1", "0x", "0xp1", "0x1", "0x1p", "0xgp1", "0x1p1x", "x1p1",
	"0x1p-99999999", "0x1p+5000", "--0x1p1"};
	size_t		i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK_MSG(inno_xsum_parse(bad[i], strlen(bad[i]), &s, &err) != INNO_OK, "\"%s\"", bad[i]);
}

/*
 * Found by fuzzing: the largest values the reader accepts must also be read
 * back after writing.  Writing makes the mantissa odd, which can leave a top
 * hex digit of 1 at a higher nibble; the range check once counted every
 * digit as four bits wide and refused the written form.
 */
TEST(widest_values_round_trip)
{
	char		in[300];
	InnoExactSum x,
				y;
	InnoError	err;
	const char *t;
	int			i;

	/*
	 * 264 hex digits at exponent 0 fill every limb below the sign limb; the
	 * even last digit makes the writer shift the mantissa and the exponent
	 */
	strcpy(in, "-0x");
	for (i = 0; i < 264; i++)
		in[3 + i] = i == 263 ? 'e' : '3';
	strcpy(in + 3 + 264, "p-0");
	CHECK(inno_xsum_parse(in, strlen(in), &x, &err) == INNO_OK);
	t = TextOf(&x);
	CHECK_MSG(inno_xsum_parse(t, strlen(t), &y, &err) == INNO_OK, "%s", err.detail);
	CHECK(memcmp(&x, &y, sizeof(x)) == 0);
	/* one more digit is beyond the range */
	in[2] = 'x';
	memmove(in + 4, in + 3, strlen(in + 3) + 1);
	in[3] = '3';
	CHECK(inno_xsum_parse(in, strlen(in), &x, &err) == INNO_ERR_RANGE);
}

/*
 * The documented range, |sum| < 2^1056: the sign limb is 0, or -1 over
 * non-zero lower limbs.  Values outside it (only a corrupt input holds
 * them) give wrong answers but must not overflow a signed integer: UBSan
 * stops the run if they do.
 */
TEST(range_and_corrupt_sign_limbs)
{
	InnoExactSum s,
				t;
	InnoError	err;
	char		buf[INNO_XSUM_TEXT_MAX];
	int64_t		tops[] = {1, -2, INT64_MAX, INT64_MIN, INT64_MIN + 1};
	size_t		i;

	inno_xsum_init(&s);
	CHECK(inno_xsum_in_range(&s));
	s.limb[INNO_XSUM_LIMBS - 1] = -1;	/* -2^1056 */
	CHECK(!inno_xsum_in_range(&s));
	s.limb[0] = 1;				/* -2^1056 + 2^-1088: the most negative in range, and its text reads back */
	CHECK(inno_xsum_in_range(&s));
	CHECK(inno_xsum_format(&s, buf, sizeof(buf)) > 0);
	CHECK_MSG(inno_xsum_parse(buf, strlen(buf), &t, &err) == INNO_OK, "%s", buf);
	CHECK(memcmp(&s, &t, sizeof(s)) == 0);
	CHECK(inno_xsum_to_double(&s) == -INFINITY);
	for (i = 0; i < sizeof(tops) / sizeof(tops[0]); i++)
	{
		inno_xsum_init(&s);
		inno_xsum_add(&s, 3.0);
		inno_xsum_normalize(&s);
		s.limb[INNO_XSUM_LIMBS - 1] = tops[i];
		CHECK(!inno_xsum_in_range(&s));
		(void) inno_xsum_to_double(&s);
		(void) inno_xsum_div_to_double(&s, 3);
		(void) inno_xsum_format(&s, buf, sizeof(buf));
		t = s;
		inno_xsum_merge(&t, &s);
		inno_xsum_normalize(&t);
		inno_xsum_merge(&t, &s);
		(void) inno_xsum_to_double(&t);
	}
}

/* x, n times over (n a power of two, by doubling) */
static void
Copies(InnoExactSum *s, double x, uint64_t n)
{
	inno_xsum_init(s);
	inno_xsum_add(s, x);
	for (; n > 1; n /= 2)
	{
		InnoExactSum t = *s;

		inno_xsum_merge(s, &t);
		inno_xsum_normalize(s);
	}
}

static double
DivOf(const double *xs, int n, uint64_t by)
{
	InnoExactSum s;
	int			i;

	inno_xsum_init(&s);
	for (i = 0; i < n; i++)
		inno_xsum_add(&s, xs[i]);
	return inno_xsum_div_to_double(&s, by);
}

/* The sum divided by a count, rounded once: exact when it can be, ties to even, subnormals too. */
TEST(division_rounds_once)
{
	double		xs[] = {DBL_MAX, -DBL_MAX, 1e300, 0.1, -123.456, 1.0, DBL_MIN, 1e-310, 0x1p-1074, 0x1.8p-1072};
	uint64_t	ns[] = {1, 2, 4, 1024, UINT64_C(1) << 32};
	double		u = 0x1p-1074;
	size_t		i,
				j;

	/* the mean of n copies of x is x, for every magnitude */
	for (i = 0; i < sizeof(xs) / sizeof(xs[0]); i++)
		for (j = 0; j < sizeof(ns) / sizeof(ns[0]); j++)
		{
			InnoExactSum s;

			Copies(&s, xs[i], ns[j]);
			CHECK_MSG(inno_xsum_div_to_double(&s, ns[j]) == xs[i], "x=%g n=%llu got %.17g", xs[i],
					  (unsigned long long) ns[j], inno_xsum_div_to_double(&s, ns[j]));
		}
	CHECK(DivOf((const double[]) {DBL_MAX, DBL_MAX, DBL_MAX}, 3, 3) == DBL_MAX);
	CHECK(DivOf((const double[]) {DBL_MAX, DBL_MAX, -DBL_MAX}, 3, 2) == DBL_MAX / 2);
	/* subnormal quotients: 3/2, 5/2, 7/2, 1/2, 2/3, 1/3 and 3/4 units */
	CHECK(DivOf((const double[]) {3 * u}, 1, 2) == 2 * u);
	CHECK(DivOf((const double[]) {5 * u}, 1, 2) == 2 * u);
	CHECK(DivOf((const double[]) {7 * u}, 1, 2) == 4 * u);
	CHECK(DivOf((const double[]) {u}, 1, 2) == 0);
	CHECK(DivOf((const double[]) {-2 * u}, 1, 3) == -u);
	CHECK(DivOf((const double[]) {u}, 1, 3) == 0);
	CHECK(DivOf((const double[]) {3 * u}, 1, 4) == u);
	CHECK(DivOf((const double[]) {DBL_MIN, u}, 2, 1) == DBL_MIN + u);
	/* ties and the bits below them: 2^53 + 1 is a tie, a remainder breaks it */
	CHECK(DivOf((const double[]) {0x1p54, 2}, 2, 2) == 0x1p53);
	CHECK(DivOf((const double[]) {0x1p54, 3}, 2, 2) == 0x1p53 + 2);
	CHECK(DivOf((const double[]) {0x1p54, 2, u}, 3, 2) == 0x1p53 + 2);
	CHECK(DivOf((const double[]) {0x1p54, 6}, 2, 4) == 0x1p52 + 2);
	CHECK(DivOf((const double[]) {1.0}, 1, INT64_MAX) == 0x1p-63);
	CHECK(DivOf((const double[]) {-1.0}, 1, 3) == -1.0 / 3);
	CHECK(DivOf(NULL, 0, 5) == 0.0);
}

TEST(scaled_additions_and_sign)
{
	InnoExactSum s;
	int			k;

	/* 1.25 x 2^k for every k below 63 adds up exactly; the sign reads the result */
	inno_xsum_init(&s);
	CHECK(inno_xsum_sign(&s) == 0);
	for (k = 0; k < 63; k++)
		CHECK(inno_xsum_add_scaled(&s, 1.25, k));
	/* the sum is 1.25 (2^63 - 1) */
	CHECK(inno_xsum_add_scaled(&s, -1.25, 63));
	inno_xsum_add(&s, 1.25);
	inno_xsum_normalize(&s);
	CHECK(inno_xsum_sign(&s) == 0);
	CHECK(inno_xsum_add_scaled(&s, -DBL_MIN, 3));
	inno_xsum_normalize(&s);
	CHECK(inno_xsum_sign(&s) == -1);
	/* DBL_MAX x 2^100 is beyond the limbs: refused, nothing added */
	inno_xsum_init(&s);
	CHECK(!inno_xsum_add_scaled(&s, DBL_MAX, 100));
	CHECK(!inno_xsum_add_scaled(&s, 1.0, -1));
	inno_xsum_normalize(&s);
	CHECK(inno_xsum_sign(&s) == 0);
	CHECK(inno_xsum_add_scaled(&s, DBL_MAX, 20));
	inno_xsum_normalize(&s);
	CHECK(inno_xsum_sign(&s) == 1);
}

UNIT_SUITE(xsum_suite,
		   UNIT_CASE(exact_small_cases),
		   UNIT_CASE(order_does_not_matter),
		   UNIT_CASE(text_round_trip),
		   UNIT_CASE(parse_rejects),
		   UNIT_CASE(widest_values_round_trip),
		   UNIT_CASE(range_and_corrupt_sign_limbs),
		   UNIT_CASE(division_rounds_once),
		   UNIT_CASE(scaled_additions_and_sign));
