/*
 * funding_canon.c
 *	  The strict fast path for the canonical text form, which machines write
 *	  and COPY reads back:  <label> [<CUR>] <amount> [<date>]
 *
 * It accepts only text the general reader (funding_parse.c) reads to the
 * very same value, and declines everything else (leading zeros, a zero
 * amount, an empty range, a point outside its range, unknown codes, dates
 * that are not real), leaving it to the general reader.  The fuzzer
 * (test/fuzz/fuzz_funding.c) checks the two agree on every input.
 */
#include "funding_lex.h"
#include "calendar.h"

#include <string.h>

/* ------------------------------------------------------------------------
 * The canonical form: <label> [<CUR>] <amount> [<date>]
 * ------------------------------------------------------------------------
 */

static bool
CanonDecimal(const char **p, const char *end, int digits, int64_t *out)
{
	const char *s = *p;
	int64_t		v = 0;
	int			n = 0,
				frac = -1;

	if (s >= end || *s < '0' || *s > '9' || (*s == '0' && (s + 1 >= end || s[1] != '.')))
		return false;			/* no sign, no leading zero but before a decimal point */
	while (s < end && ((*s >= '0' && *s <= '9') || (*s == '.' && frac < 0)))
	{
		if (*s == '.')
		{
			if (digits == 0 || s + 1 >= end || s[1] < '0' || s[1] > '9')
				return false;
			frac = 0;
			s++;
			continue;
		}
		if (frac >= 0 && ++frac > digits)
			return false;
		if (++n > 17)
			return false;
		v = v * 10 + (*s - '0');
		s++;
	}
	for (frac = frac < 0 ? 0 : frac; frac < digits; frac++)
	{
		if (v > INNO_FR_AMOUNT_MAX)
			return false;		/* 17 digits scaled to minor units would overflow */
		v *= 10;
	}
	if (v <= 0 || v > INNO_FR_AMOUNT_MAX)
		return false;
	*out = v;
	*p = s;
	return true;
}

static bool
CanonNumber(const char **p, const char *end, int ndigits, int *out)
{
	int			v = 0,
				i;

	if (end - *p < ndigits)
		return false;
	for (i = 0; i < ndigits; i++)
	{
		char		c = (*p)[i];

		if (c < '0' || c > '9')
			return false;
		v = v * 10 + (c - '0');
	}
	*p += ndigits;
	*out = v;
	return true;
}

/* true if s is canonical text, with the value in *fr (exactly what the general reader gives) */
bool
fr_parse_canonical(const char *s, size_t len, InnoFundingRound *fr)
{
	const char *p = s,
			   *end = s + len,
			   *w;
	int			digits = 2;
	const InnoCurrencyInfo *cur = NULL;
	const InnoRoundKindInfo *k;

	if (len == 0 || s[0] < 'a' || s[0] > 'z')
		return false;			/* canonical text starts with a kind label */
	memset(fr, 0, sizeof(*fr));
	for (w = p; w < end && *w != ' '; w++)
		;
	if ((k = inno_round_kind_by_label(p, (size_t) (w - p))) == NULL || w >= end)
		return false;
	p = w + 1;
	fr->kind = k->code;
	fr->flags = INNO_FR_VERSION_1;
	if (end - p >= 4 && p[0] >= 'A' && p[0] <= 'Z' && p[1] >= 'A' && p[1] <= 'Z' &&
		p[2] >= 'A' && p[2] <= 'Z' && p[3] == ' ')
	{
		char		code[4] = {p[0], p[1], p[2], '\0'};

		if ((cur = inno_currency_by_alpha(code)) == NULL)
			return false;
		fr->currency = cur->numeric;
		digits = cur->minor_digits;
		p += 4;
	}
	if (end - p >= 11 && memcmp(p, "undisclosed", 11) == 0)
		p += 11;
	else
	{
		if (cur == NULL || !CanonDecimal(&p, end, digits, &fr->low))
			return false;
		fr->flags |= INNO_FR_DISCLOSED;
		if (p < end && *p == '+')
		{
			p++;
			fr->point = fr->low;
			fr->high = INNO_FR_OPEN_HIGH;
			fr->flags |= INNO_FR_OPEN;
		}
		else if (p < end && *p == '-')
		{
			p++;
			if (!CanonDecimal(&p, end, digits, &fr->high) || fr->high <= fr->low)
				return false;
			fr->point = fr->low + (fr->high - fr->low) / 2;
			if (end - p >= 2 && p[0] == ' ' && p[1] == '~')
			{
				p += 2;
				if (!CanonDecimal(&p, end, digits, &fr->point) || fr->point < fr->low || fr->point > fr->high)
					return false;
			}
		}
		else
			fr->point = fr->high = fr->low;
	}
	if (p < end)
	{
		int			y,
					m = 1,
					d = 1,
					prec = INNO_FR_DATE_YEAR;

		if (*p++ != ' ' || !CanonNumber(&p, end, 4, &y))
			return false;
		if (p < end)
		{
			if (*p++ != '-' || !CanonNumber(&p, end, 2, &m))
				return false;
			prec = INNO_FR_DATE_MONTH;
			if (p < end)
			{
				if (*p++ != '-' || !CanonNumber(&p, end, 2, &d))
					return false;
				prec = INNO_FR_DATE_DAY;
			}
		}
		if (p != end || y < INNO_FR_YEAR_MIN || y > INNO_FR_YEAR_MAX || !inno_valid_ymd(y, m, d))
			return false;
		fr->flags |= (uint8_t) prec;
		fr->announced = inno_days_from_ymd(y, m, d);
	}
	return true;
}

