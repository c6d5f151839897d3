/*
 * jsontext.c
 *	  Minimal JSON reading for the summary types' text forms.
 */
#include "jsontext.h"

#include <string.h>

void
inno_json_init(InnoJsonCursor *c, const char *s, size_t len)
{
	c->s = s;
	c->len = len;
	c->pos = 0;
}

static bool
IsSpace(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

void
inno_json_skip_space(InnoJsonCursor *c)
{
	while (c->pos < c->len && IsSpace(c->s[c->pos]))
		c->pos++;
}

void
inno_json_trim(const char **s, size_t *len)
{
	while (*len > 0 && IsSpace(**s))
	{
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && IsSpace((*s)[*len - 1]))
		(*len)--;
}

bool
inno_json_char(InnoJsonCursor *c, char ch)
{
	inno_json_skip_space(c);
	if (c->pos < c->len && c->s[c->pos] == ch)
	{
		c->pos++;
		return true;
	}
	return false;
}

bool
inno_json_string(InnoJsonCursor *c, const char **start, size_t *n)
{
	size_t		p;

	if (!inno_json_char(c, '"'))
		return false;
	for (p = c->pos; p < c->len && c->s[p] != '"'; p++)
		if (c->s[p] == '\\' || (unsigned char) c->s[p] < 0x20)
			return false;
	if (p >= c->len)
		return false;
	*start = c->s + c->pos;
	*n = p - c->pos;
	c->pos = p + 1;
	return true;
}

bool
inno_json_int64(InnoJsonCursor *c, int64_t *v)
{
	bool		neg;
	size_t		start;
	uint64_t	u = 0;

	inno_json_skip_space(c);
	neg = c->pos < c->len && c->s[c->pos] == '-';
	if (neg)
		c->pos++;
	start = c->pos;
	while (c->pos < c->len && c->s[c->pos] >= '0' && c->s[c->pos] <= '9')
	{
		uint64_t	d = (uint64_t) (c->s[c->pos] - '0');

		if (u > (UINT64_C(9223372036854775808) - d) / 10)
			return false;
		u = u * 10 + d;
		c->pos++;
	}
	if (c->pos == start || (c->pos - start > 1 && c->s[start] == '0'))
		return false;
	if (!neg && u > (uint64_t) INT64_MAX)
		return false;
	*v = neg ? (int64_t) (0 - u) : (int64_t) u;
	return true;
}

bool
inno_json_null(InnoJsonCursor *c)
{
	inno_json_skip_space(c);
	if (c->len - c->pos >= 4 && memcmp(c->s + c->pos, "null", 4) == 0)
	{
		c->pos += 4;
		return true;
	}
	return false;
}

bool
inno_json_end(InnoJsonCursor *c)
{
	inno_json_skip_space(c);
	return c->pos == c->len;
}
