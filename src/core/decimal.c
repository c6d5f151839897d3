/*
 * decimal.c
 *	  Exact decimal <-> minor-unit conversion.
 */
#include "decimal.h"

#include <stdio.h>
#include <string.h>

InnoStatus
inno_decimal_to_minor(const char *s, size_t len, int minor_digits, int64_t max,
					  int64_t *out, InnoError *err)
{
	size_t		i = 0;
	bool		negative = false;
	bool		seen_digit = false;
	bool		seen_point = false;
	int			decimals = 0;
	int			extra_zeros = 0;	/* decimals beyond minor_digits, all zero so far */
	int64_t		v = 0;

	inno_error_clear(err);
	if (len > 0 && (s[0] == '-' || s[0] == '+'))
	{
		negative = s[0] == '-';
		i++;
	}
	for (; i < len; i++)
	{
		char		c = s[i];

		if (c == '.' && !seen_point)
		{
			seen_point = true;
			continue;
		}
		if (c < '0' || c > '9')
		{
			inno_set_detail(err, "An amount must be a plain decimal number.");
			return INNO_ERR_SYNTAX;
		}
		seen_digit = true;
		if (seen_point)
		{
			decimals++;
			if (decimals > minor_digits)
			{
				/* a finer digit is acceptable only if it is zero */
				if (c != '0')
				{
					inno_set_detail(err, "The amount has more than %d decimal places for its currency.",
									minor_digits);
					return INNO_ERR_SYNTAX;
				}
				extra_zeros++;
				continue;
			}
		}
		if (v > (INT64_MAX - (c - '0')) / 10)
		{
			inno_set_detail(err, "The amount is too large.");
			return INNO_ERR_RANGE;
		}
		v = v * 10 + (c - '0');
	}
	if (!seen_digit)
	{
		inno_set_detail(err, "An amount must be a plain decimal number.");
		return INNO_ERR_SYNTAX;
	}
	/* scale up to minor units */
	for (decimals -= extra_zeros; decimals < minor_digits; decimals++)
	{
		if (v > INT64_MAX / 10)
		{
			inno_set_detail(err, "The amount is too large.");
			return INNO_ERR_RANGE;
		}
		v *= 10;
	}
	if (v > max)
	{
		inno_set_detail(err, "The amount is too large.");
		return INNO_ERR_RANGE;
	}
	*out = negative ? -v : v;
	return INNO_OK;
}

int
inno_minor_to_decimal(int64_t minor, int minor_digits, char *buf)
{
	char		digits[24];
	uint64_t	mag = minor < 0 ? (uint64_t) 0 - (uint64_t) minor : (uint64_t) minor;
	int			nd = snprintf(digits, sizeof(digits), "%llu", (unsigned long long) mag);
	int			o = 0;
	int			intlen;
	int			frac;

	if (minor < 0)
		buf[o++] = '-';
	/* left-pad so that there is at least one integer digit */
	while (nd <= minor_digits)
	{
		memmove(digits + 1, digits, (size_t) nd + 1);
		digits[0] = '0';
		nd++;
	}
	intlen = nd - minor_digits;
	memcpy(buf + o, digits, (size_t) intlen);
	o += intlen;
	/* decimals, without trailing zeros */
	frac = minor_digits;
	while (frac > 0 && digits[intlen + frac - 1] == '0')
		frac--;
	if (frac > 0)
	{
		buf[o++] = '.';
		memcpy(buf + o, digits + intlen, (size_t) frac);
		o += frac;
	}
	buf[o] = '\0';
	return o;
}

/* ------------------------------------------------------------------------
 * InnoDec
 * ------------------------------------------------------------------------
 */

#define DEC_LIMIT ((__int128) 1 << 100)

static bool
DecScaleTo(InnoDec *d, int e)
{
	while (d->e > e)
	{
		if (d->m > DEC_LIMIT / 10 || d->m < -DEC_LIMIT / 10)
			return false;
		d->m *= 10;
		d->e--;
	}
	return true;
}

bool
inno_dec_add(InnoDec *a, InnoDec b)
{
	int			e;

	/* adding to or adding zero needs no common scale */
	if (b.m == 0)
		return true;
	if (a->m == 0)
	{
		*a = b;
		return true;
	}
	e = a->e < b.e ? a->e : b.e;

	if (!DecScaleTo(a, e) || !DecScaleTo(&b, e))
		return false;
	a->m += b.m;
	return a->m < DEC_LIMIT && a->m > -DEC_LIMIT;
}

bool
inno_dec_mul_pow10(InnoDec *d, int k)
{
	if (d->e + k > 60)
		return false;
	d->e += k;
	return true;
}

bool
inno_dec_mul_small(InnoDec *d, int k)
{
	if (d->m > DEC_LIMIT / 128 || d->m < -DEC_LIMIT / 128)
		return false;
	d->m *= k;
	return true;
}

int
inno_dec_cmp(InnoDec a, InnoDec b)
{
	InnoDec		diff = b;

	diff.m = -diff.m;
	if (!inno_dec_add(&a, diff))
		return a.e > b.e ? 1 : -1;	/* cannot happen for amounts we read */
	return (a.m > 0) - (a.m < 0);
}

int
inno_dec_leading_pow(InnoDec v)
{
	__int128	m = v.m < 0 ? -v.m : v.m;
	int			p = v.e;

	if (m == 0)
		return v.e;
	while (m >= 10)
	{
		m /= 10;
		p++;
	}
	return p;
}

InnoStatus
inno_dec_to_minor(InnoDec d, int minor_digits, int64_t max, int64_t *out)
{
	static const int64_t pow10[19] = {
		INT64_C(1), INT64_C(10), INT64_C(100), INT64_C(1000), INT64_C(10000), INT64_C(100000),
		INT64_C(1000000), INT64_C(10000000), INT64_C(100000000), INT64_C(1000000000),
		INT64_C(10000000000), INT64_C(100000000000), INT64_C(1000000000000),
		INT64_C(10000000000000), INT64_C(100000000000000), INT64_C(1000000000000000),
		INT64_C(10000000000000000), INT64_C(100000000000000000), INT64_C(1000000000000000000),
	};
	int			e = d.e + minor_digits;
	__int128	m = d.m;

	/* the common case: a small figure scaled up by a power of ten, in one step */
	if (e >= 0 && e <= 18 && m >= 0 && m <= (__int128) max)
	{
		__int128	v = m * pow10[e];

		if (v > (__int128) max)
			return INNO_ERR_RANGE;
		*out = (int64_t) v;
		return INNO_OK;
	}

	while (e < 0)
	{
		if (m % 10 != 0)
			return INNO_ERR_SYNTAX;
		m /= 10;
		e++;
	}
	while (e > 0)
	{
		if (m > (__int128) max)
			return INNO_ERR_RANGE;
		m *= 10;
		e--;
	}
	if (m > (__int128) max || m < 0)
		return INNO_ERR_RANGE;
	*out = (int64_t) m;
	return INNO_OK;
}
