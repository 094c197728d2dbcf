#!/usr/bin/env bash
# validate_vs_jq.sh: `integration-wizard validate FILE` against jq on generated manifests, with
# reading the file (`cat FILE >/dev/null`) beside them as the floor nothing that reads it goes under.
#
# Two comparisons, each with its targets (from the issues), on every file of SIZES:
#   JQ=empty: `jq empty FILE`      validate at most 0.5x its wall time and 1.5x its peak memory;
#   JQ=print: `jq . FILE >/dev/null` (reads and prints the whole document)
#                                  validate at most 0.2x its wall time and 0.6x its peak memory.
# The targets of `jq empty` were set for the 16 MB file, those of `jq .` for both files.
#
# Usage, from anywhere:   benches/validate_vs_jq.sh
# Environment (optional): JQ="empty print" (which comparisons, in this order) RUNS=9
#                         SIZES="2000 12500" (actions per file: 16.5 MB and 103 MB) INPUTS=40
#                         KEEP=1 (keep the temp dir with the files)
#                         WIZARD=path GENERATOR=path (both: measure binaries built earlier, no build)
#                         CARGO_TARGET_DIR is honoured (cargo metadata gives the target directory).
# Needs: cargo, jq, GNU time as /usr/bin/time (Debian/Ubuntu: `apt-get install -y time`; installed
#        automatically when missing and running as root).
#
# Wall time: bash's `date +%s%N` around each run, output to /dev/null (GNU time only has 10 ms
# resolution); the median of RUNS runs, the commands interleaved, after one warm-up run each (the
# page cache is hot). Peak memory: `/usr/bin/time -f %M` (max RSS in KB), the largest of RUNS
# separate runs. The load average is printed before each file: other work on the machine makes
# wall times noisy (ratios less so, as both commands share the same load).
# Exit status: 0 whenever the benchmark ran (PASS or FAIL is reported, this is not a CI gate);
# non-zero only when something failed to run (build, generator, a validate that does not exit 0).
set -euo pipefail

bench=validate_vs_jq
# shellcheck source=benches/common.sh
source "$(dirname "$0")/common.sh"
runs="${RUNS:-9}"
sizes="${SIZES:-2000 12500}"
inputs="${INPUTS:-40}"
comparisons="${JQ:-empty print}"

for comparison in $comparisons; do
    [[ "$comparison" == empty || "$comparison" == print ]] || die "JQ takes \"empty\" and \"print\", not \"$comparison\""
done
command -v cargo >/dev/null || die "cargo is needed"
command -v jq >/dev/null || die "jq is needed (apt-get install -y jq)"
if [[ ! -x /usr/bin/time ]]; then
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
        echo "installing GNU time (apt-get install -y time)" >&2
        apt-get install -y time >/dev/null || { apt-get update >/dev/null && apt-get install -y time >/dev/null; }
    fi
    [[ -x /usr/bin/time ]] || die "GNU time is needed as /usr/bin/time (apt-get install -y time)"
fi

release_binaries
make_work

# rss_kb CMD...: runs CMD once under GNU time with its output discarded, prints its max RSS in KB.
rss_kb() {
    /usr/bin/time -f '%M' -o "$work/rss" "$@" >/dev/null 2>&1 || die "failed: $*"
    tail -n 1 "$work/rss"
}

# The command of a comparison, its name, and its targets (wall, memory).
jq_args() { case "$1" in empty) echo "empty" ;; print) echo "." ;; esac; }
jq_name() { case "$1" in empty) echo "jq empty" ;; print) echo "jq . >/dev/null" ;; esac; }
targets() { case "$1" in empty) echo "0.50 1.50" ;; print) echo "0.20 0.60" ;; esac; }

echo "versions: $("$wizard" --version), $(jq --version), $(uname -srm), $(nproc) CPUs"
echo "commands: integration-wizard validate FILE; $(for c in $comparisons; do printf '%s FILE; ' "$(jq_name "$c")"; done)cat FILE >/dev/null (the floor)"
echo "          wall: median of $runs interleaved runs after one warm-up each; peak: largest max RSS of $runs runs"
for actions in $sizes; do
    file="$work/manifest-$actions.json"
    "$generator" --actions "$actions" --inputs "$inputs" --out "$file" 2>/dev/null
    bytes="$(stat -c %s "$file")"
    # The file must be valid: anything else means the benchmark measures the wrong thing.
    "$wizard" validate "$file" >/dev/null 2>&1 ||
        die "the generated manifest does not validate; fix examples/generate_manifest.rs"
    jq empty "$file" || die "jq cannot parse the generated manifest"

    names=(validate cat)
    commands=("$wizard validate $file" "cat $file")
    for comparison in $comparisons; do
        names+=("$comparison")
        commands+=("jq $(jq_args "$comparison") $file")
    done
    for ((c = 0; c < ${#names[@]}; c++)); do
        # shellcheck disable=SC2086 # the command's words are split on purpose (no spaces in them)
        wall_ms ${commands[c]} >/dev/null
        : >"$work/${names[c]}.wall"; : >"$work/${names[c]}.rss"
    done
    load="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
    for ((i = 0; i < runs; i++)); do
        for ((c = 0; c < ${#names[@]}; c++)); do
            # shellcheck disable=SC2086
            wall_ms ${commands[c]} >>"$work/${names[c]}.wall"
        done
    done
    for ((i = 0; i < runs; i++)); do
        for ((c = 0; c < ${#names[@]}; c++)); do
            [[ "${names[c]}" == cat ]] && continue
            # shellcheck disable=SC2086
            rss_kb ${commands[c]} >>"$work/${names[c]}.rss"
        done
    done

    v_wall="$(median <"$work/validate.wall")"; v_rss="$(maximum <"$work/validate.rss")"
    echo
    echo "file:     $bytes bytes ($actions actions x $inputs inputs); load $load (1/5/15 min) before measuring"
    printf '  %-30s %11s ms %12s KB\n' "integration-wizard validate" "$v_wall" "$v_rss"
    for comparison in $comparisons; do
        printf '  %-30s %11s ms %12s KB\n' "$(jq_name "$comparison")" \
            "$(median <"$work/$comparison.wall")" "$(maximum <"$work/$comparison.rss")"
    done
    printf '  %-30s %11s ms\n' "cat >/dev/null (reading)" "$(median <"$work/cat.wall")"
    for comparison in $comparisons; do
        read -r wall_target rss_target <<<"$(targets "$comparison")"
        awk -v name="$(jq_name "$comparison")" -v vw="$v_wall" -v jw="$(median <"$work/$comparison.wall")" \
            -v vr="$v_rss" -v jr="$(maximum <"$work/$comparison.rss")" -v wt="$wall_target" -v rt="$rss_target" 'BEGIN {
            wall = vw / jw; rss = vr / jr
            printf "  wall ratio   validate / %-16s = %.3f (target <= %s): %s\n", name, wall, wt, (wall <= wt ? "PASS" : "FAIL")
            printf "  memory ratio validate / %-16s = %.3f (target <= %s): %s\n", name, rss, rt, (rss <= rt ? "PASS" : "FAIL")
        }'
    done
    echo "  raw wall (ms): validate $(paste -sd' ' "$work/validate.wall")$(for c in $comparisons; do printf ' | %s %s' "$c" "$(paste -sd' ' "$work/$c.wall")"; done)"
    echo "  raw RSS (KB):  validate $(paste -sd' ' "$work/validate.rss")$(for c in $comparisons; do printf ' | %s %s' "$c" "$(paste -sd' ' "$work/$c.rss")"; done)"
    [[ -n "${KEEP:-}" ]] || rm -f "$file"
done
