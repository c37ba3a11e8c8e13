# Outputs that alias inputs, special files, long and odd names.
set -e
ln -s min.yaml link.yaml
ln min.yaml hard.yaml
cp min.yaml doc.pdf          # an agreement named .pdf: its default output is itself
ln -s min.yaml link-out.pdf  # an output that is a symbolic link to the input
ln -s nowhere.pdf dangling.pdf
mkfifo fifo.pdf
mkdir folder.pdf
ln -s /dev/null null.pdf
n255=$(printf 'n%.0s' $(seq 251)).pdf
n256=$(printf 'n%.0s' $(seq 252)).pdf
echo "$n255" >name255; echo "$n256" >name256
cp min.yaml "$(printf 'y%.0s' $(seq 250)).yaml"
cp min.yaml "$(printf 'caf\xe9').yaml"
cp min.yaml ' spaced .yaml'
cp min.yaml -- '-dash.yaml'
cp min.yaml 'new
line.yaml'
cp text.txt ro.txt
