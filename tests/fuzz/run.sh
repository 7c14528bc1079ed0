#!/usr/bin/env bash
# Runs a libFuzzer target (built in the ASan tree: tests/sanitize) for a bounded time, seeded
# from corpus/ and a few hand-picked hard cases. CTest calls it as:
#   bash tests/fuzz/run.sh <fuzzer-binary> <source-dir> [seconds]
# Inputs found along the way are kept beside the binary in <name>.corpus/; a crashing input is
# kept as <name>.crash-… for reproduction: <fuzzer-binary> <name>.crash-…
set -euo pipefail
binary=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
source_dir=$(cd "$2" && pwd)
seconds=${3:-${VNSEARCH_FUZZ_SECONDS:-20}}
name=$(basename "$binary")
work_dir=$(dirname "$binary")
found="$work_dir/$name.corpus"
seeds="$work_dir/$name.seeds"
rm -rf "$seeds"
mkdir -p "$found" "$seeds"

# The start of a corpus article as one JSON string (quotes, backslashes, tabs, line ends escaped).
json_string() {
  head -n 30 "$1" |
    awk 'BEGIN { ORS = "\\n" } { gsub(/\r/, ""); gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\t/, "\\t"); print }'
}

case "$name" in
  analysis_fuzzer)
    cp "$source_dir"/corpus/*.txt "$seeds/"
    printf 'KH,CN&ĐMST 05-CT/TW "khoa học" OR title:(Hoa\xcc\x80 -x*) 2022\xe2\x80\x932025' \
      > "$seeds/query"
    printf 'ab\xc3\x28 \xff\xfe Thu\xcc\x89y \xe2\x80' > "$seeds/broken"
    ;;
  http_request_fuzzer)
    n=0
    for article in "$source_dir"/corpus/*.txt; do
      title=$(head -n 1 "$article" | tr ' ' '+' | tr -d '\r')
      n=$((n + 1))
      printf 'GET /api/search?q=%s&unit=B%%E1%%BB%%99&page=2&sort=-date HTTP/1.1\r\nHost: x\r\n\r\n' \
        "$title" > "$seeds/search-$n"
      printf 'GET /api/suggest?q=%s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n' \
        "$(printf '%s' "$title" | cut -c1-20)" > "$seeds/suggest-$n"
    done
    printf 'POST /api/articles HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5;x=1\r\nhello\r\n0\r\nT: 1\r\n\r\n' \
      > "$seeds/chunked"
    printf 'GET /api/articles/a/similar?limit=5&token=fuzz-token HTTP/1.0\r\nRange: bytes=0-1,2-3\r\nConnection: keep-alive\r\n\r\n' \
      > "$seeds/similar"
    printf 'GET /api/search?q=%%22a%%20b%%22%%20OR%%20(c*%%20-d)%%20title:x&from=2020-01-01&to=2021-02-29 HTTP/1.1\r\n\r\n' \
      > "$seeds/query"
    printf 'GET /index.html%%00.js HTTP/1.1\r\nX: \xff\r\n\r\n' > "$seeds/nul"
    ;;
  article_json_fuzzer)
    n=0
    for article in "$source_dir"/corpus/*.txt; do
      n=$((n + 1))
      printf '{"id":"fuzz/%d","title":"Tiêu đề","date":"2024-02-29","source":"Báo","body":"%s"}' \
        "$n" "$(json_string "$article")" > "$seeds/json-$n"  # even length or not: both readers
      printf ' ' >> "$seeds/json-$n"
      cp "$seeds/json-$n" "$seeds/json-$n-odd"
      printf ' ' >> "$seeds/json-$n-odd"
    done
    printf '{"body":"\\u0000x\\ud83d\\ude00","title":"a\\tb"}' > "$seeds/escapes"
    ;;
esac

"$binary" -max_total_time="$seconds" -max_len=8192 -rss_limit_mb=2048 -timeout=10 \
  -print_final_stats=1 -artifact_prefix="$work_dir/$name." "$found" "$seeds" 2>&1 | tail -n 12
status=${PIPESTATUS[0]}
echo "run.sh: $name fuzzed for ${seconds}s, status $status"
exit "$status"
