#!/usr/bin/env bash
# soak.sh: vnsearchd under sustained mixed load, as `make bench` runs it (run.sh): for
# SOAK_SECONDS (60), 16 connections send varied uncached faceted searches (--cache-entries 0:
# the benchmark queries with filters, sorts, pages and date ranges) while a writer posts 600
# articles and deletes 60 over HTTP. Reports QPS, p50, p99, RSS before and after, and the 5xx
# answers; then restarts vnsearchd and checks that every acknowledged post is there (0 lost) and
# every acknowledged delete is not, in the index or the corpus folder, also after vnsearch-index
# reindexes that folder (0 resurrected). Exits 1 when any of those counts is not 0.
# Works on a copy of the index; SOAK_ACCESS_LOG=FILE keeps the access log. Run alone as:
#   bash tests/bench/soak.sh <build-dir> <index> <corpus> <queries>
set -euo pipefail
build_dir=$1 database=$2 corpus=$3 queries=$4
seconds=${SOAK_SECONDS:-60}
posts=${SOAK_POSTS:-600}
deletes=${SOAK_DELETES:-60}
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/vnsearch-soak-XXXXXX")
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2> /dev/null && wait "$server" 2> /dev/null
  rm -rf "$work"
}
trap cleanup EXIT
for tool in wrk curl python3; do
  command -v "$tool" > /dev/null || { echo "soak.sh: $tool not found: run make deps" >&2; exit 1; }
done

cp -r "$(readlink -f "$database")" "$work/db"
mkdir -p "$work/corpus"
token=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '%s\n' "$token" > "$work/token"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
start_server() {
  "$build_dir/searchd/vnsearchd" --db "$work/db" --host 127.0.0.1 --port "$port" \
    --access-log "${SOAK_ACCESS_LOG:-off}" --threads 8 --cache-entries 0 --token-file "$work/token" \
    --corpus "$work/corpus" > /dev/null &
  server=$!
  for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && return
    sleep 0.1
  done
  echo "soak.sh: vnsearchd did not start" >&2
  exit 1
}
resident_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$server/status"; }
start_server

# The searches: each benchmark query as is, and with a facet filter, a date range, a sort or
# another page (facet values are the index's most frequent).
encode() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
facet_values() {
  curl -s "http://127.0.0.1:$port/api/facets/$1?limit=8" |
    python3 -c 'import json, sys, urllib.parse
for v in json.load(sys.stdin)["values"]: print(urllib.parse.quote(v["value"]))'
}
mapfile -t units < <(facet_values unit)
mapfile -t terms < <(facet_values term)
mapfile -t persons < <(facet_values person)
n=0
while IFS= read -r query; do
  [ -n "$query" ] || continue
  q="/api/search?q=$(encode "$query")"
  n=$((n + 1))
  {
    echo "$q"
    echo "$q&unit=${units[n % ${#units[@]}]}"
    echo "$q&term=${terms[n % ${#terms[@]}]}&sort=-date"
    echo "$q&person=${persons[n % ${#persons[@]}]}&size=20"
    echo "$q&from=2016-01-01&to=2018-12-31&page=2"
    echo "$q&sort=date&facet_size=20"
    echo "/api/search?q=&unit=${units[n % ${#units[@]}]}&term=${terms[(n + 1) % ${#terms[@]}]}"
  } >> "$work/paths"
done < "$queries"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "soak: ${seconds}s, 16 connections of $(wc -l < "$work/paths") varied uncached faceted" \
     "searches, while $posts articles are posted and $deletes deleted over HTTP"
PATHS="$work/paths" wrk -t2 -c16 -d5s -s "$source_dir/tests/bench/soak.lua" \
  "http://127.0.0.1:$port" > /dev/null  # warm the page cache and each worker's database
rss_before=$(resident_mb)
python3 "$source_dir/tests/bench/soak_writer.py" "$port" "$token" "$corpus" "$posts" "$deletes" \
  "$((seconds - 5))" > "$work/writes.json" &
writer=$!
PATHS="$work/paths" wrk -t2 -c16 -d"${seconds}s" --timeout 10s \
  -s "$source_dir/tests/bench/soak.lua" "http://127.0.0.1:$port" > "$work/wrk.txt"
wait "$writer"
rss_after=$(resident_mb)
searches=$(grep '^searches' "$work/wrk.txt")
echo "  $searches"
echo "  RSS before ${rss_before} MB, after ${rss_after} MB"

# Durable and exact: restart, then check every acknowledged write, then reindex the corpus
# folder and check again.
kill "$server"
wait "$server" 2> /dev/null || true
start_server
check_writes() {
  python3 - "$port" "$work/writes.json" "$work/corpus" << 'PYTHON'
import http.client, json, os, sys
port, writes, corpus = int(sys.argv[1]), json.load(open(sys.argv[2])), sys.argv[3]
connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
def present(article_id):
    connection.request("GET", "/api/articles/" + article_id)
    answer = connection.getresponse()
    answer.read()
    return answer.status == 200
deleted = set(writes["deleted"])
kept = [i for i in writes["posted"] if i not in deleted]
lost = [i for i in kept if not present(i) or not os.path.exists(os.path.join(corpus, i + ".txt"))]
back = [i for i in deleted if present(i) or os.path.exists(os.path.join(corpus, i + ".txt"))]
server_errors = sum(n for s, n in writes["statuses"].items() if s.startswith("5") or s == "no answer")
print("posted %d (201), deleted %d (204), write 5xx %d, lost %d, resurrected %d"
      % (len(writes["posted"]), len(deleted), server_errors, len(lost), len(back)))
if lost: print("  lost:", " ".join(lost[:10]))
if back: print("  resurrected:", " ".join(back[:10]))
PYTHON
}
writes=$(check_writes)
echo "  after a restart: $writes"
"$build_dir/indexer/vnsearch-index" --db "$work/db" "$work/corpus" > /dev/null 2>&1
reindexed=$(check_writes)
echo "  after vnsearch-index over the corpus folder: $reindexed"
failed=0
[[ "$searches" =~ " 5xx 0  other-errors 0 " ]] || failed=1
for result in "$writes" "$reindexed"; do
  [[ "$result" =~ "write 5xx 0, lost 0, resurrected 0" ]] || failed=1
done
[[ "$writes" =~ posted\ $posts\  ]] || failed=1
if [ "$failed" -ne 0 ]; then
  echo "soak.sh: FAILED: 5xx answers, lost or resurrected articles, or refused posts above" >&2
  exit 1
fi
echo "  soak passed: 0 5xx, 0 lost, 0 resurrected"
