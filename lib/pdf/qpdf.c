/* Loading libqpdf on first use (qpdf.h). */
#include "pdf/qpdf.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>

#ifndef SY_QPDF_SONAME
#define SY_QPDF_SONAME "libqpdf.so.29"
#endif

static sy_qpdf_api api;
static const char *missing; /* the symbol or library that failed, or NULL */
static char dl_error[256];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* One entry of the table: its name in the library and where it goes. */
typedef struct entry {
    const char *name;
    void **slot;
} entry;

static void load(void)
{
    void *lib = dlopen(SY_QPDF_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        const char *e = dlerror();
        snprintf(dl_error, sizeof dl_error, "%s", e ? e : "");
        missing = SY_QPDF_SONAME;
        return;
    }
    const entry table[] = {
        {"qpdf_cleanup", (void **)&api.cleanup},
        {"qpdf_get_error", (void **)&api.get_error},
        {"qpdf_get_error_code", (void **)&api.get_error_code},
        {"qpdf_get_error_file_position", (void **)&api.get_error_file_position},
        {"qpdf_get_error_full_text", (void **)&api.get_error_full_text},
        {"qpdf_get_error_message_detail", (void **)&api.get_error_message_detail},
        {"qpdf_get_root", (void **)&api.get_root},
        {"qpdf_has_error", (void **)&api.has_error},
        {"qpdf_init", (void **)&api.init},
        {"qpdf_more_warnings", (void **)&api.more_warnings},
        {"qpdf_next_warning", (void **)&api.next_warning},
        {"qpdf_oh_get_array_item", (void **)&api.oh_get_array_item},
        {"qpdf_oh_get_array_n_items", (void **)&api.oh_get_array_n_items},
        {"qpdf_oh_get_binary_string_value", (void **)&api.oh_get_binary_string_value},
        {"qpdf_oh_get_binary_utf8_value", (void **)&api.oh_get_binary_utf8_value},
        {"qpdf_oh_get_dict", (void **)&api.oh_get_dict},
        {"qpdf_oh_get_generation", (void **)&api.oh_get_generation},
        {"qpdf_oh_get_int_value", (void **)&api.oh_get_int_value},
        {"qpdf_oh_get_key", (void **)&api.oh_get_key},
        {"qpdf_oh_get_key_if_dict", (void **)&api.oh_get_key_if_dict},
        {"qpdf_oh_get_name", (void **)&api.oh_get_name},
        {"qpdf_oh_get_object_id", (void **)&api.oh_get_object_id},
        {"qpdf_oh_get_stream_data", (void **)&api.oh_get_stream_data},
        {"qpdf_oh_is_array", (void **)&api.oh_is_array},
        {"qpdf_oh_is_dictionary", (void **)&api.oh_is_dictionary},
        {"qpdf_oh_is_integer", (void **)&api.oh_is_integer},
        {"qpdf_oh_is_name", (void **)&api.oh_is_name},
        {"qpdf_oh_is_null", (void **)&api.oh_is_null},
        {"qpdf_oh_is_stream", (void **)&api.oh_is_stream},
        {"qpdf_oh_is_string", (void **)&api.oh_is_string},
        {"qpdf_oh_unparse", (void **)&api.oh_unparse},
        {"qpdf_read_memory", (void **)&api.read_memory},
        {"qpdf_set_attempt_recovery", (void **)&api.set_attempt_recovery},
        {"qpdf_set_suppress_warnings", (void **)&api.set_suppress_warnings},
        {"qpdf_silence_errors", (void **)&api.silence_errors},
    };
    for (size_t i = 0; i < sizeof table / sizeof *table; i++) {
        /* POSIX: a dlsym result converts to a function pointer */
        void *sym = dlsym(lib, table[i].name);
        if (!sym) {
            missing = table[i].name;
            return; /* the library stays loaded: harmless, and rare */
        }
        *table[i].slot = sym;
    }
}

const sy_qpdf_api *sy_qpdf_load(sy_diags *d)
{
    pthread_once(&once, load);
    if (!missing)
        return &api;
    if (dl_error[0])
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOINPUT, NULL, 0, 0, NULL,
                     "reading PDFs needs %s (Debian package libqpdf29): %s", SY_QPDF_SONAME,
                     dl_error);
    else
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_INTERNAL, NULL, 0, 0, NULL,
                     "%s has no %s: a newer libqpdf is needed", SY_QPDF_SONAME, missing);
    return NULL;
}

const sy_qpdf_api *sy_qpdf_loaded(void)
{
    return &api;
}
