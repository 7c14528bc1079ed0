#!/usr/bin/env bash
# test-sanitize: what `make test-sanitize` runs (and `make test` after the Release suite).
# Builds two sanitizer trees with clang and runs their tests (tests/sanitize):
#   build-asan/  AddressSanitizer + UndefinedBehaviorSanitizer: the unit tests, the API tests
#                against this tree's vnsearchd and vnsearch-index, and each libFuzzer target for
#                VNSEARCH_FUZZ_SECONDS (default 20);
#   build-tsan/  ThreadSanitizer: the API tests where threads meet.
# A report from any process fails the run. Usage: bash tools/test-sanitize.sh <release-build-dir>
# [jobs] (the Release tree provides the API tests' client binary: build it first).
set -euo pipefail
cd "$(dirname "$0")/.."
release_dir=$(cd "${1:-build}" && pwd)
jobs=${2:-2}
api_tests="$release_dir/tests/api_tests"
if [ ! -x "$api_tests" ]; then
  echo "test-sanitize.sh: no $api_tests: run make build first" >&2
  exit 2
fi
started=$(date +%s)
for sanitizer in address thread; do
  tree=build-${sanitizer/address/asan}
  tree=${tree/build-thread/build-tsan}
  echo "test-sanitize.sh: $sanitizer: building $tree"
  cmake -S . -B "$tree" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=None \
    -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" -DVNSEARCH_SANITIZE="$sanitizer" \
    -DVNSEARCH_API_TESTS="$api_tests" \
    -DVNSEARCH_FUZZ_SECONDS="${VNSEARCH_FUZZ_SECONDS:-20}" > /dev/null
  cmake --build "$tree" -j"$jobs"
  rm -rf "$tree/tests/sanitize/reports"
  (cd "$tree" && ctest --output-on-failure -j"$jobs")
done
echo "test-sanitize.sh: clean under ASan + UBSan and TSan in $(( $(date +%s) - started )) s"
