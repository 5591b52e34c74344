#!/usr/bin/env bash
# Serve the chat page (web/, including web/node_modules) on http://localhost:${1:-8080}/
# Open http://localhost:8080/?socketUrl=http://localhost:5005 (the default) while scripts/run.sh runs.
# Needs `scripts/install-web.sh` (npm ci in web/) once.
set -eu
cd "$(dirname "$0")/../web"
PORT="${1:-${PORT:-8080}}"
PYTHON="${PYTHON:-$(command -v python3 || command -v python)}"
exec "$PYTHON" -m http.server "$PORT" --bind "${BIND:-127.0.0.1}"
