/*
 * textnorm.c
 *	  UTF-8 decoding and encoding; error details and hints.
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

InnoStatus
inno_binary_check(const uint8_t *buf, size_t len, const char *type_name,
				  unsigned version, size_t size, bool at_least, InnoError *err)
{
	if (len > 0 && buf[0] != version)
	{
		inno_set_detail(err, "Unknown binary format version %u (this version reads version %u).",
						(unsigned) buf[0], version);
		return INNO_ERR_CORRUPT;
	}
	if (at_least ? len < size : len != size)
	{
		inno_set_detail(err, "A binary %s is %s%zu byte%s, not %zu.", type_name,
						at_least ? "at least " : "", size, size == 1 ? "" : "s", len);
		return INNO_ERR_CORRUPT;
	}
	return INNO_OK;
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
