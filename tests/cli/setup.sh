# Sourced by the cli test scripts (usage: SCRIPT LMLAB_CLI EXPECT_SH): $cli, $expect, $here,
# a temporary $dir removed at exit, a tokenizer cache of its own, and the animals corpus in
# $dir/corpus.txt.
cli=$1
expect=$2
here=$(dirname "$0")
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export XDG_CACHE_HOME="$dir/cache"
sh "$here/animals_corpus.sh" > "$dir/corpus.txt"
