/*
 * test_qsketch.c
 *	  Unit tests for the quantile sketch: bucket mapping, accuracy against
 *	  exact quantiles, order-independent merging and collapsing, text and
 *	  binary round trips, and validation.
 */
#include "suites.h"
#include "qsketch.h"

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

TEST(bucket_mapping)
{
	int			code;

	CHECK_INT(inno_qs_bucket_of(1.0, 3), 0);
	CHECK_INT(inno_qs_bucket_of(2.0, 3), 35);
	CHECK_INT(inno_qs_bucket_of(0.5, 3), -35);
	CHECK_INT(inno_qs_bucket_of(1024.0, 3), 350);
	for (code = 1; code <= 5; code++)
	{
		double		alpha = inno_qs_accuracy_value(code);
		double		x;
		int32_t		prev = INT32_MIN;

		/* monotone, and every value within alpha of its bucket's representative */
		for (x = 1e-12; x < 1e15; x *= 1.0007)
		{
			int32_t		b = inno_qs_bucket_of(x, code);
			double		rep = inno_qs_bucket_value(b, code);

			CHECK(b >= prev);
			prev = b;
			if (fabs(rep - x) / x > alpha)
			{
				CHECK_MSG(false, "x=%.17g bucket %d rep %.17g alpha %g", x, b, rep, alpha);
				break;
			}
		}
	}
	CHECK(inno_qs_accuracy_code(0.01) == 3);
	CHECK_INT(inno_qs_default_max_bins(3), 2100);
	CHECK_INT(inno_qs_default_max_bins(1), 21000);
	CHECK(inno_qs_accuracy_code(0.03) == 0);
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

UNIT_SUITE(qsketch_suite,
		   UNIT_CASE(bucket_mapping),
		   UNIT_CASE(quantiles_within_accuracy),
		   UNIT_CASE(merge_equals_serial_in_any_order),
		   UNIT_CASE(merge_rejects_different_parameters),
		   UNIT_CASE(add_needs_room_and_rejects_non_finite),
		   UNIT_CASE(text_and_binary_round_trip),
		   UNIT_CASE(validation_rejects_corruption));
