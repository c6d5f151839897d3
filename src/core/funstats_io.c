/*
 * funstats_io.c
 *	  funding_stats' text form: writing it, and reading it back with every
 *	  field and invariant checked.
 */
#include "funstats.h"
#include "jsontext.h"

#include <stdio.h>
#include <string.h>

/* ---- text form ---- */

size_t
inno_fs_text_size(const InnoFsHeader *h)
{
	const InnoFsSection *s = inno_fs_first(h);
	size_t		n = 64;
	int			i;

	for (i = 0; i < h->nsections; i++, s = inno_fs_next(s))
		n += 6000 + inno_qs_text_size(inno_fs_sketch(s));
	return n;
}

int
inno_fs_format(const InnoFsHeader *h, char *buf, size_t buflen)
{
	const InnoFsSection *s = inno_fs_first(h);
	InnoTextOut out = {buf, buflen, 0};
	int			i,
				t,
				b,
				j;

	if (buflen < inno_fs_text_size(h))
		return -1;
	inno_text_lit(&out, "{\"version\": ");
	inno_text_int64(&out, INNO_FS_VERSION);
	inno_text_lit(&out, ", \"currencies\": [");
	for (i = 0; i < h->nsections; i++, s = inno_fs_next(s))
	{
		const InnoCurrencyInfo *c = inno_currency_by_numeric(s->currency);
		const int64_t fields[] = {s->rounds, s->disclosed, s->open, s->sum_low, s->sum_point, s->sum_high,
		s->min_point, s->max_point};
		static const char *const names[] = {"rounds", "disclosed", "open", "sum_low", "sum_point", "sum_high",
		"min_point", "max_point"};
		int64_t		over[INNO_FS_NTHRESHOLDS][3];
		bool		first = true;
		int			r;

		if (i)
			inno_text_lit(&out, ", ");
		inno_text_lit(&out, "{\"currency\": ");
		if (c)
		{
			inno_text_lit(&out, "\"");
			inno_text_str(&out, c->alpha);
			inno_text_lit(&out, "\"");
		}
		else
			inno_text_lit(&out, "null");
		for (j = 0; j < (int) (sizeof(fields) / sizeof(fields[0])); j++)
		{
			inno_text_lit(&out, ", \"");
			inno_text_str(&out, names[j]);
			inno_text_lit(&out, "\": ");
			inno_text_int64(&out, fields[j]);
		}
		/* counts over each threshold (inno_fs_over, summed once from the top) */
		for (b = 0; b < 3; b++)
			for (t = INNO_FS_NTHRESHOLDS - 1; t >= 0; t--)
				over[t][b] = s->band[t][b] + (t + 1 < INNO_FS_NTHRESHOLDS ? over[t + 1][b] : 0);
		inno_text_lit(&out, ", \"over\": [");
		/* null where a version 1 summary did not count */
		for (t = 0; t < INNO_FS_NTHRESHOLDS; t++)
		{
			if (t)
				inno_text_lit(&out, ", ");
			if ((s->flags & INNO_FS_V1_THRESHOLDS) && inno_fs_threshold_is_new(t))
			{
				inno_text_lit(&out, "null");
				continue;
			}
			for (b = 0; b < 3; b++)
			{
				inno_text_bytes(&out, b ? ", " : "[", b ? 2 : 1);
				inno_text_int64(&out, over[t][b]);
			}
			inno_text_lit(&out, "]");
		}
		inno_text_lit(&out, "], \"kinds\": {");
		/* in the vocabulary's order */
		for (r = 1; r <= inno_round_kind_count(); r++)
		{
			const InnoRoundKindInfo *k = inno_round_kind_by_rank(r);
			const InnoFsKind *e = &s->kinds[k->code % INNO_FS_KIND_SLOTS];

			if (e->rounds == 0)
				continue;
			if (!first)
				inno_text_lit(&out, ", ");
			inno_text_lit(&out, "\"");
			inno_text_str(&out, k->label);
			inno_text_lit(&out, "\": [");
			inno_text_int64(&out, e->rounds);
			inno_text_lit(&out, ", ");
			inno_text_int64(&out, e->disclosed);
			inno_text_lit(&out, ", ");
			inno_text_int64(&out, e->sum_point);
			inno_text_lit(&out, "]");
			first = false;
		}
		inno_text_lit(&out, "}, \"sketch\": ");
		if (out.o >= out.len)
			return -1;
		j = inno_qs_format(inno_fs_sketch(s), buf + out.o, buflen - out.o);
		if (j < 0)
			return -1;
		out.o += (size_t) j;
		inno_text_lit(&out, "}");
	}
	inno_text_lit(&out, "]}");
	return inno_text_end(&out);
}

static bool
Key(InnoJsonCursor *c, const char *key)
{
	const char *k;
	size_t		n;

	return inno_json_string(c, &k, &n) && n == strlen(key) && memcmp(k, key, n) == 0 &&
		inno_json_char(c, ':');
}

static bool
IntField(InnoJsonCursor *c, const char *key, int64_t *v, bool comma)
{
	return (!comma || inno_json_char(c, ',')) && Key(c, key) && inno_json_int64(c, v);
}

/* The extent of a JSON object starting at c (no braces inside its strings). */
static bool
ObjectExtent(InnoJsonCursor *c, size_t *start, size_t *end)
{
	int			depth = 0;
	size_t		p;

	inno_json_skip_space(c);
	*start = c->pos;
	for (p = c->pos; p < c->len; p++)
	{
		if (c->s[p] == '{')
			depth++;
		else if (c->s[p] == '}' && --depth == 0)
		{
			*end = p + 1;
			c->pos = p + 1;
			return true;
		}
	}
	return false;
}

/*
 * The "over" list: cumulative counts [low, point, high] per threshold, made
 * into bands.  Version 1 lists its 16 thresholds (1 and 5 x 10^n); version 2
 * all 32, with null at 2 and 3 x 10^n in a section that came from version 1
 * (all of them or none).  Counts between two listed thresholds go to the
 * band of the lower one.
 */
static bool
ReadOver(InnoJsonCursor *c, InnoFsSection *sec, bool v1)
{
	int64_t		cum[INNO_FS_NTHRESHOLDS][3];
	bool		known[INNO_FS_NTHRESHOLDS];
	int			n = v1 ? INNO_FS_V1_NTHRESHOLDS : INNO_FS_NTHRESHOLDS;
	int			nulls = 0,
				i,
				t,
				next,
				j;

	memset(known, 0, sizeof(known));
	for (i = 0; i < n; i++)
	{
		t = v1 ? inno_fs_v1_threshold(i) : i;
		if (i > 0 && !inno_json_char(c, ','))
			return false;
		if (!v1 && inno_fs_threshold_is_new(t) && inno_json_null(c))
		{
			nulls++;
			continue;
		}
		if (!inno_json_char(c, '[') ||
			!inno_json_int64(c, &cum[t][0]) || !inno_json_char(c, ',') ||
			!inno_json_int64(c, &cum[t][1]) || !inno_json_char(c, ',') ||
			!inno_json_int64(c, &cum[t][2]) || !inno_json_char(c, ']'))
			return false;
		known[t] = true;
	}
	if (nulls != 0 && nulls != INNO_FS_NTHRESHOLDS / 2)
		return false;
	if (v1 || nulls)
		sec->flags |= INNO_FS_V1_THRESHOLDS;
	for (t = 0; t < INNO_FS_NTHRESHOLDS; t++)
	{
		if (!known[t])
			continue;
		for (next = t + 1; next < INNO_FS_NTHRESHOLDS && !known[next]; next++)
			;
		for (j = 0; j < 3; j++)
		{
			int64_t		above = next < INNO_FS_NTHRESHOLDS ? cum[next][j] : 0;

			/* a negative band (counts rising with the threshold) fails validation */
			sec->band[t][j] = (int64_t) ((uint64_t) cum[t][j] - (uint64_t) above);
		}
	}
	return inno_json_char(c, ']');
}

InnoStatus
inno_fs_parse(const char *s, size_t len, InnoFsHeader *out, size_t *size, InnoError *err)
{
	InnoJsonCursor c;
	int64_t		version;
	size_t		total = sizeof(InnoFsHeader);
	char	   *o = NULL;
	int			n = 0;

	inno_error_clear(err);
	inno_json_init(&c, s, len);
	/* version 1 (0.1.0's text, e.g. in a dump) reads too, into the current form */
	if (!inno_json_char(&c, '{') || !IntField(&c, "version", &version, false) ||
		(version != INNO_FS_VERSION && version != 1) ||
		!inno_json_char(&c, ',') || !Key(&c, "currencies") || !inno_json_char(&c, '['))
		goto syntax;
	if (out)
	{
		inno_fs_init(out);
		o = (char *) inno_fs_first(out);
	}
	if (!inno_json_char(&c, ']'))
	{
		for (;;)
		{
			InnoFsSection sec;
			const char *cur;
			size_t		curlen,
						sk_start,
						sk_end;
			uint32_t	nbins = 0;

			memset(&sec, 0, sizeof(sec));
			if (!inno_json_char(&c, '{') || !Key(&c, "currency"))
				goto syntax;
			if (!inno_json_null(&c))
			{
				char		alpha[4];
				const InnoCurrencyInfo *ci;

				if (!inno_json_string(&c, &cur, &curlen) || curlen != 3)
					goto syntax;
				memcpy(alpha, cur, 3);
				alpha[3] = '\0';
				if ((ci = inno_currency_by_alpha(alpha)) == NULL || strcmp(ci->alpha, alpha) != 0)
				{
					inno_set_detail(err, "\"%s\" is not a currency code (ISO 4217, upper case).", alpha);
					return INNO_ERR_SYNTAX;
				}
				sec.currency = ci->numeric;
			}
			if (!IntField(&c, "rounds", &sec.rounds, true) || !IntField(&c, "disclosed", &sec.disclosed, true) ||
				!IntField(&c, "open", &sec.open, true) || !IntField(&c, "sum_low", &sec.sum_low, true) ||
				!IntField(&c, "sum_point", &sec.sum_point, true) || !IntField(&c, "sum_high", &sec.sum_high, true) ||
				!IntField(&c, "min_point", &sec.min_point, true) || !IntField(&c, "max_point", &sec.max_point, true) ||
				!inno_json_char(&c, ',') || !Key(&c, "over") || !inno_json_char(&c, '['))
				goto syntax;
			if (!ReadOver(&c, &sec, version == 1))
				goto syntax;
			if (!inno_json_char(&c, ',') || !Key(&c, "kinds") || !inno_json_char(&c, '{'))
				goto syntax;
			if (!inno_json_char(&c, '}'))
			{
				for (;;)
				{
					const char *kl;
					size_t		kn;
					uint8_t		code = 0;
					int			r;
					InnoFsKind *k;

					if (!inno_json_string(&c, &kl, &kn) || !inno_json_char(&c, ':'))
						goto syntax;
					for (r = 1; r <= inno_round_kind_count(); r++)
					{
						const InnoRoundKindInfo *ki = inno_round_kind_by_rank(r);

						if (strlen(ki->label) == kn && memcmp(ki->label, kl, kn) == 0)
							code = ki->code;
					}
					if (code == 0 || sec.kinds[code % INNO_FS_KIND_SLOTS].rounds != 0)
					{
						inno_set_detail(err, "\"%.*s\" is not a round kind, or is listed twice.", (int) (kn > 40 ? 40 : kn), kl);
						return INNO_ERR_SYNTAX;
					}
					k = &sec.kinds[code % INNO_FS_KIND_SLOTS];
					if (!inno_json_char(&c, '[') || !inno_json_int64(&c, &k->rounds) || !inno_json_char(&c, ',') ||
						!inno_json_int64(&c, &k->disclosed) || !inno_json_char(&c, ',') ||
						!inno_json_int64(&c, &k->sum_point) || !inno_json_char(&c, ']') || k->rounds <= 0)
						goto syntax;
					if (inno_json_char(&c, '}'))
						break;
					if (!inno_json_char(&c, ','))
						goto syntax;
				}
			}
			if (!inno_json_char(&c, ',') || !Key(&c, "sketch") || !ObjectExtent(&c, &sk_start, &sk_end))
				goto syntax;
			if (inno_qs_parse(s + sk_start, sk_end - sk_start, NULL, &nbins, err) != INNO_OK)
				return INNO_ERR_SYNTAX;
			sec.size = (uint32_t) INNO_FS_SECTION_SIZE(nbins);
			if (out)
			{
				InnoFsSection *d = (InnoFsSection *) o;

				memcpy(d, &sec, sizeof(sec));
				if (inno_qs_parse(s + sk_start, sk_end - sk_start, inno_fs_sketch(d), &nbins, err) != INNO_OK)
					return INNO_ERR_SYNTAX;
				o += sec.size;
			}
			total += sec.size;
			if (++n > 255)
				goto syntax;
			if (!inno_json_char(&c, '}'))
				goto syntax;
			if (inno_json_char(&c, ']'))
				break;
			if (!inno_json_char(&c, ','))
				goto syntax;
		}
	}
	if (!inno_json_char(&c, '}') || !inno_json_end(&c))
		goto syntax;
	*size = total;
	if (out)
	{
		out->nsections = (uint8_t) n;
		out->used = (uint32_t) total;
		if (inno_fs_validate(out, total, err) != INNO_OK)
			return INNO_ERR_SYNTAX;
	}
	return INNO_OK;
syntax:
	if (err->detail[0] == '\0')
		inno_set_detail(err, "A funding_stats is written as its text output shows, field by field.");
	return INNO_ERR_SYNTAX;
}
