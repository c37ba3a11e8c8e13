/* In-process benchmark of the text engine: renders a proof of FILE N times
 * in one process with one long-lived font set and text context (as a batch
 * worker would), and prints milliseconds per page. Usage:
 *   bench_proof FILE [ITERATIONS]   (run from the repository root) */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/file.h"
#include "proof/proof.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_proof FILE [ITERATIONS]\n");
        return 64;
    }
    int iterations = argc > 2 ? atoi(argv[2]) : 10;
    if (iterations < 1)
        iterations = 1;
    sy_diags *d = sy_diags_new();
    sy_fontset *fs = sy_fontset_open(".", d);
    char *text;
    size_t len;
    if (!fs || sy_file_read(argv[1], &text, &len, d) != SY_OK) {
        fprintf(stderr, "bench_proof: setup failed\n");
        return 1;
    }
    sy_proof_options o = {sy_fontset_get(fs, "khmer-body", d),
                          sy_fontset_get(fs, "latin-body", d),
                          11,
                          0,
                          SY_ALIGN_JUSTIFY,
                          NULL};
    sy_text_ctx *ctx = sy_text_ctx_new(d);
    if (!o.khmer || !o.latin || !ctx)
        return 1;
    size_t pages = 0, pdf_len = 0;
    char *pdf = NULL;
    /* One warm-up run: font loading and ICU data are paid once per process. */
    if (sy_proof_render(ctx, argv[1], text, len, &o, &pdf, &pdf_len, &pages, d) != SY_OK) {
        fprintf(stderr, "bench_proof: render failed\n");
        return 1;
    }
    free(pdf);
    double t0 = now();
    for (int i = 0; i < iterations; i++) {
        sy_proof_render(ctx, argv[1], text, len, &o, &pdf, &pdf_len, &pages, d);
        free(pdf);
    }
    double dt = now() - t0;
    double ms_page = dt * 1000 / ((double)iterations * pages);
    printf("in-process: %zu pages x %d runs, %.2f ms/page, %.0f pages/s, PDF %zu bytes "
           "(target < 5 ms/page: %s)\n",
           pages, iterations, ms_page, 1000 / ms_page, pdf_len, ms_page < 5 ? "met" : "NOT met");
    free(text);
    sy_text_ctx_free(ctx);
    sy_fontset_free(fs);
    sy_diags_free(d);
    return 0;
}
