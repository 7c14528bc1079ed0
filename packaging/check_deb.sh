#!/usr/bin/env bash
# check_deb: checks a built vnsearch .deb: the files it installs (and nothing else), their owner,
# its Depends (every shared library the binaries load), conffiles and maintainer scripts, and that
# no path of the build machine leaked into it. Usage: check_deb.sh DEB SOURCE_DIR BUILD_DIR
set -euo pipefail

deb=$(realpath "$1")
source_dir=$(realpath "$2")
build_dir=$(realpath "$3")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0
fail() {
  echo "check_deb: $deb: $*" >&2
  failures=$((failures + 1))
}

# Files: what the install rules promise, under /usr and /etc only, all root's.
dpkg-deb -c "$deb" > "$scratch/contents"
awk '{print $6}' "$scratch/contents" | sed 's|^\./|/|; s|/$||' | grep -v '^$' | sort > "$scratch/paths"
expected=(
  /usr/bin/vnsearch-index
  /usr/sbin/vnsearchd
  /usr/share/man/man1/vnsearch-index.1.gz
  /usr/share/man/man8/vnsearchd.8.gz
  /usr/share/vnsearch/openapi.json
  /usr/lib/systemd/system/vnsearchd.service
  /etc/default/vnsearchd
  /usr/share/doc/vnsearch/README.md
)
while IFS= read -r web_file; do expected+=("/usr/share/vnsearch/web/$web_file"); done \
  < <(cd "$source_dir/web" && find . -type f | sed 's|^\./||')
for path in "${expected[@]}"; do
  grep -qxF "$path" "$scratch/paths" || fail "does not install $path"
done
stray=$(grep -vE '^/(usr|etc)(/|$)' "$scratch/paths" || true)
[ -z "$stray" ] || fail "installs outside /usr and /etc: $(echo "$stray" | tr '\n' ' ')"
awk '$2 != "root/root" {print $6}' "$scratch/contents" > "$scratch/not_root"
[ ! -s "$scratch/not_root" ] || fail "files not owned by root: $(tr '\n' ' ' < "$scratch/not_root")"

# Control: the name, the architecture, Depends naming the package of every library loaded.
field() { dpkg-deb -f "$deb" "$1"; }
[ "$(field Package)" = vnsearch ] || fail "Package is '$(field Package)', not vnsearch"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] ||
  fail "Architecture is '$(field Architecture)', not $(dpkg --print-architecture)"
depends=$(field Depends)
echo "check_deb: Depends: $depends"
depends_packages=$(echo "$depends" | tr ',' '\n' | sed 's/^ *//; s/[ (:].*//' | sort -u)
echo "$depends_packages" | grep -q -- '-dev$' && fail "Depends names a -dev package: $depends"
grep -qxF adduser <<< "$depends_packages" || fail "Depends lacks adduser (postinst runs it)"
dpkg-deb -x "$deb" "$scratch/root"
# Every library a binary names itself (NEEDED; what those load in turn is their packages' concern)
# is in a package Depends names. dpkg may know a library under /lib or /usr/lib (merged /usr).
for binary in usr/bin/vnsearch-index usr/sbin/vnsearchd; do
  for soname in $(objdump -p "$scratch/root/$binary" | awk '$1 == "NEEDED" {print $2}'); do
    library=$(ldd "$scratch/root/$binary" | awk -v soname="$soname" '$1 == soname {print $3}')
    echo "/$binary $soname ${library#/usr}"
  done
done | sort -u -k2,2 > "$scratch/needed"
awk '{print $3; print "/usr" $3}' "$scratch/needed" | xargs dpkg -S 2>/dev/null |
  sed 's|^\([^:]*\):[^ ]* \(/usr\)\{0,1\}\(/.*\)$|\3 \1|' > "$scratch/owners" || true
while read -r binary soname library; do
  owner=$(awk -v library="$library" '$1 == library {print $2; exit}' "$scratch/owners")
  if [ -z "$owner" ]; then
    fail "$binary needs $soname ($library), which no Debian package installed here provides"
  elif ! grep -qxF "$owner" <<< "$depends_packages"; then
    fail "$binary needs $soname of $owner, which Depends does not name"
  fi
done < "$scratch/needed"

# Control files: the conffile, and maintainer scripts that parse.
[ "$(dpkg-deb -I "$deb" conffiles)" = /etc/default/vnsearchd ] ||
  fail "conffiles is not exactly /etc/default/vnsearchd"
for script in postinst prerm postrm; do
  dpkg-deb -I "$deb" "$script" > "$scratch/$script" || fail "has no $script"
  sh -n "$scratch/$script" || fail "its $script is not valid sh"
done

# The unit runs the packaged daemon with the packaged settings, and nothing names this machine's
# build or source folders.
unit="$scratch/root/usr/lib/systemd/system/vnsearchd.service"
# shellcheck disable=SC2016  # $VNSEARCHD_OPTIONS is the unit's, expanded by systemd
grep -qxF 'ExecStart=/usr/sbin/vnsearchd $VNSEARCHD_OPTIONS' "$unit" ||
  fail "vnsearchd.service does not run /usr/sbin/vnsearchd"
grep -qxF 'EnvironmentFile=-/etc/default/vnsearchd' "$unit" ||
  fail "vnsearchd.service does not read /etc/default/vnsearchd"
for folder in "$build_dir" "$source_dir"; do
  leaks=$(grep -rlF "$folder" "$scratch/root" || true)
  [ -z "$leaks" ] || fail "names $folder in: ${leaks//$scratch\/root/}"
done

if [ "$failures" -gt 0 ]; then
  echo "check_deb: $failures problem(s) in $deb" >&2
  exit 1
fi
echo "check_deb: $deb: $(wc -l < "$scratch/paths") paths, Depends and control files as expected"
