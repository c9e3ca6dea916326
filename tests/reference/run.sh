#!/bin/sh
# usage: run.sh COMMAND LMLAB_REFERENCE_PROBE LMLAB_CLI
# One reference check (check.py COMMAND) in the pinned Python environment of
# scripts/python-env.sh, made on first use. Exit 77 (ctest: skipped) when PyPI cannot be
# reached, so the environment cannot be made.
here=$(cd "$(dirname "$0")" && pwd)
venv=$("$here/../../scripts/python-env.sh" --quiet)
status=$?
if [ "$status" -eq 3 ]; then
  echo "SKIPPED: PyPI cannot be reached, so transformers, tokenizers and safetensors (the references) cannot be installed"
  exit 77
fi
[ "$status" -eq 0 ] || exit 1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# lmlab-cli trains its tokenizers into a cache of this check's own; downloads (the pretrained
# model) stay in the user's cache, so they happen once.
export LMLAB_DOWNLOAD_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}"
export XDG_CACHE_HOME="$work/cache"
"$venv/bin/python" "$here/check.py" "$1" --probe "$2" --cli "$3" --work "$work"
