/* Loading libmicrohttpd on first use (mhd.h). */
#include "serve/mhd.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>

#ifndef SY_MHD_SONAME
#define SY_MHD_SONAME "libmicrohttpd.so.12"
#endif

static sy_mhd_api api;
static const char *missing; /* the symbol or library that failed, or NULL */
static char dl_error[256];
static pthread_once_t once = PTHREAD_ONCE_INIT;

typedef struct entry {
    const char *name;
    void **slot;
} entry;

static void load(void)
{
    void *lib = dlopen(SY_MHD_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        const char *e = dlerror();
        snprintf(dl_error, sizeof dl_error, "%s", e ? e : "");
        missing = SY_MHD_SONAME;
        return;
    }
    const entry table[] = {
        {"MHD_start_daemon", (void **)&api.start_daemon},
        {"MHD_stop_daemon", (void **)&api.stop_daemon},
        {"MHD_lookup_connection_value", (void **)&api.lookup_connection_value},
        {"MHD_create_response_from_buffer", (void **)&api.create_response_from_buffer},
        {"MHD_add_response_header", (void **)&api.add_response_header},
        {"MHD_queue_response", (void **)&api.queue_response},
        {"MHD_destroy_response", (void **)&api.destroy_response},
    };
    for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
        /* POSIX: a dlsym result converts to a function pointer */
        void *sym = dlsym(lib, table[i].name);
        if (!sym) {
            missing = table[i].name;
            return;
        }
        *table[i].slot = sym;
    }
}

const sy_mhd_api *sy_mhd_load(sy_diags *d)
{
    pthread_once(&once, load);
    if (!missing)
        return &api;
    if (dl_error[0])
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOINPUT, NULL, 0, 0, NULL,
                     "sanya serve needs %s (Debian package libmicrohttpd12): %s", SY_MHD_SONAME,
                     dl_error);
    else
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_INTERNAL, NULL, 0, 0, NULL,
                     "%s has no %s: a newer libmicrohttpd is needed", SY_MHD_SONAME, missing);
    return NULL;
}
