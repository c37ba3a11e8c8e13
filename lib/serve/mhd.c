/* Loading libmicrohttpd on first use (mhd.h). */
#include "serve/mhd.h"

#include <pthread.h>
#include <stddef.h>

#include "core/dl.h"

#ifndef SY_MHD_SONAME
#define SY_MHD_SONAME "libmicrohttpd.so.12"
#endif

static sy_mhd_api api;
static sy_dl_failure failure; /* why the load failed (failure.missing NULL: it did not) */
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
    const sy_dl_symbol table[] = {
        {"MHD_start_daemon", (void **)&api.start_daemon},
        {"MHD_stop_daemon", (void **)&api.stop_daemon},
        {"MHD_lookup_connection_value", (void **)&api.lookup_connection_value},
        {"MHD_create_response_from_buffer", (void **)&api.create_response_from_buffer},
        {"MHD_add_response_header", (void **)&api.add_response_header},
        {"MHD_queue_response", (void **)&api.queue_response},
        {"MHD_destroy_response", (void **)&api.destroy_response},
    };
    sy_dl_open(SY_MHD_SONAME, table, sizeof table / sizeof *table, &failure);
}

const sy_mhd_api *sy_mhd_load(sy_diags *d)
{
    pthread_once(&once, load);
    if (!failure.missing)
        return &api;
    sy_dl_report(&failure, SY_MHD_SONAME, "sanya serve", "libmicrohttpd12", "libmicrohttpd", d);
    return NULL;
}
