#!/usr/bin/env bash
# build_cost.sh: what building costs a newcomer. Clones REV (default HEAD) of this repository into
# a temporary folder, then times `cargo test` there (the whole suite, from nothing) and
# `cargo build --release`, and prints the size of target/ and of the release binary, with the
# load average beside each figure (on a shared machine it says how much the figures mean).
#
#     benches/build_cost.sh [REV]          # KEEP=1 keeps the clone
set -euo pipefail
bench=build_cost
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
rev=${1:-HEAD}
make_work
git clone --quiet "$root" "$work/clone"
cd "$work/clone"
git checkout --quiet "$rev"
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "revision $(git rev-parse --short HEAD); cores $(nproc)"

start=$(date +%s)
before="$(load)"
cargo test --quiet >/dev/null 2>"$work/test.log" || { tail -20 "$work/test.log" >&2; die "cargo test failed"; }
echo "cargo test from a fresh clone: $(( $(date +%s) - start )) s (load $before -> $(load)); target/ $(du -sh target | cut -f1)"

start=$(date +%s)
before="$(load)"
cargo build --quiet --release
binary=target/release/integration-wizard
echo "cargo build --release: $(( $(date +%s) - start )) s (load $before -> $(load)); binary $(stat -c %s "$binary") bytes; target/ $(du -sh target | cut -f1)"
