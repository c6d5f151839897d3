/*
 * funstats_sketch.c
 *	  The working state of funding_stats, as far as its sketches go: each
 *	  section's sketch of point amounts is flat, or dense (qsketch.h) once
 *	  its buckets are contiguous enough, in place within the section, which
 *	  grows (moving the sections after it) when the sketch needs room.  A
 *	  dense section is marked INNO_FS_DENSE.  Only a state has one: every
 *	  reader gets the stored form through inno_fs_write_stored, which is
 *	  flat, and the two forms stand for the same sketch.
 */
#include "funstats.h"

#include <string.h>

/*
 * Room to turn a sketch from one form to the other: the dense form of the
 * most buckets a funding_stats sketch keeps (max_bins per sign, its sketches
 * all have the default: 2,100).  34 kB, on the stack, on the rare steps
 * that change a section's form.
 */
#define SCRATCH_SLOTS (2 * 2100)
#define SCRATCH_WORDS ((INNO_QS_DENSE_SIZE(SCRATCH_SLOTS) + 7) / 8)

static size_t
Area(const InnoFsSection *s)
{
	return s->size - sizeof(InnoFsSection);
}

static InnoQsDense *
Dense(const InnoFsSection *s)
{
	return (InnoQsDense *) inno_fs_sketch(s);
}

static uint32_t
DenseCapacity(const InnoFsSection *s)
{
	return (uint32_t) ((Area(s) - offsetof(InnoQsDense, counts)) / sizeof(uint64_t));
}

InnoStatus
inno_fs_grow_section(InnoFsHeader *h, size_t capacity, InnoFsSection *s, size_t add, size_t *need)
{
	char	   *tail = (char *) inno_fs_next(s);

	if (h->used + add > capacity)
	{
		*need = (h->used + add) * 2;
		return INNO_ERR_RANGE;
	}
	memmove(tail + add, tail, h->used - (size_t) (tail - (char *) h));
	memset(tail, 0, add);
	s->size += (uint32_t) add;
	h->used += (uint32_t) add;
	return INNO_OK;
}

/* The flat sketch of s made dense in place, when that is no larger and fits. */
static void
Densify(InnoFsSection *s)
{
	InnoQSketch *q = inno_fs_sketch(s);
	uint64_t	scratch[SCRATCH_WORDS];
	uint32_t	slots;
	size_t		size;

	if (!inno_qs_dense_worth(q, &slots) || slots > SCRATCH_SLOTS)
		return;
	size = INNO_QS_DENSE_SIZE(slots);
	if (size > Area(s))
		return;
	inno_qs_dense_from_sketch((InnoQsDense *) scratch, slots, q);
	memcpy(q, scratch, size);
	memset((char *) q + size, 0, Area(s) - size);
	s->flags |= INNO_FS_DENSE;
}

/* The dense sketch of s made flat in place, with spare room; nothing changes unless INNO_OK. */
static InnoStatus
Flatten(InnoFsHeader *h, size_t capacity, InnoFsSection *s, size_t *need)
{
	uint64_t	scratch[SCRATCH_WORDS];
	uint32_t	nz = inno_qs_dense_nbins(Dense(s));
	size_t		want = INNO_QS_SIZE(2 * (size_t) nz);
	size_t		size = INNO_QS_DENSE_SIZE((size_t) Dense(s)->nneg + Dense(s)->npos);
	InnoStatus	st;

	if (size > sizeof(scratch))
		return INNO_ERR_PARAM;	/* not for a state this file made */
	if (want > Area(s) && (st = inno_fs_grow_section(h, capacity, s, want - Area(s), need)) != INNO_OK)
		return st;
	memcpy(scratch, Dense(s), size);
	memset(inno_fs_sketch(s), 0, Area(s));
	inno_qs_dense_to_sketch((const InnoQsDense *) scratch, inno_fs_sketch(s));
	s->flags &= (uint16_t) ~INNO_FS_DENSE;
	return INNO_OK;
}

InnoStatus
inno_fs_sketch_add(InnoFsHeader *h, size_t capacity, InnoFsSection *s, double v, size_t *need)
{
	InnoQSketch *q;
	uint32_t	nbins;
	InnoStatus	st;

	if (s->flags & INNO_FS_DENSE)
	{
		uint32_t	slots;

		st = inno_qs_dense_add(Dense(s), DenseCapacity(s), v, &slots);
		if (st != INNO_ERR_RANGE)
			return st;
		if (slots > 0)
		{
			/* a span grows (the dense form sizes its own slack) */
			st = inno_fs_grow_section(h, capacity, s, INNO_QS_DENSE_SIZE(slots) - Area(s), need);
			if (st != INNO_OK)
				return st;
			st = inno_qs_dense_add(Dense(s), DenseCapacity(s), v, &slots);
			return st == INNO_ERR_RANGE ? INNO_ERR_PARAM : st;
		}
		/* a span would pass max_bins or the flat form's bytes: on as flat */
		if ((st = Flatten(h, capacity, s, need)) != INNO_OK)
			return st;
	}
	q = inno_fs_sketch(s);
	nbins = inno_qs_nbins(q);
	st = inno_qs_add(q, inno_fs_sketch_capacity(s), v);
	if (st == INNO_ERR_RANGE)
	{
		st = inno_fs_grow_section(h, capacity, s, inno_fs_sketch_capacity(s) * sizeof(InnoQsBin), need);
		if (st != INNO_OK)
			return st;
		q = inno_fs_sketch(s);
		st = inno_qs_add(q, inno_fs_sketch_capacity(s), v);
		if (st == INNO_ERR_RANGE)
			st = INNO_ERR_PARAM;
	}
	if (st == INNO_OK && inno_qs_nbins(q) != nbins)
		Densify(s);
	return st;
}

static uint32_t
SketchBins(const InnoFsSection *s)
{
	return s->flags & INNO_FS_DENSE ? inno_qs_dense_nbins(Dense(s)) : inno_qs_nbins(inno_fs_sketch(s));
}

size_t
inno_fs_copy_trimmed(InnoFsSection *dst, const InnoFsSection *src)
{
	size_t		size = INNO_FS_SECTION_SIZE(SketchBins(src));

	if (src->flags & INNO_FS_DENSE)
	{
		memcpy(dst, src, sizeof(InnoFsSection));
		dst->flags &= (uint16_t) ~INNO_FS_DENSE;
		inno_qs_dense_to_sketch(Dense(src), inno_fs_sketch(dst));
	}
	else
		memcpy(dst, src, size);
	dst->size = (uint32_t) size;
	inno_xsum_normalize(&inno_fs_sketch(dst)->sum);
	return size;
}

bool
inno_fs_state_fits(const InnoFsHeader *h, size_t capacity)
{
	const InnoFsSection *s;
	size_t		off = sizeof(InnoFsHeader);
	int			i;

	if (capacity < sizeof(InnoFsHeader) || h->used > capacity || h->used < sizeof(InnoFsHeader))
		return false;
	s = inno_fs_first(h);
	for (i = 0; i < h->nsections; i++)
	{
		if (off + sizeof(InnoFsSection) + offsetof(InnoQSketch, bins) > h->used ||
			s->size < sizeof(InnoFsSection) + offsetof(InnoQSketch, bins) || s->size > h->used - off ||
			s->size % 8 != 0)	/* (every part is 8-byte aligned) */
			return false;
		if (s->flags & INNO_FS_DENSE)
		{
			InnoError	err;

			if (inno_qs_dense_check(Dense(s), Area(s), &err) != INNO_OK)
				return false;
		}
		else if (INNO_FS_SECTION_SIZE((size_t) inno_fs_sketch(s)->nneg + inno_fs_sketch(s)->npos) > s->size)
			return false;
		off += s->size;
		s = inno_fs_next(s);
	}
	return off == h->used;
}

size_t
inno_fs_stored_size(const InnoFsHeader *h)
{
	const InnoFsSection *s = inno_fs_first(h);
	size_t		size = sizeof(InnoFsHeader);
	int			i;

	for (i = 0; i < h->nsections; i++, s = inno_fs_next(s))
		size += INNO_FS_SECTION_SIZE(SketchBins(s));
	return size;
}

void
inno_fs_write_stored(const InnoFsHeader *h, InnoFsHeader *out)
{
	const InnoFsSection *s = inno_fs_first(h);
	char	   *o = (char *) inno_fs_first(out);
	int			i;

	*out = *h;
	for (i = 0; i < h->nsections; i++, s = inno_fs_next(s))
		o += inno_fs_copy_trimmed((InnoFsSection *) o, s);
	out->used = (uint32_t) (o - (char *) out);
}
