/*
 * funding_amount.c
 *	  Reading an amount phrase from lexemes: numbers (Arabic with
 *	  thousands separators and decimals, Chinese numerals, magnitudes),
 *	  qualifiers, ranges and currencies; and turning it into [low, high]
 *	  with a point by the rules of funding_vocab.c.
 *
 * A number is an amount only with a magnitude (万, 亿, M, million ...) or a
 * currency; what decides the currency is left to the caller, which knows
 * the whole text.
 */
#include "funding_lex.h"

#include <stdio.h>
#include <string.h>


/* ------------------------------------------------------------------------
 * Amount phrases
 * ------------------------------------------------------------------------
 */

/* English forms that name an order of magnitude: "several million", "tens of millions", "eight figures". */
static int
EnglishOrder(const FrText *f, int i, FrAmount *am)
{
	const LxEntry *e;
	int			k = i;
	int			pow = 0;
	bool		several = am->q == INNO_Q_SEVERAL;

	if ((e = fr_entry(f, k, LX_NUMBER_WORD)) != NULL && e->value >= 4 && e->value <= 10 &&
		(fr_entry(f, fr_skip_gaps(f, k + 1), LX_MAGNITUDE) != NULL) &&
		(fr_entry(f, fr_skip_gaps(f, k + 1), LX_MAGNITUDE)->flags & LXF_FIGURES))
	{
		if (am->q != INNO_Q_EXACT)
			return 0;
		am->q = INNO_Q_SEVERAL;
		am->x = (InnoDec) {1, e->value - 1};
		return fr_skip_gaps(f, k + 1) + 1 - i;
	}
	if ((e = fr_entry(f, k, LX_MAGNITUDE)) != NULL && (e->flags & LXF_SEVERAL))
	{
		if (am->q != INNO_Q_EXACT)
			return 0;
		am->q = INNO_Q_SEVERAL;
		am->x = (InnoDec) {1, e->value};
		return 1;
	}
	if (!several)
		return 0;
	/* several [hundred] thousand / million / billion */
	while ((e = fr_entry(f, k, LX_MAGNITUDE)) != NULL && (e->flags & LXF_WORD))
	{
		pow += e->value;
		k = fr_skip_gaps(f, k + 1);
		if (!(fr_entry(f, k, LX_MAGNITUDE) && (fr_entry(f, k, LX_MAGNITUDE)->flags & LXF_WORD)))
			break;
	}
	if (pow == 0)
		return 0;
	/* k is past the last magnitude (possibly past trailing gaps): step back over them */
	while (k > i && f->lx[k - 1].type == LXT_GAP)
		k--;
	am->x = (InnoDec) {1, pow};
	return k - i;
}

/* A currency before the number: "$", "US$", "USD " -- only when a number follows. */
static int
CurrencyPrefix(const FrText *f, int i, uint16_t *cur)
{
	const LxEntry *e = fr_entry(f, i, LX_CUR_PREFIX);
	int			j;

	if (e == NULL)
		return 0;
	j = fr_skip_gaps(f, i + 1);
	if (!fr_is(f, j, LXT_DIGITS) && fr_entry(f, j, LX_CN_DIGIT) == NULL)
		return 0;
	*cur = e->value;
	return j - i;
}

/* A currency word after the number; updates am; -1 on a conflict. */
static int
CurrencyAfter(const FrText *f, int k, FrAmount *am, bool template_open)
{
	const LxEntry *e;

	if ((e = fr_entry(f, k, LX_YUAN)) != NULL && fr_entry(f, k, LX_CUR_WORD) == NULL)
	{
		if (am->yuan || (am->currency != 0 && am->currency != e->value))
		{
			fr_fail(f, INNO_ERR_SYNTAX, "Two currencies were given in \"%s\".", am->start, k + 1);
			return -1;
		}
		am->yuan = true;
		return 1;
	}
	if ((e = fr_entry(f, k, LX_CUR_WORD)) != NULL)
	{
		if (am->currency != 0 && am->currency != e->value)
		{
			fr_fail(f, INNO_ERR_SYNTAX, "Two currencies were given in \"%s\".", am->start, k + 1);
			return -1;
		}
		/* 元 yields only to a vendor template: 亿元及以上美元 */
		if (am->yuan && e->value != 156 && !template_open)
		{
			fr_fail(f, INNO_ERR_SYNTAX, "Two currencies were given in \"%s\".", am->start, k + 1);
			return -1;
		}
		if (am->yuan && e->value != 156)
			am->yuan = false;
		am->currency = e->value;
		am->currency_at = k;
		return 1;
	}
	return 0;
}

#define AMOUNT_STARTS ((1u << LX_UNDISCLOSED) | (1u << LX_QUAL_PRE) | (1u << LX_CUR_PREFIX) | \
					   (1u << LX_CN_DIGIT) | (1u << LX_MAGNITUDE) | (1u << LX_NUMBER_WORD))

int
fr_read_amount(const FrText *f, int i, FrAmount *am)
{
	int			k = i,
				len;
	const LxEntry *e;
	FrNumber	nb;
	bool		bare = false,
				magnitude = true,
				template_open = false;
	uint16_t	cur = 0;

	/* most lexemes cannot start an amount: say so before any work */
	if (!fr_is(f, i, LXT_DIGITS) &&
		!(i < f->n && (f->lx[i].classes & AMOUNT_STARTS)))
		return 0;
	memset(am, 0, sizeof(*am));
	am->q = INNO_Q_EXACT;
	am->start = i;
	am->currency_at = -1;
	if (fr_entry(f, k, LX_UNDISCLOSED) != NULL)
	{
		am->undisclosed = true;
		am->end = i + 1;
		return 1;
	}
	if ((e = fr_entry(f, k, LX_QUAL_PRE)) != NULL)
	{
		am->q = (InnoQualifier) e->value;
		k = fr_skip_gaps(f, k + 1);
	}
	if ((len = EnglishOrder(f, k, am)) > 0)
	{
		k += len;
		goto suffixes;
	}
	if ((len = CurrencyPrefix(f, k, &cur)) > 0)
	{
		am->currency = cur;
		am->currency_at = k;
		k += len;
	}
	len = fr_read_number(f, k, true, &nb);
	if (len == 0)
		return 0;
	if (nb.overflow)
	{
		fr_fail(f, INNO_ERR_SYNTAX, "The amount \"%s\" is larger than a funding_round holds (10^15 currency units).", i, k + len);
		return -1;
	}
	bare = !nb.digits && !nb.ten;
	magnitude = nb.magnitude;
	if (am->q == INNO_Q_SEVERAL && nb.digits)
	{
		fr_fail(f, INNO_ERR_SYNTAX, "\"%s\": 数 and several take a unit, not digits (数千万, several million).", i, k + len);
		return -1;
	}
	am->x = nb.value;
	am->big_cjk = nb.big_cjk;
	if (nb.some)
	{
		if (am->q != INNO_Q_EXACT)
		{
			fr_fail(f, INNO_ERR_SYNTAX, "The amount \"%s\" has two qualifiers.", i, k + len);
			return -1;
		}
		am->q = INNO_Q_SOME;
		am->unit = nb.some_unit;
	}
	k += len;

	/* a range: "5000万-8000万", "1-2亿", "10 to 20 million", "5000万至8000万" */
	if (am->q == INNO_Q_EXACT && !bare)
	{
		int			j = k,
					j2;
		bool		sep = false;
		uint16_t	cur2 = 0;
		FrNumber	hi;

		if (fr_is(f, j, LXT_GAP) && f->lx[j].dash)
			sep = true, j++;
		else
		{
			j = fr_skip_gaps(f, j);
			if (fr_entry(f, j, LX_RANGE_SEP) != NULL)
				sep = true, j++;
		}
		if (sep)
		{
			j2 = fr_skip_gaps(f, j);
			if ((len = CurrencyPrefix(f, j2, &cur2)) > 0)
				j2 += len;
			len = fr_read_number(f, j2, false, &hi);
			if (len > 0 && hi.digits && !hi.some && !hi.overflow &&
				(cur2 == 0 || am->currency == 0 || cur2 == am->currency))
			{
				InnoDec		lo = am->x;

				/* "1-2亿": the lower figure takes the upper figure's magnitude */
				if (!nb.magnitude && hi.magnitude && hi.shift > 0)
					(void) inno_dec_mul_pow10(&lo, hi.shift);
				if (inno_dec_cmp(lo, hi.value) < 0)
				{
					am->q = INNO_Q_RANGE;
					am->x = lo;
					am->y = hi.value;
					am->big_cjk |= hi.big_cjk;
					magnitude |= hi.magnitude;
					if (cur2 != 0)
					{
						am->currency = cur2;
						am->currency_at = j2;
					}
					k = j2 + len;
				}
			}
		}
	}

suffixes:
	/* qualifiers and currency words after the number, in either order */
	for (;;)
	{
		int			j = fr_skip_gaps(f, k);
		int			r;

		if ((e = fr_entry(f, j, LX_QUAL_POST)) != NULL)
		{
			InnoQualifier q = (InnoQualifier) e->value;

			if (q == INNO_Q_OPEN && fr_char(f, j) == '+' && j != k)
				break;			/* "+" must touch the number */
			if (am->q == INNO_Q_RANGE || (am->q != INNO_Q_EXACT && !(am->q == q && q == INNO_Q_SEVERAL)))
			{
				fr_fail(f, INNO_ERR_SYNTAX, "The amount \"%s\" has two qualifiers.", i, j + 1);
				return -1;
			}
			am->q = q;
			if (q == INNO_Q_SOME)
			{
				am->unit.m = 1;
				am->unit.e = inno_dec_leading_pow(am->x);
			}
			if (am->yuan)
				template_open = true;
			k = j + 1;
			continue;
		}
		r = CurrencyAfter(f, j, am, template_open);
		if (r < 0)
			return -1;
		if (r > 0)
		{
			k = j + 1;
			continue;
		}
		break;
	}
	/* a point estimate after a range, as the canonical form writes it: "~3000000" */
	if (am->q == INNO_Q_RANGE)
	{
		int			j = fr_skip_gaps(f, k);

		if (fr_char(f, j) == '~' && fr_is(f, j + 1, LXT_DIGITS))
		{
			bool		of = false;
			int			l = fr_read_arabic(f, j + 1, &am->point, &of);

			if (of)
			{
				fr_fail(f, INNO_ERR_SYNTAX, "The point estimate \"%s\" is out of range.", j, j + 1 + l);
				return -1;
			}
			am->has_point = true;
			k = j + 1 + l;
		}
	}
	if (am->q == INNO_Q_OVER)
	{
		am->unit.m = 1;
		am->unit.e = inno_dec_leading_pow(am->x);
	}
	if (bare && am->q == INNO_Q_EXACT)
	{
		/* 亿元B轮, 千万美元A轮: a bare magnitude and a currency right before a round kind */
		if ((am->yuan || am->currency_at > am->start) && fr_entry(f, fr_skip_gaps(f, k), LX_KIND) != NULL)
			am->q = INNO_Q_SEVERAL;
		else
		{
			fr_fail(f, INNO_ERR_SYNTAX, "A bare magnitude (\"%s\") is not an amount.", i, k);
			if (f->err)
				inno_set_hint(f->err, "Write a number (1亿元), or an order of magnitude: 近亿元, 亿元级, 亿元及以上, 数千万.");
			return -1;
		}
	}
	/* a number is an amount only with a magnitude or a currency */
	if (!magnitude && am->currency == 0 && !am->yuan)
		return 0;
	am->end = k;
	return k - i;
}

/* Round (cx * X + cy * Y) / den up (lower bounds) or down. */
static __int128
Bound(InnoBoundRule r, __int128 x, __int128 y, bool up)
{
	__int128	num = (__int128) r.cx * x + (__int128) r.cy * y;

	if (r.den == 1)
		return num;
	return up ? (num + r.den - 1) / r.den : num / r.den;
}

InnoStatus
fr_apply_amount(const FrText *f, const FrAmount *am, int minor_digits, InnoFundingRound *fr)
{
	const InnoQualifierRule *rule = inno_qualifier_rule(am->q);
	int64_t		x = 0,
				y = 0,
				p = 0;
	InnoStatus	st;
	__int128	lo,
				pt,
				hi;
	const InnoDec *second = rule->y_is_unit ? &am->unit : &am->y;

	if ((st = inno_dec_to_minor(am->x, minor_digits, INNO_FR_AMOUNT_MAX, &x)) != INNO_OK ||
		((rule->y_is_unit || am->q == INNO_Q_RANGE) &&
		 (st = inno_dec_to_minor(*second, minor_digits, INNO_FR_AMOUNT_MAX, &y)) != INNO_OK) ||
		(am->has_point && (st = inno_dec_to_minor(am->point, minor_digits, INNO_FR_AMOUNT_MAX, &p)) != INNO_OK))
	{
		if (st == INNO_ERR_RANGE)
			fr_fail(f, INNO_ERR_SYNTAX, "The amount \"%s\" is larger than a funding_round holds (10^15 currency units).",
					  am->start, am->end);
		else if (f->err)
		{
			char		q[128];

			fr_quote(f, am->start, am->end, q, sizeof(q));
			inno_set_detail(f->err, "The amount \"%s\" has more decimal places than its currency (%d).",
							q, minor_digits);
		}
		return st;
	}
	if (x <= 0)
	{
		fr_fail(f, INNO_ERR_SYNTAX, "An amount of zero (\"%s\") is not an amount.", am->start, am->end);
		if (f->err)
			inno_set_hint(f->err, "Write 未披露 or undisclosed when the amount is not known.");
		return INNO_ERR_SYNTAX;
	}
	lo = Bound(rule->low, x, y, true);
	pt = Bound(rule->point, x, y, false);
	hi = rule->open ? INNO_FR_OPEN_HIGH : Bound(rule->high, x, y, false);
	if (pt < lo)
		pt = lo;
	if ((!rule->open && hi > INNO_FR_AMOUNT_MAX) || pt > INNO_FR_AMOUNT_MAX)
	{
		fr_fail(f, INNO_ERR_SYNTAX, "The amount \"%s\" is larger than a funding_round holds (10^15 currency units).",
				  am->start, am->end);
		return INNO_ERR_RANGE;
	}
	if (am->has_point)
	{
		if (p < lo || p > hi)
		{
			fr_fail(f, INNO_ERR_SYNTAX, "The point estimate is outside the range \"%s\".", am->start, am->end);
			return INNO_ERR_SYNTAX;
		}
		pt = p;
	}
	fr->low = (int64_t) lo;
	fr->point = (int64_t) pt;
	fr->high = (int64_t) hi;
	fr->flags |= INNO_FR_DISCLOSED;
	if (rule->open)
		fr->flags |= INNO_FR_OPEN;
	return INNO_OK;
}
