#!/bin/sh
# usage: check_generator.sh LMLAB_DATAGEN DATASETS_DIR
# Runs the generator twice and compares both outputs byte for byte with the shipped files.
set -eu
gen=$1
shipped=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$gen" "$dir/a"
"$gen" "$dir/b"
diff -r "$dir/a" "$dir/b"
for set in pretrain agnews mnli; do
  diff -r "$dir/a/$set" "$shipped/$set" || {
    echo "FAIL: datasets/$set differs from the generator's output; run build/bin/lmlab-datagen datasets" >&2
    exit 1
  }
done
echo "PASS"
