/*
 * xsum.h
 *	  Exact sums of doubles (a superaccumulator).
 *
 * A double is an integer mantissa times a power of two, so the exact sum of
 * any doubles is a (long) binary fixed-point number.  We keep it in 32-bit
 * digits held in int64 limbs, so additions never round and the result does
 * not depend on the order of the additions: the same rows give the same
 * sum serially, in parallel, or merged across servers.
 */
#ifndef INNO_XSUM_H
#define INNO_XSUM_H

#include "inno_core.h"

/* limb j weighs 2^(32 j + INNO_XSUM_BASE); covers every finite double */
#define INNO_XSUM_LIMBS 68
#define INNO_XSUM_BASE (-1088)

typedef struct InnoExactSum
{
	int64_t		limb[INNO_XSUM_LIMBS];
	uint32_t	pending;		/* additions since the last normalization */
	uint32_t	pad;			/* zero */
} InnoExactSum;

extern void inno_xsum_init(InnoExactSum *s);

/* Add a finite double (non-finite values are the caller's to reject). */
extern void inno_xsum_add(InnoExactSum *s, double x);

/*
 * Add x * 2^k (k >= 0) exactly; false, and nothing added, when that does not
 * fit the accumulator's limbs (about 2^1058 and beyond).
 */
extern bool inno_xsum_add_scaled(InnoExactSum *s, double x, int k);

/* -1, 0 or 1: the sign of a normalized sum */
extern int	inno_xsum_sign(const InnoExactSum *s);

/* s += t */
extern void inno_xsum_merge(InnoExactSum *s, const InnoExactSum *t);

/*
 * Carry-propagate into the canonical form: limbs 0..LIMBS-2 in [0, 2^32),
 * the top limb holding the sign.  Two sums of the same value are bytewise
 * equal after this.  Limbs outside the bounds additions keep them in (a
 * corrupt value) give a wrong result but never overflow a signed integer.
 */
extern void inno_xsum_normalize(InnoExactSum *s);

/*
 * The range a sum is kept in: |sum| < 2^INNO_XSUM_MAX_EXP, the weight of the
 * sign limb.  A normalized sum is in range when its top limb is 0, or -1
 * with some lower limb non-zero; the text form holds exactly these values.
 * Every sum of at most 2^32 doubles is in range, and of up to 2^63 doubles
 * below 2^993 in magnitude.
 */
#define INNO_XSUM_MAX_EXP (32 * (INNO_XSUM_LIMBS - 1) + INNO_XSUM_BASE)
extern bool inno_xsum_in_range(const InnoExactSum *s);	/* s normalized */

/*
 * The sum rounded once to the nearest double (ties to even; beyond DBL_MAX
 * it rounds to infinity, as IEEE 754 does).
 */
extern double inno_xsum_to_double(const InnoExactSum *s);

/* The sum divided by n > 0, rounded once to the nearest double (ties to even). */
extern double inno_xsum_div_to_double(const InnoExactSum *s, uint64_t n);

/*
 * Exact text form: "0" or [-]0x<hex digits>p<binary exponent>, e.g.
 * "0x1.8p+1" style but with an integer mantissa: "0x3p-1" is 1.5.
 * buf needs INNO_XSUM_TEXT_MAX bytes.  Parsing reads it back exactly.
 */
#define INNO_XSUM_TEXT_MAX 600
extern int	inno_xsum_format(const InnoExactSum *s, char *buf, size_t buflen);
extern InnoStatus inno_xsum_parse(const char *s, size_t len, InnoExactSum *out, InnoError *err);

#endif							/* INNO_XSUM_H */
