#!/usr/bin/env bash
# index_bench.sh: how fast vnsearch-index builds and updates an index of the benchmark corpus, and
# how big the index is, next to the floor (a bare Xapian index of the same articles,
# xapian_baseline_index) and the off-the-shelf alternative (SQLite FTS5, fts5_build). One run:
#   (a) vnsearch-index, full build of the corpus into a fresh index;
#   (b) the incremental case: a copy of the corpus is indexed (a second full-build sample), 1% of
#       its files get a sentence appended (a fixed, evenly spread pick), and vnsearch-index runs
#       again over the copy into that index;
#   (c) xapian_baseline_index; (d) fts5_build.
# Every step runs alone, with the corpus already in the page cache, timed by wall clock around the
# process. Prints a table, keeps it in <build-dir>/bench/index_bench.txt, and removes its temporary
# folders. vnsearch-index runs with its default options.
#
# Usage: bash tests/bench/index_bench.sh <build-dir>
# Env:   VNSEARCH_BENCH_CORPUS   folder of .txt articles (default ../shared/bench/vnnews-20k beside
#                                the checkout); TMPDIR where the indexes and the copy go (/tmp);
#                                JOBS build parallelism (default 2).
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: bash tests/bench/index_bench.sh <build-dir>   (a CMake build directory)" >&2
  exit 2
fi
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=$1
corpus=${VNSEARCH_BENCH_CORPUS:-$source_dir/../shared/bench/vnnews-20k}

if [ ! -d "$corpus" ]; then
  echo "index_bench.sh: no benchmark corpus at $corpus, so the indexing benchmark was not run" \
       "(put one there or set VNSEARCH_BENCH_CORPUS)."
  exit 0
fi
corpus=$(cd "$corpus" && pwd)
if [ ! -f "$build_dir/CMakeCache.txt" ]; then
  echo "index_bench.sh: $build_dir is not a CMake build directory: run" \
       "cmake -S $source_dir -B $build_dir first" >&2
  exit 2
fi
build_dir=$(cd "$build_dir" && pwd)
cmake --build "$build_dir" -j"${JOBS:-2}" --target vnsearch-index xapian_baseline_index fts5_build

indexer=$build_dir/indexer/vnsearch-index
bench_bin=$build_dir/tests/bench
out_dir=$build_dir/bench
mkdir -p "$out_dir"

# The sentence appended to the changed files, and how many files change: 1% of the corpus.
readonly kAppendedSentence="Bài viết đã được cập nhật thêm thông tin mới."
readonly kChangedPercent=1
# vnsearch-index's last line, "vnsearch-index: 20000 articles: ... 0 failed; 64.5 MB in 120.1 s ..."
# (older builds: "20000 articles indexed, 0 failed, 64.5 MB in ..."), not its progress lines.
readonly kIndexerSummary='^vnsearch-index: [0-9]+ articles.* failed.* in [0-9.]+ s'

# Runs "$@" with its output in $work/$1.log, timed by wall clock; sets `seconds`, `cpu_seconds`
# (user + system, all threads; "-" without GNU time) and `status`. The step's name is the first
# argument; the command follows. CPU time is the figure to trust when the machine is shared: other
# work lengthens the wall clock but not the CPU time (much).
run_timed() {
  local step=$1
  shift
  sync  # the previous step's write-back must not land in this one's time
  local timer=()
  [ ! -x /usr/bin/time ] || timer=(/usr/bin/time -f '%U %S' -o "$work/$step.cpu")
  local started
  started=$(date +%s.%N)
  status=0
  "${timer[@]}" "$@" > "$work/$step.log" 2>&1 || status=$?
  seconds=$(awk -v from="$started" -v to="$(date +%s.%N)" 'BEGIN { printf "%.2f", to - from }')
  cpu_seconds=-
  if [ -s "$work/$step.cpu" ]; then
    cpu_seconds=$(awk 'END { printf "%.2f", $1 + $2 }' "$work/$step.cpu")
  fi
}

# Fails the benchmark, showing the step's log, when the step printed no summary line: the program
# did not finish (exit status 1 with a summary only means some files were skipped).
require_summary() {
  local step=$1 pattern=$2
  if ! grep -Eq "$pattern" "$work/$step.log"; then
    echo "index_bench.sh: $step failed (exit $status); the end of its output:" >&2
    tail -n 20 "$work/$step.log" >&2
    exit 1
  fi
  grep -E "$pattern" "$work/$step.log" | tail -n 1 >> "$work/summaries"
}

# Follows a symbolic link given as the path (vnsearch-index --rebuild makes the index one).
disk_usage_bytes() { du -s -D --block-size=1 "$1" | cut -f1; }

# The 1-minute load average when a step starts: other work on the machine shows up here.
load_now() { cut -d' ' -f1 /proc/loadavg; }

# One table row: label, index bytes, load; the times are those of the last run_timed.
add_row() {
  printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$seconds" "$2" "$3" "$cpu_seconds" >> "$work/rows"
}

main() {
  work=$(mktemp -d "${TMPDIR:-/tmp}/vnsearch-index-bench.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  trap 'exit 130' INT TERM
  : > "$work/rows"
  : > "$work/summaries"

  local articles text_bytes
  articles=$(find "$corpus" -type f -name '*.txt' | wc -l)
  text_bytes=$(find "$corpus" -type f -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
  local revision
  revision=$(git -C "$source_dir" rev-parse --short HEAD 2> /dev/null || echo unknown)
  if [ -n "$(git -C "$source_dir" status --porcelain -- indexer 2> /dev/null)" ]; then
    revision="$revision, with uncommitted changes in indexer/"
  fi

  echo "index_bench.sh: $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "  machine:  $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')," \
       "$(awk '/MemTotal/ { printf "%.1f GB RAM", $2 / 1e6 }' /proc/meminfo), $(uname -sr)"
  echo "  software: Xapian $(xapian-config --version 2> /dev/null | awk '{ print $NF }')," \
       "SQLite $(sqlite3 --version 2> /dev/null | cut -d' ' -f1), vnsearch $revision"
  echo "  vnsearch-index options available: $("$indexer" --help | grep -Eo -- '--[a-z-]+' | sort -u | tr '\n' ' ')(defaults used)"
  [ -z "${XAPIAN_FLUSH_THRESHOLD:-}" ] || echo "  XAPIAN_FLUSH_THRESHOLD=$XAPIAN_FLUSH_THRESHOLD"
  echo "  corpus:   $corpus: $articles articles, $(awk -v b="$text_bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB of text"
  echo "  indexes under $work (removed at the end); MB = 10^6 bytes; index size as du counts it"
  echo

  # Every step reads the corpus from the page cache, the first as much as the last.
  find "$corpus" -type f -name '*.txt' -exec cat {} + > /dev/null

  echo "(a) vnsearch-index, full build ..."
  local load
  load=$(load_now)
  run_timed vnsearch_full "$indexer" --db "$work/vnsearch-full" "$corpus"
  require_summary vnsearch_full "$kIndexerSummary"
  local full_bytes
  full_bytes=$(disk_usage_bytes "$work/vnsearch-full")
  add_row "vnsearch-index, full build" "$full_bytes" "$load"
  # The same build as a --rebuild: parallel shards merged by compaction (what a full build of a
  # live index is), over the index just made.
  echo "(a') vnsearch-index --rebuild ..."
  load=$(load_now)
  run_timed vnsearch_rebuild "$indexer" --db "$work/vnsearch-full" --rebuild "$corpus"
  require_summary vnsearch_rebuild "$kIndexerSummary"
  add_row "vnsearch-index --rebuild (parallel shards, compacted)" \
          "$(disk_usage_bytes "$work/vnsearch-full")" "$load"
  # New vnsearch indexes are a link to a generation folder beside it: both go.
  rm -rf "$work/vnsearch-full" "$work"/vnsearch-full.gen-*

  echo "(b) vnsearch-index, incremental: full build of a copy, then $kChangedPercent% of the files changed ..."
  local copy=$work/corpus
  cp -r "$corpus" "$copy"
  find "$copy" -type f -name '*.txt' -exec cat {} + > /dev/null
  load=$(load_now)
  run_timed vnsearch_copy "$indexer" --db "$work/vnsearch-incremental" "$copy"
  require_summary vnsearch_copy "$kIndexerSummary"
  add_row "vnsearch-index, full build (2nd sample, of the copy)" \
          "$(disk_usage_bytes "$work/vnsearch-incremental")" "$load"
  # Evenly spread over the sorted file list, so the pick is the same on every run.
  local changed=$((articles * kChangedPercent / 100))
  [ "$changed" -ge 1 ] || changed=1
  local stride=$((articles / changed))
  find "$copy" -type f -name '*.txt' | LC_ALL=C sort |
    awk -v stride="$stride" -v limit="$changed" '(NR - 1) % stride == 0 && n++ < limit' > "$work/changed"
  while IFS= read -r file; do
    printf '\n%s\n' "$kAppendedSentence" >> "$file"
  done < "$work/changed"
  load=$(load_now)
  run_timed vnsearch_incremental "$indexer" --db "$work/vnsearch-incremental" "$copy"
  require_summary vnsearch_incremental "$kIndexerSummary"
  add_row "vnsearch-index, incremental ($(wc -l < "$work/changed") files changed)" \
          "$(disk_usage_bytes "$work/vnsearch-incremental")" "$load"
  local documents_after=""
  if command -v xapian-delve > /dev/null; then
    documents_after=$(xapian-delve "$work/vnsearch-incremental" | awk -F' = ' '/number of documents/ { print $2 }')
  fi
  rm -rf "$work/vnsearch-incremental" "$work"/vnsearch-incremental.gen-* "$copy"

  echo "(c) xapian_baseline_index ..."
  load=$(load_now)
  run_timed xapian_baseline "$bench_bin/xapian_baseline_index" --db "$work/xapian-baseline" \
            --corpus "$corpus"
  require_summary xapian_baseline '^xapian_baseline_index: [0-9]+ articles'
  local baseline_bytes
  baseline_bytes=$(disk_usage_bytes "$work/xapian-baseline")
  add_row "xapian_baseline_index (bare Xapian)" "$baseline_bytes" "$load"
  rm -rf "$work/xapian-baseline"

  echo "(d) fts5_build ..."
  load=$(load_now)
  run_timed fts5 "$bench_bin/fts5_build" --db "$work/fts5.db" --corpus "$corpus"
  require_summary fts5 '^fts5_build: [0-9]+ articles'
  add_row "fts5_build (SQLite FTS5)" "$(stat -c %s "$work/fts5.db")" "$load"
  rm -f "$work/fts5.db"

  echo
  echo "Every row over the same $articles articles ($(awk -v b="$text_bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB):"
  awk -F'\t' -v articles="$articles" -v text_bytes="$text_bytes" '
    BEGIN {
      printf "  %-53s %8s %8s %10s %7s %9s %8s %6s\n", "", "wall s", "CPU s", "articles/s",
             "MB/s", "index MB", "idx/text", "load"
    }
    {
      seconds = $2 > 0 ? $2 : 0.01
      printf "  %-53s %8.2f %8s %10.0f %7.2f %9.1f %8.2f %6s\n", $1, $2, $5, articles / seconds,
             text_bytes / 1e6 / seconds, $3 / 1e6, $3 / text_bytes, $4
    }' "$work/rows"
  echo "  articles/s and MB/s by wall clock (the incremental row counts every article it checked);"
  echo "  CPU s: user + system time of all the process's threads; load: the 1-minute load average"
  echo "  as the step started, on $(nproc) CPUs (above $(nproc), other work competed for the CPUs)"
  echo
  # Rows, in order: 1 vnsearch full, 2 vnsearch --rebuild, 3 vnsearch full of the copy,
  # 4 incremental, 5 bare Xapian, 6 FTS5.
  awk -F'\t' '
    function ratio(a, b) { return (a == "-" || b == "-" || b <= 0) ? "n/a" : sprintf("%.2f", a / b) }
    { wall[NR] = $2; bytes[NR] = $3; cpu[NR] = $5 }
    END {
      printf "  vnsearch full build ÷ bare Xapian:      %s x the wall time, %s x the CPU time, %s x the index size\n",
             ratio(wall[1], wall[5]), ratio(cpu[1], cpu[5]), ratio(bytes[1], bytes[5])
      printf "  vnsearch --rebuild ÷ bare Xapian:       %s x the wall time, %s x the CPU time, %s x the index size\n",
             ratio(wall[2], wall[5]), ratio(cpu[2], cpu[5]), ratio(bytes[2], bytes[5])
      printf "  vnsearch full build ÷ SQLite FTS5:      %s x the wall time, %s x the CPU time, %s x the index size\n",
             ratio(wall[1], wall[6]), ratio(cpu[1], cpu[6]), ratio(bytes[1], bytes[6])
      printf "  vnsearch incremental ÷ its full build:  %s of the wall time, %s of the CPU time (the copy%ss build, same index)\n",
             ratio(wall[4], wall[3]), ratio(cpu[4], cpu[3]), "\047"
      printf "  the two vnsearch full builds:           %s (wall), %s (CPU), first ÷ second\n",
             ratio(wall[1], wall[3]), ratio(cpu[1], cpu[3])
    }' "$work/rows"
  if [ -n "$documents_after" ]; then
    echo "  documents in the index after the incremental run: $documents_after (expected $articles)"
  fi
  echo
  echo "As each program reported it (its own clock):"
  sed 's/^/  /' "$work/summaries"
}

main 2>&1 | tee "$out_dir/index_bench.txt"
