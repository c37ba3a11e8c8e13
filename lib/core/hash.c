/* Message digests (see hash.h): a thin wrapper over nettle, whose hash
 * functions cannot fail, so neither can these. */
#include "core/hash.h"

#include <stdint.h>

size_t sy_hash_size(sy_hash_algo algo)
{
    return algo == SY_HASH_SHA256 ? SHA256_DIGEST_SIZE : MD5_DIGEST_SIZE;
}

void sy_hash_init(sy_hash *h, sy_hash_algo algo)
{
    h->algo = algo;
    if (algo == SY_HASH_SHA256)
        sha256_init(&h->ctx.sha256);
    else
        md5_init(&h->ctx.md5);
}

void sy_hash_update(sy_hash *h, const void *data, size_t len)
{
    if (!len)
        return;
    if (h->algo == SY_HASH_SHA256)
        sha256_update(&h->ctx.sha256, len, data);
    else
        md5_update(&h->ctx.md5, len, data);
}

void sy_hash_update_framed(sy_hash *h, const void *data, size_t len)
{
    unsigned char be[8];
    for (int k = 0; k < 8; k++)
        be[k] = (unsigned char)((uint64_t)len >> (56 - 8 * k));
    sy_hash_update(h, be, sizeof be);
    sy_hash_update(h, data, len);
}

size_t sy_hash_final(sy_hash *h, unsigned char *out)
{
    size_t n = sy_hash_size(h->algo);
    /* nettle's digest functions also reset the context */
    if (h->algo == SY_HASH_SHA256)
        sha256_digest(&h->ctx.sha256, n, out);
    else
        md5_digest(&h->ctx.md5, n, out);
    return n;
}

size_t sy_hash_buffer(sy_hash_algo algo, const void *data, size_t len, unsigned char *out)
{
    sy_hash h;
    sy_hash_init(&h, algo);
    sy_hash_update(&h, data, len);
    return sy_hash_final(&h, out);
}

void sy_hash_hex(const unsigned char *digest, size_t n, char *hex)
{
    static const char digits[] = "0123456789abcdef";
    for (size_t i = 0; i < n; i++) {
        hex[2 * i] = digits[digest[i] >> 4];
        hex[2 * i + 1] = digits[digest[i] & 15];
    }
    hex[2 * n] = '\0';
}

uint64_t sy_fnv1a64(uint64_t h, const void *data, size_t len)
{
    const unsigned char *b = data;
    for (size_t i = 0; i < len; i++)
        h = (h ^ b[i]) * 0x100000001b3u;
    return h;
}
