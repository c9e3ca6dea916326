#!/bin/sh
# usage: tokenizer_round_trip.sh LMLAB_CLI EXPECT_SH
set -eu
cli=$1
expect=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
i=0
while [ $i -lt 400 ]; do
  echo "the cat sat on the mat number $i and the dog ran to the park"
  echo "고양이가 매트 위에 앉았다 $i 그리고 강아지는 공원으로 달렸다"
  i=$((i + 1))
done > "$dir/corpus.txt"
"$expect" 0 "wrote .*tok.model \([0-9]+ pieces\)" \
  "$cli" tokenizer-train --corpus "$dir/corpus.txt" --vocab 500 --out "$dir/tok.model"
"$expect" 0 '"decoded":"the \[MASK\] sat 고양이 🎉"' \
  "$cli" tokenize --model "$dir/tok.model" --text "the [MASK] sat 고양이 🎉" --json
"$expect" 0 "pieces; decoded: the \[MASK\] sat 고양이 🎉" \
  "$cli" tokenize --model "$dir/tok.model" --text "the [MASK] sat 고양이 🎉"
"$expect" 1 "is not a valid SentencePiece model" \
  "$cli" tokenize --model "$dir/corpus.txt" --text "x"
