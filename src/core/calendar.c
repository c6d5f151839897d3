/*
 * calendar.c
 *	  Day numbers <-> calendar dates (the civil-from-days algorithm).
 */
#include "calendar.h"

#include <stdio.h>

/* days from 0000-03-01 to 2000-01-01 in the algorithm's era arithmetic */
#define EPOCH_SHIFT 730425

int32_t
inno_days_from_ymd(int year, int month, int day)
{
	int			y = year - (month <= 2);
	int			era = (y >= 0 ? y : y - 399) / 400;
	int			yoe = y - era * 400;
	int			mp = (month + 9) % 12;
	int			doy = (153 * mp + 2) / 5 + day - 1;
	int			doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return (int32_t) (era * 146097 + doe - EPOCH_SHIFT);
}

void
inno_ymd_from_days(int32_t days, int *year, int *month, int *day)
{
	int64_t		z = (int64_t) days + EPOCH_SHIFT;
	int64_t		era = (z >= 0 ? z : z - 146096) / 146097;
	int64_t		doe = z - era * 146097;
	int64_t		yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int64_t		doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int64_t		mp = (5 * doy + 2) / 153;
	int			m = (int) (mp < 10 ? mp + 3 : mp - 9);

	*day = (int) (doy - (153 * mp + 2) / 5 + 1);
	*month = m;
	*year = (int) (yoe + era * 400 + (m <= 2));
}

bool
inno_valid_ymd(int year, int month, int day)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool		leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	if (month < 1 || month > 12 || day < 1)
		return false;
	return day <= mdays[month - 1] + (month == 2 && leap);
}

void
inno_format_day(int32_t days, char *buf)
{
	int			y,
				m,
				d;

	inno_ymd_from_days(days, &y, &m, &d);
	snprintf(buf, 11, "%04d-%02d-%02d", y, m, d);
}

bool
inno_parse_day(const char *s, size_t len, int32_t *days)
{
	int			v[3] = {0, 0, 0};
	size_t		i;

	if (len != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (i = 0; i < 10; i++)
	{
		if (i == 4 || i == 7)
			continue;
		if (s[i] < '0' || s[i] > '9')
			return false;
		v[i < 4 ? 0 : i < 7 ? 1 : 2] = v[i < 4 ? 0 : i < 7 ? 1 : 2] * 10 + (s[i] - '0');
	}
	if (!inno_valid_ymd(v[0], v[1], v[2]))
		return false;
	*days = inno_days_from_ymd(v[0], v[1], v[2]);
	return true;
}
