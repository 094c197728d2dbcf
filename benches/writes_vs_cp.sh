#!/usr/bin/env bash
# writes_vs_cp.sh: the commands that write many files, each against copying the same output with
# `cp -r` and then flushing it to disk with `sync -f`, in the same run:
#
#   - `integration-wizard export` of a 2,000-action manifest (2,002 files),
#   - `integration-wizard fmt DIR` of 5,000 minified manifests (each rewritten).
#
# The target (issue): each at most 2x its copy.
#
# Usage, from anywhere:   benches/writes_vs_cp.sh
# Environment (optional): RUNS=9 ACTIONS=2000 FILES=5000 KEEP=1 (keep the temp dir)
#                         BEFORE=PATH: another integration-wizard binary (an older build) timed in
#                         the same run, interleaved, for a before/after comparison.
#                         WIZARD=PATH GENERATOR=PATH: measure release binaries built earlier.
#                         TMPDIR: where the files are written; it must be on a disk, not in memory.
# Needs: cargo, jq (cargo metadata), python3 (to minify the manifests), GNU coreutils (`sync -f`).
#
# Every figure writes to a folder that does not exist yet and ends with everything on disk: the
# tool flushes what it writes; `cp -r` does not, so `sync -f` (syncfs, the whole file system the
# copy is on) follows it. Wall time: bash's `date +%s%N` around each command; medians of RUNS
# runs, interleaved, after one warm-up each. Before each `fmt`, a fresh copy of the minified
# folder is made and flushed (not timed). Nothing is removed before the end (see `round`); on ext4
# without a journal, wait five minutes after removing thousands of files (a previous run's) before
# measuring. The load average is printed: the disk and the two cores are shared, and both figures
# of a pair grow with the load. Each round keeps about 110 MB on disk (with BEFORE) until the end.
# Exit status: 0 whenever the benchmark ran (PASS or FAIL is reported, this is not a CI gate).
set -euo pipefail

bench=writes_vs_cp
# shellcheck source=benches/common.sh
source "$(dirname "$0")/common.sh"
runs="${RUNS:-9}"
actions="${ACTIONS:-2000}"
files="${FILES:-5000}"

command -v cargo >/dev/null || die "cargo is needed"
command -v jq >/dev/null || die "jq is needed (apt-get install -y jq)"
command -v python3 >/dev/null || die "python3 is needed (to minify the generated manifests)"
if [[ -n "${BEFORE:-}" ]]; then
    [[ -x "$BEFORE" ]] || die "BEFORE=$BEFORE is not an executable"
fi

release_binaries
make_work
manifest="$work/big.json"
"$generator" --actions "$actions" --inputs 40 --out "$manifest"
"$generator" --files "$files" --actions 1 --inputs 3 --out "$work/formatted" >/dev/null
# Minified: every file changes when formatted.
python3 - "$work/formatted" "$work/minified" <<'PY'
import json, os, sys
source, target = sys.argv[1], sys.argv[2]
os.makedirs(target)
for name in os.listdir(source):
    with open(os.path.join(source, name)) as f:
        data = json.load(f)
    with open(os.path.join(target, name), "w") as f:
        json.dump(data, f, separators=(",", ":"), ensure_ascii=False)
PY
sync -f "$work"

# cp_sync FROM TO: copies FROM to TO and flushes the file system TO is on.
cp_sync() { cp -r "$1" "$2" && sync -f "$2"; }
# export_into BINARY TO: exports the manifest into the new folder TO.
export_into() { "$1" export "$manifest" --out "$2"; }

tools=(now)
declare -A binary=([now]="$wizard")
if [[ -n "${BEFORE:-}" ]]; then
    tools+=(before)
    binary[before]="$BEFORE"
fi
# One round (numbered $1): every figure once, interleaved, each into folders of its own. Nothing is
# removed until the end: on ext4 without a journal, a file created within minutes after many were
# removed first steps over each of them (the file system does not reuse a freed inode at once), a
# cost that falls on whichever command runs next, the copy or the tool, by chance. What `fmt`
# itself frees (the files it replaces) it pays for, as it would anywhere.
round() {
    local tool
    for tool in "${tools[@]}"; do
        wall_ms export_into "${binary[$tool]}" "$work/export-$tool-$1" >>"$work/export-$tool.wall"
    done
    wall_ms cp_sync "$work/export-now-$1" "$work/export-copy-$1" >>"$work/export-cp.wall"
    for tool in "${tools[@]}"; do
        # A fresh, flushed copy of the minified manifests for `fmt` to format (not timed).
        cp_sync "$work/minified" "$work/fmt-$tool-$1"
        wall_ms "${binary[$tool]}" fmt "$work/fmt-$tool-$1" >>"$work/fmt-$tool.wall"
    done
    wall_ms cp_sync "$work/fmt-now-$1" "$work/fmt-copy-$1" >>"$work/fmt-cp.wall"
}

round warm-up >/dev/null
for name in "$work"/*.wall; do : >"$name"; done
load="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
for ((i = 0; i < runs; i++)); do
    round "$i"
done
last=$((runs - 1))
for tool in "${tools[@]}"; do
    cmp -s <(cd "$work/fmt-$tool-$last" && cat ./*) <(cd "$work/formatted" && cat ./*) ||
        die "fmt ($tool) did not write what the generator formats"
    [[ "$(find "$work/export-$tool-$last" -type f | wc -l)" -eq $((actions + 2)) ]] ||
        die "export ($tool) did not write $((actions + 2)) files"
done

echo
echo "export:   $actions actions x 40 inputs, $(find "$work/export-now-$last" -type f | wc -l) files, $(du -sk "$work/export-now-$last" | cut -f1) KB"
echo "fmt:      $files minified manifests of 1 action x 3 inputs, $(du -sk "$work/fmt-now-$last" | cut -f1) KB once formatted"
echo "versions: $("$wizard" --version), $(uname -srm), $(nproc) CPUs, $(df -T "$work" | awk 'NR == 2 { print $2 }') at $work"
echo "load:     $load (1/5/15 min) before measuring"
echo "wall:     median of $runs interleaved runs, after one warm-up each"
echo
for what in export fmt; do
    for tool in "${tools[@]}"; do
        printf '%-44s %9s ms   (runs %s..%s)\n' "integration-wizard $what ($tool)" "$(median <"$work/$what-$tool.wall")" \
            "$(minimum <"$work/$what-$tool.wall")" "$(maximum <"$work/$what-$tool.wall")"
    done
    printf '%-44s %9s ms   (runs %s..%s)\n' "cp -r and sync -f of the $what output" "$(median <"$work/$what-cp.wall")" \
        "$(minimum <"$work/$what-cp.wall")" "$(maximum <"$work/$what-cp.wall")"
    for tool in "${tools[@]}"; do
        awk -v t="$(median <"$work/$what-$tool.wall")" -v c="$(median <"$work/$what-cp.wall")" -v w="$what" -v n="$tool" 'BEGIN {
            ratio = t / c
            printf "ratio %s (%s) / cp and sync = %.2f (target <= 2.00): %s\n", w, n, ratio, (ratio <= 2.0 ? "PASS" : "FAIL")
        }'
    done
    echo
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
