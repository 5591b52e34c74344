#!/usr/bin/env bash
# `make purge` / `make erase SENDER=...`: retention and erasure on the profile's tracker store
# (RASA_PROFILE as for scripts/run.sh). Arguments go to `python -m addons.stores.retention`.
set -eu
cd "$(dirname "$0")/.."
. scripts/profile.sh  # sets $endpoints
exec .venv/bin/python -m addons.stores.retention --endpoints "$endpoints" "$@"
