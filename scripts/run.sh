#!/usr/bin/env bash
# Start the action server, then `rasa run` with the web page on :8080, or `rasa shell` ("shell").
# Everything started here stops when the bot stops.
set -eu
cd "$(dirname "$0")/.."
.venv/bin/rasa run actions --port 5055 &
pids=$!
trap 'kill $pids 2>/dev/null' EXIT
if [ "${1:-}" = shell ]; then
  .venv/bin/rasa shell --model models/refund-assistant.tar.gz
else
  scripts/serve-web.sh 8080 &
  pids="$pids $!"
  echo "Chat page: http://localhost:8080/"
  .venv/bin/rasa run --model models/refund-assistant.tar.gz --port 5005 --cors "*"
fi
