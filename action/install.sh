#!/usr/bin/env bash
# Installs integration-wizard VERSION (vX.Y.Z) into ROOT/bin for this runner, as the action needs it:
#   1. ROOT/bin/integration-wizard already of that version (restored from the cache): kept;
#   2. the release archive for this runner, checked against the release's SHA256SUMS (a mismatch
#      or a missing line is refused: nothing is installed);
#   3. when no release fits (no such release, or no archive for this runner): built with
#      `cargo install --locked` from SOURCE, the action's own checkout.
# INTEGRATION_WIZARD_RELEASES is where the releases are (GitHub's by default).
set -euo pipefail
version=$1 root=$2 source=$3
releases=${INTEGRATION_WIZARD_RELEASES:-https://github.com/integration-wizard/integration-wizard/releases/download}
bin="$root/bin"
mkdir -p "$bin"

if [ -x "$bin/integration-wizard" ] && [ "$("$bin/integration-wizard" --version)" = "integration-wizard ${version#v}" ]; then
  echo "integration-wizard $version is already installed (cached)"
  exit 0
fi

case "$(uname -s)/$(uname -m)" in
  Linux/x86_64) target=x86_64-unknown-linux-musl ext=tar.gz ;;
  Linux/aarch64 | Linux/arm64) target=aarch64-unknown-linux-musl ext=tar.gz ;;
  Darwin/x86_64) target=x86_64-apple-darwin ext=tar.gz ;;
  Darwin/arm64) target=aarch64-apple-darwin ext=tar.gz ;;
  MINGW*/x86_64 | MSYS*/x86_64 | CYGWIN*/x86_64) target=x86_64-pc-windows-msvc ext=zip ;;
  *) target="" ext="" ;;
esac

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1"; else shasum -a 256 "$1"; fi | cut -d' ' -f1
}

build() {
  echo "no release of integration-wizard $version fits this runner ($1): building it with cargo (several minutes)"
  cargo install --locked --root "$root" --path "$source"
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$target" ]; then
  build "no prebuilt binary for $(uname -s) $(uname -m)"
  exit 0
fi
archive="integration-wizard-$version-$target.$ext"
if ! curl --fail --silent --show-error --location --retry 3 --output "$work/SHA256SUMS" "$releases/$version/SHA256SUMS" ||
  ! curl --fail --silent --show-error --location --retry 3 --output "$work/$archive" "$releases/$version/$archive"; then
  build "no $archive in release $version"
  exit 0
fi
expected=$(awk -v name="$archive" '$2 == name || $2 == "*" name { print $1 }' "$work/SHA256SUMS")
if [ -z "$expected" ]; then
  echo "error: the release's SHA256SUMS has no line for $archive; refusing to install it" >&2
  exit 1
fi
actual=$(sha256 "$work/$archive")
if [ "$actual" != "$expected" ]; then
  echo "error: $archive does not match its checksum (SHA256SUMS says $expected, the download is $actual); refusing to install it" >&2
  exit 1
fi
case "$ext" in
  zip) unzip -q -o "$work/$archive" -d "$work/unpacked" ;;
  *) mkdir "$work/unpacked" && tar xzf "$work/$archive" -C "$work/unpacked" ;;
esac
for name in integration-wizard integration-wizard.exe; do
  if [ -f "$work/unpacked/$name" ]; then
    install -m 755 "$work/unpacked/$name" "$bin/$name"
  fi
done
echo "installed integration-wizard $version ($target), checksum verified"
