/* Gregorian date arithmetic (see date.h). Day numbers use the well-known
 * civil-from-days construction over 400-year eras. */
#include "core/date.h"

#include <stdio.h>

int sy_date_is_leap_year(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int sy_date_days_in_month(int y, int m)
{
    static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return m == 2 && sy_date_is_leap_year(y) ? 29 : len[m - 1];
}

int sy_date_valid(sy_date d)
{
    return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
        d.day <= sy_date_days_in_month(d.year, d.month);
}

int sy_date_parse_iso(const char *s, size_t len, sy_date *out)
{
    if (len != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    int v[3] = {0, 0, 0};
    static const int start[3] = {0, 5, 8}, width[3] = {4, 2, 2};
    for (int k = 0; k < 3; k++) {
        for (int i = 0; i < width[k]; i++) {
            char c = s[start[k] + i];
            if (c < '0' || c > '9')
                return -1;
            v[k] = v[k] * 10 + (c - '0');
        }
    }
    sy_date d = {v[0], v[1], v[2]};
    if (!sy_date_valid(d))
        return -1;
    *out = d;
    return 0;
}

long sy_date_to_days(sy_date d)
{
    long y = d.year - (d.month <= 2);
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long mp = (d.month + 9) % 12;
    long doy = (153 * mp + 2) / 5 + d.day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

sy_date sy_date_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    sy_date d;
    d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
    d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
    d.year = (int)(y + (d.month <= 2));
    return d;
}

int sy_date_weekday(sy_date d)
{
    long z = sy_date_to_days(d); /* 1970-01-01 was a Thursday */
    long w = (z + 4) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

int sy_date_cmp(sy_date a, sy_date b)
{
    if (a.year != b.year)
        return a.year < b.year ? -1 : 1;
    if (a.month != b.month)
        return a.month < b.month ? -1 : 1;
    return a.day < b.day ? -1 : a.day > b.day;
}

sy_date sy_date_add_months(sy_date d, int months)
{
    long m = (long)d.year * 12 + (d.month - 1) + months;
    sy_date r;
    r.year = (int)(m / 12);
    r.month = (int)(m % 12) + 1;
    int dim = sy_date_days_in_month(r.year, r.month);
    r.day = d.day > dim ? dim : d.day;
    return r;
}

sy_date sy_date_add_years(sy_date d, int years)
{
    return sy_date_add_months(d, years * 12);
}

void sy_date_format_iso(sy_date d, char out[11])
{
    unsigned y = (unsigned)d.year % 10000u, m = (unsigned)d.month % 100u,
             dd = (unsigned)d.day % 100u;
    snprintf(out, 11, "%04u-%02u-%02u", y, m, dd);
}
