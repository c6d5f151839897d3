/*
 * desigcounts.h
 *	  designation_counts: a summary over firms' designation_sets.  Every
 *	  count is of firms (a firm on the 2023 and the 2024 list is one holder
 *	  of the scheme, and one in each year), so none can be derived from the
 *	  others and each is kept:
 *
 *	  projects              sets summarized
 *	  holders[s]            firms holding scheme s (any level, any year)
 *	  pair[s, t]            firms holding both s and t (s < t)
 *	  slot_holders[k]       firms holding slot k (a scheme at a level), any year
 *	  undated[k]            firms holding slot k with no list year
 *	  unknown_valid[s]      firms holding s with a validity that is unknown
 *	  per year y of the window [base, base + nyears):
 *	    listed[k][y]        firms on slot k's list of year y
 *	    by_year[s][y]       firms on a list of scheme s of year y, any level
 *	    valid[s][y]         firms holding s valid in year y
 *
 * The value is variable-sized: the year window is as narrow as the years
 * counted (base is the first year with a count, the last column has one),
 * so equal summaries have equal bytes.  Merging adds counts; the caller
 * widens the window first (inno_dcounts_widen) when the other side's years
 * do not fit.
 */
#ifndef INNO_DESIGCOUNTS_H
#define INNO_DESIGCOUNTS_H

#include "desigset.h"

#define INNO_DCOUNTS_VERSION 1
#define INNO_DCOUNTS_PAIRS (INNO_SCHEME_COUNT * (INNO_SCHEME_COUNT - 1) / 2)
#define INNO_DCOUNTS_ROWS (INNO_DSET_SLOTS + 2 * INNO_SCHEME_COUNT)	/* year rows */
#define INNO_DCOUNTS_MAX_YEARS (INNO_DESIG_YEAR_MAX - INNO_DESIG_YEAR_MIN + 1)

typedef struct InnoDesigCounts
{
	uint32_t	vl_len_;		/* room for PostgreSQL's varlena header: the core never reads it */
	uint8_t		version;
	uint8_t		pad;
	uint16_t	base;			/* first year of the window; 0 when nyears is 0 */
	uint16_t	nyears;
	uint16_t	pad2;
	uint32_t	pad3;
	int64_t		projects;
	int64_t		holders[INNO_SCHEME_COUNT];
	int64_t		pair[INNO_DCOUNTS_PAIRS];
	int64_t		slot_holders[INNO_DSET_SLOTS];
	int64_t		undated[INNO_DSET_SLOTS];
	int64_t		unknown_valid[INNO_SCHEME_COUNT];
	/* rows of nyears: listed by slot, then by_year by scheme, then valid by scheme */
	int64_t		cells[];
} InnoDesigCounts;

/* Bytes for a window of nyears years. */
static inline size_t
inno_dcounts_size(unsigned nyears)
{
	return sizeof(InnoDesigCounts) + sizeof(int64_t) * INNO_DCOUNTS_ROWS * (size_t) nyears;
}

/* Row pointers (each nyears long). */
static inline int64_t *
inno_dcounts_listed(InnoDesigCounts *c, int slot)
{
	return c->cells + (size_t) slot * c->nyears;
}
static inline int64_t *
inno_dcounts_by_year(InnoDesigCounts *c, unsigned scheme)
{
	return c->cells + (size_t) (INNO_DSET_SLOTS + scheme - 1) * c->nyears;
}
static inline int64_t *
inno_dcounts_valid(InnoDesigCounts *c, unsigned scheme)
{
	return c->cells + (size_t) (INNO_DSET_SLOTS + INNO_SCHEME_COUNT + scheme - 1) * c->nyears;
}

/* index of the pair s < t in pair[] */
extern int	inno_dcounts_pair_index(unsigned s, unsigned t);

extern void inno_dcounts_init(InnoDesigCounts *c);	/* an empty window: inno_dcounts_size(0) bytes */

/* The window [lo, hi] needed to hold c's years and [from, to] (from = 0: none). */
extern void inno_dcounts_window(const InnoDesigCounts *c, unsigned from, unsigned to,
								unsigned *lo, unsigned *nyears);
/* Copy c into `into` (inno_dcounts_size(nyears) bytes) with the window [lo, lo + nyears). */
extern void inno_dcounts_widen(const InnoDesigCounts *c, InnoDesigCounts *into, unsigned lo, unsigned nyears);
/* The years [from, to] a set counts in; false when it holds no year. */
extern bool inno_dset_years(const InnoDesigSet *s, unsigned *from, unsigned *to);
extern bool inno_dcounts_years(const InnoDesigCounts *c, unsigned *from, unsigned *to);

/* Add one firm's set / another summary; the window must hold their years.  INNO_ERR_RANGE on overflow. */
extern InnoStatus inno_dcounts_add(InnoDesigCounts *c, const InnoDesigSet *s, InnoError *err);
extern InnoStatus inno_dcounts_merge(InnoDesigCounts *c, const InnoDesigCounts *d, InnoError *err);

/* A count in year y, 0 outside the window. */
extern int64_t inno_dcounts_cell(const InnoDesigCounts *c, const int64_t *row, unsigned y);

/* Every invariant (see above) of a value from storage, text or another node. */
extern InnoStatus inno_dcounts_check(const InnoDesigCounts *c, size_t size, InnoError *err);

/*
 * Text form, JSON, zero counts left out:
 *	{"projects": 3, "holders": {"high_tech": 2}, "coholding": {"high_tech & gazelle": 1},
 *	 "held": {"national high_tech": 2}, "undated": {...}, "validity_unknown": {...},
 *	 "listed": {"national high_tech 2023": 2}, "by_year": {"high_tech 2023": 2},
 *	 "valid": {"high_tech 2023": 2}}
 * inno_dcounts_format returns the bytes needed (write again with more room when larger).
 */
extern size_t inno_dcounts_format(const InnoDesigCounts *c, char *buf, size_t buflen);
/* Parse into *out (allocated by alloc, with its size in *size). */
extern InnoStatus inno_dcounts_parse(const char *s, size_t len, void *(*alloc) (size_t),
									 InnoDesigCounts **out, size_t *size, InnoError *err);

/* binary: version, base, nyears (2 bytes each after the version), then every count as int64, network order */
static inline size_t
inno_dcounts_binary_len(unsigned nyears)
{
	return 5 + 8 * (1 + INNO_SCHEME_COUNT + INNO_DCOUNTS_PAIRS + 2 * INNO_DSET_SLOTS + INNO_SCHEME_COUNT +
					(size_t) INNO_DCOUNTS_ROWS * nyears);
}
extern void inno_dcounts_encode_binary(const InnoDesigCounts *c, uint8_t *buf);
extern InnoStatus inno_dcounts_decode_binary(const uint8_t *buf, size_t len, void *(*alloc) (size_t),
											 InnoDesigCounts **out, size_t *size, InnoError *err);

#endif							/* INNO_DESIGCOUNTS_H */
