/* UTF-8, once for every module: strict validation (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF), decoding, and conversion to
 * UTF-16 (through ICU). */
#ifndef SY_CORE_UTF8_H
#define SY_CORE_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

/* The offset of the first byte of s[0..len) that does not start a
 * well-formed sequence, or (size_t)-1 when all of it is well formed. */
size_t sy_utf8_check(const char *s, size_t len);
/* The number of characters (code points) of valid UTF-8 s[0..len), the
 * unit of a diagnostic's column and length. */
size_t sy_utf8_count(const char *s, size_t len);
/* Decodes the code point at s[*i] (valid UTF-8 assumed) and advances *i. */
uint32_t sy_utf8_next(const char *s, size_t len, size_t *i);

/* Converts UTF-8 s[0..len) to UTF-16 code units (surrogate pairs above
 * U+FFFF) with ICU's u_strFromUTF8. On SY_OK, *out is a malloc'd array of *n
 * units that the caller frees with free() (NULL when *n is 0). Ill-formed
 * UTF-8 is SY_ERR_DATA, no memory SY_ERR_NOMEM, more than INT32_MAX bytes
 * SY_ERR_LIMIT, each reported into d (may be NULL); *out is then NULL. */
sy_status sy_utf8_to_utf16(const char *s, size_t len, uint16_t **out, size_t *n, sy_diags *d);

#endif
