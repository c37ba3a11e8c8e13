/* The Khmer lunisolar calendar (Chhankitek) by the traditional arithmetic:
 * year quantities from the Buddhist Era year, month lengths, the leap month
 * and leap day, and the New Year (Songkran) days that move the animal year
 * and the era. Pure integer arithmetic, no tables except the official New
 * Year announcements; docs/calendar.md explains each rule. */
#include "cal/cal.h"

#include "core/date.h"

#include <string.h>

/* A "lunar year" here runs from ១កើត ខែបុស្ស to the end of ខែមិគសិរ. Lunar
 * year 0 begins on 1900-01-01 (a published epoch: ១កើត ខែបុស្ស, BE 2443 until
 * Visak Bochea). The leap rules of lunar year k are those of BE year
 * EPOCH_BE + k: the BE that holds its ជេស្ឋ and អាសាឍ, the only months whose
 * length varies. */
#define EPOCH_YEAR 1900
#define EPOCH_BE 2444

/* Years of the lunar tables: the epoch and one lunar year past the last
 * Gregorian year, since that year's last days fall in the next lunar year. */
#define LUNAR_YEARS (SY_CAL_LAST_YEAR - EPOCH_YEAR + 2)

typedef enum leap_kind { LEAP_NONE = 0, LEAP_DAY, LEAP_MONTH } leap_kind;

/* Days from the epoch to the year's computation start (ahargana). */
static long aharkun(long be)
{
    return (be * 292207 + 499) / 800 + 4;
}

/* Remainder of the solar year: the year has 366 days when <= 207. */
static long kromthupul(long be)
{
    return 800 - (be * 292207 + 499) % 800;
}

/* Lunar-day excess in 692ths: decides the leap day. */
static long avoman(long be)
{
    return (aharkun(be) * 11 + 25) % 692;
}

/* Lunar day (tithi, 0..29) at the start of the solar year: decides the
 * leap month and the lunar date of Lerng Sak. */
static long bodithey(long be)
{
    long a = aharkun(be);
    return ((a * 11 + 25) / 692 + a + 29) % 30;
}

static int solar_leap(long be)
{
    return kromthupul(be) <= 207;
}

/* អធិកមាស by the bodithey rule, with the two consecutive-year exceptions:
 * of the pair (25, 5) only the 5 is a leap-month year, of the pair (24, 6)
 * the 24 is one. */
static int leap_month_by_rule(long be)
{
    long b = bodithey(be), next = bodithey(be + 1);
    if (b == 25 && next == 5)
        return 0;
    if (b == 24 && next == 6)
        return 1;
    return b >= 25 || b <= 5;
}

/* ចន្ទ្រាធិមាស by the avoman rule; of the pair (137, 0) the 137 is a normal
 * year (the 0 then takes the day). */
static int leap_day_by_rule(long be)
{
    long a = avoman(be);
    if (solar_leap(be))
        return a < 127;
    if (a == 137 && avoman(be + 1) == 0)
        return 0;
    return a < 138;
}

/* A year takes at most one of the two: the leap month stays and a leap day
 * due in the same year moves to the next year. */
static leap_kind year_leap(long be)
{
    if (leap_month_by_rule(be))
        return LEAP_MONTH;
    if (leap_day_by_rule(be))
        return LEAP_DAY;
    if (leap_month_by_rule(be - 1) && leap_day_by_rule(be - 1))
        return LEAP_DAY;
    return LEAP_NONE;
}

static int year_length(leap_kind k)
{
    return k == LEAP_MONTH ? 384 : k == LEAP_DAY ? 355 : 354;
}

/* The months of a lunar year from បុស្ស, with their lengths; returns how
 * many (12 or 13). */
static int year_months(leap_kind k, sy_cal_month month[13], int days[13])
{
    static const sy_cal_month order[] = {
        SY_CAL_BOS,   SY_CAL_MEAK, SY_CAL_PHALKUN,   SY_CAL_CHET,   SY_CAL_PISAK,  SY_CAL_JESTH,
        SY_CAL_ASADH, SY_CAL_SRAP, SY_CAL_PHOTROBOT, SY_CAL_ASSOCH, SY_CAL_KADEUK, SY_CAL_MIGASER};
    int n = 0;
    for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
        sy_cal_month m = order[i];
        if (m == SY_CAL_ASADH && k == LEAP_MONTH) {
            month[n] = SY_CAL_PATHAMASADH;
            days[n++] = 30;
            month[n] = SY_CAL_TUTIYASADH;
            days[n++] = 30;
            continue;
        }
        month[n] = m;
        /* Months alternate 30 and 29 days from បុស្ស; ជេស្ឋ takes the leap
         * day. */
        days[n] = (i % 2 == 0) ? 30 : 29;
        if (m == SY_CAL_JESTH && k == LEAP_DAY)
            days[n] = 30;
        n++;
    }
    return n;
}

/* Finds the lunar year holding day number `days` (core/date.h day
 * numbers): its index and first day. Returns -1 when before the epoch or
 * past the tables. */
static int find_lunar_year(long days, long *year_start)
{
    sy_date epoch = {EPOCH_YEAR, 1, 1};
    long start = sy_date_to_days(epoch);
    if (days < start)
        return -1;
    for (int k = 0; k < LUNAR_YEARS; k++) {
        long len = year_length(year_leap(EPOCH_BE + k));
        if (days < start + len) {
            *year_start = start;
            return k;
        }
        start += len;
    }
    return -1;
}

static long lunar_year_start(int k)
{
    sy_date epoch = {EPOCH_YEAR, 1, 1};
    long start = sy_date_to_days(epoch);
    for (int i = 0; i < k; i++)
        start += year_length(year_leap(EPOCH_BE + i));
    return start;
}

/* ---- New Year (Songkran) ---- */

/* Angles are counted in libda (arc minutes): 60 libda make an angsar
 * (degree), 30 angsar a reasey (sign), 12 reasey the circle. */
#define LIBDA_PER_ANGSAR 60
#define LIBDA_PER_REASEY (30 * LIBDA_PER_ANGSAR)

/* The true longitude of the sun, in libda, on day `sotin` of the solar year
 * whose remainder is `krom`: the mean sun, corrected by the equation of the
 * centre read from the traditional six-step table (chhaya). */
static long true_sun(long sotin, long krom)
{
    static const int factor[] = {35, 32, 27, 22, 13, 5, 0};
    static const int shadow[] = {0, 35, 67, 94, 116, 129, 134};
    long r = 800 * sotin + krom;
    long reasey = r / 24350;
    long angsar = (r % 24350) / 811;
    long libda = (r % 24350 % 811) / 14 - 3;
    long mean = LIBDA_PER_REASEY * reasey + LIBDA_PER_ANGSAR * angsar + libda;

    /* Distance from the sun's apogee at 2 reasey 20 angsar. */
    long apogee = 2 * LIBDA_PER_REASEY + 20 * LIBDA_PER_ANGSAR;
    long left = mean - apogee;
    if (left < 0)
        left += 12 * LIBDA_PER_REASEY;
    long kaen = left / LIBDA_PER_REASEY;
    /* Fold the anomaly into the first quadrant. */
    long q;
    if (kaen <= 2)
        q = left;
    else if (kaen <= 5)
        q = 6 * LIBDA_PER_REASEY - left;
    else if (kaen <= 8)
        q = left - 6 * LIBDA_PER_REASEY;
    else
        q = 12 * LIBDA_PER_REASEY - left;
    long q_reasey = q / LIBDA_PER_REASEY;
    long q_angsar = q % LIBDA_PER_REASEY / LIBDA_PER_ANGSAR;
    long q_libda = q % LIBDA_PER_ANGSAR;
    /* Steps (khan) of 15 angsar, and the libda into the step. */
    long khan, into;
    if (q_angsar >= 15) {
        khan = 2 * q_reasey + 1;
        into = LIBDA_PER_ANGSAR * (q_angsar - 15) + q_libda;
    } else {
        khan = 2 * q_reasey;
        into = LIBDA_PER_ANGSAR * q_angsar + q_libda;
    }
    if (khan > 6)
        khan = 6;
    long correction = into * factor[khan] / 900 + shadow[khan];
    return kaen <= 5 ? mean - correction : mean + correction;
}

/* New Year moments announced by the Ministry of Cults and Religion where
 * they differ from the arithmetic: 2012 by a day, the others by minutes
 * (docs/calendar.md gives the sources). */
static const struct announced_new_year {
    int year, month, day, hour, minute;
} announced[] = {
    {2011, 4, 14, 13, 12}, {2012, 4, 14, 19, 11}, {2013, 4, 14, 2, 12},
    {2014, 4, 14, 8, 7},   {2015, 4, 14, 14, 2},  {2024, 4, 13, 22, 17},
};

sy_status sy_cal_new_year_of(int year, sy_cal_new_year *out)
{
    memset(out, 0, sizeof *out);
    if (year < SY_CAL_FIRST_YEAR || year > SY_CAL_LAST_YEAR)
        return SY_ERR_DATA;
    long be = year + 544; /* the BE year whose Songkran falls in `year` */
    int k = (int)(be - EPOCH_BE);

    /* Day 362..365 of the old solar year (363..366 after a 366-day one):
     * the true sun crosses into Aries (reasey 0, angsar 0) on one of them. */
    long krom = kromthupul(be - 1);
    long first_sotin = solar_leap(be - 1) ? 363 : 362;
    int vanabat = 1, found = 0;
    for (long s = first_sotin; s < first_sotin + 4; s++) {
        long sun = true_sun(s, krom);
        long angsar = sun % LIBDA_PER_REASEY / LIBDA_PER_ANGSAR;
        if (angsar != 0)
            continue;
        if (s == first_sotin)
            vanabat = 2;
        if (!found) {
            long minutes = 24 * 60 - (sun % LIBDA_PER_ANGSAR) * 24;
            out->hour = (int)(minutes / 60 % 24);
            out->minute = (int)(minutes % 60);
            found = 1;
        }
    }

    /* Lerng Sak falls on lunar day `bodithey` of ចេត្រ (counted as if ចេត្រ
     * had 30 days, so that 30+ spill into ពិសាខ). A leap day postponed from
     * last year has not been inserted yet: one day later. */
    long b = bodithey(be);
    long tithi = b >= 6 ? b : b + 30;
    if (b >= 6 && leap_month_by_rule(be - 1) && leap_day_by_rule(be - 1))
        tithi++;
    /* ចេត្រ starts after បុស្ស, មាឃ and ផល្គុន (30 + 29 + 30 days). */
    long chet = lunar_year_start(k) + 89;
    long lerng_sak = chet + tithi - 1;
    long songkran = lerng_sak - vanabat - 1;

    for (size_t i = 0; i < sizeof announced / sizeof *announced; i++) {
        if (announced[i].year != year)
            continue;
        sy_date d = {announced[i].year, announced[i].month, announced[i].day};
        long shift = sy_date_to_days(d) - songkran;
        songkran += shift;
        lerng_sak += shift;
        out->hour = announced[i].hour;
        out->minute = announced[i].minute;
        out->announced = 1;
    }
    out->moha_songkran = sy_date_from_days(songkran);
    out->lerng_sak = sy_date_from_days(lerng_sak);
    out->vanabat_days = vanabat;
    return SY_OK;
}

sy_status sy_cal_lunar(sy_date d, sy_lunar_date *out)
{
    memset(out, 0, sizeof *out);
    if (!sy_date_valid(d) || d.year < SY_CAL_FIRST_YEAR || d.year > SY_CAL_LAST_YEAR)
        return SY_ERR_DATA;
    long days = sy_date_to_days(d), start;
    int k = find_lunar_year(days, &start);
    if (k < 0)
        return SY_ERR_DATA;
    leap_kind leap = year_leap(EPOCH_BE + k);
    sy_cal_month month[13];
    int len[13];
    int n = year_months(leap, month, len);
    long into = days - start;
    int i = 0;
    while (i < n - 1 && into >= len[i])
        into -= len[i++];

    out->weekday = sy_date_weekday(d);
    out->month = month[i];
    out->month_days = len[i];
    out->waxing = into < 15;
    out->day = (int)(out->waxing ? into + 1 : into - 14);
    out->leap_month_year = leap == LEAP_MONTH;
    out->leap_day_year = leap == LEAP_DAY;
    out->year_days = year_length(leap);

    /* The BE turns on ១រោច ខែពិសាខ, the day after Visak Bochea. */
    int before_visak = i < 4 || (month[i] == SY_CAL_PISAK && out->waxing);
    out->be_year = EPOCH_BE + k - before_visak;

    /* The animal year turns at Moha Songkran, the era at Lerng Sak. */
    sy_cal_new_year ny;
    sy_status st = sy_cal_new_year_of(d.year, &ny);
    if (st != SY_OK) {
        memset(out, 0, sizeof *out);
        return st;
    }
    int after_songkran = sy_date_cmp(d, ny.moha_songkran) >= 0;
    int after_lerng_sak = sy_date_cmp(d, ny.lerng_sak) >= 0;
    int animal_year = after_songkran ? d.year : d.year - 1;
    /* 2020 was a year of the rat (index 0). */
    out->animal = ((animal_year - 2020) % 12 + 12) % 12;
    out->js_year = after_lerng_sak ? d.year - 638 : d.year - 639;
    out->era = out->js_year % 10;
    return SY_OK;
}
