/* Loading an optional shared library on first use (dl.h). */
#include "core/dl.h"

#include <dlfcn.h>
#include <stdio.h>

int sy_dl_open(const char *soname, const sy_dl_symbol *table, size_t n, sy_dl_failure *f)
{
    f->missing = NULL;
    f->error[0] = 0;
    void *lib = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        const char *e = dlerror();
        snprintf(f->error, sizeof f->error, "%s", e ? e : "");
        f->missing = soname;
        return -1;
    }
    for (size_t i = 0; i < n; i++) {
        /* POSIX: a dlsym result converts to a function pointer */
        void *sym = dlsym(lib, table[i].name);
        if (!sym) {
            f->missing = table[i].name;
            return -1;
        }
        *table[i].slot = sym;
    }
    return 0;
}

void sy_dl_report(const sy_dl_failure *f, const char *soname, const char *what, const char *package,
                  const char *library, sy_diags *d)
{
    if (f->error[0])
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOINPUT, NULL, 0, 0, NULL,
                     "%s needs %s (Debian package %s): %s", what, soname, package, f->error);
    else
        sy_diags_add(d, SY_SEV_ERROR, SY_ERR_INTERNAL, NULL, 0, 0, NULL,
                     "%s has no %s: a newer %s is needed", soname, f->missing, library);
}
