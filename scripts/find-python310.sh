#!/usr/bin/env bash
# Print the path of a working Python 3.10 (Rasa 3.6 runs on 3.8-3.10 only), or explain what to install.
set -u
is_310() { "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' 2>/dev/null; }

candidates=()
[ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
command -v python3.10 >/dev/null 2>&1 && candidates+=("$(command -v python3.10)")
pyenv_root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
candidates+=($(ls -d "$pyenv_root"/versions/3.10.*/bin/python 2>/dev/null | sort -V -r))

for python in "${candidates[@]}"; do
  if is_310 "$python"; then echo "$python"; exit 0; fi
done
cat >&2 <<'MSG'
Python 3.10 is required: Rasa 3.6 does not run on Python 3.11 or newer.
Install it, then run `make install` again:
  Debian/Ubuntu:  sudo apt install python3.10 python3.10-venv   (deadsnakes PPA on Ubuntu)
  pyenv:          pyenv install 3.10
  macOS:          brew install python@3.10
Or point to one: make install PYTHON=/path/to/python3.10
MSG
exit 1
