/*
 * funding_stats.h
 *	  What the funding_stats glue files share (funding_stats.c,
 *	  funding_stats_kinds.c).
 */
#ifndef INNO_FUNDING_STATS_GLUE_H
#define INNO_FUNDING_STATS_GLUE_H

#include "funding_round.h"
#include "utils/tuplestore.h"
#include "core/funstats.h"

/*
 * A funding_stats datum (stored value or aggregation state) as a flat
 * value, checked before it is trusted: ERROR 22P03 if it is not a valid
 * summary.  A stored value is checked to stay within its bytes (it was
 * valid when written); states and 0.1.0 values are validated.
 */
extern const InnoFsHeader *inno_checked_stats(Datum datum);

/* A set-returning function's tuplestore in materialize mode, with its row type. */
extern Tuplestorestate *inno_srf_materialize(FunctionCallInfo fcinfo, TupleDesc *tupdesc);

/*
 * The datum: a varlena, 4 bytes of padding (8-byte alignment), then one of
 * three forms told apart by their first byte (src/core/funstats.h):
 * packed (stored), flat (arithmetic, 0.1.0's form, large states) or list
 * (small states, and stored groups of at most INNO_FS_LIST_MAX rounds).
 */
#define FS_OFFSET 8
#define FS_BODY(d)			((InnoFsHeader *) ((char *) (d) + FS_OFFSET))
#define FS_CAPACITY(d)		((size_t) VARSIZE(d) - FS_OFFSET)
/* binary forms: a version byte, then the text form (0.1.0's) or the packed form */
#define FS_BINARY_TEXT 1
#define FS_BINARY_PACKED 2
#define FS_FORM(d)			(((const uint8 *) (d))[FS_OFFSET])
#define FS_LIST(d)			((InnoFsList *) ((char *) (d) + FS_OFFSET))
#define IS_PACKED(d)		(VARSIZE(d) > FS_OFFSET && FS_FORM(d) == INNO_FS_PACKED_VERSION)
#define IS_LIST(d)			(VARSIZE(d) >= FS_OFFSET + INNO_FS_LIST_SIZE(0) && \
							 FS_FORM(d) == INNO_FS_LIST_VERSION)
/* the packed empty value, as INITCOND gives it: version, no sections */
#define IS_PACKED_EMPTY(d)	(VARSIZE(d) == FS_OFFSET + 2 && FS_FORM(d) == INNO_FS_PACKED_VERSION && \
							 ((const uint8 *) (d))[FS_OFFSET + 1] == 0)

/* datums: a flat one of body bytes (zeroed), a list state with room for room rounds holding l's */
extern struct varlena *inno_stats_new(size_t body);
extern struct varlena *inno_stats_new_list(int room, const InnoFsList *l);
/* a round added to a flat state, which may grow (the result is the new state) */
extern struct varlena *inno_stats_add_round(struct varlena *d, const InnoFundingRound *fr);
/* the flat state of a list state's rounds */
extern struct varlena *inno_stats_list_to_flat(const InnoFsList *l);
/* the stored (packed) datum of a flat value or state */
extern struct varlena *inno_stats_packed(const InnoFsHeader *h);
/* a value to merge, as a flat one: every form validated */
extern const InnoFsHeader *inno_stats_merge_input(Datum datum);

#endif							/* INNO_FUNDING_STATS_GLUE_H */
