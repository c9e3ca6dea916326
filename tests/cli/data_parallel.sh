#!/bin/sh
# usage: data_parallel.sh LMLAB_CLI EXPECT_SH
# Data-parallel pretraining and fine-tuning through the CLI on localhost: --nproc 2 follows
# the single-process run, and the launcher's and the ranks' failures are named.
set -eu
. "$(dirname "$0")/setup.sh"
pids=""
trap 'for p in $pids; do kill $p 2>/dev/null || true; done; rm -rf "$dir"' EXIT
port=$((20000 + $$ % 20000))
cat > "$dir/nodrop.json" <<JSON
{"arch": "gpt", "n_layers": 2, "n_heads": 2, "d_model": 64, "d_ff": 128, "max_seq_len": 32, "dropout": 0, "attention_dropout": 0}
JSON
train="--arch gpt --preset $dir/nodrop.json --corpus $dir/corpus.txt --steps 20 --batch 8 --seq 32 --vocab 400 --log-every 20"

"$cli" pretrain $train --out "$dir/one" --log "$dir/one.jsonl" > /dev/null 2>&1
"$expect" 0 "data-parallel over 2 processes" \
  "$cli" pretrain $train --out "$dir/two" --log "$dir/two.jsonl" --nproc 2 --master-port $port
# Same global batches, same start: the same losses (to float rounding), and one log, rank 0's.
test "$(grep -c '^{"step"' "$dir/two.jsonl")" -eq 20
grep -q '"allreduce_bytes":[1-9]' "$dir/two.jsonl"
losses() { grep '^{"step"' "$1" | sed -n 's/.*[{,]"loss":\([-0-9.e+]*\).*/\1/p'; }
losses "$dir/one.jsonl" > "$dir/one.loss"
losses "$dir/two.jsonl" > "$dir/two.loss"
test "$(wc -l < "$dir/one.loss")" -eq 20
paste -d' ' "$dir/one.loss" "$dir/two.loss" |
  awk '{ d = $1 - $2; if (d < 0) d = -d; if (d > 1e-4 * $1) { print "step " NR ": " $1 " vs " $2; bad = 1 } }
       END { exit bad }'
for f in config.json model.safetensors tokenizer.model; do test -s "$dir/two/$f"; done

ft="--task classify --train $here/../../datasets/agnews/train.csv --test $here/../../datasets/agnews/test.csv
  --from $dir/one --epochs 1 --max-steps 6 --batch 16 --seq 32 --eval-every 2 --patience 2 --gradual-unfreeze 2"
"$expect" 0 '"event":"final"' "$cli" finetune $ft --out "$dir/ft" --nproc 2 --master-port $((port + 1))
# Split with --stop-at and --resume, data-parallel too: the same weights as the unbroken run.
"$expect" 0 "stopped at step 3 of 6 as asked" \
  "$cli" finetune $ft --out "$dir/ft-split" --stop-at 3 --nproc 2 --master-port $((port + 4))
"$cli" finetune $ft --out "$dir/ft-split" --resume "$dir/ft-split" --nproc 2 --master-port $((port + 5)) > /dev/null 2>&1
cmp "$dir/ft/model.safetensors" "$dir/ft-split/model.safetensors"

# Failures: a port in use, a rank that never arrives, a malformed launcher variable.
WORLD_SIZE=2 RANK=0 MASTER_ADDR=127.0.0.1 MASTER_PORT=$((port + 2)) LMLAB_DIST_TIMEOUT_S=30 \
  "$cli" pretrain $train --out "$dir/held" > /dev/null 2>&1 &
pids="$!"
listening_on() {  # true once something on this machine listens on TCP port $1 (at most 60 s)
  listen=$(printf ':%04X [0-9A-F]*:0000 0A ' "$1")  # local port, no remote, state LISTEN
  for _ in $(seq 120); do
    grep -q "$listen" /proc/net/tcp /proc/net/tcp6 2>/dev/null && return 0
    sleep 0.5
  done
  echo "FAIL: nothing listens on port $1" >&2
  return 1
}
listening_on $((port + 2))  # a fixed sleep was not always enough under a parallel ctest
"$expect" 1 "port $((port + 2)) on 127.0.0.1 is already in use; choose another with --master-port" \
  "$cli" pretrain $train --out "$dir/x" --nproc 2 --master-port $((port + 2))
kill $pids 2>/dev/null || true
"$expect" 1 "\[rank 0\]: error: rank\(s\) 1 of 2 never arrived at 127.0.0.1:$((port + 3)) within 2 s" \
  env WORLD_SIZE=2 RANK=0 MASTER_ADDR=127.0.0.1 MASTER_PORT=$((port + 3)) \
  "$cli" pretrain $train --out "$dir/x" --dist-timeout 2
"$expect" 1 "environment variable RANK must be a whole number from 0 to 1, got '5'" \
  env WORLD_SIZE=2 RANK=5 MASTER_ADDR=127.0.0.1 MASTER_PORT=$port "$cli" pretrain $train --out "$dir/x"
test ! -e "$dir/x"

# The ranks die with their launcher, whichever way it goes (kill -9 cannot be forwarded), and
# SIGINT sent to it alone stops them at a step boundary with a checkpoint, as Ctrl-C does.
# A run that just ended leaves its port in TIME-WAIT: the next run may take it again.
long="--arch gpt --preset $dir/nodrop.json --corpus $dir/corpus.txt --steps 1000000 --batch 8 --seq 32 --vocab 400"
wait_for_ranks() {  # prints the launcher's children once both ranks run (at most 60 s)
  for _ in $(seq 120); do
    children=$(pgrep -P "$1" | tr '\n' ' ')
    [ "$(echo $children | wc -w)" -eq 2 ] && { echo "$children"; return 0; }
    sleep 0.5
  done
  echo "FAIL: the ranks of launcher $1 did not start" >&2
  return 1
}
gone_within() {  # true once none of the pids runs (at most $1 s)
  limit=$1; shift
  for _ in $(seq $((limit * 2))); do
    alive=0
    for p in "$@"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ $alive -eq 0 ] && return 0
    sleep 0.5
  done
  echo "FAIL: ranks $* outlived their launcher" >&2
  return 1
}
training_in() {  # true once the run's output shows a training step (at most 60 s)
  for _ in $(seq 120); do
    grep -q '"step"' "$1" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "FAIL: $1 shows no training step" >&2
  return 1
}
for signal in KILL TERM INT; do
  "$cli" pretrain $long --out "$dir/orphan-$signal" --nproc 2 --master-port $((port + 6)) > "$dir/orphan-$signal.log" 2>&1 &
  launcher=$!
  pids="$launcher"
  ranks=$(wait_for_ranks $launcher)
  pids="$launcher $ranks"
  training_in "$dir/orphan-$signal.log"  # a fixed sleep was not always enough under a parallel ctest
  kill -$signal $launcher
  gone_within 30 $ranks
  wait $launcher || true
done
test -s "$dir/orphan-INT/model.safetensors" ||  # stopped at a step boundary and saved
  { echo "FAIL: SIGINT left no checkpoint; the run said:" >&2; cat "$dir/orphan-INT.log" >&2; exit 1; }
test ! -e "$dir/orphan-KILL" || { echo "FAIL: a killed run left $dir/orphan-KILL" >&2; exit 1; }
echo "data parallel: ok"
