/*
 * frleaf.c
 *	  The stored keys of gist_funding_round_ops: a leaf keeps its round
 *	  whole, in few bytes, and an inner key keeps the 16-byte InnoFrKey box.
 *
 * A leaf that keeps the round decides every window exactly (no heap row is
 * rechecked) and gives the round back to an index-only scan (the fetch
 * support function), in about the room the box took.  Layout of a key's
 * bytes (the varlena's data):
 *
 *	inner:	INNO_FRKEY_INNER_TAG, then the InnoFrKey as it is in memory;
 *	raw:	INNO_FRKEY_RAW_TAG, then the InnoFundingRound as it is in memory
 *			(for a round the compact form does not give back bytewise, or
 *			would hold in more bytes);
 *	compact: the round's flags (never a tag: their version bits are set),
 *			kind, currency (varint: its slot in the key's currency list, or
 *			12 + its code), the day when dated (signed varint, from
 *			DAY_ORIGIN), and when an amount is disclosed: a byte of a power
 *			of ten e that divides every bound and of which bounds equal the
 *			point, then point / 10^e, and unless equal to it (point - low) /
 *			10^e and (high - point) / 10^e (varints; none when open above).
 *
 * A round of one amount in round figures, announced on a day of these
 * years, takes 8 or 9 bytes, so that with the varlena's one-byte header its
 * index tuple is the 24 bytes (the least any tuple takes) that the box's
 * was.  Indexes are not portable across machines, so the inner and raw
 * forms keep native byte order.
 */
#include <string.h>

#include "frkey.h"
#include "pack.h"

static const int64_t powers10[] = {
	INT64_C(1), INT64_C(10), INT64_C(100), INT64_C(1000), INT64_C(10000), INT64_C(100000),
	INT64_C(1000000), INT64_C(10000000), INT64_C(100000000), INT64_C(1000000000),
	INT64_C(10000000000), INT64_C(100000000000), INT64_C(1000000000000),
	INT64_C(10000000000000), INT64_C(100000000000000), INT64_C(1000000000000000),
	INT64_C(10000000000000000), INT64_C(100000000000000000), INT64_C(1000000000000000000),
};

#define MAX_EXPONENT ((int) (sizeof(powers10) / sizeof(powers10[0])) - 1)

/*
 * Days are written from 2022-06-06 (day 8192 of PostgreSQL's epoch), so that
 * those of 2000 to 2044 take two bytes.
 */
#define DAY_ORIGIN 8192

/* the largest e with 10^e dividing every bound the form keeps (0 for all zero) */
static int
Exponent(const InnoFundingRound *fr)
{
	bool		open = (fr->flags & INNO_FR_OPEN) != 0;
	int			e = 0;

	while (e < MAX_EXPONENT &&
		   fr->low % powers10[e + 1] == 0 && fr->point % powers10[e + 1] == 0 &&
		   (open || fr->high % powers10[e + 1] == 0) &&
		   (fr->low | fr->point | (open ? 0 : fr->high)) != 0)
		e++;
	return e;
}

/* the amount byte: the exponent, and which bounds equal the point (not written) */
#define AMOUNT_EXPONENT_MASK	0x1f
#define AMOUNT_LOW_IS_POINT		0x20
#define AMOUNT_HIGH_IS_POINT	0x40

static size_t
Compact(const InnoFundingRound *fr, uint8_t *out)
{
	InnoPackOut o = {out};
	int			slot = inno_frkey_currency_slot(fr->currency);

	inno_put_byte(&o, fr->flags);
	inno_put_byte(&o, fr->kind);
	inno_put_uvarint(&o, slot >= 0 ? (uint64_t) slot : INNO_FRKEY_CURRENCY_SLOTS + (uint64_t) fr->currency);
	if ((fr->flags & INNO_FR_DATE_MASK) != INNO_FR_DATE_NONE)
		inno_put_svarint(&o, (int64_t) fr->announced - DAY_ORIGIN);
	if (fr->flags & INNO_FR_DISCLOSED)
	{
		int			e = Exponent(fr);
		uint64_t	p = (uint64_t) powers10[e];
		bool		high_is_point = !(fr->flags & INNO_FR_OPEN) && fr->high == fr->point;
		uint8_t		b = (uint8_t) e;

		if (fr->low == fr->point)
			b |= AMOUNT_LOW_IS_POINT;
		if (high_is_point)
			b |= AMOUNT_HIGH_IS_POINT;
		inno_put_byte(&o, b);
		/* a valid round has 0 <= low <= point <= high */
		inno_put_uvarint(&o, (uint64_t) fr->point / p);
		if (fr->low != fr->point)
			inno_put_uvarint(&o, ((uint64_t) fr->point - (uint64_t) fr->low) / p);
		if (!(fr->flags & INNO_FR_OPEN) && !high_is_point)
			inno_put_uvarint(&o, ((uint64_t) fr->high - (uint64_t) fr->point) / p);
	}
	return (size_t) (o.p - out);
}

/* m * 10^e as a non-negative int64, false past INT64_MAX */
static bool
Scaled(uint64_t m, int e, int64_t *v)
{
	if (m > (uint64_t) (INT64_MAX / powers10[e]))
		return false;
	*v = (int64_t) m * powers10[e];
	return true;
}

static bool
ReadAmounts(InnoPackIn *in, InnoFundingRound *fr)
{
	uint8_t		b;
	int			e;
	uint64_t	m;
	int64_t		d = 0;

	if (!inno_get_byte(in, &b) || (b & ~(AMOUNT_EXPONENT_MASK | AMOUNT_LOW_IS_POINT | AMOUNT_HIGH_IS_POINT)) ||
		(e = b & AMOUNT_EXPONENT_MASK) > MAX_EXPONENT ||
		!inno_get_uvarint(in, &m) || !Scaled(m, e, &fr->point))
		return false;
	if (!(b & AMOUNT_LOW_IS_POINT) &&
		(!inno_get_uvarint(in, &m) || !Scaled(m, e, &d) || d > fr->point))
		return false;
	fr->low = fr->point - d;
	if (fr->flags & INNO_FR_OPEN)
	{
		fr->high = INNO_FR_OPEN_HIGH;
		return !(b & AMOUNT_HIGH_IS_POINT);
	}
	d = 0;
	if (!(b & AMOUNT_HIGH_IS_POINT) &&
		(!inno_get_uvarint(in, &m) || !Scaled(m, e, &d) || d > INT64_MAX - fr->point))
		return false;
	fr->high = fr->point + d;
	return true;
}

static bool
ReadCompact(const uint8_t *buf, size_t len, InnoFundingRound *fr)
{
	InnoPackIn	in = {buf, buf + len};
	uint64_t	currency;
	int64_t		day;

	memset(fr, 0, sizeof(*fr));
	if (!inno_get_byte(&in, &fr->flags) || (fr->flags & INNO_FR_VERSION_MASK) == 0 ||
		!inno_get_byte(&in, &fr->kind) ||
		!inno_get_uvarint(&in, &currency) || currency > INNO_FRKEY_CURRENCY_SLOTS + (uint64_t) UINT16_MAX)
		return false;
	fr->currency = currency < INNO_FRKEY_CURRENCY_SLOTS ? inno_frkey_slot_currency((int) currency)
		: (uint16_t) (currency - INNO_FRKEY_CURRENCY_SLOTS);
	if ((fr->flags & INNO_FR_DATE_MASK) != INNO_FR_DATE_NONE)
	{
		if (!inno_get_svarint(&in, &day) || day < (int64_t) INT32_MIN - DAY_ORIGIN ||
			day > (int64_t) INT32_MAX - DAY_ORIGIN)
			return false;
		fr->announced = (int32_t) (day + DAY_ORIGIN);
	}
	if ((fr->flags & INNO_FR_DISCLOSED) && !ReadAmounts(&in, fr))
		return false;
	return in.p == in.end;
}

size_t
inno_frkey_write_leaf(const InnoFundingRound *fr, uint8_t *out)
{
	InnoFundingRound back;
	size_t		n;

	if ((fr->flags & INNO_FR_VERSION_MASK) != 0 && fr->low >= 0 && fr->low <= fr->point &&
		fr->point <= fr->high)
	{
		n = Compact(fr, out);
		if (n <= 1 + sizeof(*fr) && ReadCompact(out, n, &back) && memcmp(&back, fr, sizeof(back)) == 0)
			return n;
	}
	out[0] = INNO_FRKEY_RAW_TAG;
	memcpy(out + 1, fr, sizeof(*fr));
	return 1 + sizeof(*fr);
}

size_t
inno_frkey_write_inner(const InnoFrKey *key, uint8_t *out)
{
	out[0] = INNO_FRKEY_INNER_TAG;
	memcpy(out + 1, key, sizeof(*key));
	return 1 + sizeof(*key);
}

InnoFrKeyForm
inno_frkey_read(const uint8_t *buf, size_t len, InnoFrKey *box, InnoFundingRound *fr)
{
	if (len == 0)
		return INNO_FRKEY_BAD;
	if (buf[0] == INNO_FRKEY_INNER_TAG)
	{
		if (len != 1 + sizeof(*box))
			return INNO_FRKEY_BAD;
		memcpy(box, buf + 1, sizeof(*box));
		return INNO_FRKEY_INNER;
	}
	if (buf[0] == INNO_FRKEY_RAW_TAG)
	{
		if (len != 1 + sizeof(*fr))
			return INNO_FRKEY_BAD;
		memcpy(fr, buf + 1, sizeof(*fr));
		return INNO_FRKEY_LEAF;
	}
	return ReadCompact(buf, len, fr) ? INNO_FRKEY_LEAF : INNO_FRKEY_BAD;
}
