#!/bin/sh
# usage: hf_round_trip.sh LMLAB_CLI EXPECT_SH
# Exports tiny LM Lab models in the Hugging Face layout, imports the folders back and checks
# that the models answer exactly as before; then the import's failure messages.
set -eu
. "$(dirname "$0")/setup.sh"
train="--corpus $dir/corpus.txt --steps 5 --batch 8 --seq 32 --vocab 400 --log-every 5"

"$cli" pretrain --arch bert $train --out "$dir/bert" > /dev/null
"$expect" 0 "wrote Hugging Face folder .*bert-hf \(model_type bert\)" \
  "$cli" export --from "$dir/bert" --format hf --out "$dir/bert-hf"
grep -q '"model_type": "bert"' "$dir/bert-hf/config.json"
grep -q '"num_hidden_layers": 2' "$dir/bert-hf/config.json"
"$expect" 0 "imported bert: 2 layers, 2 heads, d_model 128, vocabulary 400" \
  "$cli" import --from "$dir/bert-hf" --out "$dir/bert-back"
text="the cat likes to eat [MASK] every day ."
"$cli" predict-mask --from "$dir/bert" --text "$text" --json > "$dir/before.json"
"$cli" predict-mask --from "$dir/bert-back" --text "$text" --json > "$dir/after.json"
cmp "$dir/before.json" "$dir/after.json"
"$expect" 0 '"decoded":"the cat likes' "$cli" tokenize --from "$dir/bert-back" --text "the cat likes" --json

"$cli" pretrain --arch gpt $train --out "$dir/gpt" > /dev/null
"$expect" 0 "model_type gpt2" "$cli" export --from "$dir/gpt" --out "$dir/gpt-hf"
"$cli" import --from "$dir/gpt-hf" --out "$dir/gpt-back" > /dev/null
before=$("$cli" generate --from "$dir/gpt" --prompt "the dog" --max-tokens 8 --temperature 0)
after=$("$cli" generate --from "$dir/gpt-back" --prompt "the dog" --max-tokens 8 --temperature 0)
test "$before" = "$after"

# Failures name the folder, file or setting, and leave nothing half-written.
mkdir "$dir/empty"
"$expect" 1 "empty/config.json" "$cli" import --from "$dir/empty" --out "$dir/x"
test ! -e "$dir/x"
sed 's/"model_type": "bert"/"model_type": "t5"/' "$dir/bert-hf/config.json" > "$dir/t5.json"
cp "$dir/t5.json" "$dir/bert-hf/config.json"
"$expect" 1 "model_type 't5' is not one LM Lab can import \(bert, distilbert, roberta, gpt2\)" \
  "$cli" import --from "$dir/bert-hf" --out "$dir/x"
head -c 1000 "$dir/gpt-hf/model.safetensors" > "$dir/cut" && mv "$dir/cut" "$dir/gpt-hf/model.safetensors"
"$expect" 1 "gpt-hf/model.safetensors" "$cli" import --from "$dir/gpt-hf" --out "$dir/x"
test ! -e "$dir/x"
"$expect" 2 "--format must be hf" "$cli" export --from "$dir/gpt" --format onnx --out "$dir/x"
"$expect" 1 "is where this run reads .* from; refusing to replace its input" \
  "$cli" export --from "$dir/gpt" --out "$dir/empty/.."
echo "hf round trip: ok"
