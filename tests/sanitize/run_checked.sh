#!/usr/bin/env bash
# run_checked: runs a command with every sanitizer writing its reports to files under
# <report-dir> (one per process: the test binary and every vnsearchd and vnsearch-index it
# starts), and fails when the command fails or any process made a report — a daemon's report
# would otherwise go unseen. Usage: bash run_checked.sh <report-dir> <command> [arguments...]
set -uo pipefail
report_dir=$1
shift
mkdir -p "$report_dir"
reports="$report_dir/$(date +%s)-$$"
export ASAN_OPTIONS="log_path=$reports.asan:detect_leaks=1:abort_on_error=0:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="log_path=$reports.ubsan:print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"
export TSAN_OPTIONS="log_path=$reports.tsan:second_deadlock_stack=1:suppressions=$(dirname "$0")/tsan.supp:${TSAN_OPTIONS:-}"
"$@"
status=$?
found=0
for report in "$reports".*; do
  [ -e "$report" ] || continue
  found=1
  echo "run_checked.sh: sanitizer report $report:"
  cat "$report"
done
if [ "$found" -ne 0 ]; then
  echo "run_checked.sh: sanitizer reports above (kept in $report_dir)" >&2
  exit 1
fi
exit "$status"
