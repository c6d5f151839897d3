/*
 * test_lexicon.c
 *	  Unit tests for the lexicon layer: UTF-8, folding, the fold table, the
 *	  trie, the tokenizer, the edit distance and the suggestion rule.
 */
#include "suites.h"
#include "lexicon.h"
#include "textnorm.h"

static LxText
Load(const char *s, uint32_t *cp, uint32_t *off, int cap)
{
	LxText		t;
	bool		too_long;

	memset(&t, 0, sizeof(t));
	if (!inno_lx_load(s, strlen(s), cp, off, cap, &t, &too_long))
		t.n = -1;
	return t;
}

TEST(utf8_round_trip)
{
	uint32_t	cps[] = {0x24, 0xA2, 0x20AC, 0x10348, 0x4E2D, 0x10FFFF};
	size_t		i;

	for (i = 0; i < sizeof(cps) / sizeof(cps[0]); i++)
	{
		char		buf[4];
		size_t		n = inno_utf8_put(cps[i], buf);
		size_t		pos = 0;
		uint32_t	back = 0;

		CHECK(inno_utf8_next(buf, n, &pos, &back));
		CHECK_INT(back, cps[i]);
		CHECK_INT(pos, n);
	}
}

TEST(load_rejects_bad_text)
{
	uint32_t	cp[8],
				off[9];
	LxText		t;
	bool		too_long;

	CHECK(!inno_lx_load("\xff", 1, cp, off, 8, &t, &too_long));
	CHECK(!inno_lx_load("\xC0\xAF", 2, cp, off, 8, &t, &too_long));	/* overlong '/' */
	CHECK(!inno_lx_load("\xED\xA0\x80", 3, cp, off, 8, &t, &too_long));	/* surrogate */
	CHECK(!inno_lx_load("\xE4\xB8", 2, cp, off, 8, &t, &too_long));	/* truncated */
	CHECK(!inno_lx_load("a\0b", 3, cp, off, 8, &t, &too_long) && !too_long);
	CHECK(!inno_lx_load("abcdefghi", 9, cp, off, 8, &t, &too_long) && too_long);
	CHECK(inno_lx_load("abcdefgh", 8, cp, off, 8, &t, &too_long) && t.n == 8 && off[8] == 8);
}

TEST(folding)
{
	CHECK_INT(inno_lx_fold('A'), 'a');
	CHECK_INT(inno_lx_fold(0xFF21), 'a');	/* full-width A */
	CHECK_INT(inno_lx_fold(0xFF11), '1');	/* full-width 1 */
	CHECK_INT(inno_lx_fold(0x3000), ' ');
	CHECK_INT(inno_lx_fold(0x2014), '-');
	CHECK_INT(inno_lx_fold(0x8F2A), 0x8F6E);	/* 輪 -> 轮 */
	CHECK_INT(inno_lx_fold(0x5104), 0x4EBF);	/* 億 -> 亿 */
	CHECK_INT(inno_lx_fold(0x4EBF), 0x4EBF);	/* 亿 stays */
}

TEST(fold_table_is_sorted_without_identity_rows)
{
	int			n,
				i;
	const uint32_t (*pairs)[2] = inno_lx_fold_pairs(&n);

	CHECK(n > 100);
	for (i = 0; i < n; i++)
	{
		CHECK_MSG(pairs[i][0] != pairs[i][1], "identity row U+%04X", (unsigned) pairs[i][0]);
		CHECK(inno_lx_fold(pairs[i][0]) == pairs[i][1]);
		/* a simplified form is never itself folded further */
		CHECK_MSG(inno_lx_fold(pairs[i][1]) == pairs[i][1], "U+%04X folds twice", (unsigned) pairs[i][1]);
		if (i > 0)
			CHECK_MSG(pairs[i - 1][0] < pairs[i][0], "row %d out of order or duplicated", i);
	}
}

TEST(vocabularies_fit)
{
	int			n;

	(void) inno_lx_phrases(&n);
	CHECK(n > 300);
	CHECK(!inno_lx_overflowed());
}

TEST(trie_longest_match_and_gaps)
{
	uint32_t	cp[64],
				off[65];
	const LxEntry *e;
	int			ne;
	LxText		t;

	t = Load("Pre-A轮", cp, off, 64);
	CHECK_INT(inno_lx_match(&t, 0, &e, &ne), t.n);
	CHECK(inno_lx_find(e, ne, LX_KIND) != NULL);
	t = Load("prea轮 x", cp, off, 64);	/* a gap may be empty */
	CHECK_INT(inno_lx_match(&t, 0, &e, &ne), 5);
	t = Load("series  a", cp, off, 64);
	CHECK_INT(inno_lx_match(&t, 0, &e, &ne), t.n);
	t = Load("seriesx", cp, off, 64);	/* a phrase never ends inside a word */
	CHECK_INT(inno_lx_match(&t, 0, &e, &ne), 0);
	t = Load("高新技術企業", cp, off, 64);	/* traditional folds to the stage alias */
	CHECK_INT(inno_lx_match(&t, 0, &e, &ne), t.n);
	CHECK(inno_lx_find(e, ne, LX_STAGE) != NULL);
	t = Load("a", cp, off, 64);	/* one phrase, two meanings */
	CHECK_INT(inno_lx_match(&t, 0, &e, &ne), 1);
	CHECK(inno_lx_find(e, ne, LX_KIND) != NULL && inno_lx_find(e, ne, LX_ARTICLE) != NULL);
}

TEST(lexemes_tile_the_text)
{
	uint32_t	cp[64],
				off[65];
	LxLexeme	lx[64];
	LxText		t = Load("获得近2亿元B轮融资, $12M  xyz", cp, off, 64);
	int			n = inno_lx_lex(&t, lx, 64),
				i;

	CHECK(n > 0);
	for (i = 0; i < n; i++)
	{
		CHECK(lx[i].end > lx[i].start);
		CHECK(i == 0 ? lx[i].start == 0 : lx[i].start == lx[i - 1].end);
	}
	CHECK_INT(lx[n - 1].end, t.n);
	CHECK_INT(lx[n - 1].type, LXT_WORD);	/* xyz */
	CHECK_INT(lx[2].type, LXT_DIGITS);	/* 获得 近 2 */
	CHECK_INT(inno_lx_lex(&t, lx, 3), -1);
}

TEST(edit_distance)
{
	uint32_t	a[] = {'s', 'e', 'i', 'r', 'e', 's'},
				b[] = {'s', 'e', 'r', 'i', 'e', 's'},
				c[] = {'k', 'i', 't', 't', 'e', 'n'},
				d[] = {'s', 'i', 't', 't', 'i', 'n', 'g'};

	CHECK_INT(inno_lx_distance(a, 6, b, 6, 3), 1);	/* a transposition is one edit */
	CHECK_INT(inno_lx_distance(c, 6, d, 7, 5), 3);
	CHECK_INT(inno_lx_distance(c, 6, d, 7, 2), 3);	/* max + 1 */
	CHECK_INT(inno_lx_distance(a, 6, a, 6, 0), 0);
	CHECK_INT(inno_lx_distance(a, 0, b, 3, 5), 3);
}

TEST(one_suggestion_rule)
{
	uint32_t	cp[64],
				off[65];
	int			d;
	LxText		t = Load("seires a", cp, off, 64);
	const LxPhrase *p = inno_lx_suggest(t.cp, t.n, LX_KIND, &d);

	CHECK(p != NULL && strcmp(p->text, "series a") == 0 && d == 1);
	t = Load("hightec", cp, off, 64);
	p = inno_lx_suggest(t.cp, t.n, LX_STAGE, &d);
	CHECK(p != NULL && p->entry.value == 7);	/* high_tech */
	{
		char		shown[32];

		inno_lx_display("pre a 轮", shown, sizeof(shown));
		CHECK_STR(shown, "pre a轮");
	}
	t = Load("xyzzy", cp, off, 64);
	CHECK(inno_lx_suggest(t.cp, t.n, LX_KIND, &d) == NULL);
}

UNIT_SUITE(lexicon_suite,
		   UNIT_CASE(utf8_round_trip),
		   UNIT_CASE(load_rejects_bad_text),
		   UNIT_CASE(folding),
		   UNIT_CASE(fold_table_is_sorted_without_identity_rows),
		   UNIT_CASE(vocabularies_fit),
		   UNIT_CASE(trie_longest_match_and_gaps),
		   UNIT_CASE(lexemes_tile_the_text),
		   UNIT_CASE(edit_distance),
		   UNIT_CASE(one_suggestion_rule));
