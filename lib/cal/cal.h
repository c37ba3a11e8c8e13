/* Calendars for the date line of a Cambodian official document.
 *
 * In: a Gregorian date (core/date.h). Out: the traditional Khmer lunisolar
 * date (Chhankitek: lunar day and month, animal year, era, Buddhist Era) as a
 * struct or as the Khmer line that opens a document's date, the Gregorian
 * date in Khmer and in English, Khmer digits. Formatting functions append
 * UTF-8 to a caller-owned sy_buf; nothing here allocates memory the caller
 * must free beyond that buffer. The rules are in docs/calendar.md. */
#ifndef SY_CAL_CAL_H
#define SY_CAL_CAL_H

#include "core/buf.h"
#include "core/error.h"
#include "core/value.h"

/* The range the lunar arithmetic is validated over (tests sweep it day by
 * day). Dates outside it are SY_ERR_DATA, never a guess. The Gregorian
 * formats work for any valid date (0001-9999). */
#define SY_CAL_FIRST_YEAR 1900
#define SY_CAL_LAST_YEAR 2100

/* Lunar months, in the traditional order that starts with មិគសិរ. In a
 * leap-month year (អធិកមាស) អាសាឍ is replaced by បឋមាសាឍ then ទុតិយាសាឍ. */
typedef enum sy_cal_month {
    SY_CAL_MIGASER = 0, /* មិគសិរ */
    SY_CAL_BOS, /* បុស្ស */
    SY_CAL_MEAK, /* មាឃ */
    SY_CAL_PHALKUN, /* ផល្គុន */
    SY_CAL_CHET, /* ចេត្រ */
    SY_CAL_PISAK, /* ពិសាខ */
    SY_CAL_JESTH, /* ជេស្ឋ */
    SY_CAL_ASADH, /* អាសាឍ */
    SY_CAL_SRAP, /* ស្រាពណ៍ */
    SY_CAL_PHOTROBOT, /* ភទ្របទ */
    SY_CAL_ASSOCH, /* អស្សុជ */
    SY_CAL_KADEUK, /* កត្ដិក */
    SY_CAL_PATHAMASADH, /* បឋមាសាឍ, first អាសាឍ of a leap-month year */
    SY_CAL_TUTIYASADH /* ទុតិយាសាឍ, second អាសាឍ of a leap-month year */
} sy_cal_month;

/* One day of the Khmer lunisolar calendar. Plain data, filled by
 * sy_cal_lunar. */
typedef struct sy_lunar_date {
    int weekday; /* 0 = Sunday (ថ្ងៃអាទិត្យ) ... 6 = Saturday */
    int day; /* 1..15 within the half month */
    int waxing; /* 1: កើត (waxing), 0: រោច (waning) */
    sy_cal_month month; /* lunar month */
    int month_days; /* length of this lunar month: 29 or 30 */
    int animal; /* animal year: 0 = ជូត (rat) ... 11 = កុរ (pig) */
    int era; /* ស័ក: Chulasakaraj year mod 10; 1 = ឯកស័ក ... 9, 0 = សំរឹទ្ធិស័ក */
    int js_year; /* Chulasakaraj (ចុល្លសករាជ) year; changes at Lerng Sak */
    int be_year; /* Buddhist Era year; changes on ១រោច ខែពិសាខ */
    /* The lunar year (បុស្ស to មិគសិរ) holding this day: */
    int leap_month_year; /* has អធិកមាស (384 days) */
    int leap_day_year; /* has ចន្ទ្រាធិមាស: ជេស្ឋ has 30 days (355 days) */
    int year_days; /* 354, 355 or 384 */
} sy_lunar_date;

/* Fills *out with the lunar date of d. Returns SY_OK, or SY_ERR_DATA when d
 * is not a valid date or lies outside SY_CAL_FIRST_YEAR..SY_CAL_LAST_YEAR
 * (then *out is zeroed). */
sy_status sy_cal_lunar(sy_date d, sy_lunar_date *out);

/* The Khmer New Year of Gregorian year `year`, by the traditional Songkran
 * arithmetic, or by the government's announcement for the few years where
 * that differed (see docs/calendar.md). */
typedef struct sy_cal_new_year {
    sy_date moha_songkran; /* first day: the animal year changes on it */
    int vanabat_days; /* days of វ័នបត between: 1 or 2 */
    sy_date lerng_sak; /* last day: the era changes on it */
    int hour, minute; /* time the new year enters, on moha_songkran */
    int announced; /* 1 when taken from an official announcement */
} sy_cal_new_year;

/* Fills *out for `year`. Returns SY_OK or SY_ERR_DATA when the year is
 * outside SY_CAL_FIRST_YEAR..SY_CAL_LAST_YEAR. */
sy_status sy_cal_new_year_of(int year, sy_cal_new_year *out);

/* Khmer names, UTF-8 in static storage; "" for an index out of range. */
const char *sy_cal_month_name_km(sy_cal_month m);
/* "ថ្ងៃ" is not included: sy_cal_weekday_name_km(3) is "ពុធ". */
const char *sy_cal_weekday_name_km(int weekday);
const char *sy_cal_animal_name_km(int animal);
/* Era by index as in sy_lunar_date.era: 8 is "អដ្ឋស័ក". */
const char *sy_cal_era_name_km(int era);

/* Appends to out the lunar date line of a document, e.g. for 2026-05-20
 * "ថ្ងៃពុធ ៤កើត ខែជេស្ឋ ឆ្នាំមមី អដ្ឋស័ក ពុទ្ធសករាជ ២៥៧០" (no newline).
 * Returns SY_OK, SY_ERR_DATA as sy_cal_lunar (nothing appended), or
 * SY_ERR_NOMEM when the buffer failed. */
sy_status sy_cal_format_lunar_km(sy_date d, sy_buf *out);

/* Appends the Gregorian date in Khmer, "ថ្ងៃទី១២ ខែមិថុនា ឆ្នាំ២០២៥", with
 * the month name from ICU's "km" locale and Khmer digits. Returns SY_OK,
 * SY_ERR_DATA for an invalid date, SY_ERR_INTERNAL when ICU fails or
 * SY_ERR_NOMEM. */
sy_status sy_cal_format_km(sy_date d, sy_buf *out);

/* Appends the Gregorian date in English, "12 June 2025" (ICU "en" month
 * names). Same return values as sy_cal_format_km. */
sy_status sy_cal_format_en(sy_date d, sy_buf *out);

/* Appends the two-line Khmer date block of an official document:
 *     ថ្ងៃពុធ ៤កើត ខែជេស្ឋ ឆ្នាំមមី អដ្ឋស័ក ពុទ្ធសករាជ ២៥៧០
 *     ត្រូវនឹងថ្ងៃទី២០ ខែឧសភា ឆ្នាំ២០២៦
 * separated by one "\n", no final newline. When lunar_override is not NULL
 * (an author's own lunar line, e.g. from agreement data) it is written as
 * the first line instead of the computed one; it must be valid UTF-8 without
 * a newline, else SY_ERR_DATA. With an override the date may lie outside
 * the lunar range. Other return values as sy_cal_format_km. */
sy_status sy_cal_format_dateline_km(sy_date d, const char *lunar_override, sy_buf *out);

/* Appends utf8 with every ASCII digit 0-9 replaced by the Khmer digit
 * U+17E0-U+17E9; everything else is copied. Returns SY_OK, SY_ERR_DATA when
 * utf8 is NULL, or SY_ERR_NOMEM. */
sy_status sy_cal_khmer_digits(const char *utf8, sy_buf *out);

/* Appends n in Khmer digits (a leading '-' stays ASCII). Returns SY_OK or
 * SY_ERR_NOMEM. */
sy_status sy_cal_khmer_int(long n, sy_buf *out);

#endif
