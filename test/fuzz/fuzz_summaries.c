/*
 * fuzz_summaries.c
 *	  libFuzzer target for the summary types' text and binary readers:
 *	  stage_funnel, stage_history, quantile_sketch, funding_stats,
 *	  stage_survival, exact sums, designation_set and designation_counts.
 *
 * The first byte picks the reader; the rest is its input.  Oracles: no
 * crash or out-of-bounds access (ASan/UBSan); whatever a reader accepts
 * validates, and writing it out and reading it back gives the same bytes;
 * its accessors answer finitely within its bounds; merged with itself it
 * validates again (or the merge is refused as out of range); packed and
 * unpacked it is the same value.  The packed readers (only the extension
 * writes that form) need only keep every reader within the value: for them
 * the oracle is no crash, and that packing what they read reads back the
 * same; merges (which the server runs only on validated values) are tried
 * on what validates.
 */
#include "desigcounts.h"
#include "funnel.h"
#include "funstats.h"
#include "history.h"
#include "qsketch.h"
#include "survival.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_summaries_desig.h"
#include "fuzz_summaries_survival.h"

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * Merging a value with itself must give a value that validates (or a clean
 * out-of-range refusal): merge results are checked like any input.
 */
static void
FunnelSelfMerge(const InnoFunnel *f)
{
	InnoFunnel	m = *f;
	InnoError	err;

	if (inno_funnel_merge(&m, f) == INNO_OK && inno_funnel_validate(&m, &err) != INNO_OK)
		abort();
}

static void
HistorySelfMerge(const InnoHistory *h)
{
	InnoHistory m = *h;
	InnoError	err;

	inno_history_merge(&m, h);
	if (inno_history_validate(&m, &err) != INNO_OK || memcmp(&m, h, sizeof(m)) != 0)
		abort();
}

/* Packing a sketch and unpacking it gives the same flat sketch. */
static void
SketchPackRoundTrip(const InnoQSketch *q)
{
	uint8_t    *packed = malloc(inno_qs_pack_bound(q));
	size_t		len = inno_qs_pack(q, packed);
	uint32_t	nbins = 0;
	InnoQSketch *back;
	InnoError	err;

	if (len > inno_qs_pack_bound(q) || inno_qs_unpack(packed, len, NULL, &nbins, &err) != INNO_OK ||
		nbins != inno_qs_nbins(q))
		abort();
	back = malloc(INNO_QS_SIZE(nbins));
	if (inno_qs_unpack(packed, len, back, &nbins, &err) != INNO_OK ||
		memcmp(back, q, offsetof(InnoQSketch, sum)) != 0 || memcmp(&back->bins, &q->bins, nbins * sizeof(InnoQsBin)) != 0)
		abort();
	inno_xsum_normalize(&back->sum);
	{
		InnoExactSum qs = q->sum;

		inno_xsum_normalize(&qs);
		if (memcmp(&qs, &back->sum, sizeof(qs)) != 0)
			abort();
	}
	free(packed);
	free(back);
}

static void
FundingStatsPackRoundTrip(const InnoFsHeader *h)
{
	uint8_t    *packed = malloc(inno_fs_pack_bound(h));
	size_t		len = inno_fs_pack(h, packed);
	size_t		size = 0;
	InnoFsHeader *back;
	InnoError	err;

	const InnoFsSection *s = inno_fs_first(h);
	int			i;

	if (len > inno_fs_pack_bound(h) || inno_fs_unpack(packed, len, NULL, &size, &err) != INNO_OK ||
		size != h->used)
		abort();
	back = calloc(1, size);
	if (inno_fs_unpack(packed, len, back, &size, &err) != INNO_OK || memcmp(back, h, size) != 0)
		abort();
	/* the accessors' shortcut reads each section's fixed fields as unpacking does */
	for (i = 0; i < h->nsections; i++, s = inno_fs_next(s))
	{
		InnoFsSection head;
		bool		found;

		if (inno_fs_packed_head(packed, len, s->currency, &head, &found, &err) != INNO_OK || !found ||
			memcmp(&head.rounds, &s->rounds, offsetof(InnoFsSection, band) - offsetof(InnoFsSection, rounds)) != 0)
			abort();
	}
	free(packed);
	free(back);
}

/*
 * Every accessor of an accepted sketch answers finitely and within the
 * value's own bounds: quantiles non-decreasing in q, between min and max,
 * the mean too.  A merge with itself validates and doubles the count.
 */
static void
SketchAnswers(const InnoQSketch *q)
{
	static const double qs[] = {0.0, 0.001, 0.25, 0.5, 0.75, 0.999, 1.0};
	double		prev = 0;
	unsigned	i;
	InnoQSketch *m;
	InnoError	err;

	if (q->count > 0)
	{
		double		mean = inno_qs_mean(q);

		if (!isfinite(mean) || mean < q->min || mean > q->max)
			abort();
		for (i = 0; i < sizeof(qs) / sizeof(qs[0]); i++)
		{
			double		v = inno_qs_quantile(q, qs[i]);

			if (!isfinite(v) || v < q->min || v > q->max || (i > 0 && v < prev))
				abort();
			prev = v;
		}
	}
	SketchPackRoundTrip(q);
	m = malloc(INNO_QS_SIZE(2 * inno_qs_nbins(q)));
	if (inno_qs_merge(m, q, q, &err) == INNO_OK &&
		(inno_qs_validate(m, INNO_QS_SIZE(inno_qs_nbins(m)), &err) != INNO_OK || m->count != 2 * q->count))
		abort();
	free(m);
}

static void
FundingStatsSelfMerge(const InnoFsHeader *h)
{
	size_t		cap = inno_fs_merge_size(h, h);
	InnoFsHeader *m = calloc(1, cap);
	InnoError	err;

	if (inno_fs_merge(m, cap, h, h, &err) == INNO_OK &&
		inno_fs_validate(m, inno_fs_stored_size(m), &err) != INNO_OK)
		abort();
	free(m);
}

static void
FunnelText(const char *s, size_t n)
{
	InnoFunnel	f,
				g;
	InnoError	err;
	char		buf[INNO_FUNNEL_TEXT_MAX];

	if (inno_funnel_parse(s, n, &f, &err) != INNO_OK)
		return;
	if (inno_funnel_validate(&f, &err) != INNO_OK || inno_funnel_format(&f, buf, sizeof(buf)) < 0 ||
		inno_funnel_parse(buf, strlen(buf), &g, &err) != INNO_OK || memcmp(&f, &g, sizeof(f)) != 0)
		abort();
	FunnelSelfMerge(&f);
}

static void
FunnelBinary(const uint8_t *b, size_t n)
{
	InnoFunnel	f;
	InnoError	err;
	uint8_t		buf[INNO_FUNNEL_BINARY_LEN];

	if (inno_funnel_decode_binary(b, n, &f, &err) != INNO_OK)
		return;
	inno_funnel_encode_binary(&f, buf);
	if (n != sizeof(buf) || memcmp(buf, b, n) != 0)
		abort();
	FunnelSelfMerge(&f);
}

static void
HistoryText(const char *s, size_t n)
{
	InnoHistory h,
				g;
	InnoError	err;
	char		buf[INNO_HISTORY_TEXT_MAX];

	if (inno_history_parse(s, n, &h, &err) != INNO_OK)
		return;
	if (inno_history_validate(&h, &err) != INNO_OK || inno_history_format(&h, buf, sizeof(buf)) < 0 ||
		inno_history_parse(buf, strlen(buf), &g, &err) != INNO_OK || memcmp(&h, &g, sizeof(h)) != 0)
		abort();
	HistorySelfMerge(&h);
}

static void
HistoryBinary(const uint8_t *b, size_t n)
{
	InnoHistory h;
	InnoError	err;
	uint8_t		buf[INNO_HISTORY_BINARY_LEN];

	if (inno_history_decode_binary(b, n, &h, &err) != INNO_OK)
		return;
	inno_history_encode_binary(&h, buf);
	if (n != sizeof(buf) || memcmp(buf, b, n) != 0)
		abort();
	HistorySelfMerge(&h);
}

static void
SketchText(const char *s, size_t n)
{
	uint32_t	nbins = 0;
	InnoError	err;
	InnoQSketch *q;
	char	   *buf;
	size_t		tlen;

	if (inno_qs_parse(s, n, NULL, &nbins, &err) != INNO_OK)
		return;
	q = malloc(INNO_QS_SIZE(nbins));
	if (inno_qs_parse(s, n, q, &nbins, &err) == INNO_OK)
	{
		if (inno_qs_validate(q, INNO_QS_SIZE(nbins), &err) != INNO_OK)
			abort();
		InnoQSketch *back = malloc(INNO_QS_SIZE(nbins));
		uint32_t	nbins2 = nbins;

		tlen = inno_qs_text_size(q);
		buf = malloc(tlen);
		/* equivalent spellings are accepted; the value read back must be identical */
		if (inno_qs_format(q, buf, tlen) < 0 ||
			inno_qs_parse(buf, strlen(buf), back, &nbins2, &err) != INNO_OK ||
			nbins2 != nbins || memcmp(back, q, INNO_QS_SIZE(nbins)) != 0)
			abort();
		SketchAnswers(q);
		free(buf);
		free(back);
	}
	free(q);
}

static void
SketchBinary(const uint8_t *b, size_t n)
{
	uint32_t	nbins = 0;
	InnoError	err;
	InnoQSketch *q;

	if (inno_qs_decode_binary(b, n, NULL, &nbins, &err) != INNO_OK)
		return;
	q = malloc(INNO_QS_SIZE(nbins));
	if (inno_qs_decode_binary(b, n, q, &nbins, &err) == INNO_OK)
	{
		uint8_t    *buf = malloc(inno_qs_binary_size(q));

		inno_qs_encode_binary(q, buf);
		if (inno_qs_binary_size(q) != n || memcmp(buf, b, n) != 0)
			abort();
		SketchAnswers(q);
		free(buf);
	}
	free(q);
}

static void
SumText(const char *s, size_t n)
{
	InnoExactSum x,
				y;
	InnoError	err;
	char		buf[INNO_XSUM_TEXT_MAX];

	if (inno_xsum_parse(s, n, &x, &err) != INNO_OK)
		return;
	if (inno_xsum_format(&x, buf, sizeof(buf)) < 0 ||
		inno_xsum_parse(buf, strlen(buf), &y, &err) != INNO_OK || memcmp(&x, &y, sizeof(x)) != 0)
		abort();
	(void) inno_xsum_to_double(&x);
}

static void
FundingStatsText(const char *s, size_t n)
{
	size_t		size = 0,
				size2 = 0;
	InnoError	err;
	InnoFsHeader *h,
			   *back;
	char	   *buf;

	if (inno_fs_parse(s, n, NULL, &size, &err) != INNO_OK)
		return;
	h = calloc(1, size);
	if (inno_fs_parse(s, n, h, &size, &err) == INNO_OK)
	{
		if (inno_fs_validate(h, size, &err) != INNO_OK)
			abort();
		buf = malloc(inno_fs_text_size(h));
		if (inno_fs_format(h, buf, inno_fs_text_size(h)) < 0 ||
			inno_fs_parse(buf, strlen(buf), NULL, &size2, &err) != INNO_OK || size2 != size)
			abort();
		back = calloc(1, size2);
		if (inno_fs_parse(buf, strlen(buf), back, &size2, &err) != INNO_OK || memcmp(back, h, size) != 0)
			abort();
		FundingStatsSelfMerge(h);
		FundingStatsPackRoundTrip(h);
		free(back);
		free(buf);
	}
	free(h);
}

/* Any bytes the packed sketch reader takes: every reader stays within them. */
static void
SketchPacked(const uint8_t *b, size_t n)
{
	uint32_t	nbins = 0;
	InnoError	err;
	InnoQSketch *q;

	if (inno_qs_unpack(b, n, NULL, &nbins, &err) != INNO_OK)
		return;
	q = malloc(INNO_QS_SIZE(nbins));
	if (inno_qs_unpack(b, n, q, &nbins, &err) == INNO_OK)
	{
		(void) inno_qs_quantile(q, 0.5);
		(void) inno_qs_quantile(q, 0.999);
		(void) inno_qs_mean(q);
		SketchPackRoundTrip(q);
		/* what validates merges as any valid sketch does */
		if (inno_qs_validate(q, INNO_QS_SIZE(nbins), &err) == INNO_OK)
			SketchAnswers(q);
	}
	free(q);
}

static void
FundingStatsPacked(const uint8_t *b, size_t n)
{
	size_t		size = 0;
	InnoError	err;
	InnoFsHeader *h;

	if (inno_fs_unpack(b, n, NULL, &size, &err) != INNO_OK)
		return;
	h = calloc(1, size);
	if (inno_fs_unpack(b, n, h, &size, &err) == INNO_OK)
	{
		FundingStatsPackRoundTrip(h);
		/* what validates merges as any valid value does */
		if (inno_fs_validate(h, size, &err) == INNO_OK)
			FundingStatsSelfMerge(h);
	}
	free(h);
}

/*
 * Any bytes as a list of rounds (the small form): when it is valid, the
 * fixed fields the accessors read from the rounds are those of the flat
 * value built from them, for every currency.
 */
static void
FundingStatsList(const uint8_t *b, size_t n)
{
	InnoFsList *l = calloc(1, n > INNO_FS_LIST_SIZE(0) ? n : INNO_FS_LIST_SIZE(0));
	size_t		cap = 64,
				need = 0;
	InnoFsHeader *h;
	const InnoFsSection *s;
	int			i;

	memcpy(l, b, n);
	if (!inno_fs_list_valid(l, n))
	{
		free(l);
		return;
	}
	h = calloc(1, cap);
	inno_fs_init(h);
	for (i = 0; i < l->n; i++)
	{
		InnoStatus	st;

		while ((st = inno_fs_add(h, cap, &l->rounds[i], &need)) == INNO_ERR_RANGE)
		{
			h = realloc(h, need);
			memset((char *) h + cap, 0, need - cap);
			cap = need;
		}
		if (st != INNO_OK)
			abort();			/* at most 8 valid rounds never overflow */
	}
	for (i = 0, s = inno_fs_first(h); i < h->nsections; i++, s = inno_fs_next(s))
	{
		InnoFsSection head;
		bool		found;

		inno_fs_list_head(l, s->currency, &head, &found);
		if (!found ||
			memcmp(&head.rounds, &s->rounds, offsetof(InnoFsSection, band) - offsetof(InnoFsSection, rounds)) != 0)
			abort();
	}
	inno_fs_list_canonical(l);
	if (!inno_fs_list_valid(l, n))
		abort();
	free(h);
	free(l);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data + 1;
	size_t		n = size - 1;

	if (size == 0)
		return 0;
	/* first bytes 0xF0 to 0xF8 (added later; the others keep their readers) */
	if (data[0] == 0xF5)
	{
		DesigSetText(s, n);
		return 0;
	}
	if (data[0] == 0xF6)
	{
		DesigSetBinary(data + 1, n);
		return 0;
	}
	if (data[0] == 0xF7)
	{
		DesigCountsText(s, n);
		return 0;
	}
	if (data[0] == 0xF8)
	{
		DesigCountsBinary(data + 1, n);
		return 0;
	}
	if (data[0] == 0xF0)
	{
		SurvivalText(s, n);
		return 0;
	}
	if (data[0] == 0xF1)
	{
		SurvivalBinary(data + 1, n);
		return 0;
	}
	if (data[0] == 0xF2)
	{
		SketchPacked(data + 1, n);
		return 0;
	}
	if (data[0] == 0xF3)
	{
		FundingStatsPacked(data + 1, n);
		return 0;
	}
	if (data[0] == 0xF4)
	{
		FundingStatsList(data + 1, n);
		return 0;
	}
	switch (data[0] % 8)
	{
		case 0:
			FunnelText(s, n);
			break;
		case 1:
			FunnelBinary(data + 1, n);
			break;
		case 2:
			HistoryText(s, n);
			break;
		case 3:
			HistoryBinary(data + 1, n);
			break;
		case 4:
			SketchText(s, n);
			break;
		case 5:
			SketchBinary(data + 1, n);
			break;
		case 6:
			SumText(s, n);
			break;
		default:
			FundingStatsText(s, n);
			break;
	}
	return 0;
}
