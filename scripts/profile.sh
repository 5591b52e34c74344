# Sourced by run.sh and retention.sh: sets $endpoints from RASA_PROFILE (see run.sh) and exports
# the profile's defaults (deploy/NAME.env) for the variables not already set.
profile="${RASA_PROFILE:-default}"
endpoints=endpoints.yml
if [ "$profile" != default ]; then
  endpoints="deploy/endpoints.$profile.yml"
  [ -f "$endpoints" ] || { echo "RASA_PROFILE=$profile: there is no $endpoints" >&2; exit 1; }
  if [ -f "deploy/$profile.env" ]; then
    # KEY=VALUE defaults; a variable already set in the environment wins.
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in '' | \#*) continue ;; esac
      key="${line%%=*}"
      [ -n "${!key+x}" ] || export "$key=${line#*=}"
    done <"deploy/$profile.env"
  fi
  echo "Profile $profile: $endpoints"
fi
