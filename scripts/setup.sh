#!/usr/bin/env bash
# One-time set-up on a fresh machine: Debian's Chromium (the e2e tests and the demo drive it) and the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! [ -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "== installing Debian chromium"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "setup: /usr/bin/chromium is missing; run: sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi

echo "== npm ci"
npm ci --no-audit --no-fund
