#!/usr/bin/env bash
# validate_vs_jq.sh: `integration-wizard validate` against `jq empty` on one generated 16 MB manifest.
#
# The target (issue): on a 16 MB manifest (2,000 actions of 40 inputs), measured in one run on the
# same file, `integration-wizard validate FILE` takes at most half the wall time of `jq empty FILE`,
# with at most 1.5x jq's peak memory (max RSS).
#
# Usage, from anywhere:   benches/validate_vs_jq.sh
# Environment (optional): RUNS=7 ACTIONS=2000 INPUTS=40 KEEP=1 (keep the temp dir with the file)
#                         CARGO_TARGET_DIR is honoured (cargo metadata gives the target directory).
# Needs: cargo, jq, GNU time as /usr/bin/time (Debian/Ubuntu: `apt-get install -y time`; installed
#        automatically when missing and running as root).
#
# Wall time: bash's `date +%s%N` around each plain run (GNU time only has 10 ms resolution);
# the median of RUNS runs, the two commands interleaved, after one warm-up run each (page cache).
# Peak memory: `/usr/bin/time -f %M` (max RSS in KB) in RUNS separate runs; the largest is reported.
# Exit status: 0 whenever the benchmark ran (PASS or FAIL is reported, this is not a CI gate);
# non-zero only when something failed to run (build, generator, a validate that does not exit 0).
set -euo pipefail

bench=validate_vs_jq
# shellcheck source=benches/common.sh
source "$(dirname "$0")/common.sh"
runs="${RUNS:-7}"
actions="${ACTIONS:-2000}"
inputs="${INPUTS:-40}"


command -v cargo >/dev/null || die "cargo is needed"
command -v jq >/dev/null || die "jq is needed (apt-get install -y jq)"
if [[ ! -x /usr/bin/time ]]; then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
        echo "installing GNU time (apt-get install -y time)" >&2
        apt-get install -y time >/dev/null || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
    fi
    [[ -x /usr/bin/time ]] || die "GNU time is needed as /usr/bin/time (apt-get install -y time)"
fi

build_release
make_work
file="$work/big.json"
"$generator" --actions "$actions" --inputs "$inputs" --out "$file"
bytes="$(stat -c %s "$file")"

# The file must be valid: exit 0 and no errors. Anything else means the benchmark measures the wrong thing.
if ! "$wizard" validate "$file" >"$work/validate.out" 2>&1; then
    head -n 20 "$work/validate.out" >&2
    die "the generated manifest does not validate (exit non-zero); fix examples/generate_manifest.rs"
fi
jq empty "$file" || die "jq cannot parse the generated manifest"

# rss_kb CMD...: runs CMD once under GNU time, prints its max RSS in KB and its CPU time
# (user + system) in ms; GNU time counts CPU in 10 ms steps.
rss_kb() {
    /usr/bin/time -f '%M %U %S' -o "$work/rss" "$@" >/dev/null 2>&1 || die "failed: $*"
    tail -n 1 "$work/rss" | awk '{ printf "%s %.0f\n", $1, ($2 + $3) * 1000 }'
}


validate_cmd=("$wizard" validate "$file")
jq_cmd=(jq empty "$file")

# Warm-up: both read the file once so the page cache is equally hot.
wall_ms "${validate_cmd[@]}" >/dev/null
wall_ms "${jq_cmd[@]}" >/dev/null
load="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

: >"$work/validate.wall"; : >"$work/jq.wall"; : >"$work/validate.rss"; : >"$work/jq.rss"
for ((i = 0; i < runs; i++)); do
    wall_ms "${validate_cmd[@]}" >>"$work/validate.wall"
    wall_ms "${jq_cmd[@]}" >>"$work/jq.wall"
done
for ((i = 0; i < runs; i++)); do
    rss_kb "${validate_cmd[@]}" >>"$work/validate.rss"
    rss_kb "${jq_cmd[@]}" >>"$work/jq.rss"
done

v_wall="$(median <"$work/validate.wall")"; j_wall="$(median <"$work/jq.wall")"
v_min="$(minimum <"$work/validate.wall")"; j_min="$(minimum <"$work/jq.wall")"
v_rss="$(cut -d' ' -f1 "$work/validate.rss" | maximum)"; j_rss="$(cut -d' ' -f1 "$work/jq.rss" | maximum)"
v_cpu="$(cut -d' ' -f2 "$work/validate.rss" | median)"; j_cpu="$(cut -d' ' -f2 "$work/jq.rss" | median)"

echo
echo "file:     $file ($bytes bytes; $actions actions x $inputs inputs)"
echo "versions: $("$wizard" --version), $(jq --version), $(uname -srm), $(nproc) CPUs"
echo "commands: integration-wizard validate FILE   vs   jq empty FILE"
echo "          wall: median of $runs interleaved runs (date +%s%N), after one warm-up each"
echo "          peak: largest max RSS of $runs runs (/usr/bin/time -f %M); cpu: median user+sys of those runs"
echo "load:     $load (1/5/15 min) before measuring; other work on the machine makes wall times noisy"
echo
printf '%-30s %14s %12s %15s %12s\n' "command" "wall median" "wall min" "peak RSS" "cpu median"
printf '%-30s %11s ms %9s ms %12s KB %9s ms\n' "integration-wizard validate" "$v_wall" "$v_min" "$v_rss" "$v_cpu"
printf '%-30s %11s ms %9s ms %12s KB %9s ms\n' "jq empty" "$j_wall" "$j_min" "$j_rss" "$j_cpu"
echo
awk -v vw="$v_wall" -v jw="$j_wall" -v vr="$v_rss" -v jr="$j_rss" 'BEGIN {
    wall = vw / jw; rss = vr / jr
    printf "wall ratio  validate/jq = %.2f (target <= 0.50): %s\n", wall, (wall <= 0.5 ? "PASS" : "FAIL")
    printf "memory ratio validate/jq = %.2f (target <= 1.50): %s\n", rss, (rss <= 1.5 ? "PASS" : "FAIL")
}'
echo "raw wall (ms): validate $(paste -sd' ' "$work/validate.wall") | jq $(paste -sd' ' "$work/jq.wall")"
echo "raw RSS (KB):  validate $(cut -d' ' -f1 "$work/validate.rss" | paste -sd' ') | jq $(cut -d' ' -f1 "$work/jq.rss" | paste -sd' ')"
