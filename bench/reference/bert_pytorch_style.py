"""A BERT language model written the way the popular BERT-pytorch project writes it, for
timing against lmlab-cli bench --arch bert in one run.

Its design, kept here: separate query/key/value projections, explicit attention, pre-LN
sublayer connections, tanh-approximated GELU written out in Python, sinusoidal positions,
a masked-LM head that projects EVERY position to the vocabulary (untied) with log-softmax
and NLL loss ignoring label 0, an NSP head on the first token, Adam. Prints one JSON line.
"""
import argparse
import json
import math
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Gelu(nn.Module):
    def forward(self, x):
        return 0.5 * x * (1 + torch.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * torch.pow(x, 3))))


class MultiHeaded(nn.Module):
    def __init__(self, heads, d, dropout):
        super().__init__()
        self.h, self.dk = heads, d // heads
        self.q, self.k, self.v, self.out = (nn.Linear(d, d) for _ in range(4))
        self.drop = nn.Dropout(dropout)

    def forward(self, x, mask):
        B = x.size(0)
        q, k, v = (l(x).view(B, -1, self.h, self.dk).transpose(1, 2) for l in (self.q, self.k, self.v))
        scores = torch.matmul(q, k.transpose(-2, -1)) / math.sqrt(self.dk)
        scores = scores.masked_fill(mask == 0, -1e9)
        p = self.drop(F.softmax(scores, dim=-1))
        y = torch.matmul(p, v).transpose(1, 2).contiguous().view(B, -1, self.h * self.dk)
        return self.out(y)


class Sublayer(nn.Module):
    def __init__(self, d, dropout):
        super().__init__()
        self.norm = nn.LayerNorm(d)
        self.drop = nn.Dropout(dropout)

    def forward(self, x, f):
        return x + self.drop(f(self.norm(x)))


class TransformerBlock(nn.Module):
    def __init__(self, d, heads, dropout):
        super().__init__()
        self.attn = MultiHeaded(heads, d, dropout)
        self.ff = nn.Sequential(nn.Linear(d, 4 * d), Gelu(), nn.Dropout(dropout), nn.Linear(4 * d, d))
        self.s1, self.s2 = Sublayer(d, dropout), Sublayer(d, dropout)
        self.drop = nn.Dropout(dropout)

    def forward(self, x, mask):
        x = self.s1(x, lambda t: self.attn(t, mask))
        return self.drop(self.s2(x, self.ff))


class BERT(nn.Module):
    def __init__(self, vocab, d, layers, heads, seq, dropout):
        super().__init__()
        self.tok = nn.Embedding(vocab, d, padding_idx=0)
        self.seg = nn.Embedding(3, d, padding_idx=0)
        pe = torch.zeros(seq, d)
        pos = torch.arange(0, seq).float().unsqueeze(1)
        div = (torch.arange(0, d, 2).float() * -(math.log(10000.0) / d)).exp()
        pe[:, 0::2], pe[:, 1::2] = torch.sin(pos * div), torch.cos(pos * div)
        self.register_buffer("pe", pe.unsqueeze(0))
        self.drop = nn.Dropout(dropout)
        self.blocks = nn.ModuleList(TransformerBlock(d, heads, dropout) for _ in range(layers))

    def forward(self, ids, seg):
        mask = (ids > 0).unsqueeze(1).repeat(1, ids.size(1), 1).unsqueeze(1)
        x = self.drop(self.tok(ids) + self.pe[:, :ids.size(1)] + self.seg(seg))
        for b in self.blocks:
            x = b(x, mask)
        return x


class BERTLM(nn.Module):
    def __init__(self, bert, d, vocab):
        super().__init__()
        self.bert = bert
        self.nsp = nn.Linear(d, 2)
        self.mlm = nn.Linear(d, vocab)
        self.log_softmax = nn.LogSoftmax(dim=-1)

    def forward(self, ids, seg):
        x = self.bert(ids, seg)
        return self.log_softmax(self.nsp(x[:, 0])), self.log_softmax(self.mlm(x))


def main():
    p = argparse.ArgumentParser()
    for name, default in [("layers", 4), ("heads", 4), ("d", 256), ("seq", 128), ("vocab", 8192), ("batch", 16),
                          ("steps", 10), ("warmup", 2), ("threads", 2)]:
        p.add_argument("--" + name, type=int, default=default)
    p.add_argument("--dropout", type=float, default=0.1)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    model = BERTLM(BERT(a.vocab, a.d, a.layers, a.heads, a.seq, a.dropout), a.d, a.vocab)
    opt = torch.optim.Adam(model.parameters(), lr=1e-4, betas=(0.9, 0.999), weight_decay=0.01)
    ids = torch.randint(7, a.vocab, (a.batch, a.seq))
    seg = torch.cat([torch.ones(a.batch, a.seq // 2), 2 * torch.ones(a.batch, a.seq - a.seq // 2)], 1).long()
    labels = torch.where(torch.rand(a.batch, a.seq) < 0.15, torch.randint(7, a.vocab, (a.batch, a.seq)),
                         torch.zeros(a.batch, a.seq, dtype=torch.long))
    is_next = torch.randint(0, 2, (a.batch,))
    nll = nn.NLLLoss(ignore_index=0)
    times = []
    for i in range(a.warmup + a.steps):
        start = time.perf_counter()
        opt.zero_grad()
        nsp, mlm = model(ids, seg)
        loss = nll(nsp, is_next) + nll(mlm.transpose(1, 2), labels)
        loss.backward()
        opt.step()
        if i >= a.warmup:
            times.append((time.perf_counter() - start) * 1000)
    print(json.dumps({"arch": "bert", "impl": "python-bert-pytorch-style", "ms_per_step_median": statistics.median(times),
                      "step_ms": times}))


if __name__ == "__main__":
    main()
