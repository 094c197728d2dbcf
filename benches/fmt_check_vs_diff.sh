#!/usr/bin/env bash
# fmt_check_vs_diff.sh: `integration-wizard fmt --check` on a manifest whose every line differs
# from its formatted layout, against GNU `diff -u` of the same pair of files, in the same run.
#
# The target (issue): fmt --check's wall time at most 2x diff's; the peak memory of both is
# printed beside it.
#
# Usage, from anywhere:   benches/fmt_check_vs_diff.sh
# Environment (optional): RUNS=9 ACTIONS=2000 INPUTS=40 KEEP=1 (keep the temp dir)
#                         BEFORE=PATH: another integration-wizard binary (an older build) timed in
#                         the same run, interleaved, for a before/after comparison.
#                         WIZARD=PATH GENERATOR=PATH: measure release binaries built earlier.
# Needs: cargo, jq (cargo metadata), python3 (to indent the manifest), GNU diff, GNU time.
#
# The file is the generated manifest indented by 4 spaces instead of 2 (python's json module):
# every line but the first and the last differs. `fmt --check` writes its diff (with
# NO_COLOR=1) and `diff -u` its own, both to /dev/null. Wall time: bash's `date +%s%N` around
# each run; the median of RUNS interleaved runs after one warm-up each; peak RSS from GNU time,
# the largest of the runs. The load average is printed: prefer the ratio to the absolute figures.
# Exit status: 0 whenever the benchmark ran (PASS or FAIL is reported, this is not a CI gate).
set -euo pipefail

bench=fmt_check_vs_diff
# shellcheck source=benches/common.sh
source "$(dirname "$0")/common.sh"
runs="${RUNS:-9}"
actions="${ACTIONS:-2000}"
inputs="${INPUTS:-40}"

command -v cargo >/dev/null || die "cargo is needed"
command -v jq >/dev/null || die "jq is needed (apt-get install -y jq)"
command -v python3 >/dev/null || die "python3 is needed (to indent the manifest)"
command -v diff >/dev/null || die "GNU diff is needed"
[[ -x /usr/bin/time ]] || die "GNU time is needed (apt-get install -y time)"
if [[ -n "${BEFORE:-}" ]]; then
    [[ -x "$BEFORE" ]] || die "BEFORE=$BEFORE is not an executable"
fi

release_binaries
make_work
formatted="$work/formatted.json"
indented="$work/indented.json"
"$generator" --actions "$actions" --inputs "$inputs" --out "$formatted"
python3 - "$formatted" "$indented" <<'PY'
import json, sys
with open(sys.argv[1]) as f:
    data = json.load(f)
with open(sys.argv[2], "w") as f:
    json.dump(data, f, indent=4, ensure_ascii=False)
    f.write("\n")
PY

# Both exit 1 when the files differ, which is the case measured: wrap them to exit 0 then.
fmt_check() { NO_COLOR=1 "$1" fmt --check "$indented" >/dev/null; [[ $? -eq 1 ]]; }
gnu_diff() { diff -u "$indented" "$formatted" >/dev/null; [[ $? -eq 1 ]]; }
export -f fmt_check gnu_diff
export indented formatted

tools=(now)
declare -A binary=([now]="$wizard")
if [[ -n "${BEFORE:-}" ]]; then
    tools+=(before)
    binary[before]="$BEFORE"
fi
# rss_kb CMD...: the peak RSS (KB) of one run of CMD under GNU time.
rss_kb() { /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>&1 || die "failed: $*"; tail -n 1 "$work/rss"; }

for tool in "${tools[@]}"; do wall_ms bash -c 'fmt_check "$0" || true' "${binary[$tool]}" >/dev/null; done
wall_ms gnu_diff >/dev/null
load="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
for ((i = 0; i < runs; i++)); do
    for tool in "${tools[@]}"; do
        wall_ms fmt_check "${binary[$tool]}" >>"$work/fmt-$tool.wall"
        rss_kb bash -c 'fmt_check "$0"' "${binary[$tool]}" >>"$work/fmt-$tool.rss"
    done
    wall_ms gnu_diff >>"$work/diff.wall"
    rss_kb bash -c gnu_diff >>"$work/diff.rss"
done
diff_lines="$(diff -u "$indented" "$formatted" | wc -l || true)"
fmt_lines="$(NO_COLOR=1 "$wizard" fmt --check "$indented" | wc -l || true)"

echo
echo "files:    $(stat -c %s "$indented") bytes (4-space indent) against $(stat -c %s "$formatted") (formatted), $(wc -l <"$indented") lines"
echo "diffs:    fmt --check prints $fmt_lines lines, diff -u $diff_lines"
echo "versions: $("$wizard" --version), $(diff --version | head -n 1), $(uname -srm), $(nproc) CPUs"
echo "load:     $load (1/5/15 min) before measuring"
echo "wall:     median of $runs interleaved runs, after one warm-up each; RSS: the largest of the runs"
echo
for tool in "${tools[@]}"; do
    printf '%-40s %9s ms %10s KB\n' "integration-wizard fmt --check ($tool)" "$(median <"$work/fmt-$tool.wall")" "$(maximum <"$work/fmt-$tool.rss")"
done
printf '%-40s %9s ms %10s KB\n' "diff -u" "$(median <"$work/diff.wall")" "$(maximum <"$work/diff.rss")"
for tool in "${tools[@]}"; do
    awk -v f="$(median <"$work/fmt-$tool.wall")" -v d="$(median <"$work/diff.wall")" \
        -v fr="$(maximum <"$work/fmt-$tool.rss")" -v dr="$(maximum <"$work/diff.rss")" -v n="$tool" 'BEGIN {
        ratio = f / d
        printf "ratio fmt --check (%s) / diff -u = %.2f (target <= 2.00): %s; memory ratio %.2f\n", n, ratio, (ratio <= 2.0 ? "PASS" : "FAIL"), fr / dr
    }'
done
echo "raw wall (ms): $(for tool in "${tools[@]}"; do printf 'fmt (%s) %s | ' "$tool" "$(paste -sd' ' "$work/fmt-$tool.wall")"; done)diff $(paste -sd' ' "$work/diff.wall")"
