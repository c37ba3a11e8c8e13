/* Unit tests of lib/core: diagnostics, buffers, value trees, dates, hashes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/error.h"
#include "core/file.h"
#include "core/hash.h"
#include "core/suggest.h"
#include "core/utf8.h"
#include "core/value.h"

static void diags_accumulate_and_format(void **state)
{
    (void)state;
    sy_diags *d = sy_diags_new();
    assert_non_null(d);
    assert_int_equal(sy_diags_status(d), SY_OK);
    sy_diags_add(d, SY_SEV_WARNING, SY_OK, "a.txt", 3, 0, NULL, "long word broken");
    assert_int_equal(sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, "moi-aple.yaml", 14, 7,
                                  "parties[1].signatory.title", "missing \"%s\"", "km"),
                     SY_ERR_DATA);
    assert_int_equal(sy_diags_count(d), 2);
    assert_int_equal(sy_diags_errors(d), 1);
    assert_int_equal(sy_diags_status(d), SY_ERR_DATA);
    char line[256];
    sy_diag_format(sy_diags_get(d, 1), line, sizeof line);
    assert_string_equal(line, "moi-aple.yaml:14:7: parties[1].signatory.title: missing \"km\"");
    sy_diag_format(sy_diags_get(d, 0), line, sizeof line);
    assert_string_equal(line, "a.txt:3: warning: long word broken");
    sy_diags_free(d);
}

static void buf_numbers_are_pdf_numbers(void **state)
{
    (void)state;
    sy_buf b = SY_BUF_INIT;
    sy_buf_num(&b, 12.5, 3);
    sy_buf_putc(&b, ' ');
    sy_buf_num(&b, -0.0001, 3);
    sy_buf_putc(&b, ' ');
    sy_buf_num(&b, 70.86614, 3);
    sy_buf_putc(&b, ' ');
    sy_buf_num(&b, 100, 3);
    assert_false(sy_buf_failed(&b));
    assert_string_equal(b.data, "12.5 0 70.866 100");
    sy_buf_free(&b);
}

static void value_tree_lookup(void **state)
{
    (void)state;
    sy_mark m = {"x.yaml", 1, 1};
    sy_value *root = sy_value_map(m);
    sy_value *parties = sy_value_list(m);
    sy_value *p = sy_value_map(m);
    sy_value *name = sy_value_map(m);
    assert_int_equal(
        sy_value_map_set(name, "km", sy_value_string("ក្រសួងមហាផ្ទៃ", strlen("ក្រសួងមហាផ្ទៃ"), m)), 0);
    assert_int_equal(sy_value_map_set(p, "name", name), 0);
    assert_int_equal(sy_value_list_append(parties, p), 0);
    assert_int_equal(sy_value_map_set(root, "parties", parties), 0);
    sy_value *v = sy_value_lookup(root, "parties.0.name.km");
    assert_non_null(v);
    assert_string_equal(sy_value_as_string(v, NULL), "ក្រសួងមហាផ្ទៃ");
    assert_null(sy_value_lookup(root, "parties.1.name"));
    sy_value *copy = sy_value_copy(root);
    sy_value_free(root);
    assert_string_equal(sy_value_as_string(sy_value_lookup(copy, "parties.0.name.km"), NULL),
                        "ក្រសួងមហាផ្ទៃ");
    sy_value_free(copy);
}

static void dates_parse_and_count(void **state)
{
    (void)state;
    sy_date d;
    assert_int_equal(sy_date_parse_iso("2025-06-12", 10, &d), 0);
    assert_int_equal(d.year, 2025);
    assert_int_equal(sy_date_weekday(d), 4); /* a Thursday */
    assert_int_equal(sy_date_parse_iso("2025-02-29", 10, &d), -1);
    assert_int_equal(sy_date_parse_iso("2024-02-29", 10, &d), 0);
    assert_int_equal(sy_date_parse_iso("2025-6-12", 9, &d), -1);
    assert_int_equal(sy_date_parse_iso("2025-13-01", 10, &d), -1);
    sy_date e = sy_date_add_years(d, 1);
    assert_int_equal(e.month, 2);
    assert_int_equal(e.day, 28);
    sy_date epoch = {1900, 1, 1};
    assert_int_equal(sy_date_weekday(epoch), 1); /* a Monday */
    for (long z = -80000; z < 80000; z += 37)
        assert_int_equal(sy_date_to_days(sy_date_from_days(z)), z);
    char iso[11];
    sy_date_format_iso(e, iso);
    assert_string_equal(iso, "2025-02-28");
}

static void hashes_match_known_digests(void **state)
{
    (void)state;
    unsigned char out[SY_HASH_MAX_SIZE];
    char hex[2 * SY_HASH_MAX_SIZE + 1];
    /* RFC 1321 and FIPS 180-2 test vectors */
    assert_int_equal(sy_hash_buffer(SY_HASH_MD5, "abc", 3, out), 16);
    sy_hash_hex(out, 16, hex);
    assert_string_equal(hex, "900150983cd24fb0d6963f7d28e17f72");
    assert_int_equal(sy_hash_buffer(SY_HASH_SHA256, "abc", 3, out), 32);
    sy_hash_hex(out, 32, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    sy_hash_buffer(SY_HASH_MD5, NULL, 0, out);
    sy_hash_hex(out, 16, hex);
    assert_string_equal(hex, "d41d8cd98f00b204e9800998ecf8427e");

    /* Piece by piece gives what one go gives, and final starts afresh. */
    static const char text[] = "The quick brown fox jumps over the lazy dog";
    for (int a = SY_HASH_MD5; a <= SY_HASH_SHA256; a++) {
        unsigned char whole[SY_HASH_MAX_SIZE], pieces[SY_HASH_MAX_SIZE];
        size_t n = sy_hash_buffer((sy_hash_algo)a, text, sizeof text - 1, whole);
        sy_hash h;
        sy_hash_init(&h, (sy_hash_algo)a);
        for (size_t i = 0; i < sizeof text - 1; i += 5)
            sy_hash_update(&h, text + i, sizeof text - 1 - i < 5 ? sizeof text - 1 - i : 5);
        assert_int_equal(sy_hash_final(&h, pieces), n);
        assert_memory_equal(whole, pieces, n);
        sy_hash_update(&h, text, sizeof text - 1);
        sy_hash_final(&h, pieces);
        assert_memory_equal(whole, pieces, n);
    }

    /* Framed parts: ("ab", "c") and ("a", "bc") differ. */
    unsigned char x[16], y[16];
    sy_hash h;
    sy_hash_init(&h, SY_HASH_MD5);
    sy_hash_update_framed(&h, "ab", 2);
    sy_hash_update_framed(&h, "c", 1);
    sy_hash_final(&h, x);
    sy_hash_update_framed(&h, "a", 1);
    sy_hash_update_framed(&h, "bc", 2);
    sy_hash_final(&h, y);
    assert_memory_not_equal(x, y, 16);
}

static void utf8_converts_to_utf16(void **state)
{
    (void)state;
    sy_diags *d = sy_diags_new();
    uint16_t *u;
    size_t n;
    /* A, KA (U+1780), e-acute, U+1F600 (a surrogate pair) */
    static const char s[] = "A\xE1\x9E\x80\xC3\xA9\xF0\x9F\x98\x80";
    assert_int_equal(sy_utf8_to_utf16(s, sizeof s - 1, &u, &n, d), SY_OK);
    static const uint16_t want[] = {0x41, 0x1780, 0xE9, 0xD83D, 0xDE00};
    assert_int_equal(n, 5);
    assert_memory_equal(u, want, sizeof want);
    free(u);
    assert_int_equal(sy_utf8_to_utf16("", 0, &u, &n, d), SY_OK);
    assert_null(u);
    assert_int_equal(n, 0);
    assert_int_equal(sy_diags_count(d), 0);
    /* an overlong form and a lone continuation byte are refused */
    assert_int_equal(sy_utf8_to_utf16("\xC0\x80", 2, &u, &n, d), SY_ERR_DATA);
    assert_null(u);
    assert_int_equal(sy_utf8_to_utf16("a\x80", 2, &u, &n, d), SY_ERR_DATA);
    assert_int_equal(sy_diags_count(d), 2);
    sy_diags_free(d);
}

/* Arena blocks are zeroed, aligned, survive later allocations (also ones
 * larger than a chunk), and an impossible size fails without a crash. */
static void arena_allocates_and_frees_at_once(void **state)
{
    (void)state;
    sy_arena a = {0};
    char *s = sy_arena_strndup(&a, "ພasanya", 9);
    assert_string_equal(s, "ພasanya");
    unsigned char *big = sy_arena_alloc(&a, 100000);
    assert_non_null(big);
    for (size_t i = 0; i < 100000; i += 997)
        assert_int_equal(big[i], 0);
    double *d = sy_arena_alloc(&a, sizeof *d);
    assert_int_equal((uintptr_t)d % 16, 0);
    assert_string_equal(s, "ພasanya");
    assert_null(sy_arena_alloc(&a, SIZE_MAX - 8));
    assert_true(a.failed);
    sy_arena_free(&a);
    assert_null(a.head);
}

/* One edit distance: transpositions count once; the search keeps the
 * closest word within its cap and never suggests for a one-letter word. */
static void suggestions_are_close_words(void **state)
{
    (void)state;
    assert_int_equal(sy_edit_distance("signatry", 8, "signatory", 9, 3), 1);
    assert_int_equal(sy_edit_distance("ab", 2, "ba", 2, 3), 1);
    assert_int_equal(sy_edit_distance("abc", 3, "xyz", 3, 1), 2);
    sy_suggest s;
    sy_suggest_init(&s, "artciles", 8, 2);
    sy_suggest_try(&s, "parties");
    sy_suggest_try(&s, "articles");
    assert_string_equal(s.best, "articles");
    sy_suggest_init(&s, "x", 1, 2);
    sy_suggest_try(&s, "id");
    assert_null(s.best);
}

/* A new file is written whole; an existing one is never replaced, and no
 * temporary file is left beside it. */
static void write_new_never_replaces(void **state)
{
    (void)state;
    char dir[] = "/tmp/sanya-test-core-XXXXXX", path[64];
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/a.yaml", dir);
    sy_diags *d = sy_diags_new();
    int existed = -1;
    assert_int_equal(sy_file_write_new(path, "one\n", 4, &existed, d), SY_OK);
    assert_int_equal(existed, 0);
    assert_int_equal(sy_file_write_new(path, "two\n", 4, &existed, d), SY_ERR_CANTCREAT);
    assert_int_equal(existed, 1);
    assert_int_equal(sy_diags_count(d), 0); /* the caller says what it means */
    char *data = NULL;
    size_t len = 0;
    assert_int_equal(sy_file_read(path, &data, &len, d), SY_OK);
    assert_string_equal(data, "one\n");
    free(data);
    assert_int_equal(sy_file_write_atomic(path, "two\n", 4, d), SY_OK); /* replaces */
    assert_int_equal(sy_file_read(path, &data, &len, d), SY_OK);
    assert_string_equal(data, "two\n");
    free(data);
    DIR *dh = opendir(dir);
    struct dirent *e;
    int files = 0;
    while ((e = readdir(dh)))
        files += e->d_name[0] != '.' || (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."));
    closedir(dh);
    assert_int_equal(files, 1);
    remove(path);
    remove(dir);
    sy_diags_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(diags_accumulate_and_format),
        cmocka_unit_test(arena_allocates_and_frees_at_once),
        cmocka_unit_test(suggestions_are_close_words),
        cmocka_unit_test(buf_numbers_are_pdf_numbers),
        cmocka_unit_test(value_tree_lookup),
        cmocka_unit_test(dates_parse_and_count),
        cmocka_unit_test(hashes_match_known_digests),
        cmocka_unit_test(utf8_converts_to_utf16),
        cmocka_unit_test(write_new_never_replaces),
    };
    return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
