/*
 * desigset.c
 *	  designation_set: one firm's honours as fixed-size year masks -- the
 *	  slots, adding and uniting, the checks and the binary form.  The text
 *	  form is in desigset_io.c.
 */
#include "desigset.h"
#include "pack.h"

#include <stdio.h>
#include <string.h>

/* ---- slots ---- */

static int	slot_of[INNO_SCHEME_COUNT + 1][INNO_LEVEL_COUNT + 1];
static uint8_t slot_scheme[INNO_DSET_SLOTS + 8],
			slot_level[INNO_DSET_SLOTS + 8];
static int	scheme_first[INNO_SCHEME_COUNT + 1],
			scheme_nslots[INNO_SCHEME_COUNT + 1];
static int	nslots = -1;

static void
BuildSlots(void)
{
	unsigned	s,
				l;

	nslots = 0;
	for (s = 1; s <= INNO_SCHEME_COUNT; s++)
	{
		const InnoSchemeInfo *info = inno_scheme_by_code(s);

		scheme_first[s] = nslots;
		for (l = 0; l <= INNO_LEVEL_COUNT; l++)
		{
			bool		issued = l == 0 ? info->default_level == 0 : (info->levels & INNO_LEVEL_BIT(l)) != 0;

			slot_of[s][l] = -1;
			if (!issued || nslots >= INNO_DSET_SLOTS + 8)
				continue;
			slot_scheme[nslots] = (uint8_t) s;
			slot_level[nslots] = (uint8_t) l;
			slot_of[s][l] = nslots++;
		}
		scheme_nslots[s] = (nslots < INNO_DSET_SLOTS ? nslots : INNO_DSET_SLOTS) - scheme_first[s];
		if (scheme_nslots[s] < 0)
			scheme_nslots[s] = 0;
	}
}

int
inno_dset_scheme_slots(unsigned scheme, int *first)
{
	if (nslots < 0)
		BuildSlots();
	if (scheme < 1 || scheme > INNO_SCHEME_COUNT)
	{
		*first = 0;
		return 0;
	}
	*first = scheme_first[scheme];
	return scheme_nslots[scheme];
}

int
inno_dset_slot_count(void)
{
	if (nslots < 0)
		BuildSlots();
	return nslots;
}

int
inno_dset_slot(unsigned scheme, unsigned level)
{
	if (nslots < 0)
		BuildSlots();
	if (scheme < 1 || scheme > INNO_SCHEME_COUNT || level > INNO_LEVEL_COUNT)
		return -1;
	return slot_of[scheme][level] < INNO_DSET_SLOTS ? slot_of[scheme][level] : -1;
}

void
inno_dset_slot_parts(int slot, unsigned *scheme, unsigned *level)
{
	if (nslots < 0)
		BuildSlots();
	*scheme = slot_scheme[slot];
	*level = slot_level[slot];
}

/* ---- the set ---- */

void
inno_dset_init(InnoDesigSet *s)
{
	memset(s, 0, sizeof(*s));
}

bool
inno_dset_empty(const InnoDesigSet *s)
{
	return s->base == 0 && s->undated == 0 && s->unknown_valid == 0;
}

static uint64_t
Bits(const InnoDesigSet *s)
{
	uint64_t	all = 0;
	int			i;

	for (i = 0; i < INNO_DSET_SLOTS; i++)
		all |= s->listed[i];
	for (i = 0; i < INNO_SCHEME_COUNT; i++)
		all |= s->valid[i];
	return all;
}

InnoStatus
inno_dset_too_wide(InnoError *err, unsigned from, unsigned to)
{
	inno_set_detail(err, "A designation_set spans at most %d years; this one would run from %u to %u.",
					INNO_DSET_SPAN, from, to);
	return INNO_ERR_RANGE;
}

/*
 * Make room for years [from, to] (from <= to): move the base down if needed.
 * The set is left as it was when the years do not fit.
 */
static InnoStatus
Ensure(InnoDesigSet *s, unsigned from, unsigned to, InnoError *err)
{
	unsigned	lo,
				hi,
				shift;
	int			i;

	if (s->base == 0)
	{
		if (to - from >= INNO_DSET_SPAN)
			return inno_dset_too_wide(err, from, to);
		s->base = (uint16_t) from;
		return INNO_OK;
	}
	lo = from < s->base ? from : s->base;
	hi = s->base + (unsigned) (63 - __builtin_clzll(Bits(s)));
	hi = to > hi ? to : hi;
	if (hi - lo >= INNO_DSET_SPAN)
		return inno_dset_too_wide(err, lo, hi);
	if (lo < s->base)
	{
		shift = s->base - lo;
		for (i = 0; i < INNO_DSET_SLOTS; i++)
			s->listed[i] <<= shift;
		for (i = 0; i < INNO_SCHEME_COUNT; i++)
			s->valid[i] <<= shift;
		s->base = (uint16_t) lo;
	}
	return INNO_OK;
}

uint64_t
inno_dset_run(unsigned from, unsigned to)
{
	uint64_t	width = (uint64_t) (to - from + 1);

	return (width >= 64 ? ~UINT64_C(0) : ((UINT64_C(1) << width) - 1)) << from;
}

InnoStatus
inno_dset_add(InnoDesigSet *s, InnoDesignation d, InnoError *err)
{
	unsigned	scheme = inno_desig_scheme(d),
				y = inno_desig_year(d),
				until = inno_desig_valid_until(d);
	int			slot = inno_dset_slot(scheme, inno_desig_level(d));
	InnoStatus	st;

	if (slot < 0)
	{
		inno_set_detail(err, "Level code %u is not a level of scheme code %u.", inno_desig_level(d), scheme);
		return INNO_ERR_CORRUPT;
	}
	if (y == 0)
	{
		s->undated |= UINT64_C(1) << slot;
		s->unknown_valid |= (uint16_t) (1u << (scheme - 1));
		return INNO_OK;
	}
	if ((st = Ensure(s, y, until ? until : y, err)) != INNO_OK)
		return st;
	s->listed[slot] |= UINT64_C(1) << (y - s->base);
	if (until)
		s->valid[scheme - 1] |= inno_dset_run(y - s->base, until - s->base);
	else
		s->unknown_valid |= (uint16_t) (1u << (scheme - 1));
	return INNO_OK;
}

InnoStatus
inno_dset_union(InnoDesigSet *s, const InnoDesigSet *t, InnoError *err)
{
	int			i;

	if (t->base != 0)
	{
		unsigned	top = t->base + (unsigned) (63 - __builtin_clzll(Bits(t)));
		unsigned	shift;
		InnoStatus	st = Ensure(s, t->base, top, err);

		if (st != INNO_OK)
			return st;
		shift = t->base - s->base;
		for (i = 0; i < INNO_DSET_SLOTS; i++)
			s->listed[i] |= t->listed[i] << shift;
		for (i = 0; i < INNO_SCHEME_COUNT; i++)
			s->valid[i] |= t->valid[i] << shift;
	}
	s->undated |= t->undated;
	s->unknown_valid |= t->unknown_valid;
	return INNO_OK;
}

bool
inno_dset_listed(const InnoDesigSet *s, int slot, unsigned y)
{
	if (y == 0)
		return (s->undated >> slot) & 1;
	return s->base != 0 && y >= s->base && y - s->base < INNO_DSET_SPAN &&
		((s->listed[slot] >> (y - s->base)) & 1);
}

bool
inno_dset_holds(const InnoDesigSet *s, InnoDesignation pattern)
{
	unsigned	scheme = inno_desig_scheme(pattern),
				level = inno_desig_level(pattern),
				y = inno_desig_year(pattern),
				l;

	for (l = 0; l <= INNO_LEVEL_COUNT; l++)
	{
		int			slot = inno_dset_slot(scheme, l);

		if (slot < 0 || (level != 0 && l != level))
			continue;
		if (y == 0 ? (s->listed[slot] != 0 || ((s->undated >> slot) & 1)) : inno_dset_listed(s, slot, y))
			return true;
	}
	return false;
}

bool
inno_dset_holds_scheme(const InnoDesigSet *s, unsigned scheme)
{
	return inno_dset_holds(s, inno_desig_make(scheme, 0, 0, 0, 0, 0));
}

/* The list years of a scheme at any level, and whether it is held with no list year. */
static uint64_t
SchemeListed(const InnoDesigSet *s, unsigned scheme, bool *undated)
{
	uint64_t	listed = 0;
	int			first,
				n = inno_dset_scheme_slots(scheme, &first),
				k;

	for (k = first; k < first + n; k++)
		listed |= s->listed[k];
	*undated = ((s->undated >> first) & ((UINT64_C(1) << n) - 1)) != 0;
	return listed;
}

int
inno_dset_valid_in(const InnoDesigSet *s, unsigned scheme, int y)
{
	uint64_t	listed;
	bool		undated;

	if (s->base != 0 && y >= s->base && y - s->base < INNO_DSET_SPAN &&
		((s->valid[scheme - 1] >> (y - s->base)) & 1))
		return 1;
	if (!((s->unknown_valid >> (scheme - 1)) & 1))
		return 0;
	/*
	 * A validity starts in its list year: before the scheme's first list
	 * year only a designation with no list year could be valid.
	 */
	listed = SchemeListed(s, scheme, &undated);
	if (!undated && (listed == 0 || y < (int) (s->base + (unsigned) __builtin_ctzll(listed))))
		return 0;
	return -1;
}

/*
 * The years a validity from one of the list years can reach: 0 to
 * INNO_DESIG_TERM_MAX - 1 years on (the doubling below assumes 16 < TERM_MAX <= 32).
 */
#if INNO_DESIG_TERM_MAX <= 16 || INNO_DESIG_TERM_MAX > 32
#error "Reach() spreads list years over 17 to 32 years"
#endif
static uint64_t
Reach(uint64_t listed)
{
	uint64_t	r = listed | listed << 1;

	r |= r << 2;
	r |= r << 4;
	r |= r << 8;				/* up to 15 years on */
	return r | r << (INNO_DESIG_TERM_MAX - 16);	/* up to 29 */
}

/* What inno_dset_add and inno_dset_union make, checked (desigset.h lists it). */
InnoStatus
inno_dset_check(const InnoDesigSet *s, InnoError *err)
{
	uint64_t	all = Bits(s);
	unsigned	i;

	if (s->reserved != 0 || (s->undated >> INNO_DSET_SLOTS) != 0 || (s->unknown_valid >> INNO_SCHEME_COUNT) != 0)
		inno_set_detail(err, "Reserved bits are set.");
	else if ((s->base == 0) != (all == 0))
		inno_set_detail(err, "The base year %u does not agree with the years held.", s->base);
	else if (s->base != 0 && (s->base < INNO_DESIG_YEAR_MIN || !(all & 1) ||
							  s->base + (unsigned) (63 - __builtin_clzll(all)) > INNO_DESIG_YEAR_MAX))
		inno_set_detail(err, "The base year %u is not the first year held, or years are out of range.", s->base);
	else
	{
		for (i = 1; i <= INNO_SCHEME_COUNT; i++)
		{
			bool		undated;
			uint64_t	listed = SchemeListed(s, i, &undated),
						valid = s->valid[i - 1];
			bool		unknown = (s->unknown_valid >> (i - 1)) & 1;
			const char *label = inno_scheme_by_code(i)->label;

			if (valid & ~(valid << 1) & ~listed)
				inno_set_detail(err, "A validity of scheme %s starts in a year it is not listed in.", label);
			else if (valid & ~Reach(listed))
				inno_set_detail(err, "Scheme %s is valid in a year more than %d years after its list years.",
								label, INNO_DESIG_TERM_MAX - 1);
			else if (!unknown && (undated || (listed & ~valid)))
				inno_set_detail(err, "Scheme %s is held %s, but its validity is not marked unknown.", label,
								undated ? "with no list year" : "in a list year with no validity");
			else if (unknown && !undated && listed == 0)
				inno_set_detail(err, "Scheme %s has a validity marked unknown but is not held.", label);
			else
				continue;
			return INNO_ERR_CORRUPT;
		}
		return INNO_OK;
	}
	return INNO_ERR_CORRUPT;
}

/* ---- binary ---- */

/* a field of the binary form, most significant byte first, advancing p */
static uint8_t *
Put(uint8_t *p, uint64_t v, int bytes)
{
	inno_put_be(p, v, bytes);
	return p + bytes;
}

static const uint8_t *
Get(const uint8_t *p, uint64_t *v, int bytes)
{
	*v = inno_get_be(p, bytes);
	return p + bytes;
}

void
inno_dset_encode_binary(const InnoDesigSet *s, uint8_t *buf)
{
	uint8_t    *p = buf;
	int			i;

	*p++ = INNO_DSET_VERSION;
	p = Put(p, s->base, 2);
	p = Put(p, s->unknown_valid, 2);
	p = Put(p, s->undated, 8);
	for (i = 0; i < INNO_DSET_SLOTS; i++)
		p = Put(p, s->listed[i], 8);
	for (i = 0; i < INNO_SCHEME_COUNT; i++)
		p = Put(p, s->valid[i], 8);
}

InnoStatus
inno_dset_decode_binary(const uint8_t *buf, size_t len, InnoDesigSet *out, InnoError *err)
{
	const uint8_t *p = buf + 1;
	uint64_t	v;
	int			i;

	inno_error_clear(err);
	if (inno_binary_check(buf, len, "designation_set", INNO_DSET_VERSION, INNO_DSET_BINARY_LEN, false, err) != INNO_OK)
		return INNO_ERR_CORRUPT;
	inno_dset_init(out);
	p = Get(p, &v, 2);
	out->base = (uint16_t) v;
	p = Get(p, &v, 2);
	out->unknown_valid = (uint16_t) v;
	p = Get(p, &out->undated, 8);
	for (i = 0; i < INNO_DSET_SLOTS; i++)
		p = Get(p, &out->listed[i], 8);
	for (i = 0; i < INNO_SCHEME_COUNT; i++)
		p = Get(p, &out->valid[i], 8);
	return inno_dset_check(out, err);
}
