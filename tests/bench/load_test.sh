#!/usr/bin/env bash
# load_test.sh: QPS and latency of vnsearchd over HTTP (wrk, from Debian) for the benchmark
# queries, at 1, 4 and 16 connections, with where a computed search spends its time (from
# /metrics: search_profile.py), next to SQLite FTS5 answering the same queries in-process over
# the same articles and a stock Xapian query on the same index (the floor), in the same run.
# Part of `make bench`; run alone as
#   bash tests/bench/load_test.sh <build-dir> <index> <corpus> <queries>
set -euo pipefail
build_dir=$1 database=$2 corpus=$3 queries=$4
duration=${LOAD_TEST_SECONDS:-10}
if ! command -v wrk > /dev/null; then
  echo "load_test.sh: wrk not found: run make deps (Debian package wrk)" >&2
  exit 1
fi
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
# Twice: every search computed (--cache-entries 0), then with the result cache (the default),
# which the repeated benchmark queries hit after their first round.
metrics_before=$(mktemp) metrics_after=$(mktemp) wrk_line=$(mktemp)
for cache in 0 2000; do
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "$build_dir/searchd/vnsearchd" --db "$database" --host 127.0.0.1 --port "$port" \
    --access-log off --threads 16 --cache-entries "$cache" > /dev/null &
  server=$!
  trap 'kill $server 2> /dev/null || true; wait $server 2> /dev/null || true
        rm -f "$metrics_before" "$metrics_after" "$wrk_line"' EXIT
  for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break
    sleep 0.1
  done
  echo "vnsearchd over HTTP, /api/search with three facets and snippets, cache entries $cache," \
       "${duration}s each:"
  # Warm the page cache and each worker's database handle first.
  QUERIES=$queries wrk -t2 -c16 -d2s -s "$(dirname "$0")/load_test.lua" "http://127.0.0.1:$port" \
    > /dev/null
  for connections in 1 4 16; do
    threads=$(( connections < 2 ? 1 : 2 ))
    curl -sf "http://127.0.0.1:$port/metrics" > "$metrics_before"
    printf '  %2d connection(s): ' "$connections"
    QUERIES=$queries wrk -t"$threads" -c"$connections" -d"${duration}s" \
      -s "$(dirname "$0")/load_test.lua" "http://127.0.0.1:$port" | tail -n 1 | tee "$wrk_line"
    if [ "$cache" = 0 ] && [ "$connections" = 1 ]; then
      curl -sf "http://127.0.0.1:$port/metrics" > "$metrics_after"
      python3 "$(dirname "$0")/search_profile.py" "$metrics_before" "$metrics_after" \
        "$(sed -n 's/.* mean \([0-9.]*\) ms.*/\1/p' "$wrk_line")"
      # The HTTP exchange alone, through the same client: what no search could go below.
      printf '   1 connection(s), GET /healthz (an empty exchange): '
      ONLY_PATH=/healthz QUERIES=$queries wrk -t1 -c1 -d"${duration}s" \
        -s "$(dirname "$0")/load_test.lua" "http://127.0.0.1:$port" | tail -n 1
    fi
  done
  kill "$server"
  wait "$server" 2> /dev/null || true
done
trap - EXIT
rm -f "$metrics_before" "$metrics_after" "$wrk_line"
"$build_dir/tests/bench/fts5_latency" --corpus "$corpus" --queries "$queries" --rounds 5
"$build_dir/tests/bench/xapian_floor_latency" --db "$database" --queries "$queries" --rounds 5
