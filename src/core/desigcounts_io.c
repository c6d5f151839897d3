/*
 * desigcounts_io.c
 *	  designation_counts: the JSON text form and the binary form.
 */
#include "desigcounts.h"
#include "jsontext.h"
#include "pack.h"

#include <stdio.h>
#include <string.h>

/* the maps of the text form, in output order */
typedef enum Part
{
	P_HOLDERS,					/* scheme */
	P_COHOLDING,				/* "scheme & scheme" */
	P_HELD,						/* slot */
	P_UNDATED,					/* slot */
	P_UNKNOWN,					/* scheme */
	P_LISTED,					/* "slot year" */
	P_BY_YEAR,					/* "scheme year" */
	P_VALID,					/* "scheme year" */
	P_COUNT
} Part;

static const char *const part_names[P_COUNT] = {
	"holders", "coholding", "held", "undated", "validity_unknown", "listed", "by_year", "valid"
};

/* number of keys of a part, and the count and name of key i */
static int
Keys(Part p)
{
	switch (p)
	{
		case P_HOLDERS:
		case P_UNKNOWN:
			return INNO_SCHEME_COUNT;
		case P_COHOLDING:
			return INNO_DCOUNTS_PAIRS;
		case P_HELD:
		case P_UNDATED:
		case P_LISTED:
			return INNO_DSET_SLOTS;
		default:
			return INNO_SCHEME_COUNT;
	}
}

static bool
Yearly(Part p)
{
	return p >= P_LISTED;
}

/* the row of key i: a pointer to its count (not yearly) or to its year row */
static int64_t *
Row(InnoDesigCounts *c, Part p, int i)
{
	switch (p)
	{
		case P_HOLDERS:
			return &c->holders[i];
		case P_UNKNOWN:
			return &c->unknown_valid[i];
		case P_COHOLDING:
			return &c->pair[i];
		case P_HELD:
			return &c->slot_holders[i];
		case P_UNDATED:
			return &c->undated[i];
		case P_LISTED:
			return inno_dcounts_listed(c, i);
		case P_BY_YEAR:
			return inno_dcounts_by_year(c, (unsigned) i + 1);
		default:
			return inno_dcounts_valid(c, (unsigned) i + 1);
	}
}

static void
KeyName(Part p, int i, char *buf, size_t buflen)
{
	unsigned	s,
				t;

	switch (p)
	{
		case P_HELD:
		case P_UNDATED:
		case P_LISTED:
			inno_dset_slot_name(i, buf, buflen);
			return;
		case P_COHOLDING:
			for (s = 1; s <= INNO_SCHEME_COUNT; s++)
				for (t = s + 1; t <= INNO_SCHEME_COUNT; t++)
					if (inno_dcounts_pair_index(s, t) == i)
						snprintf(buf, buflen, "%s & %s", inno_scheme_by_code(s)->label, inno_scheme_by_code(t)->label);
			return;
		default:
			snprintf(buf, buflen, "%s", inno_scheme_by_code((unsigned) i + 1)->label);
	}
}

size_t
inno_dcounts_format(const InnoDesigCounts *cc, char *buf, size_t buflen)
{
	InnoDesigCounts *c = (InnoDesigCounts *) cc;
	size_t		n = 0;
	int			p;

#define EMIT(...) \
	do { \
		int			w_ = snprintf(n < buflen ? buf + n : NULL, n < buflen ? buflen - n : 0, __VA_ARGS__); \
		n += w_ > 0 ? (size_t) w_ : 0; \
	} while (0)

	if (buflen > 0)
		buf[0] = '\0';
	EMIT("{\"projects\": %lld", (long long) c->projects);
	for (p = 0; p < P_COUNT; p++)
	{
		int			i,
					m = 0;

		for (i = 0; i < Keys((Part) p); i++)
		{
			char		name[64];
			const int64_t *row = Row(c, (Part) p, i);
			unsigned	y;

			KeyName((Part) p, i, name, sizeof(name));
			for (y = 0; y < (Yearly((Part) p) ? c->nyears : 1u); y++)
			{
				if (row[y] == 0)
					continue;
				EMIT(m++ ? ", " : ", \"%s\": {", part_names[p]);
				if (Yearly((Part) p))
					EMIT("\"%s %u\": %lld", name, c->base + y, (long long) row[y]);
				else
					EMIT("\"%s\": %lld", name, (long long) row[y]);
			}
		}
		if (m)
			EMIT("}");
	}
	EMIT("}");
#undef EMIT
	return n + 1;
}

/* ---- parsing ---- */

typedef struct Entry
{
	uint8_t		part;
	uint8_t		key;
	uint16_t	year;
	int64_t		count;
} Entry;

static InnoStatus
Bad(InnoError *err, const char *what, size_t at)
{
	inno_set_detail(err, "Expected %s at character %zu.", what, at + 1);
	return INNO_ERR_SYNTAX;
}

/* The key i of part p named s[0..n) (with its year for yearly parts); -1 if none. */
static int
KeyOf(Part p, const char *s, size_t n, unsigned *year)
{
	int			i;
	size_t		name_len = n;

	*year = 0;
	if (Yearly(p))
	{
		unsigned	y = 0;

		if (n < 6 || s[n - 5] != ' ')
			return -1;
		for (i = 0; i < 4; i++)
		{
			if (s[n - 4 + i] < '0' || s[n - 4 + i] > '9')
				return -1;
			y = y * 10 + (unsigned) (s[n - 4 + i] - '0');
		}
		if (y < INNO_DESIG_YEAR_MIN || y > INNO_DESIG_YEAR_MAX)
			return -1;
		*year = y;
		name_len = n - 5;
	}
	for (i = 0; i < Keys(p); i++)
	{
		char		name[64];

		KeyName(p, i, name, sizeof(name));
		if (strlen(name) == name_len && memcmp(name, s, name_len) == 0)
			return i;
	}
	return -1;
}

/* every count a value can hold (149 single counts, 58 rows of at most 121 years) */
#define N_SINGLE (2 * INNO_SCHEME_COUNT + INNO_DCOUNTS_PAIRS + 2 * INNO_DSET_SLOTS)
#define N_KEYS (N_SINGLE + INNO_DCOUNTS_ROWS * INNO_DCOUNTS_MAX_YEARS)
static Entry entries[8192];
static uint64_t seen_keys[(N_KEYS + 63) / 64];

/* Has key (part p, key i, year) been read before?  Marks it read. */
static bool
Seen(uint64_t *seen, Part p, int i, unsigned year)
{
	static const int offset[P_COUNT] = {
		[P_HOLDERS] = 0,
		[P_COHOLDING] = INNO_SCHEME_COUNT,
		[P_HELD] = INNO_SCHEME_COUNT + INNO_DCOUNTS_PAIRS,
		[P_UNDATED] = INNO_SCHEME_COUNT + INNO_DCOUNTS_PAIRS + INNO_DSET_SLOTS,
		[P_UNKNOWN] = INNO_SCHEME_COUNT + INNO_DCOUNTS_PAIRS + 2 * INNO_DSET_SLOTS,
		[P_LISTED] = 0,
		[P_BY_YEAR] = INNO_DSET_SLOTS,
		[P_VALID] = INNO_DSET_SLOTS + INNO_SCHEME_COUNT,
	};
	size_t		bit = Yearly(p) ?
		N_SINGLE + (size_t) (offset[p] + i) * INNO_DCOUNTS_MAX_YEARS + (year - INNO_DESIG_YEAR_MIN) :
		(size_t) (offset[p] + i);
	bool		was = (seen[bit / 64] >> (bit % 64)) & 1;

	seen[bit / 64] |= UINT64_C(1) << (bit % 64);
	return was;
}

InnoStatus
inno_dcounts_parse(const char *s, size_t len, void *(*alloc) (size_t), InnoDesigCounts **out,
				   size_t *size, InnoError *err)
{
	InnoJsonCursor c;
	int64_t		projects;
	int			n = 0,
				i,
				seen = 0;
	unsigned	lo = 0,
				hi = 0;
	InnoDesigCounts *r;
	const char *k;
	size_t		kn;

	inno_error_clear(err);
	memset(seen_keys, 0, sizeof(seen_keys));
	inno_json_init(&c, s, len);
	if (!inno_json_char(&c, '{') || !inno_json_string(&c, &k, &kn) || kn != 8 || memcmp(k, "projects", 8) != 0 ||
		!inno_json_char(&c, ':') || !inno_json_int64(&c, &projects) || projects < 0)
		return Bad(err, "{\"projects\": N", c.pos);
	while (inno_json_char(&c, ','))
	{
		int			p;

		if (!inno_json_string(&c, &k, &kn))
			return Bad(err, "the name of a part", c.pos);
		for (p = 0; p < P_COUNT; p++)
			if (strlen(part_names[p]) == kn && memcmp(part_names[p], k, kn) == 0)
				break;
		if (p == P_COUNT || (seen >> p) & 1 || !inno_json_char(&c, ':') || !inno_json_char(&c, '{'))
			return Bad(err, "a part (holders, coholding, held, undated, validity_unknown, listed, by_year, valid), once", c.pos);
		seen |= 1 << p;
		if (inno_json_char(&c, '}'))
			continue;
		do
		{
			unsigned	year;
			int			key;
			int64_t		v;

			if (!inno_json_string(&c, &k, &kn))
				return Bad(err, "a key", c.pos);
			if ((key = KeyOf((Part) p, k, kn, &year)) < 0)
			{
				inno_set_detail(err, "\"%.*s\" is not a key of \"%s\".", (int) (kn > 60 ? 60 : kn), k, part_names[p]);
				return INNO_ERR_SYNTAX;
			}
			if (!inno_json_char(&c, ':') || !inno_json_int64(&c, &v) || v < 0)
				return Bad(err, "a count (an integer, 0 or more)", c.pos);
			if (n >= (int) (sizeof(entries) / sizeof(entries[0])))
				return Bad(err, "fewer counts", c.pos);
			/* zero counts take no room, but a key still appears once */
			if (Seen(seen_keys, (Part) p, key, year))
			{
				inno_set_detail(err, "\"%.*s\" appears twice in \"%s\".", (int) (kn > 60 ? 60 : kn), k,
								part_names[p]);
				return INNO_ERR_SYNTAX;
			}
			if (v == 0)
				continue;
			entries[n].part = (uint8_t) p;
			entries[n].key = (uint8_t) key;
			entries[n].year = (uint16_t) year;
			entries[n].count = v;
			n++;
			if (year)
			{
				lo = lo == 0 || year < lo ? year : lo;
				hi = year > hi ? year : hi;
			}
		} while (inno_json_char(&c, ','));
		if (!inno_json_char(&c, '}'))
			return Bad(err, "}", c.pos);
	}
	if (!inno_json_char(&c, '}') || !inno_json_end(&c))
		return Bad(err, "the end of the summary", c.pos);
	*size = inno_dcounts_size(lo ? hi - lo + 1 : 0);
	r = alloc(*size);
	memset(r, 0, *size);
	r->version = INNO_DCOUNTS_VERSION;
	r->base = (uint16_t) lo;
	r->nyears = (uint16_t) (lo ? hi - lo + 1 : 0);
	r->projects = projects;
	for (i = 0; i < n; i++)
	{
		int64_t    *cell = Row(r, (Part) entries[i].part, entries[i].key) +
			(entries[i].year ? entries[i].year - lo : 0);

		*cell = entries[i].count;
	}
	if (inno_dcounts_check(r, *size, err) != INNO_OK)
		return INNO_ERR_SYNTAX;
	*out = r;
	return INNO_OK;
}

/* ---- binary ---- */

static size_t
NCounts(unsigned nyears)
{
	return (inno_dcounts_binary_len(nyears) - 5) / 8;
}

void
inno_dcounts_encode_binary(const InnoDesigCounts *c, uint8_t *buf)
{
	const int64_t *v = &c->projects;
	size_t		i,
				n = NCounts(c->nyears);

	buf[0] = INNO_DCOUNTS_VERSION;
	inno_put_be(buf + 1, c->base, 2);
	inno_put_be(buf + 3, c->nyears, 2);
	for (i = 0; i < n; i++)
		inno_put_be(buf + 5 + 8 * i, (uint64_t) v[i], 8);
}

InnoStatus
inno_dcounts_decode_binary(const uint8_t *buf, size_t len, void *(*alloc) (size_t), InnoDesigCounts **out,
						   size_t *size, InnoError *err)
{
	unsigned	nyears;
	InnoDesigCounts *r;
	int64_t    *v;
	size_t		i,
				n;

	inno_error_clear(err);
	if (inno_binary_check(buf, len, "designation_counts", INNO_DCOUNTS_VERSION, 5, true, err) != INNO_OK)
		return INNO_ERR_CORRUPT;
	nyears = (unsigned) inno_get_be(buf + 3, 2);
	if (nyears > INNO_DCOUNTS_MAX_YEARS || len != inno_dcounts_binary_len(nyears))
	{
		inno_set_detail(err, "The value is %zu bytes; a window of %u years takes %zu.", len, nyears,
						inno_dcounts_binary_len(nyears > INNO_DCOUNTS_MAX_YEARS ? 0 : nyears));
		return INNO_ERR_CORRUPT;
	}
	*size = inno_dcounts_size(nyears);
	r = alloc(*size);
	memset(r, 0, *size);
	r->version = INNO_DCOUNTS_VERSION;
	r->base = (uint16_t) inno_get_be(buf + 1, 2);
	r->nyears = (uint16_t) nyears;
	v = &r->projects;
	n = NCounts(nyears);
	for (i = 0; i < n; i++)
		v[i] = (int64_t) inno_get_be(buf + 5 + 8 * i, 8);
	if (inno_dcounts_check(r, *size, err) != INNO_OK)
		return INNO_ERR_CORRUPT;
	*out = r;
	return INNO_OK;
}
