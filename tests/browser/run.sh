#!/usr/bin/env bash
# Runs the browser tests end to end; CTest calls it as
#   bash tests/browser/run.sh <build-dir> <source-dir>
# It indexes <source-dir>/corpus and <source-dir>/tests/data/directory_corpus (namesakes in
# unrelated units, a unit's leadership over two terms) into a fresh temporary database, starts
# vnsearchd on a free loopback port serving <source-dir>/web, waits for /healthz, runs
# `node --test tests/browser/` against it, and exits with node's status. The server is stopped and the temporary folder
# removed however the script ends. Screenshots and the server's log go to
# <build-dir>/test-artifacts/browser.
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: bash tests/browser/run.sh <build-dir> <source-dir>" >&2
  exit 2
fi
build_dir=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
browser_tests_dir="$source_dir/tests/browser"
indexer_bin="$build_dir/indexer/vnsearch-index"
searchd_bin="$build_dir/searchd/vnsearchd"
artifacts_dir="$build_dir/test-artifacts/browser"
readonly healthz_timeout_seconds=20

if [[ ! -d "$browser_tests_dir/node_modules/playwright-core" ]]; then
  echo "run.sh: $browser_tests_dir/node_modules is missing: run \`make deps\` first" \
    "(or \`npm ci\` in tests/browser)" >&2
  exit 1
fi
for binary in "$indexer_bin" "$searchd_bin"; do
  if [[ ! -x "$binary" ]]; then
    echo "run.sh: $binary not found: build the project first" >&2
    exit 1
  fi
done

scratch_dir=$(mktemp -d "${TMPDIR:-/tmp}/vnsearch-browser.XXXXXX")
searchd_pid=""
stop_server_and_clean_up() {
  if [[ -n "$searchd_pid" ]] && kill -0 "$searchd_pid" 2>/dev/null; then
    kill "$searchd_pid" 2>/dev/null || true
    wait "$searchd_pid" 2>/dev/null || true
  fi
  rm -rf "$scratch_dir"
}
trap stop_server_and_clean_up EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$artifacts_dir"
rm -f "$artifacts_dir"/*.png # a screenshot left from an earlier run would mislead
index_log="$artifacts_dir/index.log"
searchd_log="$artifacts_dir/searchd.log"

if ! "$indexer_bin" --db "$scratch_dir/db" "$source_dir/corpus" "$source_dir/tests/data/directory_corpus" \
  >"$index_log" 2>&1; then
  echo "run.sh: indexing $source_dir/corpus and tests/data/directory_corpus failed; its output:" >&2
  cat "$index_log" >&2
  exit 1
fi

# Ask the kernel for a free loopback port. Another process could take it before vnsearchd
# binds it; that shows up below as the server exiting early, with its log printed.
port=$(node -e '
  const server = require("node:net").createServer();
  server.listen(0, "127.0.0.1", () => { console.log(server.address().port); server.close(); });
')
base_url="http://127.0.0.1:$port"

"$searchd_bin" --db "$scratch_dir/db" --host 127.0.0.1 --port "$port" --web "$source_dir/web" \
  >"$searchd_log" 2>&1 &
searchd_pid=$!

# Polls /healthz every 0.2 s until it answers 2xx, the server exits, or the time is up.
healthz_answers() {
  node -e '
    fetch(process.argv[1], { signal: AbortSignal.timeout(1000) })
      .then((response) => process.exit(response.ok ? 0 : 1), () => process.exit(1));
  ' "$base_url/healthz"
}
deadline=$((SECONDS + healthz_timeout_seconds))
until healthz_answers; do
  if ! kill -0 "$searchd_pid" 2>/dev/null; then
    echo "run.sh: vnsearchd exited before answering /healthz; its log:" >&2
    cat "$searchd_log" >&2
    exit 1
  fi
  if ((SECONDS >= deadline)); then
    echo "run.sh: vnsearchd did not answer $base_url/healthz within ${healthz_timeout_seconds}s; its log:" >&2
    cat "$searchd_log" >&2
    exit 1
  fi
  sleep 0.2
done

cd "$source_dir"
node_status=0
VNSEARCH_URL="$base_url" VNSEARCH_ARTIFACTS="$artifacts_dir" node --test tests/browser/ || node_status=$?
if ((node_status != 0)); then
  echo "run.sh: browser tests failed; screenshots and the server log are in $artifacts_dir" >&2
fi
exit "$node_status"
