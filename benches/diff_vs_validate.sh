#!/usr/bin/env bash
# diff_vs_validate.sh: `integration-wizard diff OLD NEW` on two 16 MB manifests (2,000 actions of 40
# inputs each, 10 actions changed) against `integration-wizard validate OLD`, in the same run.
#
# The target (issue): diff's wall time at most 2x validate's on one of the files.
#
# Usage, from anywhere:   benches/diff_vs_validate.sh
# Environment (optional): RUNS=7 ACTIONS=2000 INPUTS=40 CHANGED=10 KEEP=1 (keep the temp dir)
#                         CARGO_TARGET_DIR is honoured (cargo metadata gives the target directory).
# Needs: cargo, jq (to read cargo metadata and to change the copy).
#
# NEW is OLD with the `display` of CHANGED actions changed (spread over the list) and written by jq
# in jq's own layout, so diff also proves that layout is not a change: it must find exactly CHANGED
# changes, none breaking. Wall time: bash's `date +%s%N` around each run; the median of RUNS runs,
# the two commands interleaved, after one warm-up run each. The load average is printed: on a busy
# machine both figures grow, and diff (which reads its two files on two cores) loses its second core.
# Exit status: 0 whenever the benchmark ran (PASS or FAIL is reported, this is not a CI gate).
set -euo pipefail

bench=diff_vs_validate
# shellcheck source=benches/common.sh
source "$(dirname "$0")/common.sh"
runs="${RUNS:-7}"
actions="${ACTIONS:-2000}"
inputs="${INPUTS:-40}"
changed="${CHANGED:-10}"

command -v cargo >/dev/null || die "cargo is needed"
command -v jq >/dev/null || die "jq is needed (apt-get install -y jq)"
(( changed > 0 && changed <= actions )) || die "CHANGED must be between 1 and ACTIONS"

build_release
make_work
old="$work/old.json"
new="$work/new.json"
"$generator" --actions "$actions" --inputs "$inputs" --out "$old"
step=$(( actions / changed ))
jq --argjson step "$step" --argjson count "$changed" \
    '.actions |= [to_entries[] | if (.key % $step == 0 and .key / $step < $count) then .value.display += " (now faster)" else . end | .value]' \
    "$old" >"$new"

"$wizard" validate "$old" >/dev/null 2>&1 || die "the generated manifest does not validate"
found="$("$wizard" diff --format json "$old" "$new" | jq -r '[(.changes | length), .breaking] | @tsv')" || true
[[ "$found" == "$changed"$'\t'0 ]] || die "diff should find $changed changes, none breaking; it found (changes, breaking) = $found"

validate_cmd=("$wizard" validate "$old")
# Only non-breaking changes: --fail-on breaking exits 0, which wall_ms expects.
diff_cmd=("$wizard" diff --fail-on breaking "$old" "$new")

wall_ms "${validate_cmd[@]}" >/dev/null
wall_ms "${diff_cmd[@]}" >/dev/null
load="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

: >"$work/validate.wall"; : >"$work/diff.wall"
for ((i = 0; i < runs; i++)); do
    wall_ms "${validate_cmd[@]}" >>"$work/validate.wall"
    wall_ms "${diff_cmd[@]}" >>"$work/diff.wall"
done
v_wall="$(median <"$work/validate.wall")"; d_wall="$(median <"$work/diff.wall")"

echo
echo "files:    $(stat -c %s "$old") and $(stat -c %s "$new") bytes; $actions actions x $inputs inputs, $changed actions changed"
echo "versions: $("$wizard" --version), $(uname -srm), $(nproc) CPUs"
echo "load:     $load (1/5/15 min) before measuring"
echo "wall:     median of $runs interleaved runs, after one warm-up each"
echo
printf '%-40s %11s ms\n' "integration-wizard validate OLD" "$v_wall"
printf '%-40s %11s ms\n' "integration-wizard diff OLD NEW" "$d_wall"
awk -v d="$d_wall" -v v="$v_wall" 'BEGIN {
    ratio = d / v
    printf "ratio diff/validate = %.2f (target <= 2.00): %s\n", ratio, (ratio <= 2.0 ? "PASS" : "FAIL")
}'
echo "raw wall (ms): validate $(paste -sd' ' "$work/validate.wall") | diff $(paste -sd' ' "$work/diff.wall")"
