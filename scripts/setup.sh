#!/usr/bin/env bash
# Installs what LM Lab needs from Debian 12 / Ubuntu packages, and nothing else.
# Safe to run again: it only installs what is missing.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config ccache
  libtorch-dev
  libgloo-dev                  # headers of c10d's Gloo process group (data-parallel training)
  libopenblas0-openmp          # without it LibTorch uses the reference BLAS, ~15x slower
  libsentencepiece-dev
  nlohmann-json3-dev libcli11-dev
  googletest libgtest-dev
  qt6-base-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n libqcustomplot-dev
  fonts-noto-cjk               # Korean lessons and text
  # Real prose for the lessons' default pretraining corpus (core/src/data/lessons_corpus.cpp,
  # datasets/README.md): English from WordNet, the fortunes and the Debian Administrator's
  # Handbook, Korean from LibreOffice's help.
  wordnet-base fortunes debian-handbook libreoffice-help-ko
  xvfb xauth x11-utils imagemagick   # GUI checks and screenshots in a virtual display
  clang libclang-rt-14-dev     # libFuzzer targets for the dataset readers (fuzz/run.sh)
)
if [ "${1:-}" = "--core-only" ]; then
  # A GPU server or CI box that builds only the core and the CLI.
  packages=(build-essential cmake ninja-build pkg-config ccache libtorch-dev libgloo-dev libopenblas0-openmp
            libsentencepiece-dev nlohmann-json3-dev libcli11-dev googletest libgtest-dev)
fi

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages are installed"
else
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  echo "setup: installing ${#missing[@]} missing packages: ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -q
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# LibTorch calls whatever libblas.so.3 points to; make sure it is OpenBLAS.
blas=$(readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || true)
case "$blas" in
  *openblas*) echo "setup: BLAS is OpenBLAS ($blas)" ;;
  *) echo "setup: warning: libblas.so.3 is $blas, not OpenBLAS; training will be slow." \
          "Fix: update-alternatives --config libblas.so.3-x86_64-linux-gnu" >&2 ;;
esac
