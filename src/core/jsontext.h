/*
 * jsontext.h
 *	  A small reader for the JSON text forms of the summary types: objects
 *	  whose keys are plain labels and whose values are integers, strings
 *	  without escapes, or null.  Whitespace is allowed where JSON allows it.
 */
#ifndef INNO_JSONTEXT_H
#define INNO_JSONTEXT_H

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

#endif							/* INNO_JSONTEXT_H */
