/*
 * test_pack.c
 *	  Unit tests for the packed (stored) forms of quantile_sketch and
 *	  funding_stats, the small list states, and merging sketches in place:
 *	  round trips, sizes that grow with the contents, every truncation and a
 *	  non-minimal varint refused, and merge_into giving merge's bytes.
 */
#include "suites.h"
#include "funstats.h"
#include "pack.h"
#include "qsketch.h"

#include <math.h>
#include <stdlib.h>

#define CAP 4096

static uint64_t
Next(uint64_t *seed)
{
	*seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return *seed >> 11;
}

/* a value of varied sign and magnitude, now and then zero */
static double
Value(uint64_t *seed)
{
	uint64_t	r = Next(seed);
	double		x = pow(10.0, -3.0 + 12.0 * (double) (r % 1000000) / 1e6);

	if (r % 7 == 0)
		x = -x;
	if (r % 31 == 0)
		x = 0;
	return x;
}

static InnoQSketch *
Sketch(int accuracy, int max_bins, int n, uint64_t seed)
{
	InnoQSketch *s = malloc(INNO_QS_SIZE(CAP));
	InnoError	err;
	int			i;

	if (inno_qs_init(s, accuracy, max_bins, &err) != INNO_OK)
		abort();
	for (i = 0; i < n; i++)
		if (inno_qs_add(s, CAP, Value(&seed)) != INNO_OK)
			abort();
	return s;
}

/* pack, unpack: the same sketch (sum normalized), the size returned */
static size_t
SketchRoundTrip(const InnoQSketch *s)
{
	uint8_t    *buf = malloc(inno_qs_pack_bound(s));
	size_t		len = inno_qs_pack(s, buf);
	uint32_t	nbins = 0;
	InnoQSketch *back,
			   *normal = malloc(INNO_QS_SIZE(inno_qs_nbins(s)));
	InnoError	err;
	size_t		cut;

	memcpy(normal, s, INNO_QS_SIZE(inno_qs_nbins(s)));
	inno_xsum_normalize(&normal->sum);
	CHECK(len <= inno_qs_pack_bound(s));
	CHECK(inno_qs_unpack(buf, len, NULL, &nbins, &err) == INNO_OK);
	CHECK_INT(nbins, inno_qs_nbins(s));
	back = malloc(INNO_QS_SIZE(nbins));
	CHECK_MSG(inno_qs_unpack(buf, len, back, &nbins, &err) == INNO_OK, "%s", err.detail);
	CHECK(memcmp(back, normal, INNO_QS_SIZE(nbins)) == 0);
	CHECK(inno_qs_validate(back, INNO_QS_SIZE(nbins), &err) == INNO_OK);
	/* every truncation and one byte too many are refused */
	for (cut = 0; cut < len; cut++)
		if (inno_qs_unpack(buf, cut, NULL, &nbins, &err) == INNO_OK)
			CHECK_MSG(inno_qs_unpack(buf, cut, back, &nbins, &err) != INNO_OK, "prefix %zu", cut);
	free(buf);
	free(back);
	free(normal);
	return len;
}

TEST(sketch_pack_round_trip_and_size)
{
	InnoQSketch *empty = Sketch(3, inno_qs_default_max_bins(3), 0, 1);
	InnoQSketch *one = Sketch(3, inno_qs_default_max_bins(3), 0, 1);
	InnoQSketch *many = Sketch(1, 64, 5000, 7);		/* collapsed: 64 bins a sign */
	InnoQSketch *big = Sketch(3, inno_qs_default_max_bins(3), 20000, 9);

	CHECK(inno_qs_add(one, CAP, 3.4567) == INNO_OK);
	CHECK(SketchRoundTrip(empty) < 24);
	/* a sketch of one value in tens of bytes, not the flat form's hundreds */
	CHECK_MSG(SketchRoundTrip(one) <= 48, "one value: %zu bytes", SketchRoundTrip(one));
	CHECK(INNO_QS_SIZE(1) > 600);
	CHECK(many->flags != 0);
	(void) SketchRoundTrip(many);
	CHECK(SketchRoundTrip(big) < INNO_QS_SIZE(inno_qs_nbins(big)));
	free(empty);
	free(one);
	free(many);
	free(big);
}

TEST(packed_reader_refuses_what_it_cannot_hold)
{
	InnoQSketch *s = Sketch(3, inno_qs_default_max_bins(3), 10, 3);
	uint8_t    *buf = malloc(inno_qs_pack_bound(s) + 1);
	size_t		len = inno_qs_pack(s, buf);
	uint32_t	nbins = 0;
	InnoError	err;
	uint8_t		padded[] = {INNO_QS_PACKED_VERSION, 3, 0, 0x80, 0x00};	/* max_bins 0 as two bytes */
	uint8_t		flat_version[] = {INNO_QS_VERSION, 3, 0};
	InnoPackIn	in = {padded + 3, padded + 5};
	uint64_t	v;

	buf[len] = 0;
	CHECK(inno_qs_unpack(buf, len + 1, NULL, &nbins, &err) != INNO_OK ||
		  inno_qs_unpack(buf, len + 1, s, &nbins, &err) != INNO_OK);
	CHECK(!inno_get_uvarint(&in, &v));	/* not the shortest form */
	CHECK(inno_qs_unpack(padded, sizeof(padded), NULL, &nbins, &err) != INNO_OK);
	CHECK(inno_qs_unpack(flat_version, sizeof(flat_version), NULL, &nbins, &err) != INNO_OK);
	/* an accuracy that does not exist */
	buf[1] = 99;
	CHECK(inno_qs_unpack(buf, len, NULL, &nbins, &err) != INNO_OK);
	free(buf);
	free(s);
}

/* merge_into gives inno_qs_merge's sketch, growing when it asks for room */
TEST(merge_into_equals_merge)
{
	static const int sizes[][2] = {{0, 0}, {0, 5}, {5, 0}, {1, 1}, {3, 300}, {300, 3}, {2000, 2000}};
	int			k;

	for (k = 0; k < (int) (sizeof(sizes) / sizeof(sizes[0])); k++)
	{
		int			max_bins = k % 2 ? 64 : inno_qs_default_max_bins(3);
		InnoQSketch *a = Sketch(3, max_bins, sizes[k][0], 11 + k);
		InnoQSketch *b = Sketch(3, max_bins, sizes[k][1], 101 + k);
		InnoQSketch *want = malloc(INNO_QS_SIZE(CAP));
		InnoQSketch *got;
		uint32_t	cap = inno_qs_nbins(a);
		InnoError	err;
		InnoStatus	st;
		bool		full;

		CHECK(inno_qs_merge(want, a, b, &err) == INNO_OK);
		got = malloc(INNO_QS_SIZE(cap));
		memcpy(got, a, INNO_QS_SIZE(cap));
		while ((st = inno_qs_merge_into(got, cap, b, &full, &err)) == INNO_OK && full)
		{
			cap = cap * 2 + 1;
			got = realloc(got, INNO_QS_SIZE(cap));
		}
		CHECK_MSG(st == INNO_OK, "case %d: %s", k, err.detail);
		inno_xsum_normalize(&got->sum);
		CHECK_INT(inno_qs_nbins(got), inno_qs_nbins(want));
		CHECK_MSG(memcmp(got, want, INNO_QS_SIZE(inno_qs_nbins(want))) == 0, "case %d", k);
		free(a);
		free(b);
		free(want);
		free(got);
	}
}

TEST(merge_into_refuses_other_parameters)
{
	InnoQSketch *a = Sketch(3, 64, 10, 1);
	InnoQSketch *b = Sketch(2, 64, 10, 2);
	InnoQSketch *e = Sketch(2, 64, 0, 2);
	InnoError	err;
	bool		full;

	CHECK(inno_qs_merge_into(a, CAP, b, &full, &err) == INNO_ERR_PARAM);
	CHECK(inno_qs_merge_into(a, CAP, e, &full, &err) == INNO_OK && !full);	/* the empty sketch: identity */
	CHECK_INT(a->count, 10);
	CHECK_INT(a->accuracy, 3);
	free(a);
	free(b);
	free(e);
}

/* ---- funding_stats ---- */

static InnoFsHeader *
Stats(const char *const *rounds, int n, size_t *size)
{
	size_t		cap = 64;
	InnoFsHeader *h = calloc(1, cap),
			   *out;
	int			i;

	inno_fs_init(h);
	for (i = 0; i < n; i++)
	{
		InnoFundingRound fr;
		InnoError	err;
		size_t		need = 0;
		InnoStatus	st;

		if (inno_fr_parse(rounds[i], strlen(rounds[i]), 0, &fr, &err) != INNO_OK)
			abort();
		while ((st = inno_fs_add(h, cap, &fr, &need)) == INNO_ERR_RANGE)
		{
			h = realloc(h, need);
			memset((char *) h + cap, 0, need - cap);
			cap = need;
		}
		if (st != INNO_OK)
			abort();
	}
	*size = inno_fs_stored_size(h);
	out = calloc(1, *size);
	inno_fs_write_stored(h, out);
	free(h);
	return out;
}

static size_t
StatsRoundTrip(const InnoFsHeader *h, size_t size)
{
	uint8_t    *buf = malloc(inno_fs_pack_bound(h));
	size_t		len = inno_fs_pack(h, buf);
	size_t		got = 0,
				cut;
	InnoFsHeader *back;
	InnoError	err;

	CHECK(len <= inno_fs_pack_bound(h));
	CHECK(inno_fs_unpack(buf, len, NULL, &got, &err) == INNO_OK);
	CHECK_INT(got, size);
	back = calloc(1, got);
	CHECK_MSG(inno_fs_unpack(buf, len, back, &got, &err) == INNO_OK, "%s", err.detail);
	CHECK(memcmp(back, h, size) == 0);
	CHECK(inno_fs_validate(back, got, &err) == INNO_OK);
	for (cut = 0; cut < len; cut++)
	{
		size_t		s = 0;

		if (inno_fs_unpack(buf, cut, NULL, &s, &err) == INNO_OK)
		{
			InnoFsHeader *t = calloc(1, s);

			CHECK_MSG(inno_fs_unpack(buf, cut, t, &s, &err) != INNO_OK, "prefix %zu", cut);
			free(t);
		}
	}
	free(buf);
	free(back);
	return len;
}

TEST(funding_stats_pack_round_trip_and_size)
{
	static const char *const one[] = {"b CNY 160000000-200000000 2023-06"};
	static const char *const several[] = {
		"b CNY 160000000-200000000 2023-06", "a USD 10000000- 2022", "angel", "pre_a CNY 30000000",
		"c CNY 100000000-200000000", "strategic EUR 5000000 2021-03-04"};
	size_t		size;
	InnoFsHeader *h;

	h = Stats(one, 0, &size);
	CHECK(StatsRoundTrip(h, size) <= 4);
	free(h);
	h = Stats(one, 1, &size);
	/* one round in tens of bytes, where the flat form takes kilobytes */
	CHECK_MSG(StatsRoundTrip(h, size) <= 96, "one round: %zu bytes", StatsRoundTrip(h, size));
	CHECK(size > 2000);
	free(h);
	h = Stats(several, 6, &size);
	(void) StatsRoundTrip(h, size);
	free(h);
}

TEST(funding_stats_list_state)
{
	InnoFsList *l = calloc(1, INNO_FS_LIST_SIZE(4));
	InnoError	err;

	inno_fs_list_init(l, 4);
	CHECK(inno_fs_list_valid(l, INNO_FS_LIST_SIZE(4)));
	CHECK(!inno_fs_list_valid(l, INNO_FS_LIST_SIZE(2)));
	CHECK(inno_fr_parse("a CNY 1000000", 13, 0, &l->rounds[0], &err) == INNO_OK);
	l->n = 1;
	CHECK(inno_fs_list_valid(l, INNO_FS_LIST_SIZE(4)));
	l->n = 5;
	CHECK(!inno_fs_list_valid(l, INNO_FS_LIST_SIZE(4)));
	l->n = 2;					/* the second round is all zero: not a round */
	CHECK(!inno_fs_list_valid(l, INNO_FS_LIST_SIZE(4)));
	free(l);
}

/*
 * A stored list (a small group) answers the counts, sums and extremes from
 * its rounds as the flat value of the same rounds does, in any order of
 * the rounds; its canonical order does not depend on the order they came in.
 */
TEST(funding_stats_list_head_equals_flat)
{
	/* currencies of 0 and 2 minor digits, none, open, undisclosed, tiny and the largest amounts */
	static const char *const pool[] = {
		"b CNY 160000000-200000000 2023-06", "a USD 10000000- 2022", "angel", "pre_a CNY 30000000",
		"c CNY 100000000-200000000", "strategic EUR 5000000 2021-03-04", "a JPY 500000000",
		"seed KRW 1234567", "b CNY 5000", "a CNY 0.01", "ipo CNY 900000000000000-", "c USD 20000000-30000000",
		"undisclosed", "b", "a CNY 1000000000000000", "pre_ipo CNY 999999999999999-1000000000000000"};
	size_t		npool = sizeof(pool) / sizeof(pool[0]),
				i;
	InnoFundingRound parsed[sizeof(pool) / sizeof(pool[0])];
	InnoFsList *l = calloc(1, INNO_FS_LIST_SIZE(INNO_FS_LIST_MAX)),
			   *r = calloc(1, INNO_FS_LIST_SIZE(INNO_FS_LIST_MAX));
	uint64_t	seed = 42;
	int			trial;

	for (i = 0; i < npool; i++)
	{
		InnoError	err;

		CHECK_MSG(inno_fr_parse(pool[i], strlen(pool[i]), 0, &parsed[i], &err) == INNO_OK, "%s: %s",
				  pool[i], err.detail);
	}
	for (trial = 0; trial < 2000; trial++)
	{
		int			n = 1 + (int) (Next(&seed) % INNO_FS_LIST_MAX),
					k;
		size_t		cap = 64,
					need = 0;
		InnoFsHeader *h = calloc(1, cap);
		const InnoFsSection *s;
		InnoFsSection head;
		bool		found;

		inno_fs_list_init(l, INNO_FS_LIST_MAX);
		inno_fs_list_init(r, INNO_FS_LIST_MAX);
		inno_fs_init(h);
		for (k = 0; k < n; k++)
		{
			l->rounds[l->n++] = parsed[Next(&seed) % npool];
			while (inno_fs_add(h, cap, &l->rounds[k], &need) == INNO_ERR_RANGE)
			{
				h = realloc(h, need);
				memset((char *) h + cap, 0, need - cap);
				cap = need;
			}
		}
		/* the same rounds reversed */
		for (k = n - 1; k >= 0; k--)
			r->rounds[r->n++] = l->rounds[k];
		for (k = 0, s = inno_fs_first(h); k < h->nsections; k++, s = inno_fs_next(s))
		{
			inno_fs_list_head(r, s->currency, &head, &found);
			CHECK(found);
			CHECK_MSG(memcmp(&head.rounds, &s->rounds,
							 offsetof(InnoFsSection, band) - offsetof(InnoFsSection, rounds)) == 0,
					  "trial %d, currency %d", trial, s->currency);
		}
		inno_fs_list_head(l, 999, &head, &found);
		CHECK(!found && head.rounds == 0);
		inno_fs_list_canonical(l);
		inno_fs_list_canonical(r);
		CHECK(memcmp(l, r, INNO_FS_LIST_SIZE(INNO_FS_LIST_MAX)) == 0);
		CHECK(inno_fs_list_valid(l, INNO_FS_LIST_SIZE(INNO_FS_LIST_MAX)));
		free(h);
	}
	free(l);
	free(r);
}

UNIT_SUITE(pack_suite,
		   UNIT_CASE(sketch_pack_round_trip_and_size),
		   UNIT_CASE(packed_reader_refuses_what_it_cannot_hold),
		   UNIT_CASE(merge_into_equals_merge),
		   UNIT_CASE(merge_into_refuses_other_parameters),
		   UNIT_CASE(funding_stats_pack_round_trip_and_size),
		   UNIT_CASE(funding_stats_list_state),
		   UNIT_CASE(funding_stats_list_head_equals_flat));
