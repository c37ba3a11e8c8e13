# Two agreements whose PDFs differ, their PDFs built one at a time (the
# references), and a folder of good agreements with one bad one.
set -e
sed 's/^id: minimal/id: other/; s/Organisation A/Organisation Z/' min.yaml >other.yaml
mkdir ref
sanya build min.yaml -o ref/min.pdf 2>/dev/null
sanya build other.yaml -o ref/other.pdf 2>/dev/null
printf 'hello\n' >a.txt; printf 'ក ខ គ\n' >b.txt
sanya proof a.txt -o ref/a.pdf 2>/dev/null
sanya proof b.txt -o ref/b.pdf 2>/dev/null
mkdir in
for i in $(seq 12); do sed "s/^id: minimal/id: n$i/" min.yaml >in/n$i.yaml; done
printf 'id: n7\ntitle: [unclosed\n' >in/n7.yaml
