#!/bin/sh
# usage: translations_complete.sh LUPDATE SOURCE_DIR
# Every tr() string in app/src has a Korean translation: lupdate a copy of the catalogue from
# the sources and fail when anything comes out unfinished (a new or changed string).
set -eu
lupdate=$1
src=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cp "$src/app/i18n/lmlab_ko.ts" "$dir/lmlab_ko.ts"
"$lupdate" "$src/app/src" -ts "$dir/lmlab_ko.ts" -no-obsolete -locations none > "$dir/log" 2>&1
if grep -q 'type="unfinished"' "$dir/lmlab_ko.ts"; then
  echo "untranslated UI strings (run the update_translations target and translate them):"
  grep -B2 'type="unfinished"' "$dir/lmlab_ko.ts" | grep '<source>'
  exit 1
fi
echo PASS
