#!/usr/bin/env bash
# validate_vs_jq_print.sh: `integration-wizard validate FILE` against `jq . FILE >/dev/null` on two
# generated manifests, 16 MB (2,000 actions of 40 inputs) and 100 MB (12,500 actions of 40 inputs).
#
# The target (issue): on both files, validate takes at most 0.2x jq's wall time, with at most 0.6x
# its peak memory (max RSS). Reading the file (`cat FILE >/dev/null`) is printed beside them: the
# floor nothing that reads the file can go under.
#
# Usage, from anywhere:   benches/validate_vs_jq_print.sh
# Environment (optional): RUNS=9 SIZES="2000 12500" (actions per file) INPUTS=40 KEEP=1 (keep the files)
#                         CARGO_TARGET_DIR is honoured (cargo metadata gives the target directory).
# Needs: cargo, jq, GNU time as /usr/bin/time (Debian/Ubuntu: `apt-get install -y time`; installed
#        automatically when missing and running as root).
#
# Wall time: bash's `date +%s%N` around each run, output to /dev/null; the median of RUNS runs, the
# commands interleaved (validate, jq, cat), after one warm-up run each (the page cache is hot).
# Peak memory: `/usr/bin/time -f %M` (max RSS in KB), the largest of RUNS separate runs.
# The load average is printed before each file: other work on the machine makes wall times noisy.
# Exit status: 0 whenever the benchmark ran (PASS or FAIL is reported, this is not a CI gate);
# non-zero only when something failed to run (build, generator, a validate that does not exit 0).
set -euo pipefail

bench=validate_vs_jq_print
# shellcheck source=benches/common.sh
source "$(dirname "$0")/common.sh"
runs="${RUNS:-9}"
sizes="${SIZES:-2000 12500}"
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

# rss_kb CMD...: runs CMD once under GNU time with its output discarded, prints its max RSS in KB.
rss_kb() {
    /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>&1 || die "failed: $*"
    tail -n 1 "$work/rss"
}

echo "versions: $("$wizard" --version), $(jq --version), $(uname -srm), $(nproc) CPUs"
echo "commands: integration-wizard validate FILE  vs  jq . FILE >/dev/null  (and cat FILE >/dev/null, the floor)"
echo "          wall: median of $runs interleaved runs after one warm-up each; peak: largest max RSS of $runs runs"
for actions in $sizes; do
    file="$work/manifest-$actions.json"
    "$generator" --actions "$actions" --inputs "$inputs" --out "$file" 2>/dev/null
    bytes="$(stat -c %s "$file")"
    # The file must be valid: anything else means the benchmark measures the wrong thing.
    "$wizard" validate "$file" >/dev/null 2>&1 ||
        die "the generated manifest does not validate; fix examples/generate_manifest.rs"

    validate_cmd=("$wizard" validate "$file")
    jq_cmd=(jq . "$file")
    cat_cmd=(cat "$file")
    wall_ms "${validate_cmd[@]}" >/dev/null
    wall_ms "${jq_cmd[@]}" >/dev/null
    wall_ms "${cat_cmd[@]}" >/dev/null
    load="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

    : >"$work/validate.wall"; : >"$work/jq.wall"; : >"$work/cat.wall"; : >"$work/validate.rss"; : >"$work/jq.rss"
    for ((i = 0; i < runs; i++)); do
        wall_ms "${validate_cmd[@]}" >>"$work/validate.wall"
        wall_ms "${jq_cmd[@]}" >>"$work/jq.wall"
        wall_ms "${cat_cmd[@]}" >>"$work/cat.wall"
    done
    for ((i = 0; i < runs; i++)); do
        rss_kb "${validate_cmd[@]}" >>"$work/validate.rss"
        rss_kb "${jq_cmd[@]}" >>"$work/jq.rss"
    done

    v_wall="$(median <"$work/validate.wall")"; j_wall="$(median <"$work/jq.wall")"; c_wall="$(median <"$work/cat.wall")"
    v_rss="$(maximum <"$work/validate.rss")"; j_rss="$(maximum <"$work/jq.rss")"

    echo
    echo "file:     $bytes bytes ($actions actions x $inputs inputs); load $load (1/5/15 min) before measuring"
    printf '  %-30s %11s ms %12s KB\n' "integration-wizard validate" "$v_wall" "$v_rss"
    printf '  %-30s %11s ms %12s KB\n' "jq . >/dev/null" "$j_wall" "$j_rss"
    printf '  %-30s %11s ms\n' "cat >/dev/null (reading)" "$c_wall"
    awk -v vw="$v_wall" -v jw="$j_wall" -v vr="$v_rss" -v jr="$j_rss" 'BEGIN {
        wall = vw / jw; rss = vr / jr
        printf "  wall ratio   validate/jq = %.3f (target <= 0.20): %s\n", wall, (wall <= 0.2 ? "PASS" : "FAIL")
        printf "  memory ratio validate/jq = %.3f (target <= 0.60): %s\n", rss, (rss <= 0.6 ? "PASS" : "FAIL")
    }'
    echo "  raw wall (ms): validate $(paste -sd' ' "$work/validate.wall") | jq $(paste -sd' ' "$work/jq.wall")"
    rm -f "$file"
done
