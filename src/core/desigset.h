/*
 * desigset.h
 *	  designation_set: one firm's honours, gathered; and designation_counts:
 *	  a summary over firms' sets -- holders per scheme, level and year,
 *	  co-holding of any two schemes, holders valid in a year -- exact and
 *	  mergeable (integer addition).
 *
 * A set keeps, for each *slot* (a scheme at one of the levels it is issued
 * at, or at no stated level), the list years it was held in, as a 64-bit
 * mask from the set's base year; for each scheme, the years in which one of
 * its designations was valid; and the slots held with no list year and the
 * schemes held with an unknown validity.  Batch and criteria edition are
 * not kept: a set answers "which honours, when".  The base year is the
 * earliest year the set holds, so equal sets have equal bytes; a set spans
 * at most 64 years (INNO_ERR_RANGE beyond).
 */
#ifndef INNO_DESIGSET_H
#define INNO_DESIGSET_H

#include "designation.h"

#define INNO_DSET_SLOTS 36		/* checked against the scheme table by the unit tests */
#define INNO_DSET_SPAN 64
#define INNO_DSET_VERSION 1

typedef struct InnoDesigSet
{
	uint16_t	base;			/* year of bit 0; 0 when the set holds no year */
	uint16_t	unknown_valid;	/* bit s - 1: scheme s held with an unknown validity */
	uint32_t	reserved;		/* zero */
	uint64_t	undated;		/* bit k: slot k held with no list year */
	uint64_t	listed[INNO_DSET_SLOTS];	/* by slot: list years held */
	uint64_t	valid[INNO_SCHEME_COUNT];	/* by scheme - 1: years of validity */
} InnoDesigSet;

/* The slot of a scheme at a level (0: not stated); -1 if the scheme is not issued there. */
extern int	inno_dset_slot(unsigned scheme, unsigned level);
/* A scheme's slots are consecutive: how many, and the first (in *first). */
extern int	inno_dset_scheme_slots(unsigned scheme, int *first);
/* The scheme and level of a slot. */
extern void inno_dset_slot_parts(int slot, unsigned *scheme, unsigned *level);
/* A slot's name in the text forms: "national high_tech", or "gazelle" at no stated level. */
extern void inno_dset_slot_name(int slot, char *buf, size_t buflen);
/* The scheme code of a canonical label (0: none). */
extern int	inno_dset_scheme_named(const char *s, size_t n);
/* How many slots the scheme table defines (INNO_DSET_SLOTS; a test checks it). */
extern int	inno_dset_slot_count(void);

extern void inno_dset_init(InnoDesigSet *s);
/* Add a (valid) designation; INNO_ERR_RANGE when the set would span more than 64 years. */
extern InnoStatus inno_dset_add(InnoDesigSet *s, InnoDesignation d, InnoError *err);
extern InnoStatus inno_dset_union(InnoDesigSet *s, const InnoDesigSet *t, InnoError *err);
extern bool inno_dset_empty(const InnoDesigSet *s);

/*
 * Does the set hold d, read as a pattern: d's scheme, at d's level (any
 * level when d states none), in d's list year (any year, or none, when d
 * has none)?
 */
extern bool inno_dset_holds(const InnoDesigSet *s, InnoDesignation pattern);
/* Scheme held at all (any level, any year)? */
extern bool inno_dset_holds_scheme(const InnoDesigSet *s, unsigned scheme);
/*
 * Valid in year y: 1, 0, or -1 when not valid by what is known but some
 * validity is unknown (0 before the scheme's first list year, unless it is
 * also held with no list year: a validity starts in its list year).
 */
extern int	inno_dset_valid_in(const InnoDesigSet *s, unsigned scheme, int y);
/* Is slot held in year y (y = 0: with no list year)? */
extern bool inno_dset_listed(const InnoDesigSet *s, int slot, unsigned y);

/*
 * Every invariant of a set that inno_dset_add and inno_dset_union make:
 * INNO_OK, or INNO_ERR_CORRUPT with a detail.  Reserved bits zero; the base
 * the first year held; per scheme, each run of validity starts in a list
 * year and ends within INNO_DESIG_TERM_MAX years of one; a list year with
 * no validity, or a slot held with no list year, marks the validity
 * unknown; an unknown validity belongs to a scheme held.
 */
extern InnoStatus inno_dset_check(const InnoDesigSet *s, InnoError *err);

/* for desigset_io.c: the span error, and the mask of bits [from, to] */
extern InnoStatus inno_dset_too_wide(InnoError *err, unsigned from, unsigned to);
extern uint64_t inno_dset_run(unsigned from, unsigned to);

/*
 * Text form, JSON:
 *	{"held": {"national high_tech": [2017, 2020], "gazelle": [null]},
 *	 "valid": {"high_tech": [[2017, 2022]]}, "validity_unknown": ["tech_leader"]}
 * Slots in table order, years ascending, null for no list year; validity as
 * runs of years.  Empty parts are left out ({} is the empty set).  The
 * reader takes any order, but no name, year or null twice, and no
 * overlapping runs; what it reads must pass inno_dset_check.
 */
extern char *inno_dset_format(const InnoDesigSet *s, char *buf, size_t buflen);
/*
 * The longest text: every slot held in all 64 years and with no list year
 * ("\"provincial potential_unicorn\": [" + 64 x ", 2024" + ", null]", at
 * most 424 bytes a slot), every scheme valid in 32 runs of one year
 * ("\"potential_unicorn\": [" + 32 x ", [2024, 2024]", at most 470), every
 * scheme's validity unknown: about 20,300 bytes (a unit test writes it).
 */
#define INNO_DSET_TEXT_MAX 24576
extern InnoStatus inno_dset_parse(const char *s, size_t len, InnoDesigSet *out, InnoError *err);

/* binary: version byte, base, unknown_valid, undated, the masks; network byte order */
#define INNO_DSET_BINARY_LEN (1 + 2 + 2 + 8 + 8 * INNO_DSET_SLOTS + 8 * INNO_SCHEME_COUNT)
extern void inno_dset_encode_binary(const InnoDesigSet *s, uint8_t *buf);
extern InnoStatus inno_dset_decode_binary(const uint8_t *buf, size_t len, InnoDesigSet *out, InnoError *err);

#endif							/* INNO_DESIGSET_H */
