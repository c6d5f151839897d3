/*
 * funding_extract.c
 *	  Finding the funding rounds a paragraph or an article mentions.
 *
 * The text is read a sentence at a time (。！？；!?; newline, or a full stop
 * before a space), each sentence split into clauses at commas, semicolons
 * and colons.  An amount (read as the cast reads it) is a round's amount
 * when its clause announces funding -- a round kind or a cue word such as
 * 融资, 资金, raised, funding -- and says nothing that makes it something
 * else:
 *
 *	- a word of another figure: 总投资, 基金, 规模, 销售额, 营业额, 估值,
 *	  fund, valuation, revenue ... (project investment, fund sizes, loan
 *	  programmes, sales);
 *	- a counted subject: "66个科创项目获得股权融资共计28.43亿元", "6个融资
 *	  额度超过1亿元", "12 startups raised" -- a total over many projects.
 *
 * Bare letters ("a", "b") are not kinds in prose: "Series B" and "B轮" are.
 * The round's kind is the nearest kind in the amount's clause, else the
 * nearest in an earlier clause of the sentence, where 拨投结合 (a grant
 * that converts into equity) includes the grant that is its first step.
 * The date is a date in the amount's clause.  An amount whose currency is
 * not known (no currency, not written with 万 or 亿, no default) is left
 * out: the extractor never guesses.
 */
#include "funding_lex.h"
#include "calendar.h"
#include "textnorm.h"

#include <string.h>

#define SENT_MAX 1024			/* code points of a sentence read at once */

typedef struct Sentence
{
	FrText		f;
	int			clause[SENT_MAX];	/* clause number of each lexeme */
	size_t		byte_base;		/* of the sentence in the whole text */
	size_t		char_base;
} Sentence;

static bool
ClauseBreak(const FrText *f, int i)
{
	uint32_t	c;

	if (!fr_is(f, i, LXT_SEP))
		return false;
	c = fr_char(f, i);
	if (c == ',' && fr_is(f, i - 1, LXT_DIGITS) && fr_is(f, i + 1, LXT_DIGITS))
		return false;			/* a thousands separator */
	return c == ',' || c == ';' || c == ':';
}

/* Does clause cl say the amount is something else than a round's? */
static bool
NotARound(const Sentence *s, int cl)
{
	const FrText *f = &s->f;
	int			i;

	for (i = 0; i < f->n; i++)
	{
		int			j;

		if (s->clause[i] != cl)
			continue;
		if (fr_entry(f, i, LX_NOT_ROUND))
			return true;
		/* a counted subject: "66个", "近500家", "12 startups" */
		if (fr_is(f, i, LXT_DIGITS) || fr_entry(f, i, LX_CN_DIGIT))
		{
			j = fr_skip_gaps(f, i + 1);
			if (j < f->n && s->clause[j] == cl && fr_entry(f, j, LX_SUBJECT))
				return true;
		}
	}
	return false;
}

static bool
AnnouncesFunding(const Sentence *s, int cl)
{
	const FrText *f = &s->f;
	int			i;

	for (i = 0; i < f->n; i++)
	{
		const LxEntry *k;

		if (s->clause[i] != cl)
			continue;
		if (fr_entry(f, i, LX_CUE))
			return true;
		if ((k = fr_entry(f, i, LX_KIND)) != NULL && !(k->flags & (LXF_BARE | LXF_LETTER)))
			return true;
	}
	return false;
}

/*
 * The lexeme of the round's kind, or -1.  Kinds before lexeme `claimed` belong
 * to an earlier mention: a kind names one round.
 */
static int
KindFor(const Sentence *s, const FrAmount *am, int claimed)
{
	const FrText *f = &s->f;
	int			cl = s->clause[am->start];
	int			best = -1,
				bestd = SENT_MAX,
				i;

	for (i = 0; i < f->n; i++)
	{
		const LxEntry *k = fr_entry(f, i, LX_KIND);
		int			d;

		if (k == NULL || (k->flags & (LXF_BARE | LXF_LETTER)) || s->clause[i] != cl || (i >= am->start && i < am->end) ||
			i < claimed)
			continue;
		d = i < am->start ? am->start - i : i - am->end;
		if (d < bestd)
			best = i, bestd = d;
	}
	if (best >= 0)
		return best;
	/* an earlier clause: the nearest kind, unless 拨投结合 covers the grant */
	for (i = am->start - 1; i >= claimed; i--)
	{
		const LxEntry *k = fr_entry(f, i, LX_KIND);

		if (k == NULL || (k->flags & (LXF_BARE | LXF_LETTER)))
			continue;
		if (best < 0)
			best = i;
		if (inno_round_kind_by_code((uint8_t) k->value)->category == INNO_ROUND_HYBRID)
		{
			const LxEntry *near = fr_entry(f, best, LX_KIND);

			if (near->value == k->value ||
				inno_round_kind_by_code((uint8_t) near->value)->category == INNO_ROUND_GRANT)
				return i;
		}
	}
	return best;
}

static void
Emit(const Sentence *s, int from, int to, const InnoFundingRound *fr, InnoFrMentionFn fn, void *ctx)
{
	const FrText *f = &s->f;
	InnoFrMention m;

	m.round = *fr;
	m.byte_start = s->byte_base + f->t.off[f->lx[from].start];
	m.byte_end = s->byte_base + f->t.off[f->lx[to - 1].end];
	m.char_start = s->char_base + (size_t) f->lx[from].start;
	m.char_end = s->char_base + (size_t) f->lx[to - 1].end;
	fn(ctx, &m);
}

static void
ReadSentence(Sentence *s, uint16_t default_currency, InnoFrMentionFn fn, void *ctx)
{
	FrText	   *f = &s->f;
	int			i,
				cl = 0,
				claimed = 0;		/* lexemes before it belong to an earlier mention */

	for (i = 0; i < f->n; i++)
	{
		s->clause[i] = cl;
		if (ClauseBreak(f, i))
			s->clause[i] = -1, cl++;
	}
	for (i = 0; i < f->n;)
	{
		FrAmount	am;
		InnoFundingRound fr;
		int			r = fr_read_amount(f, i, &am);
		int			k,
					from,
					to,
					j;
		uint16_t	cur;
		FrDate		d;
		bool		dated = false;

		if (r <= 0)
		{
			i++;
			continue;
		}
		i += r;
		if (am.undisclosed || s->clause[am.start] < 0)
			continue;
		cl = s->clause[am.start];
		if (NotARound(s, cl) || !AnnouncesFunding(s, cl))
			continue;
		/*
		 * The kind and the date belong to this amount whether or not it is
		 * kept, so that a default currency adds mentions and changes none.
		 */
		memset(&fr, 0, sizeof(fr));
		fr.flags = INNO_FR_VERSION_1;
		k = KindFor(s, &am, claimed);
		fr.kind = k >= 0 ? (uint8_t) fr_entry(f, k, LX_KIND)->value : INNO_KIND_UNDISCLOSED;
		from = am.start;
		to = am.end;
		if (k >= 0 && k < from)
			from = k;
		if (k >= 0 && k + 1 > to)
			to = k + 1;
		for (j = 0; j < f->n && !dated; j++)
		{
			int			len;

			if (s->clause[j] != cl || j < claimed || (j >= am.start && j < am.end) ||
				(len = fr_read_date(f, j, &d)) <= 0)
				continue;
			if (fr_check_date(f, j, j + len, &d) == INNO_OK)
			{
				dated = true;
				fr.flags |= (uint8_t) d.precision;
				fr.announced = inno_days_from_ymd(d.year, d.month, d.day);
				if (j < from)
					from = j;
				if (j + len > to)
					to = j + len;
			}
		}
		claimed = to;
		if (i < claimed)
			i = claimed;
		/* an amount whose currency is not known is left out, never guessed */
		cur = am.currency ? am.currency : am.yuan || am.big_cjk ? 156 : default_currency;
		if (cur == 0 || inno_currency_by_numeric(cur) == NULL)
			continue;
		fr.currency = cur;
		if (fr_apply_amount(f, &am, inno_currency_by_numeric(cur)->minor_digits, &fr) != INNO_OK)
			continue;
		Emit(s, from, to, &fr, fn, ctx);
	}
}

/* Where the sentence starting at byte pos ends (exclusive), at most SENT_MAX code points on. */
static size_t
SentenceEnd(const char *s, size_t len, size_t pos, bool *ok)
{
	size_t		p = pos,
				last_comma = 0;
	int			n = 0;

	*ok = true;
	while (p < len)
	{
		uint32_t	c;
		size_t		before = p;

		if (!inno_utf8_next(s, len, &p, &c) || c == 0)
		{
			*ok = false;
			return before;
		}
		n++;
		if (c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF1B || c == '!' || c == '?' ||
			c == ';' || c == '\n')
			return p;
		if (c == '.' && (p >= len || s[p] == ' ' || s[p] == '\n' || s[p] == '\r'))
			return p;
		if (c == ',' || c == 0xFF0C)
			last_comma = p;
		if (n >= SENT_MAX - 1)
			return last_comma > pos ? last_comma : p;
	}
	return p;
}

bool
inno_fr_extract(const char *s, size_t len, uint16_t default_currency, InnoFrMentionFn fn, void *ctx)
{
	static Sentence sent;		/* one at a time; too large for the stack */
	static uint32_t cp[SENT_MAX];
	static uint32_t off[SENT_MAX + 1];
	static LxLexeme lx[SENT_MAX];
	size_t		pos = 0,
				chars = 0;

	while (pos < len)
	{
		bool		ok,
					too_long;
		size_t		end = SentenceEnd(s, len, pos, &ok);

		if (!ok)
			return false;
		if (!inno_lx_load(s + pos, end - pos, cp, off, SENT_MAX, &sent.f.t, &too_long))
			return false;
		sent.f.lx = lx;
		sent.f.n = inno_lx_lex(&sent.f.t, lx, SENT_MAX);
		sent.f.err = NULL;
		sent.byte_base = pos;
		sent.char_base = chars;
		ReadSentence(&sent, default_currency, fn, ctx);
		chars += (size_t) sent.f.t.n;
		pos = end;
	}
	return true;
}
