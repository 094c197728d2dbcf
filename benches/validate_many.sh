#!/usr/bin/env bash
# validate_many.sh: `integration-wizard validate DIR` on 20,000 small manifests, on every core
# against the same run pinned to one core (`taskset -c 0`).
#
# The target (issue): on a machine with at least 2 cores, the wall time of the run on every core is
# at most 0.65x that of the run pinned to one core; the output is the same (deterministic order).
#
# Usage, from anywhere:   benches/validate_many.sh
# Environment (optional): RUNS=5 FILES=20000 ACTIONS=1 INPUTS=3 KEEP=1 (keep the temp dir)
#                         CARGO_TARGET_DIR is honoured (cargo metadata gives the target directory).
# Needs: cargo, jq (to read cargo metadata), taskset (util-linux), at least 2 CPUs; GNU time as
#        /usr/bin/time (optional) adds each run's CPU time (user + system).
#
# On a machine busy with other work neither run gets a whole core and the ratio tends to 1 whatever
# the program does; the load average is printed so that a reader can tell.
#
# Wall time: bash's `date +%s%N` around each run; the median of RUNS runs, the two commands
# interleaved, after one warm-up run each (page cache, directory cache).
# Exit status: 0 whenever the benchmark ran (PASS or FAIL is reported, this is not a CI gate);
# non-zero only when something failed to run (build, generator, a validate that does not exit 0,
# or the two runs printing different reports).
set -euo pipefail

bench=validate_many
# shellcheck source=benches/common.sh
source "$(dirname "$0")/common.sh"
runs="${RUNS:-5}"
files="${FILES:-20000}"
actions="${ACTIONS:-1}"
inputs="${INPUTS:-3}"


command -v cargo >/dev/null || die "cargo is needed"
command -v jq >/dev/null || die "jq is needed (apt-get install -y jq)"
command -v taskset >/dev/null || die "taskset is needed (apt-get install -y util-linux)"
cpus="$(nproc)"
[[ "$cpus" -ge 2 ]] || die "this machine has $cpus CPU; the comparison needs at least 2"

build_release
make_work
folder="$work/manifests"
"$generator" --files "$files" --actions "$actions" --inputs "$inputs" --out "$folder"

# Every file must be valid and counted: anything else means the benchmark measures the wrong thing.
"$wizard" validate "$folder" >"$work/all.out" 2>&1 || { tail -n 5 "$work/all.out" >&2; die "validate did not exit 0"; }
taskset -c 0 "$wizard" validate "$folder" >"$work/one.out" 2>&1 || die "pinned validate did not exit 0"
cmp -s "$work/all.out" "$work/one.out" || die "the report on every core differs from the pinned one"
grep -q "^checked $files files: all valid" "$work/all.out" || die "unexpected summary: $(tail -n 1 "$work/all.out")"


all_cmd=("$wizard" validate "$folder")
one_cmd=(taskset -c 0 "$wizard" validate "$folder")

wall_ms "${all_cmd[@]}" >/dev/null
wall_ms "${one_cmd[@]}" >/dev/null
load="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

: >"$work/all.wall"; : >"$work/one.wall"
for ((i = 0; i < runs; i++)); do
    wall_ms "${all_cmd[@]}" >>"$work/all.wall"
    wall_ms "${one_cmd[@]}" >>"$work/one.wall"
done

a_wall="$(median <"$work/all.wall")"; o_wall="$(median <"$work/one.wall")"
# cpu_ms CMD...: the CPU time (user + system) of one run in ms, when GNU time is there.
cpu_ms() {
    /usr/bin/time -f '%U %S' -o "$work/cpu" "$@" >/dev/null 2>&1 || die "failed: $*"
    tail -n 1 "$work/cpu" | awk '{ printf "%.0f\n", ($1 + $2) * 1000 }'
}
a_cpu="n/a"; o_cpu="n/a"
if [[ -x /usr/bin/time ]]; then
    : >"$work/all.cpu"; : >"$work/one.cpu"
    for ((i = 0; i < runs; i++)); do
        cpu_ms "${all_cmd[@]}" >>"$work/all.cpu"
        cpu_ms "${one_cmd[@]}" >>"$work/one.cpu"
    done
    a_cpu="$(median <"$work/all.cpu")"; o_cpu="$(median <"$work/one.cpu")"
fi
bytes="$(du -sb "$folder" | cut -f1)"

echo
echo "files:    $files manifests of $actions action(s) x $inputs inputs ($bytes bytes in all)"
echo "versions: $("$wizard" --version), $(uname -srm), $cpus CPUs"
echo "commands: integration-wizard validate DIR   vs   taskset -c 0 integration-wizard validate DIR"
echo "          wall: median of $runs interleaved runs (date +%s%N), after one warm-up each"
echo "load:     $load (1/5/15 min) before measuring; other work on the machine makes wall times noisy"
echo
printf '%-40s %14s %14s\n' "run" "wall median" "cpu median"
printf '%-40s %11s ms %11s ms\n' "every core ($cpus CPUs)" "$a_wall" "$a_cpu"
printf '%-40s %11s ms %11s ms\n' "pinned to one core (taskset -c 0)" "$o_wall" "$o_cpu"
echo
awk -v a="$a_wall" -v o="$o_wall" 'BEGIN {
    ratio = a / o
    printf "wall ratio every core/one core = %.2f (target <= 0.65): %s\n", ratio, (ratio <= 0.65 ? "PASS" : "FAIL")
}'
echo "raw wall (ms): every core $(paste -sd' ' "$work/all.wall") | one core $(paste -sd' ' "$work/one.wall")"
