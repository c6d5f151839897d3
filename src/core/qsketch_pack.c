/*
 * qsketch_pack.c
 *	  The packed form of a quantile sketch (how 0.2.0 stores it) and the
 *	  small aggregation state that holds the first few values as given.
 *
 * Packed, a sketch takes bytes in proportion to what it holds: a sketch of
 * one value is about 45 bytes where the flat form (what the arithmetic
 * works on, and what 0.1.0 stored) is over 600, most of them the exact
 * sum's 68 limbs.  Layout, after the version byte 2:
 *
 *	accuracy, flags (a byte each); max_bins, count, zeros (varints);
 *	min and max (8 bytes each, little-endian IEEE 754; absent when count = 0);
 *	the exact sum: its sign limb (signed varint), the first non-zero digit's
 *	position and the number of digits up to the last non-zero one (varints),
 *	those 32-bit digits (4 bytes each);
 *	nneg, npos (varints); each bucket as the signed difference of its index
 *	from the one before (the first from 0) and its count (varints).
 *
 * Only the extension writes this form (a client sends the binary or text
 * form, which are validated), from a flat sketch that is valid: the reader
 * checks what it needs to stay within the value and to give the arithmetic
 * sound parameters (every byte it takes, the accuracy, max_bins and bucket
 * counts per sign), and does not validate the contents again.
 */
#include <math.h>
#include <string.h>

#include "pack.h"
#include "qsketch.h"

#define TOP (INNO_XSUM_LIMBS - 1)

static void
Pack(const InnoQSketch *s, InnoPackOut *o)
{
	int			lo = 0,
				hi = -1,
				j;
	uint32_t	i;
	int64_t		prev = 0;
	InnoExactSum normal;
	const InnoExactSum *sum = &s->sum;

	if (s->sum.pending != 0)
	{
		/* an aggregation state's sum: its canonical digits */
		normal = s->sum;
		inno_xsum_normalize(&normal);
		sum = &normal;
	}

	inno_put_byte(o, INNO_QS_PACKED_VERSION);
	inno_put_byte(o, s->accuracy);
	inno_put_byte(o, s->flags);
	inno_put_uvarint(o, s->max_bins);
	inno_put_uvarint(o, s->count);
	inno_put_uvarint(o, s->zeros);
	if (s->count > 0)
	{
		inno_put_double(o, s->min);
		inno_put_double(o, s->max);
	}
	inno_put_svarint(o, sum->limb[TOP]);
	for (j = 0; j < TOP; j++)
		if (sum->limb[j] != 0)
		{
			if (hi < 0)
				lo = j;
			hi = j;
		}
	inno_put_uvarint(o, (uint64_t) lo);
	inno_put_uvarint(o, (uint64_t) (hi - lo + 1));
	for (j = lo; j <= hi; j++)
		inno_put_le(o, (uint64_t) sum->limb[j], 4);
	inno_put_uvarint(o, s->nneg);
	inno_put_uvarint(o, s->npos);
	for (i = 0; i < inno_qs_nbins(s); i++)
	{
		inno_put_svarint(o, (int64_t) s->bins[i].index - prev);
		inno_put_uvarint(o, s->bins[i].count);
		prev = s->bins[i].index;
	}
}

size_t
inno_qs_pack_bound(const InnoQSketch *s)
{
	/* 3 bytes, 3 varints, 2 doubles, the sum's 3 varints and 66 digits, 2 varints, the buckets */
	return 3 + 3 * INNO_VARINT_MAX + 16 + 3 * INNO_VARINT_MAX + 4 * (INNO_XSUM_LIMBS - 1) +
		2 * INNO_VARINT_MAX + (size_t) inno_qs_nbins(s) * 2 * INNO_VARINT_MAX;
}

size_t
inno_qs_pack(const InnoQSketch *s, uint8_t *out)
{
	InnoPackOut o = {out};

	Pack(s, &o);
	return (size_t) (o.p - out);
}

static InnoStatus
Truncated(InnoError *err)
{
	inno_set_detail(err, "The packed sketch is truncated or malformed.");
	return INNO_ERR_CORRUPT;
}

InnoStatus
inno_qs_unpack(const uint8_t *buf, size_t len, InnoQSketch *out, uint32_t *nbins, InnoError *err)
{
	InnoPackIn	in = {buf, buf + len};
	uint8_t		version,
				accuracy,
				flags;
	uint64_t	max_bins,
				count,
				zeros,
				lo,
				ndigits,
				nneg,
				npos,
				u;
	int64_t		top,
				index = 0;
	double		min = 0,
				max = 0;
	const uint8_t *digits;
	uint32_t	i;

	inno_error_clear(err);
	if (!inno_get_byte(&in, &version) || version != INNO_QS_PACKED_VERSION)
	{
		inno_set_detail(err, "Unknown packed sketch format.");
		return INNO_ERR_CORRUPT;
	}
	if (!inno_get_byte(&in, &accuracy) || !inno_get_byte(&in, &flags) ||
		!inno_get_uvarint(&in, &max_bins) || !inno_get_uvarint(&in, &count) ||
		!inno_get_uvarint(&in, &zeros) ||
		(count > 0 && (!inno_get_double(&in, &min) || !inno_get_double(&in, &max))) ||
		!inno_get_svarint(&in, &top) || !inno_get_uvarint(&in, &lo) ||
		!inno_get_uvarint(&in, &ndigits) || lo > TOP || ndigits > (uint64_t) TOP - lo ||
		(size_t) (in.end - in.p) < ndigits * 4)
		return Truncated(err);
	digits = in.p;
	in.p += ndigits * 4;
	if (!inno_get_uvarint(&in, &nneg) || !inno_get_uvarint(&in, &npos) ||
		max_bins < INNO_QS_MIN_MAX_BINS || max_bins > INNO_QS_MAX_MAX_BINS ||
		nneg > max_bins || npos > max_bins || inno_qs_accuracy_value(accuracy) == 0.0 ||
		(flags & ~(INNO_QS_COLLAPSED_POS | INNO_QS_COLLAPSED_NEG)) != 0)
		return Truncated(err);
	*nbins = (uint32_t) (nneg + npos);
	if (out == NULL)
		return INNO_OK;

	memset(out, 0, INNO_QS_SIZE(*nbins));
	out->version = INNO_QS_VERSION;
	out->accuracy = accuracy;
	out->flags = flags;
	out->max_bins = (uint16_t) max_bins;
	out->nneg = (uint32_t) nneg;
	out->npos = (uint32_t) npos;
	out->count = count;
	out->zeros = zeros;
	out->min = min;
	out->max = max;
	out->sum.limb[TOP] = top;
	for (u = 0; u < ndigits; u++)
		out->sum.limb[lo + u] = (int64_t) ((uint64_t) digits[4 * u] | (uint64_t) digits[4 * u + 1] << 8 |
										   (uint64_t) digits[4 * u + 2] << 16 | (uint64_t) digits[4 * u + 3] << 24);
	for (i = 0; i < *nbins; i++)
	{
		int64_t		delta;

		if (!inno_get_svarint(&in, &delta) || !inno_get_uvarint(&in, &u) ||
			delta > INT32_MAX || delta < INT32_MIN ||
			index + delta > INT32_MAX || index + delta < INT32_MIN)
			return Truncated(err);
		index += delta;
		out->bins[i].index = (int32_t) index;
		out->bins[i].count = u;
	}
	if (in.p != in.end)
		return Truncated(err);
	return INNO_OK;
}

/* ---- the small state ---- */

void
inno_qs_list_init(InnoQsList *l, int accuracy_code, int max_bins)
{
	memset(l, 0, sizeof(*l));
	l->version = INNO_QS_LIST_VERSION;
	l->accuracy = (uint8_t) accuracy_code;
	l->max_bins = (uint16_t) max_bins;
}

InnoStatus
inno_qs_list_to_sketch(const InnoQsList *l, InnoQSketch *s, uint32_t capacity, InnoError *err)
{
	InnoStatus	st = inno_qs_init(s, l->accuracy, l->max_bins, err);
	int			i;

	for (i = 0; st == INNO_OK && i < l->n; i++)
		st = inno_qs_add(s, capacity, l->values[i]);
	return st;
}

bool
inno_qs_list_valid(const InnoQsList *l)
{
	int			i;

	if (l->version != INNO_QS_LIST_VERSION || l->n > INNO_QS_LIST_MAX || l->pad != 0 || l->pad2 != 0 ||
		inno_qs_accuracy_value(l->accuracy) == 0.0 ||
		l->max_bins < INNO_QS_MIN_MAX_BINS)
		return false;
	for (i = 0; i < l->n; i++)
		if (isnan(l->values[i]) || isinf(l->values[i]))
			return false;
	return true;
}
