#!/usr/bin/env bash
# build_deb: builds the Debian package from a built tree with CPack, then checks it
# (packaging/check_deb.sh). Usage: bash packaging/build_deb.sh BUILD_DIR [OUT_DIR, default BUILD_DIR]
set -euo pipefail

if [ $# -lt 1 ] || [ ! -f "$1/CPackConfig.cmake" ]; then
  echo "usage: bash packaging/build_deb.sh BUILD_DIR [OUT_DIR]   (a configured and built CMake" \
    "tree: run make build first)" >&2
  exit 2
fi
build_dir=$(realpath "$1")
mkdir -p "${2:-$1}"
out_dir=$(realpath "${2:-$1}")
source_dir=$(cd "$(dirname "$0")/.." && pwd)

version=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$build_dir/CMakeCache.txt")
deb="$out_dir/vnsearch_${version}_$(dpkg --print-architecture).deb"
log="$out_dir/cpack.log"
rm -f "$deb"
if ! (cd "$build_dir" && cpack -G DEB -B "$out_dir" > "$log" 2>&1) || [ ! -f "$deb" ]; then
  cat "$log" >&2
  echo "build_deb: CPack did not make $deb (its log is above; is dpkg-dev installed? make deps)" >&2
  exit 1
fi
bash "$source_dir/packaging/check_deb.sh" "$deb" "$source_dir" "$build_dir"
echo "build_deb: $deb"
