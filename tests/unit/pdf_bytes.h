/* Helpers of the PDF unit tests (test_tags.c, test_trust.c): finishing a
 * document and searching its bytes. Include after cmocka.h. */
#ifndef SY_TEST_PDF_BYTES_H
#define SY_TEST_PDF_BYTES_H

#include <stddef.h>
#include <string.h>

#include "pdf/pdf.h"

/* The finished file (caller frees); pdf is freed. */
static inline char *finish(sy_pdf *pdf, size_t *len, sy_diags *d)
{
    char *data = NULL;
    assert_int_equal(sy_pdf_finish(pdf, &data, len, d), SY_OK);
    sy_pdf_free(pdf);
    return data;
}

/* The first place of needle in data[0..len), NULL when absent. */
static inline const char *find(const char *data, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (!memcmp(data + i, needle, n))
            return data + i;
    return NULL;
}

static inline int has(const char *data, size_t len, const char *needle)
{
    return find(data, len, needle) != NULL;
}

/* How many times needle stands in data[0..len). */
static inline size_t count(const char *data, size_t len, const char *needle)
{
    size_t n = strlen(needle), c = 0;
    for (size_t i = 0; i + n <= len; i++)
        if (!memcmp(data + i, needle, n))
            c++;
    return c;
}

#endif
