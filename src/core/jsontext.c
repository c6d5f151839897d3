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

/*
 * The position of the first character at or after p, of s's n, that is no
 * space.  (The readers work on locals: a char read may alias the cursor's
 * fields, which the compiler would otherwise load again at every one.)
 */
static inline size_t
SkipSpace(const char *s, size_t p, size_t n)
{
	while (p < n && IsSpace(s[p]))
		p++;
	return p;
}

void
inno_json_skip_space(InnoJsonCursor *c)
{
	c->pos = SkipSpace(c->s, c->pos, c->len);
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
	const char *s = c->s;
	size_t		n = c->len,
				p = SkipSpace(s, c->pos, n);

	c->pos = p;
	if (p < n && s[p] == ch)
	{
		c->pos = p + 1;
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
	const char *s = c->s;
	size_t		n = c->len,
				p = SkipSpace(s, c->pos, n),
				start;
	bool		neg;
	uint64_t	u = 0;

	neg = p < n && s[p] == '-';
	if (neg)
		p++;
	start = p;
	while (p < n && s[p] >= '0' && s[p] <= '9')
	{
		uint64_t	d = (uint64_t) (s[p] - '0');

		/* u * 10 + d at most 2^63 */
		if (u >= UINT64_C(922337203685477580) && (u > UINT64_C(922337203685477580) || d > 8))
		{
			c->pos = p;
			return false;
		}
		u = u * 10 + d;
		p++;
	}
	c->pos = p;
	if (p == start || (p - start > 1 && s[start] == '0'))
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
