#!/usr/bin/env bash
# ticket_memory.sh: peak memory and wall time of `integration-wizard ticket` writing the
# spreadsheet (.xlsx) for a manifest of 12,000 actions, beside the Markdown document of the same
# manifest and `validate` of it (reading and checking it, which the ticket does first), in the
# same run.
#
# The target (issue): at most 200 MiB of peak memory at 12,000 actions, and no slower than before
# (give the older binary as BEFORE to time it in the same run).
#
# Usage, from anywhere:   benches/ticket_memory.sh
# Environment (optional): RUNS=3 ACTIONS=12000 INPUTS=40 KEEP=1 (keep the temp dir)
#                         BEFORE=PATH: another integration-wizard binary (an older build) timed in
#                         the same run, interleaved, for a before/after comparison.
#                         WIZARD=PATH GENERATOR=PATH: measure release binaries built earlier.
# Needs: cargo, jq (cargo metadata), GNU time.
#
# Wall time and peak RSS of each run from GNU time; the median wall time and the largest RSS of
# RUNS interleaved runs, after one warm-up each. The load average is printed.
# Exit status: 0 whenever the benchmark ran (PASS or FAIL is reported, this is not a CI gate).
set -euo pipefail

bench=ticket_memory
# shellcheck source=benches/common.sh
source "$(dirname "$0")/common.sh"
runs="${RUNS:-3}"
actions="${ACTIONS:-12000}"
inputs="${INPUTS:-40}"

command -v cargo >/dev/null || die "cargo is needed"
command -v jq >/dev/null || die "jq is needed (apt-get install -y jq)"
[[ -x /usr/bin/time ]] || die "GNU time is needed (apt-get install -y time)"
if [[ -n "${BEFORE:-}" ]]; then
    [[ -x "$BEFORE" ]] || die "BEFORE=$BEFORE is not an executable"
fi

release_binaries
make_work
manifest="$work/big.json"
"$generator" --actions "$actions" --inputs "$inputs" --out "$manifest"

# measure NAME CMD...: one run of CMD under GNU time; appends its wall ms and peak RSS KB to NAME.
measure() {
    local name="$1"
    shift
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>&1 || die "failed: $*"
    awk '{ printf "%.0f\n", $1 * 1000 }' "$work/time" >>"$work/$name.wall"
    awk '{ print $2 }' "$work/time" >>"$work/$name.rss"
}

# The floor: `validate` reads and checks the same manifest, as `ticket` does before it writes.
figures=(xlsx-now md-now validate-now)
declare -A command=(
    [xlsx-now]="$wizard ticket $manifest -o $work/t.xlsx --force"
    [md-now]="$wizard ticket $manifest -o $work/t.md --force"
    [validate-now]="$wizard validate $manifest"
)
if [[ -n "${BEFORE:-}" ]]; then
    figures=(xlsx-now xlsx-before md-now validate-now)
    command[xlsx-before]="$BEFORE ticket $manifest -o $work/t.xlsx --force"
fi
for figure in "${figures[@]}"; do
    # shellcheck disable=SC2086 # the commands hold no spaces but between words
    measure warmup ${command[$figure]}
done
load="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
for ((i = 0; i < runs; i++)); do
    for figure in "${figures[@]}"; do
        # shellcheck disable=SC2086
        measure "$figure" ${command[$figure]}
    done
done
# shellcheck disable=SC2086
"$wizard" ticket "$manifest" -o "$work/t.xlsx" --force >/dev/null 2>&1

echo
echo "manifest: $(stat -c %s "$manifest") bytes, $actions actions x $inputs inputs; workbook $(stat -c %s "$work/t.xlsx") bytes"
echo "versions: $("$wizard" --version), $(uname -srm), $(nproc) CPUs"
echo "load:     $load (1/5/15 min) before measuring"
echo "figures:  median wall of $runs interleaved runs after one warm-up each; the largest peak RSS"
echo
for figure in "${figures[@]}"; do
    printf '%-36s %9s ms %10s KB\n' "ticket ${figure/-/ (}) " "$(median <"$work/$figure.wall")" "$(maximum <"$work/$figure.rss")"
done
awk -v rss="$(maximum <"$work/xlsx-now.rss")" 'BEGIN {
    mib = rss / 1024
    printf "spreadsheet peak memory = %.0f MiB (target <= 200): %s\n", mib, (mib <= 200 ? "PASS" : "FAIL")
}'
if [[ -n "${BEFORE:-}" ]]; then
    awk -v now="$(median <"$work/xlsx-now.wall")" -v before="$(median <"$work/xlsx-before.wall")" 'BEGIN {
        ratio = now / before
        printf "spreadsheet wall now / before = %.2f (target <= 1.00, within the noise): %s\n", ratio, (ratio <= 1.05 ? "PASS" : "FAIL")
    }'
fi
