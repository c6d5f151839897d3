/*
 * test_qsdense.c
 *	  Unit tests for the dense aggregation state of the quantile sketch: a
 *	  state driven as the aggregate drives it (flat, dense once that is no
 *	  larger, flat again when a span would pass max_bins or the flat form's
 *	  bytes) stands for bytewise the flat sketch of the same values, stays
 *	  no larger than that sketch, and a state with impossible fields is
 *	  refused (funding_stats' dense sections: test_funstats.c).
 */
#include "suites.h"
#include "qsketch.h"
#include "qs_state.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>

/*
 * Feed xs to a state and to a plain flat sketch; the state must stand for
 * the same sketch, and end dense when end_dense is 1, flat when 0.
 */
static void
CheckSame(const double *xs, int n, int accuracy, int max_bins, int end_dense)
{
	State		st;
	InnoQSketch *ref = calloc(1, INNO_QS_SIZE(2 * 65536));
	InnoQSketch *got;
	InnoError	err;
	int			i;
	bool		small = true;

	StateInit(&st, accuracy, max_bins);
	if (inno_qs_init(ref, accuracy, max_bins, &err) != INNO_OK)
		abort();
	for (i = 0; i < n; i++)
	{
		StateAdd(&st, xs[i]);
		if (inno_qs_add(ref, 2 * 65536, xs[i]) != INNO_OK)
			abort();
		if (st.dense && i % 61 == 0)
			small = small && NoLarger(st.p);
	}
	CHECK(small);
	CHECK_MSG(end_dense < 0 || st.dense == (end_dense > 0), "ends %s", st.dense ? "dense" : "flat");
	CHECK(!st.dense || inno_qs_dense_check(st.p, INNO_QS_DENSE_SIZE(st.cap), &err) == INNO_OK);
	got = StateFinish(&st);
	inno_xsum_normalize(&ref->sum);
	CHECK(inno_qs_validate(got, INNO_QS_SIZE(inno_qs_nbins(got)), &err) == INNO_OK);
	CHECK_INT(inno_qs_nbins(got), inno_qs_nbins(ref));
	CHECK(memcmp(got, ref, INNO_QS_SIZE(inno_qs_nbins(ref))) == 0);
	free(got);
	free(ref);
}

static uint64_t
Next(uint64_t *seed)
{
	*seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return *seed >> 11;
}

/* n values log-uniform over [lo, hi], a share neg_every of them negative, zero_every zeros (0: none) */
static void
LogUniform(double *xs, int n, double lo, double hi, int neg_every, int zero_every, uint64_t seed)
{
	int			i;

	for (i = 0; i < n; i++)
	{
		double		u = (double) Next(&seed) / 9007199254740992.0;

		xs[i] = lo * pow(hi / lo, u);
		if (neg_every && Next(&seed) % neg_every == 0)
			xs[i] = -xs[i];
		if (zero_every && Next(&seed) % zero_every == 0)
			xs[i] = 0.0;
	}
}

TEST(dense_state_is_the_flat_sketch)
{
	enum
	{
	N = 20000};
	double	   *xs = malloc(sizeof(double) * N);
	int			i;

	/* the bench's amounts: 4 decades, every bucket filled; dense and stays so */
	LogUniform(xs, N, 1e6, 1e10, 0, 0, 1);
	CheckSame(xs, N, 3, inno_qs_default_max_bins(3), 1);
	/* both signs and zeros over 12 decades, at every accuracy */
	for (i = 1; i <= 5; i++)
	{
		LogUniform(xs, N, 1e-3, 1e9, 5, 50, 2 + i);
		CheckSame(xs, N, i, inno_qs_default_max_bins(i), -1);
	}
	/* negatives first (the negative span grows under the positive one), then positives */
	LogUniform(xs, N / 2, 1, 1e4, 1, 0, 9);
	LogUniform(xs + N / 2, N / 2, 1e-2, 1e2, 0, 0, 10);
	CheckSame(xs, N, 3, inno_qs_default_max_bins(3), 1);
	/* ascending, then descending below where it started: spans grow at both ends */
	for (i = 0; i < N / 2; i++)
		xs[i] = 1000.0 * pow(1.001, i);
	for (i = N / 2; i < N; i++)
		xs[i] = 1000.0 / pow(1.001, i - N / 2);
	CheckSame(xs, N, 3, inno_qs_default_max_bins(3), 1);
	/* more buckets than max_bins: dense, then flat again, collapsing as the flat form does */
	LogUniform(xs, N, 1, 1e6, 3, 0, 11);
	CheckSame(xs, N, 3, 64, 0);
	/* a few values far apart stay flat */
	for (i = 0; i < 40; i++)
		xs[i] = pow(10.0, i % 2 ? i : -i);
	CheckSame(xs, 40, 3, inno_qs_default_max_bins(3), 0);
	/* contiguous, then one far outlier: the state turns flat rather than grow past the flat bytes */
	LogUniform(xs, 1000, 1, 2, 0, 0, 12);
	xs[1000] = 1e300;
	xs[1001] = -1e-300;
	CheckSame(xs, 1002, 3, inno_qs_default_max_bins(3), 0);
	free(xs);
}

TEST(dense_spans_reach_the_ends_of_the_bucket_range)
{
	double		xs[4000];
	int			i;

	/* the extremes of the doubles, with slack clipped at the first and last bucket */
	for (i = 0; i < 2000; i++)
	{
		xs[2 * i] = DBL_MAX / pow(1.01, i % 50);
		xs[2 * i + 1] = ldexp(1.0 + (i % 50) / 50.0, -1074 + i % 60);
	}
	CheckSame(xs, 4000, 5, INNO_QS_MAX_MAX_BINS, -1);
	/* rising to DBL_MAX, both signs: the slack stops at the last bucket */
	for (i = 0; i < 4000; i++)
		xs[i] = (i % 2 ? 1 : -1) * DBL_MAX / pow(1.002, 300 - i / 2 % 301);
	CheckSame(xs, 4000, 1, inno_qs_default_max_bins(1), 1);
	/* falling to the smallest subnormal: the slack stops at the first bucket */
	for (i = 0; i < 4000; i++)
		xs[i] = ldexp(64 - i % 64, -1074);
	CheckSame(xs, 4000, 5, inno_qs_default_max_bins(5), 1);
}

TEST(dense_check_refuses_impossible_states)
{
	double		xs[200];
	State		st;
	InnoQsDense *d,
			   *c;
	size_t		size;
	InnoError	err;
	int32_t		lowest,
				highest;
	int			i;

	LogUniform(xs, 200, 1, 10, 3, 0, 13);
	StateInit(&st, 3, inno_qs_default_max_bins(3));
	for (i = 0; i < 200; i++)
		StateAdd(&st, xs[i]);
	CHECK(st.dense && st.went_flat == 0);
	if (!st.dense)
		return;
	d = st.p;
	size = INNO_QS_DENSE_SIZE(d->nneg + d->npos);
	c = malloc(INNO_QS_DENSE_SIZE(st.cap));
	CHECK(inno_qs_dense_check(d, size, &err) == INNO_OK);
	CHECK(inno_qs_dense_check(d, size - 8, &err) == INNO_ERR_CORRUPT);
	CHECK(inno_qs_dense_check(d, INNO_QS_DENSE_SIZE(0) - 1, &err) == INNO_ERR_CORRUPT);
	inno_qs_bucket_range(3, &lowest, &highest);
#define MUTATE(stmt) \
	do { \
		memcpy(c, d, size); \
		stmt; \
		CHECK_MSG(inno_qs_dense_check(c, size, &err) == INNO_ERR_CORRUPT, "%s", #stmt); \
	} while (0)
	MUTATE(c->version = INNO_QS_VERSION);
	MUTATE(c->accuracy = 0);
	MUTATE(c->accuracy = 9);
	MUTATE(c->pad = 1);
	MUTATE(c->pad2 = 1);
	MUTATE(c->max_bins = 15);
	MUTATE(c->max_bins = (uint16_t) (c->npos - 1));
	MUTATE(c->npos += c->nneg + 1);
	MUTATE(c->nneg = UINT32_MAX);
	MUTATE(c->pos_lo = highest);
	MUTATE(c->neg_lo = lowest - 1);
	MUTATE(c->pos_lo = INT32_MAX);
#undef MUTATE
	free(c);
	free(d);
}

UNIT_SUITE(qsdense_suite,
		   UNIT_CASE(dense_state_is_the_flat_sketch),
		   UNIT_CASE(dense_spans_reach_the_ends_of_the_bucket_range),
		   UNIT_CASE(dense_check_refuses_impossible_states));
