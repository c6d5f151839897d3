/*
 * funding_lex.h
 *	  Internal to the funding-text readers (funding_amount.c,
 *	  funding_date.c, funding_parse.c, funding_extract.c): the lexed text
 *	  they share, and the parts they read from it.
 *
 * Every reader works on lexemes (lexicon.h) and reports what it read as
 * lexeme spans, so that errors quote the very token that is wrong.
 */
#ifndef INNO_FUNDING_LEX_H
#define INNO_FUNDING_LEX_H

#include "decimal.h"
#include "funding.h"
#include "lexicon.h"

typedef struct FrText
{
	LxText		t;
	LxLexeme   *lx;
	int			n;				/* lexemes */
	InnoError  *err;			/* NULL: readers only look (extraction) */
} FrText;

/* the entry of class cls if lexeme i is a vocabulary phrase that has one */
static inline const LxEntry *
fr_entry(const FrText *f, int i, LxClass cls)
{
	if (i < 0 || i >= f->n || !(f->lx[i].classes & ((uint32_t) 1 << cls)))
		return NULL;
	return inno_lx_find(f->lx[i].ent, f->lx[i].nent, cls);
}

/* the code point lexeme i starts with */
static inline uint32_t
fr_char(const FrText *f, int i)
{
	return i >= 0 && i < f->n ? f->t.cp[f->lx[i].start] : 0;
}

static inline bool
fr_is(const FrText *f, int i, LxType type)
{
	return i >= 0 && i < f->n && f->lx[i].type == type;
}

/* an ASCII punctuation lexeme (OTHER or SEP) that is exactly c */
static inline bool
fr_punct(const FrText *f, int i, uint32_t c)
{
	return i >= 0 && i < f->n && (f->lx[i].type == LXT_OTHER || f->lx[i].type == LXT_SEP) &&
		f->lx[i].end - f->lx[i].start == 1 && f->t.cp[f->lx[i].start] == c;
}

/* index of the first lexeme at or after i that is not a gap */
static inline int
fr_skip_gaps(const FrText *f, int i)
{
	while (i < f->n && f->lx[i].type == LXT_GAP)
		i++;
	return i;
}

/* The canonical form only (funding_canon.c): true with the value, false to leave it to the general reader. */
extern bool fr_parse_canonical(const char *s, size_t len, InnoFundingRound *fr);

/* The general reader, without the canonical fast path (for tests and the fuzzer). */
extern InnoStatus fr_parse_general(const char *s, size_t len, uint16_t default_currency,
								   InnoFundingRound *out, InnoError *err);

/* Quote the original text of lexemes [from, to) into buf (at most ~60 characters). */
extern void fr_quote(const FrText *f, int from, int to, char *buf, size_t buflen);

/* Set the detail fmt (one %s: the quoted lexemes [from, to)) when f->err is set; returns st. */
extern InnoStatus fr_fail(const FrText *f, InnoStatus st, const char *fmt, int from, int to);

/* ---- numbers (funding_number.c) ---- */

typedef struct FrNumber
{
	InnoDec		value;
	bool		digits;			/* Arabic or Chinese digits present */
	bool		ten;			/* starts with 十 alone: 十亿 = ten 亿 */
	bool		magnitude;		/* any magnitude */
	bool		big_cjk;		/* 万 or 亿 */
	bool		some;			/* 多/余 before the magnitude: "3000多万" */
	InnoDec		some_unit;
	int			shift;			/* "2亿" = 2 x 10^8: 8; -1 if not digits and magnitudes only */
	bool		overflow;
} FrNumber;

/* Arabic digits at i ("1,000", "1.5", "2023"): lexemes read. */
extern int	fr_read_arabic(const FrText *f, int i, InnoDec *v, bool *overflow);

/* A number with magnitudes at i ("2亿", "两千万", "25 million"); a bare magnitude when allow_bare. */
extern int	fr_read_number(const FrText *f, int i, bool allow_bare, FrNumber *nb);

/* ---- amounts (funding_amount.c) ---- */

typedef struct FrAmount
{
	InnoQualifier q;
	InnoDec		x;				/* X: the amount, the lower figure, the unit */
	InnoDec		y;				/* upper figure of a range */
	InnoDec		unit;			/* u, for over / and some */
	bool		undisclosed;
	bool		big_cjk;		/* written with 万 or 亿: CNY unless named */
	bool		yuan;			/* 元 */
	bool		has_point;		/* an explicit "~point" after a range */
	InnoDec		point;
	uint16_t	currency;		/* a named currency, 0 if none */
	int			currency_at;	/* lexeme that named it */
	int			start,
				end;			/* lexemes [start, end) */
} FrAmount;

/*
 * An amount at lexeme i.  Returns the lexemes read, 0 if there is no amount
 * here, -1 if there is one but it is malformed (f->err says why, when set).
 */
extern int	fr_read_amount(const FrText *f, int i, FrAmount *am);

/* [low, high] and the point of a disclosed amount, in minor units. */
extern InnoStatus fr_apply_amount(const FrText *f, const FrAmount *am, int minor_digits,
								  InnoFundingRound *fr);

/* ---- dates (funding_date.c) ---- */

typedef struct FrDate
{
	int			precision;		/* INNO_FR_DATE_* */
	int			year,
				month,
				day;
	bool		ambiguous;		/* "05/06/2023": day and month cannot be told apart */
} FrDate;

/* A date at lexeme i: lexemes read, 0 if none. */
extern int	fr_read_date(const FrText *f, int i, FrDate *d);

/* Check a date read from text; sets f->err. */
extern InnoStatus fr_check_date(const FrText *f, int from, int to, const FrDate *d);

#endif							/* INNO_FUNDING_LEX_H */
