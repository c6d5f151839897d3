/*
 * xsum.c
 *	  Exact sums of doubles.
 */
#include "xsum.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* normalize before limbs could exceed 2^62 in magnitude */
#define XSUM_MAX_PENDING (UINT32_C(1) << 29)
#define LOW32(v) ((v) & INT64_C(0xFFFFFFFF))
#define TOP (INNO_XSUM_LIMBS - 1)

/*
 * Two's complement addition and negation, for the sign limb: its value is
 * bounded for every sum in range, but a corrupt one may hold anything, and
 * that must not be undefined behaviour.
 */
static int64_t
WrapAdd(int64_t a, int64_t b)
{
	return (int64_t) ((uint64_t) a + (uint64_t) b);
}

void
inno_xsum_init(InnoExactSum *s)
{
	memset(s, 0, sizeof(*s));
}

void
inno_xsum_add(InnoExactSum *s, double x)
{
	(void) inno_xsum_add_scaled(s, x, 0);
}

bool
inno_xsum_add_scaled(InnoExactSum *s, double x, int k)
{
	int			e;
	uint64_t	bits;
	uint64_t	mant;
	int			exp2;
	int			tz;
	int			pos;
	int			j;
	unsigned __int128 v;
	int64_t		sign = 1;

	if (x == 0.0)
		return true;
	if (x < 0)
	{
		sign = -1;
		x = -x;
	}
	/*
	 * x = mant * 2^exp2 with mant an odd integer below 2^53, read from the
	 * IEEE 754 bits (a normal number has the implicit leading 1; a subnormal
	 * one the exponent of the smallest normal)
	 */
	memcpy(&bits, &x, sizeof(bits));
	e = (int) ((bits >> 52) & 0x7FF);
	mant = bits & ((UINT64_C(1) << 52) - 1);
	if (e != 0)
		mant |= UINT64_C(1) << 52;
	exp2 = (e != 0 ? e : 1) - 1075;
	tz = __builtin_ctzll(mant);	/* mant != 0: x is not zero */
	mant >>= tz;
	exp2 += tz;
	pos = exp2 + k - INNO_XSUM_BASE;	/* >= 14 for every finite double and k >= 0 */
	j = pos >> 5;
	if (k < 0 || j >= INNO_XSUM_LIMBS)
		return false;
	v = (unsigned __int128) mant << (pos & 31);
	if ((j + 1 >= INNO_XSUM_LIMBS && (uint64_t) (v >> 32) != 0) ||
		(j + 2 >= INNO_XSUM_LIMBS && (uint64_t) (v >> 64) != 0))
		return false;
	s->limb[j] += sign * (int64_t) (uint32_t) v;
	if (j + 1 < INNO_XSUM_LIMBS)
		s->limb[j + 1] += sign * (int64_t) (uint32_t) (v >> 32);
	if (j + 2 < INNO_XSUM_LIMBS)
		s->limb[j + 2] += sign * (int64_t) (uint64_t) (v >> 64);
	if (++s->pending >= XSUM_MAX_PENDING)
		inno_xsum_normalize(s);
	return true;
}

int
inno_xsum_sign(const InnoExactSum *s)
{
	int			j;

	if (s->limb[INNO_XSUM_LIMBS - 1] < 0)
		return -1;
	for (j = 0; j < INNO_XSUM_LIMBS; j++)
		if (s->limb[j] != 0)
			return 1;
	return 0;
}

void
inno_xsum_merge(InnoExactSum *s, const InnoExactSum *t)
{
	int			j;

	if (s->pending + t->pending + 1 >= XSUM_MAX_PENDING)
		inno_xsum_normalize(s);
	for (j = 0; j < INNO_XSUM_LIMBS; j++)
		s->limb[j] = WrapAdd(s->limb[j], t->limb[j]);
	s->pending += t->pending + 1;
	if (s->pending >= XSUM_MAX_PENDING)
		inno_xsum_normalize(s);
}

void
inno_xsum_normalize(InnoExactSum *s)
{
	int64_t		carry = 0;
	int			j;

	for (j = 0; j < TOP; j++)
	{
		int64_t		v,
					low;

		/* a digit already in [0, 2^32) with nothing carried into it stays (most of them) */
		if (carry == 0 && (uint64_t) s->limb[j] <= UINT32_MAX)
			continue;
		v = WrapAdd(s->limb[j], carry);
		low = LOW32(v);

		s->limb[j] = low;
		carry = (v - low) / (INT64_C(1) << 32);
	}
	s->limb[TOP] = WrapAdd(s->limb[TOP], carry);
	s->pending = 0;
	s->pad = 0;
}

bool
inno_xsum_in_range(const InnoExactSum *s)
{
	int			j;

	if (s->limb[TOP] == 0)
		return true;
	if (s->limb[TOP] != -1)
		return false;
	/* -2^1056 plus the lower limbs: in range unless that is exactly -2^1056 */
	for (j = 0; j < TOP; j++)
		if (s->limb[j] != 0)
			return true;
	return false;
}

/* Normalized magnitude of s into m; returns true if s is negative. */
static bool
Magnitude(const InnoExactSum *s, InnoExactSum *m)
{
	bool		negative;
	int			j;

	*m = *s;
	inno_xsum_normalize(m);
	negative = m->limb[INNO_XSUM_LIMBS - 1] < 0;
	if (negative)
	{
		for (j = 0; j < INNO_XSUM_LIMBS; j++)
			m->limb[j] = (int64_t) (0 - (uint64_t) m->limb[j]);
		inno_xsum_normalize(m);
	}
	return negative;
}

static int
TopLimb(const InnoExactSum *m)
{
	int			t;

	for (t = INNO_XSUM_LIMBS - 1; t >= 0; t--)
		if (m->limb[t] != 0)
			return t;
	return -1;
}

/*
 * Round a normalized magnitude m, plus whatever non-zero bits lie below its
 * limb 0 (below != 0), once to the nearest double, ties to even.  m is below
 * 2^1056 for every sum in range; beyond DBL_MAX it rounds to infinity.
 */
static double
RoundMagnitude(const InnoExactSum *m, bool below)
{
	int			t = TopLimb(m);
	unsigned __int128 v = 0;
	bool		sticky = below;
	int			lz = 0;
	uint64_t	h;
	int			e;
	int			keep;
	int			j;

	if (t < 0)
		return 0.0;				/* below 2^-1088: rounds to zero */
	for (j = t; j >= t - 2; j--)
		v = (v << 32) | (uint64_t) (j >= 0 ? m->limb[j] : 0);
	for (j = t - 3; j >= 0; j--)
		if (m->limb[j] != 0)
			sticky = true;
	/* shift the leading one to bit 127, keep 64 bits, fold the rest into a sticky bit */
	while (!(v >> 127))
	{
		v <<= 1;
		lz++;
	}
	h = (uint64_t) (v >> 64);
	if ((uint64_t) v != 0 || sticky)
		h |= 1;
	/* value = h * 2^e with 2^63 <= h < 2^64 */
	e = 64 - lz + 32 * (t - 2) + INNO_XSUM_BASE;
	if (e + 63 >= -1022)
		return ldexp((double) h, e);	/* normal: one rounding to 53 bits, then exact */

	/*
	 * Subnormal: the result is a multiple of 2^-1074, so round h at the bit
	 * of that weight, by hand, to round only once.
	 */
	keep = e + 63 + 1075;		/* bits of h at or above 2^-1074 */
	if (keep < 0)
		return 0.0;				/* below half of 2^-1074 */
	{
		int			sh = 64 - keep; /* 12 .. 64 */
		uint64_t	q = sh == 64 ? 0 : h >> sh;
		uint64_t	rest = sh == 64 ? h : h & ((UINT64_C(1) << sh) - 1);
		uint64_t	half = UINT64_C(1) << (sh - 1);

		if (rest > half || (rest == half && (q & 1)))
			q++;
		return ldexp((double) q, -1074);
	}
}

double
inno_xsum_to_double(const InnoExactSum *s)
{
	InnoExactSum m;
	bool		negative = Magnitude(s, &m);
	double		d = RoundMagnitude(&m, false);

	return negative ? -d : d;
}

double
inno_xsum_div_to_double(const InnoExactSum *s, uint64_t n)
{
	InnoExactSum m;
	InnoExactSum q;
	bool		negative = Magnitude(s, &m);
	unsigned __int128 rem = 0;
	double		d;
	int			j;

	if (n == 0)
		return NAN;
	/* long division by 32-bit digits, from the top; the remainder is the sticky part */
	inno_xsum_init(&q);
	for (j = TOP; j >= 0; j--)
	{
		unsigned __int128 cur = (rem << 32) | (uint64_t) m.limb[j];

		q.limb[j] = (int64_t) (uint64_t) (cur / n);
		rem = cur % n;
	}
	d = RoundMagnitude(&q, rem != 0);
	return negative ? -d : d;
}

int
inno_xsum_format(const InnoExactSum *s, char *buf, size_t buflen)
{
	InnoExactSum m;
	bool		negative = Magnitude(s, &m);
	int			t = TopLimb(&m);
	uint32_t	digit[INNO_XSUM_LIMBS + 1];
	int			lo;
	int			tz;
	int			nd;
	size_t		o = 0;
	int			j;

	if (buflen < INNO_XSUM_TEXT_MAX)
		return -1;
	if (t < 0)
		return snprintf(buf, buflen, "0");
	/* shift out the trailing zero bits so that the mantissa is odd */
	for (lo = 0; m.limb[lo] == 0; lo++)
		;
	tz = __builtin_ctzll((unsigned long long) m.limb[lo]);
	for (j = lo, nd = 0; j <= t; j++, nd++)
	{
		uint64_t	cur = (uint64_t) m.limb[j] >> tz;
		uint64_t	next = j + 1 <= t && tz > 0 ? ((uint64_t) m.limb[j + 1] << (32 - tz)) : 0;

		digit[nd] = (uint32_t) (cur | next);
	}
	while (nd > 1 && digit[nd - 1] == 0)
		nd--;
	if (negative)
		buf[o++] = '-';
	buf[o++] = '0';
	buf[o++] = 'x';
	for (j = nd - 1; j >= 0; j--)
		o += (size_t) snprintf(buf + o, buflen - o, j == nd - 1 ? "%x" : "%08x", (unsigned) digit[j]);
	return (int) o + snprintf(buf + o, buflen - o, "p%d", 32 * lo + tz + INNO_XSUM_BASE);
}

InnoStatus
inno_xsum_parse(const char *s, size_t len, InnoExactSum *out, InnoError *err)
{
	size_t		i = 0;
	size_t		digits_start,
				digits_end;
	bool		negative = false;
	long		exp2 = 0;
	bool		exp_negative = false;
	size_t		k;

	inno_error_clear(err);
	inno_xsum_init(out);
	if (len == 1 && s[0] == '0')
		return INNO_OK;
	if (i < len && s[i] == '-')
	{
		negative = true;
		i++;
	}
	if (i + 2 > len || s[i] != '0' || s[i + 1] != 'x')
		goto syntax;
	i += 2;
	digits_start = i;
	while (i < len && ((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
		i++;
	digits_end = i;
	if (digits_end == digits_start || digits_end - digits_start > 560 || i >= len || s[i] != 'p')
		goto syntax;
	i++;
	if (i < len && (s[i] == '-' || s[i] == '+'))
		exp_negative = s[i++] == '-';
	if (i >= len)
		goto syntax;
	for (; i < len; i++)
	{
		if (s[i] < '0' || s[i] > '9' || exp2 > 100000)
			goto syntax;
		exp2 = exp2 * 10 + (s[i] - '0');
	}
	if (exp_negative)
		exp2 = -exp2;
	/* add each hex digit at its bit position, least significant first */
	for (k = 0; k < digits_end - digits_start; k++)
	{
		char		c = s[digits_end - 1 - k];
		int64_t		d = c <= '9' ? c - '0' : c - 'a' + 10;
		long		bit = exp2 + 4 * (long) k - INNO_XSUM_BASE;

		if (d == 0)
			continue;
		/* the digit's highest set bit must stay below the sign limb */
		if (bit < 0 || bit + (32 - __builtin_clz((unsigned) d)) > 32L * (INNO_XSUM_LIMBS - 1))
		{
			inno_set_detail(err, "The exact sum is outside the range of double precision sums.");
			return INNO_ERR_RANGE;
		}
		out->limb[bit >> 5] += (d << (bit & 31)) & INT64_C(0xFFFFFFFF);
		out->limb[(bit >> 5) + 1] += (d << (bit & 31)) >> 32;
	}
	if (negative)
		for (k = 0; k < INNO_XSUM_LIMBS; k++)
			out->limb[k] = -out->limb[k];
	inno_xsum_normalize(out);
	return INNO_OK;

syntax:
	inno_set_detail(err, "An exact sum is written 0 or [-]0x<hex digits>p<exponent>.");
	return INNO_ERR_SYNTAX;
}
