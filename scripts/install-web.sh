#!/usr/bin/env bash
# Install what the web page and its browser test need: Debian's chromium (when /usr/bin/chromium is
# missing; needs root or sudo) and web/'s npm packages from the committed package-lock.json.
# Playwright's own browser download is never used (tests drive /usr/bin/chromium).
set -eu
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium
fi
command -v npm >/dev/null || { echo "npm is missing: install Node.js 18+ (Debian: apt-get install nodejs npm)" >&2; exit 1; }
cd web
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
