#!/bin/sh
# Times lmlab-cli bench against the Python reference models in ONE run, alternating them
# round by round so machine noise hits both alike, and prints a table: the CPU, the BLAS
# kernels each side runs, the sgemm rate measured in the same run, median ms per step,
# LM Lab's model-FLOP utilisation (model FLOPs per second / that sgemm rate) and the ratio.
# sgemm/s is GFLOP/s of a 1024^2 float product, measured by lmlab-cli bench in this run.
#
#   bench/compare.sh [ROUNDS] [STEPS] [SHAPE...]   (defaults 3 rounds x 14 steps after 2
#                                                   warmup steps; the standard shape)
#   bench/compare.sh 3 20 --layers 2 --heads 2 --d 128 --seq 64 --vocab 16000   (a lesson's)
#
# Needs build/bin/lmlab-cli and Debian's python3-torch (apt install python3-torch); both use
# the same LibTorch 1.13 and OpenBLAS. Two settings are compared:
#   as shipped  each program as a user starts it (LM Lab picks OpenBLAS kernels for the CPU,
#               see core/include/lmlab/blas_kernels.h; Python keeps OpenBLAS's own choice)
#   same BLAS   both forced onto the kernels LM Lab picks (OPENBLAS_CORETYPE), so the ratio
#               shows what the C++ implementation itself saves
# Results and how to read them: bench/RESULTS.md.
set -eu
cd "$(dirname "$0")/.."
rounds=${1:-3}
steps=${2:-14}
[ $# -gt 2 ] && shift 2 || set --
shape="--layers 4 --heads 4 --d 256 --seq 128 --vocab 8192 --batch 16 --threads 2 $*"
common="$shape --steps $steps --warmup 2"
cli=build/bin/lmlab-cli
python=/usr/bin/python3
[ -x "$cli" ] || { echo "compare: build first (./lab.sh build)" >&2; exit 1; }
$python -c 'import torch' 2>/dev/null || { echo "compare: needs python3-torch (apt install python3-torch)" >&2; exit 1; }
best=$($cli info | sed -n 's/^BLAS: OpenBLAS \([A-Za-z0-9]*\) kernels.*/\1/p')
python_kernels=$(env -u OPENBLAS_CORETYPE $python -c '
import ctypes, glob
names = glob.glob("/usr/lib/x86_64-linux-gnu/libopenblas*.so.0") + glob.glob("/usr/lib/*/libopenblas*.so.0")
lib = ctypes.CDLL(names[0]) if names else None
if lib:
    lib.openblas_get_corename.restype = ctypes.c_char_p
    print("OpenBLAS " + lib.openblas_get_corename().decode() + " kernels")
else:
    print("unknown")' 2>/dev/null || echo unknown)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median_of() { sort -n | awk '{v[NR]=$1} END {if (NR == 0) print 0; else print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
field() { sed -n "s/.*\"$1\": *\([0-9.e+-]*\).*/\1/p" | tail -1; }

run_setting() {  # $1: label, $2: OPENBLAS_CORETYPE for python ('' = its own choice)
  for arch in gpt bert; do
    ref=bench/reference/gpt_nanogpt_style.py
    [ $arch = bert ] && ref=bench/reference/bert_pytorch_style.py
    : > "$work/cpp"; : > "$work/py"; : > "$work/sgemm"; : > "$work/mfu"
    r=0
    while [ $r -lt "$rounds" ]; do
      $cli bench --arch $arch $common 2>/dev/null > "$work/out"
      field ms_per_step_median < "$work/out" >> "$work/cpp"
      field matmul_gflops_per_s < "$work/out" >> "$work/sgemm"
      field model_flop_utilisation < "$work/out" >> "$work/mfu"
      if [ -n "$2" ]; then
        OPENBLAS_CORETYPE=$2 $python $ref $common | field ms_per_step_median >> "$work/py"
      else
        env -u OPENBLAS_CORETYPE $python $ref $common | field ms_per_step_median >> "$work/py"
      fi
      r=$((r + 1))
    done
    awk -v l="$1" -v a=$arch -v c="$(median_of < "$work/cpp")" -v p="$(median_of < "$work/py")" \
      -v s="$(median_of < "$work/sgemm")" -v u="$(median_of < "$work/mfu")" \
      'BEGIN {printf "%-11s %-5s %9.1f %9.1f %7.2f %8.0f %6.0f%%\n", l, a, c, p, c / p, s, 100 * u}'
  done
}

echo "CPU:    $(sed -n 's/^model name[^:]*: *//p' /proc/cpuinfo | head -1) ($(nproc) cores)"
echo "BLAS:   LM Lab $($cli info | sed -n 's/^BLAS: //p'); Python $python_kernels"
echo "shape:  $shape; $rounds alternating rounds x $steps steps, medians"
printf "%-11s %-5s %9s %9s %7s %8s %7s\n" setting model "lmlab ms" "python ms" ratio "sgemm/s" "MFU"
run_setting "as shipped" ""
[ -n "$best" ] && run_setting "same BLAS" "$best"
exit 0
