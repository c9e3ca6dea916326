#!/bin/sh
# usage: transfer_beats_scratch.sh LMLAB_CLI DATASETS_DIR
# The transfer-learning lesson as a test: a tiny BERT pretrained on the shipped corpus, then
# fine-tuned on 300 labelled news items, beats the same model fine-tuned from fresh weights.
set -eu
cli=$1
data=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export XDG_CACHE_HOME="$dir/cache"
"$cli" pretrain --arch bert --corpus "$data/pretrain/world.txt" --steps 600 --batch 32 --seq 64 --vocab 2000 \
  --lr 1e-3 --threads 2 --out "$dir/bert" > /dev/null 2>&1
head -n 300 "$data/agnews/train.csv" > "$dir/small.csv"
accuracy() {
  "$cli" finetune --task classify --train "$dir/small.csv" --test "$data/agnews/test.csv" --from "$dir/bert" "$@" \
    --epochs 10 --batch 16 --seq 64 --lr 1e-3 --threads 2 --out "$dir/ft" 2>/dev/null |
    tail -1 | sed 's/.*"test_accuracy":\([0-9.]*\).*/\1/'
}
pretrained=$(accuracy)
scratch=$(accuracy --from-scratch)
echo "test accuracy on 300 labelled items: pretrained $pretrained, from scratch $scratch"
awk -v p="$pretrained" -v s="$scratch" 'BEGIN { exit !(p >= s + 0.03) }'
