/*
 * textnorm.h
 *	  UTF-8 decoding and encoding, and the error-message helpers of the core.
 *	  (Normalization, lookup and suggestions are the lexicon's: lexicon.h.)
 */
#ifndef INNO_TEXTNORM_H
#define INNO_TEXTNORM_H

#include "inno_core.h"

/* Longest label we look up (project_stage), in code points. */
#define INNO_LABEL_MAX 128

/*
 * Decode one UTF-8 code point from s[*pos .. len).  On success stores it in
 * *cp, advances *pos and returns true; returns false on malformed, overlong
 * or truncated sequences and on surrogates.
 */
extern bool inno_utf8_next(const char *s, size_t len, size_t *pos, uint32_t *cp);

/* Append the UTF-8 encoding of cp to out (room for 4 bytes needed); returns bytes written. */
extern size_t inno_utf8_put(uint32_t cp, char *out);

#endif							/* INNO_TEXTNORM_H */
