/* Horizontal alignment of lines, shared by the document tree (what a
 * template asks for) and the layout engine (what it does). */
#ifndef SY_CORE_ALIGN_H
#define SY_CORE_ALIGN_H

typedef enum sy_align {
    SY_ALIGN_LEFT = 0,
    SY_ALIGN_CENTER,
    SY_ALIGN_RIGHT,
    SY_ALIGN_JUSTIFY
} sy_align;

#endif
