#!/bin/sh
# usage: finetune_resume.sh LMLAB_CLI EXPECT_SH DATASETS_DIR
# Fine-tuning and distillation split with --stop-at and --resume end byte-identical to the
# unbroken runs: dropout, batch order, AdamW, gradual unfreezing and early stopping's kept
# weights all continue where they stopped. A changed setting is named.
set -eu
. "$(dirname "$0")/setup.sh"  # $cli, $expect, a temporary $dir with its own cache
data=$3
head -n 3000 "$data/pretrain/world.txt" > "$dir/corpus.txt"
"$cli" pretrain --arch bert --corpus "$dir/corpus.txt" --steps 10 --batch 16 --seq 48 --vocab 800 \
  --out "$dir/bert" > /dev/null 2>&1
head -n 600 "$data/agnews/train.csv" > "$dir/train.csv"
head -n 100 "$data/agnews/test.csv" > "$dir/test.csv"
run="--train $dir/train.csv --test $dir/test.csv --batch 16 --seq 48 --epochs 2 --eval-every 5 --patience 2 --log-every 100"

# Fine-tuning with gradual unfreezing (the freeze state changes across the split).
"$cli" finetune --from "$dir/bert" $run --gradual-unfreeze 6 --out "$dir/straight" > "$dir/straight.out" 2>&1
"$expect" 0 "stopped at step 13 of [0-9]+ as asked; continue with --resume" \
  "$cli" finetune --from "$dir/bert" $run --gradual-unfreeze 6 --out "$dir/split" --stop-at 13
grep -q '"best_weights": [1-9]' "$dir/split/training_state.json"
"$expect" 0 "resuming .*split at step 13" \
  "$cli" finetune --from "$dir/bert" $run --gradual-unfreeze 6 --out "$dir/split" --resume "$dir/split"
cmp "$dir/straight/model.safetensors" "$dir/split/model.safetensors"
test "$(grep '"event":"final"' "$dir/straight.out")" != ""

# Distillation into one layer, split twice.
"$cli" distill --teacher "$dir/straight" --student-layers 1 $run --out "$dir/d-straight" > /dev/null 2>&1
"$cli" distill --teacher "$dir/straight" --student-layers 1 $run --out "$dir/d-split" --stop-at 4 > /dev/null 2>&1
"$cli" distill --teacher "$dir/straight" --student-layers 1 $run --out "$dir/d-split" --stop-at 9 \
  --resume "$dir/d-split" > /dev/null 2>&1
"$cli" distill --teacher "$dir/straight" --student-layers 1 $run --out "$dir/d-split" --resume "$dir/d-split" > /dev/null 2>&1
cmp "$dir/d-straight/model.safetensors" "$dir/d-split/model.safetensors"

# Not the same run: the setting that differs is named; a finished checkpoint has no resume record.
"$cli" finetune --from "$dir/bert" $run --out "$dir/half" --stop-at 5 > /dev/null 2>&1
"$expect" 1 "was trained with option '--lr' 0(\.0)?; this run asks for 0.0001" \
  "$cli" finetune --from "$dir/bert" $run --lr 1e-4 --out "$dir/x" --resume "$dir/half"
"$expect" 1 "has no 'resume' record" \
  "$cli" finetune --from "$dir/bert" $run --out "$dir/x" --resume "$dir/straight"
test ! -e "$dir/x"
echo "finetune resume: ok"
