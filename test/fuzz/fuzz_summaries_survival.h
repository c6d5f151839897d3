/*
 * fuzz_summaries_survival.h
 *	  fuzz_summaries' readers of stage_survival (text and binary), and the
 *	  oracle for what they accept.  Included by fuzz_summaries.c only.
 */
#ifndef FUZZ_SUMMARIES_SURVIVAL_H
#define FUZZ_SUMMARIES_SURVIVAL_H

#include "survival.h"

/*
 * An accepted stage_survival: the other form reads back identically, a
 * merge with itself validates, and the curve is a share that only falls,
 * with its band around it.
 */
static void
SurvivalAccepted(const InnoSurvival *s)
{
	size_t		tlen = inno_sv_text_size(s);
	char	   *buf = malloc(tlen);
	uint8_t    *bin = malloc(INNO_SV_BINARY_SIZE(s->nentries));
	InnoSurvival *back = malloc(INNO_SV_SIZE(s->nentries));
	InnoSurvival *m = malloc(INNO_SV_SIZE(s->nentries));
	uint32_t	n = s->nentries;
	InnoError	err;
	InnoSvWalk	w;
	InnoSvStep	st;
	double		prev = 1.0,
				share;
	int32_t		day;
	bool		full;

	if (inno_sv_format(s, buf, tlen) < 0 || inno_sv_parse(buf, strlen(buf), back, &n, &err) != INNO_OK ||
		memcmp(back, s, INNO_SV_SIZE(s->nentries)) != 0)
		abort();
	inno_sv_encode_binary(s, bin);
	if (inno_sv_decode_binary(bin, INNO_SV_BINARY_SIZE(s->nentries), back, &n, &err) != INNO_OK ||
		memcmp(back, s, INNO_SV_SIZE(s->nentries)) != 0)
		abort();
	memcpy(m, s, INNO_SV_SIZE(s->nentries));
	if (inno_sv_merge(m, s->nentries, s, &full, &err) == INNO_OK &&
		(full || inno_sv_validate(m, INNO_SV_SIZE(m->nentries), &err) != INNO_OK))
		abort();
	inno_sv_walk_init(s, &w);
	while (inno_sv_walk_next(s, &w, &st))
	{
		if (!(st.survival >= 0.0 && st.survival <= prev) || st.at_risk < st.events + st.censored ||
			(st.has_band && !(st.lower >= 0.0 && st.lower <= st.survival &&
							  st.upper >= st.survival && st.upper <= 1.0)))
			abort();
		prev = st.survival;
	}
	if (inno_sv_quantile(s, 0.5, &day) && (day < 0 || day > INNO_SV_MAX_DAYS))
		abort();
	if (inno_sv_reached_within(s, 365, &share) && !(share >= 0.0 && share <= 1.0))
		abort();
	free(buf);
	free(bin);
	free(back);
	free(m);
}

static void
SurvivalText(const char *t, size_t len)
{
	uint32_t	n = 0;
	InnoError	err;
	InnoSurvival *s;

	if (inno_sv_parse(t, len, NULL, &n, &err) != INNO_OK)
		return;
	s = malloc(INNO_SV_SIZE(n));
	if (inno_sv_parse(t, len, s, &n, &err) == INNO_OK)
	{
		if (inno_sv_validate(s, INNO_SV_SIZE(n), &err) != INNO_OK)
			abort();
		SurvivalAccepted(s);
	}
	free(s);
}

static void
SurvivalBinary(const uint8_t *b, size_t len)
{
	uint32_t	n = 0;
	InnoError	err;
	InnoSurvival *s;

	if (inno_sv_decode_binary(b, len, NULL, &n, &err) != INNO_OK)
		return;
	s = malloc(INNO_SV_SIZE(n));
	if (inno_sv_decode_binary(b, len, s, &n, &err) == INNO_OK)
		SurvivalAccepted(s);
	free(s);
}

#endif							/* FUZZ_SUMMARIES_SURVIVAL_H */
