/* Diagnostics shown with their source line (excerpt.h). */
#include "core/excerpt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

#include "core/file.h"
#include "core/limits.h"
#include "core/utf8.h"

#define TAB_STOP 8
#define BOLD "\033[1m"
#define RED "\033[1;31m"
#define MAGENTA "\033[1;35m"
#define CYAN "\033[1;36m"
#define GREEN "\033[1;32m"
#define RESET "\033[0m"
/* U+FFFD, shown for what must not reach the terminal as it is */
#define REPLACEMENT "\xEF\xBF\xBD"

int sy_excerpt_cells(unsigned int cp)
{
    if (cp == 0xAD) /* the soft hyphen is Cf but shows (as glibc has it) */
        return 1;
    int8_t type = u_charType((UChar32)cp);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR ||
        (cp >= 0x1160 && cp <= 0x11FF))
        return 0;
    int eaw = u_getIntPropertyValue((UChar32)cp, UCHAR_EAST_ASIAN_WIDTH);
    return eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH ? 2 : 1;
}

/* One character of a source line: its bytes, the cells it takes at
 * display column col, and whether it is shown as U+FFFD instead. */
typedef struct glyph {
    size_t len;
    int cells;
    int replaced;
    int tab;
} glyph;

static int is_bidi_control(uint32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static glyph next_glyph(const char *s, size_t len, size_t i, long col)
{
    glyph g = {1, 1, 0, 0};
    if (s[i] == '\t') {
        g.tab = 1;
        g.cells = TAB_STOP - (int)(col % TAB_STOP);
        return g;
    }
    size_t rest = len - i;
    size_t bad = sy_utf8_check(s + i, rest > 4 ? 4 : rest);
    if (bad == 0) { /* not the start of a well-formed character */
        g.replaced = 1;
        return g;
    }
    size_t j = i;
    uint32_t cp = sy_utf8_next(s, len, &j);
    g.len = j - i;
    if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || is_bidi_control(cp)) {
        g.replaced = 1;
        return g;
    }
    g.cells = sy_excerpt_cells(cp);
    return g;
}

/* Appends s with its control characters (C0 but tab, DEL, C1) as U+FFFD:
 * a message quotes the data ("unknown key \"\e[2J\"" from a quoted YAML
 * key), and none of it may act on the terminal. */
static void put_text(sy_buf *out, const char *s)
{
    size_t start = 0, i = 0;
    for (; s[i]; i++) {
        unsigned char c = (unsigned char)s[i];
        size_t n = 0;
        if ((c < 0x20 && c != '\t') || c == 0x7F)
            n = 1;
        else if (c == 0xC2 && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] < 0xA0)
            n = 2;
        if (!n)
            continue;
        sy_buf_put(out, s + start, i - start);
        sy_buf_puts(out, REPLACEMENT);
        i += n - 1;
        start = i + 1;
    }
    sy_buf_put(out, s + start, i - start);
}

static void severity_label(sy_buf *out, sy_severity sev, int color)
{
    const char *name = sev == SY_SEV_WARNING ? "warning" : sev == SY_SEV_NOTE ? "note" : "error";
    const char *hue = sev == SY_SEV_WARNING ? MAGENTA : sev == SY_SEV_NOTE ? CYAN : RED;
    if (color)
        sy_buf_printf(out, "%s%s:%s ", hue, name, RESET);
    else
        sy_buf_printf(out, "%s: ", name);
}

static void header(sy_buf *out, const sy_diag *e, const sy_excerpt_options *o)
{
    int color = o && o->color;
    const char *program = o && o->program ? o->program : NULL;
    if (color && (e->file || program))
        sy_buf_puts(out, BOLD);
    if (e->file) {
        put_text(out, e->file);
        if (e->line > 0)
            sy_buf_printf(out, ":%d", e->line);
        if (e->line > 0 && e->column > 0)
            sy_buf_printf(out, ":%d", e->column);
    } else if (program) {
        sy_buf_puts(out, program);
    }
    if (e->file || program)
        sy_buf_printf(out, ":%s ", color ? RESET : "");
    severity_label(out, e->severity, color);
    if (e->path) {
        put_text(out, e->path);
        sy_buf_puts(out, ": ");
    }
    put_text(out, e->message ? e->message : "");
    sy_buf_putc(out, '\n');
}

/* Writes the characters of line between display columns from and to (a
 * character that does not fit whole is left out), tabs as spaces. */
static void put_line(sy_buf *out, const char *line, size_t len, long from, long to)
{
    long col = 0;
    for (size_t i = 0; i < len;) {
        glyph g = next_glyph(line, len, i, col);
        if (col < from && col + g.cells > from) {
            /* a wide character or a tab across the cut: its cells after it
             * as spaces, so that the caret stays under its column */
            for (long k = from; k < col + g.cells; k++)
                sy_buf_putc(out, ' ');
        } else if (col >= from && col + g.cells <= to &&
                   !(g.cells == 0 && col == from && from > 0)) {
            if (g.tab)
                for (int k = 0; k < g.cells; k++)
                    sy_buf_putc(out, ' ');
            else if (g.replaced)
                sy_buf_puts(out, REPLACEMENT);
            else
                sy_buf_put(out, line + i, g.len);
        }
        col += g.cells;
        i += g.len;
        if (col > to)
            break;
    }
}

static void source(sy_buf *out, const sy_diag *e, const char *line, size_t len, int color)
{
    /* where the caret goes and how far the underline runs, in cells */
    long col = 0, caret = -1, under = 0, total = 0;
    long chars = 0;
    long want = e->column > 0 ? e->column - 1 : -1;
    long upto = want + (e->length > 1 ? e->length : 1);
    for (size_t i = 0; i < len;) {
        glyph g = next_glyph(line, len, i, col);
        if (chars == want)
            caret = col;
        if (chars >= want && chars < upto && want >= 0)
            under += g.cells;
        col += g.cells;
        i += g.len;
        chars++;
    }
    total = col;
    if (want >= 0 && caret < 0) /* past the end: just after the last character */
        caret = total;
    if (under < 1)
        under = 1;
    /* the part of the line shown, "..." for each cut */
    long from = 0, to = total;
    if (total > SY_LIMIT_EXCERPT_COLUMNS) {
        long width = SY_LIMIT_EXCERPT_COLUMNS;
        from = caret > width / 4 ? caret - width / 4 : 0;
        to = from + width;
        if (to > total) {
            to = total;
            from = to - width;
        }
    }
    int cut_left = from > 0, cut_right = to < total;
    char gutter[32];
    int digits = snprintf(gutter, sizeof gutter, "%5d", e->line);
    sy_buf_printf(out, "%s | %s", gutter, cut_left ? "..." : "");
    put_line(out, line, len, from, to);
    sy_buf_printf(out, "%s\n", cut_right ? "..." : "");
    if (caret < 0)
        return;
    sy_buf_printf(out, "%*s | ", digits, "");
    long pad = (cut_left ? 3 : 0) + (caret > from ? caret - from : 0);
    for (long k = 0; k < pad; k++)
        sy_buf_putc(out, ' ');
    /* the underline stops where the shown text does */
    long limit = cut_right || caret + 1 <= to ? to : caret + 1;
    if (caret + under > limit)
        under = limit - caret;
    if (under < 1)
        under = 1;
    sy_buf_puts(out, color ? GREEN "^" : "^");
    for (long k = 1; k < under; k++)
        sy_buf_putc(out, '~');
    sy_buf_printf(out, "%s\n", color ? RESET : "");
}

void sy_excerpt_append(sy_buf *out, const sy_diag *e, const char *line, size_t len,
                       const sy_excerpt_options *o)
{
    int color = o && o->color;
    header(out, e, o);
    if (line && e->line > 0)
        source(out, e, line, len, color);
    if (e->suggestion) {
        char q = e->suggest_form == SY_SUGGEST_PAREN_SINGLE ? '\'' : '"';
        sy_buf_printf(out, "did you mean %s%c", color ? GREEN : "", q);
        put_text(out, e->suggestion);
        sy_buf_printf(out, "%c%s?\n", q, color ? RESET : "");
    }
}

/* ---- source files ---- */

#define SOURCES_KEPT 4

typedef struct source_file {
    char *name;
    char *text; /* NULL: could not be read */
    size_t len;
    unsigned long used; /* when last asked for, to keep the recent ones */
} source_file;

struct sy_sources {
    source_file files[SOURCES_KEPT];
    unsigned long clock;
};

sy_sources *sy_sources_new(void)
{
    return calloc(1, sizeof(sy_sources));
}

void sy_sources_free(sy_sources *s)
{
    if (!s)
        return;
    for (int i = 0; i < SOURCES_KEPT; i++) {
        free(s->files[i].name);
        free(s->files[i].text);
    }
    free(s);
}

static source_file *find_file(sy_sources *s, const char *file)
{
    source_file *oldest = &s->files[0];
    for (int i = 0; i < SOURCES_KEPT; i++) {
        source_file *f = &s->files[i];
        if (f->name && !strcmp(f->name, file))
            return f;
        if (!f->name || f->used < oldest->used)
            oldest = f;
        if (!f->name)
            break;
    }
    free(oldest->name);
    free(oldest->text);
    memset(oldest, 0, sizeof *oldest);
    oldest->name = strdup(file);
    if (!oldest->name)
        return NULL;
    /* regular files only and size-capped (sy_file_read_max); a problem is
     * no line, told to nobody */
    if (sy_file_read_max(file, SY_LIMIT_EXCERPT_SOURCE_BYTES, &oldest->text, &oldest->len, NULL) !=
        SY_OK) {
        free(oldest->text);
        oldest->text = NULL;
    }
    return oldest;
}

const char *sy_sources_line(sy_sources *s, const char *file, int line, size_t *len)
{
    *len = 0;
    if (!s || !file || line < 1)
        return NULL;
    source_file *f = find_file(s, file);
    if (!f || !f->text)
        return NULL;
    f->used = ++s->clock;
    const char *p = f->text, *end = f->text + f->len;
    if (f->len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
        p += 3;
    for (int n = 1; n < line; n++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return NULL;
        p = nl + 1;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    size_t n = (size_t)((nl ? nl : end) - p);
    if (n && p[n - 1] == '\r')
        n--;
    if (!nl && p == end && line > 1)
        return NULL; /* after the last line break: no such line */
    *len = n;
    return p;
}
