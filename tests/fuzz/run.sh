#!/usr/bin/env bash
# Builds the analysis fuzzer with clang (libFuzzer, AddressSanitizer, UndefinedBehaviorSanitizer)
# and runs it for a bounded time. CTest calls it as: bash tests/fuzz/run.sh <build-dir> <source-dir>
# [seconds]. Crashing inputs are kept in <build-dir>/fuzz/ (crash-*) for reproduction:
#   <build-dir>/fuzz/analysis_fuzzer <build-dir>/fuzz/crash-…
set -euo pipefail
build_dir=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
seconds=${3:-${VNSEARCH_FUZZ_SECONDS:-30}}
fuzz_dir="$build_dir/fuzz"
mkdir -p "$fuzz_dir/corpus"

if ! command -v clang++ > /dev/null; then
  echo "run.sh: clang++ not found: run \`make deps\`" >&2
  exit 1
fi
sources=(
  "$source_dir/tests/fuzz/analysis_fuzzer.cc"
  "$source_dir"/indexer/analysis/*.cc
  "$source_dir"/indexer/article/*.cc
  "$build_dir"/indexer/embedded/*.cc
  "$source_dir/searchd/query_parser.cc"
)
binary="$fuzz_dir/analysis_fuzzer"
rebuild=0
[ -x "$binary" ] || rebuild=1
for source in "${sources[@]}" "$source_dir"/indexer/*/*.h "$source_dir"/searchd/*.h; do
  [ "$source" -nt "$binary" ] && rebuild=1
done
if [ "$rebuild" = 1 ]; then
  echo "run.sh: building $binary"
  # shellcheck disable=SC2046  # pkg-config output is a list of flags
  clang++ -std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -I "$source_dir/indexer" -I "$source_dir" $(pkg-config --cflags icu-uc icu-i18n) \
    "${sources[@]}" -o "$binary" $(pkg-config --libs icu-uc icu-i18n)
fi
# Seeds: the articles of corpus/ and a few hand-picked hard cases.
seeds="$fuzz_dir/seeds"
mkdir -p "$seeds"
cp "$source_dir"/corpus/*.txt "$seeds/"
printf 'KH,CN&ĐMST 05-CT/TW "khoa học" OR title:(Hoa\xcc\x80 -x*) 2022\xe2\x80\x932025' > "$seeds/query"
printf 'ab\xc3\x28 \xff\xfe Thu\xcc\x89y \xe2\x80' > "$seeds/broken"
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 "$binary" \
  -max_total_time="$seconds" -max_len=1024 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 \
  -artifact_prefix="$fuzz_dir/" "$fuzz_dir/corpus" "$seeds" 2>&1 | tail -n 15
status=${PIPESTATUS[0]}
echo "run.sh: fuzzing for ${seconds}s finished with status $status"
exit "$status"
