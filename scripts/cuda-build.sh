#!/usr/bin/env bash
# Builds LM Lab's core, CLI and core tests against PyTorch's own LibTorch 2.x with CUDA (from
# PyPI, in the environment of scripts/python-env.sh) into build-cuda/, and runs the core tests.
# Needs the CUDA toolkit (nvcc, cuDNN headers), not a GPU: without one the CUDA tests skip,
# saying why. Debian's LibTorch 1.13 build (build/, ./lab.sh) is untouched.
#
#   scripts/cuda-build.sh            build and run the core tests
#   scripts/cuda-build.sh --no-test  build only (scripts/gpu-check.sh runs its own tests)
#   LMLAB_TORCH_PYTHON=/path/to/python scripts/cuda-build.sh
#                                    use that Python's PyTorch instead (a GPU server's own install,
#                                    no PyPI needed)
#
# Ends with one line: LibTorch and CUDA versions, tests passed / failed / skipped, minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

scripts/setup.sh --core-only
if [ -n "${LMLAB_TORCH_PYTHON:-}" ]; then
  python=$LMLAB_TORCH_PYTHON
else
  python="$(scripts/python-env.sh)/bin/python"
fi
torch_prefix=$("$python" -c 'import torch.utils; print(torch.utils.cmake_prefix_path)')
# TorchConfig.cmake finds its libraries with find_library, which would take Debian's
# /usr/lib/.../libtorch.so first; the install prefix ahead of the system paths prevents it.
torch_root=$("$python" -c 'import os, torch; print(os.path.dirname(torch.__file__))')
# The wheel's CUDA libraries (nvidia/*/lib) are found by libtorch_cuda.so's RPATH at run time,
# but the linker resolves them by the system's paths, where this machine's older NCCL lacks
# symbols 2.15 uses: point the link at the wheel's own.
wheel_libs=$("$python" -c 'import glob, os, torch
print(":".join(sorted(glob.glob(os.path.join(os.path.dirname(torch.__file__), "..", "nvidia", "*", "lib")))))')
torch_version=$("$python" -c 'import torch; print(torch.__version__)')
torch_cuda=$("$python" -c 'import torch; print(torch.version.cuda or "none")')

nvcc=$(command -v nvcc || echo /usr/local/cuda/bin/nvcc)
[ -x "$nvcc" ] || { echo "cuda-build: nvcc not found (install the CUDA toolkit, or put it on PATH)" >&2; exit 1; }
cuda_root=$(dirname "$(dirname "$(readlink -f "$nvcc")")")
toolkit_version=$("$nvcc" --version | sed -n 's/.*release \([0-9.]*\).*/\1/p')

echo "cuda-build: LibTorch $torch_version (CUDA $torch_cuda) (via $python), CUDA toolkit $toolkit_version at $cuda_root"
cmake -S . -B build-cuda -G Ninja -DCMAKE_BUILD_TYPE=Release -DLMLAB_BUILD_APP=OFF -DLMLAB_BUILD_TESTS=ON \
  -DCMAKE_PREFIX_PATH="$torch_prefix;$torch_root" -DCUDAToolkit_ROOT="$cuda_root" -DCMAKE_CUDA_COMPILER="$nvcc" \
  -DLMLAB_WARNINGS_AS_ERRORS=ON ${wheel_libs:+"-DCMAKE_EXE_LINKER_FLAGS=-Wl,-rpath-link,$wheel_libs"}
grep -q "^TORCH_LIBRARY:.*$torch_root" build-cuda/CMakeCache.txt ||
  { echo "cuda-build: CMake did not take LibTorch from $torch_root (see TORCH_LIBRARY in build-cuda/CMakeCache.txt)" >&2; exit 1; }
cmake --build build-cuda --parallel "$(nproc)" --target lmlab-cli lmlab_core_tests lmlab_session_tsan -- -k 0

summary() {
  echo "cuda-build: LibTorch $torch_version, CUDA $torch_cuda (toolkit $toolkit_version), $1," \
       "$(( ($(date +%s) - started + 30) / 60 )) min"
}
if [ "${1:-}" = "--no-test" ]; then
  summary "built, tests not run"
  exit 0
fi

log=build-cuda/core-tests.log
set +e
(cd build-cuda && OMP_WAIT_POLICY=PASSIVE ctest -R '^(core|cuda)\.' --output-on-failure --timeout 900 \
   --parallel "$(nproc)") > "$log" 2>&1
status=$?
set -e
grep -E "tests passed|Failed|\*\*\*Skipped|Not Run" "$log" | tail -30 || true
passed=$(sed -n 's/.* \([0-9]*\) tests\{0,1\} failed out of \([0-9]*\).*/\2 \1/p' "$log" | awk '{print $1 - $2}')
failed=$(sed -n 's/.* \([0-9]*\) tests\{0,1\} failed out of.*/\1/p' "$log")
skipped=$(grep -c "\*\*\*Skipped" "$log" || true)
summary "tests: $(( ${passed:-0} - skipped )) passed, ${failed:-?} failed, $skipped skipped (log: $log)"
exit $status
