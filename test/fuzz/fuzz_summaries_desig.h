/*
 * fuzz_summaries_desig.h
 *	  fuzz_summaries' readers of designation_set and designation_counts
 *	  (text and binary), and the oracles for what they accept.  Included by
 *	  fuzz_summaries.c only.
 */
#ifndef FUZZ_SUMMARIES_DESIG_H
#define FUZZ_SUMMARIES_DESIG_H

#include "desigcounts.h"

/*
 * designation_set: an accepted set checks, its text reads back as the same
 * bytes and so does its binary form; united with itself it is unchanged;
 * every accessor answers for every scheme, level and year; counted alone it
 * makes a designation_counts that checks.
 */
static void
DesigSetAccepted(const InnoDesigSet *s)
{
	static char text[INNO_DSET_TEXT_MAX];
	uint8_t		bin[INNO_DSET_BINARY_LEN];
	InnoDesigSet back;
	InnoError	err;
	unsigned	scheme,
				level,
				from,
				to;
	int			y;
	InnoDesigCounts *c;

	if (inno_dset_check(s, &err) != INNO_OK)
		abort();
	inno_dset_format(s, text, sizeof(text));
	if (strlen(text) + 1 >= sizeof(text) || inno_dset_parse(text, strlen(text), &back, &err) != INNO_OK ||
		memcmp(&back, s, sizeof(back)) != 0)
		abort();
	inno_dset_encode_binary(s, bin);
	if (inno_dset_decode_binary(bin, sizeof(bin), &back, &err) != INNO_OK || memcmp(&back, s, sizeof(back)) != 0)
		abort();
	back = *s;
	if (inno_dset_union(&back, s, &err) != INNO_OK || memcmp(&back, s, sizeof(back)) != 0)
		abort();
	for (scheme = 1; scheme <= INNO_SCHEME_COUNT; scheme++)
	{
		bool		any = false;

		for (y = INNO_DESIG_YEAR_MIN - 1; y <= INNO_DESIG_YEAR_MAX + 1; y++)
		{
			int			v = inno_dset_valid_in(s, scheme, y);

			/* known valid only where some list of the scheme is */
			if (v < -1 || v > 1 || (v == 1 && !inno_dset_holds_scheme(s, scheme)))
				abort();
		}
		for (level = 0; level <= INNO_LEVEL_COUNT; level++)
			for (y = 0; y <= INNO_DSET_SPAN; y++)
				any |= inno_dset_holds(s, inno_desig_make(scheme, level, y ? s->base + (unsigned) y - 1 : 0, 0, 0, 0));
		if (any != inno_dset_holds_scheme(s, scheme))
			abort();
	}
	/* counted alone: a summary of one firm that checks, with the set's years as its window */
	c = calloc(1, inno_dcounts_size(0));
	inno_dcounts_init(c);
	if (inno_dset_years(s, &from, &to))
	{
		InnoDesigCounts *w = calloc(1, inno_dcounts_size(to - from + 1));

		inno_dcounts_widen(c, w, from, to - from + 1);
		free(c);
		c = w;
	}
	if (inno_dcounts_add(c, s, &err) != INNO_OK || inno_dcounts_check(c, inno_dcounts_size(c->nyears), &err) != INNO_OK)
		abort();
	free(c);
}

static void
DesigSetText(const char *t, size_t n)
{
	InnoDesigSet s;
	InnoError	err;

	if (inno_dset_parse(t, n, &s, &err) != INNO_OK)
		return;
	DesigSetAccepted(&s);
}

static void
DesigSetBinary(const uint8_t *b, size_t n)
{
	InnoDesigSet s;
	InnoError	err;
	uint8_t		bin[INNO_DSET_BINARY_LEN];

	if (inno_dset_decode_binary(b, n, &s, &err) != INNO_OK)
		return;
	inno_dset_encode_binary(&s, bin);
	if (n != sizeof(bin) || memcmp(bin, b, n) != 0)
		abort();
	DesigSetAccepted(&s);
}

/* the readers allocate before they check: what a refused value took is freed here */
static void *last_alloc;

static void *
TrackedAlloc(size_t n)
{
	return last_alloc = malloc(n);
}

/*
 * designation_counts: an accepted summary checks, its text and binary
 * forms read back as the same bytes, and merged with itself (every count
 * doubled) it checks again, or the merge is refused as out of range.
 */
static void
DesigCountsAccepted(const InnoDesigCounts *c, size_t size)
{
	size_t		need = inno_dcounts_format(c, NULL, 0),
				size2 = 0;
	char	   *text = malloc(need);
	uint8_t    *bin = malloc(inno_dcounts_binary_len(c->nyears));
	InnoDesigCounts *back = NULL,
			   *twice;
	InnoError	err;

	if (inno_dcounts_check(c, size, &err) != INNO_OK || size != inno_dcounts_size(c->nyears))
		abort();
	if (inno_dcounts_format(c, text, need) != need || strlen(text) + 1 != need ||
		inno_dcounts_parse(text, strlen(text), TrackedAlloc, &back, &size2, &err) != INNO_OK ||
		size2 != size || memcmp((const char *) back + 4, (const char *) c + 4, size - 4) != 0)
		abort();
	free(back);
	back = NULL;
	inno_dcounts_encode_binary(c, bin);
	if (inno_dcounts_decode_binary(bin, inno_dcounts_binary_len(c->nyears), TrackedAlloc, &back, &size2, &err) != INNO_OK ||
		size2 != size || memcmp((const char *) back + 4, (const char *) c + 4, size - 4) != 0)
		abort();
	free(back);
	twice = malloc(size);
	memcpy(twice, c, size);
	if (inno_dcounts_merge(twice, c, &err) == INNO_OK &&
		inno_dcounts_check(twice, size, &err) != INNO_OK)
		abort();
	free(twice);
	free(bin);
	free(text);
}

static void
DesigCountsText(const char *t, size_t n)
{
	InnoDesigCounts *c = NULL;
	size_t		size = 0;
	InnoError	err;

	last_alloc = NULL;
	if (inno_dcounts_parse(t, n, TrackedAlloc, &c, &size, &err) != INNO_OK)
	{
		free(last_alloc);
		return;
	}
	DesigCountsAccepted(c, size);
	free(c);
}

static void
DesigCountsBinary(const uint8_t *b, size_t n)
{
	InnoDesigCounts *c = NULL;
	size_t		size = 0;
	InnoError	err;
	uint8_t    *bin;

	last_alloc = NULL;
	if (inno_dcounts_decode_binary(b, n, TrackedAlloc, &c, &size, &err) != INNO_OK)
	{
		free(last_alloc);
		return;
	}
	bin = malloc(inno_dcounts_binary_len(c->nyears));
	inno_dcounts_encode_binary(c, bin);
	if (n != inno_dcounts_binary_len(c->nyears) || memcmp(bin, b, n) != 0)
		abort();
	free(bin);
	DesigCountsAccepted(c, size);
	free(c);
}

#endif							/* FUZZ_SUMMARIES_DESIG_H */
