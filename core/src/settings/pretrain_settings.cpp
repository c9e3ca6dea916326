#include "lmlab/session/pretrain_request.h"

namespace lmlab {

namespace {

using T = SettingType;
using D = Description<PretrainRequest>;

D make_pretrain() {
  D d("pretrain", "Pretrain a BERT (MLM, NSP) or GPT (next-token) model on a text corpus");
  d.add({"arch", T::Choice, 0, 0, {"bert", "gpt"}, {}, "", "ARCH", "model family"},
        [](const PretrainRequest& r) { return nlohmann::json(to_string(r.arch)); },
        [](PretrainRequest& r, const nlohmann::json& v) { r.arch = parse_architecture(v.get<std::string>()); });
  d.add(&PretrainRequest::objective, {"objective", T::Choice, 0, 0, {"auto", "mlm", "nsp", "mlm+nsp", "clm"}, {}, "",
                                      "OBJECTIVE", "what to learn (auto: mlm+nsp for bert, clm for gpt)"});
  d.add(&PretrainRequest::corpus, {"corpus", T::Path, 0, 0, {}, {}, "", "FILE|DIR",
                                   "UTF-8 text, one sentence per line and a blank line between documents, or a folder "
                                   "of .txt files (empty: the lessons' corpus of real prose, built on first use)"});
  d.add(&PretrainRequest::preset, {"preset", T::Text, 0, 0, {}, {}, "", "tiny|small|base|FILE.json",
                                   "model size (tiny: 2 layers, d 128; small: 4, 256; base: 12, 768) or a model "
                                   "config file"});
  d.add(&PretrainRequest::model, {"model", T::Text, 0, 0, {}, {}, "", "KEY=VALUE,...",
                                  "model settings over the preset, by the keys `lmlab-cli describe model` lists, e.g. "
                                  "n_layers=4,position_encoding=rotary"});
  d.add_rule([](const PretrainRequest& r) {
    ModelConfig config;  // the syntax and every value, before a corpus is read
    apply_model_settings(config, r.model);
  });
  d.add(&PretrainRequest::steps, {"steps", T::Integer, 1, 1e8, {}, {}, "steps", "N", "optimizer steps"});
  d.add(&PretrainRequest::batch, {"batch", T::Integer, 1, 4096, {}, {}, "sequences", "B", "sequences per step"});
  d.add(&PretrainRequest::seq_len, {"seq", T::Integer, 8, 4096, {}, {}, "tokens", "T", "tokens per sequence"});
  d.add(&PretrainRequest::lr, {"lr", T::Real, 1e-7, 0.5, {}, {}, "", "X", "peak learning rate (AdamW)"});
  d.add(&PretrainRequest::warmup_steps, {"warmup", T::Integer, 0, 1e8, {}, SpecialValue{-1, "auto", "10% of the steps"},
                                         "steps", "N", "linear warmup steps"});
  d.add(&PretrainRequest::weight_decay, {"weight_decay", T::Real, 0, 1, {}, {}, "", "X", "AdamW weight decay"});
  d.add(&PretrainRequest::vocab_size, {"vocab", T::Integer, 300, 1e6, {}, {}, "pieces", "N",
                                       "vocabulary size when a tokenizer is trained for the corpus"});
  d.add(&PretrainRequest::tokenizer_file, {"tokenizer", T::Path, 0, 0, {}, {}, "", "FILE",
                                           "a SentencePiece .model to use instead of training or reusing one"});
  d.add(&PretrainRequest::probe, {"probe", T::Text, 0, 0, {}, {}, "", "TEXT",
                                  "text the model is asked about while it trains (empty: from the corpus)"});
  d.add(&PretrainRequest::device, {"device", T::Choice, 0, 0, {"auto", "cpu", "cuda"}, {}, "", "DEVICE", "where to train"});
  d.add(&PretrainRequest::bf16, {"bf16", T::Flag, 0, 0, {}, {}, "", "", "bf16 autocast (CUDA only)"});
  d.add(&PretrainRequest::resume, {"resume", T::Path, 0, 0, {}, {}, "", "DIR",
                                   "continue a run saved by pretrain (same corpus, model and steps), exactly"});
  d.add(&PretrainRequest::seed, {"seed", T::Integer, 0, kMaxSeed, {}, {}, "", "N", "random seed for weights and batches"});
  return d;
}

}  // namespace

const Description<PretrainRequest>& pretrain_description() {
  static const D description = make_pretrain();
  return description;
}

}  // namespace lmlab
