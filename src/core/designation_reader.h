/*
 * designation_reader.h
 *	  The designation reader's state, shared by designation_parse.c (words,
 *	  schemes, places, levels) and designation_numbers.c (years, batches,
 *	  validity, editions).  Internal to the reader.
 */
#ifndef INNO_DESIGNATION_READER_H
#define INNO_DESIGNATION_READER_H

#include "designation.h"
#include "lexicon.h"

#define DESIG_CAP 256

typedef struct Reader
{
	LxText		t;
	InnoError  *err;
	unsigned	scheme;
	unsigned	scheme_level;	/* implied by the scheme's spelling */
	unsigned	level;
	int			level_from,
				level_to;
	unsigned	year,
				until,
				batch,
				edition;
	int			year_at;		/* code point where the list year starts */
} Reader;

/* Fail with a detail quoting code points [from, to) of the input. */
extern InnoStatus inno_dr_fail(Reader *r, InnoStatus st, const char *fmt, int from, int to);
/* The longest table word at i (NULL if none); *end after it. */
extern const DesigWord *inno_dr_word_at(const Reader *r, int i, int *end);
extern bool inno_dr_is_letter(const Reader *r, int i);
extern int	inno_dr_skip_gaps(const Reader *r, int i);
/* A number at *pi: a list year (and its range), a batch, a validity or an edition. */
extern InnoStatus inno_dr_read_number(Reader *r, int *pi, int pending, int pending_at);
/* A Chinese number from 1 to 99 at i; -1 if none. */
extern long inno_dr_chinese_number(const Reader *r, int i, int *end);

#endif							/* INNO_DESIGNATION_READER_H */
