# Folders of agreements for `sanya batch` (good ones, a bad one, special
# files) and agreements for `sanya renew` with drafts in the way.
set -e
mkdir in
cp min.yaml in/good-1.yaml
sed 's/^id: minimal/id: good-2/' min.yaml >in/good-2.yaml
mkdir bad-among-good && cp in/good-*.yaml bad-among-good/
printf 'id: [broken\n' >bad-among-good/broken.yaml
mkdir fifo-among-good && cp in/good-1.yaml fifo-among-good/ && mkfifo fifo-among-good/pipe.yaml
mkdir loop && cp in/good-1.yaml loop/ && ln -s .. loop/up
mkdir outside && ln -s ../in outside/ext
mkdir dangling && cp in/good-1.yaml dangling/ && ln -s nowhere.yaml dangling/gone.yaml && ln -s self.yaml dangling/self.yaml
mkdir huge && cp in/good-1.yaml huge/ && truncate -s $((8 * 1024 * 1024 + 1)) huge/big.yaml
mkdir odd-names && cp in/good-1.yaml "odd-names/$(printf 'caf\xe9').yaml" && cp in/good-1.yaml "odd-names/-dash.yaml"
mkdir empty-dir
mkdir only-hidden && cp in/good-1.yaml only-hidden/.hidden.yaml
mkdir with-roster && cp office.yaml roster.yaml with-roster/
mkdir two-rosters && cp office.yaml roster.yaml two-rosters/ && cp roster.yaml two-rosters/roster-2.yaml
mkdir many && for i in $(seq 40); do sed "s/^id: minimal/id: m$i/" min.yaml >many/m$i.yaml; done
mkdir state-bad && cp in/good-1.yaml state-bad/ && mkdir state-out && printf 'sanya-batch-state 1\n%s\n' "$(head -c 3000 /dev/urandom | base64 -w0)" >state-out/.sanya-state
mkdir state-dir && cp in/good-1.yaml state-dir/ && mkdir -p state-dir-out/.sanya-state
# renew: an agreement with a term, and its first renewal already drafted
sed 's/^signed: 2024-02-29/signed: 2024-02-29\nterm: {years: 3, start: 2024-03-01}/' min.yaml >term.yaml
cp term.yaml drafted.yaml && cp term.yaml drafted-renewal-1.yaml
mkdir due && cp term.yaml due/ && mkdir due-renew && { cat term.yaml; echo '# drafted by hand'; } >due-renew/term-renewal-1.yaml
