/* Gregorian calendar arithmetic shared by the data, calendar and template
 * modules: parsing ISO 8601 dates, validity, weekdays, day numbers. */
#ifndef SY_CORE_DATE_H
#define SY_CORE_DATE_H

#include "core/value.h"

/* Parses exactly "YYYY-MM-DD" (len bytes of s) into *out. Returns 0 on
 * success, -1 when the text is not of that form or not a real date. */
int sy_date_parse_iso(const char *s, size_t len, sy_date *out);
/* Non-zero when d is a real date between 0001-01-01 and 9999-12-31. */
int sy_date_valid(sy_date d);
int sy_date_is_leap_year(int year);
int sy_date_days_in_month(int year, int month);
/* Days since 1970-01-01 (negative before). */
long sy_date_to_days(sy_date d);
sy_date sy_date_from_days(long days);
/* 0 = Sunday ... 6 = Saturday. */
int sy_date_weekday(sy_date d);
/* Negative, zero or positive as a is before, equal to or after b. */
int sy_date_cmp(sy_date a, sy_date b);
/* d plus n years; 29 February becomes 28 February in a common year. */
sy_date sy_date_add_years(sy_date d, int years);
/* d plus n months, clamping the day to the month's length. */
sy_date sy_date_add_months(sy_date d, int months);
/* Writes "YYYY-MM-DD" and a NUL into out (at least 11 bytes). */
void sy_date_format_iso(sy_date d, char out[11]);

#endif
