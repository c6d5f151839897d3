/*
 * decimal.h
 *	  Exact conversion between decimal strings in major currency units and
 *	  integer amounts in minor units.  No floating point.
 */
#ifndef INNO_DECIMAL_H
#define INNO_DECIMAL_H

#include "inno_core.h"

/*
 * Parse a plain decimal ("123", "1234.5", "-7.25", "1e3" is not accepted)
 * into minor units with minor_digits decimals.  INNO_ERR_SYNTAX if it is not
 * a plain decimal or has more decimals than the currency allows (after
 * dropping trailing zeros); INNO_ERR_RANGE if |value| exceeds max.
 */
extern InnoStatus inno_decimal_to_minor(const char *s, size_t len, int minor_digits, int64_t max,
										int64_t *out, InnoError *err);

/*
 * Write minor units as a plain decimal in major units with as few decimals
 * as needed ("200000000", "1234.5", "0.01").  buf needs INNO_DECIMAL_MAX
 * bytes; returns the length written.
 */
#define INNO_DECIMAL_MAX 32
extern int	inno_minor_to_decimal(int64_t minor, int minor_digits, char *buf);

/*
 * An exact decimal m * 10^e, for reading amounts written with magnitudes
 * ("1.5亿", "3000多万", "25 million").  Operations return false when the
 * value would leave |m| < 2^100 or e > 60: such a text is out of range.
 */
typedef struct InnoDec
{
	__int128	m;
	int			e;
} InnoDec;

extern bool inno_dec_add(InnoDec *a, InnoDec b);
extern bool inno_dec_mul_pow10(InnoDec *d, int k);
extern bool inno_dec_mul_small(InnoDec *d, int k);	/* d *= k, 0 <= k <= 100 */
extern int	inno_dec_cmp(InnoDec a, InnoDec b);	/* both non-negative */
/* power of ten of the leading digit: 3000 -> 3, 0.5 -> -1 */
extern int	inno_dec_leading_pow(InnoDec d);
/* To minor units: INNO_ERR_SYNTAX if finer than minor_digits, INNO_ERR_RANGE above max or below 0 */
extern InnoStatus inno_dec_to_minor(InnoDec d, int minor_digits, int64_t max, int64_t *out);

#endif							/* INNO_DECIMAL_H */
