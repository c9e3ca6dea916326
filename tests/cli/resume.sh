#!/bin/sh
# usage: resume.sh LMLAB_CLI EXPECT_SH
# A pretraining run split with --stop-at and --resume ends exactly where the unbroken run does
# (dropout on); checkpoints that cannot be resumed say why.
set -eu
. "$(dirname "$0")/setup.sh"
train="--arch bert --corpus $dir/corpus.txt --steps 20 --batch 8 --seq 32 --vocab 400 --log-every 20"

"$cli" pretrain $train --out "$dir/straight" --log "$dir/straight.jsonl" > /dev/null 2>&1
"$expect" 0 "stopped at step 8 of 20 as asked; continue with --resume" \
  "$cli" pretrain $train --out "$dir/split" --stop-at 8
test -s "$dir/split/resume_state.safetensors"
"$expect" 0 "resuming .*split at step 8" \
  "$cli" pretrain $train --out "$dir/split" --resume "$dir/split" --log "$dir/split.jsonl"
# The resumed log: its start line says from which step, then steps 9..20, then the end.
head -n 1 "$dir/split.jsonl" | grep -q '"event":"start".*"first_step":8'
test "$(grep -c '^{"step"' "$dir/split.jsonl")" -eq 12
tail -n 1 "$dir/split.jsonl" | grep -q '"event":"final","steps":20,.*"status":"done"'
last_step() { grep '^{"step"' "$1" | tail -n 1 | sed 's/,"tokens_per_s.*//'; }
test "$(last_step "$dir/straight.jsonl")" = "$(last_step "$dir/split.jsonl")"

# Not resumable: another corpus's tokenizer, a checkpoint without resume state, steps beyond.
printf 'a different corpus .\nwith other words .\n\nand a second document .\nof two lines .\n' > "$dir/other.txt"
"$expect" 1 "its tokenizer is not this run's" \
  "$cli" pretrain --arch bert --corpus "$dir/other.txt" --steps 20 --batch 2 --seq 16 --vocab 300 --out "$dir/x" --resume "$dir/split"
"$cli" export --from "$dir/straight" --out "$dir/hf" > /dev/null
"$cli" import --from "$dir/hf" --out "$dir/imported" > /dev/null
"$expect" 1 "holds no resume_state.safetensors .* cannot be resumed|has no 'resume' record" \
  "$cli" pretrain $train --out "$dir/x" --resume "$dir/imported"
"$expect" 1 "straight was trained with option '--steps' 20; this run asks for 10" \
  "$cli" pretrain --arch bert --corpus "$dir/corpus.txt" --steps 10 --batch 8 --seq 32 --vocab 400 --out "$dir/x" --resume "$dir/straight"
test ! -e "$dir/x"
echo "resume: ok"
