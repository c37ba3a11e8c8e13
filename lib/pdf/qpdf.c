/* Loading libqpdf on first use (qpdf.h). */
#include "pdf/qpdf.h"

#include <pthread.h>
#include <stddef.h>

#include "core/dl.h"

#ifndef SY_QPDF_SONAME
#define SY_QPDF_SONAME "libqpdf.so.29"
#endif

static sy_qpdf_api api;
static sy_dl_failure failure; /* why the load failed (failure.missing NULL: it did not) */
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
    const sy_dl_symbol table[] = {
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
    sy_dl_open(SY_QPDF_SONAME, table, sizeof table / sizeof *table, &failure);
}

const sy_qpdf_api *sy_qpdf_load(sy_diags *d)
{
    pthread_once(&once, load);
    if (!failure.missing)
        return &api;
    sy_dl_report(&failure, SY_QPDF_SONAME, "reading PDFs", "libqpdf29", "libqpdf", d);
    return NULL;
}

const sy_qpdf_api *sy_qpdf_loaded(void)
{
    return &api;
}
