/* Presentation choices shared by the stages: the horizontal alignment of
 * lines (what a template asks for, what the layout engine does) and how a
 * bilingual pair is laid out (what the data, the template or the command
 * line chooses, what the renderer does). One parser of the layout names. */
#ifndef SY_CORE_ALIGN_H
#define SY_CORE_ALIGN_H

typedef enum sy_align {
    SY_ALIGN_LEFT = 0,
    SY_ALIGN_CENTER,
    SY_ALIGN_RIGHT,
    SY_ALIGN_JUSTIFY
} sy_align;

/* How a bilingual pair is laid out: columns side by side, or the Khmer
 * blocks followed by the English ones. */
typedef enum sy_doc_layout { SY_LAYOUT_PARALLEL = 0, SY_LAYOUT_SEQUENTIAL } sy_doc_layout;

/* The layout names as written in data, manifests and options, in enum
 * order, NULL-terminated: "parallel", "sequential". */
extern const char *const sy_layout_names[];
/* Sets *out from a name; returns 0, or -1 (and *out untouched) when the name
 * is not a layout. */
int sy_layout_parse(const char *name, sy_doc_layout *out);
/* The name of a layout (static). */
const char *sy_layout_name(sy_doc_layout l);

#endif
