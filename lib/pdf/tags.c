/* Tagged PDF: the logical structure tree (see pdf.h, "Tagged PDF").
 *
 * Elements are recorded in the order the caller makes them (the logical
 * order), whatever order their content is drawn in; drawing marks content
 * for an element (BDC with the page's next MCID ... EMC) or as an artifact
 * (BMC ... EMC), and sy_pdf_tags_finish, run by sy_pdf_finish after the
 * signature fields exist, writes the elements, the parent tree and the
 * catalog's entries through haru.h. */
#include <stdlib.h>
#include <string.h>

#include "core/array.h"
#include "core/buf.h"
#include "core/limits.h"
#include "core/utf8.h"
#include "pdf/haru.h"
#include "pdf/pdf.h"
#include "pdf/pdf_internal.h"

enum { KID_ELEM, KID_MCR, KID_OBJR };

typedef struct tag_kid {
    int kind;
    size_t a; /* KID_ELEM: the element; KID_MCR: the page index */
    size_t mcid; /* KID_MCR */
} tag_kid;

typedef struct tag_elem {
    char type[24];
    char *lang; /* NULL: the parent's */
    char *alt; /* NULL: none */
    char *field; /* a Form's signature field (KID_OBJR), or NULL */
    size_t parent; /* 0: the root's parent is the StructTreeRoot */
    tag_kid *kids;
    size_t nkids, capkids;
    sy_haru_obj *obj;
} tag_elem;

/* MCID n of a page belongs to elems[n]. */
typedef struct page_marks {
    size_t *elems;
    size_t n, cap;
} page_marks;

struct sy_pdf_tags {
    char *lang; /* the document's */
    tag_elem *e; /* element id i is e[i - 1]; id 1 is the Document */
    size_t n, cap;
    page_marks *pages;
    size_t npages, cappages;
    long open; /* what is open on open_page: 0 nothing, -1 an artifact, else an element */
    size_t open_page;
};

static sy_status nomem(sy_diags *d)
{
    return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_NOMEM, NULL, 0, 0, NULL, "out of memory");
}

void sy_pdf_tags_free(sy_pdf_tags *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++) {
        free(t->e[i].lang);
        free(t->e[i].alt);
        free(t->e[i].field);
        free(t->e[i].kids);
    }
    free(t->e);
    for (size_t i = 0; i < t->npages; i++)
        free(t->pages[i].elems);
    free(t->pages);
    free(t->lang);
    free(t);
}

/* A structure type is a PDF name of letters and digits (P, H1, LBody). */
static int valid_type(const char *type)
{
    size_t n = strlen(type);
    if (!n || n >= sizeof((tag_elem *)0)->type)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = type[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            return 0;
    }
    return 1;
}

/* A language tag: letters, digits and '-' (BCP 47: km, en, en-US). */
static int valid_lang(const char *lang)
{
    size_t n = strlen(lang);
    if (!n || n > 35)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = lang[i];
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '-'))
            return 0;
    }
    return 1;
}

static sy_pdf_tags *tags_of(sy_pdf *pdf)
{
    return *sy_pdf_tags_slot(pdf);
}

static tag_elem *elem_at(sy_pdf_tags *t, size_t id)
{
    return t && id >= 1 && id <= t->n ? &t->e[id - 1] : NULL;
}

static int add_kid(tag_elem *e, tag_kid k)
{
    if (SY_RESERVE(e->kids, e->capkids, e->nkids + 1) != 0)
        return -1;
    e->kids[e->nkids++] = k;
    return 0;
}

static sy_status usage(sy_diags *d, const char *what)
{
    return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_USAGE, NULL, 0, 0, NULL, "PDF tags: %s", what);
}

/* Appends element `type` under parent (0: none, for the root); *id. */
static sy_status new_elem(sy_pdf_tags *t, size_t parent, const char *type, const char *lang,
                          size_t *id, sy_diags *d)
{
    if (t->n >= SY_LIMIT_PDF_STRUCT_ELEMS)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_LIMIT, NULL, 0, 0, NULL,
                            "PDF tags: more than %d structure elements", SY_LIMIT_PDF_STRUCT_ELEMS);
    if (SY_RESERVE(t->e, t->cap, t->n + 1) != 0)
        return nomem(d);
    tag_elem *e = &t->e[t->n];
    memset(e, 0, sizeof *e);
    strcpy(e->type, type);
    e->parent = parent;
    if (lang && !(e->lang = strdup(lang)))
        return nomem(d);
    size_t me = ++t->n;
    tag_elem *p = elem_at(t, parent);
    if (p && add_kid(p, (tag_kid){KID_ELEM, me, 0}) != 0)
        return nomem(d);
    *id = me;
    return SY_OK;
}

sy_status sy_pdf_tags_enable(sy_pdf *pdf, const char *lang, size_t *root, sy_diags *d)
{
    *root = 0;
    if (sy_pdf_is_finished(pdf))
        return usage(d, "enabled after the document was finished");
    if (sy_pdf_page_count(pdf))
        return usage(d, "enabled after pages were drawn");
    if (!lang || !valid_lang(lang))
        return usage(d, "the document language must be a language tag such as km or en");
    sy_pdf_tags **slot = sy_pdf_tags_slot(pdf);
    if (*slot)
        return usage(d, "enabled twice");
    sy_pdf_tags *t = calloc(1, sizeof *t);
    if (!t || !(t->lang = strdup(lang))) {
        free(t);
        return nomem(d);
    }
    sy_status st = new_elem(t, 0, "Document", NULL, root, d);
    if (st != SY_OK) {
        sy_pdf_tags_free(t);
        return st;
    }
    *slot = t;
    return SY_OK;
}

size_t sy_pdf_tags_root(sy_pdf *pdf)
{
    return tags_of(pdf) ? 1 : 0;
}

sy_status sy_pdf_tag_add(sy_pdf *pdf, size_t parent, const char *type, const char *lang, size_t *id,
                         sy_diags *d)
{
    *id = 0;
    sy_pdf_tags *t = tags_of(pdf);
    if (!t)
        return SY_OK;
    if (sy_pdf_is_finished(pdf))
        return usage(d, "element added after the document was finished");
    if (!elem_at(t, parent))
        return usage(d, "no such parent element");
    if (!valid_type(type))
        return usage(d, "a structure type is a name of letters and digits (P, H1, Figure)");
    if (lang && !valid_lang(lang))
        return usage(d, "a language must be a language tag such as km or en");
    return new_elem(t, parent, type, lang, id, d);
}

sy_status sy_pdf_tag_set_alt(sy_pdf *pdf, size_t id, const char *alt, sy_diags *d)
{
    sy_pdf_tags *t = tags_of(pdf);
    if (!t)
        return SY_OK;
    tag_elem *e = elem_at(t, id);
    if (!e)
        return usage(d, "no such element");
    size_t len = strlen(alt);
    if (sy_utf8_check(alt, len) != (size_t)-1)
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_DATA, NULL, 0, 0, NULL,
                            "PDF alternate text: invalid UTF-8");
    char *copy = strdup(alt);
    if (!copy)
        return nomem(d);
    free(e->alt);
    e->alt = copy;
    return SY_OK;
}

sy_status sy_pdf_tag_field(sy_pdf *pdf, size_t id, const char *field, sy_diags *d)
{
    sy_pdf_tags *t = tags_of(pdf);
    if (!t)
        return SY_OK;
    tag_elem *e = elem_at(t, id);
    if (!e)
        return usage(d, "no such element");
    if (e->field)
        return usage(d, "an element refers to one signature field at most");
    if (!(e->field = strdup(field)))
        return nomem(d);
    if (add_kid(e, (tag_kid){KID_OBJR, 0, 0}) != 0)
        return nomem(d);
    return SY_OK;
}

/* Writes ops to page i's content. */
static sy_status page_write(sy_pdf *pdf, size_t i, const char *ops, sy_diags *d)
{
    sy_haru *h = sy_pdf_haru_of(pdf);
    if (sy_haru_page_write(h, sy_pdf_page_of(pdf, i), ops, strlen(ops)) != 0) {
        const char *why = sy_haru_error(h);
        return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_INTERNAL, NULL, 0, 0, NULL,
                            "PDF: cannot write marked content%s%s", why ? ": " : "",
                            why ? why : "");
    }
    return SY_OK;
}

/* Closes what is open (EMC on the page it was opened on). */
static sy_status close_open(sy_pdf *pdf, sy_pdf_tags *t, sy_diags *d)
{
    if (!t->open)
        return SY_OK;
    t->open = 0;
    return page_write(pdf, t->open_page, "EMC\n", d);
}

sy_status sy_pdf_mark(sy_pdf *pdf, long what, sy_diags *d)
{
    sy_pdf_tags *t = tags_of(pdf);
    if (!t)
        return SY_OK;
    size_t np = sy_pdf_page_count(pdf);
    if (sy_pdf_is_finished(pdf) || !np)
        return usage(d, "no page to mark content on");
    size_t page = np - 1;
    if (t->open == what && (what == 0 || t->open_page == page))
        return SY_OK;
    sy_status st = close_open(pdf, t, d);
    if (st != SY_OK || what == 0)
        return st;
    if (what == SY_PDF_ARTIFACT) {
        t->open = what;
        t->open_page = page;
        return page_write(pdf, page, "/Artifact BMC\n", d);
    }
    tag_elem *e = elem_at(t, what > 0 ? (size_t)what : 0);
    if (!e)
        return usage(d, "content marked for no element");
    if (SY_RESERVE(t->pages, t->cappages, np) != 0)
        return nomem(d);
    for (; t->npages < np; t->npages++)
        memset(&t->pages[t->npages], 0, sizeof *t->pages);
    page_marks *pm = &t->pages[page];
    if (SY_RESERVE(pm->elems, pm->cap, pm->n + 1) != 0)
        return nomem(d);
    size_t mcid = pm->n;
    pm->elems[pm->n++] = (size_t)what;
    if (add_kid(e, (tag_kid){KID_MCR, page, mcid}) != 0)
        return nomem(d);
    t->open = what;
    t->open_page = page;
    sy_buf ops = SY_BUF_INIT;
    sy_buf_printf(&ops, "/%s <</MCID %zu>> BDC\n", e->type, mcid);
    st = sy_buf_failed(&ops) ? nomem(d) : page_write(pdf, page, ops.data, d);
    sy_buf_free(&ops);
    return st;
}

sy_status sy_pdf_tags_before_draw(sy_pdf *pdf, sy_diags *d)
{
    sy_pdf_tags *t = tags_of(pdf);
    if (!t || t->open || !sy_pdf_page_count(pdf))
        return SY_OK;
    /* Drawing nobody marked is page furniture. */
    return sy_pdf_mark(pdf, SY_PDF_ARTIFACT, d);
}

sy_status sy_pdf_tags_end_page(sy_pdf *pdf, sy_diags *d)
{
    sy_pdf_tags *t = tags_of(pdf);
    return t ? close_open(pdf, t, d) : SY_OK;
}

/* ---- finishing ---- */

static sy_status fail(sy_pdf *pdf, sy_diags *d, const char *what)
{
    const char *why = sy_haru_error(sy_pdf_haru_of(pdf));
    return sy_diags_add(d, SY_SEV_ERROR, SY_ERR_INTERNAL, NULL, 0, 0, NULL,
                        "PDF: cannot write %s%s%s", what, why ? ": " : "", why ? why : "");
}

/* key = a PDF text string of UTF-8 s (the bytes when printable ASCII, else
 * UTF-16BE with its BOM). */
static int dict_text(sy_haru *h, sy_haru_obj *dict, const char *key, const char *s)
{
    sy_buf b = SY_BUF_INIT;
    size_t len = strlen(s);
    int ascii = 1;
    for (size_t i = 0; i < len; i++)
        ascii &= (unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F;
    if (ascii) {
        sy_buf_put(&b, s, len);
    } else {
        sy_buf_u16be(&b, 0xFEFF);
        sy_pdf_put_utf16(&b, s, len, 0, NULL);
    }
    int bad = sy_buf_failed(&b) || sy_haru_dict_string(h, dict, key, b.data ? b.data : "", b.len);
    sy_buf_free(&b);
    return bad ? -1 : 0;
}

/* The language an element inherits: its nearest ancestor's, else the
 * document's. */
static const char *inherited_lang(const sy_pdf_tags *t, const tag_elem *e)
{
    for (size_t p = e->parent; p; p = t->e[p - 1].parent)
        if (t->e[p - 1].lang)
            return t->e[p - 1].lang;
    return t->lang;
}

static int write_elem(sy_pdf *pdf, sy_pdf_tags *t, tag_elem *e, sy_haru_obj *root,
                      sy_pdf_trust *trust, long *next_key, sy_haru_obj *nums)
{
    sy_haru *h = sy_pdf_haru_of(pdf);
    sy_haru_obj *kids = sy_haru_array(h);
    int bad = !kids;
    bad |= sy_haru_dict_name(h, e->obj, "Type", "StructElem");
    bad |= sy_haru_dict_name(h, e->obj, "S", e->type);
    bad |= sy_haru_dict_obj(h, e->obj, "P", e->parent ? t->e[e->parent - 1].obj : root);
    if (e->lang && strcmp(e->lang, inherited_lang(t, e)) != 0)
        bad |= sy_haru_dict_string(h, e->obj, "Lang", e->lang, strlen(e->lang));
    if (e->alt)
        bad |= dict_text(h, e->obj, "Alt", e->alt);
    int has_pg = 0;
    for (size_t k = 0; k < e->nkids && !bad; k++) {
        const tag_kid *kid = &e->kids[k];
        if (kid->kind == KID_ELEM) {
            bad |= sy_haru_array_obj(h, kids, t->e[kid->a - 1].obj);
            continue;
        }
        sy_haru_obj *ref = sy_haru_direct_dict(h);
        if (!ref)
            return -1;
        if (kid->kind == KID_MCR) {
            sy_haru_obj *pg = sy_haru_page_dict(sy_pdf_page_of(pdf, kid->a));
            if (!has_pg) { /* the element's first page, for readers that want one */
                bad |= sy_haru_dict_obj(h, e->obj, "Pg", pg);
                has_pg = 1;
            }
            bad |= sy_haru_dict_name(h, ref, "Type", "MCR");
            bad |= sy_haru_dict_obj(h, ref, "Pg", pg);
            bad |= sy_haru_dict_int(h, ref, "MCID", (long)kid->mcid);
        } else {
            size_t page = 0;
            sy_haru_obj *w = trust ? sy_pdf_trust_widget(trust, e->field, &page) : NULL;
            if (!w)
                continue; /* no such field (yet): the Form stays empty */
            sy_haru_obj *pg = sy_haru_page_dict(sy_pdf_page_of(pdf, page));
            bad |= sy_haru_dict_name(h, ref, "Type", "OBJR");
            bad |= sy_haru_dict_obj(h, ref, "Obj", w);
            bad |= sy_haru_dict_obj(h, ref, "Pg", pg);
            bad |= sy_haru_dict_int(h, w, "StructParent", *next_key);
            bad |= sy_haru_array_int(h, nums, *next_key);
            bad |= sy_haru_array_obj(h, nums, e->obj);
            (*next_key)++;
        }
        bad |= sy_haru_array_obj(h, kids, ref);
    }
    bad |= sy_haru_dict_obj(h, e->obj, "K", kids);
    return bad;
}

sy_status sy_pdf_tags_finish(sy_pdf *pdf, sy_pdf_tags *t, sy_pdf_trust *trust, sy_diags *d)
{
    sy_status st = close_open(pdf, t, d);
    if (st != SY_OK)
        return st;
    sy_haru *h = sy_pdf_haru_of(pdf);
    size_t np = sy_pdf_page_count(pdf);
    sy_haru_obj *root = sy_haru_dict(h), *tree = sy_haru_direct_dict(h);
    sy_haru_obj *nums = sy_haru_array(h), *rootkids = sy_haru_array(h);
    int bad = !root || !tree || !nums || !rootkids;
    for (size_t i = 0; i < t->n && !bad; i++)
        bad |= !(t->e[i].obj = sy_haru_dict(h));
    /* Parent tree: key i is page i's array of elements by MCID; the
     * widgets' keys follow the pages. */
    for (size_t p = 0; p < np && !bad; p++) {
        sy_haru_obj *arr = sy_haru_array(h);
        bad |= !arr;
        const page_marks *pm = p < t->npages ? &t->pages[p] : NULL;
        for (size_t m = 0; pm && m < pm->n && !bad; m++)
            bad |= sy_haru_array_obj(h, arr, t->e[pm->elems[m] - 1].obj);
        bad |= sy_haru_array_int(h, nums, (long)p);
        bad |= sy_haru_array_obj(h, nums, arr);
        bad |= sy_haru_dict_int(h, sy_haru_page_dict(sy_pdf_page_of(pdf, p)), "StructParents",
                                (long)p);
    }
    long next_key = (long)np;
    for (size_t i = 0; i < t->n && !bad; i++)
        bad |= write_elem(pdf, t, &t->e[i], root, trust, &next_key, nums);
    /* Pages with fields: tab through them in the structure's order. */
    for (size_t p = 0; trust && p < np && !bad; p++)
        if (sy_pdf_trust_page_has_fields(trust, p))
            bad |= sy_haru_dict_name(h, sy_haru_page_dict(sy_pdf_page_of(pdf, p)), "Tabs", "S");
    if (!bad) {
        sy_haru_obj *cat = sy_haru_catalog(h), *mark = sy_haru_direct_dict(h);
        sy_haru_obj *prefs = sy_haru_direct_dict(h);
        bad |= !mark || !prefs;
        bad |= sy_haru_dict_name(h, root, "Type", "StructTreeRoot");
        bad |= sy_haru_array_obj(h, rootkids, t->e[0].obj);
        bad |= sy_haru_dict_obj(h, root, "K", rootkids);
        bad |= sy_haru_dict_obj(h, tree, "Nums", nums);
        bad |= sy_haru_dict_obj(h, root, "ParentTree", tree);
        bad |= sy_haru_dict_int(h, root, "ParentTreeNextKey", next_key);
        bad |= sy_haru_dict_obj(h, cat, "StructTreeRoot", root);
        bad |= sy_haru_dict_bool(h, mark, "Marked", 1);
        bad |= sy_haru_dict_obj(h, cat, "MarkInfo", mark);
        bad |= sy_haru_dict_string(h, cat, "Lang", t->lang, strlen(t->lang));
        bad |= sy_haru_dict_bool(h, prefs, "DisplayDocTitle", 1);
        bad |= sy_haru_dict_obj(h, cat, "ViewerPreferences", prefs);
    }
    return bad ? fail(pdf, d, "the structure tree") : SY_OK;
}

/* ---- inspection ---- */

size_t sy_pdf_tags_count(const sy_pdf *pdf)
{
    const sy_pdf_tags *t = *sy_pdf_tags_slot((sy_pdf *)pdf);
    return t ? t->n : 0;
}

size_t sy_pdf_tags_page_mcids(const sy_pdf *pdf, size_t page)
{
    const sy_pdf_tags *t = *sy_pdf_tags_slot((sy_pdf *)pdf);
    return t && page < t->npages ? t->pages[page].n : 0;
}

size_t sy_pdf_tags_mcid_elem(const sy_pdf *pdf, size_t page, size_t mcid)
{
    const sy_pdf_tags *t = *sy_pdf_tags_slot((sy_pdf *)pdf);
    return t && page < t->npages && mcid < t->pages[page].n ? t->pages[page].elems[mcid] : 0;
}
