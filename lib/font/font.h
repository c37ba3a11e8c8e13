/* Fonts: loading TrueType/OpenType files for HarfBuzz, and mapping the house
 * roles (khmer-body, khmer-heading, latin-body, ...) to files through the
 * manifest in fonts/.
 *
 * In: a manifest file and a list of folders to search. Out: sy_font objects
 * (HarfBuzz face and font, metrics, coverage) owned by a sy_fontset, which
 * a long-lived caller (a batch of documents) creates once and reuses. */
#ifndef SY_FONT_H
#define SY_FONT_H

#include <stddef.h>
#include <stdint.h>

#include "core/error.h"

typedef struct sy_font sy_font;
typedef struct sy_fontset sy_fontset;
typedef struct hb_font_t hb_font_t;
typedef struct hb_face_t hb_face_t;

/* Loads one font file. Returns a font owned by the caller (sy_font_free), or
 * NULL with an error in d (missing file: SY_ERR_NOINPUT; not a font:
 * SY_ERR_DATA). */
sy_font *sy_font_load(const char *path, sy_diags *d);
void sy_font_free(sy_font *f);

/* The HarfBuzz font, scaled to font units (scale = upem). Owned by f. */
hb_font_t *sy_font_hb(const sy_font *f);
/* The face sy_font_subset plans from, for one more subset: f's own face at
 * first; once f has been subset a few times (a batch), the same face
 * preprocessed by hb-subset (hb_subset_preprocess: its tables' accelerators
 * made once instead of at every subset; the subsets are the same bytes).
 * Owned by f. Like every use of f, from one thread at a time. */
hb_face_t *sy_font_subset_face(const sy_font *f);
unsigned sy_font_upem(const sy_font *f);
unsigned sy_font_glyph_count(const sy_font *f);
const char *sy_font_path(const sy_font *f);
/* PostScript name, made safe for a PDF name. */
const char *sy_font_psname(const sy_font *f);
/* A short human name ("Khmer OS Siemreap"). */
const char *sy_font_family(const sy_font *f);
/* Non-zero when the font has TrueType (glyf) outlines; 0 for CFF fonts. */
int sy_font_has_glyf(const sy_font *f);
/* Non-zero when the font's cmap maps code point cp. */
int sy_font_covers(const sy_font *f, uint32_t cp);
/* Nominal glyph of cp, 0 if none. */
uint32_t sy_font_nominal_glyph(const sy_font *f, uint32_t cp);
/* Vertical metrics in font units: ascender (positive), descender (negative). */
int sy_font_ascender(const sy_font *f);
int sy_font_descender(const sy_font *f);
/* A stable 32-bit fingerprint of the font file's bytes (for goldens). */
uint32_t sy_font_checksum(const sy_font *f);
/* The bounding box of all glyphs in font units, from the head table: xMin,
 * yMin, xMax, yMax (all 0 when the table is missing or short). */
void sy_font_bbox(const sy_font *f, int bbox[4]);
/* The height of capital letters in font units (OS/2 sCapHeight, or
 * HarfBuzz's fallback from the glyph of 'H'). */
int sy_font_cap_height(const sy_font *f);
/* The advance of glyph gid in font units (hmtx, as HarfBuzz reads it,
 * before any positioning of shaping). */
int32_t sy_font_glyph_advance(const sy_font *f, uint32_t gid);

/* ---- Subsets (subset.c) ---- */

/* One component of a composite glyph: glyph gid of the font drawn at (dx,
 * dy) font units from the composite's origin. */
typedef struct sy_font_component {
    uint32_t gid;
    int32_t dx, dy;
} sy_font_component;

/* A synthetic TrueType composite glyph: parts[0..nparts) (borrowed), and its
 * advance in font units. */
typedef struct sy_font_composite {
    const sy_font_component *parts;
    size_t nparts;
    int32_t advance;
} sy_font_composite;

/* A font program holding only glyphs gids[0..ngids) of f (sorted, unique,
 * containing 0 and every component's glyph), chosen by glyph ID, never by
 * code point (shaping reaches glyphs no code point maps to, such as the
 * left part of a Khmer split vowel), without layout tables or hinting;
 * then the ncomps composites appended in order (these need TrueType glyf
 * outlines: SY_ERR_DATA otherwise). Output depends only on its inputs.
 * On SY_OK, *data (malloc'd, caller frees) holds *len bytes of TrueType,
 * new_gid[i] (ngids entries) is the new ID of gids[i] and *comp_base the
 * new ID of the first composite. Failure is reported into d, naming f. */
sy_status sy_font_subset(const sy_font *f, const uint32_t *gids, size_t ngids,
                         const sy_font_composite *comps, size_t ncomps, char **data, size_t *len,
                         uint32_t *new_gid, uint32_t *comp_base, sy_diags *d);

/* A set of fonts found through a manifest and search folders.
 * dirs: folders to search, in order (copied); the first is usually the
 * project's fonts/ folder. Returns NULL when out of memory. */
sy_fontset *sy_fontset_new(const char *const *dirs, size_t ndirs);
void sy_fontset_free(sy_fontset *fs);
/* The house font set of a data folder: DATA/fonts/manifest, fonts looked up
 * in DATA/fonts, then /usr/share/fonts and /usr/local/share/fonts. Returns
 * a set owned by the caller (sy_fontset_free), or NULL with errors in d. */
sy_fontset *sy_fontset_open(const char *data_dir, sy_diags *d);
/* Reads a manifest: lines "role file debian-package", '#' comments.
 * Errors (file:line) go to d. */
sy_status sy_fontset_load_manifest(sy_fontset *fs, const char *path, sy_diags *d);
/* The same from memory (len bytes of data); `name` labels errors. */
sy_status sy_fontset_load_manifest_buffer(sy_fontset *fs, const char *name, const char *data,
                                          size_t len, sy_diags *d);
/* The font for a role named in the manifest, or for a file path (anything
 * containing '/' or ending in .ttf/.otf). Loaded once and owned by fs.
 * A missing font is an error naming the Debian package that provides it. */
sy_font *sy_fontset_get(sy_fontset *fs, const char *role_or_path, sy_diags *d);
/* Non-zero when the manifest names this role. */
int sy_fontset_has_role(const sy_fontset *fs, const char *role);

#endif
