/*
 * test_funstats.c
 *	  Unit tests for funding_stats: sums, thresholds and kinds per currency,
 *	  growth of the buffer, order-independent merging, text round trip,
 *	  validation, and the sketches' dense working form.
 */
#include "suites.h"
#include "funstats.h"

#include <math.h>
#include <stdlib.h>

typedef struct Buf
{
	InnoFsHeader *h;
	size_t		cap;
} Buf;

static Buf
NewBuf(size_t cap)
{
	Buf			b;

	b.cap = cap;
	b.h = calloc(1, cap);
	inno_fs_init(b.h);
	return b;
}

/* add a round, growing the buffer as the glue does */
static void
AddRound(Buf *b, const InnoFundingRound *fr)
{
	size_t		need = 0;
	InnoStatus	st;

	while ((st = inno_fs_add(b->h, b->cap, fr, &need)) == INNO_ERR_RANGE)
	{
		InnoFsHeader *bigger = calloc(1, need);

		memcpy(bigger, b->h, b->h->used);
		free(b->h);
		b->h = bigger;
		b->cap = need;
	}
	if (st != INNO_OK)
		abort();
}

static void
AddText(Buf *b, const char *text)
{
	InnoFundingRound fr;
	InnoError	err;

	if (inno_fr_parse(text, strlen(text), 0, &fr, &err) != INNO_OK)
		abort();
	AddRound(b, &fr);
}

static InnoFsHeader *
Stored(const InnoFsHeader *h, size_t *size)
{
	InnoFsHeader *out;

	*size = inno_fs_stored_size(h);
	out = calloc(1, *size);
	inno_fs_write_stored(h, out);
	return out;
}

static const char *const rounds[] = {
	"B轮 近2亿元 2023-06", "A轮 3000万元", "天使轮 数百万", "Series B $25M", "战略投资 未披露",
	"HK$1.2 billion", "5000万-8000万元", "亿元及以上", "Pre-A轮 近亿元", "定增 20亿元",
	"Grant €500K", "2亿日元", "拨投结合 3000万元", "C轮 超千万", "种子轮 数十万", "undisclosed",
	"B轮 1.5亿", "$10M+", "A轮 1000万", "A轮 999万",
};
#define NROUNDS ((int) (sizeof(rounds) / sizeof(rounds[0])))

TEST(sums_thresholds_kinds)
{
	Buf			b = NewBuf(64);
	const InnoFsSection *cny,
			   *usd,
			   *none;
	int			i;
	int			t1e7 = inno_fs_threshold_index(10000000);
	int			t1e8 = inno_fs_threshold_index(100000000);

	for (i = 0; i < NROUNDS; i++)
		AddText(&b, rounds[i]);
	cny = inno_fs_section(b.h, 156);
	usd = inno_fs_section(b.h, 840);
	none = inno_fs_section(b.h, 0);
	CHECK(cny != NULL && usd != NULL && none != NULL);
	CHECK(inno_fs_section(b.h, 978) != NULL && inno_fs_section(b.h, 392) != NULL);
	CHECK(inno_fs_section(b.h, 36) == NULL);
	/* CNY: 13 rounds, all disclosed, 1 open */
	CHECK_INT(cny->rounds, 13);
	CHECK_INT(cny->disclosed, 13);
	CHECK_INT(cny->open, 1);
	/* point sum: 1.8亿 + 3000万 + 300万 + 6500万 + 1亿 + 9000万 + 20亿 + 3000万 + 1500万 + 30万 + 1.5亿 + 1000万 + 999万 */
	CHECK_INT(cny->sum_point, (int64_t) (180000000LL + 30000000 + 3000000 + 65000000 + 100000000 + 90000000 +
										 2000000000 + 30000000 + 15000000 + 300000 + 150000000 + 10000000 + 9990000) * 100);
	CHECK_INT(cny->min_point, 30000000);	/* 30万 in fen */
	/* over 1亿 by point: 1.8亿, 1亿 (open), 20亿, 1.5亿 */
	CHECK_INT(inno_fs_over(cny, t1e8, 1), 4);
	/* certainly (low) over 1亿: 1.6亿 low, 1亿 open, 20亿, 1.5亿 */
	CHECK_INT(inno_fs_over(cny, t1e8, 0), 4);
	/* possibly (high) over 1亿: also 近亿 (high 1亿) */
	CHECK_INT(inno_fs_over(cny, t1e8, 2), 5);
	/* 999万 is not over 1000万 by point */
	CHECK(inno_fs_over(cny, t1e7, 1) == 10);
	CHECK_INT(usd->rounds, 2);
	CHECK_INT(usd->open, 1);
	CHECK_INT(none->rounds, 2);
	CHECK_INT(none->disclosed, 0);
	CHECK_INT(inno_fs_sketch(cny)->count, 13);
	{
		size_t		size;
		InnoFsHeader *s = Stored(b.h, &size);
		InnoError	err;

		CHECK_MSG(inno_fs_validate(s, size, &err) == INNO_OK, "%s", err.detail);
		free(s);
	}
	free(b.h);
}

TEST(merge_equals_serial)
{
	int			split;

	for (split = 0; split <= NROUNDS; split += 3)
	{
		Buf			serial = NewBuf(64),
					a = NewBuf(64),
					b = NewBuf(64);
		InnoFsHeader *m,
				   *s1,
				   *s2,
				   *sa,
				   *sb;
		size_t		msize,
					n1,
					n2,
					na,
					nb;
		InnoError	err;
		int			i;

		for (i = 0; i < NROUNDS; i++)
			AddText(&serial, rounds[i]);
		/* the rounds split in two, and added in reverse */
		for (i = NROUNDS - 1; i >= 0; i--)
			AddText(i < split ? &a : &b, rounds[i]);
		/* (merged as values: a state's sketches may be dense) */
		sa = Stored(a.h, &na);
		sb = Stored(b.h, &nb);
		msize = inno_fs_merge_size(sa, sb);
		m = calloc(1, msize);
		CHECK(inno_fs_merge(m, msize, sa, sb, &err) == INNO_OK);
		s1 = Stored(serial.h, &n1);
		s2 = Stored(m, &n2);
		CHECK_INT(n1, n2);
		CHECK(n1 == n2 && memcmp(s1, s2, n1) == 0);
		free(serial.h);
		free(a.h);
		free(b.h);
		free(m);
		free(s1);
		free(s2);
		free(sa);
		free(sb);
	}
}

TEST(text_round_trip_and_rejects)
{
	Buf			b = NewBuf(64);
	InnoFsHeader *s,
			   *back;
	size_t		size,
				size2 = 0;
	char	   *text;
	InnoError	err;
	int			i;

	for (i = 0; i < NROUNDS; i++)
		AddText(&b, rounds[i]);
	s = Stored(b.h, &size);
	text = malloc(inno_fs_text_size(s));
	CHECK(inno_fs_format(s, text, inno_fs_text_size(s)) > 0);
	CHECK_MSG(inno_fs_parse(text, strlen(text), NULL, &size2, &err) == INNO_OK, "%s", err.detail);
	CHECK_INT(size2, size);
	back = calloc(1, size2);
	CHECK_MSG(inno_fs_parse(text, strlen(text), back, &size2, &err) == INNO_OK, "%s", err.detail);
	CHECK(memcmp(back, s, size) == 0);
	{
		const char *bad[] = {"", "{}", "{\"version\": 3, \"currencies\": []}",
			"{\"version\": 1, \"currencies\": [{\"currency\": \"cny\"}]}",
		"{\"version\": 1, \"currencies\": []} x"};
		size_t		k;

		for (k = 0; k < sizeof(bad) / sizeof(bad[0]); k++)
			CHECK_MSG(inno_fs_parse(bad[k], strlen(bad[k]), NULL, &size2, &err) != INNO_OK, "%s", bad[k]);
	}
	{
		const char *empty = "{\"version\": 1, \"currencies\": []}";

		CHECK(inno_fs_parse(empty, strlen(empty), NULL, &size2, &err) == INNO_OK);
	}
	/* corruptions are caught by validation */
	{
		InnoFsHeader *c = malloc(size);
		InnoFsSection *sec;

#define CORRUPT(stmt) do { memcpy(c, s, size); sec = inno_fs_first(c); stmt; \
		CHECK(inno_fs_validate(c, size, &err) == INNO_ERR_CORRUPT); } while (0)
		CORRUPT(c->version = 9);
		CORRUPT(c->used = 1);
		CORRUPT(sec->rounds += 1);
		CORRUPT(sec->sum_low = sec->sum_point + 1);
		CORRUPT(sec->band[3][1] += 100);
		CORRUPT(sec->band[3][0] = -1);
		CORRUPT(sec->flags = 4);
		CORRUPT(sec->kinds[1].rounds += 1);
		CORRUPT(sec->currency = 7);
		CORRUPT(sec->size += 8);
		CORRUPT(inno_fs_sketch(sec)->count += 1);
#undef CORRUPT
		free(c);
	}
	free(text);
	free(back);
	free(s);
	free(b.h);
}

/* threshold t in minor units of a currency with d minor digits */
static int64_t
ScaledThreshold(int t, int d)
{
	int64_t		v = inno_fs_threshold_major(t);
	int			scale;

	for (scale = 0; scale < d; scale++)
		v *= 10;
	return v;
}

/* the band of an amount is the last threshold at or below it, by a plain scan */
static void
CheckBand(int64_t minor, int d)
{
	int			want = -1,
				u;

	for (u = 0; u < INNO_FS_NTHRESHOLDS; u++)
		if (ScaledThreshold(u, d) <= minor)
			want = u;
	CHECK_MSG(inno_fs_band_of(minor, d) == want, "%lld with %d digits: %d, want %d",
			  (long long) minor, d, inno_fs_band_of(minor, d), want);
}

TEST(thresholds)
{
	int			below,
				above;

	/* 1, 2, 3 and 5 x 10^n from 1万 to 5000亿 */
	CHECK(inno_fs_threshold_major(0) == 10000);
	CHECK(inno_fs_threshold_major(1) == 20000);
	CHECK(inno_fs_threshold_major(3) == 50000);
	CHECK(inno_fs_threshold_major(16) == 100000000);
	CHECK(inno_fs_threshold_major(INNO_FS_NTHRESHOLDS - 1) == INT64_C(500000000000));
	CHECK_INT(inno_fs_threshold_index(10000000), 12);
	CHECK_INT(inno_fs_threshold_index(30000000), 14);
	CHECK_INT(inno_fs_threshold_index(40000000), -1);
	CHECK(!inno_fs_threshold_is_new(12) && inno_fs_threshold_is_new(13) && inno_fs_threshold_is_new(14) &&
		  !inno_fs_threshold_is_new(15));
	inno_fs_threshold_neighbours(40000000, &below, &above);
	CHECK(below == 14 && above == 15);
	inno_fs_threshold_neighbours(1, &below, &above);
	CHECK(below == -1 && above == 0);
	/* bands: the last threshold at or below an amount, in minor units */
	CHECK_INT(inno_fs_band_of(999999, 2), -1);		/* 9999.99 */
	CHECK_INT(inno_fs_band_of(1000000, 2), 0);		/* 1万 */
	CHECK_INT(inno_fs_band_of(INT64_C(29999999999), 2), 17);	/* 2.9999亿 */
	CHECK_INT(inno_fs_band_of(INT64_C(30000000000), 2), 18);	/* 3亿 */
	CHECK_INT(inno_fs_band_of(INT64_C(30000000000), 0), 26);	/* 300亿 in a currency without minor units */
	CHECK_INT(inno_fs_band_of(INT64_MAX, 3), 31);
	/* at, just below and just above every threshold, for 0 to 3 minor digits: the last one at or below */
	{
		int			d,
					t,
					e,
					delta;

		for (d = 0; d <= 3; d++)
			for (t = 0; t < INNO_FS_NTHRESHOLDS; t++)
				for (delta = -1; delta <= 1; delta++)
					CheckBand(ScaledThreshold(t, d) + delta, d);
		CHECK_INT(inno_fs_band_of(0, 2), -1);
		CHECK_INT(inno_fs_band_of(-5, 2), -1);
		/* at and beside every power of two, where the lookup changes rows */
		for (d = 0; d <= 3; d++)
			for (e = 0; e < 63; e++)
				for (delta = -1; delta <= 1; delta++)
					CheckBand((int64_t) (UINT64_C(1) << e) + delta, d);
	}
}

/* 0.1.0's text form (16 thresholds) reads, and its counts at 2 and 3 x 10^n are unknown */
TEST(version_1_reads)
{
	char		v1[8192],
				sk[2048],
				buf[16384];
	size_t		size = 0;
	InnoError	err;
	InnoFsHeader *h;
	const InnoFsSection *s;
	InnoQSketch *q = calloc(1, INNO_QS_SIZE(4));

	/* a 2.5亿 round, as 0.1.0 wrote it: its sketch, and 16 cumulative counts */
	CHECK(inno_qs_init(q, INNO_QS_DEFAULT_ACCURACY, inno_qs_default_max_bins(INNO_QS_DEFAULT_ACCURACY), &err) == INNO_OK);
	CHECK(inno_qs_add(q, 4, 250000000.0) == INNO_OK);
	inno_xsum_normalize(&q->sum);
	CHECK(inno_qs_format(q, sk, sizeof(sk)) > 0);
	snprintf(v1, sizeof(v1),
			 "{\"version\": 1, \"currencies\": [{\"currency\": \"CNY\", \"rounds\": 1, \"disclosed\": 1, "
			 "\"open\": 0, \"sum_low\": 25000000000, \"sum_point\": 25000000000, \"sum_high\": 25000000000, "
			 "\"min_point\": 25000000000, \"max_point\": 25000000000, \"over\": [[1, 1, 1], [1, 1, 1], [1, 1, 1], "
			 "[1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1], [1, 1, 1], [0, 0, 0], [0, 0, 0], [0, 0, 0], "
			 "[0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]], \"kinds\": {\"b\": [1, 1, 25000000000]}, \"sketch\": %s}]}",
			 sk);
	free(q);
	CHECK_MSG(inno_fs_parse(v1, strlen(v1), NULL, &size, &err) == INNO_OK, "%s", err.detail);
	h = calloc(1, size);
	CHECK_MSG(inno_fs_parse(v1, strlen(v1), h, &size, &err) == INNO_OK, "%s", err.detail);
	s = inno_fs_first(h);
	CHECK(s->flags & INNO_FS_V1_THRESHOLDS);
	CHECK_INT(inno_fs_over(s, inno_fs_threshold_index(100000000), 1), 1);	/* 2.5亿 >= 1亿 */
	CHECK_INT(inno_fs_over(s, inno_fs_threshold_index(500000000), 1), 0);
	/* written in the current form, nulls where unknown; reads back identically */
	CHECK(inno_fs_format(h, buf, sizeof(buf)) > 0);
	CHECK(strstr(buf, "\"version\": 2") != NULL && strstr(buf, "null, null") != NULL);
	{
		size_t		size2 = 0;
		InnoFsHeader *back;

		CHECK(inno_fs_parse(buf, strlen(buf), NULL, &size2, &err) == INNO_OK && size2 == size);
		back = calloc(1, size2 > size ? size2 : size);
		CHECK(inno_fs_parse(buf, strlen(buf), back, &size2, &err) == INNO_OK && memcmp(back, h, size) == 0);
		free(back);
	}
	free(h);
}

/* 0.1.0's stored layout (16 cumulative counts), as the upgrade reads it */
typedef struct V1Section
{
	uint32_t	size;
	uint16_t	currency;
	uint16_t	pad;
	int64_t		rounds,
				disclosed,
				open,
				sum_low,
				sum_point,
				sum_high,
				min_point,
				max_point;
	int64_t		over[INNO_FS_V1_NTHRESHOLDS][3];
	InnoFsKind	kinds[INNO_FS_KIND_SLOTS];
} V1Section;

TEST(version_1_stored_values_read)
{
	Buf			b = NewBuf(64);
	const InnoFsSection *s;
	char	   *v1 = calloc(1, 65536);
	char	   *o = v1 + sizeof(InnoFsHeader);
	InnoFsHeader *h1 = (InnoFsHeader *) v1;
	size_t		size = 0;
	InnoFsHeader *up;
	InnoError	err;
	int			i,
				t,
				j;

	for (i = 0; i < NROUNDS; i++)
		AddText(&b, rounds[i]);
	{
		/* the stored form, whose sketches are flat as 0.1.0's were */
		InnoFsHeader *st = Stored(b.h, &size);

		free(b.h);
		b.h = st;
	}
	s = inno_fs_first(b.h);
	*h1 = *b.h;
	h1->version = 1;
	for (i = 0; i < b.h->nsections; i++, s = inno_fs_next(s))
	{
		V1Section  *d = (V1Section *) o;
		uint32_t	nbins = inno_qs_nbins(inno_fs_sketch(s));
		size_t		sk = INNO_QS_SIZE(nbins);

		d->size = (uint32_t) (sizeof(V1Section) + sk);
		d->currency = s->currency;
		d->rounds = s->rounds;
		d->disclosed = s->disclosed;
		d->open = s->open;
		d->sum_low = s->sum_low;
		d->sum_point = s->sum_point;
		d->sum_high = s->sum_high;
		d->min_point = s->min_point;
		d->max_point = s->max_point;
		for (t = 0; t < INNO_FS_V1_NTHRESHOLDS; t++)
			for (j = 0; j < 3; j++)
				d->over[t][j] = inno_fs_over(s, inno_fs_v1_threshold(t), j);
		memcpy(d->kinds, s->kinds, sizeof(d->kinds));
		memcpy(o + sizeof(V1Section), inno_fs_sketch(s), sk);
		inno_xsum_normalize(&((InnoQSketch *) (o + sizeof(V1Section)))->sum);
		o += d->size;
	}
	h1->used = (uint32_t) (o - v1);
	CHECK(inno_fs_upgrade_v1(v1, h1->used, NULL, &size, &err) == INNO_OK);
	up = calloc(1, size);
	CHECK(inno_fs_upgrade_v1(v1, h1->used, up, &size, &err) == INNO_OK);
	CHECK_MSG(inno_fs_validate(up, size, &err) == INNO_OK, "%s", err.detail);
	/* the same counts at 1 and 5 x 10^n, sums and kinds; the other thresholds unknown */
	s = inno_fs_first(b.h);
	{
		const InnoFsSection *u = inno_fs_first(up);

		for (i = 0; i < b.h->nsections; i++, s = inno_fs_next(s), u = inno_fs_next(u))
		{
			CHECK(u->flags & INNO_FS_V1_THRESHOLDS);
			CHECK(u->sum_point == s->sum_point && u->rounds == s->rounds);
			for (t = 0; t < INNO_FS_NTHRESHOLDS; t++)
				if (!inno_fs_threshold_is_new(t))
					for (j = 0; j < 3; j++)
						CHECK(inno_fs_over(u, t, j) == inno_fs_over(s, t, j));
		}
	}
	/* a truncated or mislabelled value is refused */
	CHECK(inno_fs_upgrade_v1(v1, h1->used - 8, NULL, &size, &err) == INNO_ERR_CORRUPT);
	h1->version = 2;
	CHECK(inno_fs_upgrade_v1(v1, h1->used, NULL, &size, &err) == INNO_ERR_CORRUPT);
	free(up);
	free(v1);
	free(b.h);
}

static uint64_t
NextRandom(uint64_t *seed)
{
	*seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return *seed >> 11;
}

static bool
AnyDense(const InnoFsHeader *h)
{
	const InnoFsSection *s = inno_fs_first(h);
	int			i;

	for (i = 0; i < h->nsections; i++, s = inno_fs_next(s))
		if (s->flags & INNO_FS_DENSE)
			return true;
	return false;
}

/*
 * Each section's sketch, dense during aggregation (funstats_sketch.c) and
 * flat again for outliers, stores as the flat sketch of its amounts.
 */
TEST(dense_funding_stats_sections)
{
	enum
	{
	N = 30000};
	Buf			all = NewBuf(64),
				half[2] = {NewBuf(64), NewBuf(64)};
	InnoQSketch *ref = calloc(1, INNO_QS_SIZE(4200));
	InnoFundingRound fr;
	InnoError	err;
	InnoFsHeader *stored,
			   *sa,
			   *sb,
			   *m;
	const InnoFsSection *cny;
	size_t		size,
				na,
				nb,
				msize;
	uint64_t	seed = 77;
	bool		was_dense = false,
				ends_dense;
	int			i;

	if (inno_qs_init(ref, INNO_QS_DEFAULT_ACCURACY, inno_qs_default_max_bins(INNO_QS_DEFAULT_ACCURACY), &err) !=
		INNO_OK || inno_fr_parse("A轮 1000万元", strlen("A轮 1000万元"), 0, &fr, &err) != INNO_OK)
		abort();
	for (i = 0; i < N; i++)
	{
		double		u = (double) NextRandom(&seed) / 9007199254740992.0;
		/* CNY from 100万 to 100亿, one round in ten in USD; late, a few far above the rest */
		int64_t		major = (int64_t) (1e6 * pow(1e4, u));

		if (i >= N - 100 && i % 10 == 5)
			major = (int64_t) 1e16 / (1 + i % 7);
		fr.currency = i % 10 == 0 ? 840 : 156;
		fr.low = fr.point = fr.high = major * 100;
		AddRound(&all, &fr);
		AddRound(&half[i % 2], &fr);
		if (fr.currency == 156 && inno_qs_add(ref, 4200, (double) fr.point / 100.0) != INNO_OK)
			abort();
		was_dense = was_dense || (i % 1000 == 0 && AnyDense(all.h));
	}
	ends_dense = AnyDense(all.h);
	CHECK(was_dense);
	CHECK(inno_fs_state_fits(all.h, all.cap));
	stored = Stored(all.h, &size);
	CHECK_MSG(inno_fs_validate(stored, size, &err) == INNO_OK, "%s", err.detail);
	CHECK(!AnyDense(stored));
	/* the CNY section's sketch is the sketch of its amounts */
	cny = inno_fs_section(stored, 156);
	inno_xsum_normalize(&ref->sum);
	CHECK(cny != NULL && memcmp(inno_fs_sketch(cny), ref, INNO_QS_SIZE(inno_qs_nbins(ref))) == 0);
	/* the USD section stayed dense, CNY turned flat for its outliers */
	CHECK(ends_dense && !(inno_fs_section(all.h, 156)->flags & INNO_FS_DENSE));
	/* two halves merged are the whole */
	sa = Stored(half[0].h, &na);
	sb = Stored(half[1].h, &nb);
	msize = inno_fs_merge_size(sa, sb);
	m = calloc(1, msize);
	CHECK(inno_fs_merge(m, msize, sa, sb, &err) == INNO_OK);
	CHECK(inno_fs_stored_size(m) == size && memcmp(m, stored, size) == 0);
	/* a state's dense sketches are not merged as if they were values */
	free(m);
	msize = inno_fs_merge_size(half[0].h, half[1].h);
	m = calloc(1, msize);
	CHECK(AnyDense(half[0].h) && inno_fs_merge(m, msize, half[0].h, half[1].h, &err) == INNO_ERR_PARAM);
	free(m);
	free(sa);
	free(sb);
	free(stored);
	free(ref);
	free(all.h);
	free(half[0].h);
	free(half[1].h);
}

UNIT_SUITE(funstats_suite,
		   UNIT_CASE(sums_thresholds_kinds),
		   UNIT_CASE(merge_equals_serial),
		   UNIT_CASE(text_round_trip_and_rejects),
		   UNIT_CASE(thresholds),
		   UNIT_CASE(version_1_reads),
		   UNIT_CASE(version_1_stored_values_read),
		   UNIT_CASE(dense_funding_stats_sections));
