#!/bin/sh
# usage: bench/data_parallel.sh [LMLAB_CLI] [PRESET] [STEPS]
# Data-parallel scaling on this machine: the same pretraining run (global batch 16 x 64
# tokens) with 1 and 2 local processes, alternated three times; prints the median step time,
# tokens/s and the gradient bytes each rank sends per step. Results: bench/RESULTS.md.
set -eu
cli=${1:-build/bin/lmlab-cli}
preset=${2:-tiny}
steps=${3:-60}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export XDG_CACHE_HOME="$dir/cache"
sh "$(dirname "$0")/../tests/cli/animals_corpus.sh" > "$dir/corpus.txt"
run() {  # $1: processes, $2: log
  if [ "$1" -eq 1 ]; then nproc=""; else nproc="--nproc $1 --master-port $((20000 + $$ % 20000))"; fi
  "$cli" pretrain --arch bert --preset "$preset" --corpus "$dir/corpus.txt" --steps "$steps" --batch 16 --seq 64 \
    --vocab 400 --log-every 1000 --out "$dir/out" --log "$2" $nproc > /dev/null 2>&1
}
median() {  # field name, log files...
  field=$1; shift
  cat "$@" | sed -n "s/.*\"$field\":\([0-9.e+-]*\).*/\1/p" | tail -n +1 | sort -g |
    awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
for round in 1 2 3; do
  run 1 "$dir/one-$round.jsonl"
  run 2 "$dir/two-$round.jsonl"
done
# The first 5 steps of each run warm up; leave them out.
for f in "$dir"/*.jsonl; do tail -n +6 "$f" > "$f.steady"; done
one_ms=$(median ms "$dir"/one-*.jsonl.steady)
two_ms=$(median ms "$dir"/two-*.jsonl.steady)
one_tps=$(median tokens_per_s "$dir"/one-*.jsonl.steady)
two_tps=$(median tokens_per_s "$dir"/two-*.jsonl.steady)
bytes=$(median allreduce_bytes "$dir"/two-*.jsonl.steady)
echo "preset $preset, global batch 16 x 64, $(nproc) cores"
echo "1 process:   median step $one_ms ms, $one_tps tokens/s"
echo "2 processes: median step $two_ms ms, $two_tps tokens/s, all-reduce $bytes bytes per rank per step"
awk -v a="$one_ms" -v b="$two_ms" 'BEGIN { printf "step time ratio (2 / 1 processes): %.2f\n", b / a }'
