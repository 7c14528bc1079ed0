#!/usr/bin/env bash
# run.sh: what `make bench` runs. Runs the question-answering evaluation (qa_eval: real questions
# through vnsearchd's HTTP API, beside plain BM25 and FTS5) when question sets are present, indexes
# the benchmark corpus (when needed), then runs the analysis benchmark, the known-item evaluation,
# the long-query evaluation, role facts, ner_eval, the HTTP load tests (load_test.sh;
# shard_bench.sh: one index, three local shards, three remote shards), the soak (soak.sh) and the
# indexing benchmark (index_bench.sh), printing and keeping their output in <build-dir>/bench/.
#
# Usage: bash tests/bench/run.sh <build-dir>
# Env:   VNSEARCH_BENCH_CORPUS   folder of .txt articles (default ../shared/bench/vnnews-20k beside
#                                the checkout); VNSEARCH_BENCH_QA question sets (default
#                                ../shared/qa); VNSEARCH_BENCH_QUERIES known items (default 300);
#                                VNSEARCH_NER_DATA tagged articles for ner_eval (default
#                                ../shared/ner/vlsp2018-dev.jsonl);
#                                VNSEARCH_BENCH_INDEXING=0 skips index_bench.sh (several minutes:
#                                it builds four indexes from scratch); VNSEARCH_BENCH_SOAK=0 skips
#                                soak.sh (a minute and a half); JOBS build parallelism (default 2).
# The index (<build-dir>/bench/db) is rebuilt only when it is missing, was built from another
# folder, or is older than vnsearch-index, so re-running after a query-side change is quick.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: bash tests/bench/run.sh <build-dir>   (a CMake build directory, e.g. build)" >&2
  exit 2
fi
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=$1
corpus=${VNSEARCH_BENCH_CORPUS:-$source_dir/../shared/bench/vnnews-20k}
qa=${VNSEARCH_BENCH_QA:-$source_dir/../shared/qa}

if [ ! -d "$corpus" ] && [ ! -d "$qa" ]; then
  cat << EOF
run.sh: no benchmark corpus at $corpus and no question sets at $qa, so no benchmarks were run.
  Put the corpus (a folder of .txt articles: title line, blank line, body) at
  ../shared/bench/vnnews-20k beside the checkout, or point at one:
    VNSEARCH_BENCH_CORPUS=/path/to/articles bash tests/bench/run.sh $build_dir
  and question sets (folders of docs.jsonl, queries.jsonl, qrels.tsv) at ../shared/qa, or
    VNSEARCH_BENCH_QA=/path/to/sets bash tests/bench/run.sh $build_dir
EOF
  exit 0
fi
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  echo "run.sh: $build_dir is not a CMake build directory: run" \
       "cmake -S $source_dir -B $build_dir first (make bench does both)" >&2
  exit 2
fi
build_dir=$(cd "$build_dir" && pwd)

# A no-op when up to date; makes this script enough on its own after the code changed.
cmake --build "$build_dir" -j"${JOBS:-2}" --target benchmarks

out_dir=$build_dir/bench
bench_bin=$build_dir/tests/bench
mkdir -p "$out_dir"

if [ -d "$qa" ]; then
  "$bench_bin/qa_eval" --qa "$qa" | tee "$out_dir/qa_eval.txt"
  echo
else
  echo "run.sh: no question sets at $qa (set VNSEARCH_BENCH_QA): qa_eval skipped"
fi

if [ ! -d "$corpus" ]; then
  echo "run.sh: no benchmark corpus at $corpus (set VNSEARCH_BENCH_CORPUS): the corpus" \
       "benchmarks were skipped; results kept in $out_dir/qa_eval.txt"
  exit 0
fi
corpus=$(cd "$corpus" && pwd)
db=$out_dir/db
# Holds the corpus path; its mtime is that of the vnsearch-index binary that built the index.
db_stamp=$out_dir/db.stamp
indexer=$build_dir/indexer/vnsearch-index

if [ ! -d "$db" ] || [ ! -f "$db_stamp" ] || [ "$indexer" -nt "$db_stamp" ] ||
   [ "$(cat "$db_stamp")" != "$corpus" ]; then
  echo "run.sh: indexing $corpus into $db"
  # vnsearch-index makes a new index a link to a generation folder beside it (db.gen-...).
  rm -rf "$db" "$db".gen-* "$db.partial" "$db.partial".gen-* "$db_stamp"
  echo "$corpus" > "$db_stamp.partial"
  touch -r "$indexer" "$db_stamp.partial"
  started=$(date +%s.%N)
  status=0
  "$indexer" --db "$db.partial" "$corpus" 2>&1 | tee "$out_dir/index.txt" || status=$?
  elapsed=$(awk -v from="$started" -v to="$(date +%s.%N)" 'BEGIN { printf "%.1f", to - from }')
  # vnsearch-index exits 1 when it skipped a bad file; only a run that reached its summary line
  # has committed an index worth keeping.
  if ! grep -Eq '^vnsearch-index: [0-9]+ articles.* failed.* in [0-9.]+ s' "$out_dir/index.txt"; then
    echo "run.sh: vnsearch-index failed (exit $status); see $out_dir/index.txt" >&2
    exit 1
  fi
  [ "$status" -eq 0 ] || echo "run.sh: vnsearch-index skipped some files (exit $status); see above"
  mv "$db.partial" "$db"
  mv "$db_stamp.partial" "$db_stamp"
  echo "run.sh: indexed in $elapsed s (wall clock)" | tee -a "$out_dir/index.txt"
else
  echo "run.sh: reusing $db (up to date with vnsearch-index and $corpus)"
fi

echo
if ! self_test=$("$bench_bin/query_forms_test" --gtest_brief=1 2>&1); then
  echo "$self_test"
  echo "run.sh: query_forms_test failed, so the evaluation's queries would be wrong:" \
       "fix tests/bench/query_forms.cc first" >&2
  exit 1
fi
echo "run.sh: query forms self-test passed"

echo
VNSEARCH_BENCH_CORPUS="$corpus" "$bench_bin/analysis_bench" \
  --benchmark_out="$out_dir/analysis_bench.json" --benchmark_out_format=json 2>&1 |
  tee "$out_dir/analysis_bench.txt"

echo
VNSEARCH_BENCH_DB="$db" "$bench_bin/facet_bench" 2>&1 | tee "$out_dir/facet_bench.txt"

echo
"$bench_bin/known_item_eval" --corpus "$corpus" --db "$db" \
  --queries "${VNSEARCH_BENCH_QUERIES:-300}" | tee "$out_dir/known_item_eval.txt"

echo
"$bench_bin/long_query_eval" --corpus "$corpus" --db "$db" --qa "$qa" |
  tee "$out_dir/long_query_eval.txt"

echo
"$bench_bin/role_facts_bench" --corpus "$corpus" | tee "$out_dir/role_facts.txt"

echo
# Persons and units on hand-tagged real news (../shared/ner/), beside a naive baseline.
ner_data=${VNSEARCH_NER_DATA:-$source_dir/../shared/ner/vlsp2018-dev.jsonl}
"$build_dir/tests/ner_eval" --data "$ner_data" --errors "$out_dir/ner_errors.txt" |
  tee "$out_dir/ner_eval.txt" || true

echo
queries=${VNSEARCH_BENCH_QUERY_FILE:-$(dirname "$corpus")/queries.txt}
if [ -f "$queries" ]; then
  bash "$source_dir/tests/bench/load_test.sh" "$build_dir" "$db" "$corpus" "$queries" |
    tee "$out_dir/load_test.txt"
  echo
  bash "$source_dir/tests/bench/shard_bench.sh" "$build_dir" "$db" "$corpus" "$queries" |
    tee "$out_dir/shard_bench.txt"
else
  echo "run.sh: no query file at $queries (set VNSEARCH_BENCH_QUERY_FILE): load tests skipped"
fi

echo
if [ "${VNSEARCH_BENCH_SOAK:-1}" != 0 ] && [ -f "$queries" ]; then
  bash "$source_dir/tests/bench/soak.sh" "$build_dir" "$db" "$corpus" "$queries" |
    tee "$out_dir/soak.txt"
else
  echo "run.sh: soak skipped (VNSEARCH_BENCH_SOAK=0, or no query file at $queries)"
fi

echo
if [ "${VNSEARCH_BENCH_INDEXING:-1}" != 0 ]; then
  VNSEARCH_BENCH_CORPUS="$corpus" bash "$source_dir/tests/bench/index_bench.sh" "$build_dir"
else
  echo "run.sh: VNSEARCH_BENCH_INDEXING=0, so the indexing benchmark (index_bench.sh) was skipped"
fi

echo
echo "run.sh: results kept in $out_dir/{qa_eval,index,analysis_bench,facet_bench,known_item_eval," \
     "long_query_eval,role_facts,ner_eval,load_test,shard_bench,soak,index_bench}.txt"
