/*
 * jsontext.h
 *	  A small reader for the JSON text forms of the summary types: objects
 *	  whose keys are plain labels and whose values are integers, strings
 *	  without escapes, or null.  Whitespace is allowed where JSON allows it.
 *	  And a writer of those forms that does without printf (most of the
 *	  time of a summary's output function went to snprintf).
 */
#ifndef INNO_JSONTEXT_H
#define INNO_JSONTEXT_H

#include <string.h>

#include "inno_core.h"

typedef struct InnoJsonCursor
{
	const char *s;
	size_t		len;
	size_t		pos;
} InnoJsonCursor;

extern void inno_json_init(InnoJsonCursor *c, const char *s, size_t len);
extern void inno_json_skip_space(InnoJsonCursor *c);
/* Consume ch (after optional whitespace); false if it is not there. */
extern bool inno_json_char(InnoJsonCursor *c, char ch);
/* A string without escapes: sets *start and *n to its contents. */
extern bool inno_json_string(InnoJsonCursor *c, const char **start, size_t *n);
extern bool inno_json_int64(InnoJsonCursor *c, int64_t *v);
extern bool inno_json_null(InnoJsonCursor *c);
/* Only whitespace is left. */
extern bool inno_json_end(InnoJsonCursor *c);
/*
 * Drop the whitespace around a whole text form (a char(n) value comes
 * padded with blanks), for readers that take no whitespace of their own.
 */
extern void inno_json_trim(const char **s, size_t *len);

/*
 * Text written into buf of len bytes from o on; past the room, o becomes
 * len and nothing more is written (inno_text_end then says so).
 */
typedef struct InnoTextOut
{
	char	   *buf;
	size_t		len;
	size_t		o;
} InnoTextOut;

static inline void
inno_text_bytes(InnoTextOut *t, const char *s, size_t n)
{
	if (n >= t->len - t->o)
	{
		t->o = t->len;
		return;
	}
	memcpy(t->buf + t->o, s, n);
	t->o += n;
}

#define inno_text_lit(t, s) inno_text_bytes((t), (s), sizeof(s) - 1)

static inline void
inno_text_str(InnoTextOut *t, const char *s)
{
	inno_text_bytes(t, s, strlen(s));
}

static inline void
inno_text_int64(InnoTextOut *t, int64_t v)
{
	char		d[24];
	int			i = (int) sizeof(d);
	uint64_t	u = v < 0 ? 0 - (uint64_t) v : (uint64_t) v;

	do
	{
		d[--i] = (char) ('0' + u % 10);
		u /= 10;
	} while (u != 0);
	if (v < 0)
		d[--i] = '-';
	inno_text_bytes(t, d + i, sizeof(d) - (size_t) i);
}

/* Terminates the text: its length, or -1 if it did not fit. */
static inline int
inno_text_end(InnoTextOut *t)
{
	if (t->o >= t->len)
		return -1;
	t->buf[t->o] = '\0';
	return (int) t->o;
}

#endif							/* INNO_JSONTEXT_H */
