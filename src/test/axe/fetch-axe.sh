#!/usr/bin/env bash
# Fetches axe-core (the accessibility engine DashboardBrowserIT injects into each page) from npm into
# target/axe, once per clean build; it is not kept in the repository. Without npm the browser test
# skips itself with a message (.ci/run installs Node.js and npm).
set -euo pipefail
version="$1"
dir="$2"
if [ -f "$dir/node_modules/axe-core/axe.min.js" ] && grep -q "\"version\": \"$version\"" "$dir/node_modules/axe-core/package.json"; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "************************************************************************"
  echo "npm NOT FOUND: axe-core $version not fetched; the browser test (and its"
  echo "accessibility audit) is SKIPPED. Install Node.js and npm (Debian: apt-get"
  echo "install nodejs npm)."
  echo "************************************************************************"
  exit 0
fi
mkdir -p "$dir"
npm install --no-save --no-audit --no-fund --no-package-lock --prefix "$dir" "axe-core@$version"
