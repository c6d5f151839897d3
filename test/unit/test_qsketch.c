/*
 * test_qsketch.c
 *	  Unit tests for the quantile sketch: accuracy against
 *	  exact quantiles, order-independent merging and collapsing, text and
 *	  binary round trips, and validation.
 */
#include "suites.h"
#include "qsketch.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>

#define CAP 5000

static InnoQSketch *
NewSketch(int accuracy, int max_bins)
{
	InnoQSketch *s = malloc(INNO_QS_SIZE(CAP));
	InnoError	err;

	if (inno_qs_init(s, accuracy, max_bins, &err) != INNO_OK)
		abort();
	return s;
}

static void
AddAll(InnoQSketch *s, const double *xs, int n)
{
	int			i;

	for (i = 0; i < n; i++)
		if (inno_qs_add(s, CAP, xs[i]) != INNO_OK)
			abort();
}

/* deterministic log-uniform values over [1e-3, 1e9], with some negatives and zeros */
static void
Fill(double *xs, int n, uint64_t seed, bool signed_values)
{
	int			i;

	for (i = 0; i < n; i++)
	{
		double		u;

		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		u = (double) (seed >> 11) / 9007199254740992.0;
		xs[i] = pow(10.0, -3.0 + 12.0 * u);
		if (signed_values && (seed >> 7) % 5 == 0)
			xs[i] = -xs[i];
		if (signed_values && (seed >> 9) % 50 == 0)
			xs[i] = 0.0;
	}
}

static int
CompareDoubles(const void *a, const void *b)
{
	double		x = *(const double *) a,
				y = *(const double *) b;

	return (x > y) - (x < y);
}

static size_t
SizeOf(const InnoQSketch *s)
{
	return INNO_QS_SIZE(inno_qs_nbins(s));
}

TEST(quantiles_within_accuracy)
{
	enum
	{
	N = 20000};
	double	   *xs = malloc(sizeof(double) * N);
	double	   *sorted = malloc(sizeof(double) * N);
	InnoQSketch *s = NewSketch(3, inno_qs_default_max_bins(3));
	double		qs[] = {0, 0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 0.999, 1};
	size_t		i;

	Fill(xs, N, 1, true);
	AddAll(s, xs, N);
	memcpy(sorted, xs, sizeof(double) * N);
	qsort(sorted, N, sizeof(double), CompareDoubles);
	CHECK(s->count == N);
	CHECK(s->min == sorted[0] && s->max == sorted[N - 1]);
	for (i = 0; i < sizeof(qs) / sizeof(qs[0]); i++)
	{
		double		want = ceil(qs[i] * N);
		double		exact = sorted[want < 1 ? 0 : (int) want - 1];	/* percentile_disc */
		double		got = inno_qs_quantile(s, qs[i]);

		CHECK_MSG(exact == 0 ? got == 0 : fabs(got - exact) <= 0.01 * fabs(exact),
				  "q=%g exact %.17g got %.17g", qs[i], exact, got);
	}
	CHECK(isnan(inno_qs_quantile(s, 1.5)));
	free(xs);
	free(sorted);
	free(s);
}

TEST(merge_equals_serial_in_any_order)
{
	enum
	{
	N = 6000};
	double	   *xs = malloc(sizeof(double) * N);
	int			max_bins;

	Fill(xs, N, 99, true);
	for (max_bins = 16; max_bins <= 2048; max_bins *= 128)
	{
		InnoQSketch *serial = NewSketch(3, max_bins);
		InnoQSketch *reversed = NewSketch(3, max_bins);
		InnoQSketch *a = NewSketch(3, max_bins);
		InnoQSketch *b = NewSketch(3, max_bins);
		InnoQSketch *merged = malloc(INNO_QS_SIZE(CAP));
		InnoError	err;
		int			i;

		AddAll(serial, xs, N);
		for (i = N - 1; i >= 0; i--)
			inno_qs_add(reversed, CAP, xs[i]);
		for (i = 0; i < N; i++)
			inno_qs_add(i % 3 ? a : b, CAP, xs[i]);
		CHECK(inno_qs_merge(merged, a, b, &err) == INNO_OK);
		inno_xsum_normalize(&serial->sum);
		inno_xsum_normalize(&reversed->sum);
		CHECK_INT(inno_qs_nbins(serial), inno_qs_nbins(merged));
		CHECK(memcmp(serial, reversed, SizeOf(serial)) == 0);
		CHECK(memcmp(serial, merged, SizeOf(serial)) == 0);
		CHECK(max_bins > 16 || (serial->flags & INNO_QS_COLLAPSED_POS));
		CHECK(inno_qs_validate(serial, SizeOf(serial), &err) == INNO_OK);
		free(serial);
		free(reversed);
		free(a);
		free(b);
		free(merged);
	}
	free(xs);
}

TEST(merge_rejects_different_parameters)
{
	InnoQSketch *a = NewSketch(3, 2048);
	InnoQSketch *b = NewSketch(2, 2048);
	InnoQSketch *c = NewSketch(3, 1024);
	InnoQSketch *d = malloc(INNO_QS_SIZE(CAP));
	InnoError	err;

	/* an empty sketch is the identity of merging, whatever its parameters */
	CHECK(inno_qs_merge(d, a, b, &err) == INNO_OK && d->count == 0 && d->accuracy == 2);
	CHECK(inno_qs_merge(d, b, a, &err) == INNO_OK && d->count == 0 && d->accuracy == 2);
	CHECK(inno_qs_add(c, CAP, 5.0) == INNO_OK);
	CHECK(inno_qs_merge(d, a, c, &err) == INNO_OK && d->count == 1 && d->max_bins == 1024);
	CHECK(inno_qs_add(a, CAP, 1.0) == INNO_OK);
	CHECK(inno_qs_add(b, CAP, 1.0) == INNO_OK);
	CHECK(inno_qs_merge(d, a, b, &err) == INNO_ERR_PARAM);
	CHECK(inno_qs_merge(d, a, c, &err) == INNO_ERR_PARAM);
	CHECK(strstr(err.detail, "max_bins") != NULL);
	free(a);
	free(b);
	free(c);
	free(d);
}

TEST(add_needs_room_and_rejects_non_finite)
{
	InnoQSketch *s = malloc(INNO_QS_SIZE(1));
	InnoError	err;

	inno_qs_init(s, 3, 16, &err);
	CHECK(inno_qs_add(s, 1, 5.0) == INNO_OK);
	CHECK(inno_qs_add(s, 1, 5.0) == INNO_OK);	/* same bucket: no room needed */
	CHECK(inno_qs_add(s, 1, 500.0) == INNO_ERR_RANGE);
	CHECK(s->count == 2);
	CHECK(inno_qs_add(s, 1, NAN) == INNO_ERR_PARAM);
	CHECK(inno_qs_add(s, 1, INFINITY) == INNO_ERR_PARAM);
	CHECK(inno_qs_add(s, 1, -0.0) == INNO_OK);
	CHECK(s->min == 0.0 && !signbit(s->min));
	CHECK(inno_qs_mean(s) == 10.0 / 3.0);
	free(s);
}

TEST(text_and_binary_round_trip)
{
	enum
	{
	N = 3000};
	double	   *xs = malloc(sizeof(double) * N);
	InnoQSketch *s = NewSketch(1, 64);
	InnoQSketch *empty = NewSketch(3, inno_qs_default_max_bins(3));
	InnoQSketch *sketches[2];
	int			k;

	Fill(xs, N, 5, true);
	AddAll(s, xs, N);
	inno_xsum_normalize(&s->sum);
	sketches[0] = s;
	sketches[1] = empty;
	for (k = 0; k < 2; k++)
	{
		InnoQSketch *x = sketches[k];
		size_t		tlen = inno_qs_text_size(x);
		char	   *text = malloc(tlen);
		uint32_t	nbins = 0;
		InnoQSketch *back;
		InnoError	err;
		uint8_t    *bin;

		CHECK(inno_qs_format(x, text, tlen) > 0);
		CHECK(inno_qs_parse(text, strlen(text), NULL, &nbins, &err) == INNO_OK);
		CHECK_INT(nbins, inno_qs_nbins(x));
		back = malloc(INNO_QS_SIZE(nbins));
		CHECK_MSG(inno_qs_parse(text, strlen(text), back, &nbins, &err) == INNO_OK, "%s", err.detail);
		CHECK(memcmp(back, x, SizeOf(x)) == 0);
		bin = malloc(inno_qs_binary_size(x));
		inno_qs_encode_binary(x, bin);
		memset(back, 0xAA, INNO_QS_SIZE(nbins));
		CHECK(inno_qs_decode_binary(bin, inno_qs_binary_size(x), back, &nbins, &err) == INNO_OK);
		CHECK(memcmp(back, x, SizeOf(x)) == 0);
		free(text);
		free(back);
		free(bin);
	}
	free(xs);
	free(s);
	free(empty);
}

TEST(validation_rejects_corruption)
{
	double		xs[] = {1, 2, 3, 100, -5, 0};
	InnoQSketch *s = NewSketch(3, 16);
	InnoQSketch *c = malloc(INNO_QS_SIZE(CAP));
	InnoError	err;
	size_t		size;

	AddAll(s, xs, 6);
	inno_xsum_normalize(&s->sum);
	size = SizeOf(s);
	CHECK(inno_qs_validate(s, size, &err) == INNO_OK);
#define CORRUPT(stmt) do { memcpy(c, s, size); stmt; CHECK(inno_qs_validate(c, size, &err) == INNO_ERR_CORRUPT); } while (0)
	CORRUPT(c->version = 2);
	CORRUPT(c->accuracy = 9);
	CORRUPT(c->flags = 0x80);
	CORRUPT(c->count++);
	CORRUPT(c->zeros++);
	CORRUPT(c->bins[0].count = 0);
	CORRUPT(c->bins[c->nneg].index = c->bins[c->nneg + 1].index);
	CORRUPT(c->min = 7);
	CORRUPT(c->max = NAN);
	CORRUPT(c->sum.pending = 1);
	CORRUPT(c->sum.limb[3] = -1);
	CORRUPT(c->pad = 1);
	CHECK(inno_qs_validate(s, size + 1, &err) == INNO_ERR_CORRUPT);
	CHECK(inno_qs_validate(s, 10, &err) == INNO_ERR_CORRUPT);
	free(s);
	free(c);
}

/* ---- issue 10: extreme magnitudes, counts, sums and bin indexes ---- */

/* |got - exact| within alpha |exact|, plus half the smallest subnormal below DBL_MIN */
static bool
Within(double got, double exact, double alpha)
{
	if (isnan(got) || isinf(got))
		return false;
	if (fabs(exact) < DBL_MIN)
		return fabs(ldexp(got, 1074) - ldexp(exact, 1074)) <= alpha * ldexp(fabs(exact), 1074) + 0.5;
	return fabs(got - exact) <= alpha * fabs(exact);
}

/* every percentile_disc(i / 20) of xs within the accuracy */
static void
CheckQuantiles(const double *xs, int n, int code)
{
	InnoQSketch *s = NewSketch(code, inno_qs_default_max_bins(code));
	double	   *sorted = malloc(sizeof(double) * (size_t) n);
	double		alpha = inno_qs_accuracy_value(code);
	int			i;

	AddAll(s, xs, n);
	memcpy(sorted, xs, sizeof(double) * (size_t) n);
	qsort(sorted, (size_t) n, sizeof(double), CompareDoubles);
	for (i = 0; i <= 20; i++)
	{
		double		q = i / 20.0;
		double		want = ceil(q * n);
		double		exact = sorted[want < 1 ? 0 : (int) want - 1];
		double		got = inno_qs_quantile(s, q);

		CHECK_MSG(Within(got, exact, alpha), "n=%d code %d q=%g exact %.17g got %.17g", n, code, q, exact, got);
	}
	free(sorted);
	free(s);
}

TEST(extreme_magnitudes)
{
	double		big[] = {1e200, 2e200, 3e200, 4e200, 5e200};
	double		small[] = {1e-200, 2e-200, 3e-200, 4e-200, 5e-200};
	double		top[] = {1, 1.7e308, 1.7e308, 1.7e308};
	double		span[] = {0x1p-1074, -0x1p-1074, 0x1.8p-1070, 1e-310, DBL_MIN, 1e-300, 1, -1, 1e300,
	-1.7e308, DBL_MAX, DBL_MAX, -DBL_MAX, 0};
	double		sub[64];
	InnoQSketch *s = NewSketch(3, inno_qs_default_max_bins(3));
	int			code;
	int			i;

	for (i = 0; i < 64; i++)
		sub[i] = ldexp((double) (i * i * 37 + i + 1), -1074);	/* subnormals from 1 to 149,000 units */
	for (code = 1; code <= 5; code++)
	{
		CheckQuantiles(big, 5, code);
		CheckQuantiles(small, 5, code);
		CheckQuantiles(top, 4, code);
		CheckQuantiles(span, (int) (sizeof(span) / sizeof(span[0])), code);
		CheckQuantiles(sub, 64, code);
	}
	/* the mean of an exact sum beyond DBL_MAX */
	AddAll(s, top, 4);
	CHECK_MSG(Within(inno_qs_mean(s), (1.7e308 / 4) * 3 + 0.25, 1e-15), "%.17g", inno_qs_mean(s));
	free(s);
	s = NewSketch(3, inno_qs_default_max_bins(3));
	AddAll(s, (const double[]) {DBL_MAX, DBL_MAX, DBL_MAX}, 3);
	CHECK(inno_qs_mean(s) == DBL_MAX);
	free(s);
}

/* Every value within the accuracy of its bucket's value, over the whole range of doubles. */
TEST(bucket_values_over_every_magnitude)
{
	int			code;

	for (code = 1; code <= 5; code++)
	{
		double		alpha = inno_qs_accuracy_value(code);
		double		x;
		double		n;
		int			fails = 0;
		int			j;

		for (x = DBL_MIN; x < DBL_MAX / 1.0173 && fails < 5; x *= 1.0173)
			if (!Within(inno_qs_bucket_value(inno_qs_bucket_of(x, code), code), x, alpha))
			{
				CHECK_MSG(false, "code %d x=%.17g rep %.17g", code, x,
						  inno_qs_bucket_value(inno_qs_bucket_of(x, code), code));
				fails++;
			}
		/* the top of the range, where a bucket's upper bound is beyond DBL_MAX */
		for (j = 1; j <= 52; j++)
		{
			x = ldexp(2.0 - ldexp(1.0, -j), 1023);	/* j = 52 is DBL_MAX */
			CHECK_MSG(Within(inno_qs_bucket_value(inno_qs_bucket_of(x, code), code), x, alpha),
					  "code %d x=%.17g", code, x);
		}
		/* subnormals: every one up to 5,000 units, then spaced out to DBL_MIN */
		for (n = 1; n < 0x1p52 && fails < 10; n = n < 5000 ? n + 1 : floor(n * 1.0173))
		{
			x = ldexp(n, -1074);
			if (!Within(inno_qs_bucket_value(inno_qs_bucket_of(x, code), code), x, alpha))
			{
				CHECK_MSG(false, "code %d x=%.17g (%.0f units) rep %.17g", code, x, n,
						  inno_qs_bucket_value(inno_qs_bucket_of(x, code), code));
				fails++;
			}
		}
	}
}

static InnoQSketch *
ParseText(const char *text, InnoStatus *st)
{
	uint32_t	nbins = 0;
	InnoError	err;
	InnoQSketch *q;

	*st = inno_qs_parse(text, strlen(text), NULL, &nbins, &err);
	if (*st != INNO_OK)
		return NULL;
	q = malloc(INNO_QS_SIZE(nbins));
	*st = inno_qs_parse(text, strlen(text), q, &nbins, &err);
	if (*st != INNO_OK)
	{
		free(q);
		return NULL;
	}
	return q;
}

static bool
Rejects(const char *text)
{
	InnoStatus	st;
	InnoQSketch *q = ParseText(text, &st);

	free(q);
	return st != INNO_OK;
}

#define QS_TEXT(count, zeros, min, max, sum, positive) \
	"{\"version\": 1, \"accuracy\": 0.01, \"max_bins\": 2100, \"count\": " count ", \"zeros\": " zeros \
	", \"min\": " min ", \"max\": " max ", \"sum\": \"" sum "\", \"collapsed\": [false, false], " \
	"\"negative\": [], \"positive\": [" positive "]}"

static void
PutBE(uint8_t *p, uint64_t v, int bytes)
{
	int			i;

	for (i = bytes - 1; i >= 0; i--)
		*p++ = (uint8_t) (v >> (8 * i));
}

/* offsets in the binary form: count, the top limb of the sum, the first bin */
#define BIN_COUNT 13
#define BIN_TOP_LIMB (13 + 32 + 8 * (INNO_XSUM_LIMBS - 1))
#define BIN_FIRST (13 + 32 + 8 * INNO_XSUM_LIMBS)

static InnoStatus
DecodePatched(const InnoQSketch *s, int at, uint64_t v, int bytes, int at2, uint64_t v2)
{
	size_t		n = inno_qs_binary_size(s);
	uint8_t    *b = malloc(n);
	uint32_t	nbins = 0;
	InnoQSketch *q = malloc(INNO_QS_SIZE(inno_qs_nbins(s)));
	InnoError	err;
	InnoStatus	st;

	inno_qs_encode_binary(s, b);
	PutBE(b + at, v, bytes);
	if (at2 >= 0)
		PutBE(b + at2, v2, 8);
	st = inno_qs_decode_binary(b, n, NULL, &nbins, &err);
	if (st == INNO_OK)
		st = inno_qs_decode_binary(b, n, q, &nbins, &err);
	free(b);
	free(q);
	return st;
}

TEST(counts_fit_int64)
{
	InnoStatus	st;
	InnoQSketch *q;
	InnoQSketch *one = NewSketch(3, 2100);
	InnoQSketch *d = malloc(INNO_QS_SIZE(4));
	InnoError	err;

	q = ParseText(QS_TEXT("9223372036854775807", "0", "1", "1", "0x7fffffffffffffffp0", "0,9223372036854775807"), &st);
	CHECK(st == INNO_OK);
	/* the largest count reads back from the binary form too */
	if (q)
		CHECK(DecodePatched(q, BIN_COUNT, INT64_MAX, 8, -1, 0) == INNO_OK);
	free(q);
	/* 2^63: a count, a bin, zeros; and bins whose sum passes INT64_MAX */
	CHECK(Rejects(QS_TEXT("9223372036854775808", "0", "1", "1", "0x1p63", "0,9223372036854775808")));
	CHECK(Rejects(QS_TEXT("9223372036854775808", "9223372036854775808", "0", "0", "0", "")));
	CHECK(Rejects(QS_TEXT("13835058055282163712", "0", "1", "4", "0x1p0", "0,4611686018427387904,35,4611686018427387904,70,4611686018427387904")));
	CHECK(Rejects(QS_TEXT("18446744073709551615", "0", "1", "2", "0x1p0", "0,9223372036854775808,35,9223372036854775807")));
	/* the same in the binary form */
	inno_qs_add(one, 2100, 1.0);
	inno_xsum_normalize(&one->sum);
	CHECK(DecodePatched(one, BIN_COUNT, UINT64_C(1) << 63, 8, BIN_FIRST + 4, UINT64_C(1) << 63) == INNO_ERR_CORRUPT);
	/* a count whose values could not add up to the sum (2^63 - 1 ones summing to 1) */
	CHECK(DecodePatched(one, BIN_COUNT, INT64_MAX, 8, BIN_FIRST + 4, INT64_MAX) == INNO_ERR_CORRUPT);
	/* merging: a count past INT64_MAX is an error, not a wrap */
	q = ParseText(QS_TEXT("5000000000000000000", "0", "1", "1", "0x4563918244f4p16", "0,5000000000000000000"), &st);
	CHECK(st == INNO_OK);
	if (q)
	{
		CHECK(inno_qs_merge(d, q, q, &err) == INNO_ERR_RANGE);
		CHECK(inno_qs_merge(d, q, one, &err) == INNO_OK);
		CHECK(d->count == UINT64_C(5000000000000000001));
		/* adding to a sketch at INT64_MAX values is refused, and changes nothing */
		one->count = one->bins[0].count = INT64_MAX;
		CHECK(inno_qs_add(one, 2100, 1.0) == INNO_ERR_PARAM);
		CHECK(one->count == INT64_MAX && one->bins[0].count == INT64_MAX);
		CHECK(inno_qs_add(one, 2100, 0.0) == INNO_ERR_PARAM);
		CHECK(one->zeros == 0);
	}
	free(q);
	free(one);
	free(d);
}

/* 2^n copies of x, as an exact sum */
static void
SumOfCopies(InnoExactSum *s, double x, int n)
{
	int			i;

	inno_xsum_init(s);
	inno_xsum_add(s, x);
	for (i = 0; i < n; i++)
	{
		InnoExactSum t = *s;

		inno_xsum_merge(s, &t);
		inno_xsum_normalize(s);
	}
}

TEST(sum_and_index_ranges)
{
	InnoQSketch *one = NewSketch(3, 2100);
	InnoQSketch *big = NewSketch(3, 2100);
	InnoQSketch *d = malloc(INNO_QS_SIZE(4));
	InnoQSketch *c = malloc(INNO_QS_SIZE(4));
	InnoError	err;
	int32_t		top = inno_qs_bucket_of(DBL_MAX, 3);

	inno_qs_add(one, 2100, 1.0);
	inno_xsum_normalize(&one->sum);
	/* the top limb of the sum is the sign: 0 or -1, and never -2^1056 */
	CHECK(DecodePatched(one, BIN_TOP_LIMB, 1, 8, -1, 0) == INNO_ERR_CORRUPT);
	CHECK(DecodePatched(one, BIN_TOP_LIMB, UINT64_C(1) << 63, 8, -1, 0) == INNO_ERR_CORRUPT);
	memcpy(c, one, SizeOf(one));
	memset(&c->sum, 0, sizeof(c->sum));
	c->sum.limb[INNO_XSUM_LIMBS - 1] = -1;	/* exactly -2^1056 */
	CHECK(inno_qs_validate(c, SizeOf(c), &err) == INNO_ERR_CORRUPT);
	/* bin indexes: only those a double can have */
	CHECK(DecodePatched(one, BIN_FIRST, INT32_MAX, 4, -1, 0) == INNO_ERR_CORRUPT);
	CHECK(Rejects(QS_TEXT("1", "0", "1", "1", "0x1p0", "2147483647,1")));
	CHECK(Rejects(QS_TEXT("2", "0", "0.0001", "1", "0x1p0", "-2147483648,1,0,1")));
	memcpy(c, one, SizeOf(one));
	c->bins[0].index = top + 1;
	c->max = DBL_MAX;
	CHECK(inno_qs_validate(c, SizeOf(c), &err) == INNO_ERR_CORRUPT);
	c->bins[0].index = -1074 * 35 - 1;
	c->min = c->max = 0x1p-1074;
	CHECK(inno_qs_validate(c, SizeOf(c), &err) == INNO_ERR_CORRUPT);
	/* the largest magnitudes' buckets are those of the minimum and maximum */
	memcpy(c, one, SizeOf(one));
	c->bins[0].index = 35;
	CHECK(inno_qs_validate(c, SizeOf(c), &err) == INNO_ERR_CORRUPT);
	/* 2^32 times DBL_MAX is in range, one more is not: merging and adding report it */
	inno_qs_add(big, 2100, DBL_MAX);
	big->count = big->bins[0].count = UINT64_C(1) << 32;
	SumOfCopies(&big->sum, DBL_MAX, 32);
	CHECK(inno_qs_validate(big, SizeOf(big), &err) == INNO_OK);
	memcpy(c, big, SizeOf(big));
	CHECK(inno_qs_add(c, 4, DBL_MAX) == INNO_ERR_PARAM);
	CHECK(memcmp(c, big, SizeOf(big)) == 0);
	CHECK(inno_qs_add(c, 4, 1.0) == INNO_OK);
	CHECK(inno_qs_add(c, 4, -DBL_MAX) == INNO_OK);
	CHECK(inno_qs_add(c, 4, DBL_MAX) == INNO_OK);
	free(c);
	c = NewSketch(3, 2100);
	inno_qs_add(c, 2100, DBL_MAX);
	inno_xsum_normalize(&c->sum);
	CHECK(inno_qs_merge(d, big, c, &err) == INNO_ERR_RANGE);
	CHECK(inno_qs_merge(d, big, one, &err) == INNO_OK);
	CHECK(inno_qs_validate(d, SizeOf(d), &err) == INNO_OK);
	CHECK(Within(inno_qs_mean(d), DBL_MAX, 1e-9));
	free(one);
	free(big);
	free(c);
	free(d);
}

UNIT_SUITE(qsketch_suite,
		   UNIT_CASE(quantiles_within_accuracy),
		   UNIT_CASE(merge_equals_serial_in_any_order),
		   UNIT_CASE(merge_rejects_different_parameters),
		   UNIT_CASE(add_needs_room_and_rejects_non_finite),
		   UNIT_CASE(text_and_binary_round_trip),
		   UNIT_CASE(validation_rejects_corruption),
		   UNIT_CASE(extreme_magnitudes),
		   UNIT_CASE(bucket_values_over_every_magnitude),
		   UNIT_CASE(counts_fit_int64),
		   UNIT_CASE(sum_and_index_ranges));
