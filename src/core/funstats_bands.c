/*
 * funstats_bands.c
 *	  funding_stats' standard thresholds, the bands between them, and the
 *	  reading of version 1 values (0.1.0's, which counted fewer thresholds).
 */
#include "funstats.h"

#include <stdio.h>
#include <string.h>

/*
 * The standard thresholds, in currency units: the lines reports draw, 1, 2,
 * 3 and 5 x 10^n from 1万 to 5000亿.  The parser's hints, the SQL messages
 * and the doc table (make doc-tables) read this table.
 */
static const int64_t thresholds[INNO_FS_NTHRESHOLDS] = {
	INT64_C(10000), INT64_C(20000), INT64_C(30000), INT64_C(50000),
	INT64_C(100000), INT64_C(200000), INT64_C(300000), INT64_C(500000),
	INT64_C(1000000), INT64_C(2000000), INT64_C(3000000), INT64_C(5000000),
	INT64_C(10000000), INT64_C(20000000), INT64_C(30000000), INT64_C(50000000),
	INT64_C(100000000), INT64_C(200000000), INT64_C(300000000), INT64_C(500000000),
	INT64_C(1000000000), INT64_C(2000000000), INT64_C(3000000000), INT64_C(5000000000),
	INT64_C(10000000000), INT64_C(20000000000), INT64_C(30000000000), INT64_C(50000000000),
	INT64_C(100000000000), INT64_C(200000000000), INT64_C(300000000000), INT64_C(500000000000),
};

int64_t
inno_fs_threshold_major(int t)
{
	return t >= 0 && t < INNO_FS_NTHRESHOLDS ? thresholds[t] : 0;
}

void
inno_fs_threshold_list(char *buf, size_t buflen)
{
	size_t		o = 0;
	int			t;

	buf[0] = '\0';
	for (t = 0; t < INNO_FS_NTHRESHOLDS && o < buflen; t++)
		o += (size_t) snprintf(buf + o, buflen - o, "%s%lld", t == 0 ? "" : t == INNO_FS_NTHRESHOLDS - 1 ? " or " : ", ",
							   (long long) thresholds[t]);
}

int
inno_fs_threshold_index(int64_t major)
{
	int			t;

	for (t = 0; t < INNO_FS_NTHRESHOLDS; t++)
		if (thresholds[t] == major)
			return t;
	return -1;
}

void
inno_fs_threshold_neighbours(int64_t major, int *below, int *above)
{
	int			t;

	*below = *above = -1;
	for (t = 0; t < INNO_FS_NTHRESHOLDS; t++)
	{
		if (thresholds[t] < major)
			*below = t;
		else if (thresholds[t] > major && *above < 0)
			*above = t;
	}
}

bool
inno_fs_threshold_is_new(int t)
{
	static bool made = false;
	static bool is_new[INNO_FS_NTHRESHOLDS];

	if (!made)
	{
		int			u;

		for (u = 0; u < INNO_FS_NTHRESHOLDS; u++)
		{
			int64_t		v = inno_fs_threshold_major(u);

			while (v >= 10 && v % 10 == 0)
				v /= 10;
			is_new[u] = v == 2 || v == 3;
		}
		made = true;
	}
	return is_new[t];
}

#if (INNO_FS_NTHRESHOLDS & (INNO_FS_NTHRESHOLDS - 1)) != 0
#error "inno_fs_band_of's search needs a power of two thresholds"
#endif

/*
 * The thresholds in minor units, per number of minor digits (0 to 3), made
 * once, each row followed by two sentinels; and per row and power of two
 * 2^e, how many thresholds lie below 2^e.  Consecutive thresholds differ by
 * a factor of 1.5 at least, so at most two lie in [2^e, 2^(e+1)): the band of
 * an amount is the count below its power of two plus two comparisons, made
 * side by side (the amounts come in any order, so a branch or a chain of
 * dependent loads per comparison would cost more).
 */
static uint64_t minor_thresholds[4][INNO_FS_NTHRESHOLDS + 2];	/* unsigned: no amount reaches a sentinel */
static uint8_t below_power[4][64];
static bool minor_ready;

static void
MakeMinor(void)
{
	int			d,
				t,
				e,
				i;

	for (d = 0; d < 4; d++)
	{
		for (t = 0; t < INNO_FS_NTHRESHOLDS; t++)
		{
			int64_t		v = thresholds[t];

			for (i = 0; i < d; i++)
				v *= 10;
			minor_thresholds[d][t] = (uint64_t) v;
		}
		minor_thresholds[d][INNO_FS_NTHRESHOLDS] = UINT64_MAX;
		minor_thresholds[d][INNO_FS_NTHRESHOLDS + 1] = UINT64_MAX;
		for (e = 0; e < 64; e++)
		{
			for (t = 0; t < INNO_FS_NTHRESHOLDS && e < 63 && minor_thresholds[d][t] < (UINT64_C(1) << e); t++)
				;
			below_power[d][e] = (uint8_t) (e < 63 ? t : INNO_FS_NTHRESHOLDS);
		}
	}
	minor_ready = true;
}

int
inno_fs_band_of(int64_t minor, int minor_digits)
{
	const uint64_t *thr;
	int			d = minor_digits < 0 || minor_digits > 3 ? 2 : minor_digits;
	int			n;

	if (__builtin_expect(!minor_ready, 0))
		MakeMinor();
	if (minor <= 0)
		return -1;
	thr = minor_thresholds[d];
	/* the number of thresholds at or below minor, minus one */
	n = below_power[d][63 - __builtin_clzll((unsigned long long) minor)];
	return n + (thr[n] <= (uint64_t) minor) + (thr[n + 1] <= (uint64_t) minor) - 1;
}

int64_t
inno_fs_over(const InnoFsSection *s, int t, int basis)
{
	int64_t		n = 0;
	int			u;

	/* a validated section's bands add up to at most its disclosed rounds */
	for (u = t; u < INNO_FS_NTHRESHOLDS; u++)
		n += s->band[u][basis];
	return n;
}

/* ---- version 1 ---- */

/* a version 1 section, as 0.1.0 laid it out: cumulative counts at 16 thresholds */
typedef struct SectionV1
{
	uint32_t	size;
	uint16_t	currency;
	uint16_t	pad;
	int64_t		rounds;
	int64_t		disclosed;
	int64_t		open;
	int64_t		sum_low;
	int64_t		sum_point;
	int64_t		sum_high;
	int64_t		min_point;
	int64_t		max_point;
	int64_t		over[INNO_FS_V1_NTHRESHOLDS][3];
	InnoFsKind	kinds[INNO_FS_KIND_SLOTS];
	/* an InnoQSketch follows */
} SectionV1;

InnoStatus
inno_fs_upgrade_v1(const void *v1, size_t size, InnoFsHeader *out, size_t *outsize, InnoError *err)
{
	const InnoFsHeader *h = v1;
	const char *p;
	size_t		off = sizeof(InnoFsHeader),
				total = sizeof(InnoFsHeader);
	char	   *o = NULL;
	int			i;

	inno_error_clear(err);
	if (size < sizeof(InnoFsHeader) || h->version != 1 || h->used != size)
		goto corrupt;
	if (out)
	{
		inno_fs_init(out);
		out->nsections = h->nsections;
		o = (char *) inno_fs_first(out);
	}
	p = (const char *) v1 + sizeof(InnoFsHeader);
	for (i = 0; i < h->nsections; i++)
	{
		const SectionV1 *s = (const SectionV1 *) p;
		size_t		sketch;
		int			t,
					j;

		if (off + sizeof(SectionV1) > size || s->size < sizeof(SectionV1) || s->size > size - off ||
			s->size % 8 != 0)
			goto corrupt;
		sketch = s->size - sizeof(SectionV1);
		if (out)
		{
			InnoFsSection *d = (InnoFsSection *) o;

			memset(d, 0, sizeof(InnoFsSection));
			d->size = (uint32_t) (sizeof(InnoFsSection) + sketch);
			d->currency = s->currency;
			d->flags = INNO_FS_V1_THRESHOLDS;
			d->rounds = s->rounds;
			d->disclosed = s->disclosed;
			d->open = s->open;
			d->sum_low = s->sum_low;
			d->sum_point = s->sum_point;
			d->sum_high = s->sum_high;
			d->min_point = s->min_point;
			d->max_point = s->max_point;
			/* cumulative counts at 1 and 5 x 10^n into bands: each to the next known threshold */
			for (t = 0; t < INNO_FS_V1_NTHRESHOLDS; t++)
				for (j = 0; j < 3; j++)
					d->band[inno_fs_v1_threshold(t)][j] = s->over[t][j] -
						(t + 1 < INNO_FS_V1_NTHRESHOLDS ? s->over[t + 1][j] : 0);
			memcpy(d->kinds, s->kinds, sizeof(d->kinds));
			memcpy((char *) d + sizeof(InnoFsSection), p + sizeof(SectionV1), sketch);
			o += d->size;
		}
		total += sizeof(InnoFsSection) + sketch;
		off += s->size;
		p += s->size;
	}
	if (off != size)
		goto corrupt;
	if (out)
		out->used = (uint32_t) total;
	*outsize = total;
	return INNO_OK;
corrupt:
	inno_set_detail(err, "The stored funding_stats (format version 1) is invalid.");
	return INNO_ERR_CORRUPT;
}
