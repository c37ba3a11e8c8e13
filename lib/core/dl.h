/* Loading an optional shared library on first use (dlopen), for the
 * libraries only some commands need, so that every other process starts
 * without them: libqpdf (reading PDFs, lib/pdf/qpdf.c) and libmicrohttpd
 * (sanya serve, lib/serve/mhd.c). Each keeps its own table of function
 * pointers and loads it once (pthread_once); this module opens the library,
 * fills the table and words the failure. */
#ifndef SY_CORE_DL_H
#define SY_CORE_DL_H

#include <stddef.h>

#include "core/error.h"

/* One function of the table: its name in the library and where it goes. */
typedef struct sy_dl_symbol {
    const char *name;
    void **slot;
} sy_dl_symbol;

/* Why a load failed: the library or symbol that was missing (NULL when the
 * load succeeded), and dlerror()'s text when the library itself could not
 * be opened (else empty). */
typedef struct sy_dl_failure {
    const char *missing;
    char error[256];
} sy_dl_failure;

/* Opens soname (RTLD_NOW, RTLD_LOCAL) and fills every slot of table[0..n).
 * Returns 0; -1 with *f filled when the library or a symbol is missing (a
 * library opened stays loaded: harmless, and rare). */
int sy_dl_open(const char *soname, const sy_dl_symbol *table, size_t n, sy_dl_failure *f);

/* Adds the failure f of loading soname to d: "WHAT needs SONAME (Debian
 * package PACKAGE): dlerror" (SY_ERR_NOINPUT) when the library could not
 * be opened, else "SONAME has no SYMBOL: a newer LIBRARY is needed"
 * (SY_ERR_INTERNAL). */
void sy_dl_report(const sy_dl_failure *f, const char *soname, const char *what, const char *package,
                  const char *library, sy_diags *d);

#endif
