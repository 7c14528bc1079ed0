#!/usr/bin/env bash
# check-format: whether every C++ source of the tree is as clang-format (.clang-format) writes it.
# Run by `make test` (ctest: format_check). Prints each file that differs, and the command that
# fixes them all. Usage: bash tools/check-format.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v clang-format > /dev/null; then
  echo "check-format.sh: clang-format not found: run make deps" >&2
  exit 1
fi
if git rev-parse --is-inside-work-tree > /dev/null 2>&1; then
  mapfile -t sources < <(git ls-files '*.cc' '*.h')
else
  mapfile -t sources < <(find indexer searchd tests -name node_modules -prune -o \
    \( -name '*.cc' -o -name '*.h' \) -print | sort)
fi
unformatted=()
for source in "${sources[@]}"; do
  if ! clang-format --dry-run --Werror "$source" > /dev/null 2>&1; then unformatted+=("$source"); fi
done
if [ ${#unformatted[@]} -gt 0 ]; then
  printf 'check-format.sh: not as clang-format writes it: %s\n' "${unformatted[@]}" >&2
  echo "check-format.sh: fix with: clang-format -i ${unformatted[*]}" >&2
  exit 1
fi
echo "check-format.sh: ${#sources[@]} sources formatted"
