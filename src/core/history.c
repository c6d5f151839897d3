/*
 * history.c
 *	  First date per stage, merged exactly.
 */
#include "history.h"
#include "calendar.h"
#include "jsontext.h"

#include <stdio.h>
#include <string.h>

/* dates accepted in a history: years 1900..2199, like funding_round */
#define DAY_MIN (-36524)		/* 1900-01-01 */
#define DAY_MAX 73048			/* 2199-12-31 */

void
inno_history_init(InnoHistory *h)
{
	memset(h, 0, sizeof(*h));
	h->version = INNO_HISTORY_VERSION;
}

InnoStatus
inno_history_add(InnoHistory *h, InnoStage stage, bool has_date, int32_t day)
{
	uint16_t	bit;

	if (stage >= INNO_HISTORY_SLOTS || inno_stage_rank(stage) == 0)
		return INNO_ERR_PARAM;
	if (has_date && (day < DAY_MIN || day > DAY_MAX))
		return INNO_ERR_RANGE;
	bit = (uint16_t) (1u << stage);
	h->reached |= bit;
	if (has_date && (!(h->dated & bit) || day < h->first[stage]))
	{
		h->first[stage] = day;
		h->dated |= bit;
	}
	return INNO_OK;
}

void
inno_history_merge(InnoHistory *h, const InnoHistory *g)
{
	int			i;

	for (i = 0; i < INNO_HISTORY_SLOTS; i++)
	{
		uint16_t	bit = (uint16_t) (1u << i);

		if ((g->dated & bit) && (!(h->dated & bit) || g->first[i] < h->first[i]))
			h->first[i] = g->first[i];
	}
	h->reached |= g->reached;
	h->dated |= g->dated;
}

InnoStage
inno_history_current(const InnoHistory *h)
{
	int			r;

	for (r = INNO_STAGE_COUNT; r >= 1; r--)
		if (h->reached & (1u << inno_stage_at_rank(r)))
			return inno_stage_at_rank(r);
	return INNO_STAGE_INVALID;
}

InnoStage
inno_history_on(const InnoHistory *h, int32_t day)
{
	int			r;

	for (r = INNO_STAGE_COUNT; r >= 1; r--)
	{
		InnoStage	s = inno_stage_at_rank(r);

		if ((h->dated & (1u << s)) && h->first[s] <= day)
			return s;
	}
	return INNO_STAGE_INVALID;
}

bool
inno_history_first(const InnoHistory *h, InnoStage stage, int32_t *day)
{
	if (stage >= INNO_HISTORY_SLOTS || !(h->dated & (1u << stage)))
		return false;
	*day = h->first[stage];
	return true;
}

bool
inno_history_consistent(const InnoHistory *h)
{
	int			r;
	bool		have = false;
	int32_t		last = 0;

	for (r = 1; r <= INNO_STAGE_COUNT; r++)
	{
		InnoStage	s = inno_stage_at_rank(r);

		if (!(h->dated & (1u << s)))
			continue;
		if (have && h->first[s] < last)
			return false;
		have = true;
		last = h->first[s];
	}
	return true;
}

InnoStatus
inno_history_validate(const InnoHistory *h, InnoError *err)
{
	int			i;

	inno_error_clear(err);
	if (h->version != INNO_HISTORY_VERSION)
	{
		inno_set_detail(err, "Unknown stage_history format version %u.", (unsigned) h->version);
		return INNO_ERR_CORRUPT;
	}
	if (h->pad != 0 || h->pad2 != 0 || (h->dated & ~h->reached))
	{
		inno_set_detail(err, "The stage_history header is invalid.");
		return INNO_ERR_CORRUPT;
	}
	for (i = 0; i < INNO_HISTORY_SLOTS; i++)
	{
		uint16_t	bit = (uint16_t) (1u << i);

		if ((h->reached & bit) && inno_stage_rank((InnoStage) i) == 0)
		{
			inno_set_detail(err, "Stage code %d is not a stage.", i);
			return INNO_ERR_CORRUPT;
		}
		if ((h->dated & bit) ? (h->first[i] < DAY_MIN || h->first[i] > DAY_MAX) : h->first[i] != 0)
		{
			inno_set_detail(err, "The date of stage code %d is invalid.", i);
			return INNO_ERR_CORRUPT;
		}
	}
	return INNO_OK;
}

int
inno_history_format(const InnoHistory *h, char *buf, size_t buflen)
{
	size_t		o = 0;
	int			r;
	bool		first = true;

	if (buflen < INNO_HISTORY_TEXT_MAX)
		return -1;
	buf[o++] = '{';
	for (r = 1; r <= INNO_STAGE_COUNT; r++)
	{
		const InnoStageInfo *info = inno_stage_by_rank(r);
		char		day[11];

		if (!(h->reached & (1u << info->code)))
			continue;
		if (h->dated & (1u << info->code))
			inno_format_day(h->first[info->code], day);
		o += (size_t) snprintf(buf + o, buflen - o, (h->dated & (1u << info->code)) ?
							   "%s\"%s\": \"%s\"" : "%s\"%s\": null",
							   first ? "" : ", ", info->label, day);
		first = false;
	}
	buf[o++] = '}';
	buf[o] = '\0';
	return (int) o;
}

InnoStatus
inno_history_parse(const char *s, size_t len, InnoHistory *out, InnoError *err)
{
	InnoJsonCursor c;

	inno_error_clear(err);
	inno_history_init(out);
	inno_json_init(&c, s, len);
	if (!inno_json_char(&c, '{'))
		goto syntax;
	if (!inno_json_char(&c, '}'))
	{
		for (;;)
		{
			const char *key;
			size_t		n;
			InnoStage	code = INNO_STAGE_INVALID;
			int			r;
			const char *val;
			size_t		vn;
			int32_t		day = 0;
			bool		dated;

			if (!inno_json_string(&c, &key, &n) || !inno_json_char(&c, ':'))
				goto syntax;
			for (r = 1; r <= INNO_STAGE_COUNT; r++)
			{
				const InnoStageInfo *info = inno_stage_by_rank(r);

				if (strlen(info->label) == n && memcmp(info->label, key, n) == 0)
					code = info->code;
			}
			if (code == INNO_STAGE_INVALID || (out->reached & (1u << code)))
			{
				inno_set_detail(err, "\"%.*s\" is not a stage label, or is listed twice.",
								(int) (n > 40 ? 40 : n), key);
				return INNO_ERR_SYNTAX;
			}
			dated = !inno_json_null(&c);
			if (dated && (!inno_json_string(&c, &val, &vn) || !inno_parse_day(val, vn, &day)))
			{
				inno_set_detail(err, "The date of stage \"%.*s\" is not a YYYY-MM-DD date or null.", (int) n, key);
				return INNO_ERR_SYNTAX;
			}
			if (inno_history_add(out, code, dated, day) != INNO_OK)
			{
				inno_set_detail(err, "The date of stage \"%.*s\" is outside 1900-2199.", (int) n, key);
				return INNO_ERR_RANGE;
			}
			if (inno_json_char(&c, '}'))
				break;
			if (!inno_json_char(&c, ','))
				goto syntax;
		}
	}
	if (!inno_json_end(&c))
		goto syntax;
	return INNO_OK;
syntax:
	inno_set_detail(err, "A stage_history is written as a JSON object of stage labels and first dates, such as {\"registered\": \"2021-05-10\", \"high_tech\": null}.");
	return INNO_ERR_SYNTAX;
}

void
inno_history_encode_binary(const InnoHistory *h, uint8_t *buf)
{
	int			i,
				b;

	*buf++ = h->version;
	*buf++ = (uint8_t) (h->reached >> 8);
	*buf++ = (uint8_t) h->reached;
	*buf++ = (uint8_t) (h->dated >> 8);
	*buf++ = (uint8_t) h->dated;
	for (i = 0; i < INNO_HISTORY_SLOTS; i++)
		for (b = 3; b >= 0; b--)
			*buf++ = (uint8_t) ((uint32_t) h->first[i] >> (8 * b));
}

InnoStatus
inno_history_decode_binary(const uint8_t *buf, size_t len, InnoHistory *out, InnoError *err)
{
	int			i,
				b;

	inno_error_clear(err);
	if (inno_binary_check(buf, len, "stage_history", INNO_HISTORY_VERSION,
						  INNO_HISTORY_BINARY_LEN, false, err) != INNO_OK)
		return INNO_ERR_CORRUPT;
	inno_history_init(out);
	out->version = buf[0];
	out->reached = (uint16_t) ((buf[1] << 8) | buf[2]);
	out->dated = (uint16_t) ((buf[3] << 8) | buf[4]);
	buf += 5;
	for (i = 0; i < INNO_HISTORY_SLOTS; i++)
	{
		uint32_t	v = 0;

		for (b = 0; b < 4; b++)
			v = (v << 8) | *buf++;
		out->first[i] = (int32_t) v;
	}
	return inno_history_validate(out, err);
}
