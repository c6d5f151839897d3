/*
 * test_funstats.c
 *	  Unit tests for funding_stats: sums, thresholds and kinds per currency,
 *	  growth of the buffer, order-independent merging, text round trip and
 *	  validation.
 */
#include "suites.h"
#include "funstats.h"

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
AddText(Buf *b, const char *text)
{
	InnoFundingRound fr;
	InnoError	err;
	size_t		need = 0;
	InnoStatus	st;

	if (inno_fr_parse(text, strlen(text), 0, &fr, &err) != INNO_OK)
		abort();
	while ((st = inno_fs_add(b->h, b->cap, &fr, &need)) == INNO_ERR_RANGE)
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
	CHECK_INT(cny->over[t1e8][1], 4);
	/* certainly (low) over 1亿: 1.6亿 low, 1亿 open, 20亿, 1.5亿 */
	CHECK_INT(cny->over[t1e8][0], 4);
	/* possibly (high) over 1亿: also 近亿 (high 1亿) */
	CHECK_INT(cny->over[t1e8][2], 5);
	/* 999万 is not over 1000万 by point */
	CHECK(cny->over[t1e7][1] == 10);
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
				   *s2;
		size_t		msize,
					n1,
					n2;
		InnoError	err;
		int			i;

		for (i = 0; i < NROUNDS; i++)
			AddText(&serial, rounds[i]);
		/* the rounds split in two, and added in reverse */
		for (i = NROUNDS - 1; i >= 0; i--)
			AddText(i < split ? &a : &b, rounds[i]);
		msize = inno_fs_merge_size(a.h, b.h);
		m = calloc(1, msize);
		CHECK(inno_fs_merge(m, msize, a.h, b.h, &err) == INNO_OK);
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
		const char *bad[] = {"", "{}", "{\"version\": 2, \"currencies\": []}",
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
		CORRUPT(sec->over[3][1] = sec->over[3][0] + 100);
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

TEST(thresholds)
{
	CHECK(inno_fs_threshold_major(0) == 10000);
	CHECK(inno_fs_threshold_major(1) == 50000);
	CHECK(inno_fs_threshold_major(8) == 100000000);
	CHECK(inno_fs_threshold_major(15) == INT64_C(500000000000));
	CHECK_INT(inno_fs_threshold_index(10000000), 6);
	CHECK_INT(inno_fs_threshold_index(30000000), -1);
}

UNIT_SUITE(funstats_suite,
		   UNIT_CASE(sums_thresholds_kinds),
		   UNIT_CASE(merge_equals_serial),
		   UNIT_CASE(text_round_trip_and_rejects),
		   UNIT_CASE(thresholds));
