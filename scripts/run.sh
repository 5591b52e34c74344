#!/usr/bin/env bash
# Start the action server, then `rasa run` with the web page on :8080, or `rasa shell` ("shell"),
# both through `python -m addons` (Rasa's command line with the project's patches and hooks).
# Everything started here stops when the bot stops.
#
# RASA_PROFILE picks the endpoints (tracker store, lock store, action server):
#   unset or "default"  endpoints.yml: SQLite tracker store in conversations.db
#   "scale"             deploy/endpoints.scale.yml: PostgreSQL tracker store and Redis lock store,
#                       settings from the environment, defaults in deploy/scale.env
#                       (scripts/start-services.sh sets up both on 127.0.0.1 with those defaults)
# Any other NAME uses deploy/endpoints.NAME.yml, with deploy/NAME.env as defaults if it exists.
# RASA_API_TOKEN set: Rasa's HTTP API is on, and needs that token (off otherwise).
set -eu
cd "$(dirname "$0")/.."

. scripts/profile.sh  # sets $endpoints

.venv/bin/python -m actions --port 5055 &
pids=$!
trap 'kill $pids 2>/dev/null' EXIT
trap 'exit 143' TERM INT  # `wait` below returns at once on a signal, so everything stops
if [ "${1:-}" = shell ]; then
  .venv/bin/python -m addons shell --model models/refund-assistant.tar.gz --endpoints "$endpoints"
else
  scripts/serve-web.sh 8080 &
  pids="$pids $!"
  echo "Chat page: http://localhost:8080/"
  api=()
  [ -z "${RASA_API_TOKEN:-}" ] || api=(--enable-api --auth-token "$RASA_API_TOKEN")
  .venv/bin/python -m addons run --model models/refund-assistant.tar.gz --port 5005 --cors "*" \
    --endpoints "$endpoints" --logging-config-file logging.yml "${api[@]}" &
  pids="$pids $!"
  wait $!
fi
