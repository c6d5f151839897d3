/*
 * funstats_pack.c
 *	  The packed form of funding_stats (how 0.2.0 stores it); the small
 *	  aggregation state is in funstats_list.c.
 *
 * The flat form gives every currency a section of fixed arrays (32 x 3
 * threshold bands, 64 kind slots) and a flat sketch: 2.6 kB for one round.
 * Packed, a value keeps only what is not zero: about 100 bytes for one
 * round.  Layout, after the version byte INNO_FS_PACKED_VERSION:
 *
 *	the number of sections (varint), then per section, in currency order:
 *	  currency, flags, rounds, disclosed, open (varints);
 *	  sum_low, sum_point, sum_high, min_point, max_point, each as the
 *	  difference from the one before (signed varints);
 *	  the non-zero band cells (cell = 3 t + basis): their number, then each
 *	  as the gap from the previous cell and its count (varints);
 *	  the kind slots with anything in them: their number, then each as the
 *	  gap from the previous slot, rounds, disclosed, sum_point (signed);
 *	  the packed sketch of point amounts, its length first (qsketch_pack.c).
 *
 * As for sketches, only the extension writes this form, from valid values:
 * the reader checks what keeps readers within the value (every byte it
 * takes, section sizes, currencies in order) and does not validate the
 * contents again.
 */
#include <string.h>

#include "funstats.h"
#include "pack.h"

#define NCELLS (INNO_FS_NTHRESHOLDS * 3)

#if NCELLS >= 0x80 || INNO_FS_KIND_SLOTS >= 0x80
#error "the packed form writes the number of cells and kind slots in one byte"
#endif

static bool
KindUsed(const InnoFsKind *k)
{
	return k->rounds != 0 || k->disclosed != 0 || k->sum_point != 0;
}

/* a - b and a + b, wrapping (the values are validated after unpacking) */
static int64_t
Diff(int64_t a, int64_t b)
{
	return (int64_t) ((uint64_t) a - (uint64_t) b);
}

static int64_t
Sum(int64_t a, int64_t b)
{
	return (int64_t) ((uint64_t) a + (uint64_t) b);
}

static void
PackSection(const InnoFsSection *s, InnoPackOut *o)
{
	const int64_t *cells = &s->band[0][0];
	int			n = 0,
				prev = -1,
				c;
	uint8_t    *count;
	size_t		qlen;

	inno_put_uvarint(o, s->currency);
	inno_put_uvarint(o, s->flags);
	inno_put_uvarint(o, (uint64_t) s->rounds);
	inno_put_uvarint(o, (uint64_t) s->disclosed);
	inno_put_uvarint(o, (uint64_t) s->open);
	/* each as its difference from the one before: one round's are all equal */
	inno_put_svarint(o, s->sum_low);
	inno_put_svarint(o, Diff(s->sum_point, s->sum_low));
	inno_put_svarint(o, Diff(s->sum_high, s->sum_point));
	inno_put_svarint(o, Diff(s->min_point, s->sum_high));
	inno_put_svarint(o, Diff(s->max_point, s->min_point));
	/* at most 96 cells and 64 slots: each count is one varint byte, written after */
	count = o->p++;
	for (c = 0; c < NCELLS; c++)
	{
		/* most thresholds have nothing on any basis: skip them whole */
		if (c % 3 == 0 && (cells[c] | cells[c + 1] | cells[c + 2]) == 0)
		{
			c += 2;
			continue;
		}
		if (cells[c] != 0)
		{
			inno_put_uvarint(o, (uint64_t) (c - prev - 1));
			inno_put_svarint(o, cells[c]);
			prev = c;
			n++;
		}
	}
	*count = (uint8_t) n;
	n = 0;
	prev = -1;
	count = o->p++;
	for (c = 0; c < INNO_FS_KIND_SLOTS; c++)
		if (KindUsed(&s->kinds[c]))
		{
			inno_put_uvarint(o, (uint64_t) (c - prev - 1));
			inno_put_svarint(o, s->kinds[c].rounds);
			inno_put_svarint(o, s->kinds[c].disclosed);
			inno_put_svarint(o, s->kinds[c].sum_point);
			prev = c;
			n++;
		}
	*count = (uint8_t) n;
	/* the sketch, its length first: one byte while it is short */
	{
		uint8_t		tmp[INNO_VARINT_MAX];
		InnoPackOut t = {tmp};

		/* written past room for its length, then moved up behind it */
		qlen = inno_qs_pack(inno_fs_sketch(s), o->p + INNO_VARINT_MAX);
		inno_put_uvarint(&t, qlen);
		memcpy(o->p, tmp, (size_t) (t.p - tmp));
		memmove(o->p + (t.p - tmp), o->p + INNO_VARINT_MAX, qlen);
		o->p += t.p - tmp;
	}
	o->p += qlen;
}

static void
Pack(const InnoFsHeader *h, InnoPackOut *o)
{
	const InnoFsSection *s = inno_fs_first(h);
	int			i;

	inno_put_byte(o, INNO_FS_PACKED_VERSION);
	inno_put_uvarint(o, h->nsections);
	for (i = 0; i < h->nsections; i++, s = inno_fs_next(s))
		PackSection(s, o);
}

size_t
inno_fs_pack_bound(const InnoFsHeader *h)
{
	const InnoFsSection *s = inno_fs_first(h);
	size_t		n = 1 + INNO_VARINT_MAX;
	int			i;

	for (i = 0; i < h->nsections; i++, s = inno_fs_next(s))
		n += (10 + 2 + NCELLS * 2 + 2 + INNO_FS_KIND_SLOTS * 4) * INNO_VARINT_MAX +
			inno_qs_pack_bound(inno_fs_sketch(s));
	return n;
}

size_t
inno_fs_pack(const InnoFsHeader *h, uint8_t *out)
{
	InnoPackOut o = {out};

	Pack(h, &o);
	return (size_t) (o.p - out);
}

static InnoStatus
Malformed(InnoError *err)
{
	inno_set_detail(err, "The packed funding_stats is truncated or malformed.");
	return INNO_ERR_CORRUPT;
}

static bool
GetCount(InnoPackIn *in, int64_t *v)
{
	uint64_t	u;

	if (!inno_get_uvarint(in, &u) || u > (uint64_t) INT64_MAX)
		return false;
	*v = (int64_t) u;
	return true;
}

/*
 * The fixed fields of the section at in (counts, sums, extremes) into t:
 * what the accessors of counts and totals need.
 */
static InnoStatus
UnpackHead(InnoPackIn *in, InnoFsSection *t, InnoError *err)
{
	uint64_t	currency,
				flags;

	if (!inno_get_uvarint(in, &currency) || currency > UINT16_MAX ||
		!inno_get_uvarint(in, &flags) || flags > UINT16_MAX ||
		!GetCount(in, &t->rounds) || !GetCount(in, &t->disclosed) || !GetCount(in, &t->open) ||
		!inno_get_svarint(in, &t->sum_low) || !inno_get_svarint(in, &t->sum_point) ||
		!inno_get_svarint(in, &t->sum_high) || !inno_get_svarint(in, &t->min_point) ||
		!inno_get_svarint(in, &t->max_point))
		return Malformed(err);
	t->sum_point = Sum(t->sum_point, t->sum_low);
	t->sum_high = Sum(t->sum_high, t->sum_point);
	t->min_point = Sum(t->min_point, t->sum_high);
	t->max_point = Sum(t->max_point, t->min_point);
	t->currency = (uint16_t) currency;
	t->flags = (uint16_t) flags;
	return INNO_OK;
}

/*
 * The rest of a section after its head: the band cells and kind slots into
 * s, or only read past when s is NULL; then the sketch, unpacked into s's
 * when s is given, read for its size (the section's flat size, into *size)
 * when size is given, and otherwise skipped unread.
 */
static InnoStatus
UnpackRest(InnoPackIn *in, InnoFsSection *s, size_t *size, InnoError *err)
{
	uint64_t	n,
				gap,
				qlen;
	int64_t    *cells = s ? &s->band[0][0] : NULL;
	int64_t		dummy;
	int			c = -1;
	uint32_t	nbins = 0;
	InnoStatus	st;

	if (!inno_get_uvarint(in, &n) || n > NCELLS)
		return Malformed(err);
	while (n-- > 0)
	{
		if (!inno_get_uvarint(in, &gap) || gap >= (uint64_t) (NCELLS - 1 - c) ||
			!inno_get_svarint(in, cells ? &cells[c + 1 + (int) gap] : &dummy))
			return Malformed(err);
		c += 1 + (int) gap;
	}
	c = -1;
	if (!inno_get_uvarint(in, &n) || n > INNO_FS_KIND_SLOTS)
		return Malformed(err);
	while (n-- > 0)
	{
		InnoFsKind	skip;
		InnoFsKind *k;

		if (!inno_get_uvarint(in, &gap) || gap >= (uint64_t) (INNO_FS_KIND_SLOTS - 1 - c))
			return Malformed(err);
		c += 1 + (int) gap;
		k = s ? &s->kinds[c] : &skip;
		if (!inno_get_svarint(in, &k->rounds) || !inno_get_svarint(in, &k->disclosed) ||
			!inno_get_svarint(in, &k->sum_point))
			return Malformed(err);
	}
	if (!inno_get_uvarint(in, &qlen) || qlen > (uint64_t) (in->end - in->p))
		return Malformed(err);
	if (size == NULL)
	{
		in->p += qlen;
		return INNO_OK;
	}
	if ((st = inno_qs_unpack(in->p, (size_t) qlen, NULL, &nbins, err)) != INNO_OK)
		return st;
	if (s && (st = inno_qs_unpack(in->p, (size_t) qlen, inno_fs_sketch(s), &nbins, err)) != INNO_OK)
		return st;
	in->p += qlen;
	*size = INNO_FS_SECTION_SIZE(nbins);
	if (s)
		s->size = (uint32_t) *size;
	return INNO_OK;
}

/*
 * One section at in, into s (its flat size into *size); s NULL: only its
 * flat size (sizing reads the cells and kinds without storing them: no
 * 2.6 kB to clear).
 */
static InnoStatus
UnpackSection(InnoPackIn *in, InnoFsSection *s, size_t *size, InnoError *err)
{
	InnoFsSection head;
	InnoStatus	st;

	if (s)
		memset(s, 0, sizeof(InnoFsSection));
	if ((st = UnpackHead(in, s ? s : &head, err)) != INNO_OK)
		return st;
	return UnpackRest(in, s, size, err);
}

InnoStatus
inno_fs_unpack(const uint8_t *buf, size_t len, InnoFsHeader *out, size_t *size, InnoError *err)
{
	InnoPackIn	in = {buf, buf + len};
	uint8_t		version;
	uint64_t	nsections;
	size_t		total = sizeof(InnoFsHeader);
	char	   *o = NULL;
	uint64_t	i;
	int			prev = -1;
	InnoStatus	st;

	inno_error_clear(err);
	if (!inno_get_byte(&in, &version) || version != INNO_FS_PACKED_VERSION)
	{
		inno_set_detail(err, "Unknown packed funding_stats format.");
		return INNO_ERR_CORRUPT;
	}
	if (!inno_get_uvarint(&in, &nsections) || nsections > UINT8_MAX)
		return Malformed(err);
	if (out)
	{
		if (*size < sizeof(InnoFsHeader))
			return Malformed(err);
		inno_fs_init(out);
		out->nsections = (uint8_t) nsections;
		o = (char *) inno_fs_first(out);
	}
	for (i = 0; i < nsections; i++)
	{
		size_t		ssize = 0;
		InnoPackIn	probe = in;

		/* learn the section's size before writing it, so that it fits */
		if ((st = UnpackSection(&probe, NULL, &ssize, err)) != INNO_OK)
			return st;
		if (out)
		{
			if (total + ssize > *size)
				return Malformed(err);
			if ((st = UnpackSection(&in, (InnoFsSection *) o, &ssize, err)) != INNO_OK)
				return st;
			if ((int) ((InnoFsSection *) o)->currency <= prev)
				return Malformed(err);
			prev = ((InnoFsSection *) o)->currency;
			o += ssize;
		}
		else
			in = probe;
		total += ssize;
		if (total > UINT32_MAX)
			return Malformed(err);
	}
	if (in.p != in.end)
		return Malformed(err);
	if (out == NULL)
	{
		*size = total;
		return INNO_OK;
	}
	out->used = (uint32_t) total;
	return INNO_OK;
}

InnoStatus
inno_fs_packed_head(const uint8_t *buf, size_t len, uint16_t currency, InnoFsSection *head, bool *found,
					InnoError *err)
{
	InnoPackIn	in = {buf, buf + len};
	uint8_t		version;
	uint64_t	nsections,
				i;
	InnoStatus	st;

	inno_error_clear(err);
	*found = false;
	if (!inno_get_byte(&in, &version) || version != INNO_FS_PACKED_VERSION ||
		!inno_get_uvarint(&in, &nsections) || nsections > UINT8_MAX)
		return Malformed(err);
	for (i = 0; i < nsections; i++)
	{
		/* the wanted section is read no further than its head; those before it are read past */
		if ((st = UnpackHead(&in, head, err)) != INNO_OK)
			return st;
		if (head->currency == currency)
		{
			*found = true;
			return INNO_OK;
		}
		if (head->currency > currency)
			return INNO_OK;
		if ((st = UnpackRest(&in, NULL, NULL, err)) != INNO_OK)
			return st;
	}
	return INNO_OK;
}
