#!/usr/bin/env bash
# Start the action server, then `rasa run` (or `rasa shell` with the argument "shell").
# The action server stops when the bot stops.
set -eu
cd "$(dirname "$0")/.."
.venv/bin/rasa run actions --port 5055 &
actions_pid=$!
trap 'kill $actions_pid 2>/dev/null' EXIT
if [ "${1:-}" = shell ]; then
  .venv/bin/rasa shell --model models/refund-assistant.tar.gz
else
  .venv/bin/rasa run --model models/refund-assistant.tar.gz --port 5005 --cors "*"
fi
