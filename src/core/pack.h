/*
 * pack.h
 *	  Byte-level helpers for the packed (stored) forms of the summaries:
 *	  little-endian fixed-width fields and LEB128 varints.  Writers write
 *	  into a buffer of a size bounded beforehand (INNO_VARINT_MAX bytes a
 *	  varint); readers check every byte they take.
 */
#ifndef INNO_PACK_H
#define INNO_PACK_H

#include <string.h>

#include "inno_core.h"

/* the most bytes a uint64 takes as a varint */
#define INNO_VARINT_MAX 10

typedef struct InnoPackOut
{
	uint8_t    *p;				/* next byte to write (room checked by the caller's bound) */
} InnoPackOut;

static inline void
inno_put_byte(InnoPackOut *o, uint8_t b)
{
	*o->p++ = b;
}

static inline void
inno_put_uvarint(InnoPackOut *o, uint64_t v)
{
	while (v >= 0x80)
	{
		inno_put_byte(o, (uint8_t) (v | 0x80));
		v >>= 7;
	}
	inno_put_byte(o, (uint8_t) v);
}

static inline uint64_t
inno_zigzag(int64_t v)
{
	return ((uint64_t) v << 1) ^ (uint64_t) (v >> 63);
}

static inline int64_t
inno_unzigzag(uint64_t u)
{
	return (int64_t) (u >> 1) ^ -(int64_t) (u & 1);
}

static inline void
inno_put_svarint(InnoPackOut *o, int64_t v)
{
	inno_put_uvarint(o, inno_zigzag(v));
}

/* the send/recv forms: `bytes` bytes of v at p, most significant first (network order) */
static inline void
inno_put_be(uint8_t *p, uint64_t v, int bytes)
{
	int			i;

	for (i = 0; i < bytes; i++)
		p[i] = (uint8_t) (v >> (8 * (bytes - 1 - i)));
}

static inline uint64_t
inno_get_be(const uint8_t *p, int bytes)
{
	uint64_t	v = 0;
	int			i;

	for (i = 0; i < bytes; i++)
		v = (v << 8) | p[i];
	return v;
}

static inline void
inno_put_le(InnoPackOut *o, uint64_t v, int bytes)
{
	int			i;

	for (i = 0; i < bytes; i++)
		inno_put_byte(o, (uint8_t) (v >> (8 * i)));
}

static inline void
inno_put_double(InnoPackOut *o, double d)
{
	uint64_t	u;

	memcpy(&u, &d, sizeof(u));
	inno_put_le(o, u, 8);
}

/* A reader over [p, end): every get fails (returns false) past the end. */
typedef struct InnoPackIn
{
	const uint8_t *p;
	const uint8_t *end;
} InnoPackIn;

static inline bool
inno_get_byte(InnoPackIn *in, uint8_t *b)
{
	if (in->p >= in->end)
		return false;
	*b = *in->p++;
	return true;
}

/* A varint in its shortest form only (so that the byte form is unique). */
static inline bool
inno_get_uvarint(InnoPackIn *in, uint64_t *v)
{
	uint64_t	r = 0;
	int			shift = 0;
	uint8_t		b;

	do
	{
		if (shift > 63 || !inno_get_byte(in, &b))
			return false;
		if (shift == 63 && (b & 0x7e) != 0)
			return false;		/* past 64 bits */
		r |= (uint64_t) (b & 0x7f) << shift;
		shift += 7;
	} while (b & 0x80);
	if (b == 0 && shift > 7)
		return false;			/* a needless trailing zero byte */
	*v = r;
	return true;
}

static inline bool
inno_get_svarint(InnoPackIn *in, int64_t *v)
{
	uint64_t	u;

	if (!inno_get_uvarint(in, &u))
		return false;
	*v = inno_unzigzag(u);
	return true;
}

static inline bool
inno_get_le(InnoPackIn *in, int bytes, uint64_t *v)
{
	int			i;

	if (in->end - in->p < bytes)
		return false;
	*v = 0;
	for (i = 0; i < bytes; i++)
		*v |= (uint64_t) in->p[i] << (8 * i);
	in->p += bytes;
	return true;
}

static inline bool
inno_get_double(InnoPackIn *in, double *d)
{
	uint64_t	u;

	if (!inno_get_le(in, 8, &u))
		return false;
	memcpy(d, &u, sizeof(*d));
	return true;
}

#endif							/* INNO_PACK_H */
