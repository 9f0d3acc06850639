#!/usr/bin/env bash
# End-to-end: after `cmake --install`, the installed binary finds its data files under
# share/tracuu (no source tree needed) and extracts an article.
set -euo pipefail
build_dir=$1 fixture=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build_dir" --prefix "$prefix" >/dev/null
test -f "$prefix/share/tracuu/ranks.tsv" || { echo "data files not installed"; exit 1; }
out=$(env -u TRACUU_DATA "$prefix/bin/tracuu" extract "$fixture")
echo "$out" | grep -q '"id":"09-CT/TW"' || { echo "unexpected output: $out"; exit 1; }
echo "installed binary found $prefix/share/tracuu"
