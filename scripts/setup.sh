#!/usr/bin/env bash
# One-time set-up on a fresh machine: Debian's Chromium (the e2e tests and the demo drive it) and the npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

# chromium-l10n carries the zh_CN UI language pack: without it Chromium (and so the extension's chrome.i18n) speaks
# only English. A CJK font lets the demo's screenshots show Chinese instead of boxes.
if ! [ -x /usr/bin/chromium ] || ! dpkg -s chromium-l10n fonts-wqy-microhei >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    echo "== installing Debian chromium and its language packs"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-l10n fonts-wqy-microhei >/dev/null
  else
    echo "setup: Chromium is missing; run: sudo apt-get install -y chromium chromium-l10n fonts-wqy-microhei" >&2
    exit 1
  fi
fi

echo "== npm ci"
npm ci --no-audit --no-fund
