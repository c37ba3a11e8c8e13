/* Internal limits, in one place. Each is a guard against runaway input, not a
 * target: exceeding one is a clear error (SY_ERR_LIMIT), never a hang. */
#ifndef SY_CORE_LIMITS_H
#define SY_CORE_LIMITS_H

/* A paragraph is one unit of shaping and line breaking; ICU and HarfBuzz
 * work on it whole. 1 MiB of UTF-8 is some 300 pages of Khmer. */
#define SY_LIMIT_PARAGRAPH_BYTES (1u << 20)

/* A CID font addresses at most 65535 glyphs; CID 0 is .notdef. */
#define SY_LIMIT_CIDS 65535u

/* Pages per document: far beyond any agreement, small enough that a layout
 * loop fed pathological input stops quickly. */
#define SY_LIMIT_PAGES 5000

/* Bytes of text typeset in one document (its paragraphs, headings and
 * article titles). The typesetter keeps every line's glyphs until the page
 * count is known: a build peaks at some 33 times the text, so an
 * agreement at SY_LIMIT_YAML_BYTES (8 MiB of text, some 2,000 pages) takes
 * some 270 MiB (docs/limits.md, "Memory"). Twice that text bounds what a
 * template can make of it (its output may reach SY_LIMIT_TPL_OUTPUT_BYTES)
 * to some 4,000 pages and 550 MiB, refused
 * before the work rather than at SY_LIMIT_PAGES after it. */
#define SY_LIMIT_DOC_TEXT_BYTES (16u << 20)

/* Nesting of YAML collections: agreement data is 4-5 levels deep. */
#define SY_LIMIT_YAML_DEPTH 64

/* Alias expansions per YAML file ("billion laughs" guard). */
#define SY_LIMIT_YAML_ALIASES 1000

/* YAML nodes per file after alias expansion: an agreement has a few hundred,
 * a large roster a few thousand. Caps what aliases can multiply. */
#define SY_LIMIT_YAML_NODES 100000

/* Size of a YAML data file: the longest agreements are some 100 KiB of text;
 * a file many times that is a mistake, not a document. */
#define SY_LIMIT_YAML_BYTES (8u << 20)

/* Template include depth (files in the longest include chain, counted
 * through every path of the include graph) and loop iterations per
 * rendering. The MOU template includes 2 files deep; rendering recurses
 * along the chain. */
#define SY_LIMIT_TPL_INCLUDE_DEPTH 16
#define SY_LIMIT_TPL_LOOP_ITERATIONS 10000

/* Nesting of blocks and statements ('::: name', '{% if %}', '{% for %}'),
 * counted across includes (blocks around an include add to those inside
 * it): the MOU template nests 4 deep. Parsing, loading and rendering
 * recurse along it, so a deeper template is refused when it is loaded. */
#define SY_LIMIT_TPL_BLOCK_DEPTH 64

/* Steps of work of one rendering: every expression and filter evaluated,
 * every template line, loop iteration and include, and a step per list
 * item or 64 bytes of text a filter reads or makes (or a literal copies).
 * The MOU template takes some 450 steps for the examples' agreements
 * (8 articles) and its cover sheet some 700; 200 articles take some 5,300.
 * Ten million is thousands of times any real document, and is reached in
 * well under a second: it stops includes that fan out (each clause
 * including the next ten times) and loops that print nothing, which the
 * loop and output limits alone do not. */
#define SY_LIMIT_TPL_STEPS 10000000ull

/* Bytes of one template file: clause files are a few KiB; a bigger file is
 * a mistake (a PDF or a data dump dropped into the folder). */
#define SY_LIMIT_TPL_FILE_BYTES (1u << 20)

/* Bytes of one image file of a template (an emblem, a letterhead): they
 * are some KiB to a few hundred; a photograph dropped into the folder
 * would bloat every document it is placed in. */
#define SY_LIMIT_TPL_IMAGE_BYTES (4u << 20)

/* Pixels of one image, decoded: an emblem printed 10 cm wide at 300 dpi
 * has 1.4 million; a small PNG file can claim billions and exhaust memory
 * when decoded (16 million RGBA pixels are 64 MiB). */
#define SY_LIMIT_IMAGE_PIXELS (16u << 20)

/* Files in one template (entry + clause library). */
#define SY_LIMIT_TPL_FILES 256

/* Nesting in one template expression: every parenthesis, 'not', operator,
 * filter, index and '.field' is a level, so `a[0][0]`, `x | f | g` and
 * `a and b and c` are chains of them. A readable expression is 3-6 deep; the
 * parser and the evaluator recurse along it, so a deeper one is refused when
 * the template is parsed. */
#define SY_LIMIT_TPL_EXPR_DEPTH 32

/* Bytes of the document one rendering may produce: its text, and for each
 * block (a line of the template that makes a paragraph, a rule, ...) and
 * each printed value (its source record) what it takes in memory besides
 * its text. An agreement is some 100 KiB of text and a few hundred blocks;
 * a loop over a big clause, or a loop of '\rule' lines that print no text,
 * is stopped here, long before memory runs out. */
#define SY_LIMIT_TPL_OUTPUT_BYTES (64u << 20)
#define SY_TPL_BLOCK_BYTES 256u
#define SY_TPL_SPAN_BYTES 64u

/* Words in the caller's and the shipped no-break word lists. */
#define SY_LIMIT_WORDLIST_ENTRIES 100000

/* PDF trust features (lib/pdf/trust.c, extract.c). Bookmarks, attachments,
 * page label ranges and signature fields per document: an MOU has a dozen
 * articles, two or three signatories and one or two attachments; thousands
 * means a runaway loop in the caller. */
#define SY_LIMIT_PDF_BOOKMARKS 10000
#define SY_LIMIT_PDF_ATTACHMENTS 1000
#define SY_LIMIT_PDF_SIGFIELDS 1000
/* Structure elements of a tagged PDF (lib/pdf/tags.c): one or two a
 * paragraph, an agreement has some hundred; a million is a runaway caller
 * (the document's text limit gives far fewer). */
#define SY_LIMIT_PDF_STRUCT_ELEMS 1000000

/* The attachment extractor (extract.c, through qpdf) reads untrusted bytes.
 * One attachment decodes to at most this (a YAML source is some KiB). qpdf
 * decodes a stream whole, so the bound is checked after decoding: it keeps
 * absurd data out of the caller's hands but does not cap qpdf's memory. */
#define SY_LIMIT_PDF_ATTACHMENT_BYTES (64u << 20)

/* The ICC profile of a PDF/A output intent: sRGB profiles are 3 to 60 KB;
 * 4 MiB leaves room for any RGB profile and refuses a file that is not one. */
#define SY_LIMIT_ICC_BYTES (4u << 20)
/* Depth of the /EmbeddedFiles name tree: sanya writes one node, big
 * documents from other tools two or three levels; the walk recurses, and a
 * /Kids cycle ends here. */
#define SY_LIMIT_PDF_NAME_TREE_DEPTH 32
/* Name tree nodes visited: with at most SY_LIMIT_PDF_ATTACHMENTS leaves,
 * ten times as many nodes is generous; it stops trees whose /Kids share
 * subtrees from multiplying the work. */
#define SY_LIMIT_PDF_NAME_TREE_NODES 10000

/* sanya batch: folders deeper than this under the input folder are refused
 * (a symlink loop or a mistake, not an office's filing), and so are more
 * files than this in one batch (a few thousand agreements is a big NGO). */
#define SY_LIMIT_BATCH_DEPTH 32
#define SY_LIMIT_BATCH_FILES 100000
/* Workers of one batch: each holds its fonts and templates (some MB). */
#define SY_LIMIT_BATCH_JOBS 256
/* The batch state file: one short line per output. */
#define SY_LIMIT_BATCH_STATE_BYTES (64u << 20)
/* The batch's ignore file (.sanyaignore): a few lines of patterns; a file
 * of a mebibyte is something else saved under that name. */
#define SY_LIMIT_BATCH_IGNORE_BYTES (1u << 20)

/* Agreement and roster data (lib/data/schema.c; docs/agreement-schema.md).
 * An id names files (the batch output, the renewal) and PDF fields
 * ("sig-<party>-<n>") and goes into the PDF metadata: real ids are a few
 * words ("moi-aple-2025", "ncct/permanent-vice-chair"). */
#define SY_LIMIT_ID_BYTES 100
/* A one-line text (a title, a name, a place, an office title): printed on
 * one or two lines and copied into the PDF's metadata and bookmarks, whose
 * strings libharu caps at 65535 bytes (HPDF_LIMIT_MAX_STRING_LEN). The
 * longest real titles are some 200 characters; 1000 bytes of UTF-8 are
 * 330 Khmer or 1000 Latin characters. */
#define SY_LIMIT_LINE_BYTES 1000
/* Any other string (an article body, a preamble): the longest agreements
 * are some 100 KiB of text in all; one article of more is a paste gone
 * wrong. Below SY_LIMIT_PARAGRAPH_BYTES, so the text stage never meets a
 * longer paragraph from a data file. */
#define SY_LIMIT_STRING_BYTES (256u << 10)
/* A text string of the PDF (the title, subject, keywords and author of the
 * Info dictionary, a bookmark, an attachment's name), encoded as PDF text
 * (UTF-16BE with its mark when not ASCII): libharu's
 * HPDF_LIMIT_MAX_STRING_LEN. Data within the limits above stays far below
 * it unless it names a great many parties. */
#define SY_LIMIT_PDF_TEXT_BYTES 65535u
/* The name of an attached file: `sanya extract` writes it back as a file
 * name, and file systems take at most 255 bytes (NAME_MAX). */
#define SY_LIMIT_PDF_ATTACHMENT_NAME_BYTES 255

/* Template style (lib/style): a length is at most this many points (about
 * 35 m) and at most this many em: a page a building wide is a typo, and the
 * bound keeps layout arithmetic finite. An image's file name is a name in
 * the template folder, so at most a file name (NAME_MAX). */
#define SY_LIMIT_STYLE_LENGTH_PT 100000
#define SY_LIMIT_STYLE_LENGTH_EM 100
#define SY_LIMIT_STYLE_FILE_NAME_BYTES 255

/* Files the commands read whole into memory (cmd/). A proof text is a
 * page or a few: 4 MiB is over a thousand pages of Khmer. A word list of
 * SY_LIMIT_WORDLIST_ENTRIES words of some 30 bytes is 3 MiB. A PDF given
 * to extract: a sanya document is some hundred KiB, signed and with
 * scanned annexes some tens of MiB; qpdf needs it in memory whole. */
#define SY_LIMIT_PROOF_TEXT_BYTES (4u << 20)
#define SY_LIMIT_WORDLIST_BYTES (4u << 20)
#define SY_LIMIT_PDF_INPUT_BYTES (256u << 20)
/* Showing diagnostics on a terminal (core/excerpt.h): a source file is read
 * back for the line an error points at only up to the size of the largest
 * input that has lines (an agreement, SY_LIMIT_YAML_BYTES); a larger or
 * unreadable file is shown without its line, never an error. A line wider
 * than SY_LIMIT_EXCERPT_COLUMNS terminal cells (a one-line file, a pasted
 * paragraph) is shown cut around the caret: a wide terminal's width, and
 * a hostile megabyte-long line prints no more than that. */
#define SY_LIMIT_EXCERPT_SOURCE_BYTES SY_LIMIT_YAML_BYTES
#define SY_LIMIT_EXCERPT_COLUMNS 160
/* sanya serve (lib/serve): a request body is an agreement's text (or a
 * JSON edit carrying it, a little more), so the agreement's own limit with
 * room for the JSON around it; a bigger body is refused (413) before it is
 * read whole. A file name in a request is a relative path under the
 * folder: PATH_MAX-sized names are a probe, not a filing system. */
#define SY_LIMIT_SERVE_BODY_BYTES (SY_LIMIT_YAML_BYTES + (1u << 20))
#define SY_LIMIT_SERVE_NAME_BYTES 1024
/* Roster entries sent for one autocomplete query: a list a person reads. */
#define SY_LIMIT_SERVE_ROSTER_MATCHES 50
/* Parties of one new agreement asked for by the page: an MOU has two or
 * three; a longer list is a probe. */
#define SY_LIMIT_SERVE_NEW_PARTIES 16

/* Bounds of caches: reaching one evicts the least recently used entries,
 * it is never an error. The text context's cache of analysed paragraphs
 * (lib/text): an agreement and its cover hold some 1-2 MiB of them (about
 * twenty bytes per byte of text, mostly glyphs), so a batch worker keeps
 * the paragraphs of the last several agreements it built. */
#define SY_TEXT_CACHE_BYTES (16u << 20)
/* lib/pdf's cache of embedded fonts (subset programs, deflated): some
 * 10-100 KiB each, four or five a document. */
#define SY_PDF_FONT_CACHE_BYTES (8u << 20)
/* lib/layout's cache of laid-out paragraphs: their lines' glyphs, about as
 * much again as the paragraphs' own. */
#define SY_LAYOUT_CACHE_BYTES (16u << 20)

#endif
