/* sanya proof: typeset a text file in the house fonts. */
#include "cmd.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/file.h"
#include "core/limits.h"
#include "font/font.h"
#include "proof/proof.h"

static const char usage_text[] =
    "usage: sanya proof TEXT.txt -o OUT.pdf [options]\n"
    "\n"
    "Typesets each line of TEXT.txt (UTF-8) as a paragraph on A4 pages with\n"
    "25 mm margins, Khmer in the house Khmer font and everything else in the\n"
    "house Latin font: the font proof staff use to see a text in the house\n"
    "fonts before it goes into an agreement.\n"
    "\n"
    "options:\n"
    "  -o, --output FILE    the PDF to write (required); written atomically,\n"
    "                       never over an input (exit 64) nor onto a folder,\n"
    "                       pipe or device (exit 73); a symbolic link is\n"
    "                       written through; a replaced file keeps its mode\n"
    "  --font ROLE|PATH     a font role of fonts/manifest (khmer-body,\n"
    "                       khmer-heading, latin-body, latin-bold, ...) or a font\n"
    "                       file; it replaces the Khmer font if it has Khmer\n"
    "                       letters, else the Latin font\n"
    "  --size PT            font size in points, 2 to 200 (default 12)\n"
    "  --width MM           measure in millimetres, 5 to 160 (default 160, the full\n"
    "                       width)\n"
    "  --align left|justify|center|right   (default left)\n"
    "  --words FILE         more words not to break inside (one per line; at most\n"
    "                       4 MiB, and the text at most 4 MiB)\n"
    "  -h, --help           this text\n"
    "\n"
    "exit status: 0 ok, 64 usage, 65 bad text, 66 missing input, 73 cannot\n"
    "write the output, 70 internal error.\n";

int sy_cmd_proof(int argc, char **argv)
{
    static const struct option opts[] = {
        {"output", required_argument, NULL, 'o'}, {"font", required_argument, NULL, 'f'},
        {"size", required_argument, NULL, 's'},   {"width", required_argument, NULL, 'w'},
        {"align", required_argument, NULL, 'a'},  {"words", required_argument, NULL, 'W'},
        {"help", no_argument, NULL, 'h'},         {NULL, 0, NULL, 0}};
    const char *out = NULL, *font = NULL, *words = NULL;
    double size = 12, width_mm = 0;
    int align = SY_ALIGN_LEFT;
    int c;
    optind = 1;
    opterr = 0; /* our own messages, prefixed "sanya proof:" */
    while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
        if ((c == 'o' || c == 'f' || c == 'W') && sy_cmd_need_optarg("proof", opts, c, optarg))
            return SY_EXIT_USAGE;
        switch (c) {
        case 'o':
            out = optarg;
            break;
        case 'f':
            font = optarg;
            break;
        case 's':
            if (sy_cmd_number(optarg, 2, 200, &size) != 0) {
                fprintf(stderr, "sanya proof: --size expects points between 2 and 200, got '%s'\n",
                        optarg);
                return SY_EXIT_USAGE;
            }
            break;
        case 'w':
            if (sy_cmd_number(optarg, 5, 160, &width_mm) != 0) {
                fprintf(stderr,
                        "sanya proof: --width expects millimetres between 5 and 160, got '%s'\n",
                        optarg);
                return SY_EXIT_USAGE;
            }
            break;
        case 'a':
            align = sy_align_parse(optarg);
            if (align < 0) {
                fprintf(stderr,
                        "sanya proof: --align expects left, justify, center or right, got '%s'\n",
                        optarg);
                return SY_EXIT_USAGE;
            }
            break;
        case 'W':
            words = optarg;
            break;
        case 'h':
            fputs(usage_text, stdout);
            return SY_EXIT_OK;
        default:
            fprintf(stderr, "sanya proof: unknown option or missing value: '%s'\n\n",
                    argv[optind - 1]);
            fputs(usage_text, stderr);
            return SY_EXIT_USAGE;
        }
    }
    if (optind != argc - 1 || !out) {
        fprintf(stderr, "sanya proof: %s\n\n",
                optind >= argc ? "no text file given"
                    : !out     ? "no output file given (-o OUT.pdf)"
                               : "one text file at a time");
        fputs(usage_text, stderr);
        return SY_EXIT_USAGE;
    }
    const char *input = argv[optind];
    if (sy_cmd_need_name("proof", "text file", input) != 0)
        return SY_EXIT_USAGE;

    sy_diags *d = sy_diags_new();
    if (!d)
        return SY_EXIT_SOFTWARE;
    /* Never over an input (the text, --words, a --font file), nor onto a
     * pipe or a device: said before any work. */
    const char *inputs[] = {input, words, font};
    sy_status checked = sy_file_check_output(out, inputs, sizeof inputs / sizeof *inputs, d);
    if (checked != SY_OK) {
        sy_cmd_print_diags(d);
        int bad = sy_cmd_exit_code(checked);
        sy_diags_free(d);
        return bad;
    }
    sy_fontset *fs = sy_fontset_open(sy_cmd_data_dir(), d);
    sy_text_ctx *ctx = NULL;
    char *text = NULL, *pdf = NULL, *wordtext = NULL;
    size_t len = 0, pdf_len = 0, pages = 0, wlen = 0;
    sy_status st = fs ? SY_OK : sy_diags_status(d);
    sy_proof_options o = {NULL, NULL, size, width_mm * SY_STYLE_PT_PER_MM, (sy_align)align, NULL};
    if (st == SY_OK) {
        o.khmer = sy_fontset_get(fs, "khmer-body", d);
        o.latin = sy_fontset_get(fs, "latin-body", d);
        if (font) {
            const sy_font *f = sy_fontset_get(fs, font, d);
            if (f && sy_font_covers(f, 0x1780))
                o.khmer = f;
            else if (f)
                o.latin = f;
        }
        st = sy_diags_status(d);
    }
    if (st == SY_OK && !(ctx = sy_text_ctx_new(d)))
        st = sy_diags_status(d);
    if (st == SY_OK && words &&
        (st = sy_file_read_max(words, SY_LIMIT_WORDLIST_BYTES, &wordtext, &wlen, d)) == SY_OK)
        st = sy_text_ctx_add_words(ctx, words, wordtext, wlen, d);
    if (st == SY_OK)
        st = sy_file_read_max(input, SY_LIMIT_PROOF_TEXT_BYTES, &text, &len, d);
    if (st == SY_OK)
        st = sy_proof_render(ctx, input, text, len, &o, &pdf, &pdf_len, &pages, d);
    if (st == SY_OK)
        st = sy_file_write_atomic(out, pdf, pdf_len, d);
    sy_cmd_print_diags(d);
    if (st == SY_OK)
        fprintf(stderr, "sanya proof: wrote %s (%zu page%s)\n", out, pages, pages == 1 ? "" : "s");
    int rc = sy_cmd_exit_code(st);
    free(text);
    free(pdf);
    free(wordtext);
    sy_text_ctx_free(ctx);
    sy_fontset_free(fs);
    sy_diags_free(d);
    return rc;
}
