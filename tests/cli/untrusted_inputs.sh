#!/bin/sh
# usage: untrusted_inputs.sh LMLAB_CLI EXPECT_SH
# Bad inputs and output folders an adversarial user would try (docs/robustness.md), one row
# each: the exit code, the file or setting the message names, nothing left behind (no
# temporary folders, no output written) and the good data untouched (the same bytes).
set -eu
. "$(dirname "$0")/setup.sh"
train="--corpus $dir/corpus.txt --batch 4 --seq 32 --vocab 400"

# The good data: checkpoints of both kinds, LM Lab's export, and a "downloaded" Hugging Face
# folder (the same files, without the exported_by mark LM Lab's exports carry).
mkdir "$dir/good"
"$cli" pretrain --arch bert $train --steps 4 --stop-at 2 --out "$dir/good/bert" > /dev/null 2>&1
"$cli" pretrain --arch gpt $train --steps 2 --out "$dir/good/gpt" > /dev/null 2>&1
"$cli" export --from "$dir/good/gpt" --out "$dir/good/gpt-export" > /dev/null
mkdir "$dir/good/gpt2-download"
cp "$dir/good/gpt-export/"* "$dir/good/gpt2-download/"
sed 's/"exported_by": "[^"]*"/"downloaded_from": "the hub"/' "$dir/good/gpt-export/config.json" > "$dir/good/gpt2-download/config.json"
echo "the downloaded merges" > "$dir/good/gpt2-download/merges.txt"
fingerprint() { (cd "$dir/good" && find . -type f | sort | xargs sha256sum); }
fingerprint > "$dir/good.sha"

# A copy of a folder with one file replaced: bad <name> <from> <file> <contents...>
bad() {
  name=$1 from=$2 file=$3
  shift 3
  mkdir -p "$dir/bad/$name"
  cp "$dir/good/$from/"* "$dir/bad/$name/"
  printf "$@" > "$dir/bad/$name/$file"
}
# The same folder whose config.json has one field changed: bad_config <name> <from> <sed script>
bad_config() {
  mkdir -p "$dir/bad/$1"
  cp "$dir/good/$2/"* "$dir/bad/$1/"
  sed "$3" "$dir/good/$2/config.json" > "$dir/bad/$1/config.json"
}
# A safetensors file of one tensor: safetensors <path> <header JSON> <data bytes as printf>
safetensors() {
  length=$(printf '%s' "$2" | wc -c)
  printf "$(printf '\\%03o\\%03o\\000\\000\\000\\000\\000\\000' $((length % 256)) $((length / 256)))" > "$1"
  printf '%s' "$2" >> "$1"
  printf "$3" >> "$1"
}
# NaN in the first weight of a checkpoint (the float at the start of the data).
nan_checkpoint() {
  mkdir -p "$dir/bad/$1"
  cp "$dir/good/$2/"* "$dir/bad/$1/"
  length=$(od -An -tu8 -N8 "$dir/bad/$1/model.safetensors" | tr -d ' ')
  printf '\000\000\300\177' | dd of="$dir/bad/$1/model.safetensors" bs=1 seek=$((8 + length)) conv=notrunc 2> /dev/null
}

bad_config huge-config bert 's/"n_layers": [0-9]*/"n_layers": 96/; s/"d_model": [0-9]*/"d_model": 16384/; s/"d_ff": [0-9]*/"d_ff": 65536/; s/"n_heads": [0-9]*/"n_heads": 16/'
bad_config hidden-wraps gpt2-download 's/"n_embd": [0-9]*/"n_embd": 1099511627792/'
bad_config fractional-width bert 's/"d_model": 128/"d_model": 128.5/'
bad_config roberta-pad gpt2-download 's/"model_type": "gpt2"/"model_type": "roberta", "pad_token_id": -3, "hidden_size": 128, "num_hidden_layers": 2, "num_attention_heads": 2, "intermediate_size": 512, "max_position_embeddings": 34/'
bad vocab-id-far gpt2-download vocab.json '{"<|endoftext|>": 0, "a": 2147483647}'
rm "$dir/bad/vocab-id-far/tokenizer.model"
printf '#version: 0.2\n' > "$dir/bad/vocab-id-far/merges.txt"
nan_checkpoint nan bert
safetensors "$dir/wraps.safetensors" '{"w":{"dtype":"F32","shape":[4611686018427387906],"data_offsets":[0,8]}}' '\000\000\000\000\000\000\000\000'
safetensors "$dir/twice.safetensors" '{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}' '\000\000\000\000'
mkdir -p "$dir/bad/wraps" "$dir/bad/twice"
for name in wraps twice; do
  cp "$dir/good/gpt2-download/config.json" "$dir/good/gpt2-download/tokenizer.model" "$dir/bad/$name/"
  cp "$dir/$name.safetensors" "$dir/bad/$name/model.safetensors"
done
python_free_long_line() { awk 'BEGIN { s = "word "; while (length(s) < 2100000) s = s s; print s }'; }
python_free_long_line > "$dir/one-line.txt"
printf 'caf\351 au lait\n' > "$dir/latin1.txt"

rows=0
row() {
  rows=$((rows + 1))
  "$expect" "$@" > "$dir/row.out" 2>&1 || { cat "$dir/row.out"; echo "FAIL: row $rows: $*" >&2; exit 1; }
  leftovers=$(find "$dir" -name '.*.tmp-*' | head -1)
  [ -z "$leftovers" ] || { echo "FAIL: row $rows left $leftovers" >&2; exit 1; }
  [ ! -e "$dir/out" ] || { echo "FAIL: row $rows wrote $dir/out" >&2; exit 1; }
  fingerprint | cmp -s - "$dir/good.sha" || { echo "FAIL: row $rows changed the good data" >&2; exit 1; }
}

# 1. Output folders: only LM Lab's own of the same kind is replaced, never the input; checked
#    before any training.
row 1 "gpt2-download' holds files LM Lab did not write" "$cli" pretrain --arch gpt $train --steps 2 --out "$dir/good/gpt2-download"
row 1 "refusing to replace its input" "$cli" import --from "$dir/good/gpt2-download" --out "$dir/good/gpt2-download"
row 1 "good/gpt' holds an LM Lab GPT checkpoint; refusing to replace it with a Hugging Face BERT folder" \
  "$cli" export --from "$dir/good/bert" --out "$dir/good/gpt"
row 1 "good/gpt' holds an LM Lab GPT checkpoint; refusing to replace it with an LM Lab BERT checkpoint" \
  "$cli" pretrain --arch bert $train --steps 2 --out "$dir/good/gpt"
row 1 "where this run reads .*corpus.txt" "$cli" pretrain --arch bert $train --steps 2 --out "$dir"
row 1 "parent folder '/nonexistent' does not exist" "$cli" pretrain --arch bert $train --steps 2 --out /nonexistent/out
row 1 "run log '$dir/no/log.jsonl': its parent folder" "$cli" pretrain --arch bert $train --steps 2 --out "$dir/out" --log "$dir/no/log.jsonl"
# 3. Sizes checked before memory is taken.
row 1 "huge-config/config.json: these model settings make about [0-9]+ million parameters" \
  "$cli" predict-mask --from "$dir/bad/huge-config" --text "the [MASK] sat"
row 1 "vocab.json: the id 2147483647 of 'a' is beyond the 2 tokens" "$cli" import --from "$dir/bad/vocab-id-far" --out "$dir/out"
row 1 "corpus '/dev/zero' is not a regular file" "$cli" pretrain --arch bert --corpus /dev/zero --steps 2 --out "$dir/out"
row 1 "one-line.txt:1: the line is longer than 1 MiB" "$cli" pretrain --arch bert --corpus "$dir/one-line.txt" --steps 2 --out "$dir/out"
# 4. Non-finite weights are neither loaded nor saved over good ones.
row 1 "model.safetensors: tensor '.*' holds NaN or infinite values" "$cli" predict-mask --from "$dir/bad/nan" --text "the [MASK] sat"
row 1 "holds NaN or infinite values" "$cli" pretrain --arch bert $train --steps 4 --resume "$dir/bad/nan" --out "$dir/good/bert"
# 7. Named causes, no stack traces.
row 1 "tensor 'w' has a shape too large for any file" "$cli" import --from "$dir/bad/wraps" --out "$dir/out"
row 1 "field 'n_embd' must be a whole number of at most 2147483647, got 1099511627792" \
  "$cli" import --from "$dir/bad/hidden-wraps" --out "$dir/out"
row 1 "config.json: setting 'd_model' expects an integer, got 128.5" \
  "$cli" predict-mask --from "$dir/bad/fractional-width" --text "the [MASK] sat"
row 1 "pad_token_id -3 must be from 0 to max_position_embeddings - 2" "$cli" import --from "$dir/bad/roberta-pad" --out "$dir/out"
# 10. No longer accepted in silence.
row 1 "the header names tensor 'w' twice" "$cli" import --from "$dir/bad/twice" --out "$dir/out"
row 1 "good/bert was trained with option '--steps' 4; this run asks for 6" \
  "$cli" pretrain --arch bert $train --steps 6 --resume "$dir/good/bert" --out "$dir/out"
row 1 "latin1.txt:1: the text is not valid UTF-8" "$cli" tokenizer-train --corpus "$dir/latin1.txt" --vocab 300 --out "$dir/out"
head -2000 "$here/../../datasets/pretrain/world.txt" > "$dir/world.txt"
row 1 "option '--vocab' 300 is too small for .*world.txt': its characters and LM Lab's special pieces alone need 3[0-9][0-9] pieces; raise option '--vocab' to at least" \
  "$cli" tokenizer-train --corpus "$dir/world.txt" --vocab 300 --out "$dir/out"
row 0 "lmlab-cli data-stats" "$cli" data --help
row 1 "prompt file '.*latin1.txt' is not UTF-8 text" "$cli" generate --from "$dir/good/gpt" --prompt-file "$dir/latin1.txt"
echo "untrusted inputs: $rows rows ok"
