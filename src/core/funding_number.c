/*
 * funding_number.c
 *	  Numbers in funding text: Arabic digits with thousands separators and
 *	  decimals, Chinese numerals, and the magnitudes that scale them
 *	  (十 百 千 万 亿, 万亿; k, M, bn; thousand, million, billion).
 */
#include "funding_lex.h"

#include <string.h>

/* ------------------------------------------------------------------------
 * Numbers
 * ------------------------------------------------------------------------
 */


int
fr_read_arabic(const FrText *f, int i, InnoDec *v, bool *overflow)
{
	int			k = i;

	v->m = 0;
	v->e = 0;
	if (!fr_is(f, k, LXT_DIGITS))
		return 0;
	for (;;)
	{
		const LxLexeme *l = &f->lx[k];
		int			c;

		if (l->end - l->start <= 18 && v->m == 0)
		{
			/* the common case: a short run of digits, in 64 bits */
			uint64_t	u = 0;

			for (c = l->start; c < l->end; c++)
				u = u * 10 + (f->t.cp[c] - '0');
			v->m = u;
		}
		else
			for (c = l->start; c < l->end; c++)
			{
				if (v->m > ((__int128) 1 << 100) / 10)
				{
					*overflow = true;
					return k - i + 1;
				}
				v->m = v->m * 10 + (f->t.cp[c] - '0');
			}
		k++;
		/* a thousands separator: exactly three digits follow */
		if (fr_punct(f, k, ',') && fr_is(f, k + 1, LXT_DIGITS) &&
			f->lx[k + 1].end - f->lx[k + 1].start == 3)
		{
			k++;
			continue;
		}
		break;
	}
	if (fr_punct(f, k, '.') && fr_is(f, k + 1, LXT_DIGITS))
	{
		const LxLexeme *l = &f->lx[k + 1];
		int			c;

		for (c = l->start; c < l->end; c++)
		{
			if (v->m > ((__int128) 1 << 100) / 10)
			{
				*overflow = true;
				break;
			}
			v->m = v->m * 10 + (f->t.cp[c] - '0');
			v->e--;
		}
		k += 2;
	}
	return k - i;
}

/*
 * A number with magnitudes at i: "2亿", "1亿2000万", "3000 万", "两千万",
 * "三千五百万", "十亿", "3000多万", "25 million", "12m"; a bare magnitude
 * ("亿", "千万") when allow_bare.
 */
int
fr_read_number(const FrText *f, int i, bool allow_bare, FrNumber *nb)
{
	int			k = i;
	InnoDec		total = {0, 0},
				section = {0, 0},
				current = {0, 0};
	bool		have_current = false,
				any = false,
				last_big = false,
				only_arabic = true;
	int			arabic_len = 0,
				mags = 0;		/* powers of ten applied to the one Arabic figure */
	const LxEntry *e;

	memset(nb, 0, sizeof(*nb));
	nb->shift = -1;
	for (;;)
	{
		int			len;

		if (!have_current && (len = fr_read_arabic(f, k, &current, &nb->overflow)) > 0)
		{
			if (any)
				only_arabic = false;
			else
				arabic_len = len;
			have_current = true;
			nb->digits = true;
			any = true;
			last_big = false;
			k += len;
			if (nb->overflow)
				return k - i;
			/* "3000 万": a space between the digits and a Chinese magnitude */
			if (fr_is(f, k, LXT_GAP) && !f->lx[k].dash &&
				(e = fr_entry(f, k + 1, LX_MAGNITUDE)) != NULL && (e->flags & LXF_CJK))
				k++;
			continue;
		}
		if (!have_current && (e = fr_entry(f, k, LX_CN_DIGIT)) != NULL)
		{
			current.m = e->value;
			current.e = 0;
			have_current = true;
			nb->digits = true;
			only_arabic = false;
			any = true;
			last_big = false;
			k++;
			continue;
		}
		/* 多 / 余 right before a magnitude: "3000多万", "两千多万" */
		if ((have_current || section.m != 0) && !nb->some && (e = fr_entry(f, k, LX_QUAL_POST)) != NULL &&
			e->value == INNO_Q_SOME && fr_entry(f, k + 1, LX_MAGNITUDE) != NULL)
		{
			nb->some = true;
			nb->some_unit.m = 1;
			nb->some_unit.e = inno_dec_leading_pow(have_current ? current : section);
			k++;
			continue;
		}
		if ((e = fr_entry(f, k, LX_MAGNITUDE)) != NULL && (e->flags & LXF_CJK))
		{
			int			u = e->value;

			if (!any && !allow_bare && !(u == 1))
				break;
			if (u < 4)
			{
				/* 十 百 千 multiply the digit before them, or stand for one */
				InnoDec		part = have_current ? current : (InnoDec) {1, 0};

				if (!inno_dec_mul_pow10(&part, u) || !inno_dec_add(&section, part))
					nb->overflow = true;
				if (!have_current && !any && u == 1)
					nb->ten = true;	/* 十亿: 十 is the number ten */
			}
			else if (!have_current && section.m == 0 && total.m != 0 && last_big)
			{
				/* 万亿: a big magnitude right after another multiplies it */
				if (!inno_dec_mul_pow10(&total, u))
					nb->overflow = true;
			}
			else
			{
				/* 万 亿 multiply everything since the last big magnitude */
				InnoDec		part = section;

				if (have_current && !inno_dec_add(&part, current))
					nb->overflow = true;
				if (!have_current && section.m == 0)
					part = (InnoDec) {1, 0};	/* a bare 亿: one of it */
				if (!inno_dec_mul_pow10(&part, u) || !inno_dec_add(&total, part))
					nb->overflow = true;
				section = (InnoDec) {0, 0};
				nb->big_cjk = true;
			}
			last_big = u >= 4;
			mags += u;
			if (nb->some && !inno_dec_mul_pow10(&nb->some_unit, u))
				nb->overflow = true;
			have_current = false;
			nb->magnitude = true;
			any = true;
			k++;
			if (nb->overflow)
				return k - i;
			continue;
		}
		break;
	}
	if (!any)
		return 0;
	if (have_current && !inno_dec_add(&section, current))
		nb->overflow = true;
	if (!inno_dec_add(&total, section))
		nb->overflow = true;
	nb->value = total;
	/* an English magnitude after plain Arabic digits */
	if (!nb->magnitude && only_arabic && nb->digits)
	{
		int			j = k;

		if ((e = fr_entry(f, j, LX_MAGNITUDE)) != NULL && (e->flags & (LXF_ATTACHED | LXF_WORD)))
			;
		else if (fr_is(f, j, LXT_GAP) && !f->lx[j].dash &&
				 (e = fr_entry(f, j + 1, LX_MAGNITUDE)) != NULL && (e->flags & LXF_WORD))
			j++;
		else
			e = NULL;
		if (e != NULL)
		{
			if (!inno_dec_mul_pow10(&nb->value, e->value))
				nb->overflow = true;
			nb->magnitude = true;
			mags += e->value;
			k = j + 1;
		}
	}
	/* digits followed by magnitudes only: the shift a range's lower end may borrow */
	if (nb->magnitude && only_arabic && arabic_len > 0 && !nb->some)
		nb->shift = mags;
	return k - i;
}

