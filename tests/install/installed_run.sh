#!/usr/bin/env bash
# installed_run: installs the build into a staging folder (DESTDIR, prefix /usr), as the package
# would, and runs what was installed end to end: the installed vnsearch-index indexes corpus/, the
# installed vnsearchd serves it and its installed page, from a folder with nothing of the source or
# build tree in reach; the man pages and the systemd unit are installed and sound.
# CTest calls it as: bash tests/install/installed_run.sh <build-dir> <source-dir>
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: bash tests/install/installed_run.sh <build-dir> <source-dir>" >&2
  exit 2
fi
build_dir=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
readonly start_timeout_seconds=20

scratch_dir=$(mktemp -d "${TMPDIR:-/tmp}/vnsearch-install.XXXXXX")
stage="$scratch_dir/stage"
daemon_pid=""
stop_daemon_and_clean_up() {
  if [[ -n "$daemon_pid" ]] && kill -0 "$daemon_pid" 2>/dev/null; then
    kill "$daemon_pid" 2>/dev/null || true
    wait "$daemon_pid" 2>/dev/null || true
  fi
  rm -rf "$scratch_dir"
}
trap stop_daemon_and_clean_up EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

failures=0
fail() {
  echo "installed_run: $*" >&2
  failures=$((failures + 1))
}
# Runs an installed program with a bare environment (no VNSEARCH_ variable, no build tree on PATH)
# from a folder of its own.
run_installed() {
  (cd "$scratch_dir/elsewhere" && exec env -i PATH=/usr/bin:/bin LANG=C.UTF-8 "$@")
}

if ! DESTDIR="$stage" cmake --install "$build_dir" --prefix /usr >"$scratch_dir/install.log" 2>&1
then
  cat "$scratch_dir/install.log" >&2
  echo "installed_run: cmake --install failed (its output is above): is the tree built?" >&2
  exit 1
fi

# What the install rules promise.
indexer="$stage/usr/bin/vnsearch-index"
daemon="$stage/usr/sbin/vnsearchd"
installed_page="$stage/usr/share/vnsearch/web/index.html"
for path in "$indexer" "$daemon" "$installed_page" "$stage/usr/share/vnsearch/web/app.js" \
  "$stage/usr/share/vnsearch/openapi.json" "$stage/usr/share/man/man1/vnsearch-index.1.gz" \
  "$stage/usr/share/man/man8/vnsearchd.8.gz" "$stage/usr/lib/systemd/system/vnsearchd.service" \
  "$stage/etc/default/vnsearchd"; do
  [[ -e "$path" ]] || fail "the install did not make ${path#"$stage"}"
done
if ((failures > 0)); then exit 1; fi

mkdir -p "$scratch_dir/elsewhere" "$scratch_dir/written"
for program in "$indexer" "$daemon"; do
  run_installed "$program" --help | grep -q -- '--version' ||
    fail "${program#"$stage"} --help does not list --version"
done

# Index with the installed indexer.
if ! run_installed "$indexer" --db "$scratch_dir/db" "$source_dir/corpus" \
  >"$scratch_dir/index.log" 2>&1; then
  cat "$scratch_dir/index.log" >&2
  fail "the installed vnsearch-index could not index $source_dir/corpus (its output is above)"
  exit 1
fi

# Serve with the installed daemon, no --web: it must find its page in the installed share folder.
# A mark added to the installed page (only there) proves that is the page served.
page_mark="<!-- installed copy $RANDOM$RANDOM -->"
echo "$page_mark" >>"$installed_page"
log="$scratch_dir/vnsearchd.log"
touch "$log"
# (As run_installed does, but so that $! is vnsearchd itself, for the SIGTERM below.)
(cd "$scratch_dir/elsewhere" && exec env -i PATH=/usr/bin:/bin LANG=C.UTF-8 "$daemon" \
  --db "$scratch_dir/db" --host 127.0.0.1 --port 0 --corpus "$scratch_dir/written" \
  --access-log off) >"$log" 2>&1 &
daemon_pid=$!
deadline=$((SECONDS + start_timeout_seconds))
url=""
while [[ -z "$url" ]]; do
  url=$(sed -n 's|^vnsearchd: serving .* on \(http://[^/]*\)/$|\1|p' "$log")
  if [[ -z "$url" ]] && ! kill -0 "$daemon_pid" 2>/dev/null; then
    cat "$log" >&2
    echo "installed_run: the installed vnsearchd exited before serving (its log is above)" >&2
    exit 1
  fi
  if ((SECONDS >= deadline)); then
    cat "$log" >&2
    echo "installed_run: the installed vnsearchd did not start in ${start_timeout_seconds}s" >&2
    exit 1
  fi
  [[ -n "$url" ]] || sleep 0.1
done

curl -sSf "$url/" >"$scratch_dir/page.html" || fail "GET / failed"
grep -qF "$page_mark" "$scratch_dir/page.html" ||
  fail "GET / is not the installed page (share/vnsearch/web/index.html of the staging folder)"
curl -sSf "$url/app.js" >/dev/null || fail "GET /app.js failed"
curl -sSfG "$url/api/search" --data-urlencode 'q=tran binh trong' >"$scratch_dir/search.json" ||
  fail "GET /api/search failed"
python3 - "$scratch_dir/search.json" <<'EOF' || fail "the search did not find Trần Bình Trọng"
import json, sys
answer = json.load(open(sys.argv[1], encoding="utf-8"))
hits = answer["hits"]
sys.exit(0 if answer["total"] >= 1 and any("Trần Bình Trọng" in h["persons"] for h in hits) else 1)
EOF

kill "$daemon_pid"
wait "$daemon_pid" || fail "the installed vnsearchd did not exit with status 0 on SIGTERM" \
  "(status $?; its log: $(cat "$log"))"
daemon_pid=""

# The man pages, as man would show them, and what a package adds around them.
for page in man1/vnsearch-index.1 man8/vnsearchd.8; do
  if ! zcat "$stage/usr/share/man/$page.gz" | groff -man -Tutf8 -ww -z 2>"$scratch_dir/groff.log" ||
    [[ -s "$scratch_dir/groff.log" ]]; then
    fail "groff finds fault with $page: $(cat "$scratch_dir/groff.log")"
  fi
done
unit="$stage/usr/lib/systemd/system/vnsearchd.service"
grep -qxF "ExecStart=/usr/sbin/vnsearchd \$VNSEARCHD_OPTIONS" "$unit" ||
  fail "vnsearchd.service does not run /usr/sbin/vnsearchd"
grep -qxF "EnvironmentFile=-/etc/default/vnsearchd" "$unit" ||
  fail "vnsearchd.service does not read /etc/default/vnsearchd"
# systemd's own checks: the unit verified (its Documentation= pages found among the installed
# ones), and its exposure at most 2.0 of 10 ("OK"). Its ExecStart points into the staging folder
# for the check, since /usr/sbin/vnsearchd is not installed on this machine.
if command -v systemd-analyze >/dev/null; then
  mkdir -p "$scratch_dir/unit"
  staged_unit="$scratch_dir/unit/vnsearchd.service"
  sed "s|^ExecStart=/usr/sbin/vnsearchd |ExecStart=$daemon |" "$unit" >"$staged_unit"
  if ! MANPATH="$stage/usr/share/man" systemd-analyze verify "$staged_unit" \
    >"$scratch_dir/verify.log" 2>&1 || [[ -s "$scratch_dir/verify.log" ]]; then
    fail "systemd-analyze verify finds fault with vnsearchd.service: $(cat "$scratch_dir/verify.log")"
  fi
  if ! systemd-analyze security --offline=yes --threshold=20 "$staged_unit" \
    >"$scratch_dir/security.log" 2>&1; then
    fail "vnsearchd.service is exposed more than 2.0: $(grep -F '✗' "$scratch_dir/security.log")"
  fi
else
  echo "installed_run: systemd-analyze is not installed: vnsearchd.service not verified"
fi

if ((failures > 0)); then
  echo "installed_run: $failures problem(s)" >&2
  exit 1
fi
echo "installed_run: installed into $stage, indexed, served $url, page and search as expected"
