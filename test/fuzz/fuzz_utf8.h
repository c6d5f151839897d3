/*
 * fuzz_utf8.h
 *	  A strict UTF-8 decoder written apart from the core's, for the fuzz
 *	  targets' oracles (a bug shared with src/core/textnorm.c would hide).
 */
#ifndef INNO_FUZZ_UTF8_H
#define INNO_FUZZ_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Length of the valid UTF-8 character at s[pos] with its code point in *cp,
 * or 0 if it is not valid (overlong, surrogate, beyond U+10FFFF, truncated).
 */
static inline int
fuzz_utf8_at(const uint8_t *s, size_t len, size_t pos, uint32_t *cp)
{
	uint8_t		b = s[pos];
	int			n,
				i;
	uint32_t	c,
				min;

	if (b < 0x80)
	{
		*cp = b;
		return 1;
	}
	if (b >= 0xC2 && b <= 0xDF)
		n = 2, c = b & 0x1F, min = 0x80;
	else if (b >= 0xE0 && b <= 0xEF)
		n = 3, c = b & 0x0F, min = 0x800;
	else if (b >= 0xF0 && b <= 0xF4)
		n = 4, c = b & 0x07, min = 0x10000;
	else
		return 0;
	if (len - pos < (size_t) n)
		return 0;
	for (i = 1; i < n; i++)
	{
		if ((s[pos + i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[pos + i] & 0x3F);
	}
	if (c < min || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		return 0;
	*cp = c;
	return n;
}

#endif							/* INNO_FUZZ_UTF8_H */
