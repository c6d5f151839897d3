/*
 * quantile_sketch.h
 *	  What the quantile_sketch glue files share (quantile_sketch.c: the
 *	  forms, I/O and accessors; quantile_sketch_agg.c: the aggregates).
 *
 * The value is a varlena: a 4-byte length, 4 bytes of padding so that the
 * sketch is 8-byte aligned, then one of four forms, told apart by their
 * first byte (src/core/qsketch.h): packed (stored), flat (arithmetic, 0.1.0's
 * stored form, large states), list (small states) or dense (states whose
 * buckets are mostly contiguous).
 */
#ifndef INNO_QUANTILE_SKETCH_GLUE_H
#define INNO_QUANTILE_SKETCH_GLUE_H

#include "innovation.h"
#include "core/qsketch.h"

#define QS_OFFSET 8
#define QS_BODY(d)			((InnoQSketch *) ((char *) (d) + QS_OFFSET))
#define QS_DATUM_SIZE(nbins) (QS_OFFSET + INNO_QS_SIZE(nbins))
#define QS_CAPACITY(d)		((uint32) ((VARSIZE(d) - QS_OFFSET - offsetof(InnoQSketch, bins)) / sizeof(InnoQsBin)))
#define QS_INITIAL_CAPACITY 16
#define QS_FORM(d)			(((const uint8 *) (d))[QS_OFFSET])
#define QS_LIST(d)			((InnoQsList *) ((char *) (d) + QS_OFFSET))
#define QS_LIST_DATUM_SIZE	(QS_OFFSET + sizeof(InnoQsList))
#define QS_DENSE(d)			((InnoQsDense *) ((char *) (d) + QS_OFFSET))
#define QS_DENSE_DATUM_SIZE(slots) (QS_OFFSET + INNO_QS_DENSE_SIZE(slots))
#define QS_DENSE_CAPACITY(d) ((uint32) ((VARSIZE(d) - QS_OFFSET - offsetof(InnoQsDense, counts)) / sizeof(uint64)))

/* A new, empty flat sketch datum with room for capacity buckets. */
extern struct varlena *inno_sketch_new(int accuracy, int max_bins, uint32 capacity);
/* The stored (packed) datum of a flat sketch or state. */
extern struct varlena *inno_sketch_packed(const InnoQSketch *s);
/* The flat datum of a list state, with room for capacity buckets. */
extern struct varlena *inno_sketch_list_to_flat(const InnoQsList *l, uint32 capacity);
/*
 * The flat datum of a dense state, checked first, with room for spare
 * buckets besides its own.
 */
extern struct varlena *inno_sketch_dense_to_flat(const struct varlena *d, uint32 spare);
/*
 * A sketch in any form as a flat datum without spare room, checked before
 * it is trusted; a packed one is validated only when validate_packed.
 */
extern struct varlena *inno_sketch_read(Datum datum, bool validate_packed);

#endif							/* INNO_QUANTILE_SKETCH_GLUE_H */
