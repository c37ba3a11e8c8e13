/* libqpdf, loaded when a PDF is first read rather than when sanya starts.
 *
 * qpdf is C++ and brings GnuTLS, p11-kit and libstdc++ with it; linking it
 * costs every sanya process about 2.4 ms of start-up, more than a whole
 * agreement's layout, although only `extract` reads PDFs. So the one file
 * that uses qpdf (extract.c) calls it through this table, filled with
 * dlopen/dlsym on first use, once per process (thread-safe). The soname is
 * the one the build found (SY_QPDF_SONAME, set by the Makefile).
 * Internal to lib/pdf. */
#ifndef SY_PDF_QPDF_H
#define SY_PDF_QPDF_H

#include <qpdf/qpdf-c.h>

#include "core/error.h"

typedef struct sy_qpdf_api {
    __typeof__(qpdf_cleanup) *cleanup;
    __typeof__(qpdf_get_error) *get_error;
    __typeof__(qpdf_get_error_code) *get_error_code;
    __typeof__(qpdf_get_error_file_position) *get_error_file_position;
    __typeof__(qpdf_get_error_full_text) *get_error_full_text;
    __typeof__(qpdf_get_error_message_detail) *get_error_message_detail;
    __typeof__(qpdf_get_root) *get_root;
    __typeof__(qpdf_has_error) *has_error;
    __typeof__(qpdf_init) *init;
    __typeof__(qpdf_more_warnings) *more_warnings;
    __typeof__(qpdf_next_warning) *next_warning;
    __typeof__(qpdf_oh_get_array_item) *oh_get_array_item;
    __typeof__(qpdf_oh_get_array_n_items) *oh_get_array_n_items;
    __typeof__(qpdf_oh_get_binary_string_value) *oh_get_binary_string_value;
    __typeof__(qpdf_oh_get_binary_utf8_value) *oh_get_binary_utf8_value;
    __typeof__(qpdf_oh_get_dict) *oh_get_dict;
    __typeof__(qpdf_oh_get_generation) *oh_get_generation;
    __typeof__(qpdf_oh_get_int_value) *oh_get_int_value;
    __typeof__(qpdf_oh_get_key) *oh_get_key;
    __typeof__(qpdf_oh_get_key_if_dict) *oh_get_key_if_dict;
    __typeof__(qpdf_oh_get_name) *oh_get_name;
    __typeof__(qpdf_oh_get_object_id) *oh_get_object_id;
    __typeof__(qpdf_oh_get_stream_data) *oh_get_stream_data;
    __typeof__(qpdf_oh_is_array) *oh_is_array;
    __typeof__(qpdf_oh_is_dictionary) *oh_is_dictionary;
    __typeof__(qpdf_oh_is_integer) *oh_is_integer;
    __typeof__(qpdf_oh_is_name) *oh_is_name;
    __typeof__(qpdf_oh_is_null) *oh_is_null;
    __typeof__(qpdf_oh_is_stream) *oh_is_stream;
    __typeof__(qpdf_oh_is_string) *oh_is_string;
    __typeof__(qpdf_oh_unparse) *oh_unparse;
    __typeof__(qpdf_read_memory) *read_memory;
    __typeof__(qpdf_set_attempt_recovery) *set_attempt_recovery;
    __typeof__(qpdf_set_suppress_warnings) *set_suppress_warnings;
    __typeof__(qpdf_silence_errors) *silence_errors;
} sy_qpdf_api;

/* The loaded API, or NULL after adding an error to d (libqpdf missing or
 * too old: the message names the library and its Debian package). */
const sy_qpdf_api *sy_qpdf_load(sy_diags *d);
/* The table, once sy_qpdf_load has succeeded (before: all NULL). */
const sy_qpdf_api *sy_qpdf_loaded(void);

#endif
