#!/bin/sh
# Times lmlab-cli bench against the Python reference models in ONE run, alternating them
# round by round so machine noise hits both alike, and prints median ms per step and ratios.
#
#   bench/compare.sh [ROUNDS] [STEPS]        (defaults 3 rounds x 5 steps, after 2 warmup steps)
#
# Needs build/bin/lmlab-cli and Debian's python3-torch (apt install python3-torch); both use
# the same LibTorch 1.13 and OpenBLAS. Two settings are compared:
#   as shipped  each program as a user starts it (LM Lab picks OpenBLAS kernels for the CPU,
#               see core/include/lmlab/blas_kernels.h; Python keeps OpenBLAS's own choice)
#   same BLAS   both forced onto the kernels LM Lab picks (OPENBLAS_CORETYPE), so the ratio
#               shows what the C++ implementation itself saves
set -eu
cd "$(dirname "$0")/.."
rounds=${1:-3}
steps=${2:-5}
cli=build/bin/lmlab-cli
python=/usr/bin/python3
shape="--layers 4 --heads 4 --d 256 --seq 128 --vocab 8192 --batch 16 --threads 2"
common="$shape --steps $steps --warmup 2"
[ -x "$cli" ] || { echo "compare: build first (./lab.sh build)" >&2; exit 1; }
$python -c 'import torch' 2>/dev/null || { echo "compare: needs python3-torch (apt install python3-torch)" >&2; exit 1; }
best=$($cli info | sed -n 's/^BLAS: OpenBLAS \([A-Za-z0-9]*\) kernels.*/\1/p')

median_of() { sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
ms() { sed -n 's/.*"ms_per_step_median": *\([0-9.]*\).*/\1/p' | tail -1; }

run_setting() {  # $1: label, $2: OPENBLAS_CORETYPE for python ('' = its own choice)
  for arch in gpt bert; do
    ref=bench/reference/gpt_nanogpt_style.py
    [ $arch = bert ] && ref=bench/reference/bert_pytorch_style.py
    : > /tmp/lmlab-compare-cpp; : > /tmp/lmlab-compare-py
    r=0
    while [ $r -lt "$rounds" ]; do
      $cli bench --arch $arch $common 2>/dev/null | ms >> /tmp/lmlab-compare-cpp
      if [ -n "$2" ]; then
        OPENBLAS_CORETYPE=$2 $python $ref $common | ms >> /tmp/lmlab-compare-py
      else
        env -u OPENBLAS_CORETYPE $python $ref $common | ms >> /tmp/lmlab-compare-py
      fi
      r=$((r + 1))
    done
    cpp=$(median_of < /tmp/lmlab-compare-cpp)
    py=$(median_of < /tmp/lmlab-compare-py)
    awk -v l="$1" -v a=$arch -v c="$cpp" -v p="$py" \
      'BEGIN {printf "%-11s %-5s lmlab %8.1f ms   python %8.1f ms   ratio %.2f\n", l, a, c, p, c / p}'
  done
}

echo "shape: $shape; $rounds rounds x $steps steps; LM Lab BLAS: $($cli info | sed -n 's/^BLAS: //p')"
run_setting "as shipped" ""
[ -n "$best" ] && run_setting "same BLAS" "$best"
rm -f /tmp/lmlab-compare-cpp /tmp/lmlab-compare-py
