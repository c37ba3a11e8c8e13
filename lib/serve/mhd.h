/* The libmicrohttpd boundary, loaded on first use (like libqpdf in
 * lib/pdf/qpdf.c): libmicrohttpd brings GnuTLS and its libraries, about
 * 3 ms of dynamic loading that every `sanya build` would pay at start for
 * a server it does not run. The functions sanya serve calls, looked up in
 * the library found by its soname at build time (SY_MHD_SONAME). */
#ifndef SY_SERVE_MHD_H
#define SY_SERVE_MHD_H

#include <microhttpd.h>
#include <stdint.h>

#include "core/error.h"

typedef struct sy_mhd_api {
    struct MHD_Daemon *(*start_daemon)(unsigned int flags, uint16_t port,
                                       MHD_AcceptPolicyCallback apc, void *apc_cls,
                                       MHD_AccessHandlerCallback dh, void *dh_cls, ...);
    void (*stop_daemon)(struct MHD_Daemon *daemon);
    const char *(*lookup_connection_value)(struct MHD_Connection *connection,
                                           enum MHD_ValueKind kind, const char *key);
    struct MHD_Response *(*create_response_from_buffer)(size_t size, void *buffer,
                                                        enum MHD_ResponseMemoryMode mode);
    enum MHD_Result (*add_response_header)(struct MHD_Response *response, const char *header,
                                           const char *content);
    enum MHD_Result (*queue_response)(struct MHD_Connection *connection, unsigned int status_code,
                                      struct MHD_Response *response);
    void (*destroy_response)(struct MHD_Response *response);
} sy_mhd_api;

/* The functions, loading the library the first time (thread-safe); NULL
 * with the reason in d when it or a function is missing. Static storage. */
const sy_mhd_api *sy_mhd_load(sy_diags *d);

#endif
