#!/usr/bin/env bash
# shard_bench.sh: latency and QPS of vnsearchd over HTTP (wrk) for the benchmark queries, in one
# run, three ways: one local index (the reference), the same articles as three local shards
# (vnsearch-index --shards 3, one vnsearchd --db over the folder), and the same three shards
# behind xapian-tcpsrv on loopback (vnsearchd --db tcp://… three times). Every search computed
# (--cache-entries 0). Part of `make bench`; run alone as
#   bash tests/bench/shard_bench.sh <build-dir> <one-index> <corpus> <queries>
# Env: LOAD_TEST_SECONDS per measurement (default 10).
set -euo pipefail
build_dir=$1 database=$2 corpus=$3 queries=$4
duration=${LOAD_TEST_SECONDS:-10}
out_dir=$build_dir/bench
shards=$out_dir/db-3shards
shards_stamp=$shards.stamp
indexer=$build_dir/indexer/vnsearch-index
for tool in wrk xapian-tcpsrv curl python3; do
  if ! command -v "$tool" > /dev/null; then
    echo "shard_bench.sh: $tool not found: run make deps" >&2
    exit 1
  fi
done

# The three shards, rebuilt when missing or older than vnsearch-index (like run.sh's index).
if [ ! -e "$shards" ] || [ ! -f "$shards_stamp" ] || [ "$indexer" -nt "$shards_stamp" ] ||
   [ "$(cat "$shards_stamp")" != "$corpus" ]; then
  echo "shard_bench.sh: indexing $corpus into $shards (3 shards)"
  rm -rf "$shards" "$shards".gen-* "$shards_stamp"
  "$indexer" --db "$shards" --shards 3 "$corpus" > "$out_dir/index-3shards.txt" 2>&1 || {
    grep -q 'articles.* in [0-9.]* s' "$out_dir/index-3shards.txt" || {
      echo "shard_bench.sh: vnsearch-index --shards 3 failed; see $out_dir/index-3shards.txt" >&2
      exit 1
    }
  }
  tail -n 1 "$out_dir/index-3shards.txt"
  echo "$corpus" > "$shards_stamp"
  touch -r "$indexer" "$shards_stamp"
fi

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -- "-$pid" 2> /dev/null || kill "$pid" 2> /dev/null || true; done
  wait 2> /dev/null || true
}
trap cleanup EXIT

# Three xapian-tcpsrv, each in its own process group (it forks a process per connection).
remote_flags=()
for shard in 0 1 2; do
  port=$(free_port)
  setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port" --quiet "$shards/shard-$shard" &
  pids+=($!)
  remote_flags+=(--db "tcp://127.0.0.1:$port")
done

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')," \
     "load average $(cut -d' ' -f1-3 /proc/loadavg) before the run"
echo "vnsearchd over HTTP, /api/search with three facets and snippets, no result cache," \
     "${duration}s per measurement:"
printf '  %-28s %-12s %s\n' "served as" "connections" "result"
declare -A qps
measure() {  # measure NAME FLAGS...
  local name=$1
  shift
  local port
  port=$(free_port)
  "$build_dir/searchd/vnsearchd" "$@" --host 127.0.0.1 --port "$port" --access-log off \
    --threads 16 --cache-entries 0 > /dev/null &
  local server=$!
  pids+=("$server")
  for _ in $(seq 200); do
    curl -sf "http://127.0.0.1:$port/healthz" > /dev/null && break
    sleep 0.1
  done
  # Warm the page cache, each worker's connections and the facet names first.
  QUERIES=$queries wrk -t2 -c16 -d3s -s "$(dirname "$0")/load_test.lua" \
    "http://127.0.0.1:$port" > /dev/null
  for connections in 1 8; do
    local threads=$(( connections < 2 ? 1 : 2 ))
    local line
    line=$(QUERIES=$queries wrk -t"$threads" -c"$connections" -d"${duration}s" \
      -s "$(dirname "$0")/load_test.lua" "http://127.0.0.1:$port" | tail -n 1)
    printf '  %-28s %-12s %s\n' "$name" "$connections" "$line"
    qps[$name,$connections]=$(sed -E 's/.*QPS ([0-9.]+).*/\1/' <<< "$line")
    p50[$name,$connections]=$(sed -E 's/.*p50 ([0-9.]+) ms.*/\1/' <<< "$line")
  done
  kill "$server"
  wait "$server" 2> /dev/null || true
}
declare -A p50
measure "one local index" --db "$database"
measure "3 local shards" --db "$shards"
measure "3 remote shards (loopback)" "${remote_flags[@]}"

echo "against one local index (QPS ratio, p50 ratio):"
for name in "3 local shards" "3 remote shards (loopback)"; do
  for connections in 1 8; do
    awk -v name="$name" -v c="$connections" -v q="${qps[$name,$connections]}" \
        -v q0="${qps[one local index,$connections]}" -v p="${p50[$name,$connections]}" \
        -v p0="${p50[one local index,$connections]}" \
        'BEGIN { printf "  %-28s %d connection(s): QPS x%.2f, p50 x%.2f\n", name, c, q / q0, p / p0 }'
  done
done
