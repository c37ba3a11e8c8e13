/* Unit tests of lib/cal: the Khmer lunar calendar against published dates
 * (holiday lists, New Year announcements, printed date lines), invariants
 * over every day of 1900-2100, the Gregorian formats and Khmer digits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "cal/cal.h"
#include "core/buf.h"
#include "core/date.h"

static sy_date iso(const char *s)
{
    sy_date d = {0, 0, 0};
    assert_int_equal(sy_date_parse_iso(s, strlen(s), &d), 0);
    return d;
}

static sy_lunar_date lunar(const char *s)
{
    sy_lunar_date l;
    assert_int_equal(sy_cal_lunar(iso(s), &l), SY_OK);
    return l;
}

/* ---- Complete date lines as printed ---- */

static const struct line_vector {
    const char *date, *line, *source;
} line_vectors[] = {
    /* The date line quoted in /work/shared/docs/khmer-documents.md. */
    {"2026-05-20", "ថ្ងៃពុធ ៤កើត ខែជេស្ឋ ឆ្នាំមមី អដ្ឋស័ក ពុទ្ធសករាជ ២៥៧០",
     "khmer-documents.md, date line example"},
    /* danhhong/khmer_lunar_date issue #3 (2026-06-29) quotes the printed
     * calendars against that library: បឋមាសាឍ, not ជេស្ឋ. */
    {"2026-06-29", "ថ្ងៃចន្ទ ១៥កើត ខែបឋមាសាឍ ឆ្នាំមមី អដ្ឋស័ក ពុទ្ធសករាជ ២៥៧០",
     "danhhong/khmer_lunar_date#3"},
    /* Another implementation's test suite (ThyrithSor/momentkh v3,
     * test/conversion.json) spread over the range. Not printed calendars, but
     * an independent check far from the published years: of its 1349 dates
     * in 1900-2100 we differ on one, 2043-04-14, a New Year day where
     * momentkh compares the hour of the New Year (docs/calendar.md). 2032,
     * for which momentkh's tracker reports a crash, is among them. */
    {"1900-09-18", "ថ្ងៃអង្គារ ១០រោច ខែភទ្របទ ឆ្នាំជូត ទោស័ក ពុទ្ធសករាជ ២៤៤៤", "momentkh conversion.json"},
    {"1913-01-18", "ថ្ងៃសៅរ៍ ១១កើត ខែបុស្ស ឆ្នាំជូត ចត្វាស័ក ពុទ្ធសករាជ ២៤៥៦", "momentkh conversion.json"},
    {"1927-02-08", "ថ្ងៃអង្គារ ៧កើត ខែមាឃ ឆ្នាំខាល អដ្ឋស័ក ពុទ្ធសករាជ ២៤៧០", "momentkh conversion.json"},
    {"1941-11-14", "ថ្ងៃសុក្រ ១១រោច ខែកត្ដិក ឆ្នាំម្សាញ់ ត្រីស័ក ពុទ្ធសករាជ ២៤៨៥", "momentkh conversion.json"},
    {"1958-10-11", "ថ្ងៃសៅរ៍ ១៤រោច ខែភទ្របទ ឆ្នាំច សំរឹទ្ធិស័ក ពុទ្ធសករាជ ២៥០២", "momentkh conversion.json"},
    {"1969-08-20", "ថ្ងៃពុធ ៧កើត ខែស្រាពណ៍ ឆ្នាំរកា ឯកស័ក ពុទ្ធសករាជ ២៥១៣", "momentkh conversion.json"},
    {"1979-03-13", "ថ្ងៃអង្គារ ១៥កើត ខែផល្គុន ឆ្នាំមមី សំរឹទ្ធិស័ក ពុទ្ធសករាជ ២៥២២", "momentkh conversion.json"},
    {"1993-05-18", "ថ្ងៃអង្គារ ១៣រោច ខែពិសាខ ឆ្នាំរកា បញ្ចស័ក ពុទ្ធសករាជ ២៥៣៧", "momentkh conversion.json"},
    {"2003-11-12", "ថ្ងៃពុធ ៤រោច ខែកត្ដិក ឆ្នាំមមែ បញ្ចស័ក ពុទ្ធសករាជ ២៥៤៧", "momentkh conversion.json"},
    {"2032-09-23", "ថ្ងៃព្រហស្បតិ៍ ៤រោច ខែភទ្របទ ឆ្នាំជូត ចត្វាស័ក ពុទ្ធសករាជ ២៥៧៦", "momentkh conversion.json"},
    {"2046-07-01", "ថ្ងៃអាទិត្យ ១៣រោច ខែជេស្ឋ ឆ្នាំខាល អដ្ឋស័ក ពុទ្ធសករាជ ២៥៩០", "momentkh conversion.json"},
    {"2061-06-13", "ថ្ងៃចន្ទ ១១រោច ខែជេស្ឋ ឆ្នាំម្សាញ់ ត្រីស័ក ពុទ្ធសករាជ ២៦០៥", "momentkh conversion.json"},
    {"2077-08-27", "ថ្ងៃសុក្រ ៩កើត ខែភទ្របទ ឆ្នាំរកា នព្វស័ក ពុទ្ធសករាជ ២៦២១", "momentkh conversion.json"},
    {"2088-02-06", "ថ្ងៃសុក្រ ១៤កើត ខែមាឃ ឆ្នាំមមែ នព្វស័ក ពុទ្ធសករាជ ២៦៣១", "momentkh conversion.json"},
    {"2100-07-18", "ថ្ងៃអាទិត្យ ១២កើត ខែអាសាឍ ឆ្នាំវក ទោស័ក ពុទ្ធសករាជ ២៦៤៤", "momentkh conversion.json"},
};

static void published_date_lines(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof line_vectors / sizeof *line_vectors; i++) {
        sy_buf b = SY_BUF_INIT;
        assert_int_equal(sy_cal_format_lunar_km(iso(line_vectors[i].date), &b), SY_OK);
        if (strcmp(b.data, line_vectors[i].line) != 0)
            fail_msg("%s (%s): got %s", line_vectors[i].date, line_vectors[i].source, b.data);
        sy_buf_free(&b);
    }
}

/* ---- Lunar days of published holidays and other published dates ----
 * Holidays fall on fixed lunar days: Meak Bochea ១៥កើត ខែមាឃ; Visak Bochea
 * ១៥កើត ខែពិសាខ; the Royal Ploughing Ceremony ៤រោច ខែពិសាខ; Pchum Ben ១៤រោច
 * and ១៥រោច ខែភទ្របទ and ១កើត ខែអស្សុជ; the Water Festival ១៤កើត, ១៥កើត and
 * ១រោច ខែកត្ដិក. The Gregorian dates come from the government's holiday lists
 * as republished (source per line). */

enum { WAX = 1, WANE = 0 };

static const struct day_vector {
    const char *date;
    int day, waxing;
    sy_cal_month month;
    const char *source;
} day_vectors[] = {
    /* 2011 list, khmeridentification-edu.blogspot.com/2011/11 */
    {"2011-02-18", 15, WAX, SY_CAL_MEAK, "2011 holidays: Meak Bochea"},
    {"2011-05-17", 15, WAX, SY_CAL_PISAK, "2011 holidays: Visak Bochea"},
    {"2011-05-21", 4, WANE, SY_CAL_PISAK, "2011 holidays: Royal Ploughing"},
    {"2011-09-27", 15, WANE, SY_CAL_PHOTROBOT, "2011 holidays: Pchum Ben 26-28 Sep"},
    {"2011-11-10", 15, WAX, SY_CAL_KADEUK, "2011 holidays: Water Festival 9-11 Nov"},
    /* cambodia-picturetour.com "Khmer New Year 2013": BE 2556 ends on
     * ១៥កើត ខែពិសាខ, 24 May 2013. */
    {"2013-05-24", 15, WAX, SY_CAL_PISAK, "cambodia-picturetour.com, 2013"},
    /* 2017 list, pulse.asia/2017/05/cambodian-public-holidays-2017 */
    {"2017-02-11", 15, WAX, SY_CAL_MEAK, "2017 holidays: Meak Bochea"},
    {"2017-05-10", 15, WAX, SY_CAL_PISAK, "2017 holidays: Visak Bochea"},
    {"2017-05-14", 4, WANE, SY_CAL_PISAK, "2017 holidays: Royal Ploughing"},
    {"2017-09-20", 15, WANE, SY_CAL_PHOTROBOT, "2017 holidays: Pchum Ben 19-21 Sep"},
    {"2017-11-03", 15, WAX, SY_CAL_KADEUK, "2017 holidays: Water Festival 2-4 Nov"},
    /* 2020 list, maharajahdrivers.com */
    {"2020-05-06", 15, WAX, SY_CAL_PISAK, "2020 holidays: Visak Bochea"},
    {"2020-05-10", 4, WANE, SY_CAL_PISAK, "2020 holidays: Royal Ploughing"},
    /* 2021 list of the Ministry of Labour (3 Dec 2020), cne.wtf */
    {"2021-04-26", 15, WAX, SY_CAL_PISAK, "2021 holidays: Visak Bochea"},
    {"2021-04-30", 4, WANE, SY_CAL_PISAK, "2021 holidays: Royal Ploughing"},
    {"2021-10-05", 14, WANE, SY_CAL_PHOTROBOT, "2021 holidays: Pchum Ben 5-7 Oct"},
    {"2021-10-07", 1, WAX, SY_CAL_ASSOCH, "2021 holidays: Pchum Ben 5-7 Oct"},
    {"2021-11-19", 15, WAX, SY_CAL_KADEUK, "2021 holidays: Water Festival 18-20 Nov"},
    /* momentkh issue #7: 10 June 2021 "should be ១កើត" */
    {"2021-06-10", 1, WAX, SY_CAL_PATHAMASADH, "ThyrithSor/momentkh#7"},
    /* 2022 list (Prakas 277/21), prasac.com.kh/en/media/public-holiday */
    {"2022-05-15", 15, WAX, SY_CAL_PISAK, "2022 holidays: Visak Bochea"},
    {"2022-05-19", 4, WANE, SY_CAL_PISAK, "2022 holidays: Royal Ploughing"},
    {"2022-09-25", 15, WANE, SY_CAL_PHOTROBOT, "2022 holidays: Pchum Ben 24-26 Sep"},
    {"2022-11-08", 15, WAX, SY_CAL_KADEUK, "2022 holidays: Water Festival 7-9 Nov"},
    /* 2023 list (sub-decree 166 of 12 Aug 2022), ibccambodia.com */
    {"2023-05-04", 15, WAX, SY_CAL_PISAK, "2023 holidays: Visak Bochea"},
    {"2023-05-08", 4, WANE, SY_CAL_PISAK, "2023 holidays: Royal Ploughing"},
    {"2023-10-13", 14, WANE, SY_CAL_PHOTROBOT, "2023 holidays: Pchum Ben 13-15 Oct"},
    {"2023-10-14", 15, WANE, SY_CAL_PHOTROBOT, "2023 holidays: Pchum Ben 13-15 Oct"},
    {"2023-10-15", 1, WAX, SY_CAL_ASSOCH, "2023 holidays: Pchum Ben 13-15 Oct"},
    {"2023-11-27", 15, WAX, SY_CAL_KADEUK, "2023 holidays: Water Festival 26-28 Nov"},
    /* 2024 list (Prakas 014/24), angkortimes.com/cambodian-public-holidays */
    {"2024-05-22", 15, WAX, SY_CAL_PISAK, "2024 holidays: Visak Bochea"},
    {"2024-05-26", 4, WANE, SY_CAL_PISAK, "2024 holidays: Royal Ploughing"},
    {"2024-10-02", 15, WANE, SY_CAL_PHOTROBOT, "2024 holidays: Pchum Ben 1-3 Oct"},
    {"2024-11-14", 14, WAX, SY_CAL_KADEUK, "2024 holidays: Water Festival 14-16 Nov"},
    {"2024-11-16", 1, WANE, SY_CAL_KADEUK, "2024 holidays: Water Festival 14-16 Nov"},
    /* 2025 list (Prakas of 9 Oct 2024), daikoufinance.com/public-holiday */
    {"2025-05-11", 15, WAX, SY_CAL_PISAK, "2025 holidays: Visak Bochea"},
    {"2025-05-15", 4, WANE, SY_CAL_PISAK, "2025 holidays: Royal Ploughing"},
    {"2025-09-21", 14, WANE, SY_CAL_PHOTROBOT, "2025 holidays: Pchum Ben 21-23 Sep"},
    {"2025-09-22", 15, WANE, SY_CAL_PHOTROBOT, "2025 holidays: Pchum Ben 21-23 Sep"},
    {"2025-11-05", 15, WAX, SY_CAL_KADEUK, "2025 holidays: Water Festival 4-6 Nov"},
    /* khmer-documents.md vectors (from other implementations' tests) */
    {"2025-07-01", 6, WAX, SY_CAL_ASADH, "khmer-documents.md"},
    {"2026-07-03", 4, WANE, SY_CAL_PATHAMASADH, "khmer-documents.md: in បឋមាសាឍ"},
    {"2026-07-16", 2, WAX, SY_CAL_TUTIYASADH, "khmer-documents.md: in ទុតិយាសាឍ"},
    /* The calendar's epoch, published by momentkh: ១កើត ខែបុស្ស */
    {"1900-01-01", 1, WAX, SY_CAL_BOS, "momentkh epoch"},
};

static void published_lunar_days(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof day_vectors / sizeof *day_vectors; i++) {
        const struct day_vector *v = &day_vectors[i];
        sy_lunar_date l = lunar(v->date);
        if (l.day != v->day || l.waxing != v->waxing || l.month != v->month)
            fail_msg("%s (%s): expected %d%s %s, got %d%s %s", v->date, v->source, v->day,
                     v->waxing ? "កើត" : "រោច", sy_cal_month_name_km(v->month), l.day,
                     l.waxing ? "កើត" : "រោច", sy_cal_month_name_km(l.month));
    }
}

/* ---- Khmer New Year ---- */

static const struct new_year_vector {
    int year;
    const char *moha_songkran, *lerng_sak; /* lerng_sak NULL: not published */
    int hour, minute; /* -1: not published */
    const char *source;
} new_year_vectors[] = {
    {2011, "2011-04-14", "2011-04-16", 13, 12, "announced time; 2011 holidays 14-16 Apr"},
    {2013, "2013-04-14", "2013-04-16", 2, 12,
     "cambodia-picturetour.com: 14 Apr 2013 2:12 am; habitatcambodia.org: 14-16 Apr"},
    {2017, "2017-04-14", "2017-04-16", -1, -1, "pulse.asia 2017 holidays: 14-16 Apr"},
    {2018, "2018-04-14", "2018-04-16", 9, 12, "AKP via cambodiatribune.com: 14 Apr 09.12"},
    {2019, "2019-04-14", "2019-04-16", -1, -1, "shinecambodia.org: Sun 14 to Tue 16 Apr"},
    {2021, "2021-04-14", "2021-04-16", -1, -1, "Ministry of Labour 2021 list: 14-16 Apr"},
    {2022, "2022-04-14", "2022-04-16", -1, -1, "Prakas 277/21: 14-16 Apr"},
    {2023, "2023-04-14", "2023-04-16", -1, -1, "sub-decree 166 (2022): 14-16 Apr"},
    {2024, "2024-04-13", NULL, -1, -1, "khmer-documents.md"},
    {2025, "2025-04-14", "2025-04-16", -1, -1, "khmer-documents.md; 2025 list 14-16 Apr"},
    /* HELMAB/chhankitek#30: 14 April 2026 per the printed Tra Ing almanac,
     * Loeng Sak on 16 April. */
    {2026, "2026-04-14", "2026-04-16", -1, -1, "khmer-documents.md; HELMAB/chhankitek#30"},
};

static void published_new_years(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof new_year_vectors / sizeof *new_year_vectors; i++) {
        const struct new_year_vector *v = &new_year_vectors[i];
        sy_cal_new_year ny;
        assert_int_equal(sy_cal_new_year_of(v->year, &ny), SY_OK);
        char got[11];
        sy_date_format_iso(ny.moha_songkran, got);
        if (strcmp(got, v->moha_songkran) != 0)
            fail_msg("New Year %d (%s): expected %s, got %s", v->year, v->source, v->moha_songkran,
                     got);
        sy_date_format_iso(ny.lerng_sak, got);
        if (v->lerng_sak && strcmp(got, v->lerng_sak) != 0)
            fail_msg("Lerng Sak %d (%s): expected %s, got %s", v->year, v->source, v->lerng_sak,
                     got);
        if (v->hour >= 0) {
            assert_int_equal(ny.hour, v->hour);
            assert_int_equal(ny.minute, v->minute);
        }
    }
    sy_cal_new_year ny;
    /* 2013's computed time (02:24) differs from the announced 02:12. */
    assert_int_equal(sy_cal_new_year_of(2013, &ny), SY_OK);
    assert_true(ny.announced);
    /* 2024: four New Year days (two វ័នបត), 13 to 16 April; the holiday
     * list (angkortimes.com, Prakas 014/24) spans the same four days. */
    assert_int_equal(sy_cal_new_year_of(2024, &ny), SY_OK);
    assert_int_equal(ny.vanabat_days, 2);
    assert_int_equal(ny.lerng_sak.day, 16);
    /* 2018 is computed: 09:12 as AKP announced it. */
    assert_int_equal(sy_cal_new_year_of(2018, &ny), SY_OK);
    assert_false(ny.announced);
    assert_int_equal(sy_cal_new_year_of(SY_CAL_FIRST_YEAR - 1, &ny), SY_ERR_DATA);
    assert_int_equal(sy_cal_new_year_of(SY_CAL_LAST_YEAR + 1, &ny), SY_ERR_DATA);
}

/* ---- The days on which each year field changes ---- */

static void year_fields_change_on_their_days(void **state)
{
    (void)state;
    /* BE: on ១រោច ខែពិសាខ. 2025-05-11/12 and 2026-05-01/02 from
     * khmer-documents.md; 2013-05-24/25 from cambodia-picturetour.com. */
    assert_int_equal(lunar("2025-05-11").be_year, 2568);
    assert_int_equal(lunar("2025-05-12").be_year, 2569);
    assert_int_equal(lunar("2026-05-01").be_year, 2569);
    assert_int_equal(lunar("2026-05-02").be_year, 2570);
    assert_int_equal(lunar("2013-05-24").be_year, 2556);
    assert_int_equal(lunar("2013-05-25").be_year, 2557);
    /* momentkh issue #8: the BE of November (after the year's Visak) is
     * Gregorian + 544, also when មិគសិរ starts in November. */
    assert_int_equal(lunar("2020-11-16").be_year, 2564);
    assert_int_equal(lunar("2025-11-23").be_year, 2569);
    assert_int_equal(lunar("2025-12-31").be_year, 2569);
    assert_int_equal(lunar("2026-01-01").be_year, 2569);

    /* Animal year: at Moha Songkran. 2013: the dragon ends, the snake
     * begins on 14 April (habitatcambodia.org). */
    assert_string_equal(sy_cal_animal_name_km(lunar("2013-04-13").animal), "រោង");
    assert_string_equal(sy_cal_animal_name_km(lunar("2013-04-14").animal), "ម្សាញ់");
    assert_string_equal(sy_cal_animal_name_km(lunar("2024-04-12").animal), "ថោះ");
    assert_string_equal(sy_cal_animal_name_km(lunar("2024-04-13").animal), "រោង");
    /* 2025-07-01 is a year of the snake, សប្តស័ក (khmer-documents.md). */
    assert_string_equal(sy_cal_animal_name_km(lunar("2025-07-01").animal), "ម្សាញ់");
    assert_string_equal(sy_cal_era_name_km(lunar("2025-07-01").era), "សប្តស័ក");
    assert_string_equal(sy_cal_animal_name_km(lunar("2026-04-13").animal), "ម្សាញ់");
    assert_string_equal(sy_cal_animal_name_km(lunar("2026-04-14").animal), "មមី");

    /* Era: at Lerng Sak, the last New Year day; the animal year has already
     * changed on the days between. */
    sy_lunar_date l = lunar("2026-04-15");
    assert_string_equal(sy_cal_era_name_km(l.era), "សប្តស័ក");
    assert_string_equal(sy_cal_animal_name_km(l.animal), "មមី");
    assert_int_equal(l.js_year, 1387);
    l = lunar("2026-04-16");
    assert_string_equal(sy_cal_era_name_km(l.era), "អដ្ឋស័ក");
    assert_int_equal(l.js_year, 1388);
    assert_string_equal(sy_cal_era_name_km(lunar("2025-04-15").era), "ឆស័ក");
    assert_string_equal(sy_cal_era_name_km(lunar("2025-04-16").era), "សប្តស័ក");
    /* 2018 (Dog, BE 2562 from Visak on): សំរឹទ្ធិស័ក, era 0. */
    l = lunar("2018-06-01");
    assert_int_equal(l.era, 0);
    assert_string_equal(sy_cal_era_name_km(l.era), "សំរឹទ្ធិស័ក");
    assert_string_equal(sy_cal_animal_name_km(l.animal), "ច");
}

/* ---- Leap years ----
 * From one Visak Bochea to the next are 354 days, 355 after a leap day in
 * ជេស្ឋ, 384 after a leap month. The published Visak dates above give the
 * kind of each year between them. */

static void leap_years_from_published_visak(void **state)
{
    (void)state;
    static const struct {
        const char *visak, *next_visak, *mid_year; /* a day in that year's ជេស្ឋ-អាសាឍ */
    } spans[] = {
        {"2020-05-06", "2021-04-26", "2020-07-01"}, /* 355: leap day */
        {"2021-04-26", "2022-05-15", "2021-07-01"}, /* 384: leap month */
        {"2022-05-15", "2023-05-04", "2022-07-01"}, /* 354 */
        {"2023-05-04", "2024-05-22", "2023-07-01"}, /* 384: leap month */
        {"2024-05-22", "2025-05-11", "2024-07-01"}, /* 354 */
        {"2025-05-11", "2026-05-01", "2025-07-01"}, /* 355: leap day */
    };
    for (size_t i = 0; i < sizeof spans / sizeof *spans; i++) {
        long span =
            sy_date_to_days(iso(spans[i].next_visak)) - sy_date_to_days(iso(spans[i].visak));
        sy_lunar_date l = lunar(spans[i].mid_year);
        assert_int_equal(l.year_days, span);
        assert_int_equal(l.leap_month_year, span == 384);
        assert_int_equal(l.leap_day_year, span == 355);
    }
    /* 2026: leap month (khmer-documents.md, two អាសាឍ). */
    sy_lunar_date l = lunar("2026-07-03");
    assert_true(l.leap_month_year);
    assert_int_equal(l.year_days, 384);
    assert_int_equal(l.month_days, 30);
    /* 2025: ជេស្ឋ has 30 days, ១៥រោច ខែជេស្ឋ exists. */
    l = lunar("2025-06-25");
    assert_int_equal(l.month, SY_CAL_JESTH);
    assert_int_equal(l.month_days, 30);
    /* BE 2559 (2015) is due both a leap month (bodithey 28) and a leap day
     * (avoman 0 after 137): it keeps the month, the day moves to 2016. */
    l = lunar("2015-07-15");
    assert_true(l.leap_month_year);
    assert_false(l.leap_day_year);
    l = lunar("2016-06-15");
    assert_true(l.leap_day_year);
    assert_int_equal(l.year_days, 355);
}

/* ---- Every day of the range ---- */

/* The weekday of Lerng Sak by the traditional rule, aharkun mod 7 counted
 * from Saturday: an independent check that the month lengths (which place
 * Lerng Sak) agree with the year arithmetic. */
static int lerng_sak_weekday(long be)
{
    long aharkun = (be * 292207 + 499) / 800 + 4;
    return (int)((aharkun % 7 + 6) % 7); /* 0 = Sunday */
}

static sy_cal_month next_month(sy_cal_month m, int leap_month)
{
    switch (m) {
    case SY_CAL_JESTH:
        return leap_month ? SY_CAL_PATHAMASADH : SY_CAL_ASADH;
    case SY_CAL_PATHAMASADH:
        return SY_CAL_TUTIYASADH;
    case SY_CAL_TUTIYASADH:
    case SY_CAL_ASADH:
        return SY_CAL_SRAP;
    case SY_CAL_KADEUK:
        return SY_CAL_MIGASER;
    default:
        return (sy_cal_month)(m + 1);
    }
}

static void sweep_1900_to_2100(void **state)
{
    (void)state;
    sy_date first = {SY_CAL_FIRST_YEAR, 1, 1}, last = {SY_CAL_LAST_YEAR, 12, 31};
    long d0 = sy_date_to_days(first), d1 = sy_date_to_days(last);
    sy_lunar_date prev;
    assert_int_equal(sy_cal_lunar(first, &prev), SY_OK);
    long year_start = -1; /* day of the last ១កើត ខែបុស្ស seen */
    int month_len = 0, prev_year_days = 0, leap_months = 0, leap_days = 0;
    int prev_leap_month = 0;
    for (long z = d0 + 1; z <= d1; z++) {
        sy_date d = sy_date_from_days(z);
        sy_lunar_date l;
        assert_int_equal(sy_cal_lunar(d, &l), SY_OK);
        assert_int_equal(l.weekday, (prev.weekday + 1) % 7);
        assert_true(l.month_days == 29 || l.month_days == 30);
        assert_true(l.year_days == 354 || l.year_days == 355 || l.year_days == 384);
        assert_false(l.leap_month_year && l.leap_day_year);
        int prev_index = prev.waxing ? prev.day : prev.day + 15;
        month_len++;
        if (prev_index == prev.month_days) {
            /* A new month. */
            assert_int_equal(l.day, 1);
            assert_true(l.waxing);
            assert_int_equal(l.month, next_month(prev.month, prev.leap_month_year));
            assert_int_equal(month_len, prev.month_days);
            month_len = 0;
        } else {
            assert_int_equal(l.month, prev.month);
            assert_int_equal(l.waxing ? l.day : l.day + 15, prev_index + 1);
        }
        if (l.month == SY_CAL_BOS && l.day == 1 && l.waxing) {
            if (year_start >= 0)
                assert_int_equal(z - year_start, prev_year_days);
            /* No two leap months in a row. */
            assert_false(prev_leap_month && l.leap_month_year);
            prev_leap_month = l.leap_month_year;
            leap_months += l.leap_month_year;
            leap_days += l.leap_day_year;
            year_start = z;
            prev_year_days = l.year_days;
        }
        /* BE turns on ១រោច ខែពិសាខ and only then. */
        if (l.month == SY_CAL_PISAK && !l.waxing && l.day == 1)
            assert_int_equal(l.be_year, prev.be_year + 1);
        else
            assert_int_equal(l.be_year, prev.be_year);
        /* Animal and era turn once a year, in April. */
        if (l.animal != prev.animal) {
            assert_int_equal(l.animal, (prev.animal + 1) % 12);
            assert_int_equal(d.month, 4);
        }
        if (l.js_year != prev.js_year) {
            assert_int_equal(l.js_year, prev.js_year + 1);
            assert_int_equal(l.era, (prev.era + 1) % 10);
            assert_int_equal(d.month, 4);
        }
        prev = l;
    }
    /* Seven leap months in 19 years, give or take the cycle's phase. */
    int years = SY_CAL_LAST_YEAR - SY_CAL_FIRST_YEAR;
    assert_in_range(leap_months, years * 7 / 19 - 2, years * 7 / 19 + 2);
    assert_true(leap_days > 0);

    for (int y = SY_CAL_FIRST_YEAR; y <= SY_CAL_LAST_YEAR; y++) {
        sy_cal_new_year ny;
        assert_int_equal(sy_cal_new_year_of(y, &ny), SY_OK);
        assert_int_equal(ny.moha_songkran.year, y);
        assert_int_equal(ny.moha_songkran.month, 4);
        assert_in_range(ny.moha_songkran.day, 12, 15);
        assert_in_range(ny.vanabat_days, 1, 2);
        assert_int_equal(sy_date_to_days(ny.lerng_sak) - sy_date_to_days(ny.moha_songkran),
                         ny.vanabat_days + 1);
        sy_lunar_date l;
        assert_int_equal(sy_cal_lunar(ny.lerng_sak, &l), SY_OK);
        assert_true(l.month == SY_CAL_CHET || l.month == SY_CAL_PISAK);
        if (!ny.announced && lerng_sak_weekday(y + 544) != l.weekday)
            fail_msg("Lerng Sak %d: weekday %d, the year arithmetic says %d", y, l.weekday,
                     lerng_sak_weekday(y + 544));
    }
}

static void out_of_range_is_an_error(void **state)
{
    (void)state;
    sy_lunar_date l;
    sy_date before = {1899, 12, 31}, after = {2101, 1, 1}, bad = {2025, 2, 29}, zero = {0, 0, 0};
    assert_int_equal(sy_cal_lunar(before, &l), SY_ERR_DATA);
    assert_int_equal(l.be_year, 0);
    assert_int_equal(sy_cal_lunar(after, &l), SY_ERR_DATA);
    assert_int_equal(sy_cal_lunar(bad, &l), SY_ERR_DATA);
    assert_int_equal(sy_cal_lunar(zero, &l), SY_ERR_DATA);
    sy_buf b = SY_BUF_INIT;
    assert_int_equal(sy_cal_format_lunar_km(after, &b), SY_ERR_DATA);
    assert_int_equal(b.len, 0);
    assert_int_equal(sy_cal_format_km(bad, &b), SY_ERR_DATA);
    assert_int_equal(sy_cal_format_en(bad, &b), SY_ERR_DATA);
    assert_int_equal(b.len, 0);
    /* The edges themselves work. */
    sy_date edge = {SY_CAL_LAST_YEAR, 12, 31};
    assert_int_equal(sy_cal_lunar(edge, &l), SY_OK);
    sy_buf_free(&b);
}

/* ---- Gregorian formats, digits, names ---- */

static void gregorian_formats(void **state)
{
    (void)state;
    sy_buf b = SY_BUF_INIT;
    assert_int_equal(sy_cal_format_km(iso("2025-06-12"), &b), SY_OK);
    assert_string_equal(b.data, "ថ្ងៃទី១២ ខែមិថុនា ឆ្នាំ២០២៥");
    sy_buf_free(&b);
    assert_int_equal(sy_cal_format_km(iso("2026-05-20"), &b), SY_OK);
    assert_string_equal(b.data, "ថ្ងៃទី២០ ខែឧសភា ឆ្នាំ២០២៦");
    sy_buf_free(&b);
    /* ICU's km spelling of February carries the visarga. */
    assert_int_equal(sy_cal_format_km(iso("2024-02-01"), &b), SY_OK);
    assert_string_equal(b.data, "ថ្ងៃទី១ ខែកុម្ភៈ ឆ្នាំ២០២៤");
    sy_buf_free(&b);
    assert_int_equal(sy_cal_format_en(iso("2025-06-12"), &b), SY_OK);
    assert_string_equal(b.data, "12 June 2025");
    sy_buf_free(&b);
    /* Outside the lunar range the Gregorian formats still work. */
    assert_int_equal(sy_cal_format_en(iso("1863-08-11"), &b), SY_OK);
    assert_string_equal(b.data, "11 August 1863");
    sy_buf_free(&b);
    /* Appending keeps what is there. */
    sy_buf_puts(&b, "Phnom Penh, ");
    assert_int_equal(sy_cal_format_en(iso("2000-01-01"), &b), SY_OK);
    assert_string_equal(b.data, "Phnom Penh, 1 January 2000");
    sy_buf_free(&b);
}

static void dateline_with_and_without_override(void **state)
{
    (void)state;
    sy_buf b = SY_BUF_INIT;
    assert_int_equal(sy_cal_format_dateline_km(iso("2026-05-20"), NULL, &b), SY_OK);
    assert_string_equal(b.data,
                        "ថ្ងៃពុធ ៤កើត ខែជេស្ឋ ឆ្នាំមមី អដ្ឋស័ក ពុទ្ធសករាជ ២៥៧០\n"
                        "ត្រូវនឹងថ្ងៃទី២០ ខែឧសភា ឆ្នាំ២០២៦");
    sy_buf_free(&b);
    /* An author's line replaces the computed one, even out of range. */
    const char *own = "ថ្ងៃច័ន្ទ ៨កើត ខែមាឃ ឆ្នាំកុរ ឯកស័ក ពុទ្ធសករាជ ២៤៤៣";
    assert_int_equal(sy_cal_format_dateline_km(iso("1850-01-07"), own, &b), SY_OK);
    assert_true(strncmp(b.data, own, strlen(own)) == 0);
    assert_string_equal(b.data + strlen(own), "\nត្រូវនឹងថ្ងៃទី៧ ខែមករា ឆ្នាំ១៨៥០");
    sy_buf_free(&b);
    assert_int_equal(sy_cal_format_dateline_km(iso("2026-05-20"), "two\nlines", &b), SY_ERR_DATA);
    assert_int_equal(sy_cal_format_dateline_km(iso("2026-05-20"), "bad \xE1\x9F", &b), SY_ERR_DATA);
    assert_int_equal(sy_cal_format_dateline_km(iso("2026-05-20"), "\xC0\xAF", &b), SY_ERR_DATA);
    assert_int_equal(b.len, 0);
    /* Without an override, out of range is an error. */
    assert_int_equal(sy_cal_format_dateline_km(iso("1850-01-07"), NULL, &b), SY_ERR_DATA);
    sy_buf_free(&b);
}

static void khmer_digits(void **state)
{
    (void)state;
    sy_buf b = SY_BUF_INIT;
    assert_int_equal(sy_cal_khmer_digits("2025-06-12", &b), SY_OK);
    assert_string_equal(b.data, "២០២៥-០៦-១២");
    sy_buf_free(&b);
    assert_int_equal(sy_cal_khmer_digits("មាត្រា 10 Article 10", &b), SY_OK);
    assert_string_equal(b.data, "មាត្រា ១០ Article ១០");
    sy_buf_free(&b);
    assert_int_equal(sy_cal_khmer_digits("០១២៣ no digits", &b), SY_OK);
    assert_string_equal(b.data, "០១២៣ no digits");
    sy_buf_free(&b);
    assert_int_equal(sy_cal_khmer_digits("", &b), SY_OK);
    assert_int_equal(b.len, 0);
    assert_int_equal(sy_cal_khmer_digits(NULL, &b), SY_ERR_DATA);
    assert_int_equal(sy_cal_khmer_int(0, &b), SY_OK);
    assert_int_equal(sy_cal_khmer_int(2570, &b), SY_OK);
    assert_int_equal(sy_cal_khmer_int(-45, &b), SY_OK);
    assert_string_equal(b.data, "០២៥៧០-៤៥");
    sy_buf_free(&b);
    assert_int_equal(sy_cal_khmer_int(9876543210L, &b), SY_OK);
    assert_string_equal(b.data, "៩៨៧៦៥៤៣២១០");
    sy_buf_free(&b);
}

static void names(void **state)
{
    (void)state;
    /* Chuon Nath spellings (momentkh#14): កត្ដិក, ចន្ទ, មមី. */
    assert_string_equal(sy_cal_month_name_km(SY_CAL_KADEUK), "កត្ដិក");
    assert_string_equal(sy_cal_weekday_name_km(1), "ចន្ទ");
    assert_string_equal(sy_cal_animal_name_km(6), "មមី");
    assert_string_equal(sy_cal_era_name_km(1), "ឯកស័ក");
    assert_string_equal(sy_cal_era_name_km(0), "សំរឹទ្ធិស័ក");
    assert_string_equal(sy_cal_month_name_km(SY_CAL_TUTIYASADH), "ទុតិយាសាឍ");
    assert_string_equal(sy_cal_month_name_km((sy_cal_month)14), "");
    assert_string_equal(sy_cal_weekday_name_km(7), "");
    assert_string_equal(sy_cal_animal_name_km(-1), "");
    assert_string_equal(sy_cal_era_name_km(10), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(published_date_lines),
        cmocka_unit_test(published_lunar_days),
        cmocka_unit_test(published_new_years),
        cmocka_unit_test(year_fields_change_on_their_days),
        cmocka_unit_test(leap_years_from_published_visak),
        cmocka_unit_test(sweep_1900_to_2100),
        cmocka_unit_test(out_of_range_is_an_error),
        cmocka_unit_test(gregorian_formats),
        cmocka_unit_test(dateline_with_and_without_override),
        cmocka_unit_test(khmer_digits),
        cmocka_unit_test(names),
    };
    return cmocka_run_group_tests_name("cal", tests, NULL, NULL);
}
