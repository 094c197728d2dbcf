#!/usr/bin/env bash
# Fuzzes read → validate → write → read for SECONDS seconds (default 600) with the seeds and the dictionary.
#
#   fuzz/run.sh [SECONDS] [extra libFuzzer options...]      (from anywhere; it runs from the repository root)
#
# New inputs go to fuzz/corpus/read_write (ignored by git); fuzz/seeds stays as committed.
# FUZZ_CARGO_FLAGS adds cargo-fuzz options, e.g. "-O" (release, without debug assertions) or "-s none".
# A finding is written to fuzz/artifacts/read_write/; minimise it with
#   RUSTC_BOOTSTRAP=1 cargo fuzz tmin read_write fuzz/artifacts/read_write/crash-...
set -euo pipefail
seconds="${1:-600}"
shift || true
cd "$(dirname "$0")/.."
if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi
mkdir -p fuzz/corpus/read_write
# cargo-fuzz passes nightly flags (-Zsanitizer=address); RUSTC_BOOTSTRAP lets the stable toolchain accept them.
# shellcheck disable=SC2086 # FUZZ_CARGO_FLAGS is a list of options
RUSTC_BOOTSTRAP=1 exec cargo fuzz run ${FUZZ_CARGO_FLAGS:-} read_write fuzz/corpus/read_write fuzz/seeds -- \
    -max_total_time="$seconds" -dict=fuzz/json.dict -print_final_stats=1 "$@"
