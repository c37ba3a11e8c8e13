# Turns one of sanya's --help texts into man(7) source (POSIX awk; see
# cmd/man/mkman.sh, which runs it on `sanya --help` and each `sanya COMMAND
# --help`). The help texts are the one source of the man page; their shape:
#
#   usage: sanya ...            the synopsis (indented lines continue it)
#   text                        paragraphs, a blank line between them
#     indented text             kept as it is set (a list, an example)
#   options:                    a heading: a list of items follows,
#     -o, --output FILE   what    each "  TAG  description" (two spaces or
#                         more    more apart), indented lines continuing it
#   exit status: ...            the exit status paragraph
#
# Variables: top=1 for `sanya --help` (headings become sections: .SH
# OPTIONS, ...), else cmd=NAME (a subsection, .SS, with its own parts).

function esc(s) {
    gsub(/\\/, "\\e", s)
    gsub(/-/, "\\-", s)
    return s
}
function out(s) {
    # a line must not start with a control character of roff
    if (s ~ /^[.']/)
        s = "\\&" s
    print s
}
function end_block() {
    if (pre) { print ".fi"; print ".RE"; pre = 0 }
}
function flush_item() {
    if (tag != "") {
        print ".TP"
        out("\\fB" esc(tag) "\\fR")
        out(esc(desc))
        tag = ""; desc = ""
    }
}
function heading(h) {
    flush_item(); end_block()
    if (top) {
        print ".SH " toupper(h)
    } else {
        print ".PP"
        out("\\fI" esc(h) ":\\fR")
    }
}
BEGIN { state = "text"; tag = ""; pre = 0; synopsis = 0 }
/^usage: / {
    line = substr($0, 8)
    if (top) { print ".SH SYNOPSIS" }
    else { print ".SS \"sanya " cmd "\"" }
    print ".nf"
    out("\\fB" esc(line) "\\fR")
    synopsis = 1
    next
}
synopsis && /^  / {
    sub(/^ +/, "    ")
    out(esc($0))
    next
}
synopsis {
    print ".fi"
    synopsis = 0
    if (top) print ".SH DESCRIPTION"
    else print ".PP"
}
/^$/ {
    flush_item(); end_block()
    print ".PP"
    state = "text"
    next
}
/^[Ee]xit status: / {
    flush_item(); end_block()
    text = $0
    sub(/^[Ee]xit status: /, "", text)
    if (top) print ".SH \"EXIT STATUS\""
    else { print ".PP"; out("\\fIexit status:\\fR") }
    out(esc(text))
    state = "exit"
    next
}
/^[a-z][a-z ]*:$/ {
    heading(substr($0, 1, length($0) - 1))
    state = "list"
    next
}
state == "list" && /^  [^ ]/ {
    flush_item()
    item = substr($0, 3)
    gap = match(item, /   *[^ ]/)
    if (gap) {
        tag = substr(item, 1, gap - 1)
        desc = substr(item, gap)
        sub(/^ +/, "", desc)
    } else {
        tag = item; desc = ""
    }
    next
}
state == "list" && /^   / && tag != "" {
    line = $0
    sub(/^ +/, "", line)
    desc = desc " " line
    next
}
state == "list" {
    # text under a heading that is not an item: a paragraph of its own
    flush_item()
    out(esc($0))
    next
}
/^  / {
    if (!pre) { print ".RS 2"; print ".nf"; pre = 1 }
    line = $0
    sub(/^  /, "", line)
    out(esc(line))
    next
}
{
    end_block()
    out(esc($0))
}
END {
    if (synopsis) print ".fi"
    flush_item(); end_block()
}
