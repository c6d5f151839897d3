/*
 * textnorm.h
 *	  UTF-8 helpers shared by the vocabulary parsers: label normalization,
 *	  code-point decoding and edit distance for "did you mean" hints.
 */
#ifndef INNO_TEXTNORM_H
#define INNO_TEXTNORM_H

#include "inno_core.h"

/* Longest normalized label we look up, in bytes (including the NUL). */
#define INNO_LABEL_MAX 128

/*
 * Decode one UTF-8 code point from s[*pos .. len).  On success stores it in
 * *cp, advances *pos and returns true; returns false on malformed, overlong
 * or truncated sequences and on surrogates.
 */
extern bool inno_utf8_next(const char *s, size_t len, size_t *pos, uint32_t *cp);

/* Append the UTF-8 encoding of cp to out (room for 4 bytes needed); returns bytes written. */
extern size_t inno_utf8_put(uint32_t cp, char *out);

/*
 * Normalize a label for vocabulary lookup:
 *	- trims ASCII whitespace and U+3000 (ideographic space) at both ends;
 *	- folds full-width ASCII forms (U+FF01..U+FF5E) to ASCII;
 *	- lower-cases ASCII letters;
 *	- turns every run of '-', '_' and whitespace into one '_'.
 * Other characters (CJK included) are kept as they are.  Returns false if
 * the input is not valid UTF-8, contains a NUL or control character, or the
 * result would not fit in outsz bytes.
 */
extern bool inno_normalize_label(const char *in, size_t len, char *out, size_t outsz);

/*
 * Levenshtein distance between two NUL-terminated UTF-8 strings, counted in
 * code points.  Stops early and returns max + 1 once the distance is known
 * to exceed max.  Strings longer than INNO_LABEL_MAX code points compare as
 * max + 1.
 */
extern int	inno_edit_distance(const char *a, const char *b, int max);

#endif							/* INNO_TEXTNORM_H */
