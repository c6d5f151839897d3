/*
 * designation_parse.c
 *	  The designation reader: list names as sources write them.
 *
 *	  "2024年省瞪羚企业"                       provincial gazelle 2024
 *	  "国家级专精特新"小巨人"企业（第五批，2023）" national little_giant 2023 batch 5
 *	  "高新技术企业 2023-2025"                  national high_tech 2023 (valid 2023-2025)
 *	  "Jiangsu gazelle 2024"                    provincial gazelle 2024
 *	  "苏州市瞪羚企业 2024"                     municipal gazelle 2024
 *
 * The text is folded by the lexicon (case, full-width forms, traditional
 * characters), quotation marks are dropped ("小巨人" is 小巨人), and read
 * left to right.  Scheme spellings are looked up in the lexicon; the other
 * words (levels, places, batch, validity, edition, fillers) come from the
 * table in designation_vocab.c.  A run of Chinese characters the tables do
 * not know is a place's name only when a level word ends it (苏州市, 江宁区,
 * 苏州工业园区): the suffix says the level, the name is not kept.
 *
 * Nothing is guessed: a text without a scheme, with two schemes, with two
 * levels that disagree, with a level the scheme is not issued at, or with a
 * word the tables do not know is an error, with a hint where one helps.
 */
#include "designation.h"
#include "lexicon.h"
#include "stage.h"
#include "designation_reader.h"

#include <string.h>

/* the non-scheme words as code points, built on first use */
typedef struct WordCps
{
	const DesigWord *w;
	uint32_t	cp[LX_MAX_PHRASE_CPS];
	int			n;
	bool		ascii;
} WordCps;

#define MAX_WORDS 200
static WordCps wcps[MAX_WORDS];
static int	nwcps = -1;
static bool words_overflowed = false;

/* the words by their first code point: chains from bucket[cp % 64] */
#define WORD_BUCKETS 64
static int16_t bucket[WORD_BUCKETS];
static int16_t chain[MAX_WORDS];

static void
BuildWords(void)
{
	int			count,
				i,
				b;
	const DesigWord *w = inno_desig_words(&count);

	nwcps = 0;
	for (i = 0; i < count; i++)
	{
		WordCps    *c;
		int			n = 0,
					k;

		if (w[i].role == DW_SCHEME)
			continue;
		if (nwcps >= MAX_WORDS)
		{
			words_overflowed = true;
			break;
		}
		c = &wcps[nwcps];
		n = inno_lx_phrase_labels(w[i].text, c->cp);
		if (n <= 0)
		{
			words_overflowed = true;
			continue;
		}
		c->w = &w[i];
		c->n = n;
		chain[nwcps] = -1;
		c->ascii = true;
		for (k = 0; k < n; k++)
		{
			if (c->cp[k] == LX_GAP_LABEL)
				c->cp[k] = ' ';
			if (c->cp[k] >= 0x80)
				c->ascii = false;
		}
		nwcps++;
	}
	for (b = 0; b < WORD_BUCKETS; b++)
		bucket[b] = -1;
	/* chained in reverse, so that each chain is in table order */
	for (b = nwcps - 1; b >= 0; b--)
	{
		chain[b] = bucket[wcps[b].cp[0] % WORD_BUCKETS];
		bucket[wcps[b].cp[0] % WORD_BUCKETS] = (int16_t) b;
	}
}

bool
inno_dr_is_letter(const Reader *r, int i)
{
	return i >= 0 && i < r->t.n && inno_lx_is_letter(r->t.cp[i]);
}

/*
 * The longest table word at i (NULL if none).  An English word must be a
 * whole word; its spaces match any gap.
 */
const DesigWord *
inno_dr_word_at(const Reader *r, int i, int *end)
{
	const DesigWord *best = NULL;
	int			k;

	if (nwcps < 0)
		BuildWords();
	*end = i;
	if (i >= r->t.n || (inno_dr_is_letter(r, i) && inno_dr_is_letter(r, i - 1)))
		return NULL;
	for (k = bucket[r->t.cp[i] % WORD_BUCKETS]; k >= 0; k = chain[k])
	{
		const WordCps *c = &wcps[k];
		int			p = i,
					q;

		if (c->cp[0] != r->t.cp[i])
			continue;
		for (q = 0; q < c->n && p < r->t.n; q++)
		{
			if (c->cp[q] == ' ')
			{
				while (p < r->t.n && inno_lx_is_gap(r->t.cp[p]))
					p++;
				continue;
			}
			if (r->t.cp[p] != c->cp[q])
				break;
			p++;
		}
		if (q < c->n || (c->ascii && inno_dr_is_letter(r, p)))
			continue;
		if (p > *end)
		{
			*end = p;
			best = c->w;
		}
	}
	return best;
}

bool
inno_desig_words_overflowed(void)
{
	if (nwcps < 0)
		BuildWords();
	return words_overflowed;
}

/* Fail with a detail quoting code points [from, to) of the input. */
InnoStatus
inno_dr_fail(Reader *r, InnoStatus st, const char *fmt, int from, int to)
{
	char		q[128];
	size_t		a,
				b;

	if (from < 0)
		from = 0;
	if (to > r->t.n)
		to = r->t.n;
	a = r->t.off[from];
	b = to > from ? r->t.off[to] : a;
	if (b - a > sizeof(q) - 1)
		b = a + sizeof(q) - 1;
	/* never cut a character in two */
	while (b > a && b < r->t.len && ((unsigned char) r->t.orig[b] & 0xC0) == 0x80)
		b--;
	memcpy(q, r->t.orig + a, b - a);
	q[b - a] = '\0';
	inno_set_detail(r->err, fmt, q);
	return st;
}

/* The hint for a text that names no scheme, in the script the text is written in. */
static void
HintSchemes(InnoError *err, bool chinese)
{
	if (chinese)
		inno_set_hint(err, "Name a scheme (高新技术企业, 专精特新, 小巨人, 瞪羚企业, 独角兽; designation_schemes() "
					  "lists all), the issuer level and the list year: 2024年省瞪羚企业.");
	else
		inno_set_hint(err, "Name a scheme (high_tech, little_giant, gazelle, unicorn; designation_schemes() lists all), "
					  "the issuer level (national, provincial, municipal, district) and the list year: "
					  "provincial gazelle 2024.");
}

int
inno_dr_skip_gaps(const Reader *r, int i)
{
	while (i < r->t.n && (inno_lx_is_gap(r->t.cp[i]) || r->t.cp[i] == ' '))
		i++;
	return i;
}

static InnoStatus
SetLevel(Reader *r, unsigned level, int from, int to)
{
	if (r->level != 0 && r->level != level)
	{
		const InnoLevelInfo *a = inno_level_by_code(r->level),
				   *b = inno_level_by_code(level);

		inno_dr_fail(r, INNO_ERR_SYNTAX, "The text names two issuer levels (\"%s\" and another).", from, to);
		inno_set_hint(r->err, "A designation has one issuer: %s or %s, not both. Record each list as its own value.",
					  a->label, b->label);
		return INNO_ERR_SYNTAX;
	}
	r->level = level;
	r->level_from = from;
	r->level_to = to;
	return INNO_OK;
}

/* A scheme or a stage spelled at i; returns its end, 0 if neither. */
static int
Vocabulary(Reader *r, int i, InnoStatus *st)
{
	const LxEntry *ent,
			   *e;
	int			n,
				len;

	*st = INNO_OK;
	if (inno_dr_is_letter(r, i) && inno_dr_is_letter(r, i - 1))
		return 0;
	len = inno_lx_match(&r->t, i, &ent, &n);
	if (len == 0)
		return 0;
	if ((e = inno_lx_find(ent, n, LX_SCHEME)) != NULL)
	{
		unsigned	scheme = e->value & 0xFF;

		if (r->scheme != 0 && r->scheme != scheme)
		{
			inno_dr_fail(r, INNO_ERR_SYNTAX, "The text names two designations (\"%s\" and another).", i, i + len);
			inno_set_hint(r->err, "A designation value holds one honour; designation_set() gathers a firm's honours.");
			*st = INNO_ERR_SYNTAX;
			return 0;
		}
		r->scheme = scheme;
		if (e->value >> 8)
			r->scheme_level = e->value >> 8;
		return i + len;
	}
	if ((e = inno_lx_find(ent, n, LX_STAGE)) != NULL)
	{
		const InnoStageInfo *s = inno_stage_by_code((InnoStage) e->value);

		inno_dr_fail(r, INNO_ERR_SYNTAX, "\"%s\" is a project stage, not a designation.", i, i + len);
		if (e->value == INNO_STAGE_ABOVE_SCALE)
			inno_set_hint(r->err, "规上 (above_scale) is a statistical scope, not an honour: record it as a project_stage.");
		else
			inno_set_hint(r->err, "\"%s\" is a rung of the project_stage ladder: record it as a project_stage.", s->label);
		*st = INNO_ERR_SYNTAX;
		return 0;
	}
	return 0;
}

/* An unknown word at [i, j): quote it and suggest the closest scheme. */
static InnoStatus
Unknown(Reader *r, int i, int j)
{
	int			d;
	const LxPhrase *p = j - i <= 40 ? inno_lx_suggest(&r->t.cp[i], j - i, LX_SCHEME, &d) : NULL;

	inno_dr_fail(r, INNO_ERR_SYNTAX, "\"%s\" is not a designation scheme, an issuer level, a year or a batch.", i, j);
	if (p != NULL)
	{
		char		shown[128];

		inno_lx_display(p->text, shown, sizeof(shown));
		inno_set_hint(r->err, "Perhaps you meant \"%s\" (%s).", shown,
					  inno_scheme_by_code(p->entry.value & 0xFF)->label);
	}
	else if (inno_lx_is_cjk(r->t.cp[i]))
		inno_set_hint(r->err, "Name a place with its level (苏州市, 江宁区, 江苏省), or the level alone (省级, 市级).");
	else
		HintSchemes(r->err, false);
	return INNO_ERR_SYNTAX;
}

/* Does a scheme, a table word or a number start at i? */
static bool
Known(Reader *r, int i)
{
	const LxEntry *ent;
	int			n,
				e;

	if (inno_lx_is_digit(r->t.cp[i]))
		return true;
	if (inno_lx_match(&r->t, i, &ent, &n) > 0 &&
		(inno_lx_find(ent, n, LX_SCHEME) || inno_lx_find(ent, n, LX_STAGE)))
		return true;
	return inno_dr_word_at(r, i, &e) != NULL;
}

/* A place's name: unknown Chinese characters at i ended by a level suffix (苏州市). */
static InnoStatus
Place(Reader *r, int *pi)
{
	int			i = *pi,
				j = i + 1,
				s;
	const DesigWord *w;

	while (j < r->t.n && inno_lx_is_cjk(r->t.cp[j]) && !Known(r, j))
		j++;
	w = j < r->t.n ? inno_dr_word_at(r, j, &s) : NULL;
	if (w == NULL || w->role != DW_LEVEL || !(w->flags & DWF_SUFFIX))
		return Unknown(r, i, j);
	/* 苏南地区, 城市: a region or a word, not an administrative unit of that level */
	if ((r->t.cp[j - 1] == 0x5730 && r->t.cp[j] == 0x533A) || (j - i == 1 && r->t.cp[i] == 0x57CE))	/* 地区, 城市 */
	{
		inno_dr_fail(r, INNO_ERR_SYNTAX, "\"%s\" names no issuer: a region is no administrative level.", i, s);
		inno_set_hint(r->err, "Name the issuer with its level (江苏省, 苏州市, 江宁区), or the level alone (省级, 市级).");
		return INNO_ERR_SYNTAX;
	}
	*pi = s;
	return SetLevel(r, w->value, i, s);
}

/*
 * Read the text left to right.  `pending` is a word waiting for its number
 * (第, batch, 有效期, criteria); after 第 and a Chinese number, 批 must follow.
 */
static InnoStatus
ReadAll(Reader *r)
{
	int			i = 0,
				pending = 0,
				pending_at = 0;
	bool		after_place = false,
				need_pi = false;
	InnoStatus	st = INNO_OK;

	while (i < r->t.n)
	{
		uint32_t	c = r->t.cp[i];
		const DesigWord *w;
		int			e,
					cn_end;
		long		v;
		bool		place = false;

		if (inno_lx_is_gap(c) || inno_lx_is_separator(c))
		{
			i++;
			continue;
		}
		w = inno_dr_word_at(r, i, &e);
		if (need_pi)
		{
			if (w == NULL || w->role != DW_BATCH || !(w->flags & DWF_CLOSE))
				return inno_dr_fail(r, INNO_ERR_SYNTAX, "\"%s\" is not a batch: write 第五批.", pending_at, i);
			need_pi = false;
			i = e;
			continue;
		}
		if (inno_lx_is_digit(c))
			st = inno_dr_read_number(r, &i, pending, pending_at);
		/* (its own end: e is the word's at i, which the branches below use) */
		else if (pending == DW_BATCH && (v = inno_dr_chinese_number(r, i, &cn_end)) > 0)
		{
			if (r->batch != 0 && r->batch != (unsigned) v)
				return inno_dr_fail(r, INNO_ERR_SYNTAX, "The text names two batches (\"%s\" and another).", i, cn_end);
			r->batch = (unsigned) v;
			need_pi = true;
			i = cn_end;
		}
		else if (w != NULL && (w->flags & DWF_OPEN) && (pending == 0 || pending == w->role))
		{
			/* valid until 2025: two words of one role before the number */
			if (pending == 0)
				pending_at = i;
			pending = w->role;
			i = e;
			continue;
		}
		else if (pending != 0)
			return inno_dr_fail(r, INNO_ERR_SYNTAX, "\"%s\" is not followed by its number.", pending_at, i);
		else if ((v = Vocabulary(r, i, &st)) > 0)
			i = (int) v;
		else if (st != INNO_OK)
			return st;
		else if (w != NULL && w->role == DW_LEVEL)
		{
			/* the suffix of a known place's name (北京市, 江苏省) adds nothing */
			if (!(after_place && (w->flags & DWF_SUFFIX)))
				st = SetLevel(r, w->value, i, e);
			i = e;
		}
		else if (w != NULL && w->role == DW_PLACE)
		{
			st = SetLevel(r, w->value, i, e);
			place = true;
			i = e;
		}
		else if (w != NULL && w->role == DW_FILLER)
			i = e;
		else if (w != NULL && w->role == DW_RELATIVE)
		{
			inno_dr_fail(r, INNO_ERR_SYNTAX, "\"%s\" is a year relative to when the text was written.", i, e);
			inno_set_hint(r->err, "Write the list year: 2024年省独角兽企业, unicorn 2024.");
			return INNO_ERR_SYNTAX;
		}
		else if (w != NULL)
			return inno_dr_fail(r, INNO_ERR_SYNTAX, "\"%s\" follows no number.", i, e);
		else if (inno_lx_is_cjk(c))
			st = Place(r, &i);
		else if (inno_lx_is_letter(c))
		{
			int			j = i;

			while (j < r->t.n && inno_lx_is_letter(r->t.cp[j]))
				j++;
			return Unknown(r, i, j);
		}
		else
			return inno_dr_fail(r, INNO_ERR_SYNTAX, "\"%s\" is not part of a designation.", i, i + 1);
		if (st != INNO_OK)
			return st;
		pending = 0;
		after_place = place;
	}
	if (need_pi)
		return inno_dr_fail(r, INNO_ERR_SYNTAX, "\"%s\" is not a batch: write 第五批.", pending_at, r->t.n);
	if (pending != 0)
		return inno_dr_fail(r, INNO_ERR_SYNTAX, "\"%s\" is not followed by its number.", pending_at, r->t.n);
	return INNO_OK;
}

/* Decode, fold and drop quotation marks. */
static bool
Load(Reader *r, const char *s, size_t len, uint32_t *cp, uint32_t *off, bool *too_long)
{
	int			i,
				k = 0;

	if (!inno_lx_load(s, len, cp, off, DESIG_CAP, &r->t, too_long))
		return false;
	for (i = 0; i < r->t.n; i++)
	{
		uint32_t	c = cp[i];

		if (c == '"' || c == '\'' || c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 ||
			c == 0x300C || c == 0x300D || c == 0x300E || c == 0x300F)
			continue;
		cp[k] = c;
		off[k] = off[i];
		k++;
	}
	off[k] = off[r->t.n];
	r->t.n = k;
	return true;
}

InnoStatus
inno_desig_parse(const char *s, size_t len, InnoDesignation *d, InnoError *err)
{
	uint32_t	cp[DESIG_CAP];
	uint32_t	off[DESIG_CAP + 1];
	Reader		r;
	bool		too_long;
	InnoStatus	st;
	const InnoSchemeInfo *info;
	unsigned	level,
				term = 0;

	inno_error_clear(err);
	memset(&r, 0, sizeof(r));
	r.err = err;
	if (!Load(&r, s, len, cp, off, &too_long))
	{
		if (too_long)
			inno_set_detail(err, "The text is longer than %d characters.", DESIG_CAP);
		else
			inno_set_detail(err, "The text is not valid UTF-8 or holds a NUL.");
		return INNO_ERR_SYNTAX;
	}
	if ((st = ReadAll(&r)) != INNO_OK)
		return st;
	if (r.scheme == 0)
	{
		bool		chinese = false,
					blank = true;
		int			i;

		for (i = 0; i < r.t.n; i++)
		{
			chinese |= inno_lx_is_cjk(r.t.cp[i]);
			blank &= inno_lx_is_gap(r.t.cp[i]) || r.t.cp[i] == '\n' || r.t.cp[i] == '\r';
		}
		inno_set_detail(err, blank ? "The designation is empty." : "The text names no designation scheme.");
		HintSchemes(err, chinese);
		return INNO_ERR_SYNTAX;
	}
	info = inno_scheme_by_code(r.scheme);
	if (r.scheme_level && r.level && r.scheme_level != r.level)
		return SetLevel(&r, r.scheme_level, r.level_from, r.level_to);
	level = r.level ? r.level : r.scheme_level ? r.scheme_level : info->default_level;
	if (level && !(info->levels & INNO_LEVEL_BIT(level)))
	{
		inno_set_detail(err, "%s is not issued at the %s level.", info->name_zh, inno_level_by_code(level)->label);
		inno_set_hint(err, "%s (%s): %s.", info->name_zh, info->label, info->issuer);
		return INNO_ERR_SYNTAX;
	}
	if (r.until)
	{
		if (r.year == 0)
		{
			inno_set_detail(err, "The text gives a validity but no list year.");
			inno_set_hint(err, "Write the list year too: \"高新技术企业 2023-2025\", \"2023 high_tech until 2025\".");
			return INNO_ERR_SYNTAX;
		}
		if (r.until < r.year || r.until - r.year + 1 > INNO_DESIG_TERM_MAX)
		{
			inno_set_detail(err, "A validity from %u until %u is out of range.", r.year, r.until);
			inno_set_hint(err, "The last year of validity is the list year or later, at most %d years on.",
						  INNO_DESIG_TERM_MAX - 1);
			return INNO_ERR_RANGE;
		}
		term = r.until - r.year + 1;
	}
	else if (r.year)
		term = info->term;
	if (r.year && term && r.year + term - 1 > INNO_DESIG_YEAR_MAX)
	{
		inno_set_detail(err, "The validity of a %u list runs past %d.", r.year, INNO_DESIG_YEAR_MAX);
		return INNO_ERR_RANGE;
	}
	*d = inno_desig_make(r.scheme, level, r.year, term, r.batch, r.edition);
	return INNO_OK;
}
