#!/bin/sh
# usage: finetune_round_trip.sh LMLAB_CLI EXPECT_SH DATASETS_DIR
# Pretrains a tiny BERT on the shipped corpus, fine-tunes it on the shipped news and NLI sets
# (with freezing, gradual unfreezing and the from-scratch baseline), and checks bad input.
set -eu
cli=$1
expect=$2
data=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export XDG_CACHE_HOME="$dir/cache"
head -n 4000 "$data/pretrain/world.txt" > "$dir/corpus.txt"
"$cli" pretrain --arch bert --corpus "$dir/corpus.txt" --steps 30 --batch 16 --seq 48 --vocab 1000 \
  --out "$dir/bert" > /dev/null 2>&1
head -n 800 "$data/agnews/train.csv" > "$dir/news-train.csv"
head -n 200 "$data/agnews/test.csv" > "$dir/news-test.csv"
common="--batch 16 --seq 48 --lr 1e-3 --max-steps 12 --log-every 6"

# The last line is the final report: train and validation accuracy, then the test set scored
# once at the end, per-class metrics and the confusion matrix.
"$expect" 0 '"event":"final","steps":12,"stopped_early":false,"train_accuracy":[0-9.]+,"validation_accuracy":[0-9.]+,.*"test_accuracy":[0-9.]+,.*"per_class":\[\{"label":"World"' \
  "$cli" finetune --task classify --train "$dir/news-train.csv" --test "$dir/news-test.csv" --from "$dir/bert" \
  $common --freeze embeddings,0 --out "$dir/news" --log "$dir/news.jsonl"
grep -q '"frozen":"embeddings,0"' "$dir/news.jsonl"
grep -q '"labels": \[' "$dir/news/training_state.json"
# Gradual unfreezing: head only for 4 steps, then layer 1, then layer 0, then the embeddings.
"$expect" 0 '"event":"final"' \
  "$cli" finetune --task classify --train "$dir/news-train.csv" --test "$dir/news-test.csv" --from "$dir/bert" \
  $common --gradual-unfreeze 4 --out "$dir/gradual" --log "$dir/gradual.jsonl"
test "$(grep -c '"frozen":"embeddings,0,1"' "$dir/gradual.jsonl")" -eq 4
test "$(grep -c '"frozen":"embeddings,0"' "$dir/gradual.jsonl")" -eq 4
test "$(grep -c '"frozen":"embeddings"' "$dir/gradual.jsonl")" -eq 4
"$expect" 0 'fresh bert from' \
  "$cli" finetune --task classify --train "$dir/news-train.csv" --test "$dir/news-test.csv" --from "$dir/bert" \
  $common --from-scratch --out "$dir/scratch"
# Distillation: a 1-layer student of the fine-tuned 2-layer news classifier; the teacher's
# checkpoint is left as it was.
cp "$dir/news/model.safetensors" "$dir/teacher-before.safetensors"
"$expect" 0 '"event":"final","steps":12,.*"parameters":[0-9]+' \
  "$cli" distill --task classify --train "$dir/news-train.csv" --test "$dir/news-test.csv" --teacher "$dir/news" \
  --student-layers 1 --temperature 3 --cosine-weight 0.1 $common --out "$dir/student" --log "$dir/student.jsonl"
grep -q '"soft_loss":[0-9.]*,"hard_loss":[0-9.]*,"cosine_loss"' "$dir/student.jsonl"
cmp "$dir/news/model.safetensors" "$dir/teacher-before.safetensors"
grep -q '"n_layers": 1' "$dir/student/config.json"
"$expect" 1 "the student needs between 1 and 2 layers" \
  "$cli" distill --task classify --train "$dir/news-train.csv" --test "$dir/news-test.csv" --teacher "$dir/news" \
  --student-layers 3 --out "$dir/never"
head -n 301 "$data/mnli/train.tsv" > "$dir/nli-train.tsv"
"$expect" 0 '"labels":\["entailment","neutral","contradiction"\]' \
  "$cli" finetune --task pair --train "$dir/nli-train.tsv" --test "$data/mnli/dev_matched.jsonl" --from "$dir/bert" \
  $common --layer-lr-decay 0.8 --schedule slanted --out "$dir/nli"

# Bad input and settings.
"$expect" 1 "holds sentence pairs but the task is classify" \
  "$cli" finetune --task classify --train "$dir/nli-train.tsv" --test "$dir/nli-train.tsv" --from "$dir/bert" --out "$dir/never"
"$expect" 1 "freeze: '7' is not embeddings, head or a layer number from 0 to 1" \
  "$cli" finetune --task classify --train "$dir/news-train.csv" --test "$dir/news-test.csv" --from "$dir/bert" \
  --freeze 7 --out "$dir/never"
"$expect" 2 "cannot be combined" \
  "$cli" finetune --task classify --train "$dir/news-train.csv" --test "$dir/news-test.csv" --from "$dir/bert" \
  --freeze 0 --gradual-unfreeze 3 --out "$dir/never"
printf 'text\tlabel\ngood\tpos\nbad\tneg\n' > "$dir/a.tsv"
printf 'text\tlabel\nfine\tmaybe\n' > "$dir/b.tsv"
"$expect" 1 "b.tsv: label 'maybe' does not occur in the training set" \
  "$cli" finetune --task classify --train "$dir/a.tsv" --test "$dir/b.tsv" --from "$dir/bert" --out "$dir/never"
"$expect" 1 "is not a classifier for the 3 labels" \
  "$cli" distill --task pair --train "$dir/nli-train.tsv" --test "$dir/nli-train.tsv" --teacher "$dir/news" \
  --student-layers 1 --out "$dir/never"
test ! -e "$dir/never"

# Few-shot prompting with a GPT: one line per k, then the final report.
"$cli" pretrain --arch gpt --corpus "$dir/corpus.txt" --steps 20 --batch 8 --seq 48 --vocab 1000 \
  --out "$dir/gpt" > /dev/null 2>&1
"$expect" 0 '"event":"final","labels":\["World","Sports","Business","Sci/Tech"\],"chance":0.25,"test_accuracy":[0-9.]+,"by_k":\[\{"k":0' \
  "$cli" fewshot --from "$dir/gpt" --train "$dir/news-train.csv" --test "$dir/news-test.csv" --k 0,2 --max-test 8
"$expect" 1 "is a BERT; few-shot prompting needs a GPT-style decoder" \
  "$cli" fewshot --from "$dir/bert" --train "$dir/news-train.csv" --test "$dir/news-test.csv" --k 0 --max-test 2
"$expect" 2 "option '--k' expects integers from 0 to 64" \
  "$cli" fewshot --from "$dir/gpt" --train "$dir/news-train.csv" --test "$dir/news-test.csv" --k 0,100
echo PASS
