/*
 * fuzz_extract.c
 *	  libFuzzer target for inno_fr_extract, the reader of the funding rounds
 *	  a paragraph or an article mentions.
 *
 * The whole input is read without a default currency; then the input
 * after its first byte is read without one and with the default currency
 * the first byte picks (one of the known currencies).
 *
 * Oracles: no crash or out-of-bounds access (ASan/UBSan), and
 *	- inno_fr_extract returns false exactly when the text is not valid UTF-8
 *	  or holds a NUL;
 *	- every mention has byte_start < byte_end <= len and char_start <
 *	  char_end, both at character boundaries; the number of characters in
 *	  [0, byte_start) is char_start, in [0, byte_end) char_end;
 *	- mentions come in increasing order of byte_start;
 *	- every mention's round validates, formats, and parses back to the
 *	  bytewise identical value;
 *	- a default currency only adds mentions: each mention found without one
 *	  is found with one, with the same spans and value.
 */
#include "funding.h"
#include "fuzz_utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FAIL(what) \
	do { \
		fprintf(stderr, "fuzz_extract: oracle failed: %s (line %d)\n", what, __LINE__); \
		abort(); \
	} while (0)

/*
 * How strictly mentions must follow each other: 2, in increasing order of
 * byte_start (the default); 1, in non-decreasing order; 0, not checked
 * (-DFUZZ_EXTRACT_ORDER=0 to look for other failures past a known one).
 */
#ifndef FUZZ_EXTRACT_ORDER
#define FUZZ_EXTRACT_ORDER 2
#endif

typedef struct Mentions
{
	InnoFrMention *m;
	size_t		n,
				cap;
} Mentions;

static void
Collect(void *ctx, const InnoFrMention *m)
{
	Mentions   *ms = ctx;

	if (ms->n == ms->cap)
	{
		ms->cap = ms->cap ? 2 * ms->cap : 16;
		ms->m = realloc(ms->m, sizeof(InnoFrMention) * ms->cap);
		if (ms->m == NULL)
			abort();
	}
	ms->m[ms->n++] = *m;
}

/* length of a valid UTF-8 character at s[pos], 0 if none (strict) */
static int
Utf8Len(const uint8_t *s, size_t len, size_t pos)
{
	uint32_t	c;

	return fuzz_utf8_at(s, len, pos, &c);
}

/*
 * Read s[0..len) with a default currency and check every mention.  chars_at
 * gives, for each byte offset that starts a character (and len), the number
 * of characters before it; -1 elsewhere.  Returns inno_fr_extract's result.
 */
static bool
Extract(const uint8_t *s, size_t len, const long *chars_at, bool valid, uint16_t currency, Mentions *ms)
{
	bool		ok;
	size_t		i;

	ms->n = 0;
	ok = inno_fr_extract((const char *) s, len, currency, Collect, ms);
	if (ok != valid)
		FAIL(valid ? "inno_fr_extract rejects valid UTF-8 without a NUL"
			 : "inno_fr_extract accepts invalid UTF-8 or a NUL");
	if (!ok)
		return false;
	for (i = 0; i < ms->n; i++)
	{
		const InnoFrMention *m = &ms->m[i];
		InnoFundingRound back;
		InnoError	err;
		char		buf[INNO_FR_TEXT_MAX];
		int			n;

		if (!(m->byte_start < m->byte_end && m->byte_end <= len))
			FAIL("mention: byte span not within the text");
		if (!(m->char_start < m->char_end))
			FAIL("mention: empty character span");
		if (chars_at[m->byte_start] < 0 || chars_at[m->byte_end] < 0)
			FAIL("mention: byte span not at character boundaries");
		if ((size_t) chars_at[m->byte_start] != m->char_start)
		{
			fprintf(stderr, "fuzz_extract: mention %zu: bytes [%zu, %zu) chars [%zu, %zu), %ld characters before byte %zu\n",
					i, m->byte_start, m->byte_end, m->char_start, m->char_end,
					chars_at[m->byte_start], m->byte_start);
			FAIL("mention: char_start is not the characters before byte_start");
		}
		if ((size_t) chars_at[m->byte_end] != m->char_end)
		{
			fprintf(stderr, "fuzz_extract: mention %zu: bytes [%zu, %zu) chars [%zu, %zu), %ld characters before byte %zu\n",
					i, m->byte_start, m->byte_end, m->char_start, m->char_end,
					chars_at[m->byte_end], m->byte_end);
			FAIL("mention: char_end is not the characters before byte_end");
		}
		if (i > 0 && (FUZZ_EXTRACT_ORDER >= 2 ? !(ms->m[i - 1].byte_start < m->byte_start) :
					  FUZZ_EXTRACT_ORDER == 1 ? !(ms->m[i - 1].byte_start <= m->byte_start) : false))
		{
			fprintf(stderr, "fuzz_extract: mention %zu starts at byte %zu, mention %zu at byte %zu\n",
					i - 1, ms->m[i - 1].byte_start, i, m->byte_start);
			FAIL("mentions not in increasing order of byte_start");
		}
		if (inno_fr_validate(&m->round, &err) != INNO_OK)
		{
			fprintf(stderr, "fuzz_extract: %s\n", err.detail);
			FAIL("mention: round does not validate");
		}
		n = inno_fr_format(&m->round, buf, sizeof(buf));
		if (n <= 0 || (size_t) n != strlen(buf))
			FAIL("mention: round does not format");
		if (inno_fr_parse(buf, (size_t) n, 0, &back, &err) != INNO_OK)
		{
			fprintf(stderr, "fuzz_extract: \"%s\": %s\n", buf, err.detail);
			FAIL("mention: canonical form does not parse back");
		}
		if (memcmp(&back, &m->round, sizeof(back)) != 0)
		{
			fprintf(stderr, "fuzz_extract: \"%s\"\n", buf);
			FAIL("mention: canonical form parses back to another value");
		}
	}
	return true;
}

/* characters before each byte offset of s[0..len), -1 inside a character; false if not valid */
static bool
CharsAt(const uint8_t *s, size_t len, long *chars_at)
{
	size_t		pos = 0;
	long		n = 0;
	bool		valid = true;

	for (pos = 0; pos <= len; pos++)
		chars_at[pos] = -1;
	pos = 0;
	while (pos < len)
	{
		int			l = Utf8Len(s, len, pos);

		if (l == 0)
			return false;
		if (s[pos] == 0)
			valid = false;
		chars_at[pos] = n++;
		pos += (size_t) l;
	}
	chars_at[len] = n;
	return valid;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static Mentions all,
				plain,
				dflt;
	long	   *chars_at;
	bool		valid;
	uint16_t	currency;
	size_t		i,
				j;

	if (size == 0)
		return 0;
	chars_at = malloc(sizeof(long) * (size + 1));

	/* the whole input, no default currency */
	valid = CharsAt(data, size, chars_at);
	(void) Extract(data, size, chars_at, valid, 0, &all);

	/* the rest, without and with the default currency the first byte picks */
	currency = inno_currency_by_index(data[0] % inno_currency_count())->numeric;
	valid = CharsAt(data + 1, size - 1, chars_at);
	if (Extract(data + 1, size - 1, chars_at, valid, 0, &plain) &&
		Extract(data + 1, size - 1, chars_at, valid, currency, &dflt))
	{
		for (i = 0; i < plain.n; i++)
		{
			const InnoFrMention *m = &plain.m[i];

			for (j = 0; j < dflt.n; j++)
				if (memcmp(&dflt.m[j], m, sizeof(*m)) == 0)
					break;
			if (j >= dflt.n)
			{
				fprintf(stderr, "fuzz_extract: mention %zu (bytes [%zu, %zu)) lost with default currency %u\n",
						i, m->byte_start, m->byte_end, (unsigned) currency);
				FAIL("a default currency loses or changes a mention");
			}
		}
	}
	free(chars_at);
	return 0;
}
