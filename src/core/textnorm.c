/*
 * textnorm.c
 *	  UTF-8 decoding, label normalization and edit distance.
 */
#include "textnorm.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void
inno_error_clear(InnoError *err)
{
	if (err)
	{
		err->detail[0] = '\0';
		err->hint[0] = '\0';
	}
}

void
inno_set_detail(InnoError *err, const char *fmt,...)
{
	va_list		ap;

	if (err == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(err->detail, sizeof(err->detail), fmt, ap);
	va_end(ap);
}

void
inno_set_hint(InnoError *err, const char *fmt,...)
{
	va_list		ap;

	if (err == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(err->hint, sizeof(err->hint), fmt, ap);
	va_end(ap);
}

bool
inno_utf8_next(const char *s, size_t len, size_t *pos, uint32_t *cp)
{
	const unsigned char *p = (const unsigned char *) s + *pos;
	size_t		avail = len - *pos;
	uint32_t	c;
	size_t		n;
	size_t		i;

	if (*pos >= len)
		return false;
	if (p[0] < 0x80)
	{
		*cp = p[0];
		*pos += 1;
		return true;
	}
	else if ((p[0] & 0xE0) == 0xC0)
	{
		c = p[0] & 0x1F;
		n = 2;
	}
	else if ((p[0] & 0xF0) == 0xE0)
	{
		c = p[0] & 0x0F;
		n = 3;
	}
	else if ((p[0] & 0xF8) == 0xF0)
	{
		c = p[0] & 0x07;
		n = 4;
	}
	else
		return false;
	if (avail < n)
		return false;
	for (i = 1; i < n; i++)
	{
		if ((p[i] & 0xC0) != 0x80)
			return false;
		c = (c << 6) | (p[i] & 0x3F);
	}
	/* reject overlong forms, surrogates and values beyond Unicode */
	if ((n == 2 && c < 0x80) || (n == 3 && c < 0x800) || (n == 4 && c < 0x10000) ||
		(c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		return false;
	*cp = c;
	*pos += n;
	return true;
}

size_t
inno_utf8_put(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *) out;

	if (cp < 0x80)
	{
		o[0] = (unsigned char) cp;
		return 1;
	}
	if (cp < 0x800)
	{
		o[0] = (unsigned char) (0xC0 | (cp >> 6));
		o[1] = (unsigned char) (0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000)
	{
		o[0] = (unsigned char) (0xE0 | (cp >> 12));
		o[1] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char) (0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char) (0xF0 | (cp >> 18));
	o[1] = (unsigned char) (0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char) (0x80 | (cp & 0x3F));
	return 4;
}

/* Is cp a separator inside a label ('-', '_' or whitespace, after folding)? */
static bool
IsLabelSeparator(uint32_t cp)
{
	return cp == '-' || cp == '_' || cp == ' ' || cp == '\t' ||
		cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0x3000;
}

bool
inno_normalize_label(const char *in, size_t len, char *out, size_t outsz)
{
	size_t		pos = 0;
	size_t		o = 0;
	bool		pending_sep = false;

	if (outsz == 0)
		return false;
	while (pos < len)
	{
		uint32_t	cp;

		if (!inno_utf8_next(in, len, &pos, &cp))
			return false;
		/* full-width ASCII variants to ASCII */
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp = cp - 0xFF01 + 0x21;
		if (IsLabelSeparator(cp))
		{
			/* leading separators are dropped, inner runs collapse to one */
			if (o > 0)
				pending_sep = true;
			continue;
		}
		if (cp < 0x20 || cp == 0x7F)
			return false;
		if (cp >= 'A' && cp <= 'Z')
			cp = cp - 'A' + 'a';
		if (pending_sep)
		{
			if (o + 2 > outsz)
				return false;
			out[o++] = '_';
			pending_sep = false;
		}
		{
			char		enc[4];
			size_t		n = inno_utf8_put(cp, enc);

			if (o + n + 1 > outsz)
				return false;
			memcpy(out + o, enc, n);
			o += n;
		}
	}
	/* a trailing separator run (pending_sep) is simply dropped */
	out[o] = '\0';
	return true;
}

/* Decode a NUL-terminated UTF-8 string into code points; -1 if too long or malformed. */
static int
DecodeCodePoints(const char *s, uint32_t *cps, int maxcps)
{
	size_t		len = strlen(s);
	size_t		pos = 0;
	int			n = 0;

	while (pos < len)
	{
		if (n >= maxcps || !inno_utf8_next(s, len, &pos, &cps[n]))
			return -1;
		n++;
	}
	return n;
}

int
inno_edit_distance(const char *a, const char *b, int max)
{
	uint32_t	ca[INNO_LABEL_MAX];
	uint32_t	cb[INNO_LABEL_MAX];
	int			row[INNO_LABEL_MAX + 1];
	int			na = DecodeCodePoints(a, ca, INNO_LABEL_MAX);
	int			nb = DecodeCodePoints(b, cb, INNO_LABEL_MAX);
	int			i,
				j;

	if (na < 0 || nb < 0)
		return max + 1;
	if (na - nb > max || nb - na > max)
		return max + 1;
	for (j = 0; j <= nb; j++)
		row[j] = j;
	for (i = 1; i <= na; i++)
	{
		int			diag = row[0];
		int			rowmin;

		row[0] = i;
		rowmin = row[0];
		for (j = 1; j <= nb; j++)
		{
			int			up = row[j];
			int			best = diag + (ca[i - 1] == cb[j - 1] ? 0 : 1);

			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
			if (best < rowmin)
				rowmin = best;
		}
		if (rowmin > max)
			return max + 1;
	}
	return row[nb] > max ? max + 1 : row[nb];
}
