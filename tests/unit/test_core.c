/* Unit tests of lib/core: diagnostics, buffers, value trees, dates, hashes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/error.h"
#include "core/file.h"
#include "core/hash.h"
#include "core/lru.h"
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

/* Files in a fresh folder under /tmp, removed by cleanup_dir. */
static void make_dir(char dir[32])
{
    strcpy(dir, "/tmp/sanya-test-files-XXXXXX");
    assert_non_null(mkdtemp(dir));
}

static void cleanup_dir(const char *dir)
{
    DIR *dh = opendir(dir);
    struct dirent *e;
    char p[600];
    while (dh && (e = readdir(dh)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
            if (remove(p) != 0)
                rmdir(p);
        }
    if (dh)
        closedir(dh);
    rmdir(dir);
}

static int count_entries(const char *dir)
{
    DIR *dh = opendir(dir);
    struct dirent *e;
    int n = 0;
    while ((e = readdir(dh)))
        n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    closedir(dh);
    return n;
}

static void assert_file_is(const char *path, const char *text)
{
    char *data = NULL;
    size_t len = 0;
    assert_int_equal(sy_file_read(path, &data, &len, NULL), SY_OK);
    assert_string_equal(data, text);
    free(data);
}

/* A replaced file keeps its mode; a new one gets 0666 less the umask; both
 * with O_TMPFILE and with the named temporary file of file systems without
 * it. */
static void write_keeps_mode(void **state)
{
    (void)state;
    char dir[32], path[64], fresh[64];
    make_dir(dir);
    snprintf(path, sizeof path, "%s/private.pdf", dir);
    snprintf(fresh, sizeof fresh, "%s/new.pdf", dir);
    mode_t old_mask = umask(027);
    for (int fallback = 0; fallback < 2; fallback++) {
        sy_file_test_without_tmpfile(fallback);
        assert_int_equal(sy_file_write_atomic(path, "one\n", 4, NULL), SY_OK);
        assert_int_equal(chmod(path, 0600), 0);
        assert_int_equal(sy_file_write_atomic(path, "two\n", 4, NULL), SY_OK);
        struct stat st;
        assert_int_equal(stat(path, &st), 0);
        assert_int_equal(st.st_mode & 0777, 0600);
        assert_file_is(path, "two\n");
        remove(fresh);
        assert_int_equal(sy_file_write_atomic(fresh, "new\n", 4, NULL), SY_OK);
        assert_int_equal(stat(fresh, &st), 0);
        assert_int_equal(st.st_mode & 0777, 0640);
        assert_int_equal(count_entries(dir), 2); /* no temporary file left */
    }
    sy_file_test_without_tmpfile(0);
    umask(old_mask);
    cleanup_dir(dir);
}

/* A symbolic link is written through: the link stays, the file it leads
 * to is replaced (and keeps its mode). A link to nothing is refused. */
static void write_through_links(void **state)
{
    (void)state;
    char dir[32], link_path[64], real[64], dangling[64];
    make_dir(dir);
    snprintf(link_path, sizeof link_path, "%s/out.pdf", dir);
    snprintf(real, sizeof real, "%s/real.pdf", dir);
    snprintf(dangling, sizeof dangling, "%s/dangling.pdf", dir);
    assert_int_equal(sy_file_write_atomic(real, "old\n", 4, NULL), SY_OK);
    assert_int_equal(chmod(real, 0604), 0);
    assert_int_equal(symlink("real.pdf", link_path), 0);
    assert_int_equal(sy_file_write_atomic(link_path, "new\n", 4, NULL), SY_OK);
    struct stat st;
    assert_int_equal(lstat(link_path, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_file_is(real, "new\n");
    assert_int_equal(stat(real, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0604);

    assert_int_equal(symlink("missing.pdf", dangling), 0);
    sy_diags *d = sy_diags_new();
    assert_int_equal(sy_file_write_atomic(dangling, "x", 1, d), SY_ERR_CANTCREAT);
    assert_int_equal(sy_diags_count(d), 1);
    assert_int_equal(lstat(dangling, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_int_equal(count_entries(dir), 3);
    sy_diags_free(d);
    cleanup_dir(dir);
}

/* A pipe, a device or a folder is never written to nor replaced. */
static void write_refuses_special_files(void **state)
{
    (void)state;
    char dir[32], fifo[64], sub[64], devlink[64];
    make_dir(dir);
    snprintf(fifo, sizeof fifo, "%s/fifo", dir);
    snprintf(sub, sizeof sub, "%s/sub.pdf", dir);
    snprintf(devlink, sizeof devlink, "%s/null.pdf", dir);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    assert_int_equal(mkdir(sub, 0700), 0);
    assert_int_equal(symlink("/dev/null", devlink), 0);
    const char *targets[] = {fifo, sub, devlink, "/dev/null"};
    for (size_t i = 0; i < sizeof targets / sizeof *targets; i++) {
        sy_diags *d = sy_diags_new();
        assert_int_equal(sy_file_write_atomic(targets[i], "x", 1, d), SY_ERR_CANTCREAT);
        assert_int_equal(sy_file_check_output(targets[i], NULL, 0, d), SY_ERR_CANTCREAT);
        char line[512];
        sy_diag_format(sy_diags_get(d, 0), line, sizeof line);
        assert_non_null(strstr(line, "not a regular file"));
        sy_diags_free(d);
    }
    struct stat st;
    assert_int_equal(lstat(fifo, &st), 0);
    assert_true(S_ISFIFO(st.st_mode));
    assert_int_equal(lstat(sub, &st), 0);
    assert_true(S_ISDIR(st.st_mode));
    assert_int_equal(lstat(devlink, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_int_equal(stat("/dev/null", &st), 0);
    assert_true(S_ISCHR(st.st_mode));
    assert_int_equal(count_entries(dir), 3);
    cleanup_dir(dir);
}

/* Names of 248 to 255 bytes: the temporary name is made to fit, with
 * O_TMPFILE and without it; a cut never splits a UTF-8 character. */
static void write_long_names(void **state)
{
    (void)state;
    char dir[32], path[600];
    make_dir(dir);
    for (int fallback = 0; fallback < 2; fallback++) {
        sy_file_test_without_tmpfile(fallback);
        for (size_t n = 248; n <= SY_FILE_NAME_MAX; n++) {
            int at = snprintf(path, sizeof path, "%s/", dir);
            memset(path + at, 'a', n - 4);
            memcpy(path + at + n - 4, ".pdf", 5);
            assert_int_equal(sy_file_write_atomic(path, "one\n", 4, NULL), SY_OK);
            assert_int_equal(sy_file_write_atomic(path, "two\n", 4, NULL), SY_OK);
            assert_file_is(path, "two\n");
            int existed = 0;
            assert_int_equal(sy_file_write_new(path, "x", 1, &existed, NULL), SY_ERR_CANTCREAT);
            assert_int_equal(existed, 1);
            remove(path);
            assert_int_equal(sy_file_write_new(path, "new\n", 4, &existed, NULL), SY_OK);
            assert_file_is(path, "new\n");
            remove(path);
        }
        assert_int_equal(count_entries(dir), 0);
    }
    sy_file_test_without_tmpfile(0);
    cleanup_dir(dir);

    /* 85 three-byte Khmer letters: 255 bytes; the pattern keeps whole ones. */
    char name[300] = "x/", *pattern = NULL;
    for (int i = 0; i < 85; i++)
        strcat(name, "\xE1\x9E\x80");
    assert_int_equal(sy_file_temp_pattern(name, &pattern), SY_OK);
    assert_memory_equal(pattern, "x/.", 3);
    size_t base = strlen(pattern) - 2;
    assert_true(base <= SY_FILE_NAME_MAX);
    assert_string_equal(pattern + strlen(pattern) - 7, ".XXXXXX");
    assert_int_equal((base - 8) % 3, 0); /* whole characters */
    free(pattern);
}

/* An output is none of the inputs, however it is spelled. */
static void check_output_against_inputs(void **state)
{
    (void)state;
    char dir[32], in[64], link_path[64], hard[64], other[64], spelled[96], tpl[64], tpl_file[96],
        fresh[64], nodir[64];
    make_dir(dir);
    snprintf(in, sizeof in, "%s/a.yaml", dir);
    snprintf(link_path, sizeof link_path, "%s/link.yaml", dir);
    snprintf(hard, sizeof hard, "%s/hard.yaml", dir);
    snprintf(other, sizeof other, "%s/other.pdf", dir);
    snprintf(spelled, sizeof spelled, "%s/../%s/./a.yaml", dir, dir + 5);
    snprintf(tpl, sizeof tpl, "%s/tpl", dir);
    snprintf(tpl_file, sizeof tpl_file, "%s/tpl/main.tpl", dir);
    snprintf(fresh, sizeof fresh, "%s/new.pdf", dir);
    snprintf(nodir, sizeof nodir, "%s/none/new.pdf", dir);
    assert_int_equal(sy_file_write_atomic(in, "a: 1\n", 5, NULL), SY_OK);
    assert_int_equal(sy_file_write_atomic(other, "x", 1, NULL), SY_OK);
    assert_int_equal(symlink("a.yaml", link_path), 0);
    assert_int_equal(link(in, hard), 0);
    assert_int_equal(mkdir(tpl, 0700), 0);
    assert_int_equal(sy_file_write_atomic(tpl_file, "t", 1, NULL), SY_OK);
    const char *inputs[] = {in, NULL, tpl, "/no/such/input"};
    const char *same[] = {in, link_path, hard, spelled, tpl_file};
    for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
        sy_diags *d = sy_diags_new();
        assert_int_equal(sy_file_check_output(same[i], inputs, 4, d), SY_ERR_USAGE);
        assert_int_equal(sy_diags_count(d), 1);
        char line[512];
        sy_diag_format(sy_diags_get(d, 0), line, sizeof line);
        assert_non_null(strstr(line, "refused"));
        sy_diags_free(d);
    }
    assert_int_equal(sy_file_check_output(other, inputs, 4, NULL), SY_OK);
    assert_int_equal(sy_file_check_output(fresh, inputs, 4, NULL), SY_OK);
    assert_int_equal(sy_file_check_output(nodir, inputs, 4, NULL), SY_ERR_CANTCREAT);
    assert_file_is(in, "a: 1\n");
    remove(tpl_file);
    cleanup_dir(dir);
}

/* An entry of the LRU tests: a key and a count of frees. */
typedef struct lru_item {
    sy_lru_node node;
    int key;
} lru_item;

static int lru_freed;

static void lru_item_free(sy_lru_node *n)
{
    lru_freed++;
    free(n);
}

static lru_item *lru_get(sy_lru *c, int key)
{
    for (sy_lru_node *n = sy_lru_first(c, (uint64_t)key % 7); n; n = sy_lru_next(n))
        if (((lru_item *)n)->key == key)
            return (lru_item *)n;
    return NULL;
}

static void lru_put(sy_lru *c, int key, size_t bytes, int expect)
{
    lru_item *e = malloc(sizeof *e);
    assert_non_null(e);
    e->key = key;
    int r = sy_lru_insert(c, &e->node, (uint64_t)key % 7, bytes);
    assert_int_equal(r, expect);
    if (r != 0)
        free(e);
}

static void lru_evicts_least_recently_used(void **state)
{
    (void)state;
    sy_lru c;
    lru_freed = 0;
    sy_lru_init(&c, 800, lru_item_free);
    assert_null(lru_get(&c, 1)); /* an empty cache has no table yet */
    for (int k = 0; k < 8; k++)
        lru_put(&c, k, 100, 0); /* hashes collide (k % 7): chains hold both */
    assert_int_equal(c.count, 8);
    assert_int_equal(c.bytes, 800);
    for (int k = 0; k < 8; k++)
        assert_non_null(lru_get(&c, k));
    sy_lru_touch(&c, &lru_get(&c, 0)->node); /* 0 is now the newest */
    lru_put(&c, 8, 100, 0); /* evicts 1, the least recently used */
    assert_null(lru_get(&c, 1));
    assert_non_null(lru_get(&c, 0));
    assert_int_equal(lru_freed, 1);
    lru_put(&c, 9, 101, -1); /* over an eighth of the bound: not kept */
    assert_false(sy_lru_fits(&c, 101));
    assert_true(sy_lru_fits(&c, 100));
    for (int k = 10; k < 1000; k++) /* the table grows; the bound holds */
        lru_put(&c, k, 1, 0);
    assert_true(c.bytes <= 800);
    assert_non_null(lru_get(&c, 999));
    sy_lru_clear(&c);
    assert_int_equal(c.count, 0);
    assert_int_equal(c.bytes, 0);
    assert_null(lru_get(&c, 999));
    lru_put(&c, 5, 10, 0); /* usable after a clear */
    sy_lru_free(&c);
    assert_int_equal(lru_freed, 1000); /* every entry kept (all but 9) freed once */
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
        cmocka_unit_test(write_keeps_mode),
        cmocka_unit_test(write_through_links),
        cmocka_unit_test(write_refuses_special_files),
        cmocka_unit_test(write_long_names),
        cmocka_unit_test(check_output_against_inputs),
        cmocka_unit_test(lru_evicts_least_recently_used),
    };
    return cmocka_run_group_tests_name("core", tests, NULL, NULL);
}
