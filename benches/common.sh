# common.sh: what the validate benchmarks share, sourced by each after it sets `bench` (its name in
# messages): `die`, the release build of the tool and of the manifest generator, a temporary work
# folder, and the timing helpers. Not a benchmark itself.

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

die() { echo "$bench: $*" >&2; exit 1; }

# build_release: builds integration-wizard and examples/generate_manifest in release mode (from the
# repository's root, which becomes the current folder) and sets $wizard and $generator to them.
build_release() {
    cd "$root"
    echo "building (release): integration-wizard and examples/generate_manifest" >&2
    cargo build --quiet --release --bin integration-wizard --example generate_manifest
    local target_dir
    target_dir="$(cargo metadata --format-version 1 --no-deps | jq -r .target_directory)"
    wizard="$target_dir/release/integration-wizard"
    generator="$target_dir/release/examples/generate_manifest"
    [[ -x "$wizard" && -x "$generator" ]] || die "built binaries not found under $target_dir/release"
}

# make_work: a new temporary folder in $work, removed on exit unless KEEP is set.
make_work() {
    work="$(mktemp -d)"
    if [[ -n "${KEEP:-}" ]]; then
        echo "keeping $work" >&2
    else
        trap 'rm -rf "$work"' EXIT
    fi
}

now_ns() { date +%s%N; }

# wall_ms CMD...: runs CMD once with output discarded, prints its wall time in milliseconds.
wall_ms() {
    local start end
    start="$(now_ns)"
    "$@" >/dev/null 2>&1 || die "failed: $*"
    end="$(now_ns)"
    awk -v ns="$((end - start))" 'BEGIN { printf "%.1f\n", ns / 1e6 }'
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minimum() { sort -n | head -n 1; }
maximum() { sort -n | tail -n 1; }

# release_binaries: like build_release, but WIZARD=PATH and GENERATOR=PATH (both set) measure
# binaries built earlier instead, without building.
release_binaries() {
    if [[ -n "${WIZARD:-}" || -n "${GENERATOR:-}" ]]; then
        [[ -x "${WIZARD:-}" && -x "${GENERATOR:-}" ]] || die "WIZARD and GENERATOR must both name executables"
        wizard="$WIZARD"
        generator="$GENERATOR"
    else
        build_release
    fi
}
