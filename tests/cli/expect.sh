#!/bin/sh
# usage: expect.sh EXIT_CODE REGEX COMMAND [ARGS...]
# Runs COMMAND and passes when it exits with EXIT_CODE and its stdout+stderr match REGEX
# (grep -E). Used by the cli.* tests, which check exit codes and messages together.
expected=$1
pattern=$2
shift 2
output=$("$@" 2>&1)
actual=$?
echo "$output"
if [ "$actual" -ne "$expected" ]; then
  echo "FAIL: exit code $actual, expected $expected" >&2
  exit 1
fi
if ! printf '%s\n' "$output" | grep -Eq -- "$pattern"; then
  echo "FAIL: output does not match /$pattern/" >&2
  exit 1
fi
