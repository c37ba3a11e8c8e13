/* Message digests through nettle: MD5 (document IDs: PDF readers expect 16
 * bytes) and SHA-256 (anything that must resist collisions, such as a batch
 * state file). Data goes in piece by piece, so a file can be hashed without
 * holding all of it in memory.
 *
 * A sy_hash lives wherever the caller puts it (stack, struct): nothing is
 * allocated, nothing can fail. Its fields are private. */
#ifndef SY_CORE_HASH_H
#define SY_CORE_HASH_H

#include <stddef.h>

#include <nettle/md5.h>
#include <nettle/sha2.h>

typedef enum sy_hash_algo { SY_HASH_MD5, SY_HASH_SHA256 } sy_hash_algo;

/* Enough bytes for any digest sy_hash makes (SHA-256's 32). */
#define SY_HASH_MAX_SIZE 32

typedef struct sy_hash {
    sy_hash_algo algo;
    union {
        struct md5_ctx md5;
        struct sha256_ctx sha256;
    } ctx;
} sy_hash;

/* The digest size of algo in bytes: 16 (MD5) or 32 (SHA-256). */
size_t sy_hash_size(sy_hash_algo algo);

/* Starts a digest of algo. */
void sy_hash_init(sy_hash *h, sy_hash_algo algo);
/* Adds data[0..len) (data may be NULL when len is 0). */
void sy_hash_update(sy_hash *h, const void *data, size_t len);
/* Adds len as 8 bytes big endian, then data[0..len): hashing parts framed
 * this way keeps ("ab", "c") and ("a", "bc") apart. */
void sy_hash_update_framed(sy_hash *h, const void *data, size_t len);
/* Writes the digest (sy_hash_size(algo) bytes) to out and returns its size.
 * h starts again afresh, as after sy_hash_init with the same algo. */
size_t sy_hash_final(sy_hash *h, unsigned char *out);

/* One-shot digest of data[0..len) into out; returns its size. */
size_t sy_hash_buffer(sy_hash_algo algo, const void *data, size_t len, unsigned char *out);

/* Lower-case hex of digest[0..n) into hex (2 * n + 1 bytes, NUL-terminated). */
void sy_hash_hex(const unsigned char *digest, size_t n, char *hex);

/* FNV-1a, 64 bits: a fast hash for in-memory cache keys (not for what is
 * stored or compared across runs: use SHA-256 above). Start with
 * SY_FNV1A64_INIT, chain calls to hash several pieces. */
#define SY_FNV1A64_INIT 0xcbf29ce484222325u
uint64_t sy_fnv1a64(uint64_t h, const void *data, size_t len);

#endif
