#!/bin/sh
# usage: fuzz/run.sh WORK_DIR SECONDS_PER_TARGET [TARGET...]
# Builds fuzz/targets.cpp with clang (libFuzzer, ASan + UBSan, no recovery) against LM Lab's
# readers and the system LibTorch, then fuzzes each target (all by default) for the given
# time from a seed corpus of real files. Exits non-zero on any crash, hang or sanitizer report
# and leaves the input in WORK_DIR/crash-TARGET-*. Executions per target: WORK_DIR/TARGET.log.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
work=$1
seconds=$2
shift 2
# torch_bin runs only when named: LibTorch's unpickler sizes a string by a length read from the
# pickle before checking the data is there (26 GB asked for by a 1 KB file). Outside ASan that
# is std::bad_alloc, which LM Lab reports as an unreadable file; under ASan it is a report in
# LibTorch's code that would stop every run (docs/robustness.md, findings).
targets=${*:-"corpus agnews mnli_tsv mnli_jsonl jsonl tsv safetensors model_config hf_config hf_index bpe wordpiece wordpiece_json run_log wordnet fortunes html"}
mkdir -p "$work/obj" "$work/corpus"
flags="-std=c++17 -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
       -I$root/core/include -I$root/core/src -I$root/core/spm_bridge -I$work/generated"
# The readers and what they need (no training, no Qt): compiled once, rebuilt when changed.
sources="core/src/data/readers/agnews_csv.cpp core/src/data/readers/labeled_dataset.cpp core/src/data/readers/mnli.cpp
         core/src/data/readers/jsonl.cpp core/src/data/readers/label_map.cpp core/src/data/readers/text_lines.cpp
         core/src/data/readers/tsv.cpp core/src/data/text_corpus.cpp core/src/io/atomic_file.cpp
         core/src/io/safetensors.cpp core/src/io/output_folder.cpp core/src/io/hf/hf_config.cpp
         core/src/io/hf/hf_weights.cpp core/src/config/model_config.cpp core/src/config/parse_number.cpp core/src/settings/model_settings.cpp
         core/src/settings/setting.cpp core/src/session/run_log.cpp core/src/tokenizer/byte_bpe_tokenizer.cpp
         core/src/tokenizer/wordpiece_tokenizer.cpp core/src/tokenizer/tokenizer_files.cpp
         core/src/tokenizer/wordpiece_json.cpp
         core/src/tokenizer/tokenizer.cpp core/src/tokenizer/special_split.cpp core/src/tokenizer/utf8.cpp
         core/src/tokenizer/sentencepiece_tokenizer.cpp core/src/tokenizer/spm_bridge_loader.cpp
         core/src/data/wordnet/wordnet.cpp core/src/data/prose/fortunes.cpp core/src/data/prose/html_text.cpp
         core/src/data/prose/split_sentences.cpp"
mkdir -p "$work/generated/lmlab"
# Written only once: a new mtime would make every object that includes it stale.
[ -f "$work/generated/lmlab/version.h" ] ||
  printf '#pragma once\n#define LMLAB_VERSION "fuzz"\n' > "$work/generated/lmlab/version.h"
# An object is rebuilt when it is missing or older than its source or any header it included
# (clang's -MMD list): a changed struct in a header must not leave stale objects that disagree
# with the targets about its layout (that read as an ASan bad-free in run_log once).
stale() {  # stale OBJECT
  [ -f "$1" ] && [ -f "$1.d" ] || return 0
  for dep in $(sed -e 's/^[^:]*://' -e 's/\\$//' "$1.d"); do
    [ "$dep" -nt "$1" ] && return 0
  done
  return 1
}
objects=""
for s in $sources; do
  o="$work/obj/$(echo "$s" | tr / _ | sed 's/\.cpp$/.o/')"
  if stale "$o"; then
    clang++ $flags -MMD -MF "$o.d" -c "$root/$s" -o "$o" &
    # two compilers at a time: the torch headers are heavy
    [ "$(jobs -p | wc -l)" -lt 2 ] || wait
  fi
  objects="$objects $o"
done
wait
clang++ $flags -fsanitize=fuzzer "$root/fuzz/targets.cpp" $objects -ltorch_cpu -lc10 -ldl -o "$work/fuzz_lmlab"

# Seeds: real files of each kind (the shipped datasets, a checkpoint's files, hand-made ones).
seed() {  # seed TARGET NAME < bytes
  mkdir -p "$work/corpus/$1"
  cat > "$work/corpus/$1/$2"
}
head -c 4000 "$root/datasets/agnews/test.csv" | seed agnews test
head -c 4000 "$root/datasets/mnli/dev_matched.tsv" | seed mnli_tsv dev
head -c 4000 "$root/datasets/mnli/dev_matched.jsonl" | seed mnli_jsonl dev
head -c 4000 "$root/datasets/pretrain/world.txt" | seed corpus world
printf 'good film\tpos\nbad film\tneg\n' | seed tsv two
printf '{"text": "Wall St. Bears Claw Back", "label": 2}\n{"premise": "a", "hypothesis": "b", "label": -1}\n' | seed jsonl two
header='{"__metadata__":{"format":"pt"},"b":{"dtype":"I64","shape":[1],"data_offsets":[8,16]},"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}'
tensors() { printf "$(printf '\\%03o\\000\\000\\000\\000\\000\\000\\000' "$(printf '%s' "$header" | wc -c)")"; printf '%s' "$header"
            printf '\000\000\200\077\000\000\000\100\001\000\000\000\000\000\000\000'; }
tensors | seed safetensors two
{ printf '{"weight_map": {"w": "a.safetensors", "b": "a.safetensors"}}\n--\n'; tensors; } | seed hf_index two
mkdir -p "$work/corpus/torch_bin"  # its seed is written by the fuzzer itself (LLVMFuzzerInitialize)
printf '{"arch": "bert", "vocab_size": 300, "d_model": 32, "n_layers": 1, "n_heads": 2, "d_ff": 64, "max_seq_len": 16}' | seed model_config bert
printf '{"model_type": "gpt2", "vocab_size": 300, "n_embd": 32, "n_layer": 1, "n_head": 2, "n_positions": 16}' | seed hf_config gpt2
printf '{"model_type": "roberta", "vocab_size": 300, "hidden_size": 32, "num_hidden_layers": 1, "num_attention_heads": 2, "intermediate_size": 64, "max_position_embeddings": 18, "pad_token_id": 1}' | seed hf_config roberta
printf '{"<|endoftext|>": 0, "a": 1, "b": 2, "ab": 3, "\\u0120": 4}\n--\n#version: 0.2\na b\n' | seed bpe gpt2
printf '[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nthe\ncat\n##s\n\n--\n{"do_lower_case": false}\n' | seed wordpiece bert
printf '{"normalizer": {"type": "BertNormalizer", "clean_text": true, "handle_chinese_chars": true, "strip_accents": null, "lowercase": true}, "pre_tokenizer": {"type": "BertPreTokenizer"}, "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##", "max_input_chars_per_word": 100, "vocab": {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "[MASK]": 4, "the": 5, "cat": 6, "##s": 7}}}' | seed wordpiece_json bert
printf '  1 This software and database is being provided\n00001740 03 n 01 entity 0 003 ~ 00001930 n 0000 ~ 00002137 n 0000 ~ 04431553 n 0000 | that which is perceived or known or inferred to have its own distinct existence (living or nonliving)  \n' | seed wordnet entity
printf 'A day for firm decisions!!!!!  Or is it?\n%%\nA few hours grace before the madness begins again.\n\t\t-- Anonymous\n%%\n' | seed fortunes two
printf '<html><body><h1>도움말</h1><p>이 기능은 문서를 엽니다. 그다음 &lt;저장&gt;을 누르세요!</p><pre>ls -l</pre><p>Done? Yes.</p></body></html>' | seed html page
printf '{"event":"start","kind":"pretrain","config":{"steps":2}}\n{"step":1,"loss":2.5,"lr":0.001}\n{"event":"final","status":"done","steps":1}\n' | seed run_log two

for target in $targets; do
  echo "fuzz: $target for ${seconds}s"
  mkdir -p "$work/corpus/$target"
  if ! LMLAB_FUZZ_TARGET=$target LSAN_OPTIONS=suppressions=$root/fuzz/lsan.supp "$work/fuzz_lmlab" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=4096 \
      -print_final_stats=1 -artifact_prefix="$work/crash-$target-" "$work/corpus/$target" > "$work/$target.log" 2>&1; then
    tail -40 "$work/$target.log"
    echo "FAIL: the $target reader failed; the input is in $work/crash-$target-*" >&2
    exit 1
  fi
  grep "stat::number_of_executed_units" "$work/$target.log" || true
done
echo "PASS"
