/*
 * desigset_io.c
 *	  designation_set: the JSON text form (see desigset.h).
 */
#include "desigset.h"
#include "jsontext.h"

#include <stdio.h>
#include <string.h>

/* ---- text ---- */

/* The name of a slot: "national high_tech", or the scheme alone at no stated level. */
void
inno_dset_slot_name(int slot, char *buf, size_t buflen)
{
	unsigned	scheme,
				level;
	const InnoLevelInfo *l;

	inno_dset_slot_parts(slot, &scheme, &level);
	l = inno_level_by_code(level);
	snprintf(buf, buflen, "%s%s%s", l ? l->label : "", l ? " " : "", inno_scheme_by_code(scheme)->label);
}

typedef struct Out
{
	char	   *buf;
	size_t		len,
				cap;
} Out;

static void
Add(Out *o, const char *fmt, unsigned a, unsigned b)
{
	int			n;

	if (o->len >= o->cap)
		return;
	n = snprintf(o->buf + o->len, o->cap - o->len, fmt, a, b);
	o->len += n > 0 ? (size_t) n : 0;
}

static void
AddText(Out *o, const char *s)
{
	size_t		n = strlen(s);

	if (o->len + n < o->cap)
	{
		memcpy(o->buf + o->len, s, n + 1);
		o->len += n;
	}
	else
		o->len = o->cap;
}

char *
inno_dset_format(const InnoDesigSet *s, char *buf, size_t buflen)
{
	Out			o = {buf, 0, buflen};
	int			i,
				parts = 0,
				n;
	char		name[64];

	AddText(&o, "{");
	for (i = 0, n = 0; i < INNO_DSET_SLOTS; i++)
	{
		int			k,
					m = 0;

		if (s->listed[i] == 0 && !((s->undated >> i) & 1))
			continue;
		if (n++ == 0)
			AddText(&o, "\"held\": {");
		else
			AddText(&o, ", ");
		inno_dset_slot_name(i, name, sizeof(name));
		AddText(&o, "\"");
		AddText(&o, name);
		AddText(&o, "\": [");
		for (k = 0; k < INNO_DSET_SPAN; k++)
			if ((s->listed[i] >> k) & 1)
				Add(&o, m++ ? ", %u" : "%u", s->base + (unsigned) k, 0);
		if ((s->undated >> i) & 1)
			AddText(&o, m++ ? ", null" : "null");
		AddText(&o, "]");
	}
	if (n)
	{
		AddText(&o, "}");
		parts++;
	}
	for (i = 0, n = 0; i < INNO_SCHEME_COUNT; i++)
	{
		int			k = 0,
					m = 0;

		if (s->valid[i] == 0)
			continue;
		AddText(&o, n++ == 0 ? (parts++ ? ", \"valid\": {" : "\"valid\": {") : ", ");
		AddText(&o, "\"");
		AddText(&o, inno_scheme_by_code((unsigned) i + 1)->label);
		AddText(&o, "\": [");
		while (k < INNO_DSET_SPAN)
		{
			int			e;

			if (!((s->valid[i] >> k) & 1))
			{
				k++;
				continue;
			}
			for (e = k; e + 1 < INNO_DSET_SPAN && ((s->valid[i] >> (e + 1)) & 1); e++)
				;
			Add(&o, m++ ? ", [%u, %u]" : "[%u, %u]", s->base + (unsigned) k, s->base + (unsigned) e);
			k = e + 1;
		}
		AddText(&o, "]");
	}
	if (n)
		AddText(&o, "}");
	for (i = 0, n = 0; i < INNO_SCHEME_COUNT; i++)
	{
		if (!((s->unknown_valid >> i) & 1))
			continue;
		AddText(&o, n++ == 0 ? (parts++ ? ", \"validity_unknown\": [" : "\"validity_unknown\": [") : ", ");
		AddText(&o, "\"");
		AddText(&o, inno_scheme_by_code((unsigned) i + 1)->label);
		AddText(&o, "\"");
	}
	if (n)
		AddText(&o, "]");
	AddText(&o, "}");
	return buf;
}

/* A slot's or a scheme's name in the text form. */
static int
SlotNamed(const char *s, size_t n)
{
	char		name[64];
	int			i;

	for (i = 0; i < INNO_DSET_SLOTS; i++)
	{
		inno_dset_slot_name(i, name, sizeof(name));
		if (strlen(name) == n && memcmp(name, s, n) == 0)
			return i;
	}
	return -1;
}

int
inno_dset_scheme_named(const char *s, size_t n)
{
	unsigned	i;

	for (i = 1; i <= INNO_SCHEME_COUNT; i++)
	{
		const char *label = inno_scheme_by_code(i)->label;

		if (strlen(label) == n && memcmp(label, s, n) == 0)
			return (int) i;
	}
	return 0;
}

static InnoStatus
Bad(InnoError *err, const char *what, size_t at)
{
	inno_set_detail(err, "Expected %s at character %zu.", what, at + 1);
	return INNO_ERR_SYNTAX;
}

/* The years of the text form, gathered before the base is known. */
typedef struct Gathered
{
	int			n;
	struct
	{
		int16_t		slot;		/* >= 0: listed; < 0: -(scheme) valid */
		uint16_t	from,
					to;
	}			item[INNO_DSET_SLOTS * INNO_DSET_SPAN + INNO_SCHEME_COUNT * INNO_DSET_SPAN];
} Gathered;

static bool
ReadYear(InnoJsonCursor *c, unsigned *y)
{
	int64_t		v;

	if (!inno_json_int64(c, &v) || v < INNO_DESIG_YEAR_MIN || v > INNO_DESIG_YEAR_MAX)
		return false;
	*y = (unsigned) v;
	return true;
}

static InnoStatus
Twice(InnoError *err, const char *what, const char *name)
{
	inno_set_detail(err, "%s \"%s\" appears twice.", what, name);
	return INNO_ERR_SYNTAX;
}

/*
 * "held": {"slot": [years or null], ...} and "valid": {"scheme": [[from, to], ...]}.
 * A name appears once in its map, and a year (or null) once in its list.
 */
static InnoStatus
ReadMap(InnoJsonCursor *c, bool valid, InnoDesigSet *out, Gathered *g, InnoError *err)
{
	uint64_t	seen = 0;

	if (!inno_json_char(c, '{'))
		return Bad(err, "{", c->pos);
	if (inno_json_char(c, '}'))
		return INNO_OK;
	do
	{
		const char *k;
		size_t		n;
		int			slot = -1,
					scheme = 0,
					key;

		if (!inno_json_string(c, &k, &n))
			return Bad(err, "a name", c->pos);
		if (valid ? (scheme = inno_dset_scheme_named(k, n)) == 0 : (slot = SlotNamed(k, n)) < 0)
		{
			inno_set_detail(err, "\"%.*s\" is not a %s.", (int) (n > 60 ? 60 : n), k,
							valid ? "scheme" : "scheme at a level it is issued at");
			return INNO_ERR_SYNTAX;
		}
		key = valid ? scheme : slot;
		if ((seen >> key) & 1)
		{
			inno_set_detail(err, "\"%.*s\" appears twice in \"%s\".", (int) n, k, valid ? "valid" : "held");
			return INNO_ERR_SYNTAX;
		}
		seen |= UINT64_C(1) << key;
		if (!inno_json_char(c, ':') || !inno_json_char(c, '['))
			return Bad(err, "[", c->pos);
		if (inno_json_char(c, ']'))
			continue;
		do
		{
			unsigned	a,
						b;

			if (g->n >= (int) (sizeof(g->item) / sizeof(g->item[0])))
				return Bad(err, "fewer years", c->pos);
			if (!valid && inno_json_null(c))
			{
				if ((out->undated >> slot) & 1)
				{
					char		name[64];

					inno_dset_slot_name(slot, name, sizeof(name));
					return Twice(err, "The null of", name);
				}
				out->undated |= UINT64_C(1) << slot;
				continue;
			}
			if (valid && (!inno_json_char(c, '[') || !ReadYear(c, &a) || !inno_json_char(c, ',') ||
						  !ReadYear(c, &b) || !inno_json_char(c, ']') || b < a))
				return Bad(err, "a run of years [from, to]", c->pos);
			if (!valid && !ReadYear(c, &a))
				return Bad(err, "a year or null", c->pos);
			g->item[g->n].slot = (int16_t) (valid ? -scheme : slot);
			g->item[g->n].from = (uint16_t) a;
			g->item[g->n].to = (uint16_t) (valid ? b : a);
			g->n++;
		} while (inno_json_char(c, ','));
		if (!inno_json_char(c, ']'))
			return Bad(err, "]", c->pos);
	} while (inno_json_char(c, ','));
	if (!inno_json_char(c, '}'))
		return Bad(err, "}", c->pos);
	return INNO_OK;
}

InnoStatus
inno_dset_parse(const char *s, size_t len, InnoDesigSet *out, InnoError *err)
{
	static Gathered g;
	InnoJsonCursor c;
	InnoStatus	st;
	unsigned	lo = 0,
				hi = 0;
	int			i;

	inno_error_clear(err);
	inno_dset_init(out);
	g.n = 0;
	inno_json_init(&c, s, len);
	if (!inno_json_char(&c, '{'))
		return Bad(err, "{", c.pos);
	if (!inno_json_char(&c, '}'))
	{
		int			seen = 0;

		do
		{
			const char *k;
			size_t		n;
			int			part;

			if (!inno_json_string(&c, &k, &n))
				return Bad(err, "\"held\", \"valid\" or \"validity_unknown\"", c.pos);
			part = n == 4 && memcmp(k, "held", 4) == 0 ? 1 :
				n == 5 && memcmp(k, "valid", 5) == 0 ? 2 :
				n == 16 && memcmp(k, "validity_unknown", 16) == 0 ? 4 : 0;
			if (part == 0 || (seen & part) || !inno_json_char(&c, ':'))
				return Bad(err, "\"held\", \"valid\" or \"validity_unknown\", once each", c.pos);
			seen |= part;
			if (part == 4)
			{
				if (!inno_json_char(&c, '['))
					return Bad(err, "[", c.pos);
				if (!inno_json_char(&c, ']'))
				{
					do
					{
						int			scheme;

						if (!inno_json_string(&c, &k, &n) || (scheme = inno_dset_scheme_named(k, n)) == 0)
							return Bad(err, "a scheme", c.pos);
						if ((out->unknown_valid >> (scheme - 1)) & 1)
							return Twice(err, "The scheme", inno_scheme_by_code((unsigned) scheme)->label);
						out->unknown_valid |= (uint16_t) (1u << (scheme - 1));
					} while (inno_json_char(&c, ','));
					if (!inno_json_char(&c, ']'))
						return Bad(err, "]", c.pos);
				}
			}
			else if ((st = ReadMap(&c, part == 2, out, &g, err)) != INNO_OK)
				return st;
		} while (inno_json_char(&c, ','));
		if (!inno_json_char(&c, '}'))
			return Bad(err, "}", c.pos);
	}
	if (!inno_json_end(&c))
		return Bad(err, "the end of the text", c.pos);
	for (i = 0; i < g.n; i++)
	{
		lo = lo == 0 || g.item[i].from < lo ? g.item[i].from : lo;
		hi = g.item[i].to > hi ? g.item[i].to : hi;
	}
	if (g.n > 0)
	{
		if (hi - lo >= INNO_DSET_SPAN)
			return inno_dset_too_wide(err, lo, hi);
		out->base = (uint16_t) lo;
	}
	for (i = 0; i < g.n; i++)
	{
		int			slot = g.item[i].slot;
		char		name[64];

		if (slot >= 0)
		{
			uint64_t	bit = UINT64_C(1) << (g.item[i].from - lo);

			if (out->listed[slot] & bit)
			{
				inno_dset_slot_name(slot, name, sizeof(name));
				inno_set_detail(err, "The year %u of \"%s\" appears twice.", g.item[i].from, name);
				return INNO_ERR_SYNTAX;
			}
			out->listed[slot] |= bit;
		}
		else
		{
			uint64_t	run = inno_dset_run(g.item[i].from - lo, g.item[i].to - lo);

			if (out->valid[-slot - 1] & run)
			{
				inno_set_detail(err, "The runs of validity of \"%s\" overlap.",
								inno_scheme_by_code((unsigned) -slot)->label);
				return INNO_ERR_SYNTAX;
			}
			out->valid[-slot - 1] |= run;
		}
	}
	if ((st = inno_dset_check(out, err)) != INNO_OK)
		return INNO_ERR_SYNTAX;
	return INNO_OK;
}
