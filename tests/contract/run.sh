#!/usr/bin/env bash
# Runs one of the contract tests; CTest calls it as
#   bash tests/contract/run.sh <build-dir> <source-dir> document|contract|readme
#
# document  checks searchd/openapi.json with the OpenAPI validator (no server).
# contract  runs the generic client of contract.test.mjs against a real vnsearchd.
# readme    runs the README's "From your own code" examples against a real vnsearchd.
#
# For the last two it indexes <source-dir>/corpus (what `make run` serves, so the document's
# examples name real articles) into a fresh temporary database and starts, on free loopback
# ports, vnsearchd with a random token (writes go to a temporary corpus folder) and, for the
# contract, a second vnsearchd on the same index without a token (writes disabled). Then
# `node --test` runs with VNSEARCH_URL, VNSEARCH_TOKEN, VNSEARCH_READONLY_URL and VNSEARCH_DB
# set. The servers are stopped and the temporary folder removed however the script ends; their
# logs are copied to <build-dir>/test-artifacts/contract.
set -euo pipefail

if [[ $# -ne 3 ]]; then
  echo "usage: bash tests/contract/run.sh <build-dir> <source-dir> document|contract|readme" >&2
  exit 2
fi
build_dir=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
mode=$3
tests_dir="$source_dir/tests/contract"
indexer_bin="$build_dir/indexer/vnsearch-index"
searchd_bin="$build_dir/searchd/vnsearchd"
artifacts_dir="$build_dir/test-artifacts/contract"
readonly start_timeout_seconds=20

case "$mode" in
  document | contract | readme) ;;
  *)
    echo "run.sh: unknown mode $mode: use document, contract or readme" >&2
    exit 2
    ;;
esac
if [[ ! -d "$tests_dir/node_modules/@apidevtools/swagger-parser" ]]; then
  echo "run.sh: $tests_dir/node_modules is missing: run \`make deps\` first" \
    "(or \`npm ci\` in tests/contract)" >&2
  exit 1
fi
cd "$source_dir"
if [[ "$mode" == document ]]; then
  exec node --test "$tests_dir/document.test.mjs"
fi
for binary in "$indexer_bin" "$searchd_bin"; do
  if [[ ! -x "$binary" ]]; then
    echo "run.sh: $binary not found: build the project first" >&2
    exit 1
  fi
done

scratch_dir=$(mktemp -d "${TMPDIR:-/tmp}/vnsearch-contract.XXXXXX")
server_pids=()
stop_servers_and_clean_up() {
  for pid in "${server_pids[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      wait "$pid" 2>/dev/null || true
    fi
  done
  cp "$scratch_dir"/*.log "$artifacts_dir"/ 2>/dev/null || true
  rm -rf "$scratch_dir"
}
trap stop_servers_and_clean_up EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

mkdir -p "$artifacts_dir" "$scratch_dir/corpus"
if ! "$indexer_bin" --db "$scratch_dir/db" "$source_dir/corpus" >"$scratch_dir/$mode-index.log" 2>&1; then
  echo "run.sh: indexing $source_dir/corpus failed; its output:" >&2
  cat "$scratch_dir/$mode-index.log" >&2
  exit 1
fi

# Starts vnsearchd on a port it picks (--port 0), with `environment` (NAME=VALUE words) added;
# sets started_url to its base URL once /healthz answers.
start_server() {
  local name=$1
  shift
  local log="$scratch_dir/$mode-$name.log"
  : >"$log"  # exists before the server starts, so the first read below cannot fail (set -e)
  env "$@" "$searchd_bin" --db "$scratch_dir/db" --host 127.0.0.1 --port 0 \
    --corpus "$scratch_dir/corpus" --web "$source_dir/web" >"$log" 2>&1 &
  local pid=$!
  server_pids+=("$pid")
  local deadline=$((SECONDS + start_timeout_seconds))
  started_url=""
  while [[ -z "$started_url" ]]; do
    started_url=$(sed -n 's|^vnsearchd: serving .* on \(http://[^/]*\)/$|\1|p' "$log")
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "run.sh: vnsearchd ($name) exited before serving; its log:" >&2
      cat "$log" >&2
      exit 1
    fi
    if ((SECONDS >= deadline)); then
      echo "run.sh: vnsearchd ($name) did not start within ${start_timeout_seconds}s; its log:" >&2
      cat "$log" >&2
      exit 1
    fi
    [[ -n "$started_url" ]] || sleep 0.1
  done
}

token=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
start_server writer VNSEARCH_TOKEN="$token"
url=$started_url
readonly_url=""
if [[ "$mode" == contract ]]; then
  start_server readonly VNSEARCH_TOKEN=
  readonly_url=$started_url
fi

VNSEARCH_URL="$url" VNSEARCH_TOKEN="$token" VNSEARCH_READONLY_URL="$readonly_url" \
  VNSEARCH_DB="$scratch_dir/db" node --test "$tests_dir/$mode.test.mjs"
