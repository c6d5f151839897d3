/*
 * funding_value.c
 *	  The funding_round value: canonical text, construction from parts,
 *	  validation, the total order and the binary format.
 */
#include "funding.h"
#include "calendar.h"
#include "decimal.h"

#include <stdio.h>
#include <string.h>

const char *const inno_fr_precision_names[4] = {"", "year", "month", "day"};

int
inno_fr_precision_of(const char *name)
{
	int			p;

	for (p = INNO_FR_DATE_YEAR; p <= INNO_FR_DATE_DAY; p++)
	{
		const char *a = inno_fr_precision_names[p];
		const char *b = name;

		while (*a && (*b == *a || *b == *a - 'a' + 'A'))
			a++, b++;
		if (*a == '\0' && *b == '\0')
			return p;
	}
	return -1;
}

int
inno_fr_format(const InnoFundingRound *fr, char *buf, size_t buflen)
{
	const InnoRoundKindInfo *k = inno_round_kind_by_code(fr->kind);
	const InnoCurrencyInfo *c = inno_currency_by_numeric(fr->currency);
	int			digits = c ? c->minor_digits : 2;
	char		a[INNO_DECIMAL_MAX],
				b[INNO_DECIMAL_MAX],
				p[INNO_DECIMAL_MAX];
	int			o;

	if (k == NULL || buflen < INNO_FR_TEXT_MAX)
		return -1;
	o = snprintf(buf, buflen, "%s", k->label);
	if (c)
		o += snprintf(buf + o, buflen - o, " %s", c->alpha);
	if (!(fr->flags & INNO_FR_DISCLOSED))
		o += snprintf(buf + o, buflen - o, " undisclosed");
	else
	{
		inno_minor_to_decimal(fr->low, digits, a);
		if (fr->flags & INNO_FR_OPEN)
			o += snprintf(buf + o, buflen - o, " %s+", a);
		else if (fr->low == fr->high)
			o += snprintf(buf + o, buflen - o, " %s", a);
		else
		{
			inno_minor_to_decimal(fr->high, digits, b);
			o += snprintf(buf + o, buflen - o, " %s-%s", a, b);
			if (fr->point != fr->low + (fr->high - fr->low) / 2)
			{
				inno_minor_to_decimal(fr->point, digits, p);
				o += snprintf(buf + o, buflen - o, " ~%s", p);
			}
		}
	}
	if ((fr->flags & INNO_FR_DATE_MASK) != INNO_FR_DATE_NONE)
	{
		int			y,
					m,
					d;

		inno_ymd_from_days(fr->announced, &y, &m, &d);
		if ((fr->flags & INNO_FR_DATE_MASK) == INNO_FR_DATE_YEAR)
			o += snprintf(buf + o, buflen - o, " %04d", y);
		else if ((fr->flags & INNO_FR_DATE_MASK) == INNO_FR_DATE_MONTH)
			o += snprintf(buf + o, buflen - o, " %04d-%02d", y, m);
		else
			o += snprintf(buf + o, buflen - o, " %04d-%02d-%02d", y, m, d);
	}
	return o < (int) buflen ? o : -1;
}

InnoStatus
inno_fr_make(uint8_t kind, bool has_amount, int64_t low, bool has_high, int64_t high,
			 uint16_t currency, int date_precision, int32_t days,
			 InnoFundingRound *out, InnoError *err)
{
	inno_error_clear(err);
	memset(out, 0, sizeof(*out));
	out->kind = kind;
	out->flags = INNO_FR_VERSION_1;
	out->currency = currency;
	if (has_amount)
	{
		if (low <= 0)
		{
			inno_set_detail(err, "The lower amount must be positive.");
			inno_set_hint(err, "Pass NULL amounts for an undisclosed round.");
			return INNO_ERR_PARAM;
		}
		if (has_high && high < low)
		{
			inno_set_detail(err, "The upper amount is below the lower amount.");
			return INNO_ERR_PARAM;
		}
		out->flags |= INNO_FR_DISCLOSED;
		out->low = low;
		if (has_high)
		{
			out->high = high;
			out->point = low + (high - low) / 2;
		}
		else
		{
			out->high = INNO_FR_OPEN_HIGH;
			out->point = low;
			out->flags |= INNO_FR_OPEN;
		}
	}
	if (date_precision < INNO_FR_DATE_NONE || date_precision > INNO_FR_DATE_DAY)
	{
		inno_set_detail(err, "Unknown date precision %d.", date_precision);
		return INNO_ERR_PARAM;
	}
	if (date_precision != INNO_FR_DATE_NONE)
	{
		int			y,
					m,
					d;

		inno_ymd_from_days(days, &y, &m, &d);
		if (y < INNO_FR_YEAR_MIN || y > INNO_FR_YEAR_MAX)
		{
			inno_set_detail(err, "The announcement date is outside the years %d to %d.",
							INNO_FR_YEAR_MIN, INNO_FR_YEAR_MAX);
			return INNO_ERR_RANGE;
		}
		if ((date_precision == INNO_FR_DATE_MONTH && d != 1) ||
			(date_precision == INNO_FR_DATE_YEAR && (d != 1 || m != 1)))
		{
			inno_set_detail(err, "A date of %s precision must be the first day of its %s.",
							inno_fr_precision_names[date_precision], inno_fr_precision_names[date_precision]);
			inno_set_hint(err, "Use date_trunc() on the date first.");
			return INNO_ERR_PARAM;
		}
		out->flags |= (uint8_t) date_precision;
		out->announced = days;
	}
	if (inno_round_kind_rank(kind) == 0)
	{
		inno_set_detail(err, "Round kind code %u is not a kind.", (unsigned) kind);
		return INNO_ERR_PARAM;
	}
	if (currency != 0 ? inno_currency_by_numeric(currency) == NULL : has_amount)
	{
		inno_set_detail(err, "Currency code %u is not known.", (unsigned) currency);
		return INNO_ERR_PARAM;
	}
	if (has_amount && (low > INNO_FR_AMOUNT_MAX || (has_high && high > INNO_FR_AMOUNT_MAX)))
	{
		inno_set_detail(err, "The amount is larger than a funding_round holds (10^15 currency units).");
		return INNO_ERR_RANGE;
	}
	return INNO_OK;
}

InnoStatus
inno_fr_set_point(InnoFundingRound *fr, int64_t point, InnoError *err)
{
	inno_error_clear(err);
	if (!(fr->flags & INNO_FR_DISCLOSED))
	{
		inno_set_detail(err, "An undisclosed round has no point estimate.");
		return INNO_ERR_PARAM;
	}
	if (fr->flags & INNO_FR_OPEN)
	{
		if (point == fr->low)
			return INNO_OK;
		inno_set_detail(err, "The point estimate of a round open above is its lower bound.");
		inno_set_hint(err, "Give an upper amount to place the point elsewhere.");
		return INNO_ERR_PARAM;
	}
	if (point < fr->low || point > fr->high)
	{
		inno_set_detail(err, "The point estimate is outside the range of the amount.");
		return INNO_ERR_PARAM;
	}
	fr->point = point;
	return INNO_OK;
}

InnoStatus
inno_fr_validate(const InnoFundingRound *fr, InnoError *err)
{
	int			prec = fr->flags & INNO_FR_DATE_MASK;

	inno_error_clear(err);
	if ((fr->flags & INNO_FR_VERSION_MASK) != INNO_FR_VERSION_1 || (fr->flags & INNO_FR_RESERVED_MASK))
	{
		inno_set_detail(err, "Unknown funding_round format (flags 0x%02x).", (unsigned) fr->flags);
		return INNO_ERR_CORRUPT;
	}
	if (inno_round_kind_rank(fr->kind) == 0)
	{
		inno_set_detail(err, "Round kind code %u is not a kind.", (unsigned) fr->kind);
		return INNO_ERR_CORRUPT;
	}
	if (fr->currency != 0 ? inno_currency_by_numeric(fr->currency) == NULL : (fr->flags & INNO_FR_DISCLOSED) != 0)
	{
		inno_set_detail(err, "Currency code %u is not known.", (unsigned) fr->currency);
		return INNO_ERR_CORRUPT;
	}
	if (fr->flags & INNO_FR_DISCLOSED)
	{
		bool		open = (fr->flags & INNO_FR_OPEN) != 0;

		if (fr->low <= 0 || fr->low > fr->point ||
			(open ? (fr->high != INNO_FR_OPEN_HIGH || fr->point != fr->low || fr->point > INNO_FR_AMOUNT_MAX) :
			 (fr->point > fr->high || fr->high > INNO_FR_AMOUNT_MAX)))
		{
			inno_set_detail(err, "The amounts are not ordered 0 < low <= point <= high <= 10^17 minor units (point = low when open).");
			return INNO_ERR_CORRUPT;
		}
	}
	else if (fr->low != 0 || fr->point != 0 || fr->high != 0 || (fr->flags & INNO_FR_OPEN))
	{
		inno_set_detail(err, "An undisclosed amount must have zero bounds.");
		return INNO_ERR_CORRUPT;
	}
	if (prec == INNO_FR_DATE_NONE)
	{
		if (fr->announced != 0)
		{
			inno_set_detail(err, "An undated round must have day 0.");
			return INNO_ERR_CORRUPT;
		}
	}
	else
	{
		int			y,
					m,
					d;

		if (fr->announced < inno_days_from_ymd(INNO_FR_YEAR_MIN, 1, 1) ||
			fr->announced > inno_days_from_ymd(INNO_FR_YEAR_MAX, 12, 31))
		{
			inno_set_detail(err, "The announcement date is out of range.");
			return INNO_ERR_CORRUPT;
		}
		inno_ymd_from_days(fr->announced, &y, &m, &d);
		if ((prec == INNO_FR_DATE_MONTH && d != 1) || (prec == INNO_FR_DATE_YEAR && (d != 1 || m != 1)))
		{
			inno_set_detail(err, "The announcement date does not start its month or year.");
			return INNO_ERR_CORRUPT;
		}
	}
	return INNO_OK;
}

#define CMP(a, b) do { if ((a) != (b)) return (a) < (b) ? -1 : 1; } while (0)

int
inno_fr_cmp(const InnoFundingRound *a, const InnoFundingRound *b)
{
	int			pa = a->flags & INNO_FR_DATE_MASK;
	int			pb = b->flags & INNO_FR_DATE_MASK;

	/* undated rounds after every dated one */
	CMP(pa == INNO_FR_DATE_NONE, pb == INNO_FR_DATE_NONE);
	CMP(a->announced, b->announced);
	CMP(pa, pb);
	CMP(inno_round_kind_rank(a->kind), inno_round_kind_rank(b->kind));
	CMP(a->kind, b->kind);
	CMP(a->currency, b->currency);
	CMP(a->point, b->point);
	CMP(a->low, b->low);
	CMP(a->high, b->high);
	CMP(a->flags, b->flags);
	return 0;
}

#undef CMP

static uint8_t *
Put(uint8_t *p, uint64_t v, int bytes)
{
	int			i;

	for (i = bytes - 1; i >= 0; i--)
		*p++ = (uint8_t) (v >> (8 * i));
	return p;
}

static uint64_t
Get(const uint8_t **p, int bytes)
{
	uint64_t	v = 0;
	int			i;

	for (i = 0; i < bytes; i++)
		v = (v << 8) | *(*p)++;
	return v;
}

void
inno_fr_encode_binary(const InnoFundingRound *fr, uint8_t *buf)
{
	uint8_t    *p = buf;

	*p++ = INNO_FR_BINARY_VERSION;
	p = Put(p, (uint64_t) fr->low, 8);
	p = Put(p, (uint64_t) fr->point, 8);
	p = Put(p, (uint64_t) fr->high, 8);
	p = Put(p, (uint32_t) fr->announced, 4);
	p = Put(p, fr->currency, 2);
	*p++ = fr->kind;
	*p = fr->flags;
}

InnoStatus
inno_fr_decode_binary(const uint8_t *buf, size_t len, InnoFundingRound *out, InnoError *err)
{
	const uint8_t *p = buf + 1;

	inno_error_clear(err);
	if (inno_binary_check(buf, len, "funding_round", INNO_FR_BINARY_VERSION,
						  INNO_FR_BINARY_LEN, false, err) != INNO_OK)
		return INNO_ERR_CORRUPT;
	memset(out, 0, sizeof(*out));
	out->low = (int64_t) Get(&p, 8);
	out->point = (int64_t) Get(&p, 8);
	out->high = (int64_t) Get(&p, 8);
	out->announced = (int32_t) (uint32_t) Get(&p, 4);
	out->currency = (uint16_t) Get(&p, 2);
	out->kind = *p++;
	out->flags = *p;
	return inno_fr_validate(out, err);
}
