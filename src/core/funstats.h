/*
 * funstats.h
 *	  funding_stats: a summary of funding rounds kept per currency.
 *
 * Layout (flat, every part 8-byte aligned): a header, then one section per
 * currency in ascending ISO numeric order, each followed by a quantile
 * sketch of its point amounts.  Currency 0 holds rounds whose amount is
 * undisclosed and name no currency.  Amounts of different currencies are
 * never added together.
 *
 * During aggregation the buffer may hold spare room: the header's `used`
 * says how many bytes are in use, and a section's sketch may have spare
 * bucket slots (its `size` says how much room the section has).  The stored
 * form has none: used equals the buffer size and every sketch is exact.
 */
#ifndef INNO_FUNSTATS_H
#define INNO_FUNSTATS_H

#include "funding.h"
#include "qsketch.h"

#define INNO_FS_VERSION 2		/* 1: 0.1.0's, 16 thresholds; read and converted */
#define INNO_FS_KIND_SLOTS 64	/* by round-kind code */
#define INNO_FS_NTHRESHOLDS 32	/* 1, 2, 3 and 5 x 10^4 .. 10^11 currency units */
#define INNO_FS_V1_NTHRESHOLDS 16	/* version 1: 1 and 5 x 10^4 .. 10^11 */

/* threshold t (0 .. INNO_FS_NTHRESHOLDS - 1) in major units, from the table in funstats_bands.c */
extern int64_t inno_fs_threshold_major(int t);
/* every threshold, for messages: "10000, 20000, ... or 500000000000" */
extern void inno_fs_threshold_list(char *buf, size_t buflen);
/* index of a threshold given in major units, -1 if it is not one */
extern int	inno_fs_threshold_index(int64_t major);
/* the thresholds just below and above an amount in major units (-1 where none) */
extern void inno_fs_threshold_neighbours(int64_t major, int *below, int *above);
/* the index of version 1's threshold i (0 .. 15, 1 and 5 x 10^n) among the current ones */
static inline int
inno_fs_v1_threshold(int i)
{
	return (i / 2) * 4 + (i % 2 ? 3 : 0);
}
/* is threshold t one that version 1 did not count (2 or 3 x 10^n)? */
extern bool inno_fs_threshold_is_new(int t);
/* the band of an amount in minor units: the last threshold at or below it, -1 below all */
extern int	inno_fs_band_of(int64_t minor, int minor_digits);

typedef struct InnoFsKind
{
	int64_t		rounds;
	int64_t		disclosed;
	int64_t		sum_point;
} InnoFsKind;

typedef struct InnoFsSection
{
	uint32_t	size;			/* bytes of this section, its sketch included */
	uint16_t	currency;		/* ISO numeric; 0: no currency */
	uint16_t	flags;			/* INNO_FS_* below */
	int64_t		rounds;
	int64_t		disclosed;
	int64_t		open;			/* disclosed rounds open above */
	int64_t		sum_low;		/* minor units, disclosed rounds */
	int64_t		sum_point;
	int64_t		sum_high;		/* closed rounds only: open ones have no high */
	int64_t		min_point;		/* 0 when nothing is disclosed */
	int64_t		max_point;
	/*
	 * band[t][j]: disclosed rounds whose low (j = 0), point (1) or high (2)
	 * lies in [threshold t, threshold t + 1), the last band open above (a
	 * round open above has its high there).  Rounds over a threshold are
	 * the sum of its band and those above: one increment per basis a row.
	 */
	int64_t		band[INNO_FS_NTHRESHOLDS][3];
	InnoFsKind	kinds[INNO_FS_KIND_SLOTS];
	/* an InnoQSketch of point amounts in major units follows */
} InnoFsSection;

/*
 * The section came from version 1 (0.1.0), which counted only the 1 and 5 x
 * 10^n thresholds: the rounds between 1 and 5 x 10^n are all in the 1 x 10^n
 * band, and the counts at 2 and 3 x 10^n are unknown.  Kept through merges.
 */
#define INNO_FS_V1_THRESHOLDS 0x0001
/*
 * The section's sketch is an InnoQsDense (qsketch.h), not an InnoQSketch:
 * only in an aggregation state (funstats_sketch.c); the stored form is flat.
 */
#define INNO_FS_DENSE 0x0002

typedef struct InnoFsHeader
{
	uint8_t		version;
	uint8_t		nsections;
	uint16_t	pad;
	uint32_t	used;			/* bytes in use, header included */
} InnoFsHeader;

#define INNO_FS_MIN_SIZE sizeof(InnoFsHeader)
#define INNO_FS_SECTION_SIZE(nbins) (sizeof(InnoFsSection) + INNO_QS_SIZE(nbins))

static inline InnoFsSection *
inno_fs_first(const InnoFsHeader *h)
{
	return (InnoFsSection *) ((char *) h + sizeof(InnoFsHeader));
}

static inline InnoFsSection *
inno_fs_next(const InnoFsSection *s)
{
	return (InnoFsSection *) ((char *) s + s->size);
}

static inline InnoQSketch *
inno_fs_sketch(const InnoFsSection *s)
{
	return (InnoQSketch *) ((char *) s + sizeof(InnoFsSection));
}

/* Bucket slots of a section's flat sketch, spare ones included. */
static inline uint32_t
inno_fs_sketch_capacity(const InnoFsSection *s)
{
	return (uint32_t) ((s->size - sizeof(InnoFsSection) - offsetof(InnoQSketch, bins)) / sizeof(InnoQsBin));
}

extern void inno_fs_init(InnoFsHeader *h);

/*
 * For inno_fs_add and inno_fs_merge_into (funstats_sketch.c): add a point
 * amount in major units to section s's sketch, flat or dense, growing the
 * section when it needs room (INNO_ERR_RANGE with *need as inno_fs_add
 * gives it; the sketch is the same, whatever form it was left in);
 * INNO_ERR_PARAM when the sketch cannot count it.  And make add more bytes
 * at the end of section s, moving the sections after it.
 */
extern InnoStatus inno_fs_sketch_add(InnoFsHeader *h, size_t capacity, InnoFsSection *s, double v, size_t *need);
extern InnoStatus inno_fs_grow_section(InnoFsHeader *h, size_t capacity, InnoFsSection *s, size_t add,
									   size_t *need);
/* Copy a section with its sketch flat and trimmed to its buckets; returns the bytes written. */
extern size_t inno_fs_copy_trimmed(InnoFsSection *dst, const InnoFsSection *src);

/*
 * Add a round.  capacity is the buffer's size.  INNO_ERR_RANGE with *need
 * set when more room is needed (grow the buffer to at least *need bytes and
 * call again; a retry is safe).  INNO_ERR_PARAM when a sum would overflow.
 */
extern InnoStatus inno_fs_add(InnoFsHeader *h, size_t capacity, const InnoFundingRound *fr, size_t *need);

/* Bytes needed to merge a and b (an upper bound). */
extern size_t inno_fs_merge_size(const InnoFsHeader *a, const InnoFsHeader *b);

/*
 * dst = a + b, two values in the stored form (inno_fs_write_stored's: a
 * state's dense sketches are refused); dst has inno_fs_merge_size bytes.
 * INNO_ERR_PARAM on overflow.
 */
extern InnoStatus inno_fs_merge(InnoFsHeader *dst, size_t capacity, const InnoFsHeader *a,
								const InnoFsHeader *b, InnoError *err);

/*
 * h += b in place, h a state of capacity bytes and b a valid value: the
 * same summary inno_fs_merge gives.  INNO_ERR_RANGE with *need set, and
 * nothing changed, when it needs more room (grow and call again);
 * INNO_ERR_PARAM when a sum would overflow.
 */
extern InnoStatus inno_fs_merge_into(InnoFsHeader *h, size_t capacity, const InnoFsHeader *b, size_t *need,
									 InnoError *err);

/*
 * Is h a well-formed aggregation state within capacity bytes: used fits,
 * every section's size fits, every sketch (flat or dense) fits its
 * section?  Checked before a state (which may hold spare room) is walked
 * or trimmed.
 */
extern bool inno_fs_state_fits(const InnoFsHeader *h, size_t capacity);

/* Size of the stored form, and writing it (no spare room, sums normalized). */
extern size_t inno_fs_stored_size(const InnoFsHeader *h);
extern void inno_fs_write_stored(const InnoFsHeader *h, InnoFsHeader *out);

/* Check a stored value of size bytes. */
extern InnoStatus inno_fs_validate(const InnoFsHeader *h, size_t size, InnoError *err);

/* The section of a currency (0 for no currency), NULL if none. */
extern const InnoFsSection *inno_fs_section(const InnoFsHeader *h, uint16_t currency);

/* JSON text form; parse first with out == NULL to learn the size. */
extern size_t inno_fs_text_size(const InnoFsHeader *h);
extern int	inno_fs_format(const InnoFsHeader *h, char *buf, size_t buflen);
extern InnoStatus inno_fs_parse(const char *s, size_t len, InnoFsHeader *out, size_t *size, InnoError *err);

/* rounds whose low / point / high (basis 0 .. 2) is at or over threshold t */
extern int64_t inno_fs_over(const InnoFsSection *s, int t, int basis);

/*
 * A version 1 value (as 0.1.0 stored it) of size bytes in the current form:
 * out NULL to learn *outsize first.  INNO_ERR_CORRUPT if it is not a
 * well-formed version 1 value; the result still needs inno_fs_validate.
 */
extern InnoStatus inno_fs_upgrade_v1(const void *v1, size_t size, InnoFsHeader *out, size_t *outsize,
									 InnoError *err);

/*
 * The packed form (funstats_pack.c): how a value is stored since 0.2.0,
 * keeping only what is not zero.  Its first byte is INNO_FS_PACKED_VERSION
 * where the flat form has INNO_FS_VERSION.  inno_fs_pack takes a flat
 * value or state (spare room is skipped) and a buffer of
 * inno_fs_pack_bound bytes, and returns the bytes written.  inno_fs_unpack:
 * out NULL to learn the flat *size, then into out of that size; it checks
 * what keeps readers within the value, not the contents (only the extension
 * writes this form, from valid values).
 */
#define INNO_FS_PACKED_VERSION 3
extern size_t inno_fs_pack_bound(const InnoFsHeader *h);
extern size_t inno_fs_pack(const InnoFsHeader *h, uint8_t *out);
extern InnoStatus inno_fs_unpack(const uint8_t *buf, size_t len, InnoFsHeader *out, size_t *size,
								 InnoError *err);

/*
 * The fixed fields of one currency's section (counts, sums, extremes: not
 * the bands, kinds or sketch) read straight from a packed value, for the
 * accessors that need no more.  *found false when it has no such section.
 */
extern InnoStatus inno_fs_packed_head(const uint8_t *buf, size_t len, uint16_t currency, InnoFsSection *head,
									  bool *found, InnoError *err);

/*
 * The small form: up to INNO_FS_LIST_MAX rounds as given, in room for 1,
 * 2, 4 or 8 (40 bytes for one round, where a flat value takes 2.6 kB), so
 * that grouping by millions of projects stays in memory.  An aggregation
 * state holds it until one more round comes; then it becomes the flat
 * value of the same rounds.  The aggregate stores a group of at most
 * INNO_FS_LIST_MAX rounds in this form too, trimmed (room = n) and its
 * rounds in a canonical order (inno_fs_list_canonical); readers that need
 * more than the counts and sums build the flat value from the rounds.
 */
#define INNO_FS_LIST_VERSION 0x81
#define INNO_FS_LIST_MAX 8

typedef struct InnoFsList
{
	uint8_t		version;		/* INNO_FS_LIST_VERSION */
	uint8_t		n;				/* rounds held */
	uint8_t		room;			/* rounds it has room for */
	uint8_t		pad;			/* zero */
	uint32_t	used;			/* INNO_FS_LIST_SIZE(room) */
	InnoFundingRound rounds[];
} InnoFsList;

#define INNO_FS_LIST_SIZE(room) (offsetof(InnoFsList, rounds) + (size_t) (room) * sizeof(InnoFundingRound))

extern void inno_fs_list_init(InnoFsList *l, int room);
/* Is a list state of size bytes well formed, every round valid? */
extern bool inno_fs_list_valid(const InnoFsList *l, size_t size);

/*
 * A valid list's fixed fields of one currency (counts, sums, extremes: what
 * inno_fs_packed_head gives for a packed value); *found false when no round
 * is in that currency.
 */
extern void inno_fs_list_head(const InnoFsList *l, uint16_t currency, InnoFsSection *head, bool *found);

/* Sort a list's rounds into the order the stored form keeps: by their bytes. */
extern void inno_fs_list_canonical(InnoFsList *l);

#endif							/* INNO_FUNSTATS_H */
