/*
 * designation_numbers.c
 *	  The designation reader's numbers: list years and their ranges, batches
 *	  (第五批, batch 5, 5th batch), validities (有效期至2025年, until 2025) and
 *	  criteria editions (2025年版, criteria 2025).  The rest of the reader is
 *	  designation_parse.c.
 */
#include "designation_reader.h"

#include <string.h>

/* Digits at i: their value (at most 6 digits), *end after them; -1 if none. */
static long
Number(const Reader *r, int i, int *end)
{
	long		v = 0;
	int			j = i;

	while (j < r->t.n && inno_lx_is_digit(r->t.cp[j]) && j - i < 7)
		v = v * 10 + (long) (r->t.cp[j++] - '0');
	*end = j;
	if (j == i || (j < r->t.n && inno_lx_is_digit(r->t.cp[j])))
		return -1;
	return v;
}

/* A Chinese number from 1 to 99 (五, 十二, 二十三) at i; -1 if none. */
long
inno_dr_chinese_number(const Reader *r, int i, int *end)
{
	static const uint32_t cn[10] = {0, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D};
	long		tens = 0,
				ones = 0;
	int			j = i,
				d;
	bool		ten = false;

	for (; j < r->t.n; j++)
	{
		uint32_t	c = r->t.cp[j];

		if (c == 0x5341 && !ten)	/* 十 */
		{
			tens = ones ? ones : 1;
			ones = 0;
			ten = true;
			continue;
		}
		for (d = 1; d < 10 && cn[d] != c; d++)
			;
		if (d == 10 || ones)
			break;
		ones = d;
	}
	*end = j;
	if (j == i)
		return -1;
	return tens * 10 + ones;
}

/* A year at [i, end): 4 digits; INNO_ERR_RANGE when out of range. */
static InnoStatus
Year(Reader *r, int i, long v, int end, unsigned *out)
{
	if (end - i != 4)
	{
		inno_dr_fail(r, INNO_ERR_SYNTAX, "\"%s\" is not a year.", i, end);
		inno_set_hint(r->err, "Write list years with four digits: 2024年, 2024.");
		return INNO_ERR_SYNTAX;
	}
	if (v < INNO_DESIG_YEAR_MIN || v > INNO_DESIG_YEAR_MAX)
	{
		inno_dr_fail(r, INNO_ERR_RANGE, "The year \"%s\" is out of range.", i, end);
		inno_set_hint(r->err, "Designation years run from %d to %d.", INNO_DESIG_YEAR_MIN, INNO_DESIG_YEAR_MAX);
		return INNO_ERR_RANGE;
	}
	*out = (unsigned) v;
	return INNO_OK;
}

/*
 * After a year: "-2025", "~2025", "至2025年", "to 2025", with or without
 * spaces around the separator; returns where the range ends, or i.
 */
static int
RangeEnd(Reader *r, int i, unsigned *until, InnoStatus *st)
{
	int			j = i,
				e,
				k,
				g;
	long		v;
	bool		dash = false;

	*st = INNO_OK;
	while (j < r->t.n && r->t.cp[j] == 0x5E74)	/* 年 */
		j++;
	k = inno_dr_skip_gaps(r, j);
	/* a gap holding a dash; or '~', 至, 到 or "to" (after a gap), then a gap or none */
	for (g = j; g < k; g++)
		dash |= r->t.cp[g] == '-';
	if (!dash)
	{
		if (k < r->t.n && (r->t.cp[k] == '~' || r->t.cp[k] == 0x81F3 || r->t.cp[k] == 0x5230))	/* ~ 至 到 */
			k = inno_dr_skip_gaps(r, k + 1);
		else if (k > j && k + 1 < r->t.n && r->t.cp[k] == 't' && r->t.cp[k + 1] == 'o' &&
				 !inno_dr_is_letter(r, k + 2))
			k = inno_dr_skip_gaps(r, k + 2);
		else
			return i;
	}
	v = Number(r, k, &e);
	if (v < 0)
		return i;
	if ((*st = Year(r, k, v, e, until)) != INNO_OK)
		return i;
	return e;
}

static InnoStatus
Validity(Reader *r, unsigned from, unsigned until, int at, int end)
{
	if (r->until != 0 && r->until != until)
	{
		inno_dr_fail(r, INNO_ERR_SYNTAX, "The validity \"%s\" is given twice.", at, end);
		return INNO_ERR_SYNTAX;
	}
	if (from != 0 && r->year != 0 && from != r->year)
	{
		inno_dr_fail(r, INNO_ERR_SYNTAX, "The validity \"%s\" starts in another year than the list.", at, end);
		inno_set_hint(r->err, "A designation's validity starts in its list year: write \"2023年 高新技术企业 2023-2025\".");
		return INNO_ERR_SYNTAX;
	}
	if (from != 0)
		r->year = from;
	r->until = until;
	return INNO_OK;
}

/* Numbers: a list year (and range), a batch, a validity or an edition. */
InnoStatus
inno_dr_read_number(Reader *r, int *pi, int pending, int pending_at)
{
	int			i = *pi,
				e,
				k;
	long		v = Number(r, i, &e);
	unsigned	y,
				until = 0;
	const DesigWord *w;
	InnoStatus	st;

	if (v < 0)
		return inno_dr_fail(r, INNO_ERR_SYNTAX, "\"%s\" is not a year or a batch number.", i, e);
	k = e;
	/* an ordinal: 5th batch */
	if (e + 1 < r->t.n && inno_dr_is_letter(r, e) && !inno_dr_is_letter(r, e + 2) &&
		((r->t.cp[e] == 't' && r->t.cp[e + 1] == 'h') || (r->t.cp[e] == 's' && r->t.cp[e + 1] == 't') ||
		 (r->t.cp[e] == 'n' && r->t.cp[e + 1] == 'd') || (r->t.cp[e] == 'r' && r->t.cp[e + 1] == 'd')))
	{
		w = inno_dr_word_at(r, inno_dr_skip_gaps(r, e + 2), &k);
		if (w == NULL || w->role != DW_BATCH || (pending != 0 && pending != DW_BATCH))
			return inno_dr_fail(r, INNO_ERR_SYNTAX, "\"%s\" is an ordinal, and only batches are numbered.", i, e + 2);
		pending = DW_BATCH;
	}
	/* a word after its number: 5批, 2025版, 2025 criteria */
	else if ((w = inno_dr_word_at(r, inno_dr_skip_gaps(r, e), &k)) != NULL && (w->flags & DWF_CLOSE) &&
			 (w->role == DW_BATCH || w->role == DW_EDITION) && (pending == 0 || pending == w->role))
		pending = w->role;
	else
		k = e;

	if (pending == DW_BATCH)
	{
		if (v < 1 || v > INNO_DESIG_BATCH_MAX)
			return inno_dr_fail(r, INNO_ERR_RANGE, "The batch number \"%s\" is out of range.", i, e);
		if (r->batch != 0 && r->batch != (unsigned) v)
			return inno_dr_fail(r, INNO_ERR_SYNTAX, "The text names two batches (\"%s\" and another).", i, e);
		r->batch = (unsigned) v;
		*pi = k;
		return INNO_OK;
	}
	if ((st = Year(r, i, v, e, &y)) != INNO_OK)
		return st;
	if (pending == DW_EDITION)
	{
		if (r->edition != 0 && r->edition != y)
			return inno_dr_fail(r, INNO_ERR_SYNTAX, "The text names two criteria editions (\"%s\" and another).", i, e);
		r->edition = y;
		*pi = k;
		return INNO_OK;
	}
	e = RangeEnd(r, e, &until, &st);
	if (st != INNO_OK)
		return st;
	if (pending == DW_VALIDITY)
	{
		/* 有效期2023-2025 gives both ends, 有效期至2025 the last year */
		st = until ? Validity(r, y, until, pending_at, e) : Validity(r, 0, y, pending_at, e);
		*pi = e;
		return st;
	}
	if (until)
	{
		if ((st = Validity(r, y, until, i, e)) != INNO_OK)
			return st;
		r->year_at = i;
		*pi = e;
		return INNO_OK;
	}
	if (r->year != 0 && r->year != y)
	{
		inno_dr_fail(r, INNO_ERR_SYNTAX, "The text names two list years (\"%s\" and another).", i, e);
		inno_set_hint(r->err, "A designation is one list's; record each year's list as its own value.");
		return INNO_ERR_SYNTAX;
	}
	r->year = y;
	r->year_at = i;
	*pi = e;
	return INNO_OK;
}

