/*
 * test_vocab_doc.c
 *	  The vocabulary tables of doc/funding_round.md and doc/designation.md
 *	  are generated from the data (src/core/funding_vocab.c,
 *	  src/core/designation_vocab.c): this test renders each one and checks
 *	  the page holds exactly that between its markers
 *
 *	    <!-- vocabulary: NAME -->  ...  <!-- end vocabulary -->
 *
 * With INNO_UPDATE_DOCS=1 in the environment it rewrites the pages instead
 * (make doc-tables); review the diff before committing.
 */
#include "suites.h"
#include "designation.h"
#include "funding.h"
#include "funstats.h"
#include "lexicon.h"
#include "qsketch.h"

#include <stdarg.h>
#include <stdlib.h>

#define TABLE_MAX 65536

typedef struct Buf
{
	char		s[TABLE_MAX];
	size_t		n;
} Buf;

static void
Add(Buf *b, const char *fmt,...)
{
	va_list		ap;
	int			w;

	va_start(ap, fmt);
	w = vsnprintf(b->s + b->n, sizeof(b->s) - b->n, fmt, ap);
	va_end(ap);
	if (w > 0)
		b->n += (size_t) w < sizeof(b->s) - b->n ? (size_t) w : sizeof(b->s) - b->n - 1;
}

/* `a`, `b`, `c` for the words of a class (and value, unless value < 0) */
static void
AddWords(Buf *b, int cls, int value, const char *before, const char *after)
{
	int			i,
				first = 1;

	for (i = 0; i < inno_funding_word_count(); i++)
	{
		const char *t;
		int			c,
					v,
					f;

		inno_funding_word(i, &t, &c, &v, &f);
		if (c != cls || (value >= 0 && v != value))
			continue;
		/* an English word stands apart from the placeholder: "nearly X", "X or more" */
		Add(b, "%s`%s%s%s%s%s`", first ? "" : ", ", before,
			before[0] && t[0] >= 'a' && t[0] <= 'z' ? " " : "", t,
			after[0] && t[strlen(t) - 1] >= 'a' && t[strlen(t) - 1] <= 'z' ? " " : "", after);
		first = 0;
	}
}

static void
Kinds(Buf *b)
{
	int			r;

	Add(b, "| rank | label | 中文 | category | equity | exit | accepted phrases |\n");
	Add(b, "|---:|---|---|---|---|---|---|\n");
	for (r = 1; r <= inno_round_kind_count(); r++)
	{
		const InnoRoundKindInfo *k = inno_round_kind_by_rank(r);
		int			n,
					i;
		const char *const *p = inno_round_kind_phrases(r, &n);
		bool		unknown = k->category == INNO_ROUND_UNKNOWN;

		Add(b, "| %d | `%s` | %s | %s | %s | %s | ", r, k->label, k->name_zh, inno_round_category_name(k->category),
			unknown ? "NULL" : k->is_equity ? "yes" : "no", unknown ? "NULL" : k->is_exit ? "yes" : "no");
		for (i = 0; i < n; i++)
			Add(b, "%s`%s`", i ? ", " : "", p[i]);
		Add(b, " |\n");
	}
}

static void
Currencies(Buf *b)
{
	int			i;

	Add(b, "| code | ISO numeric | decimals | written before the number | codes | words |\n");
	Add(b, "|---|---:|---:|---|---|---|\n");
	for (i = 0; i < inno_currency_count(); i++)
	{
		const InnoCurrencyInfo *c = inno_currency_by_index(i);
		InnoCurrencyForm forms[3] = {INNO_CUR_SYMBOL, INNO_CUR_CODE, INNO_CUR_WORD};
		int			f;

		Add(b, "| `%s` | %d | %d |", c->alpha, c->numeric, c->minor_digits);
		for (f = 0; f < 3; f++)
		{
			int			n,
						k;
			const char *const *w = inno_currency_words(i, forms[f], &n);

			Add(b, " ");
			if (forms[f] == INNO_CUR_CODE)
				Add(b, "`%s`", inno_currency_code_folded(i));
			for (k = 0; k < n; k++)
				Add(b, "%s`%s`", k || forms[f] == INNO_CUR_CODE ? ", " : "", w[k]);
			if (n == 0 && forms[f] != INNO_CUR_CODE)
				Add(b, "—");
			Add(b, " |");
		}
		Add(b, "\n");
	}
}

/* (cx X + cy Y) / den, in words */
static void
Bound(Buf *b, InnoBoundRule r, bool open, const char *x, const char *y)
{
	if (open)
		Add(b, "open");
	else if (r.den == 1)
	{
		if (r.cx == 1)
			Add(b, "%s", x);
		else if (r.cx)
			Add(b, "%d%s", r.cx, x);
		if (r.cx && r.cy)
			Add(b, " + ");
		if (r.cy)
			Add(b, "%s", y);
	}
	else if (r.cy == 0)
		Add(b, "%g%s", (double) r.cx / r.den, x);
	else
		Add(b, "(%s%s + %s) / %d", r.cx == 1 ? "" : "2", x, y, r.den);
}

static void
Qualifiers(Buf *b)
{
	int			q;

	Add(b, "| written | meaning | low | point | high | basis |\n");
	Add(b, "|---|---|---|---|---|---|\n");
	for (q = 0; q < INNO_Q_COUNT; q++)
	{
		const InnoQualifierRule *r = inno_qualifier_rule((InnoQualifier) q);
		const char *x = q == INNO_Q_RANGE ? "A" : "X";
		const char *y = r->y_is_unit ? "u" : "B";

		Add(b, "| ");
		if (q == INNO_Q_EXACT)
			Add(b, "`X`");
		else if (q == INNO_Q_RANGE)
		{
			Add(b, "`A-B`, ");
			AddWords(b, LX_RANGE_SEP, -1, "A", "B");
		}
		else
		{
			AddWords(b, LX_QUAL_PRE, q, "", "X");
			if (q == INNO_Q_SEVERAL || q == INNO_Q_ABOUT || q == INNO_Q_OVER)
				Add(b, ", ");
			AddWords(b, LX_QUAL_POST, q, "X", "");
			if (q == INNO_Q_SEVERAL)
				Add(b, ", `tens of millions`, `eight figures`");
		}
		Add(b, " | %s | ", r->name);
		Bound(b, r->low, false, x, y);
		Add(b, " | ");
		Bound(b, r->point, false, x, y);
		Add(b, " | ");
		Bound(b, r->high, r->open, x, y);
		Add(b, " | %s |\n", r->basis);
	}
}

static void
Words(Buf *b)
{
	static const struct
	{
		int			cls;
		const char *what;
	}			rows[] = {
		{LX_FILLER, "filler words (ignored)"},
		{LX_ARTICLE, "the English article (see below)"},
		{LX_UNDISCLOSED, "no amount disclosed"},
		{LX_MAGNITUDE, "magnitudes"},
		{LX_CN_DIGIT, "Chinese digits"},
		{LX_ROUND_COUNT, "counts of rounds (an error)"},
		{LX_RANGE_SEP, "between the figures of a range"},
		{LX_DATE_UNIT, "date units"},
		{LX_CUE, "extraction: announces a round"},
		{LX_NOT_ROUND, "extraction: the figure is something else"},
		{LX_SUBJECT, "extraction: a counted subject after a number"},
	};
	size_t		i;

	Add(b, "| role | phrases |\n|---|---|\n");
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
	{
		Add(b, "| %s | ", rows[i].what);
		AddWords(b, rows[i].cls, -1, "", "");
		Add(b, " |\n");
	}
}

/* ---- doc/designation.md ---- */

/* `word` as designation_vocabulary() shows it */
static void
AddDesigWord(Buf *b, const DesigWord *w, bool first)
{
	char		shown[128];

	inno_lx_display(w->text, shown, sizeof(shown));
	Add(b, "%s`%s`", first ? "" : ", ", shown);
}

static void
DesigSchemes(Buf *b)
{
	unsigned	c,
				l;

	Add(b, "| scheme | 中文 | track | rung | levels | default level | term (years) |\n");
	Add(b, "|---|---|---|---:|---|---|---:|\n");
	for (c = 1; c <= INNO_SCHEME_COUNT; c++)
	{
		const InnoSchemeInfo *s = inno_scheme_by_code(c);
		bool		first = true;

		Add(b, "| `%s` | %s | `%s` | %u | ", s->label, s->name_zh, inno_track_by_code(s->track)->label,
			(unsigned) s->rung);
		for (l = 1; l <= INNO_LEVEL_COUNT; l++)
			if (s->levels & INNO_LEVEL_BIT(l))
			{
				Add(b, "%s%s", first ? "" : ", ", inno_level_by_code(l)->label);
				first = false;
			}
		Add(b, " | %s | ", s->default_level ? inno_level_by_code(s->default_level)->label : "—");
		if (s->term)
			Add(b, "%u |\n", (unsigned) s->term);
		else
			Add(b, "— |\n");
	}
}

static void
DesigTracks(Buf *b)
{
	unsigned	t,
				r,
				c;

	Add(b, "| track | 中文 | schemes, by rung | ordered | definition |\n");
	Add(b, "|---|---|---|---|---|\n");
	for (t = 1; t <= INNO_TRACK_COUNT; t++)
	{
		const InnoTrackInfo *k = inno_track_by_code(t);
		bool		first = true;

		Add(b, "| `%s` | %s | ", k->label, k->name_zh);
		for (r = 1; r <= INNO_SCHEME_COUNT; r++)
			for (c = 1; c <= INNO_SCHEME_COUNT; c++)
			{
				const InnoSchemeInfo *s = inno_scheme_by_code(c);

				if (s->track == t && s->rung == r)
				{
					Add(b, "%s`%s`", first ? "" : k->ladder ? " → " : ", ", s->label);
					first = false;
				}
			}
		Add(b, " | %s | %s |\n", k->ladder ? "yes" : "no", k->definition);
	}
}

static void
DesigLevels(Buf *b)
{
	int			n,
				i,
				pass;
	const DesigWord *w = inno_desig_words(&n);
	unsigned	l;

	Add(b, "| level | 中文 | words | ends a place's name |\n");
	Add(b, "|---|---|---|---|\n");
	for (l = 1; l <= INNO_LEVEL_COUNT; l++)
	{
		Add(b, "| `%s` | %s |", inno_level_by_code(l)->label, inno_level_by_code(l)->name_zh);
		/* every word of the level, then those that end a place's name */
		for (pass = 0; pass < 2; pass++)
		{
			bool		first = true;

			Add(b, " ");
			for (i = 0; i < n; i++)
				if (w[i].role == DW_LEVEL && w[i].value == l && (pass == 0 || (w[i].flags & DWF_SUFFIX)))
				{
					AddDesigWord(b, &w[i], first);
					first = false;
				}
			Add(b, "%s |", first ? "—" : "");
		}
		Add(b, "\n");
	}
}

static void
DesigSpellings(Buf *b)
{
	int			n,
				i;
	const DesigWord *w = inno_desig_words(&n);
	unsigned	c;

	Add(b, "| scheme | spellings |\n|---|---|\n");
	for (c = 1; c <= INNO_SCHEME_COUNT; c++)
	{
		bool		first = true;

		Add(b, "| `%s` | ", inno_scheme_by_code(c)->label);
		for (i = 0; i < n; i++)
		{
			if (w[i].role != DW_SCHEME || (w[i].value & 0xFF) != c)
				continue;
			AddDesigWord(b, &w[i], first);
			if (w[i].value >> 8)
				Add(b, " (%s)", inno_level_by_code(w[i].value >> 8)->label);
			first = false;
		}
		Add(b, " |\n");
	}
}

static void
DesigWords(Buf *b)
{
	static const struct
	{
		DesigWordRole role;
		const char *what;
	}			rows[] = {
		{DW_PLACE, "a province-level region: the list is provincial"},
		{DW_FILLER, "carries nothing"},
		{DW_BATCH, "around or before the batch number"},
		{DW_VALIDITY, "before the last year, or a year range"},
		{DW_EDITION, "around the criteria edition's year"},
		{DW_RELATIVE, "refused: the reader cannot know the year"},
	};
	int			n,
				i;
	size_t		r;
	const DesigWord *w = inno_desig_words(&n);

	Add(b, "| role | words |\n|---|---|\n");
	for (r = 0; r < sizeof(rows) / sizeof(rows[0]); r++)
	{
		bool		first = true;

		Add(b, "| %s (%s) | ", inno_desig_role_name(rows[r].role), rows[r].what);
		for (i = 0; i < n; i++)
			if (w[i].role == rows[r].role)
			{
				AddDesigWord(b, &w[i], first);
				first = false;
			}
		Add(b, " |\n");
	}
}

typedef struct Table
{
	const char *name;
	void		(*render) (Buf *b);
} Table;

static const Table funding_tables[] = {
	{"kinds", Kinds}, {"currencies", Currencies}, {"qualifiers", Qualifiers}, {"words", Words},
};

static const Table designation_tables[] = {
	{"schemes", DesigSchemes}, {"tracks", DesigTracks}, {"levels", DesigLevels},
	{"spellings", DesigSpellings}, {"words", DesigWords},
};

/*
 * Check (or, with INNO_UPDATE_DOCS, rewrite) the generated blocks of a page:
 * each block holds exactly its table, and every table has a block.
 */
static void
CheckBlocks(const char *page, const Table *tables, size_t ntables)
{
	char	   *doc = unit_read_source_file(page);
	static char out[1 << 20];
	size_t		o = 0;
	const char *p,
			   *start;
	size_t		t;
	bool		seen[16] = {false};
	bool		update = getenv("INNO_UPDATE_DOCS") != NULL;

	CHECK(ntables <= sizeof(seen) / sizeof(seen[0]));
	CHECK_MSG(doc != NULL, "cannot read %s", page);
	if (doc == NULL)
		return;
	p = doc;
	/* the blocks in the order the page has them */
	while ((start = strstr(p, "<!-- vocabulary: ")) != NULL)
	{
		static Buf	b;
		const Table *tb = NULL;
		const char *name = start + strlen("<!-- vocabulary: ");
		const char *end;

		for (t = 0; t < ntables; t++)
			if (strncmp(name, tables[t].name, strlen(tables[t].name)) == 0 &&
				strncmp(name + strlen(tables[t].name), " -->\n", 5) == 0)
				tb = &tables[t], seen[t] = true;
		CHECK_MSG(tb != NULL, "%s: unknown vocabulary block at \"%.30s\"", page, name);
		if (tb == NULL)
			break;
		start = strchr(start, '\n') + 1;
		end = strstr(start, "<!-- end vocabulary -->");
		CHECK(end != NULL);
		if (end == NULL)
			break;
		b.n = 0;
		tb->render(&b);
		if (!update)
			CHECK_MSG((size_t) (end - start) == b.n && memcmp(start, b.s, b.n) == 0,
					  "%s: the %s table differs from the data (run make doc-tables)", page, tb->name);
		memcpy(out + o, p, (size_t) (start - p));
		o += (size_t) (start - p);
		memcpy(out + o, b.s, b.n);
		o += b.n;
		p = end;
	}
	for (t = 0; t < ntables; t++)
		CHECK_MSG(seen[t], "%s has no block <!-- vocabulary: %s -->", page, tables[t].name);
	if (update)
	{
		const char *top = getenv("INNO_SOURCE_DIR");
		char		path[4096];
		FILE	   *f;

		strcpy(out + o, p);
		snprintf(path, sizeof(path), "%s/%s", top ? top : ".", page);
		f = fopen(path, "wb");
		CHECK(f != NULL);
		if (f)
		{
			fputs(out, f);
			fclose(f);
		}
	}
	free(doc);
}

TEST(doc_vocabulary_tables_match_the_data)
{
	CheckBlocks("doc/funding_round.md", funding_tables, sizeof(funding_tables) / sizeof(funding_tables[0]));
}

TEST(designation_doc_tables_match_the_data)
{
	CheckBlocks("doc/designation.md", designation_tables,
				sizeof(designation_tables) / sizeof(designation_tables[0]));
}

/*
 * doc/designation.md names every word of the designation tables (as
 * designation_vocabulary() shows it), every scheme with its Chinese name,
 * and every track and level; its schemes table has one row per scheme, in
 * code order, that says what designation_schemes() says.
 */
TEST(designation_doc_lists_every_word)
{
	char	   *doc = unit_read_source_file("doc/designation.md");
	int			n,
				i,
				rows = 0;
	const DesigWord *w = inno_desig_words(&n);
	unsigned	c;
	const char *table,
			   *end,
			   *line;

	CHECK(doc != NULL);
	if (doc == NULL)
		return;
	for (i = 0; i < n; i++)
	{
		char		shown[128],
					quoted[132];

		inno_lx_display(w[i].text, shown, sizeof(shown));
		snprintf(quoted, sizeof(quoted), "`%s`", shown);
		CHECK_MSG(strstr(doc, quoted) != NULL, "doc/designation.md does not list the %s word %s",
				  inno_desig_role_name((DesigWordRole) w[i].role), quoted);
	}
	for (c = 1; c <= INNO_TRACK_COUNT; c++)
		CHECK_MSG(strstr(doc, inno_track_by_code(c)->name_zh) != NULL, "track %s", inno_track_by_code(c)->label);
	for (c = 1; c <= INNO_LEVEL_COUNT; c++)
		CHECK_MSG(strstr(doc, inno_level_by_code(c)->name_zh) != NULL, "level %s", inno_level_by_code(c)->label);
	/* the schemes table: row k is scheme k, with its label, Chinese name, track, rung and term */
	table = strstr(doc, "<!-- vocabulary: schemes -->");
	end = table ? strstr(table, "<!-- end vocabulary -->") : NULL;
	CHECK(table != NULL && end != NULL);
	if (table == NULL || end == NULL)
	{
		free(doc);
		return;
	}
	for (line = strstr(table, "\n| `"); line != NULL && line < end; line = strstr(line + 1, "\n| `"))
	{
		const InnoSchemeInfo *s = inno_scheme_by_code((unsigned) ++rows);
		char		want[256];

		CHECK_MSG(s != NULL, "the schemes table has more rows than there are schemes");
		if (s == NULL)
			break;
		snprintf(want, sizeof(want), "\n| `%s` | %s | `%s` | %u | ", s->label, s->name_zh,
				 inno_track_by_code(s->track)->label, (unsigned) s->rung);
		CHECK_MSG(strncmp(line, want, strlen(want)) == 0, "schemes table row %d is not %s", rows, want + 1);
	}
	CHECK_INT(rows, INNO_SCHEME_COUNT);
	CHECK(strstr(doc, "## Honours held together: designation_set and designation_counts") != NULL);
	free(doc);
}

/* every phrase a vocabulary registers reads as what it means */
TEST(every_vocabulary_row_reads)
{
	int			r,
				i;
	InnoFundingRound fr;
	InnoError	err;
	char		text[256];

	for (r = 1; r <= inno_round_kind_count(); r++)
	{
		int			n;
		const char *const *p = inno_round_kind_phrases(r, &n);

		for (i = 0; i < n; i++)
		{
			/* a bare "a" needs the field-list form to be the kind */
			snprintf(text, sizeof(text), "%s 2亿元", p[i]);
			CHECK_MSG(inno_fr_parse(text, strlen(text), 0, &fr, &err) == INNO_OK &&
					  fr.kind == inno_round_kind_by_rank(r)->code,
					  "\"%s\": %s", text, err.detail);
		}
	}
	for (i = 0; i < inno_currency_count(); i++)
	{
		const InnoCurrencyInfo *c = inno_currency_by_index(i);
		InnoCurrencyForm forms[3] = {INNO_CUR_SYMBOL, INNO_CUR_CODE, INNO_CUR_WORD};
		int			f,
					k,
					n;

		for (f = 0; f < 3; f++)
		{
			const char *const *w = inno_currency_words(i, forms[f], &n);

			for (k = 0; k < n; k++)
			{
				snprintf(text, sizeof(text), forms[f] == INNO_CUR_WORD ? "B轮 5 million %s" : "B轮 %s5 million",
						 w[k]);
				CHECK_MSG(inno_fr_parse(text, strlen(text), 0, &fr, &err) == INNO_OK && fr.currency == c->numeric &&
						  fr.low == 5000000 * (c->minor_digits ? 100 : 1),
						  "\"%s\": %s", text, err.detail);
			}
		}
	}
	for (i = 0; i < inno_funding_word_count(); i++)
	{
		const char *t;
		int			c,
					v,
					f;
		int64_t		x = 100000000;	/* 1亿 in yuan, then fen */

		inno_funding_word(i, &t, &c, &v, &f);
		if (c == LX_QUAL_PRE && v != INNO_Q_SEVERAL)
			snprintf(text, sizeof(text), "B轮 %s1亿元", t);
		else if (c == LX_QUAL_POST && v != INNO_Q_SEVERAL && strcmp(t, "+") != 0)
			snprintf(text, sizeof(text), "B轮 1亿%s元", t);
		else if (c == LX_FILLER)
			snprintf(text, sizeof(text), "B轮 %s 1亿元", t);
		else if (c == LX_UNDISCLOSED)
			snprintf(text, sizeof(text), "B轮 %s", t);
		else if (c == LX_MAGNITUDE && (f & LXF_CJK) && v >= 4)
			snprintf(text, sizeof(text), "B轮 1%s元", t);
		else
			continue;
		CHECK_MSG(inno_fr_parse(text, strlen(text), 0, &fr, &err) == INNO_OK && fr.kind == 9,
				  "\"%s\": %s", text, err.detail);
		if (c == LX_QUAL_PRE || c == LX_QUAL_POST)
		{
			const InnoQualifierRule *rule = inno_qualifier_rule((InnoQualifier) v);

			/* the low bound follows the rule (X = 1亿, u = 1亿) */
			CHECK_MSG(fr.low == (int64_t) ((rule->low.cx * x + rule->low.cy * x + rule->low.den - 1) /
										   rule->low.den) * 100, "\"%s\": low %lld", text, (long long) fr.low);
		}
		if (c == LX_UNDISCLOSED)
			CHECK(!(fr.flags & INNO_FR_DISCLOSED));
	}
}

/* doc/analytics.md names the sketch accuracies and the thresholds the data offers */
static void
Grouped(int64_t v, char *buf, size_t n)
{
	char		d[32];
	int			len = snprintf(d, sizeof(d), "%lld", (long long) v),
				i,
				o = 0;

	for (i = 0; i < len && (size_t) o + 2 < n; i++)
	{
		if (i > 0 && (len - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = d[i];
	}
	buf[o] = '\0';
}

TEST(doc_analytics_constants)
{
	char	   *doc = unit_read_source_file("doc/analytics.md");
	char		range[96],
				lo[32],
				hi[32];
	int			c;

	CHECK(doc != NULL);
	if (doc == NULL)
		return;
	for (c = 1; inno_qs_accuracy_text(c) != NULL; c++)
		CHECK_MSG(strstr(doc, inno_qs_accuracy_text(c)) != NULL, "doc/analytics.md does not offer accuracy %s",
				  inno_qs_accuracy_text(c));
	Grouped(inno_fs_threshold_major(0), lo, sizeof(lo));
	Grouped(inno_fs_threshold_major(INNO_FS_NTHRESHOLDS - 1), hi, sizeof(hi));
	snprintf(range, sizeof(range), "(%s to %s)", lo, hi);
	CHECK_MSG(strstr(doc, range) != NULL, "doc/analytics.md does not give the thresholds as %s", range);
	free(doc);
}

UNIT_SUITE(vocab_doc_suite,
		   UNIT_CASE(doc_vocabulary_tables_match_the_data),
		   UNIT_CASE(designation_doc_tables_match_the_data),
		   UNIT_CASE(designation_doc_lists_every_word),
		   UNIT_CASE(every_vocabulary_row_reads),
		   UNIT_CASE(doc_analytics_constants));
