/* The drafting page's files, compiled into the binary: lib/serve/page/
 * (index.html, app.js, app.css) and pdf.js from npm, turned into a C file
 * at build time by lib/serve/gen-assets.sh (no network at run time, no
 * CDN). */
#ifndef SY_SERVE_ASSETS_H
#define SY_SERVE_ASSETS_H

#include <stddef.h>

typedef struct sy_serve_asset {
    const char *path; /* as requested after the first '/': "index.html", "assets/app.js" */
    const char *type; /* the Content-Type */
    const unsigned char *data;
    size_t len;
} sy_serve_asset;

extern const sy_serve_asset sy_serve_assets[];
extern const size_t sy_serve_nassets;

#endif
