/*
 * qsketch.h
 *	  A deterministic, mergeable quantile sketch with a relative-error
 *	  guarantee (DDSketch-style logarithmic buckets).
 *
 * Every value x != 0 falls in bucket floor(k * f(|x|)), where f is a cubic
 * interpolation of log2 computed with frexp and + * / only (no libm), so
 * every IEEE 754 machine computes the same bucket.  k depends only on the
 * relative accuracy, chosen from a fixed set.  The sketch keeps exact counts
 * per bucket, the exact count, minimum and maximum, and the exact sum (see
 * xsum.h): merging two sketches gives bytewise the same sketch as adding
 * all their values to one, in any order.  So the answer is the same serial,
 * parallel, rolled up from stored sketches, or merged across servers.
 *
 * Memory is bounded: each sign keeps at most max_bins buckets; beyond that
 * the buckets of the smallest magnitudes are merged into one ("collapsed"),
 * which keeps the guarantee for every quantile whose true value lies above
 * the collapsed range.  The collapse is order independent too.
 */
#ifndef INNO_QSKETCH_H
#define INNO_QSKETCH_H

#include "xsum.h"

#define INNO_QS_VERSION 1
/* default max_bins: room for 60 doublings (18 decades) at every accuracy */
#define INNO_QS_DEFAULT_DOUBLINGS 60
#define INNO_QS_MIN_MAX_BINS 16
#define INNO_QS_MAX_MAX_BINS 65535

/* flags */
#define INNO_QS_COLLAPSED_POS	0x01
#define INNO_QS_COLLAPSED_NEG	0x02

typedef struct InnoQsBin
{
	int32_t		index;
	uint32_t	pad;			/* zero */
	uint64_t	count;			/* > 0 */
} InnoQsBin;

typedef struct InnoQSketch
{
	uint8_t		version;
	uint8_t		accuracy;		/* accuracy code, see inno_qs_accuracy_* */
	uint8_t		flags;
	uint8_t		pad;			/* zero */
	uint16_t	max_bins;		/* per sign */
	uint16_t	pad2;			/* zero */
	uint32_t	nneg;			/* bins[0 .. nneg): negative values, index descending */
	uint32_t	npos;			/* bins[nneg .. nneg + npos): positive values, index ascending */
	uint64_t	count;			/* every value added; at most INT64_MAX */
	uint64_t	zeros;			/* values equal to zero */
	double		min;			/* exact; 0 when count == 0 */
	double		max;
	InnoExactSum sum;
	InnoQsBin	bins[];
} InnoQSketch;

/* Bytes a sketch with room for nbins buckets takes. */
#define INNO_QS_SIZE(nbins) (offsetof(InnoQSketch, bins) + (size_t) (nbins) * sizeof(InnoQsBin))

/* Accuracy codes: 1..5 for 0.1%, 0.5%, 1% (the default), 2%, 5%. */
#define INNO_QS_DEFAULT_ACCURACY 3
extern int	inno_qs_accuracy_code(double relative_accuracy);	/* 0 if not offered */
extern double inno_qs_accuracy_value(int code);	/* 0 if invalid */
/* the accuracy as the text form writes it ("0.01"); NULL past the last code */
extern const char *inno_qs_accuracy_text(int code);
/* the offered accuracies for messages: "0.001, 0.005, 0.01, 0.02 or 0.05" */
extern void inno_qs_accuracy_list(char *buf, size_t buflen);
extern int	inno_qs_default_max_bins(int code);	/* INNO_QS_DEFAULT_DOUBLINGS doublings */

/*
 * The bucket of a positive finite value, and the value that stands for a
 * bucket: within the relative accuracy of every value in the bucket that is
 * at least DBL_MIN (2^-1022); for subnormal values, within the accuracy plus
 * half the smallest subnormal (2^-1075), since the answer is a double too.
 */
extern int32_t inno_qs_bucket_of(double x, int accuracy_code);
/* The same from the defining formula alone, without the table (for the tests). */
extern int32_t inno_qs_bucket_of_reference(double x, int accuracy_code);
extern double inno_qs_bucket_value(int32_t index, int accuracy_code);
/* The buckets a positive double can fall in: those of 2^-1074 to DBL_MAX. */
extern void inno_qs_bucket_range(int accuracy_code, int32_t *lowest, int32_t *highest);

extern InnoStatus inno_qs_init(InnoQSketch *s, int accuracy_code, int max_bins, InnoError *err);

/*
 * Add one value.  Returns INNO_OK; INNO_ERR_PARAM for NaN or infinity, or
 * when the count would pass INT64_MAX or the exact sum leave its range
 * (xsum.h; possible only past 2^32 values); or INNO_ERR_RANGE when the
 * sketch needs room for one more bin than capacity (grow it and call
 * again).  Nothing changes unless it returns INNO_OK.
 */
extern InnoStatus inno_qs_add(InnoQSketch *s, uint32_t capacity, double x);

/*
 * dst = a merged with b.  dst needs room for a->nneg + a->npos + b->nneg +
 * b->npos bins and must not overlap a or b.  An empty sketch merges with
 * any other (it is the identity); otherwise INNO_ERR_PARAM if the two were
 * built with different accuracy or max_bins; INNO_ERR_RANGE if the merged
 * count would pass INT64_MAX or the merged exact sum leave its range (dst
 * is then untouched).
 */
extern InnoStatus inno_qs_merge(InnoQSketch *dst, const InnoQSketch *a, const InnoQSketch *b,
								InnoError *err);

/*
 * a += b in place: a has room for capacity bins.  The same sketch as
 * inno_qs_merge gives (the empty sketch is the identity), and the same
 * errors: INNO_ERR_PARAM for different parameters, INNO_ERR_RANGE for a
 * count or sum out of range.  *full, with INNO_OK and nothing changed, when
 * a needs room for more bins (grow it and call again).  The sum is left
 * unnormalized, as inno_qs_add leaves it.
 */
extern InnoStatus inno_qs_merge_into(InnoQSketch *a, uint32_t capacity, const InnoQSketch *b, bool *full,
									 InnoError *err);

/* For qsketch_merge.c: a bucket's position in a store, and folding stores down to max_bins. */
extern uint32_t inno_qs_find_bin(const InnoQsBin *bins, uint32_t n, int32_t index, bool asc, bool *found);
extern void inno_qs_collapse(InnoQSketch *s);

/* Bins in use. */
static inline uint32_t
inno_qs_nbins(const InnoQSketch *s)
{
	return s->nneg + s->npos;
}

/* The q-quantile (0 <= q <= 1) as percentile_disc defines it, within the relative accuracy. */
extern double inno_qs_quantile(const InnoQSketch *s, double q);
extern double inno_qs_mean(const InnoQSketch *s);

/*
 * Check every field of a sketch of size bytes (exactly its bins, no spare
 * room): counts (the total, zeros, each bucket) at most INT64_MAX and adding
 * up, bucket indexes in inno_qs_bucket_range, in order, the largest ones
 * those of max and -min, and the exact sum normalized and in range.
 */
extern InnoStatus inno_qs_validate(const InnoQSketch *s, size_t size, InnoError *err);

/*
 * Text form (JSON, keys in a fixed order) that parses back to a bytewise
 * identical sketch.  inno_qs_text_size gives the buffer size needed.
 */
extern size_t inno_qs_text_size(const InnoQSketch *s);
extern int	inno_qs_format(const InnoQSketch *s, char *buf, size_t buflen);

/* Parse: first call with out == NULL to learn the bins needed, then parse into a sketch of that size. */
extern InnoStatus inno_qs_parse(const char *text, size_t len, InnoQSketch *out, uint32_t *nbins,
								InnoError *err);

/* Binary form: a version byte then the fields in network byte order. */
extern size_t inno_qs_binary_size(const InnoQSketch *s);
extern void inno_qs_encode_binary(const InnoQSketch *s, uint8_t *buf);
extern InnoStatus inno_qs_decode_binary(const uint8_t *buf, size_t len, InnoQSketch *out,
										uint32_t *nbins, InnoError *err);

/*
 * The packed form (qsketch_pack.c): how a sketch is stored since 0.2.0, in
 * bytes that grow with the buckets and digits it holds.  The first byte is
 * INNO_QS_PACKED_VERSION where the flat form has INNO_QS_VERSION, so a
 * reader tells them apart.  inno_qs_pack takes a sketch (spare room and an
 * unnormalized sum are fine) and a buffer of inno_qs_pack_bound bytes; it
 * returns the bytes written.  inno_qs_unpack
 * reads into a flat sketch (out NULL first, to learn the bins), checking
 * what keeps readers within the value (it does not validate the contents:
 * only the extension writes this form, from valid sketches).
 */
#define INNO_QS_PACKED_VERSION 2
extern size_t inno_qs_pack_bound(const InnoQSketch *s);
extern size_t inno_qs_pack(const InnoQSketch *s, uint8_t *out);
extern InnoStatus inno_qs_unpack(const uint8_t *buf, size_t len, InnoQSketch *out, uint32_t *nbins,
								 InnoError *err);

/*
 * The small aggregation state: the first INNO_QS_LIST_MAX values as given,
 * 72 bytes where a flat sketch takes over 600, so that grouping by millions
 * of small groups stays in memory.  A state holds it until one more value
 * comes; then it becomes a flat sketch of the same values.  Only an
 * aggregation state is ever in this form, never a stored value.
 */
#define INNO_QS_LIST_VERSION 0x81
#define INNO_QS_LIST_MAX 8

typedef struct InnoQsList
{
	uint8_t		version;		/* INNO_QS_LIST_VERSION */
	uint8_t		accuracy;
	uint8_t		n;				/* values held */
	uint8_t		pad;			/* zero */
	uint16_t	max_bins;
	uint16_t	pad2;			/* zero */
	double		values[INNO_QS_LIST_MAX];	/* finite */
} InnoQsList;

extern void inno_qs_list_init(InnoQsList *l, int accuracy_code, int max_bins);
/* The flat sketch of the list's values (capacity >= INNO_QS_LIST_MAX bins). */
extern InnoStatus inno_qs_list_to_sketch(const InnoQsList *l, InnoQSketch *s, uint32_t capacity,
										 InnoError *err);
/* Are the fields of a list state possible (as a state from another node may not be)? */
extern bool inno_qs_list_valid(const InnoQsList *l);

/*
 * The dense aggregation state (qsketch_dense.c): once a state holds many
 * values its buckets are mostly contiguous, so it keeps one 8-byte count per
 * bucket of a span of indexes per sign, with no index beside it: adding a
 * value is one increment at index - lo, with no search, in half the bytes.
 * A state takes this form only when it is no larger than the flat form of
 * the same buckets and nothing has been collapsed; each span holds at most
 * max_bins buckets, so none ever needs collapsing, and the state stands for
 * exactly the flat sketch of its non-zero buckets (empty slots are zero).
 * Only an aggregation state is in this form; the extension never stores it
 * (a raw state that a user's aggregate without a final function returns is
 * checked and read like the other forms).
 */
#define INNO_QS_DENSE_VERSION 0x82

typedef struct InnoQsDense
{
	uint8_t		version;		/* INNO_QS_DENSE_VERSION */
	uint8_t		accuracy;
	uint16_t	pad;			/* zero */
	uint16_t	max_bins;
	uint16_t	pad2;			/* zero */
	int32_t		neg_lo;			/* counts[i], i < nneg: magnitudes of bucket neg_lo + i */
	uint32_t	nneg;
	int32_t		pos_lo;			/* counts[nneg + i], i < npos: bucket pos_lo + i */
	uint32_t	npos;
	uint64_t	count;			/* as in InnoQSketch */
	uint64_t	zeros;
	double		min;
	double		max;
	InnoExactSum sum;
	uint64_t	counts[];
} InnoQsDense;

#define INNO_QS_DENSE_SIZE(slots) (offsetof(InnoQsDense, counts) + (size_t) (slots) * sizeof(uint64_t))

/*
 * Should the flat state s become dense?  True, with the count slots it needs,
 * when nothing was collapsed, each sign's buckets span at most max_bins
 * indexes and the dense form takes no more bytes than the flat one.
 */
extern bool inno_qs_dense_worth(const InnoQSketch *s, uint32_t *slots);
/* d (room for capacity >= the slots inno_qs_dense_worth gave) = s */
extern void inno_qs_dense_from_sketch(InnoQsDense *d, uint32_t capacity, const InnoQSketch *s);

/*
 * Add one value: INNO_OK; INNO_ERR_PARAM as inno_qs_add; or INNO_ERR_RANGE
 * when a span must grow: *need is then the count slots the state needs (grow
 * it and call again), or 0 when a sign would span more than max_bins buckets
 * (turn the state flat and add there).  Nothing changes unless INNO_OK.
 */
extern InnoStatus inno_qs_dense_add(InnoQsDense *d, uint32_t capacity, double x, uint32_t *need);
/* For inno_qs_dense_add: make room for bucket index; see there for the result. */
extern InnoStatus inno_qs_dense_extend(InnoQsDense *d, uint32_t capacity, int32_t index, bool positive,
									   uint32_t *need);

/*
 * Are the fields of a dense state of size bytes possible (as a state from
 * another process may not be)?  Checks what keeps readers within its bytes
 * and its indexes within inno_qs_bucket_range; inno_qs_dense_to_sketch's
 * result is then validated like any sketch read in.
 */
extern InnoStatus inno_qs_dense_check(const InnoQsDense *d, size_t size, InnoError *err);
/* Non-zero buckets: the bins the flat form needs. */
extern uint32_t inno_qs_dense_nbins(const InnoQsDense *d);
/* s (room for inno_qs_dense_nbins(d) bins) = the flat sketch d stands for */
extern void inno_qs_dense_to_sketch(const InnoQsDense *d, InnoQSketch *s);

#endif							/* INNO_QSKETCH_H */
