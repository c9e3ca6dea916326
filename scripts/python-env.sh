#!/usr/bin/env bash
# Makes (once) and names the Python environment of LM Lab's checks: PyTorch from PyPI (its CUDA
# wheel) and Hugging Face's transformers, tokenizers and safetensors, pinned in
# scripts/python/requirements.txt. It lives under the cache, in a folder named after the
# requirements' hash, so it is reused until the pins change.
#
#   scripts/python-env.sh          prints the environment's folder (making it if needed)
#   scripts/python-env.sh --quiet  the same, with pip's output only on failure
#
# Exit status 0: the folder printed holds a working environment. 3: PyPI cannot be reached
# (callers skip their checks, saying so). Anything else: a real failure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
requirements="$here/python/requirements.txt"
quiet=${1:-}

cache=${XDG_CACHE_HOME:-$HOME/.cache}/lmlab
hash=$(sha256sum "$requirements" | cut -c1-12)
venv="$cache/python-$hash"

if [ -f "$venv/.complete" ]; then
  echo "$venv"
  exit 0
fi

# Parallel tests may all ask at once: one installs, the others wait for it.
mkdir -p "$cache"
exec 9>"$cache/python-$hash.lock"
flock 9
if [ -f "$venv/.complete" ]; then
  echo "$venv"
  exit 0
fi

python=$(command -v python3 || true)
[ -n "$python" ] || { echo "python-env: python3 is not installed" >&2; exit 1; }

# A half-made environment (an interrupted install) is removed, never reused.
rm -rf "$venv" "$venv.partial"
if ! timeout 20 "$python" -c 'import urllib.request; urllib.request.urlopen("https://pypi.org/simple/pip/", timeout=15)' 2>/dev/null; then
  echo "python-env: PyPI (https://pypi.org) cannot be reached from this machine" >&2
  exit 3
fi

echo "python-env: installing the pinned checks' environment into $venv (once; about 3 GB)" >&2
"$python" -m venv "$venv.partial"
log="$cache/python-$hash.log"
if ! "$venv.partial/bin/python" -m pip install --no-input --progress-bar off -r "$requirements" >"$log" 2>&1; then
  echo "python-env: pip install failed; its log: $log" >&2
  [ "$quiet" = "--quiet" ] || tail -20 "$log" >&2
  rm -rf "$venv.partial"
  exit 1
fi
# venv writes absolute paths into its scripts; the python we call is the folder's own, so a
# rename after the install keeps it working.
mv "$venv.partial" "$venv"
touch "$venv/.complete"
echo "$venv"
