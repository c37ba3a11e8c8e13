/* sanya extract: writes the files attached to a PDF (the agreement data
 * sanya embeds) back out, also from a PDF signed since. */
#include "cmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/buf.h"
#include "core/file.h"
#include "core/limits.h"
#include "pdf/pdf.h"

static const char usage_text[] =
    "usage: sanya extract FILE.pdf [-o DIR] [--force]\n\n"
    "Writes every file attached to FILE.pdf (for a sanya document, the agreement\n"
    "data it was made from) into DIR (default: the current folder) under its\n"
    "attached name, and prints what it wrote. Works on signed PDFs too (the\n"
    "newest version of each object after incremental updates is read) and on\n"
    "PDFs rewritten by tools such as qpdf (object streams, linearized).\n"
    "A name with '/', '\\', '..' or a control character, starting with '.'\n"
    "(a hidden file such as .bashrc), or longer than a file name (255 bytes),\n"
    "is refused. An existing file is never replaced unless --force is given,\n"
    "and never FILE.pdf itself; a folder, a pipe, a device or a symbolic link\n"
    "is never written to (nor through). Every name is checked before any file\n"
    "is written; files are written atomically. FILE.pdf may be up to 256 MiB;\n"
    "a PDF encrypted with a password must be decrypted first.\n\n"
    "options:\n"
    "  -o DIR     the folder to write into (it must exist)\n"
    "  --force    replace files of the same names in DIR\n\n"
    "exit status: 0 ok, 64 usage (also: an attachment would replace FILE.pdf),\n"
    "65 not a PDF sanya can read (also: too big, encrypted with a password) or\n"
    "a bad attachment name, 66 missing input, 73 cannot write an output file\n"
    "(also: it exists and --force is not given)\n";

/* name with its control characters as \xNN, into buf (size bytes), for
 * messages: a PDF's attachment name must not move the terminal's cursor or
 * send it escape sequences. Returns buf. */
static const char *escaped(const char *name, char *buf, size_t size)
{
    size_t n = 0;
    for (; *name && n + 5 < size; name++) {
        unsigned char c = (unsigned char)*name;
        if (c < 0x20 || c == 0x7F)
            n += (size_t)snprintf(buf + n, size - n, "\\x%02X", c);
        else
            buf[n++] = (char)c;
    }
    buf[n] = 0;
    return buf;
}

/* Whether an attached name is safe as a file name in the output folder.
 * Control characters too are refused: sanya never attaches such a name, and
 * a newline in a file name breaks every script that reads a list of them.
 * So is a leading '.': a hidden file (.bashrc, .profile, .ssh) written into
 * a home folder would change what the shell or a tool does next. */
static int safe_name(const char *name)
{
    for (const unsigned char *p = (const unsigned char *)name; *p; p++)
        if (*p < 0x20 || *p == 0x7F)
            return 0;
    return name[0] && name[0] != '.' && !strchr(name, '/') && !strchr(name, '\\') &&
        !strstr(name, "..");
}

int sy_cmd_extract(int argc, char **argv)
{
    const char *in = NULL, *dir = ".";
    int force = 0, options_end = 0;
    for (int i = 1; i < argc; i++) {
        if (options_end || argv[i][0] != '-' || !argv[i][1]) {
            if (in) {
                fprintf(stderr, "sanya extract: expected one PDF, got '%s' and '%s'\n", in,
                        argv[i]);
                return SY_EXIT_USAGE;
            }
            in = argv[i];
            continue;
        }
        if (!strcmp(argv[i], "--")) {
            options_end = 1; /* what follows is the PDF's name, even "-x.pdf" */
            continue;
        }
        if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            fputs(usage_text, stdout);
            return SY_EXIT_OK;
        }
        if (!strcmp(argv[i], "--force")) {
            force = 1;
        } else if (!strcmp(argv[i], "-o")) {
            if (++i == argc) {
                fprintf(stderr, "sanya extract: -o expects a folder\n");
                return SY_EXIT_USAGE;
            }
            if (sy_cmd_need_value("extract", "-o", argv[i]) != 0)
                return SY_EXIT_USAGE;
            dir = argv[i];
        } else {
            fprintf(stderr, "sanya extract: unknown option '%s'\n\n", argv[i]);
            fputs(usage_text, stderr);
            return SY_EXIT_USAGE;
        }
    }
    if (!in) {
        fputs(usage_text, stderr);
        return SY_EXIT_USAGE;
    }
    if (sy_cmd_need_name("extract", "PDF file", in) != 0)
        return SY_EXIT_USAGE;
    struct stat sb;
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        fprintf(stderr, "sanya extract: output folder '%s' %s\n", dir,
                stat(dir, &sb) != 0 ? "does not exist" : "is not a folder");
        return SY_EXIT_CANTCREAT;
    }

    sy_diags *d = sy_diags_new();
    if (!d)
        return SY_EXIT_SOFTWARE;
    char *data = NULL;
    size_t len = 0, n = 0;
    sy_pdf_attachment *files = NULL;
    sy_status st = sy_file_read_max(in, SY_LIMIT_PDF_INPUT_BYTES, &data, &len, d);
    if (st == SY_OK)
        st = sy_pdf_extract_attachments(data, len, &files, &n, d);
    if (st == SY_OK) {
        /* All names are checked before anything is written. */
        for (size_t i = 0; i < n; i++) {
            if (strlen(files[i].name) > SY_LIMIT_PDF_ATTACHMENT_NAME_BYTES)
                st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, in, 0, 0, NULL,
                                  "attachment name '%.40s...' is %zu bytes long; a file name "
                                  "is at most %d: refused",
                                  files[i].name, strlen(files[i].name),
                                  SY_LIMIT_PDF_ATTACHMENT_NAME_BYTES);
            else if (!safe_name(files[i].name)) {
                char shown[4 * SY_LIMIT_PDF_ATTACHMENT_NAME_BYTES + 1];
                st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, in, 0, 0, NULL,
                                  "attachment name '%s' is not a plain file name; refused",
                                  escaped(files[i].name, shown, sizeof shown));
            }
            for (size_t j = 0; j < i; j++)
                if (!strcmp(files[i].name, files[j].name))
                    st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, in, 0, 0, NULL,
                                      "two attachments are named '%s'", files[i].name);
        }
    }
    /* Where each goes: checked for all before anything is written, so that
     * a refusal leaves the folder as it was. */
    sy_buf *paths = st == SY_OK && n ? calloc(n, sizeof *paths) : NULL;
    if (st == SY_OK && n && !paths)
        st = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
    for (size_t i = 0; paths && i < n; i++) {
        sy_buf_printf(&paths[i], "%s/%s", dir, files[i].name);
        struct stat ost;
        sy_status one = SY_OK;
        if (sy_buf_failed(&paths[i]))
            one = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
        else if (lstat(paths[i].data, &ost) != 0) {
            /* a new file */
        } else if (!force)
            one = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_CANTCREAT, paths[i].data, 0, 0, NULL,
                               "exists; refused (nothing written): give --force to replace it, "
                               "or -o another folder");
        else if (S_ISLNK(ost.st_mode)) /* the names are the PDF's choice */
            one = sy_diags_add(d, SY_SEV_ERROR, SY_ERR_CANTCREAT, paths[i].data, 0, 0, NULL,
                               "is a symbolic link; refused (nothing written): extract replaces "
                               "only files in the folder, never what a link leads to");
        else
            one = sy_file_check_output(paths[i].data, &in, 1, d);
        if (st == SY_OK)
            st = one;
    }
    for (size_t i = 0; st == SY_OK && i < n; i++) {
        int existed = 0;
        if (force)
            st = sy_file_write_atomic(paths[i].data, files[i].data, files[i].len, d);
        else if ((st = sy_file_write_new(paths[i].data, files[i].data, files[i].len, &existed,
                                         d)) != SY_OK &&
                 existed) /* made since the check */
            sy_diags_add(d, SY_SEV_ERROR, SY_ERR_CANTCREAT, paths[i].data, 0, 0, NULL,
                         "exists; refused: give --force to replace it, or -o another folder");
        if (st == SY_OK)
            printf("wrote %s (%zu bytes%s%s)\n", paths[i].data, files[i].len,
                   files[i].mime ? ", " : "", files[i].mime ? files[i].mime : "");
    }
    for (size_t i = 0; paths && i < n; i++)
        sy_buf_free(&paths[i]);
    free(paths);
    if (st == SY_OK && n == 0)
        printf("%s has no attached files\n", in);
    if (st == SY_OK && fflush(stdout) != 0)
        st = SY_ERR_CANTCREAT;
    sy_cmd_print_diags(d);
    sy_pdf_attachments_free(files, n);
    free(data);
    sy_diags_free(d);
    return sy_cmd_exit_code(st);
}
