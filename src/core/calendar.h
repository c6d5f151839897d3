/*
 * calendar.h
 *	  Proleptic Gregorian dates as days since 2000-01-01 (PostgreSQL's date
 *	  epoch, so a day number is a DateADT), integer arithmetic only.
 */
#ifndef INNO_CALENDAR_H
#define INNO_CALENDAR_H

#include "inno_core.h"

extern int32_t inno_days_from_ymd(int year, int month, int day);
extern void inno_ymd_from_days(int32_t days, int *year, int *month, int *day);
extern bool inno_valid_ymd(int year, int month, int day);

/* "YYYY-MM-DD" (buf needs 11 bytes); years 0..9999 */
extern void inno_format_day(int32_t days, char *buf);
/* Parse exactly "YYYY-MM-DD"; false if malformed or not a real day. */
extern bool inno_parse_day(const char *s, size_t len, int32_t *days);

#endif							/* INNO_CALENDAR_H */
