/*
 * funnel.c
 *	  Counts per stage, merged exactly.
 */
#include "funnel.h"
#include "jsontext.h"

#include <stdio.h>
#include <string.h>

void
inno_funnel_init(InnoFunnel *f)
{
	memset(f, 0, sizeof(*f));
	f->version = INNO_FUNNEL_VERSION;
}

/*
 * The sum of a funnel's counts, which every accessor relies on fitting in an
 * int64 (total(), reached()): computed unsigned, so it cannot overflow for
 * counts that are each non-negative.
 */
static uint64_t
funnel_sum(const InnoFunnel *f)
{
	uint64_t	sum = 0;
	int			i;

	for (i = 0; i < INNO_FUNNEL_SLOTS; i++)
		sum += (uint64_t) f->count[i];
	return sum;
}

/*
 * Add n projects at a stage.  INNO_ERR_RANGE if the total would pass an
 * int64 (possible only from a state seeded with huge counts): a value whose
 * total cannot be read must never be produced.
 */
/* is a stage one a funnel counts (a rung, within the slots)? */
static bool
Counted(InnoStage stage)
{
	return stage < INNO_FUNNEL_SLOTS && inno_stage_rank(stage) != 0;
}

InnoStatus
inno_funnel_add(InnoFunnel *f, InnoStage stage, int64_t n)
{
	if (!Counted(stage))
		return INNO_ERR_PARAM;
	if (n < 0 || funnel_sum(f) + (uint64_t) n > (uint64_t) INT64_MAX)
		return INNO_ERR_RANGE;
	f->count[stage] += n;
	return INNO_OK;
}

bool
inno_funnel_add_one_unchecked(InnoFunnel *f, InnoStage stage)
{
	if (!Counted(stage))
		return false;
	f->count[stage]++;
	return true;
}

/* f += g, both valid; INNO_ERR_RANGE (f unchanged) if the total would pass an int64. */
InnoStatus
inno_funnel_merge(InnoFunnel *f, const InnoFunnel *g)
{
	int			i;

	if (funnel_sum(f) + funnel_sum(g) > (uint64_t) INT64_MAX)
		return INNO_ERR_RANGE;
	for (i = 0; i < INNO_FUNNEL_SLOTS; i++)
		f->count[i] += g->count[i];
	return INNO_OK;
}

int64_t
inno_funnel_at(const InnoFunnel *f, InnoStage stage)
{
	return stage < INNO_FUNNEL_SLOTS ? f->count[stage] : 0;
}

int64_t
inno_funnel_reached(const InnoFunnel *f, InnoStage stage)
{
	int			r;
	int64_t		n = 0;

	/* a validated funnel's total fits in int64, so this cannot overflow */
	for (r = inno_stage_rank(stage); r >= 1 && r <= INNO_STAGE_COUNT; r++)
		n += f->count[inno_stage_at_rank(r)];
	return n;
}

int64_t
inno_funnel_total(const InnoFunnel *f)
{
	return inno_funnel_reached(f, inno_stage_at_rank(1));
}

InnoStatus
inno_funnel_validate(const InnoFunnel *f, InnoError *err)
{
	int			i;
	int64_t		total = 0;

	inno_error_clear(err);
	if (f->version != INNO_FUNNEL_VERSION)
	{
		inno_set_detail(err, "Unknown stage_funnel format version %u.", (unsigned) f->version);
		return INNO_ERR_CORRUPT;
	}
	for (i = 0; i < 7; i++)
		if (f->pad[i] != 0)
		{
			inno_set_detail(err, "Reserved bytes are not zero.");
			return INNO_ERR_CORRUPT;
		}
	for (i = 0; i < INNO_FUNNEL_SLOTS; i++)
	{
		if (f->count[i] < 0 || (f->count[i] != 0 && inno_stage_rank((InnoStage) i) == 0))
		{
			inno_set_detail(err, "Count %d is invalid.", i);
			return INNO_ERR_CORRUPT;
		}
		if (total > INT64_MAX - f->count[i])
		{
			inno_set_detail(err, "The counts add up to more than a bigint holds.");
			return INNO_ERR_CORRUPT;
		}
		total += f->count[i];
	}
	return INNO_OK;
}

int
inno_funnel_format(const InnoFunnel *f, char *buf, size_t buflen)
{
	size_t		o = 0;
	int			r;
	bool		first = true;

	if (buflen < INNO_FUNNEL_TEXT_MAX)
		return -1;
	buf[o++] = '{';
	for (r = 1; r <= INNO_STAGE_COUNT; r++)
	{
		const InnoStageInfo *info = inno_stage_by_rank(r);

		if (f->count[info->code] == 0)
			continue;
		o += (size_t) snprintf(buf + o, buflen - o, "%s\"%s\": %lld", first ? "" : ", ",
							   info->label, (long long) f->count[info->code]);
		first = false;
	}
	buf[o++] = '}';
	buf[o] = '\0';
	return (int) o;
}

/* A canonical stage label (not an alias): the text form is canonical. */
static InnoStage
LabelCode(const char *s, size_t n)
{
	int			r;

	for (r = 1; r <= INNO_STAGE_COUNT; r++)
	{
		const InnoStageInfo *info = inno_stage_by_rank(r);

		if (strlen(info->label) == n && memcmp(info->label, s, n) == 0)
			return info->code;
	}
	return INNO_STAGE_INVALID;
}

InnoStatus
inno_funnel_parse(const char *s, size_t len, InnoFunnel *out, InnoError *err)
{
	InnoJsonCursor c;
	bool		seen[INNO_FUNNEL_SLOTS] = {false};

	inno_error_clear(err);
	inno_funnel_init(out);
	inno_json_init(&c, s, len);
	if (!inno_json_char(&c, '{'))
		goto syntax;
	if (!inno_json_char(&c, '}'))
	{
		for (;;)
		{
			const char *key;
			size_t		n;
			int64_t		v;
			InnoStage	code;

			if (!inno_json_string(&c, &key, &n) || !inno_json_char(&c, ':') || !inno_json_int64(&c, &v))
				goto syntax;
			code = LabelCode(key, n);
			if (code == INNO_STAGE_INVALID)
			{
				inno_set_detail(err, "\"%.*s\" is not a stage label.", (int) (n > 40 ? 40 : n), key);
				return INNO_ERR_SYNTAX;
			}
			if (seen[code])
			{
				inno_set_detail(err, "Stage \"%.*s\" is listed twice.", (int) n, key);
				return INNO_ERR_SYNTAX;
			}
			if (v < 0)
			{
				inno_set_detail(err, "The count of stage \"%.*s\" is negative.", (int) n, key);
				return INNO_ERR_SYNTAX;
			}
			seen[code] = true;
			out->count[code] = v;
			if (inno_json_char(&c, '}'))
				break;
			if (!inno_json_char(&c, ','))
				goto syntax;
		}
	}
	if (!inno_json_end(&c))
		goto syntax;
	if (inno_funnel_validate(out, err) != INNO_OK)
		return INNO_ERR_RANGE;
	return INNO_OK;
syntax:
	inno_set_detail(err, "A stage_funnel is written as a JSON object of stage labels and counts, such as {\"registered\": 7, \"high_tech\": 2}.");
	return INNO_ERR_SYNTAX;
}

void
inno_funnel_encode_binary(const InnoFunnel *f, uint8_t *buf)
{
	int			i,
				b;

	*buf++ = f->version;
	for (i = 0; i < INNO_FUNNEL_SLOTS; i++)
		for (b = 7; b >= 0; b--)
			*buf++ = (uint8_t) ((uint64_t) f->count[i] >> (8 * b));
}

InnoStatus
inno_funnel_decode_binary(const uint8_t *buf, size_t len, InnoFunnel *out, InnoError *err)
{
	int			i,
				b;

	inno_error_clear(err);
	if (inno_binary_check(buf, len, "stage_funnel", INNO_FUNNEL_VERSION,
						  INNO_FUNNEL_BINARY_LEN, false, err) != INNO_OK)
		return INNO_ERR_CORRUPT;
	inno_funnel_init(out);
	out->version = *buf++;
	for (i = 0; i < INNO_FUNNEL_SLOTS; i++)
	{
		uint64_t	v = 0;

		for (b = 0; b < 8; b++)
			v = (v << 8) | *buf++;
		out->count[i] = (int64_t) v;
	}
	return inno_funnel_validate(out, err);
}
