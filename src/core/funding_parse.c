/*
 * funding_parse.c
 *	  The funding_round text reader: one text, one round.
 *
 * The text is folded and split into lexemes (lexicon.c); then, left to
 * right, each lexeme starts the longest part it can: a date, an amount, a
 * round kind, a currency, or a filler word.  Each part may occur once: two
 * kinds, amounts, dates or disagreeing currencies are an error, and so is
 * any word that is neither vocabulary nor a filler -- text is never
 * skipped, and a value is never guessed (doc/funding_round.md lists the
 * rules).  Errors quote the lexemes at fault; nothing is re-parsed.
 *
 * The canonical output form, which machines write and COPY reads back, has
 * a strict fast path that gives the same value without lexing
 * (funding_canon.c).
 */
#include "funding_lex.h"
#include "calendar.h"

#include <stdio.h>
#include <string.h>

#define CNY 156

InnoStatus
fr_fail(const FrText *f, InnoStatus st, const char *fmt, int from, int to)
{
	char		q[128];

	if (f->err != NULL)
	{
		fr_quote(f, from, to, q, sizeof(q));
		inno_set_detail(f->err, fmt, q);
	}
	return st;
}

void
fr_quote(const FrText *f, int from, int to, char *buf, size_t buflen)
{
	size_t		a,
				b;
	int			cps;

	if (from < 0)
		from = 0;
	if (to > f->n)
		to = f->n;
	if (from >= to)
	{
		buf[0] = '\0';
		return;
	}
	a = f->t.off[f->lx[from].start];
	b = f->t.off[f->lx[to - 1].end];
	cps = f->lx[to - 1].end - f->lx[from].start;
	/* no blanks at either end of a quote */
	while (a < b && (f->t.orig[a] == ' ' || f->t.orig[a] == '\t'))
		a++, cps--;
	while (b > a && (f->t.orig[b - 1] == ' ' || f->t.orig[b - 1] == '\t'))
		b--, cps--;
	if (cps > 60)
	{
		b = f->t.off[f->lx[from].start + 60];
		snprintf(buf, buflen, "%.*s...", (int) (b - a), f->t.orig + a);
	}
	else
		snprintf(buf, buflen, "%.*s", (int) (b - a), f->t.orig + a);
}

/* ------------------------------------------------------------------------
 * The general reader
 * ------------------------------------------------------------------------
 */

typedef struct Parts
{
	int			kind_at,
				kind_end;
	uint8_t		kind;
	bool		have_amount;
	FrAmount	amount;
	int			date_at,
				date_end;
	FrDate		date;
	uint16_t	currency;		/* named outside the amount */
	int			currency_at;
	bool		yuan;			/* a standalone 元 */
} Parts;


static InnoStatus
Two(const FrText *f, const char *what, int a_from, int a_to, int b_from, int b_to)
{
	char		q1[128],
				q2[128];

	fr_quote(f, a_from, a_to, q1, sizeof(q1));
	fr_quote(f, b_from, b_to, q2, sizeof(q2));
	inno_set_detail(f->err, "Two %s were given: \"%s\" and \"%s\".", what, q1, q2);
	return INNO_ERR_SYNTAX;
}

/* Is the lexeme at i a count of rounds ("两轮", "3轮", "two rounds")?  Returns its end. */
static int
RoundCount(const FrText *f, int i)
{
	int			j;

	if (fr_entry(f, i, LX_ROUND_COUNT) != NULL && fr_char(f, i) != 'r')
		return i + 1;
	if (!(fr_is(f, i, LXT_DIGITS) || fr_entry(f, i, LX_CN_DIGIT) || fr_entry(f, i, LX_NUMBER_WORD)))
		return 0;
	j = fr_skip_gaps(f, i + 1);
	if ((fr_entry(f, j, LX_FILLER) && fr_char(f, j) == 0x8F6E) || fr_entry(f, j, LX_ROUND_COUNT))
		return j + 1;			/* 轮, rounds */
	return 0;
}

/* A '-' written as a minus sign: right before a number or currency, not after a part. */
static bool
MinusSign(const FrText *f, int i)
{
	const LxLexeme *g = &f->lx[i];
	int			j = i + 1;

	if (!g->dash || f->t.cp[g->end - 1] != '-' || j >= f->n)
		return false;
	if (!(fr_is(f, j, LXT_DIGITS) || fr_entry(f, j, LX_CUR_PREFIX)))
		return false;
	return i == 0 || g->end - g->start > 1 || f->lx[i - 1].type == LXT_SEP;
}

static void
SuggestKind(InnoError *err, const LxPhrase *p)
{
	char		shown[128];

	inno_lx_display(p->text, shown, sizeof(shown));
	inno_set_hint(err, "Perhaps you meant \"%s\" (round kind %s).", shown,
				  inno_round_kind_by_code((uint8_t) p->entry.value)->label);
}

/* Quote the unknown word at i (a run of unknown characters) and suggest a kind. */
static InnoStatus
Unknown(const FrText *f, int i)
{
	int			j = i + 1;
	const LxPhrase *best = NULL;
	int			dist = 99;
	int			tries[3][2] = {{i, 0}, {i, 1}, {i - 1, 0}};
	int			t;

	if (fr_is(f, i, LXT_DIGITS) || fr_entry(f, i, LX_CN_DIGIT))
	{
		fr_fail(f, INNO_ERR_SYNTAX, "The number \"%s\" has no currency and no unit, so it is not an amount.", i, i + 1);
		inno_set_hint(f->err, "Write the currency or the unit: 2亿元, ¥200000000, $25M, 25 million USD.");
		return INNO_ERR_SYNTAX;
	}
	if (f->lx[i].type == LXT_OTHER && inno_lx_is_cjk(fr_char(f, i)))
		while (j < f->n && f->lx[j].type == LXT_OTHER && inno_lx_is_cjk(fr_char(f, j)))
			j++;
	fr_fail(f, INNO_ERR_SYNTAX, "\"%s\" is not a round kind, an amount, a currency, a date or a filler word.", i, j);
	/* the word alone, with the next word ("Seires A"), with the one before ("B伦") */
	tries[0][1] = j;
	tries[1][1] = fr_skip_gaps(f, j) < f->n ? fr_skip_gaps(f, j) + 1 : 0;
	tries[2][1] = j;
	for (t = 0; t < 3; t++)
	{
		int			from = tries[t][0],
					to = tries[t][1];
		const LxPhrase *p;
		int			d;

		if (from < 0 || to <= from || to > f->n ||
			f->lx[to - 1].end - f->lx[from].start > 60)
			continue;
		p = inno_lx_suggest(&f->t.cp[f->lx[from].start], f->lx[to - 1].end - f->lx[from].start,
							LX_KIND, &d);
		if (p && d < dist)
		{
			dist = d;
			best = p;
		}
	}
	if (best)
		SuggestKind(f->err, best);
	return INNO_ERR_SYNTAX;
}

/* May a bare "a" be the kind A here?  1: kind, 0: the article, -1: cannot tell. */
static int
BareA(const FrText *f, int i, bool prose, int other_kinds)
{
	int			j = i + 1;
	const LxEntry *e;

	if (prose || other_kinds > 0)
		return 0;
	while (j < f->n && (f->lx[j].type == LXT_GAP || f->lx[j].type == LXT_SEP))
		j++;
	if ((j >= f->n && f->lx[i].end - f->lx[i].start == 1) || fr_is(f, j, LXT_DIGITS) ||
		inno_lx_is_cjk(fr_char(f, j)))
		return 1;
	if (fr_entry(f, j, LX_UNDISCLOSED))
	{
		/*
		 * "a undisclosed" (the canonical text of a series A of unknown
		 * amount) is the kind; "a undisclosed round" may be the article of
		 * a round whose kind is undisclosed, and so may "a round undisclosed".
		 */
		if (f->lx[i].end - f->lx[i].start != 1)
			return -1;			/* "a round undisclosed" */
		j = fr_skip_gaps(f, j + 1);
		return (j < f->n && (fr_entry(f, j, LX_FILLER) || fr_entry(f, j, LX_KIND))) ? -1 : 1;
	}
	if (((e = fr_entry(f, j, LX_CUR_PREFIX)) != NULL || (e = fr_entry(f, j, LX_CUR_WORD)) != NULL) &&
		(e->flags & LXF_ISO))
		return 1;
	return -1;
}

/* classes only the extractor reads */
#define EXTRACT_ONLY ((1u << LX_CUE) | (1u << LX_NOT_ROUND) | (1u << LX_SUBJECT))

static InnoStatus
ReadParts(FrText *f, Parts *p)
{
	bool		prose = false;
	int			other_kinds = 0,
				i;

	for (i = 0; i < f->n; i++)
	{
		const LxEntry *e;

		if ((e = fr_entry(f, i, LX_FILLER)) != NULL && (e->flags & LXF_PROSE))
			prose = true;
		/* "undisclosed" names the kind only when no other word does */
		if ((e = fr_entry(f, i, LX_KIND)) != NULL && !(e->flags & LXF_BARE) &&
			e->value != INNO_KIND_UNDISCLOSED)
			other_kinds++;
	}
	i = 0;
	while (i < f->n)
	{
		const LxLexeme *l = &f->lx[i];
		FrAmount	am;
		FrDate		d;
		const LxEntry *kind,
				   *e;
		int			a_end,
					d_end,
					k_end = 0,
					c_end = 0,
					f_end = 0,
					best,
					r;

		if (l->type == LXT_SEP)
		{
			i++;
			continue;
		}
		if (l->type == LXT_GAP)
		{
			if (MinusSign(f, i))
			{
				FrAmount	neg;
				int			r = fr_read_amount(f, i + 1, &neg);

				return fr_fail(f, INNO_ERR_SYNTAX, "\"%s\" is a negative amount.", i, r > 0 ? neg.end : i + 2);
			}
			i++;
			continue;
		}
		/* a filler word and nothing else: the commonest lexeme of a headline */
		if ((l->classes & ~EXTRACT_ONLY) == (1u << LX_FILLER) && l->type == LXT_VOCAB)
		{
			i++;
			continue;
		}
		/* a full stop ending the text or a sentence */
		if (fr_punct(f, i, '.') && (i + 1 == f->n || f->lx[i + 1].type == LXT_GAP))
		{
			i++;
			continue;
		}
		if ((r = RoundCount(f, i)) > 0)
		{
			fr_fail(f, INNO_ERR_SYNTAX, "\"%s\" counts rounds; a funding_round is one round.", i, r);
			inno_set_hint(f->err, "Record each round as its own value; extract_funding_rounds() finds them in a text.");
			return INNO_ERR_SYNTAX;
		}
		r = fr_read_amount(f, i, &am);
		if (r < 0)
			return INNO_ERR_SYNTAX;
		a_end = i + r;
		r = fr_read_date(f, i, &d);
		d_end = i + r;
		kind = fr_entry(f, i, LX_KIND);
		if (kind)
			k_end = i + 1;
		if (fr_entry(f, i, LX_CUR_WORD) || fr_entry(f, i, LX_CUR_PREFIX) || fr_entry(f, i, LX_YUAN))
			c_end = i + 1;
		if (fr_entry(f, i, LX_FILLER) || fr_entry(f, i, LX_ARTICLE))
			f_end = i + 1;

		/* the word "undisclosed" fills the kind first, then the amount */
		if (kind && kind->value == INNO_KIND_UNDISCLOSED && a_end == k_end && p->kind_at >= 0)
			k_end = 0;
		else if (kind && kind->value == INNO_KIND_UNDISCLOSED && a_end == k_end)
			a_end = i;
		/* a bare "a": the kind A or the English article */
		if (kind && (kind->flags & LXF_BARE) && k_end > a_end && k_end > d_end)
		{
			int			b = BareA(f, i, prose, other_kinds);

			if (b < 0)
			{
				fr_fail(f, INNO_ERR_SYNTAX, "\"%s\" may be the article or the round kind A.", i, i + 1);
				inno_set_hint(f->err, "Write \"Series A\" or \"A轮\" for the round.");
				return INNO_ERR_SYNTAX;
			}
			if (b == 0)
			{
				i++;
				continue;
			}
		}
		best = a_end;
		if (d_end > best)
			best = d_end;
		if (k_end > best)
			best = k_end;
		if (c_end > best)
			best = c_end;
		if (f_end > best)
			best = f_end;
		if (best <= i)
			return Unknown(f, i);
		if (best == a_end && r >= 0 && a_end > i)
		{
			if (p->have_amount)
				return Two(f, "amounts", p->amount.start, p->amount.end, am.start, am.end);
			p->have_amount = true;
			p->amount = am;
		}
		else if (best == d_end)
		{
			InnoStatus	st = fr_check_date(f, i, d_end, &d);

			if (st != INNO_OK)
				return st;
			if (p->date_at >= 0)
				return Two(f, "dates", p->date_at, p->date_end, i, d_end);
			p->date = d;
			p->date_at = i;
			p->date_end = d_end;
		}
		else if (best == k_end)
		{
			if (p->kind_at >= 0)
				return Two(f, "round kinds", p->kind_at, p->kind_end, i, k_end);
			p->kind = (uint8_t) kind->value;
			p->kind_at = i;
			p->kind_end = k_end;
		}
		else if (best == c_end)
		{
			if ((e = fr_entry(f, i, LX_CUR_WORD)) == NULL)
				e = fr_entry(f, i, LX_CUR_PREFIX);
			if (e == NULL)
				p->yuan = true;
			else if (p->currency != 0 && p->currency != e->value)
				return Two(f, "currencies", p->currency_at, p->currency_at + 1, i, i + 1);
			else
			{
				p->currency = e->value;
				p->currency_at = i;
			}
		}
		i = best;
	}
	return INNO_OK;
}

/* The currency of the round, from everything that named one. */
static InnoStatus
Currency(const FrText *f, const Parts *p, uint16_t default_currency, uint16_t *out)
{
	const FrAmount *am = &p->amount;
	uint16_t	named = p->currency;

	if (p->yuan && named != 0 && named != CNY)
		return Two(f, "currencies", p->currency_at, p->currency_at + 1, p->currency_at, p->currency_at + 1);
	if (p->have_amount && am->currency != 0)
	{
		if (named != 0 && named != am->currency)
			return Two(f, "currencies", am->currency_at, am->currency_at + 1, p->currency_at, p->currency_at + 1);
		named = am->currency;
	}
	if (p->have_amount && am->yuan)
	{
		if (named != 0 && named != CNY)
			return Two(f, "currencies", am->start, am->end, p->currency_at, p->currency_at + 1);
		named = CNY;
	}
	if (named == 0 && p->yuan)
		named = CNY;
	if (named == 0 && p->have_amount && !am->undisclosed)
	{
		if (am->big_cjk)
			named = CNY;
		else if (default_currency != 0)
			named = default_currency;
		else
		{
			fr_fail(f, INNO_ERR_SYNTAX, "The amount \"%s\" names no currency.", am->start, am->end);
			inno_set_hint(f->err, "Name it (\"$25M\", \"25M USD\", \"2500万美元\"); amounts written with 万 or 亿 are read as CNY.");
			return INNO_ERR_SYNTAX;
		}
	}
	*out = named;
	return INNO_OK;
}

InnoStatus
inno_fr_parse(const char *s, size_t len, uint16_t default_currency, InnoFundingRound *out, InnoError *err)
{
	inno_error_clear(err);
	if (len <= INNO_FR_INPUT_MAX && fr_parse_canonical(s, len, out))
		return INNO_OK;
	return fr_parse_general(s, len, default_currency, out, err);
}

InnoStatus
fr_parse_general(const char *s, size_t len, uint16_t default_currency, InnoFundingRound *out, InnoError *err)
{
	uint32_t	cp[INNO_FR_INPUT_MAX];
	uint32_t	off[INNO_FR_INPUT_MAX + 1];
	LxLexeme	lx[INNO_FR_INPUT_MAX];
	FrText		f;
	Parts		p;
	bool		too_long;
	InnoStatus	st;
	uint16_t	currency = 0;

	inno_error_clear(err);
	memset(out, 0, sizeof(*out));
	if (len > INNO_FR_INPUT_MAX)
	{
		inno_set_detail(err, "The text is longer than %d bytes.", INNO_FR_INPUT_MAX);
		inno_set_hint(err, "extract_funding_rounds() reads the rounds of a paragraph or an article.");
		return INNO_ERR_SYNTAX;
	}
	if (!inno_lx_load(s, len, cp, off, INNO_FR_INPUT_MAX, &f.t, &too_long))
	{
		inno_set_detail(err, "The text is not valid UTF-8.");
		return INNO_ERR_SYNTAX;
	}
	f.lx = lx;
	f.n = inno_lx_lex(&f.t, lx, INNO_FR_INPUT_MAX);
	f.err = err;
	memset(&p, 0, sizeof(p));
	p.kind_at = p.date_at = p.currency_at = -1;
	if ((st = ReadParts(&f, &p)) != INNO_OK)
		return st;
	if (p.kind_at < 0 && !p.have_amount && p.date_at < 0)
	{
		inno_set_detail(err, f.t.n == 0 ? "The text is empty." : "The text names no round kind, amount or date.");
		return INNO_ERR_SYNTAX;
	}
	if ((st = Currency(&f, &p, default_currency, &currency)) != INNO_OK)
		return st;
	out->kind = p.kind_at >= 0 ? p.kind : INNO_KIND_UNDISCLOSED;
	out->flags = INNO_FR_VERSION_1;
	out->currency = currency;
	if (p.have_amount && !p.amount.undisclosed)
	{
		st = fr_apply_amount(&f, &p.amount, inno_currency_by_numeric(currency)->minor_digits, out);
		if (st != INNO_OK)
			return st;
	}
	if (p.date_at >= 0)
	{
		out->flags |= (uint8_t) p.date.precision;
		out->announced = inno_days_from_ymd(p.date.year, p.date.month, p.date.day);
	}
	return INNO_OK;
}

InnoStatus
inno_round_kind_parse(const char *s, size_t len, uint8_t *code, InnoError *err)
{
	uint32_t	cp[200];
	uint32_t	off[201];
	LxLexeme	lx[200];
	FrText		f;
	bool		too_long;
	int			a,
				b;
	const LxEntry *e;
	const InnoRoundKindInfo *k;

	inno_error_clear(err);
	if ((k = inno_round_kind_by_label(s, len)) != NULL)
	{
		*code = k->code;
		return INNO_OK;
	}
	if (!inno_lx_load(s, len, cp, off, 200, &f.t, &too_long))
	{
		inno_set_detail(err, too_long ? "The text is too long for a round kind." : "The text is not valid UTF-8.");
		return INNO_ERR_SYNTAX;
	}
	f.lx = lx;
	f.n = inno_lx_lex(&f.t, lx, 200);
	f.err = err;
	a = fr_skip_gaps(&f, 0);
	for (b = f.n; b > a && f.lx[b - 1].type == LXT_GAP; b--)
		;
	if (b == a + 1 && (e = fr_entry(&f, a, LX_KIND)) != NULL)
	{
		*code = (uint8_t) e->value;
		return INNO_OK;
	}
	if (b > a)
	{
		int			d;
		const LxPhrase *p = inno_lx_suggest(&f.t.cp[f.lx[a].start], f.lx[b - 1].end - f.lx[a].start,
											LX_KIND, &d);

		if (p)
			SuggestKind(err, p);
	}
	if (err->detail[0] == '\0')
		inno_set_detail(err, "The text is not one round kind.");
	if (err->hint[0] == '\0')
		inno_set_hint(err, "round_kinds() lists the kinds.");
	return INNO_ERR_SYNTAX;
}
