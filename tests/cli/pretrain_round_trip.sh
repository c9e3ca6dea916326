#!/bin/sh
# usage: pretrain_round_trip.sh LMLAB_CLI EXPECT_SH
# Pretrains tiny BERT and GPT models through the CLI, then uses and damages their checkpoints.
set -eu
. "$(dirname "$0")/setup.sh"
train="--corpus $dir/corpus.txt --steps 40 --batch 8 --seq 32 --vocab 400 --lr 2e-3 --log-every 20"

# BERT: MLM + NSP, JSON lines on stdout and in the log, a complete checkpoint.
"$expect" 0 '"step":40,"loss":[0-9.]+,"mlm_loss":[0-9.]+,"mlm_accuracy":[0-9.]+,"nsp_loss":[0-9.]+,"nsp_accuracy"' \
  "$cli" pretrain --arch bert $train --out "$dir/bert" --log "$dir/bert.jsonl"
# The log: the run's settings, every step, how it ended.
head -n 1 "$dir/bert.jsonl" | grep -q '^{"event":"start","kind":"pretrain","arch":"bert",.*"config":{"arch":"bert",.*"steps":40'
test "$(grep -c '^{"step"' "$dir/bert.jsonl")" -eq 40
tail -n 1 "$dir/bert.jsonl" | grep -q '^{"event":"final","steps":40,.*"status":"done"'
test "$(wc -l < "$dir/bert.jsonl")" -eq 42
for f in config.json model.safetensors tokenizer.model training_state.json; do test -s "$dir/bert/$f"; done
grep -q '"steps_done": 40' "$dir/bert/training_state.json"
# The tokenizer was cached and is reused: the second run does not train a new one.
test "$(ls "$dir/cache/lmlab/tokenizers" | wc -l)" -eq 1

"$expect" 0 '"masks":\[\{"position":[0-9]+,"top":\[\{"id":[0-9]+,"token":"[^"]+","probability":0\.[0-9]+' \
  "$cli" predict-mask --from "$dir/bert" --text "the cat likes to eat [MASK] every day ." --top 3 --json
"$expect" 0 "best guess: " \
  "$cli" predict-mask --from "$dir/bert" --text "the [MASK] sat on the mat ."
"$expect" 1 "needs a BERT-style model|has no \[MASK\]" \
  "$cli" predict-mask --from "$dir/bert" --text "no mask here"

# GPT: next-token, then greedy generation.
"$expect" 0 '"step":40,"loss":[0-9.]+,"clm_loss":[0-9.]+,"clm_accuracy"' \
  "$cli" pretrain --arch gpt $train --out "$dir/gpt"
"$expect" 0 '^the dog .+' \
  "$cli" generate --from "$dir/gpt" --prompt "the dog" --max-tokens 5 --temperature 0
"$expect" 0 '"continuation":' \
  "$cli" generate --from "$dir/gpt" --prompt "the" --max-tokens 5 --top-k 5 --top-p 0.9 --json
"$expect" 1 "generation needs a GPT-style model" \
  "$cli" generate --from "$dir/bert" --prompt "the"

# A model option through --model: rotary positions instead of a learned table; the checkpoint
# says so, generates, and refuses an export Hugging Face's GPT-2 could not read.
"$expect" 0 '"step":40,"loss":[0-9.]+,"clm_loss"' \
  "$cli" pretrain --arch gpt $train --model position_encoding=rotary,n_layers=1 --out "$dir/rotary"
grep -q '"position_encoding": "rotary"' "$dir/rotary/config.json"
grep -q '"n_layers": 1' "$dir/rotary/config.json"
"$expect" 0 '^the dog' "$cli" generate --from "$dir/rotary" --prompt "the dog" --max-tokens 5 --temperature 0
"$expect" 1 "position_encoding is rotary, but Hugging Face" "$cli" export --from "$dir/rotary" --out "$dir/never"
"$expect" 2 "option '--model': unknown model setting 'n_layer'; did you mean 'n_layers'\?" \
  "$cli" pretrain --arch gpt $train --model n_layer=1 --out "$dir/never"
"$expect" 2 "option '--model' cannot set vocab_size" \
  "$cli" pretrain --arch gpt $train --model vocab_size=9 --out "$dir/never"
"$expect" 1 "masked-token prediction needs a BERT-style model" \
  "$cli" predict-mask --from "$dir/gpt" --text "the [MASK]"

# Damaged checkpoints are named, not crashed on.
cp -r "$dir/gpt" "$dir/broken"
head -c 1000 "$dir/gpt/model.safetensors" > "$dir/broken/model.safetensors"
"$expect" 1 "broken/model.safetensors: .*(truncated|runs past the end)" \
  "$cli" generate --from "$dir/broken" --prompt "the"
echo '{"arch": "gpt", "d_model": 100, "n_heads": 3}' > "$dir/broken/config.json"
"$expect" 1 "broken/config.json: model setting d_model \(100\) must be divisible by n_heads \(3\)" \
  "$cli" generate --from "$dir/broken" --prompt "the"
"$expect" 1 "checkpoint '$dir/missing' does not exist" \
  "$cli" generate --from "$dir/missing" --prompt "the"

# Bad input and settings.
printf 'fine line\n\nsecond doc\n\377\376 not utf-8\n' > "$dir/latin1.txt"
"$expect" 1 "latin1.txt:4: the text is not valid UTF-8" \
  "$cli" pretrain --arch bert --corpus "$dir/latin1.txt" --steps 1 --out "$dir/never"
"$expect" 1 "objective clm \(next-token\) needs a GPT model" \
  "$cli" pretrain --arch bert --objective clm $train --out "$dir/never"
grep -v '^$' "$dir/corpus.txt" | head -n 60 > "$dir/one_document.txt"  # no blank line: one document
"$expect" 1 "next-sentence prediction needs at least two documents" \
  "$cli" pretrain --arch bert --objective nsp --corpus "$dir/one_document.txt" --steps 1 --vocab 300 --out "$dir/never"
"$expect" 2 "option '--steps' must be between 1 and" \
  "$cli" pretrain --arch gpt $train --steps 0 --out "$dir/never"
echo '{"arch": "gpt", "n_layers": 1, "d_model": 32, "n_heads": 2, "d_ff": 64, "max_seq_len": 16}' > "$dir/gpt.json"
"$expect" 1 "gpt.json describes a gpt model, not bert" \
  "$cli" pretrain --arch bert $train --preset "$dir/gpt.json" --out "$dir/never"
"$expect" 1 "sequence length 32 is longer than max_seq_len 16 in .*gpt.json" \
  "$cli" pretrain --arch gpt $train --preset "$dir/gpt.json" --out "$dir/never"
"$expect" 1 "bf16 autocast needs a CUDA device" \
  "$cli" pretrain --arch gpt $train --bf16 --device cpu --out "$dir/never"
mkdir "$dir/mine" && echo keep > "$dir/mine/notes.txt"
"$expect" 1 "mine' holds files LM Lab did not write .*; refusing to replace it with an LM Lab GPT checkpoint" \
  "$cli" pretrain --arch gpt $train --out "$dir/mine"
test -f "$dir/mine/notes.txt"
test ! -e "$dir/never"

# Ctrl-C stops at a step boundary and still writes a complete checkpoint.
"$cli" pretrain --arch gpt --corpus "$dir/corpus.txt" --steps 100000 --batch 8 --seq 32 --vocab 300 \
  --out "$dir/stopped" > /dev/null 2> "$dir/stopped.err" &
pid=$!
i=0
until grep -q "pretrain: gpt" "$dir/stopped.err" || [ $i -ge 100 ]; do sleep 0.2; i=$((i + 1)); done
sleep 1
kill -INT $pid
status=0
wait $pid || status=$?
cat "$dir/stopped.err"
test $status -eq 130
grep -q "interrupted after step" "$dir/stopped.err"
test -s "$dir/stopped/model.safetensors"
"$expect" 0 "^the" "$cli" generate --from "$dir/stopped" --prompt "the" --max-tokens 3
echo "PASS"
