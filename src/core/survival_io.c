/*
 * survival_io.c
 *	  stage_survival text and binary forms.  Both readers end in
 *	  inno_sv_validate: whatever they accept is a value every accessor can
 *	  answer for.
 */
#include "survival.h"
#include "calendar.h"
#include "jsontext.h"

#include <stdio.h>
#include <string.h>

/* "[day, events, censored]" with its separator: at most 2 + 3 x 20 + 4 bytes */
#define ENTRY_TEXT_MAX 70
#define HEAD_TEXT_MAX 240

size_t
inno_sv_text_size(const InnoSurvival *s)
{
	return HEAD_TEXT_MAX + (size_t) s->nentries * ENTRY_TEXT_MAX + 4;
}

int
inno_sv_format(const InnoSurvival *s, char *buf, size_t buflen)
{
	size_t		o;
	uint32_t	i;
	char		day[11];

	if (buflen < inno_sv_text_size(s))
		return -1;
	if (inno_sv_is_unset(s))
		return snprintf(buf, buflen, "{\"version\": %u, \"from\": null, \"to\": null, \"as_of\": null, "
						"\"undated\": 0, \"contradicting\": 0, \"times\": []}", (unsigned) s->version);
	inno_format_day(s->as_of, day);
	o = (size_t) snprintf(buf, buflen,
						  "{\"version\": %u, \"from\": \"%s\", \"to\": \"%s\", \"as_of\": \"%s\", "
						  "\"undated\": %lld, \"contradicting\": %lld, \"times\": [",
						  (unsigned) s->version, inno_stage_by_code(s->from)->label,
						  inno_stage_by_code(s->to)->label, day,
						  (long long) s->undated, (long long) s->contradicting);
	for (i = 0; i < s->nentries; i++)
		o += (size_t) snprintf(buf + o, buflen - o, "%s[%d, %lld, %lld]", i ? ", " : "",
							   (int) s->entries[i].day, (long long) s->entries[i].events,
							   (long long) s->entries[i].censored);
	o += (size_t) snprintf(buf + o, buflen - o, "]}");
	return (int) o;
}

/*
 * The total is not written out: it is the sum of the counts (computed
 * wrapping, so that validation, which adds with overflow checks, rejects a
 * sum past INT64_MAX).
 */
static void
SetTotal(InnoSurvival *s)
{
	uint64_t	t = (uint64_t) s->undated + (uint64_t) s->contradicting;
	uint32_t	i;

	for (i = 0; i < s->nentries; i++)
		t += (uint64_t) s->entries[i].events + (uint64_t) s->entries[i].censored;
	s->total = (int64_t) t;
}

/* ", \"key\": " (or "\"key\": " first), exactly */
static bool
Key(InnoJsonCursor *c, const char *key, bool first)
{
	const char *k;
	size_t		n;

	if (!first && !inno_json_char(c, ','))
		return false;
	return inno_json_string(c, &k, &n) && n == strlen(key) && memcmp(k, key, n) == 0 &&
		inno_json_char(c, ':');
}

static bool
StageValue(InnoJsonCursor *c, InnoStage *out)
{
	const char *k;
	size_t		n;
	int			r;

	if (!inno_json_string(c, &k, &n))
		return false;
	for (r = 1; r <= INNO_STAGE_COUNT; r++)
	{
		const InnoStageInfo *info = inno_stage_by_rank(r);

		if (strlen(info->label) == n && memcmp(info->label, k, n) == 0)
		{
			*out = info->code;
			return true;
		}
	}
	return false;
}

/* a stage label, or null (stage 0: the empty summary's) */
static bool
StageOrNull(InnoJsonCursor *c, InnoStage *out)
{
	if (inno_json_null(c))
	{
		*out = 0;
		return true;
	}
	return StageValue(c, out);
}

InnoStatus
inno_sv_parse(const char *text, size_t len, InnoSurvival *out, uint32_t *nentries, InnoError *err)
{
	InnoJsonCursor c;
	int64_t		version,
				undated,
				contradicting;
	InnoStage	from = 0,
				to = 0;
	const char *d;
	size_t		dn;
	int32_t		as_of = 0;
	bool		as_of_null = false;
	uint32_t	n = 0;

	inno_error_clear(err);
	inno_json_init(&c, text, len);
	if (!inno_json_char(&c, '{') ||
		!Key(&c, "version", true) || !inno_json_int64(&c, &version) ||
		!Key(&c, "from", false) || !StageOrNull(&c, &from) ||
		!Key(&c, "to", false) || !StageOrNull(&c, &to) ||
		!Key(&c, "as_of", false) || !((as_of_null = inno_json_null(&c)) ||
									  (inno_json_string(&c, &d, &dn) && inno_parse_day(d, dn, &as_of))) ||
		!Key(&c, "undated", false) || !inno_json_int64(&c, &undated) ||
		!Key(&c, "contradicting", false) || !inno_json_int64(&c, &contradicting) ||
		!Key(&c, "times", false) || !inno_json_char(&c, '['))
		goto syntax;
	if (version != INNO_SV_VERSION)
	{
		inno_set_detail(err, "Unknown stage_survival format version.");
		return INNO_ERR_SYNTAX;
	}
	/* the date is null exactly in the empty summary, which has no stages */
	if (as_of_null != (from == 0 && to == 0))
		goto syntax;
	if (out != NULL)
	{
		memset(out, 0, INNO_SV_SIZE(*nentries));
		out->version = INNO_SV_VERSION;
		out->from = from;
		out->to = to;
		out->as_of = as_of;
		out->undated = undated;
		out->contradicting = contradicting;
	}
	if (!inno_json_char(&c, ']'))
	{
		for (;;)
		{
			int64_t		day,
						events,
						censored;

			if (!inno_json_char(&c, '[') || !inno_json_int64(&c, &day) ||
				!inno_json_char(&c, ',') || !inno_json_int64(&c, &events) ||
				!inno_json_char(&c, ',') || !inno_json_int64(&c, &censored) ||
				!inno_json_char(&c, ']'))
				goto syntax;
			if (n >= INNO_SV_BUCKETS || day < 0 || day > INNO_SV_MAX_DAYS)
			{
				inno_set_detail(err, "Too many times, or a time outside 0 .. %d days.", INNO_SV_MAX_DAYS);
				return INNO_ERR_RANGE;
			}
			if (out != NULL)
			{
				if (n >= *nentries)
					goto syntax;
				out->entries[n].day = (int32_t) day;
				out->entries[n].events = events;
				out->entries[n].censored = censored;
			}
			n++;
			if (inno_json_char(&c, ']'))
				break;
			if (!inno_json_char(&c, ','))
				goto syntax;
		}
	}
	if (!inno_json_char(&c, '}') || !inno_json_end(&c))
		goto syntax;
	if (out == NULL)
	{
		*nentries = n;
		return INNO_OK;
	}
	if (n != *nentries)
		goto syntax;
	out->nentries = n;
	SetTotal(out);
	/* a well-formed text that breaks an invariant is invalid text too */
	if (inno_sv_validate(out, INNO_SV_SIZE(n), err) != INNO_OK)
		return INNO_ERR_SYNTAX;
	return INNO_OK;
syntax:
	inno_set_detail(err, "A stage_survival is written as its text output shows, field by field.");
	return INNO_ERR_SYNTAX;
}

static uint8_t *
Put(uint8_t *p, uint64_t v, int bytes)
{
	int			b;

	for (b = bytes - 1; b >= 0; b--)
		*p++ = (uint8_t) (v >> (8 * b));
	return p;
}

static uint64_t
Get(const uint8_t **p, int bytes)
{
	uint64_t	v = 0;
	int			b;

	for (b = 0; b < bytes; b++)
		v = (v << 8) | *(*p)++;
	return v;
}

void
inno_sv_encode_binary(const InnoSurvival *s, uint8_t *buf)
{
	uint8_t    *p = buf;
	uint32_t	i;

	*p++ = s->version;
	*p++ = s->from;
	*p++ = s->to;
	p = Put(p, (uint32_t) s->as_of, 4);
	p = Put(p, (uint64_t) s->undated, 8);
	p = Put(p, (uint64_t) s->contradicting, 8);
	p = Put(p, s->nentries, 4);
	for (i = 0; i < s->nentries; i++)
	{
		p = Put(p, (uint32_t) s->entries[i].day, 4);
		p = Put(p, (uint64_t) s->entries[i].events, 8);
		p = Put(p, (uint64_t) s->entries[i].censored, 8);
	}
}

InnoStatus
inno_sv_decode_binary(const uint8_t *buf, size_t len, InnoSurvival *out, uint32_t *nentries,
					  InnoError *err)
{
	const uint8_t *p = buf;
	uint32_t	n,
				i;

	inno_error_clear(err);
	if (inno_binary_check(buf, len, "stage_survival", INNO_SV_VERSION,
						  INNO_SV_BINARY_SIZE(0), true, err) != INNO_OK)
		return INNO_ERR_CORRUPT;
	n = ((uint32_t) buf[23] << 24) | ((uint32_t) buf[24] << 16) | ((uint32_t) buf[25] << 8) | buf[26];
	if (n > INNO_SV_BUCKETS || len != INNO_SV_BINARY_SIZE(n))
		goto bad;
	if (out == NULL)
	{
		*nentries = n;
		return INNO_OK;
	}
	if (n != *nentries)
		goto bad;
	memset(out, 0, INNO_SV_SIZE(n));
	out->version = *p++;
	out->from = *p++;
	out->to = *p++;
	out->as_of = (int32_t) (uint32_t) Get(&p, 4);
	out->undated = (int64_t) Get(&p, 8);
	out->contradicting = (int64_t) Get(&p, 8);
	out->nentries = (uint32_t) Get(&p, 4);
	for (i = 0; i < n; i++)
	{
		out->entries[i].day = (int32_t) (uint32_t) Get(&p, 4);
		out->entries[i].events = (int64_t) Get(&p, 8);
		out->entries[i].censored = (int64_t) Get(&p, 8);
	}
	SetTotal(out);
	return inno_sv_validate(out, INNO_SV_SIZE(n), err);
bad:
	inno_set_detail(err, "A binary stage_survival is %d bytes and 20 bytes per time.",
					(int) INNO_SV_BINARY_SIZE(0));
	return INNO_ERR_CORRUPT;
}
