/* sanya serve: the drafting page for the agreements of a folder, on
 * 127.0.0.1 (lib/serve). Parses the arguments, makes the token, prints the
 * address, and waits for Ctrl-C or SIGTERM. */
#include "cmd.h"

#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "serve/serve.h"

static void usage(FILE *f)
{
    fprintf(f,
            "usage: sanya serve [DIR] [--port N] [--roster R] [--template NAME|DIR]\n\n"
            "Serves a page for drafting the agreements of DIR (default: the current\n"
            "folder) on http://127.0.0.1 only: the list of agreements with their status,\n"
            "a form and the YAML of each, checked as you type (the same check as\n"
            "'sanya check'), a live preview of the PDF (cover sheet included) and a\n"
            "save that keeps comments and refuses to overwrite a newer file.\n"
            "The first line on stdout is the address to open, with the token every\n"
            "request must carry:\n"
            "  sanya serve: http://127.0.0.1:PORT/?token=TOKEN\n"
            "Ctrl-C (or SIGTERM) stops it. docs/serve.md describes the API.\n\n"
            "options:\n"
            "  --port N       listen on this port (default: a free one)\n"
            "  --roster FILE  the roster of office holders (default: the one roster\n"
            "                 file at the top of DIR, if there is exactly one)\n"
            "  --template T   build previews with this template (a name under\n"
            "                 templates/ or a folder) instead of each agreement's\n"
            "  -h, --help     show this help\n\n"
            "exit status: 0 stopped by a signal, 64 usage error, 66 missing folder or\n"
            "roster, 73 the port cannot be listened on\n");
}

int sy_cmd_serve(int argc, char **argv)
{
    static const struct option opts[] = {{"port", required_argument, NULL, 'p'},
                                         {"roster", required_argument, NULL, 'r'},
                                         {"template", required_argument, NULL, 't'},
                                         {"help", no_argument, NULL, 'h'},
                                         {NULL, 0, NULL, 0}};
    sy_serve_options o;
    memset(&o, 0, sizeof o);
    int c;
    double port = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
        if (c == 'h') {
            usage(stdout);
            return SY_EXIT_OK;
        }
        if (c == '?' || c == ':') {
            fprintf(stderr, "sanya serve: %s '%s'\n",
                    c == ':' ? "missing value for option" : "unknown option", argv[optind - 1]);
            usage(stderr);
            return SY_EXIT_USAGE;
        }
        if (sy_cmd_need_optarg("serve", opts, c, optarg) != 0)
            return SY_EXIT_USAGE;
        if (c == 'p' && sy_cmd_number(optarg, 1, 65535, &port) != 0) {
            fprintf(stderr, "sanya serve: --port expects a number from 1 to 65535, got '%s'\n",
                    optarg);
            return SY_EXIT_USAGE;
        } else if (c == 'r') {
            o.roster = optarg;
        } else if (c == 't') {
            o.template_ = optarg;
        }
    }
    if (argc - optind > 1) {
        fprintf(stderr, "sanya serve: one folder at a time\n");
        return SY_EXIT_USAGE;
    }
    o.dir = optind < argc ? argv[optind] : ".";
    if (sy_cmd_need_name("serve", "folder", o.dir) != 0)
        return SY_EXIT_USAGE;
    o.port = (unsigned)port;
    if (port != (double)o.port) {
        fprintf(stderr, "sanya serve: --port expects a whole number\n");
        return SY_EXIT_USAGE;
    }
    o.data_dir = sy_cmd_data_dir();
    o.today = sy_cmd_today;

    sy_diags *d = sy_diags_new();
    char token[SY_SERVE_TOKEN_HEX + 1];
    if (!d || sy_serve_make_token(token, d) != SY_OK) {
        sy_cmd_print_diags(d);
        sy_diags_free(d);
        return SY_EXIT_SOFTWARE;
    }
    o.token = token;
    /* The signals are blocked before the server's thread starts (it
     * inherits the mask), and this thread waits for them. */
    sigset_t stop;
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &stop, NULL);
    signal(SIGPIPE, SIG_IGN);
    sy_serve *s = sy_serve_start(&o, d);
    if (!s) {
        sy_cmd_print_diags(d);
        int rc = sy_cmd_exit_code(sy_diags_status(d));
        sy_diags_free(d);
        return rc;
    }
    sy_cmd_print_diags(d); /* warnings of the start */
    sy_diags_free(d);
    printf("sanya serve: http://127.0.0.1:%u/?token=%s\n", sy_serve_port(s), token);
    fflush(stdout);
    int sig = 0;
    while (sigwait(&stop, &sig) != 0)
        ;
    sy_serve_stop(s);
    return SY_EXIT_OK;
}
