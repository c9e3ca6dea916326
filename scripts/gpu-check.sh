#!/usr/bin/env bash
# On a machine with an NVIDIA GPU and a PyTorch install (no Qt, no internet needed): builds the
# CUDA build (scripts/cuda-build.sh), runs the CUDA tests (ctest label `cuda`) and times
# training steps of a BERT-base-sized model in bf16, printing tokens/s and the model-FLOP
# utilisation against the matmul rate this card measures in the same run. Meant to finish
# within 8 minutes; its figures go in bench/RESULTS.md. Data-parallel on NCCL
# (Cuda.DataParallelOnNcclFollowsOneProcess) needs a GPU per rank: it runs on machines with
# two GPUs or more and skips, saying so, on one.
#
#   scripts/gpu-check.sh                          PyTorch from scripts/python-env.sh's environment
#   LMLAB_TORCH_PYTHON=python3 scripts/gpu-check.sh   PyTorch of an existing Python
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
if [ -z "${LMLAB_TORCH_PYTHON:-}" ] && ! [ -d "${XDG_CACHE_HOME:-$HOME/.cache}/lmlab" ] &&
   python3 -c 'import torch; assert torch.cuda.is_available()' 2>/dev/null; then
  export LMLAB_TORCH_PYTHON=python3  # this machine's own PyTorch, rather than a download
fi

scripts/cuda-build.sh --no-test
cli=build-cuda/bin/lmlab-cli
"$cli" info
"$cli" info | grep -q "CUDA: " || { echo "gpu-check: LibTorch sees no CUDA device here" >&2; exit 1; }

echo "gpu-check: CUDA tests"
(cd build-cuda && timeout 240 ctest -L cuda --output-on-failure)

echo "gpu-check: bench, BERT-base shape (12 layers, d 768, 12 heads), seq 512, bf16"
result=$(timeout 180 "$cli" bench --device cuda --arch bert --preset base --seq 512 --batch 32 --vocab 30522 \
         --dropout 0.1 --bf16 --steps 20 --warmup 5 | tail -1)
echo "$result"
RESULT=$result python3 - <<'PY'
import json, os
r = json.loads(os.environ["RESULT"])
tflops, peak = r["gflops_per_s"] / 1000, r["matmul_gflops_per_s"] / 1000
print(f"gpu-check: {r['tokens_per_s']:,.0f} tokens/s, {r['ms_per_step_median']:.1f} ms/step, {tflops:.1f} TFLOP/s "
      f"of model FLOPs = {100 * r['model_flop_utilisation']:.0f}% of this card's measured bf16 matmul rate "
      f"({peak:.0f} TFLOP/s)")
PY
echo "gpu-check: done in $(( $(date +%s) - started )) s"
