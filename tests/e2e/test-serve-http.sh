#!/usr/bin/env bash
# sanya serve over HTTP (curl), on a scratch copy of examples/: the first
# stdout line; the gates (no token, wrong token, wrong Host: 403; the
# token moved into an HttpOnly SameSite=Strict cookie); names outside the
# folder (.., absolute, a symlink out) refused with nothing read; the port
# bound to 127.0.0.1 only; two saves from the same stale version (200 then
# 409, the file holds the first); a bad date checked (line and path
# `signed`); the preview's PDF (page count, the new date's text); edits
# that keep comments; the schema; the body limit; SIGINT ends it with 0.
set -u
export SOURCE_DATE_EPOCH=1763856000 # 2025-11-23
root=${SANYA_ROOT:?}
sanya=${SANYA:?}
tmp=$(mktemp -d)
pid=
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
ok() { echo "ok: $*"; }
for t in curl pdfinfo pdftotext python3; do
    command -v "$t" >/dev/null || { bad "$t is missing"; exit 1; }
done

mkdir -p "$tmp/dir/sub" "$tmp/outside"
cp "$root"/examples/*.yaml "$tmp/dir/"
cp "$root/examples/moeys-school-2023.yaml" "$tmp/dir/sub/copy.yaml"
echo 'secret: do not read me' >"$tmp/outside/secret.yaml"
ln -s "$tmp/outside/secret.yaml" "$tmp/dir/link-out.yaml"
ln -s "$tmp/outside" "$tmp/dir/folder-out"

"$sanya" serve "$tmp/dir" >"$tmp/out" 2>"$tmp/err" &
pid=$!
for _ in $(seq 100); do
    [ -s "$tmp/out" ] && break
    sleep 0.05
done
line=$(head -1 "$tmp/out")
if [[ $line =~ ^sanya\ serve:\ http://127\.0\.0\.1:([0-9]+)/\?token=([0-9a-f]{32})$ ]]; then
    port=${BASH_REMATCH[1]} token=${BASH_REMATCH[2]}
    ok "first line: $line"
else
    bad "first line: '$line' (stderr: $(cat "$tmp/err"))"
    exit 1
fi
base=http://127.0.0.1:$port
H="X-Sanya-Token: $token"
code() { curl -s -o "$tmp/body" -w '%{http_code}' "$@"; }

# ---- the gates ----
[ "$(code "$base/api/files")" = 403 ] && ok "no token: 403" || bad "no token: $(cat "$tmp/body")"
[ "$(code -H "X-Sanya-Token: 0123456789abcdef0123456789abcdef" "$base/api/files")" = 403 ] &&
    ok "wrong token: 403" || bad "wrong token"
[ "$(code "$base/?token=0123456789abcdef0123456789abcdef")" = 403 ] &&
    ok "wrong token in the address: 403" || bad "wrong token in the address"
[ "$(code --cookie "sanya_token=nope" "$base/")" = 403 ] && ok "wrong cookie: 403" || bad "wrong cookie"
[ "$(code -H "$H" -H "Host: evil.example:$port" "$base/api/files")" = 403 ] &&
    grep -q 'answers to' "$tmp/body" && ok "wrong Host: 403" || bad "wrong Host: $(cat "$tmp/body")"
[ "$(code -H "$H" -H "Host: 127.0.0.1:1" "$base/api/files")" = 403 ] &&
    ok "wrong port in Host: 403" || bad "wrong port in Host"
[ "$(code -H "$H" -H "Host: localhost:$port" "$base/api/schema")" = 200 ] &&
    ok "Host localhost:PORT: 200" || bad "Host localhost"
headers=$(curl -s -D - -o /dev/null "$base/?token=$token")
if grep -q '^HTTP/1.1 303' <<<"$headers" && grep -qi '^Location: /' <<<"$headers" &&
    grep -qi "^Set-Cookie: sanya_token=$token; HttpOnly; SameSite=Strict; Path=/" <<<"$headers"; then
    ok "GET /?token= sets the cookie and answers 303 to /"
else
    bad "token redirect: $headers"
fi
[ "$(code --cookie "sanya_token=$token" "$base/")" = 200 ] && grep -q '<ul id="files">' "$tmp/body" &&
    ok "the cookie opens the page" || bad "page with cookie"
[ "$(code --cookie "sanya_token=$token" "$base/assets/app.js")" = 200 ] && ok "assets served" ||
    bad "app.js"

# ---- listening on 127.0.0.1 only ----
hexport=$(printf '%04X' "$port")
listen=$(awk -v p=":$hexport" '$2 ~ p"$" && $4 == "0A" {print $2}' /proc/net/tcp /proc/net/tcp6)
if [ "$listen" = "0100007F:$hexport" ]; then
    ok "listening on 127.0.0.1:$port only"
else
    bad "listening sockets for port $port: '$listen'"
fi

# ---- names ----
for name in ../outside/secret.yaml "$tmp/outside/secret.yaml" link-out.yaml folder-out/secret.yaml \
    .hidden.yaml sub/../moi-aple-2025.yaml roster.txt ''; do
    c=$(code -H "$H" "$base/api/file?name=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$name")")
    if [[ $c == 403 || $c == 404 ]] && ! grep -q 'do not read me' "$tmp/body" &&
        python3 -c 'import json,sys; json.load(open(sys.argv[1]))["error"]' "$tmp/body"; then
        ok "name '$name' refused ($c, a JSON error)"
    else
        bad "name '$name': $c $(head -c 200 "$tmp/body")"
    fi
done
c=$(code -H "$H" --data-binary 'x: 1' "$base/api/save?name=link-out.yaml&version=x")
[[ $c == 403 ]] && grep -q 'do not read me' "$tmp/outside/secret.yaml" && ok "save through a symlink out refused" ||
    bad "save through link: $c"

# ---- the list ----
code -H "$H" "$base/api/files" >/dev/null
python3 - "$tmp/body" <<'EOF' && ok "files: sorted, subfolders, status, no roster" || bad "files: $(head -c 300 "$tmp/body")"
import json, sys
j = json.load(open(sys.argv[1]))
names = [f["name"] for f in j["files"]]
assert names == ["moeys-school-2023.yaml", "moi-aple-2025.yaml", "ncct-coalition-2024.yaml", "sub/copy.yaml"], names
f = j["files"][1]
assert f["id"] == "moi-aple-2025" and f["errors"] == 0, f
assert f["title"]["en"].startswith("Memorandum"), f
assert f["status"]["renewal"] in ("fine", "due", "past") and f["status"]["renew_by"], f
ncct = j["files"][2]
assert ncct["status"]["leadership_changes"] == 1, ncct
EOF

# ---- read, check, preview, edit ----
code -H "$H" "$base/api/file?name=moi-aple-2025.yaml" >/dev/null
version=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$tmp/body")
[ "$version" = "$(sha256sum "$tmp/dir/moi-aple-2025.yaml" | cut -d' ' -f1)" ] &&
    ok "file: version is the SHA-256 of the bytes" || bad "version $version"

sed 's/^signed: 2025-06-12/signed: 2025-02-30/' "$tmp/dir/moi-aple-2025.yaml" >"$tmp/bad.yaml"
code -H "$H" --data-binary @"$tmp/bad.yaml" "$base/api/check?name=moi-aple-2025.yaml" >/dev/null
python3 - "$tmp/body" <<'EOF' && ok "check: a bad date at line 35, path signed" || bad "check: $(head -c 400 "$tmp/body")"
import json, sys
j = json.load(open(sys.argv[1]))
d = [x for x in j["diagnostics"] if x["severity"] == "error"]
assert len(d) == 1 and d[0]["path"] == "signed" and d[0]["line"] == 35 and d[0]["column"] == 9, d
assert "2025-02-30" in d[0]["message"] and d[0]["file"] == "moi-aple-2025.yaml", d
fields = {f["path"]: f for f in j["model"]["fields"]}
assert fields["signed"]["line"] == 35 and fields["signed"]["value"] == "2025-02-30", fields["signed"]
assert fields["parties[1].name.en"]["value"] == "Action Pour Les Enfants (APLE)"
assert j["model"]["value"]["term"]["years"] == 3
EOF
# the CLI says the same
"$sanya" check "$tmp/bad.yaml" --json >"$tmp/cli.json"
[ $? = 65 ] && python3 - "$tmp/cli.json" "$tmp/body" <<'EOF' && ok "check --json: the same diagnostic" || bad "check --json: $(cat "$tmp/cli.json")"
import json, sys
cli = json.load(open(sys.argv[1]))["diagnostics"]
page = json.load(open(sys.argv[2]))["diagnostics"]
strip = lambda ds: [{k: v for k, v in d.items() if k != "file"} for d in ds if d["severity"] == "error"]
assert strip(cli) == strip(page), (cli, page)
EOF
[ "$(code -H "$H" --data-binary 'signed: [' "$base/api/check?name=x.yaml")" = 200 ] &&
    python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); assert j["model"] is None and j["diagnostics"]' "$tmp/body" &&
    ok "check of broken YAML: diagnostics, model null" || bad "broken YAML: $(cat "$tmp/body")"

python3 - "$tmp/dir/moi-aple-2025.yaml" >"$tmp/edit.json" <<'EOF'
import json, sys
print(json.dumps({"text": open(sys.argv[1]).read(), "path": "signed", "value": "2025-07-01"}))
EOF
[ "$(code -H "$H" -H 'Content-Type: application/json' --data-binary @"$tmp/edit.json" "$base/api/edit?name=moi-aple-2025.yaml")" = 200 ] &&
    python3 -c 'import json,sys; open(sys.argv[2],"w").write(json.load(open(sys.argv[1]))["text"])' "$tmp/body" "$tmp/edited.yaml" ||
    bad "edit: $(cat "$tmp/body")"
diff "$tmp/dir/moi-aple-2025.yaml" "$tmp/edited.yaml" >"$tmp/diff"
if [ "$(grep -c '^[<>]' "$tmp/diff")" = 2 ] && grep -q '^> signed: 2025-07-01$' "$tmp/diff" &&
    [ "$(grep -c '^#' "$tmp/edited.yaml")" = "$(grep -c '^#' "$tmp/dir/moi-aple-2025.yaml")" ]; then
    ok "edit: only the signing date changed, comments kept"
else
    bad "edit diff: $(cat "$tmp/diff")"
fi
python3 - "$tmp/dir/moi-aple-2025.yaml" >"$tmp/edit2.json" <<'EOF'
import json, sys
print(json.dumps({"text": open(sys.argv[1]).read(), "path": "parties[1].name.en", "value": "APLE: \"Action\", #1"}))
EOF
code -H "$H" --data-binary @"$tmp/edit2.json" "$base/api/edit?name=moi-aple-2025.yaml" >/dev/null
python3 -c 'import json,sys; open(sys.argv[2],"w").write(json.load(open(sys.argv[1]))["text"])' "$tmp/body" "$tmp/edited2.yaml"
code -H "$H" --data-binary @"$tmp/edited2.yaml" "$base/api/check?name=moi-aple-2025.yaml" >/dev/null
python3 - "$tmp/body" <<'EOF' && ok "edit: a value that needs quotes is quoted, and reads back" || bad "edit quoting: $(head -c 300 "$tmp/body")"
import json, sys
j = json.load(open(sys.argv[1]))
assert not [d for d in j["diagnostics"] if d["severity"] == "error"], j["diagnostics"]
assert j["model"]["value"]["parties"][1]["name"]["en"] == 'APLE: "Action", #1'
EOF
[ "$(code -H "$H" --data-binary '{"text": "a: 1", "path": "a.b", "value": "x"}' "$base/api/edit?name=x.yaml")" = 422 ] &&
    ok "edit of a path through a scalar: 422" || bad "edit bad path: $(cat "$tmp/body")"
[ "$(code -H "$H" --data-binary 'not json' "$base/api/edit?name=x.yaml")" = 400 ] &&
    ok "edit with a body that is not JSON: 400" || bad "edit not json"

[ "$(code -H "$H" --data-binary @"$tmp/edited.yaml" "$base/api/preview?name=moi-aple-2025.yaml")" = 200 ] &&
    cp "$tmp/body" "$tmp/preview.pdf" || bad "preview: $(head -c 300 "$tmp/body")"
"$sanya" build "$tmp/edited.yaml" --roster "$tmp/dir/roster.yaml" -o "$tmp/cli.pdf" 2>/dev/null
pages=$(pdfinfo "$tmp/preview.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
[ -n "$pages" ] && [ "$pages" = "$(pdfinfo "$tmp/cli.pdf" | awk '/^Pages:/ {print $2}')" ] &&
    ok "preview: a PDF of $pages pages, as sanya build makes it" || bad "preview pages '$pages'"
pdftotext "$tmp/preview.pdf" - | grep -q '1 July 2025' && ok "preview: the new date's text" ||
    bad "preview text: no '1 July 2025'"
[ "$(code -H "$H" --data-binary @"$tmp/bad.yaml" "$base/api/preview?name=moi-aple-2025.yaml")" = 422 ] &&
    grep -q '"path":"signed"' "$tmp/body" && ok "preview of a bad file: 422 with the diagnostics" ||
    bad "preview bad: $(head -c 300 "$tmp/body")"

# ---- saves from two stale tabs ----
cp "$tmp/dir/moi-aple-2025.yaml" "$tmp/orig.yaml"
chmod 640 "$tmp/dir/moi-aple-2025.yaml"
c1=$(code -H "$H" --data-binary @"$tmp/edited.yaml" "$base/api/save?name=moi-aple-2025.yaml&version=$version")
cp "$tmp/body" "$tmp/save1"
c2=$(code -H "$H" --data-binary @"$tmp/edited2.yaml" "$base/api/save?name=moi-aple-2025.yaml&version=$version")
if [ "$c1" = 200 ] && [ "$c2" = 409 ] && cmp -s "$tmp/dir/moi-aple-2025.yaml" "$tmp/edited.yaml" &&
    grep -q 'changed on disk since you opened it' "$tmp/body"; then
    ok "two saves from one version: 200, then 409; the file holds the first"
else
    bad "saves: $c1 $c2 $(cat "$tmp/body")"
fi
newver=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$tmp/save1")
[ "$newver" = "$(sha256sum "$tmp/dir/moi-aple-2025.yaml" | cut -d' ' -f1)" ] && ok "save answers the new version" ||
    bad "new version"
[ "$(stat -c %a "$tmp/dir/moi-aple-2025.yaml")" = 640 ] && ok "save keeps the mode" || bad "mode $(stat -c %a "$tmp/dir/moi-aple-2025.yaml")"
[ "$(code -H "$H" --data-binary @"$tmp/bad.yaml" "$base/api/save?name=moi-aple-2025.yaml&version=$newver")" = 200 ] &&
    grep -q '"path":"signed"' "$tmp/body" && ok "saving work in progress with errors: 200 with its diagnostics" ||
    bad "save with errors: $(cat "$tmp/body")"
# A roster is an input of every build: the page neither reads nor saves it.
cp "$tmp/dir/roster.yaml" "$tmp/roster.before"
rver=$(sha256sum "$tmp/dir/roster.yaml" | cut -d' ' -f1)
[ "$(code -H "$H" --data-binary 'offices: {}' "$base/api/save?name=roster.yaml&version=$rver")" = 403 ] &&
    grep -q 'is a roster' "$tmp/body" && cmp -s "$tmp/dir/roster.yaml" "$tmp/roster.before" &&
    ok "saving over the roster: 403, the roster untouched" || bad "save over the roster: $(cat "$tmp/body")"
cp "$tmp/dir/roster.yaml" "$tmp/dir/old-roster.yaml"
[ "$(code -H "$H" "$base/api/file?name=old-roster.yaml")" = 403 ] && ok "another roster file: 403" ||
    bad "roster file read: $(head -c 200 "$tmp/body")"
rm -f "$tmp/dir/old-roster.yaml"

# ---- the rest of the API ----
code -H "$H" "$base/api/schema" >/dev/null
python3 - "$tmp/body" <<'EOF' && ok "schema: records and fields" || bad "schema"
import json, sys
j = json.load(open(sys.argv[1]))
top = {f["key"]: f for f in j["records"][j["root"]]}
assert top["signed"]["type"] == "date" and top["signed"]["required"]
assert top["parties"]["type"] == "list" and top["parties"]["record"] == "party"
assert top["title"]["type"] == "bilingual"
assert "ministry-cabinet" in {f["key"]: f for f in j["records"]["approval"]}["step"]["choices"]
EOF
code -H "$H" "$base/api/roster?q=SOKHLY" >/dev/null
grep -q '"office":"ncct/permanent-vice-chair"' "$tmp/body" && ok "roster: by holder name, any case" || bad "roster: $(cat "$tmp/body")"
code -H "$H" "$base/api/roster?q=moi/secretary" >/dev/null
grep -q '"office":"moi/secretary-of-state"' "$tmp/body" && ok "roster: by office id" || bad "roster office"
# ---- new ----
[ "$(code -H "$H" --data-binary '{}' "$base/api/new")" = 400 ] && ok "new: no name, 400" || bad "new {}"
[ "$(code -H "$H" --data-binary '{"name":"../out.yaml"}' "$base/api/new")" = 400 ] &&
    [ ! -e "$tmp/out.yaml" ] && ok "new: a name outside the folder refused" || bad "new outside"
[ "$(code -H "$H" --data-binary '{"name":"t.yaml","template":"/etc"}' "$base/api/new")" = 400 ] &&
    ok "new: a template path refused (names only)" || bad "new template path"
[ "$(code -H "$H" --data-binary '{"name":"fresh.yaml","template":"mou","parties":["moi","aple"]}' \
    "$base/api/new")" = 201 ] && grep -q '"name":"fresh.yaml"' "$tmp/body" &&
    grep -q '^  - id: moi' "$tmp/dir/fresh.yaml" && grep -q 'office: moi/secretary-of-state' "$tmp/dir/fresh.yaml" &&
    grep -q '^# ' "$tmp/dir/fresh.yaml" && ok "new: fresh.yaml written with its comments and the roster's party" ||
    bad "new: $(cat "$tmp/body")"
cp "$tmp/dir/fresh.yaml" "$tmp/fresh.before"
[ "$(code -H "$H" --data-binary '{"name":"fresh.yaml","parties":["ncct"]}' "$base/api/new")" = 409 ] &&
    cmp -s "$tmp/dir/fresh.yaml" "$tmp/fresh.before" && ok "new: an existing name refused, file untouched" ||
    bad "new over an existing file: $(cat "$tmp/body")"
[ "$(code -H "$H" --data-binary '{"name":"p.yaml","parties":["not an id"]}' "$base/api/new")" = 422 ] &&
    grep -q '"diagnostics"' "$tmp/body" && [ ! -e "$tmp/dir/p.yaml" ] &&
    ok "new: a bad party id reported, nothing written" || bad "new bad id: $(cat "$tmp/body")"
code -H "$H" --data-binary @"$tmp/dir/fresh.yaml" "$base/api/check?name=fresh.yaml" >/dev/null
grep -q 'unfinished' "$tmp/body" && ok "new: the check lists the placeholders as unfinished" ||
    bad "new check: $(head -c 300 "$tmp/body")"
[ "$(code -H "$H" "$base/api/check?name=x.yaml")" = 405 ] && ok "GET of a POST endpoint: 405" || bad "405"
[ "$(code -H "$H" "$base/api/nope")" = 404 ] && ok "unknown endpoint: 404" || bad "404"
head -c 9437185 /dev/zero | tr '\0' 'a' >"$tmp/big"
[ "$(code -H "$H" --data-binary @"$tmp/big" "$base/api/check?name=x.yaml")" = 413 ] &&
    ok "a body over the limit: 413" || bad "big body"
[ "$(code -H "$H" "$base/api/files")" = 200 ] && ok "still answering after all that" || bad "dead"

# ---- SIGINT ----
kill -INT "$pid"
wait "$pid"
rc=$?
pid=
[ "$rc" = 0 ] && ok "SIGINT: exit 0" || bad "SIGINT: exit $rc"
grep -q 'do not read me' "$tmp/outside/secret.yaml" || bad "the file outside was changed"

[ "$fail" = 0 ] && echo "test-serve-http: all passed"
exit "$fail"
