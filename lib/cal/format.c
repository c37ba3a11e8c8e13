/* Date lines as text: the Khmer lunar line, the Gregorian date in Khmer and
 * English, Khmer digits. This file is the ICU boundary of the calendar
 * module: Gregorian month names come from ICU's locale data and every
 * UErrorCode is checked here. */
#include "cal/cal.h"

#include "core/date.h"
#include "core/utf8.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>

/* Spellings after the Chuon Nath dictionary (កត្ដិក with coeng DA). */
static const char *const month_names[] = {"មិគសិរ", "បុស្ស",  "មាឃ",     "ផល្គុន",   "ចេត្រ",
                                          "ពិសាខ", "ជេស្ឋ", "អាសាឍ",   "ស្រាពណ៍",  "ភទ្របទ",
                                          "អស្សុជ", "កត្ដិក", "បឋមាសាឍ", "ទុតិយាសាឍ"};

static const char *const weekday_names[] = {"អាទិត្យ", "ចន្ទ", "អង្គារ", "ពុធ", "ព្រហស្បតិ៍", "សុក្រ", "សៅរ៍"};

static const char *const animal_names[] = {"ជូត", "ឆ្លូវ", "ខាល", "ថោះ", "រោង", "ម្សាញ់",
                                           "មមី", "មមែ", "វក",  "រកា", "ច",   "កុរ"};

static const char *const era_names[] = {"សំរឹទ្ធិស័ក", "ឯកស័ក", "ទោស័ក",  "ត្រីស័ក",  "ចត្វាស័ក",
                                        "បញ្ចស័ក",  "ឆស័ក",  "សប្តស័ក", "អដ្ឋស័ក", "នព្វស័ក"};

#define COUNT(a) ((int)(sizeof a / sizeof *a))

const char *sy_cal_month_name_km(sy_cal_month m)
{
    return (int)m >= 0 && (int)m < COUNT(month_names) ? month_names[m] : "";
}

const char *sy_cal_weekday_name_km(int weekday)
{
    return weekday >= 0 && weekday < COUNT(weekday_names) ? weekday_names[weekday] : "";
}

const char *sy_cal_animal_name_km(int animal)
{
    return animal >= 0 && animal < COUNT(animal_names) ? animal_names[animal] : "";
}

const char *sy_cal_era_name_km(int era)
{
    return era >= 0 && era < COUNT(era_names) ? era_names[era] : "";
}

static sy_status buf_status(const sy_buf *b)
{
    return sy_buf_failed(b) ? SY_ERR_NOMEM : SY_OK;
}

/* U+17E0 KHMER DIGIT ZERO is E1 9F A0 in UTF-8; the ten digits differ only
 * in the last byte. */
static void put_khmer_digit(sy_buf *out, char ascii)
{
    char k[3] = {(char)0xE1, (char)0x9F, (char)(0xA0 + (ascii - '0'))};
    sy_buf_put(out, k, 3);
}

sy_status sy_cal_khmer_digits(const char *utf8, sy_buf *out)
{
    if (!utf8)
        return SY_ERR_DATA;
    const char *run = utf8;
    for (const char *p = utf8; *p; p++) {
        if (*p < '0' || *p > '9')
            continue;
        sy_buf_put(out, run, (size_t)(p - run));
        put_khmer_digit(out, *p);
        run = p + 1;
    }
    sy_buf_puts(out, run);
    return buf_status(out);
}

sy_status sy_cal_khmer_int(long n, sy_buf *out)
{
    char ascii[32]; /* a 64-bit long has at most 20 characters */
    snprintf(ascii, sizeof ascii, "%ld", n);
    return sy_cal_khmer_digits(ascii, out);
}

/* ICU's wide month names in Khmer and English, asked once per process:
 * opening a date formatter costs about 150,000 instructions, and a cover
 * sheet writes a dozen dates. */
enum { MONTH_BYTES = 96 };
static char gregorian_months[2][12][MONTH_BYTES];
static int months_ok;
static pthread_once_t months_once = PTHREAD_ONCE_INIT;

static int load_months_of(const char *locale, char names[12][MONTH_BYTES])
{
    UErrorCode err = U_ZERO_ERROR;
    UDateFormat *fmt = udat_open(UDAT_LONG, UDAT_NONE, locale, NULL, 0, NULL, 0, &err);
    if (U_FAILURE(err) || !fmt)
        return -1;
    int ok = 1;
    for (int m = 0; m < 12 && ok; m++) {
        UChar name[64];
        int32_t n = udat_getSymbols(fmt, UDAT_MONTHS, m, name, 64, &err);
        int32_t len = 0;
        if (!U_FAILURE(err) && n > 0 && n < 64)
            u_strToUTF8(names[m], MONTH_BYTES, &len, name, n, &err);
        ok = !U_FAILURE(err) && n > 0 && n < 64 && len > 0 && len < MONTH_BYTES;
    }
    udat_close(fmt);
    return ok ? 0 : -1;
}

static void load_months(void)
{
    months_ok = load_months_of("km", gregorian_months[0]) == 0 &&
        load_months_of("en", gregorian_months[1]) == 0;
}

/* Appends the wide month name (1..12) in Khmer (km non-zero) or English;
 * SY_ERR_INTERNAL when ICU failed. */
static sy_status put_icu_month(int km, int month, sy_buf *out)
{
    pthread_once(&months_once, load_months);
    if (!months_ok || month < 1 || month > 12)
        return SY_ERR_INTERNAL;
    sy_buf_puts(out, gregorian_months[km ? 0 : 1][month - 1]);
    return buf_status(out);
}

/* Appends a finished line to out when st and the line are good; frees it. */
static sy_status flush_line(sy_buf *line, sy_status st, sy_buf *out)
{
    if (st == SY_OK)
        st = buf_status(line);
    if (st == SY_OK) {
        sy_buf_put(out, line->data, line->len);
        st = buf_status(out);
    }
    sy_buf_free(line);
    return st;
}

sy_status sy_cal_format_km(sy_date d, sy_buf *out)
{
    if (!sy_date_valid(d))
        return SY_ERR_DATA;
    sy_buf line = SY_BUF_INIT;
    sy_buf_puts(&line, "ថ្ងៃទី");
    sy_cal_khmer_int(d.day, &line);
    sy_buf_puts(&line, " ខែ");
    sy_status st = put_icu_month(1, d.month, &line);
    sy_buf_puts(&line, " ឆ្នាំ");
    sy_cal_khmer_int(d.year, &line);
    return flush_line(&line, st, out);
}

sy_status sy_cal_format_en(sy_date d, sy_buf *out)
{
    if (!sy_date_valid(d))
        return SY_ERR_DATA;
    sy_buf line = SY_BUF_INIT;
    sy_buf_printf(&line, "%d ", d.day);
    sy_status st = put_icu_month(0, d.month, &line);
    sy_buf_printf(&line, " %d", d.year);
    return flush_line(&line, st, out);
}

sy_status sy_cal_format_lunar_km(sy_date d, sy_buf *out)
{
    sy_lunar_date l;
    sy_status st = sy_cal_lunar(d, &l);
    if (st != SY_OK)
        return st;
    sy_buf_puts(out, "ថ្ងៃ");
    sy_buf_puts(out, sy_cal_weekday_name_km(l.weekday));
    sy_buf_putc(out, ' ');
    sy_cal_khmer_int(l.day, out);
    sy_buf_puts(out, l.waxing ? "កើត" : "រោច");
    sy_buf_puts(out, " ខែ");
    sy_buf_puts(out, sy_cal_month_name_km(l.month));
    sy_buf_puts(out, " ឆ្នាំ");
    sy_buf_puts(out, sy_cal_animal_name_km(l.animal));
    sy_buf_putc(out, ' ');
    sy_buf_puts(out, sy_cal_era_name_km(l.era));
    sy_buf_puts(out, " ពុទ្ធសករាជ ");
    sy_cal_khmer_int(l.be_year, out);
    return buf_status(out);
}

/* Non-zero when s is well-formed UTF-8 without a line break. */
static int single_line_utf8(const char *s)
{
    return !strpbrk(s, "\r\n") && sy_utf8_check(s, strlen(s)) == (size_t)-1;
}

sy_status sy_cal_format_dateline_km(sy_date d, const char *lunar_override, sy_buf *out)
{
    if (!sy_date_valid(d))
        return SY_ERR_DATA;
    sy_buf block = SY_BUF_INIT;
    sy_status st;
    if (lunar_override) {
        st = single_line_utf8(lunar_override) ? SY_OK : SY_ERR_DATA;
        sy_buf_puts(&block, lunar_override);
    } else {
        st = sy_cal_format_lunar_km(d, &block);
    }
    if (st == SY_OK) {
        /* "corresponding to": the Gregorian date follows the lunar one. */
        sy_buf_puts(&block, "\nត្រូវនឹង");
        st = sy_cal_format_km(d, &block);
    }
    if (st == SY_OK)
        st = buf_status(&block);
    if (st == SY_OK) {
        sy_buf_put(out, block.data, block.len);
        st = buf_status(out);
    }
    sy_buf_free(&block);
    return st;
}
