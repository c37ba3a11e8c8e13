/* In-process benchmark of agreement builds: one builder (fonts, text
 * context, styles loaded once, as a batch regeneration would) builds an
 * agreement N times. Usage, from the repository root:
 *   bench_build AGREEMENT.yaml ROSTER.yaml [N] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "builder/builder.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: bench_build AGREEMENT.yaml ROSTER.yaml [N]\n");
        return 64;
    }
    int n = argc > 3 ? atoi(argv[3]) : 100;
    if (n < 1)
        n = 1;
    sy_diags *d = sy_diags_new();
    double t0 = now();
    sy_builder *b = sy_builder_new(".", d);
    if (!b) {
        fprintf(stderr, "bench_build: setup failed\n");
        return 1;
    }
    double setup = now() - t0;
    sy_builder_options o = {argv[1],   argv[2], NULL, -1, SY_BUILDER_COVER_AND_AGREEMENT,
                            {0, 0, 0}, 0};
    size_t bytes = 0, pages = 0;
    t0 = now();
    for (int i = 0; i < n; i++) {
        char *pdf;
        if (sy_builder_pdf(b, &o, &pdf, &bytes, &pages, d) != SY_OK) {
            fprintf(stderr, "bench_build: build failed\n");
            return 1;
        }
        free(pdf);
    }
    double dt = now() - t0;
    printf("in-process: %d builds of %s, %.2f ms per agreement (%zu pages, %zu bytes), "
           "setup once %.1f ms\n",
           n, argv[1], dt * 1000 / n, pages, bytes, setup * 1000);
    sy_builder_free(b);
    sy_diags_free(d);
    return 0;
}
