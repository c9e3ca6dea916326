#!/bin/sh
# usage: fuzz/run.sh WORK_DIR SECONDS_PER_READER
# Builds one libFuzzer binary per dataset reader with clang (ASan + UBSan) and fuzzes each for
# the given time, seeded with the shipped datasets. Exits non-zero on any crash or report.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
work=$1
seconds=$2
mkdir -p "$work/obj" "$work/corpus"
flags="-std=c++17 -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -I$root/core/include"
sources="core/src/data/readers/agnews_csv.cpp core/src/data/readers/labeled_dataset.cpp core/src/data/readers/mnli.cpp
         core/src/data/readers/jsonl.cpp core/src/data/readers/label_map.cpp
         core/src/data/readers/text_lines.cpp core/src/data/readers/tsv.cpp core/src/data/text_corpus.cpp
         core/src/io/atomic_file.cpp"
objects=""
for s in $sources; do
  o="$work/obj/$(basename "$s" .cpp).o"
  [ "$o" -nt "$root/$s" ] || clang++ $flags -c "$root/$s" -o "$o" &
  objects="$objects $o"
done
wait
seed() {  # a small seed corpus per reader: the first lines of a shipped file
  mkdir -p "$work/corpus/$1"
  head -c 4000 "$root/datasets/$2" > "$work/corpus/$1/seed"
}
seed agnews agnews/test.csv
seed mnli_tsv mnli/dev_matched.tsv
seed mnli_jsonl mnli/dev_matched.jsonl
seed corpus pretrain/world.txt
mkdir -p "$work/corpus/tsv"
printf 'good film\tpos\nbad film\tneg\n' > "$work/corpus/tsv/seed"
mkdir -p "$work/corpus/jsonl"
printf '{"text": "Wall St. Bears Claw Back", "label": 2}\n{"premise": "a", "hypothesis": "b", "label": -1}\n' > "$work/corpus/jsonl/seed"
for reader in agnews mnli_tsv mnli_jsonl jsonl tsv corpus; do
  clang++ $flags -fsanitize=fuzzer -DLMLAB_FUZZ_READER=$reader "$root/fuzz/reader_fuzzer.cpp" $objects -o "$work/fuzz_$reader"
  echo "fuzz: $reader for ${seconds}s"
  if ! "$work/fuzz_$reader" -max_total_time="$seconds" -max_len=4096 -timeout=10 -print_final_stats=1 \
      -artifact_prefix="$work/crash-$reader-" "$work/corpus/$reader" > "$work/$reader.log" 2>&1; then
    tail -40 "$work/$reader.log"
    echo "FAIL: the $reader reader crashed; the input is in $work/crash-$reader-*" >&2
    exit 1
  fi
  grep "stat::number_of_executed_units" "$work/$reader.log" || true
done
echo "PASS"
