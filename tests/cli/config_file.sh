#!/bin/sh
# --config FILE.json: the keys `lmlab-cli describe` lists; misspelt keys and bad values are
# named with the file's keys (exit 2, a usage mistake), options on the command line win.
set -eu
cli=$1
expect=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

echo '{"epoch": 3}' > "$dir/misspelt.json"
"$expect" 2 "misspelt.json: unknown finetune setting 'epoch'; did you mean 'epochs'\?" \
  "$cli" finetune --config "$dir/misspelt.json" --train x --from y --out "$dir/never"
echo '{"lr": "fast"}' > "$dir/bad.json"
"$expect" 2 "bad.json: setting 'lr' expects a number or 'auto', got \"fast\"" \
  "$cli" finetune --config "$dir/bad.json" --train x --from y --out "$dir/never"
echo '{"lr": 1e-4' > "$dir/broken.json"
"$expect" 2 "broken.json is not valid JSON" \
  "$cli" finetune --config "$dir/broken.json" --train x --from y --out "$dir/never"
# The file's train and from are used (the run then fails on the missing file it names)...
echo '{"train": "/nonexistent/train.csv", "from": "/nonexistent/ckpt", "epochs": 2}' > "$dir/good.json"
"$expect" 1 "/nonexistent/train.csv" \
  "$cli" finetune --config "$dir/good.json" --out "$dir/never"
# ... and an option given on the command line wins over the file.
"$expect" 1 "/nonexistent/other.csv" \
  "$cli" finetune --config "$dir/good.json" --train /nonexistent/other.csv --out "$dir/never"
"$expect" 2 "option '--train' is required" "$cli" finetune --from y --out "$dir/never"
"$expect" 2 "option '--epochs' must be between 1 and 10000, got 0" \
  "$cli" finetune --train x --from y --epochs 0 --out "$dir/never"
"$expect" 2 "option '--freeze' and option '--gradual-unfreeze' cannot be combined" \
  "$cli" finetune --train x --from y --freeze 0 --gradual-unfreeze 3 --out "$dir/never"
"$expect" 1 "unknown run kind 'finetun'; did you mean 'finetune'\?" "$cli" describe finetun
"$expect" 0 '"key": "max_grad_norm"' "$cli" describe finetune --json
test ! -e "$dir/never"
