#!/usr/bin/env bash
# install-deps: installs what vnsearch needs to build, run and test, from Debian's archive and the
# npm registry only. Idempotent: installs nothing when everything is there. Needs root (or sudo);
# otherwise prints the command to run.
set -euo pipefail
cd "$(dirname "$0")/.."

debian_packages=(
  build-essential cmake pkg-config
  libxapian-dev xapian-tools libicu-dev libcpp-httplib-dev nlohmann-json3-dev
  libzstd-dev
  libgtest-dev libgmock-dev libbenchmark-dev libsqlite3-dev
  clang libclang-rt-14-dev clang-format
  chromium wrk python3 curl
  dpkg-dev file groff-base  # make package: CPack's Depends (dpkg-shlibdeps, file); man checks
)

missing=()
for package in "${debian_packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
# Node.js and npm: any installed build will do (Debian's, or one that bundles npm).
if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
  missing+=(nodejs npm)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    apt_get=(apt-get)
  elif command -v sudo > /dev/null && sudo -n true 2> /dev/null; then
    apt_get=(sudo apt-get)
  else
    echo "install-deps: missing Debian packages. Run as root:" >&2
    echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  "${apt_get[@]}" update -qq
  "${apt_get[@]}" install -y -qq --no-install-recommends "${missing[@]}"
fi

# Contract tests: the OpenAPI validator (@apidevtools/swagger-parser) and Ajv.
if [ ! -d tests/contract/node_modules/@apidevtools/swagger-parser ] ||
  [ ! -d tests/contract/node_modules/ajv-formats ]; then
  echo "install-deps: installing the contract-test packages (npm ci in tests/contract)"
  npm ci --prefix tests/contract --no-audit --no-fund --loglevel=error
fi

# Browser tests: playwright-core (the driver only; the browser is Debian's chromium).
if [ ! -d tests/browser/node_modules/playwright-core ]; then
  echo "install-deps: installing the browser-test packages (npm ci in tests/browser)"
  npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error
fi
