/*
 * fuzz_lexicon.c
 *	  libFuzzer target for the lexicon layer every text reader shares:
 *	  inno_lx_load, inno_lx_lex, inno_lx_match, inno_lx_suggest, inno_lx_fold.
 *
 * The input is the text.  Oracles: no crash or out-of-bounds access
 * (ASan/UBSan; the arrays handed to the lexicon are sized exactly, so that
 * a write past them is caught), and
 *	- inno_lx_load accepts exactly valid UTF-8 without a NUL; the offsets
 *	  start at 0, increase, end at the length, and each folded code point is
 *	  the fold of the character at its offset; with room for one code point
 *	  fewer it fails and says the text is too long;
 *	- the lexemes tile the text: each starts where the previous ended, the
 *	  last ends at the end, none is empty; their types are valid, their
 *	  contents fit their type, and a vocabulary lexeme has entries (of valid
 *	  classes) and is the longest match at its start; with room for one
 *	  lexeme fewer inno_lx_lex returns -1;
 *	- inno_lx_match at every position matches at most the rest of the text,
 *	  with entries whenever it matches;
 *	- inno_lx_suggest over spans of at most 60 code points (every lexeme,
 *	  and spans drawn from a generator seeded by the input) returns NULL or
 *	  a registered phrase of the class asked, at a distance of 0 to 3;
 *	- inno_lx_fold is idempotent on every decoded code point (and on code
 *	  points made of the input's bytes), and yields a Unicode scalar value.
 */
#include "lexicon.h"
#include "fuzz_utf8.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FAIL(what) \
	do { \
		fprintf(stderr, "fuzz_lexicon: oracle failed: %s (line %d)\n", what, __LINE__); \
		abort(); \
	} while (0)

#define SPAN_MAX 60				/* code points of a span handed to suggest */
#define RANDOM_SPANS 64

static bool
IsScalar(uint32_t c)
{
	return c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF);
}

static void
CheckFold(uint32_t c)
{
	uint32_t	f = inno_lx_fold(c);

	if (inno_lx_fold(f) != f)
	{
		fprintf(stderr, "fuzz_lexicon: fold(U+%04X) = U+%04X, fold(U+%04X) = U+%04X\n",
				(unsigned) c, (unsigned) f, (unsigned) f, (unsigned) inno_lx_fold(f));
		FAIL("inno_lx_fold is not idempotent");
	}
	if (IsScalar(c) && !IsScalar(f))
		FAIL("inno_lx_fold yields no Unicode scalar value");
	if (c != 0 && f == 0)
		FAIL("inno_lx_fold yields NUL");
	if (f >= 'A' && f <= 'Z')
		FAIL("inno_lx_fold yields an upper-case ASCII letter");
}

/* xorshift64*, seeded by the input: spans differ per input, reproducibly */
static uint64_t
Next(uint64_t *state)
{
	uint64_t	x = *state;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*state = x;
	return x * UINT64_C(2685821657736338717);
}

static const LxEntry sentinel;
static const LxPhrase *all_phrases;
static int	n_all_phrases;

static void
CheckSuggest(const uint32_t *w, int n, LxClass cls)
{
	int			d = -1;
	const LxPhrase *p = inno_lx_suggest(w, n, cls, &d);

	if (p == NULL)
		return;
	if (p < all_phrases || p >= all_phrases + n_all_phrases)
		FAIL("inno_lx_suggest returns a phrase that is not registered");
	if (p->entry.cls != cls)
	{
		fprintf(stderr, "fuzz_lexicon: asked class %d (%s), got \"%s\" of class %d\n",
				(int) cls, inno_lx_class_name(cls), p->text, (int) p->entry.cls);
		FAIL("inno_lx_suggest returns a phrase of another class");
	}
	if (d < 0 || d > 3)
		FAIL("inno_lx_suggest returns a distance outside 0..3");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *) data;
	size_t		pos;
	int			ncp = 0,
				i,
				k,
				cap;
	bool		valid = true,
				too_long,
				ok;
	uint32_t   *raw,
			   *cp,
			   *off;
	LxLexeme   *lx;
	LxText		t;
	uint64_t	state = UINT64_C(0x9E3779B97F4A7C15);

	if (all_phrases == NULL)
		all_phrases = inno_lx_phrases(&n_all_phrases);

	/* the reference decoding, and fold on every character */
	raw = malloc(sizeof(uint32_t) * (size + 1));
	for (pos = 0; pos < size;)
	{
		uint32_t	c;
		int			len = fuzz_utf8_at(data, size, pos, &c);

		if (len == 0)
		{
			valid = false;
			break;
		}
		if (c == 0)
			valid = false;
		CheckFold(c);
		raw[ncp++] = c;
		pos += (size_t) len;
	}
	/* fold on code points made of the input's bytes, valid or not */
	for (pos = 0; pos + 2 < size; pos += 3)
		CheckFold(((uint32_t) data[pos] | (uint32_t) data[pos + 1] << 8 |
				   (uint32_t) data[pos + 2] << 16) % 0x110000);
	for (pos = 0; pos < size; pos++)
		state = (state ^ data[pos]) * UINT64_C(0x100000001B3);
	if (state == 0)
		state = 1;

	/* load, with room for exactly the code points there are */
	cap = valid ? ncp : (int) size;
	cp = malloc(sizeof(uint32_t) * (size_t) (cap > 0 ? cap : 1));
	off = malloc(sizeof(uint32_t) * (size_t) (cap + 1));
	ok = inno_lx_load(s, size, cp, off, cap, &t, &too_long);
	if (ok != valid)
		FAIL(valid ? "inno_lx_load rejects valid UTF-8 without a NUL"
			 : "inno_lx_load accepts invalid UTF-8 or a NUL");
	if (!ok)
	{
		if (too_long)
			FAIL("inno_lx_load says too long with room for every byte");
		goto done;
	}
	if (t.n != ncp || t.orig != s || t.len != size || t.cp != cp || t.off != off)
		FAIL("inno_lx_load: wrong count or fields");
	if (ncp > 0 && off[0] != 0)
		FAIL("inno_lx_load: first offset is not 0");
	if (off[ncp] != size)
		FAIL("inno_lx_load: last offset is not the length");
	for (i = 0; i < ncp; i++)
	{
		uint32_t	c;

		if (off[i] >= off[i + 1] || fuzz_utf8_at(data, size, off[i], &c) != (int) (off[i + 1] - off[i]) || c != raw[i])
			FAIL("inno_lx_load: offsets do not match the characters");
		if (cp[i] != inno_lx_fold(raw[i]))
			FAIL("inno_lx_load: code point is not the fold of the character");
	}
	if (ncp > 0)
	{
		uint32_t   *cp2 = malloc(sizeof(uint32_t) * (size_t) (ncp - 1 > 0 ? ncp - 1 : 1));
		uint32_t   *off2 = malloc(sizeof(uint32_t) * (size_t) ncp);
		LxText		t2;

		if (inno_lx_load(s, size, cp2, off2, ncp - 1, &t2, &too_long) || !too_long)
			FAIL("inno_lx_load with room for one code point fewer does not say too long");
		free(cp2);
		free(off2);
	}

	/* every position: the match fits in the rest */
	for (i = 0; i <= ncp; i++)
	{
		const LxEntry *ent = &sentinel;	/* must be reset */
		int			nent = -1;
		int			m = inno_lx_match(&t, i, &ent, &nent);

		if (m < 0 || m > ncp - i)
			FAIL("inno_lx_match matches past the end");
		if (m > 0 && (ent == NULL || nent <= 0))
			FAIL("inno_lx_match matches without entries");
		if (m == 0 && (ent != NULL || nent != 0))
			FAIL("inno_lx_match: no match but entries");
	}

	/* lexemes, with room for exactly one per code point */
	lx = malloc(sizeof(LxLexeme) * (size_t) (ncp > 0 ? ncp : 1));
	k = inno_lx_lex(&t, lx, ncp);
	if (k < 0 || k > ncp || (ncp > 0 && k == 0))
		FAIL("inno_lx_lex: lexeme count out of range");
	for (i = 0; i < k; i++)
	{
		const LxLexeme *l = &lx[i];
		int			j;

		if (l->start != (i == 0 ? 0 : lx[i - 1].end))
			FAIL("lexemes do not tile the text: a start is not the previous end");
		if (l->end <= l->start || l->end > ncp)
			FAIL("lexeme empty or past the end");
		switch (l->type)
		{
			case LXT_VOCAB:
				{
					const LxEntry *ent;
					int			nent;

					if (l->nent == 0 || l->ent == NULL)
						FAIL("vocabulary lexeme without entries");
					for (j = 0; j < l->nent; j++)
						if (l->ent[j].cls < 1 || l->ent[j].cls >= LX_NCLASSES)
							FAIL("vocabulary entry of an invalid class");
					if (inno_lx_match(&t, l->start, &ent, &nent) != l->end - l->start ||
						ent != l->ent || nent != l->nent)
						FAIL("vocabulary lexeme is not the match at its start");
					break;
				}
			case LXT_DIGITS:
				for (j = l->start; j < l->end; j++)
					if (!inno_lx_is_digit(cp[j]))
						FAIL("digits lexeme holds a non-digit");
				break;
			case LXT_WORD:
				for (j = l->start; j < l->end; j++)
					if (!inno_lx_is_letter(cp[j]))
						FAIL("word lexeme holds a non-letter");
				break;
			case LXT_GAP:
				{
					bool		dash = false;

					for (j = l->start; j < l->end; j++)
					{
						if (!inno_lx_is_gap(cp[j]))
							FAIL("gap lexeme holds a non-gap");
						dash |= cp[j] == '-';
					}
					if ((bool) l->dash != dash)
						FAIL("gap lexeme: dash flag wrong");
					break;
				}
			case LXT_OTHER:
			case LXT_SEP:
				if (l->end - l->start != 1)
					FAIL("other/separator lexeme is not one character");
				if ((l->type == LXT_SEP) != inno_lx_is_separator(cp[l->start]))
					FAIL("separator lexeme type disagrees with inno_lx_is_separator");
				break;
			default:
				FAIL("lexeme of an invalid type");
		}
		if (l->type != LXT_VOCAB && (l->nent != 0 || l->ent != NULL))
			FAIL("non-vocabulary lexeme with entries");
	}
	if (k > 0 && lx[k - 1].end != ncp)
		FAIL("lexemes do not tile the text: the last does not end at the end");
	if (k > 0)
	{
		LxLexeme   *lx2 = malloc(sizeof(LxLexeme) * (size_t) (k - 1 > 0 ? k - 1 : 1));

		if (inno_lx_lex(&t, lx2, k - 1) != -1)
			FAIL("inno_lx_lex with room for one lexeme fewer does not return -1");
		free(lx2);
	}

	/* suggestions: every lexeme (as the readers ask), then random spans */
	for (i = 0; i < k; i++)
		if (lx[i].end - lx[i].start <= SPAN_MAX)
			CheckSuggest(&cp[lx[i].start], lx[i].end - lx[i].start,
						 (LxClass) (1 + (int) (Next(&state) % (LX_NCLASSES - 1))));
	for (i = 0; i < RANDOM_SPANS && ncp > 0; i++)
	{
		int			a = (int) (Next(&state) % (uint64_t) ncp);
		int			rest = ncp - a < SPAN_MAX ? ncp - a : SPAN_MAX;
		int			len = 1 + (int) (Next(&state) % (uint64_t) rest);

		CheckSuggest(&cp[a], len, (LxClass) (1 + (int) (Next(&state) % (LX_NCLASSES - 1))));
	}

	free(lx);
done:
	free(raw);
	free(cp);
	free(off);
	return 0;
}
