#!/usr/bin/env bash
# LM Lab's one entry point for a fresh machine:
#   ./lab.sh run    install what is missing, build, open the app
#   ./lab.sh test   install what is missing, build, run every test
#   ./lab.sh build  install what is missing and build (build/bin/lmlab, build/bin/lmlab-cli)
set -euo pipefail
cd "$(dirname "$0")"

action=${1:-}
case "$action" in
  run|test|build) ;;
  *) echo "usage: ./lab.sh run|test|build" >&2; exit 2 ;;
esac

scripts/setup.sh

echo "build: configuring and compiling into build/ (first build takes a few minutes)"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DLMLAB_BUILD_APP=ON -DLMLAB_BUILD_TESTS=ON
cmake --build build --parallel "$(nproc)"

case "$action" in
  build) ;;
  run)
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      echo "run: no display found (DISPLAY and WAYLAND_DISPLAY are unset); starting in a virtual one is" \
           "pointless, so run ./lab.sh run from a desktop session" >&2
      exit 1
    fi
    exec build/bin/lmlab
    ;;
  test)
    # The reference tests check LM Lab against Hugging Face's own libraries, from PyPI, in a
    # cached environment made once here (about 3 minutes, 3 GB); without PyPI they skip.
    scripts/python-env.sh --quiet > /dev/null ||
      echo "test: the Python references could not be installed; the 'reference' tests will say why"
    cd build
    # Qt tests run without a display; each test has its own time limit so nothing hangs CI.
    # Tests run in parallel, each training with all cores: OpenMP's default spin-waiting then
    # makes the processes starve each other (a 50 s test took 400 s); passive waiting fixes it.
    OMP_WAIT_POLICY=PASSIVE QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 900 --parallel "$(nproc)"
    ;;
esac
