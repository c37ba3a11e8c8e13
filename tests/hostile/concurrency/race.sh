# race.sh ROUNDS CMD_A -- CMD_B -- REF_A REF_B OUT: runs the two commands at
# once ROUNDS times, writing OUT; each round both must exit 0, OUT must be
# byte for byte REF_A or REF_B, and OUT's folder must hold nothing else
# (no temporary file left beside it). Says what went wrong on stderr.
rounds=$1; shift
a=(); while [ "$1" != -- ]; do a+=("$1"); shift; done; shift
b=(); while [ "$1" != -- ]; do b+=("$1"); shift; done; shift
ref_a=$1 ref_b=$2 out=$3
dir=$(dirname "$out")
for r in $(seq "$rounds"); do
    rm -rf "$dir" && mkdir -p "$dir"
    "${a[@]}" 2>/dev/null & pa=$!
    "${b[@]}" 2>/dev/null & pb=$!
    wait $pa; ra=$?; wait $pb; rb=$?
    [ $ra = 0 ] && [ $rb = 0 ] || { echo "round $r: exits $ra and $rb, expected 0 and 0" >&2; exit 1; }
    cmp -s "$out" "$ref_a" || cmp -s "$out" "$ref_b" || { echo "round $r: $out is neither whole PDF" >&2; exit 1; }
    left=$(ls -A "$dir" | grep -vx "$(basename "$out")")
    [ -z "$left" ] || { echo "round $r: left beside the output: $left" >&2; exit 1; }
done
