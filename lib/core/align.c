/* The layout names (align.h). */
#include "core/align.h"

#include <string.h>

const char *const sy_layout_names[] = {"parallel", "sequential", NULL};

int sy_layout_parse(const char *name, sy_doc_layout *out)
{
    for (int i = 0; name && sy_layout_names[i]; i++)
        if (!strcmp(name, sy_layout_names[i])) {
            *out = (sy_doc_layout)i;
            return 0;
        }
    return -1;
}

const char *sy_layout_name(sy_doc_layout l)
{
    return sy_layout_names[l == SY_LAYOUT_SEQUENTIAL ? SY_LAYOUT_SEQUENTIAL : SY_LAYOUT_PARALLEL];
}
