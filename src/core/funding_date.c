/*
 * funding_date.c
 *	  Reading an announcement date from lexemes: a day, a month or a year,
 *	  in the forms Chinese and English sources write them.
 *
 *	  2023-06-15  2023/6/15  2023.06.15  2023年6月15日   (day)
 *	  2023-06  2023/06  2023.06  2023年6月  Jun 2023       (month)
 *	  2023  2023年                                         (year)
 *	  June 15, 2024  15 Jun 2023                           (day)
 *	  31/12/2023  12/31/2023   day and month in either order, only when
 *	                           they cannot be confused (05/06/2023 is not read)
 */
#include "funding_lex.h"
#include "calendar.h"

#include <stdio.h>
#include <string.h>

/* The value of a digits lexeme of min..max digits; -1 otherwise. */
static int
DigitsValue(const FrText *f, int i, int min, int max)
{
	int			v = 0,
				c;
	const LxLexeme *l;

	if (!fr_is(f, i, LXT_DIGITS))
		return -1;
	l = &f->lx[i];
	if (l->end - l->start < min || l->end - l->start > max)
		return -1;
	for (c = l->start; c < l->end; c++)
		v = v * 10 + (int) (f->t.cp[c] - '0');
	return v;
}

/* the date separator at lexeme i: '-', '/', '.' touching both sides; 0 if none */
static uint32_t
DateSep(const FrText *f, int i)
{
	if (fr_is(f, i, LXT_GAP) && f->lx[i].dash && f->lx[i].end - f->lx[i].start == 1)
		return '-';
	if (fr_punct(f, i, '/'))
		return '/';
	if (fr_punct(f, i, '.'))
		return '.';
	return 0;
}

static int
DateUnit(const FrText *f, int i)
{
	const LxEntry *e = fr_entry(f, i, LX_DATE_UNIT);

	return e ? e->value : 0;
}

static int
Month(const FrText *f, int i, int *len)
{
	const LxEntry *e = fr_entry(f, i, LX_MONTH);

	if (e == NULL)
		return 0;
	*len = fr_punct(f, i + 1, '.') ? 2 : 1;
	return e->value;
}

/* Does a magnitude or a currency follow at lexeme j (after spaces)? */
static bool
UnitFollows(const FrText *f, int j)
{
	const LxEntry *e;

	j = fr_skip_gaps(f, j);
	if ((e = fr_entry(f, j, LX_MAGNITUDE)) != NULL && !(e->flags & LXF_FIGURES))
		return true;
	return fr_entry(f, j, LX_YUAN) != NULL || fr_entry(f, j, LX_CUR_WORD) != NULL;
}

/* Is the four-digit number at i the start of an amount rather than a year? */
static bool
LooksLikeAmount(const FrText *f, int i)
{
	int			j = i + 1;
	const LxEntry *e;

	if (fr_punct(f, j, '.') && fr_is(f, j + 1, LXT_DIGITS))
		return true;			/* 2023.5 */
	if (fr_punct(f, j, ',') && fr_is(f, j + 1, LXT_DIGITS))
		return true;			/* 2,023 */
	j = fr_skip_gaps(f, j);
	if ((e = fr_entry(f, j, LX_MAGNITUDE)) != NULL && !(e->flags & LXF_FIGURES))
		return true;
	if (fr_entry(f, j, LX_YUAN) || fr_entry(f, j, LX_CUR_WORD) || fr_entry(f, j, LX_QUAL_POST))
		return j == i + 1 || fr_entry(f, j, LX_CUR_WORD) == NULL;
	return false;
}

int
fr_read_date(const FrText *f, int i, FrDate *d)
{
	int			y,
				m,
				day,
				len;
	uint32_t	sep;

	if (!fr_is(f, i, LXT_DIGITS) && fr_entry(f, i, LX_MONTH) == NULL)
		return 0;
	memset(d, 0, sizeof(*d));
	if (i > 0 && fr_is(f, i - 1, LXT_DIGITS))
		return 0;
	if ((y = DigitsValue(f, i, 4, 4)) >= 0)
	{
		int			k = i + 1;

		/* 2023年6月15日 / 2023年6月 / 2023年 (spaces allowed around the numbers) */
		if (DateUnit(f, fr_skip_gaps(f, k)) == 1)
		{
			k = fr_skip_gaps(f, k) + 1;
			*d = (FrDate) {INNO_FR_DATE_YEAR, y, 1, 1, false};
			if ((m = DigitsValue(f, fr_skip_gaps(f, k), 1, 2)) >= 0 &&
				DateUnit(f, fr_skip_gaps(f, fr_skip_gaps(f, k) + 1)) == 2)
			{
				int			km = fr_skip_gaps(f, fr_skip_gaps(f, k) + 1) + 1;

				*d = (FrDate) {INNO_FR_DATE_MONTH, y, m, 1, false};
				k = km;
				if ((day = DigitsValue(f, fr_skip_gaps(f, km), 1, 2)) >= 0 &&
					DateUnit(f, fr_skip_gaps(f, fr_skip_gaps(f, km) + 1)) == 3)
				{
					*d = (FrDate) {INNO_FR_DATE_DAY, y, m, day, false};
					k = fr_skip_gaps(f, fr_skip_gaps(f, km) + 1) + 1;
				}
			}
			return k - i;
		}
		/* 2023-06-15 / 2023/6/15 / 2023.06.15 / 2023-06 */
		if ((sep = DateSep(f, k)) != 0 && (m = DigitsValue(f, k + 1, 1, 2)) >= 0)
		{
			if (DateSep(f, k + 2) == sep && (day = DigitsValue(f, k + 3, 1, 2)) >= 0)
			{
				*d = (FrDate) {INNO_FR_DATE_DAY, y, m, day, false};
				return k + 4 - i;
			}
			/* "2023.5亿" is an amount */
			if (sep == '.' && UnitFollows(f, k + 2))
				return 0;
			*d = (FrDate) {INNO_FR_DATE_MONTH, y, m, 1, false};
			return k + 2 - i;
		}
		if (LooksLikeAmount(f, i) || fr_is(f, i + 1, LXT_WORD))
			return 0;
		*d = (FrDate) {INNO_FR_DATE_YEAR, y, 1, 1, false};
		return 1;
	}
	/* Jun 2023, June 15, 2024 */
	if ((m = Month(f, i, &len)) > 0)
	{
		int			k = fr_skip_gaps(f, i + len);

		if ((day = DigitsValue(f, k, 1, 2)) >= 0)
		{
			int			j = k + 1;

			if (fr_punct(f, j, ','))
				j++;
			j = fr_skip_gaps(f, j);
			if ((y = DigitsValue(f, j, 4, 4)) >= 0)
			{
				*d = (FrDate) {INNO_FR_DATE_DAY, y, m, day, false};
				return j + 1 - i;
			}
		}
		if ((y = DigitsValue(f, k, 4, 4)) >= 0)
		{
			*d = (FrDate) {INNO_FR_DATE_MONTH, y, m, 1, false};
			return k + 1 - i;
		}
		return 0;
	}
	if ((day = DigitsValue(f, i, 1, 2)) >= 0)
	{
		int			k;

		/* 15 Jun 2023 */
		if (fr_is(f, i + 1, LXT_GAP) && (m = Month(f, i + 2, &len)) > 0)
		{
			k = fr_skip_gaps(f, i + 2 + len);
			if ((y = DigitsValue(f, k, 4, 4)) >= 0)
			{
				*d = (FrDate) {INNO_FR_DATE_DAY, y, m, day, false};
				return k + 1 - i;
			}
			return 0;
		}
		/* 31/12/2023, 12/31/2023: only when day and month cannot be confused */
		if ((sep = DateSep(f, i + 1)) != 0 && sep != '.' &&
			(m = DigitsValue(f, i + 2, 1, 2)) >= 0 && DateSep(f, i + 3) == sep &&
			(y = DigitsValue(f, i + 4, 4, 4)) >= 0)
		{
			int			a = day,
						b = m;

			if (a > 12 && b <= 12)
				*d = (FrDate) {INNO_FR_DATE_DAY, y, b, a, false};
			else if (b > 12 && a <= 12)
				*d = (FrDate) {INNO_FR_DATE_DAY, y, a, b, false};
			else if (a == b)
				*d = (FrDate) {INNO_FR_DATE_DAY, y, a, a, false};
			else
				*d = (FrDate) {INNO_FR_DATE_DAY, y, b, a, true};
			return 5;
		}
	}
	return 0;
}

InnoStatus
fr_check_date(const FrText *f, int from, int to, const FrDate *d)
{
	if (d->ambiguous)
	{
		if (f->err)
			inno_set_hint(f->err, "Write the date as YYYY-MM-DD.");
		return fr_fail(f, INNO_ERR_SYNTAX, "The date \"%s\" may be read day first or month first.", from, to);
	}
	if (d->month < 1 || d->month > 12 || !inno_valid_ymd(d->year, d->month, d->day))
		return fr_fail(f, INNO_ERR_SYNTAX, "The date \"%s\" is not a real date.", from, to);
	if (d->year < INNO_FR_YEAR_MIN || d->year > INNO_FR_YEAR_MAX)
	{
		char		q[128];

		if (f->err)
		{
			fr_quote(f, from, to, q, sizeof(q));
			inno_set_detail(f->err, "The date \"%s\" is outside the years %d to %d.", q,
							INNO_FR_YEAR_MIN, INNO_FR_YEAR_MAX);
		}
		return INNO_ERR_RANGE;
	}
	return INNO_OK;
}
