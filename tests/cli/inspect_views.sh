#!/bin/sh
# usage: inspect_views.sh LMLAB_CLI EXPECT_SH DATASETS_DIR
# The "why" views from the command line: a tiny BERT pretrained, fine-tuned with its embeddings
# and layer 0 frozen, then inspected. Expectations come from what freezing means (frozen parts
# did not move, so their representations are identical) and from predict-mask's own answer.
set -eu
cli=$1
expect=$2
data=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export XDG_CACHE_HOME="$dir/cache"
head -n 3000 "$data/pretrain/world.txt" > "$dir/corpus.txt"
"$cli" pretrain --arch bert --corpus "$dir/corpus.txt" --steps 20 --batch 16 --seq 48 --vocab 800 \
  --out "$dir/bert" > /dev/null 2>&1
head -n 400 "$data/agnews/train.csv" > "$dir/news-train.csv"
head -n 100 "$data/agnews/test.csv" > "$dir/news-test.csv"
"$cli" finetune --task classify --train "$dir/news-train.csv" --test "$dir/news-test.csv" --from "$dir/bert" \
  --batch 16 --seq 48 --lr 1e-3 --max-steps 10 --freeze embeddings,0 --out "$dir/news" > /dev/null 2>&1

"$cli" inspect changes --from "$dir/bert" --to "$dir/news" --json > "$dir/changes.json"
"$cli" inspect logit-lens --from "$dir/bert" --text "the dog is a [MASK] ." --top 3 --json > "$dir/lens.json"
"$cli" predict-mask --from "$dir/bert" --text "the dog is a [MASK] ." --top 3 --json > "$dir/mask.json"
"$cli" inspect cka --from "$dir/bert" --to "$dir/news" --data "$dir/news-test.csv" --examples 60 --json > "$dir/cka.json"
"$cli" inspect token-loss --from "$dir/bert" --text "the dog is a mammal ." --json > "$dir/loss.json"
"$cli" inspect saliency --from "$dir/news" --text "the busan eagles win the final" --json > "$dir/saliency.json"
"$cli" inspect project --from "$dir/news" --data "$dir/news-test.csv" --examples 60 --json > "$dir/project.json"
"$cli" inspect neighbours --from "$dir/bert" --word "dog" --top 4 --json > "$dir/neighbours.json"
python3 - "$dir" <<'PY'
import json, sys
d = sys.argv[1]
parts = {p["name"]: p for p in json.load(open(d + "/changes.json"))["parts"]}
assert list(parts) == ["embeddings", "layer 0", "layer 1", "head"], list(parts)
assert parts["embeddings"]["relative_change"] == 0 and parts["layer 0"]["relative_change"] == 0, parts
assert parts["layer 1"]["relative_change"] > 0, parts
assert parts["head"]["new_parameters"] > 0, parts  # the classifier the pretrained model lacks

lens, mask = json.load(open(d + "/lens.json")), json.load(open(d + "/mask.json"))
assert [l["layer"] for l in lens["layers"]] == [0, 1, 2], lens["layers"]
last, own = lens["layers"][-1]["masks"][0], mask["masks"][0]
assert last["position"] == own["position"] and last["answer_rank"] == 1
for a, b in zip(last["top"], own["top"]):
    assert a["id"] == b["id"] and abs(a["probability"] - b["probability"]) < 1e-6, (a, b)

cka = [l["cka"] for l in json.load(open(d + "/cka.json"))["layers"]]
assert len(cka) == 3 and abs(cka[0] - 1) < 1e-9 and abs(cka[1] - 1) < 1e-9, cka  # frozen: unchanged
assert cka[2] < 1 - 1e-6, cka

loss = json.load(open(d + "/loss.json"))
scored = [t for t in loss["tokens"] if t["scored"]]
assert loss["masked_one_at_a_time"] and not loss["tokens"][0]["scored"] and not loss["tokens"][-1]["scored"]
assert abs(loss["mean_loss"] - sum(t["loss"] for t in scored) / len(scored)) < 1e-9, loss["mean_loss"]

saliency = json.load(open(d + "/saliency.json"))
assert saliency["label"] in ["World", "Sports", "Business", "Sci/Tech"], saliency["label"]
assert saliency["completeness_gap"] < 0.05, saliency["completeness_gap"]
assert abs(sum(t["integrated_gradients"] for t in saliency["tokens"]) - saliency["attribution_sum"]) < 1e-9

project = json.load(open(d + "/project.json"))
assert len(project["points"]) == 60 and len(project["explained"]) == 2, project.keys()
assert project["labels"] == ["World", "Sports", "Business", "Sci/Tech"], project["labels"]

neighbours = json.load(open(d + "/neighbours.json"))
cosines = [n["cosine"] for n in neighbours["nearest"]]
assert len(cosines) == 4 and cosines == sorted(cosines, reverse=True) and all(-1 <= c <= 1 for c in cosines), cosines
assert not set(n["token"] for n in neighbours["nearest"]) & set(neighbours["pieces"]), neighbours
PY

# Bad input: a clear message and exit 1, nothing half-printed.
"$expect" 1 "the text has no \[MASK\] to predict" "$cli" inspect logit-lens --from "$dir/bert" --text "no mask"
"$expect" 1 "does not exist" "$cli" inspect cka --from "$dir/bert" --to "$dir/news" --data "$dir/none.csv"
"$expect" 1 "explains a classifier's prediction" "$cli" inspect saliency --from "$dir/bert" --text "a text"
"$expect" 2 "option '--to' is required" "$cli" inspect changes --from "$dir/bert"
