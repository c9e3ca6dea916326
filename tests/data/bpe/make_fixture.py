#!/usr/bin/env python3
"""Writes the byte-level BPE fixture: every byte's character (GPT-2's table) plus a few merges
that spell "hello", " world" and "'s"; a GPT-2 and a RoBERTa flavour of the vocabulary.
Run from the repository root: python3 tests/data/bpe/make_fixture.py"""
import json

printable = list(range(33, 127)) + list(range(161, 173)) + list(range(174, 256))
chars, extra = {}, 0
for b in range(256):
    if b in printable:
        chars[b] = b
    else:
        chars[b] = 256 + extra
        extra += 1
vocab = {chr(chars[b]): b for b in range(256)}
merges = [("h", "e"), ("l", "l"), ("he", "ll"), ("hell", "o"), ("\u0120", "w"), ("o", "r"),
          ("\u0120w", "or"), ("\u0120wor", "l"), ("\u0120worl", "d"), ("'", "s")]
for a, b in merges:
    vocab.setdefault(a + b, len(vocab))
gpt2 = dict(vocab, **{"<|endoftext|>": len(vocab)})
roberta = dict(vocab)
for token in ["<s>", "<pad>", "</s>", "<unk>", "<mask>"]:
    roberta[token] = len(roberta)
with open("tests/data/bpe/gpt2-vocab.json", "w") as f:
    f.write(json.dumps(gpt2, ensure_ascii=False))
with open("tests/data/bpe/roberta-vocab.json", "w") as f:
    f.write(json.dumps(roberta, ensure_ascii=False))
with open("tests/data/bpe/merges.txt", "w") as f:
    f.write("#version: 0.2\n" + "".join(f"{a} {b}\n" for a, b in merges))
