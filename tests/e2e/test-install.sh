#!/usr/bin/env bash
# make install end to end: the installed tree holds the command, both
# libraries, sanya.h alone and sanya.pc; the shared library exports sanya_*
# only; examples/api/build-agreement.c compiles with pkg-config against the
# shared library and, with --static, against libsanya.a, and both binaries
# write the same PDF as the installed `sanya build`, which finds its data in
# PREFIX/share/sanya from any folder. A bad agreement gives
# file:line:column and a non-zero exit.
set -u
root=${SANYA_ROOT:?}
sanya=${SANYA:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
ok() { echo "ok: $*"; }

# The build folder run-all.sh was given, relative to the tree when it is in
# it (the objects' dependency files name them so).
build=$(dirname "$sanya")
case $build in "$root"/*) build=${build#"$root"/} ;; esac
prefix=$tmp/prefix
if ! make -C "$root" install BUILD="$build" PREFIX="$prefix" >"$tmp/install.log" 2>&1; then
    echo "FAIL: make install PREFIX=$prefix"
    tail -20 "$tmp/install.log"
    exit 1
fi
version=$(awk '/^#define SANYA_VERSION_(MAJOR|MINOR|PATCH) /{v = v (v == "" ? "" : ".") $3}
               END {print v}' "$root/lib/sanya.h")
major=${version%%.*}

# What is installed, and nothing internal.
for f in bin/sanya lib/libsanya.a "lib/libsanya.so.$version" "lib/libsanya.so.$major" \
    lib/libsanya.so lib/pkgconfig/sanya.pc include/sanya.h share/sanya/fonts/manifest \
    share/sanya/templates/mou/main.tpl share/man/man1/sanya.1; do
    [ -e "$prefix/$f" ] || bad "not installed: $f"
done
[ "$(readlink "$prefix/lib/libsanya.so")" = "libsanya.so.$major" ] || bad "libsanya.so link"
[ "$(readlink "$prefix/lib/libsanya.so.$major")" = "libsanya.so.$version" ] ||
    bad "libsanya.so.$major link"
inc=$(cd "$prefix/include" && find . -mindepth 1 | sort | tr '\n' ' ')
[ "$inc" = "./sanya.h " ] && ok "include/ holds sanya.h only" || bad "include/ holds: $inc"
grep -q '#include "' "$prefix/include/sanya.h" && bad "sanya.h includes a project header"

# The shared library: its soname, and sanya_ symbols only.
soname=$(readelf -d "$prefix/lib/libsanya.so.$version" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$soname" = "libsanya.so.$major" ] || bad "soname '$soname', expected libsanya.so.$major"
nm -D --defined-only "$prefix/lib/libsanya.so.$version" | awk '{print $3}' >"$tmp/exported"
others=$(grep -v '^sanya_' "$tmp/exported" | head -5 | tr '\n' ' ')
[ -z "$others" ] || bad "libsanya.so exports more than sanya_*: $others"
n_api=$(grep -c '^SANYA_EXPORT' "$root/lib/sanya.h")
n_exported=$(grep -c '^sanya_' "$tmp/exported")
[ "$n_exported" -eq "$n_api" ] && ok "libsanya.so exports the $n_api functions of sanya.h only" ||
    bad "libsanya.so exports $n_exported sanya_ functions, sanya.h declares $n_api"

export PKG_CONFIG_PATH=$prefix/lib/pkgconfig
[ "$(pkg-config --modversion sanya)" = "$version" ] || bad "pkg-config --modversion sanya"
datadir=$(pkg-config --variable=datadir sanya)
[ "$datadir" = "$prefix/share/sanya" ] || bad "pkg-config datadir: $datadir"

# The example, against the library under test (with the sanitizers when it
# was built with them: make check-asan).
san=
if nm "$prefix/lib/libsanya.a" 2>/dev/null | grep -q __asan_; then
    san="-fsanitize=address,undefined"
fi
example=$root/examples/api/build-agreement.c
cflags="-std=c11 -Wall -Wextra -Werror -Wstrict-prototypes -pedantic $san"
# shellcheck disable=SC2086,SC2046
cc $cflags -DSANYA_DATADIR="\"$datadir\"" -o "$tmp/example-shared" "$example" \
    $(pkg-config --cflags --libs sanya) -Wl,-rpath,"$prefix/lib" ||
    { echo "FAIL: cannot compile the example with pkg-config --cflags --libs sanya"; exit 1; }
# A static link names the archive: beside libsanya.so, -lsanya would pick
# the shared library. pkg-config --static adds what libsanya.a needs.
static_libs=" $(pkg-config --static --libs sanya) "
static_libs=${static_libs/ -lsanya / -l:libsanya.a }
# shellcheck disable=SC2086,SC2046
cc $cflags -DSANYA_DATADIR="\"$datadir\"" -o "$tmp/example-static" "$example" \
    $(pkg-config --static --cflags sanya) $static_libs ||
    { echo "FAIL: cannot compile the example with pkg-config --static"; exit 1; }

ldd "$tmp/example-shared" | grep -q "libsanya.so.$major => $prefix/lib/libsanya.so.$major" &&
    ok "the shared example loads $prefix/lib/libsanya.so.$major" ||
    bad "the shared example does not load libsanya.so.$major: $(ldd "$tmp/example-shared")"
ldd "$tmp/example-static" | grep -q libsanya && bad "the static example needs libsanya.so"

# Run from another folder, with no SANYA_DATA to help.
unset SANYA_DATA
mkdir "$tmp/elsewhere"
cd "$tmp/elsewhere" || exit 1
agreement=$root/examples/moi-aple-2025.yaml
roster=$root/examples/roster.yaml
for kind in shared static; do
    if "$tmp/example-$kind" "$agreement" "$roster" "$tmp/$kind.pdf" 2025-11-23 >/dev/null \
        2>"$tmp/$kind.err"; then
        pages=$(pdfinfo "$tmp/$kind.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
        [ "${pages:-0}" -ge 2 ] && ok "$kind example: a PDF of $pages pages" ||
            bad "$kind example: pdfinfo cannot read its PDF"
    else
        bad "$kind example failed: $(head -c 400 "$tmp/$kind.err")"
    fi
done
cmp -s "$tmp/shared.pdf" "$tmp/static.pdf" && ok "shared and static examples: the same bytes" ||
    bad "the shared and static examples wrote different PDFs"
"$prefix/bin/sanya" build "$agreement" --roster "$roster" --as-of 2025-11-23 -o "$tmp/cli.pdf" \
    2>"$tmp/cli.err" || bad "installed sanya build failed: $(cat "$tmp/cli.err")"
cmp -s "$tmp/cli.pdf" "$tmp/shared.pdf" && ok "the installed sanya build writes the same bytes" ||
    bad "the installed sanya build and the API differ"

# The installed command's data is PREFIX/share/sanya (and not the source
# tree): without it the command cannot find its fonts.
if [ -e /usr/local/share/sanya ]; then
    echo "skip: /usr/local/share/sanya exists (the command's last resort)"
else
    mv "$prefix/share/sanya" "$prefix/share/sanya.away"
    "$prefix/bin/sanya" build "$agreement" --roster "$roster" -o "$tmp/none.pdf" 2>/dev/null
    rc=$?
    mv "$prefix/share/sanya.away" "$prefix/share/sanya"
    [ "$rc" -eq 66 ] && ok "the installed sanya reads PREFIX/share/sanya" ||
        bad "without PREFIX/share/sanya the installed sanya exited $rc, expected 66"
fi

# A bad agreement: every problem with its place, exit 65, nothing written.
printf 'id: bad\ntitle:\n  km: ក\n  en: Bad\ntitel: x\n' >"$tmp/bad.yaml"
"$tmp/example-shared" "$tmp/bad.yaml" "$roster" "$tmp/bad.pdf" >/dev/null 2>"$tmp/bad.err"
rc=$?
[ "$rc" -eq 65 ] || bad "bad agreement: exit $rc, expected 65"
grep -Eq "^$tmp/bad.yaml:5:1: .*titel" "$tmp/bad.err" &&
    ok "bad agreement: $(grep -m1 titel "$tmp/bad.err")" ||
    bad "bad agreement: no file:line:column diagnostic: $(head -c 400 "$tmp/bad.err")"
[ -e "$tmp/bad.pdf" ] && bad "bad agreement: a PDF was written"

# sanya.h is also a C++ header.
if command -v c++ >/dev/null; then
    echo '#include <sanya.h>
int main() { return sanya_version() == 0; }' >"$tmp/api.cc"
    # shellcheck disable=SC2046
    c++ -Wall -Wextra -Werror -o "$tmp/api-cxx" "$tmp/api.cc" $(pkg-config --cflags --libs sanya) \
        $san -Wl,-rpath,"$prefix/lib" && "$tmp/api-cxx" || bad "sanya.h from C++"
fi

# The man page: made from the --help texts, it renders without a warning
# and names every command and global option; the help itself works as
# `sanya --help`, `sanya help`, `sanya help COMMAND` and `sanya COMMAND
# --help`, each exit 0.
page=$prefix/share/man/man1/sanya.1
man_fail=$fail
groff -k -man -Tutf8 -ww "$page" >"$tmp/man.txt" 2>"$tmp/man.err" || bad "groff failed on sanya.1"
[ -s "$tmp/man.err" ] && bad "groff warns on sanya.1: $(head -5 "$tmp/man.err")"
[ -s "$tmp/man.txt" ] || bad "groff rendered nothing of sanya.1"
# grotty overstrikes bold; compare the letters
sed 's/.\x08//g' "$tmp/man.txt" >"$tmp/man.plain"
MANWIDTH=80 man -l "$page" >/dev/null 2>"$tmp/man.err" || bad "man -l sanya.1 failed"
[ -s "$tmp/man.err" ] && bad "man -l warns: $(head -5 "$tmp/man.err")"
cmds=$("$prefix/bin/sanya" --help | sed -n '/^commands:$/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
[ -n "$cmds" ] || bad "sanya --help lists no command"
for c in $cmds; do
    grep -q "^   sanya $c\$" "$tmp/man.plain" || bad "sanya.1 has no section for $c"
    "$prefix/bin/sanya" "$c" --help >"$tmp/h1" || bad "sanya $c --help exit $?"
    "$prefix/bin/sanya" help "$c" >"$tmp/h2" || bad "sanya help $c exit $?"
    cmp -s "$tmp/h1" "$tmp/h2" || bad "sanya help $c differs from sanya $c --help"
    # every option of the command's help is in the page
    for o in $(grep -o -- '--[a-z][a-z-]*' "$tmp/h1" | sort -u); do
        grep -q -- "$o" "$tmp/man.plain" || bad "sanya.1 lacks $o of sanya $c"
    done
done
for o in --color NO_COLOR SOURCE_DATE_EPOCH "EXIT STATUS"; do
    grep -q -- "$o" "$tmp/man.plain" || bad "sanya.1 lacks $o"
done
[ "$fail" -eq "$man_fail" ] && ok "sanya.1 renders and documents: $(echo $cmds)"
"$prefix/bin/sanya" --help >/dev/null || bad "sanya --help exit $?"
"$prefix/bin/sanya" help >/dev/null || bad "sanya help exit $?"

# DESTDIR stages the same tree under another root, for packagers.
make -C "$root" install BUILD="$build" PREFIX=/usr DESTDIR="$tmp/stage" >"$tmp/stage.log" 2>&1 ||
    bad "make install DESTDIR=... PREFIX=/usr"
[ -e "$tmp/stage/usr/lib/libsanya.so.$version" ] && [ -e "$tmp/stage/usr/include/sanya.h" ] &&
    grep -qx 'prefix=/usr' "$tmp/stage/usr/lib/pkgconfig/sanya.pc" && ok "DESTDIR" ||
    bad "DESTDIR: not staged under $tmp/stage/usr"

[ "$fail" -eq 0 ] && echo "install: ok"
exit "$fail"
