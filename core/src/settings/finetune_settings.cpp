#include "lmlab/session/finetune_request.h"

namespace lmlab {

namespace {

using T = SettingType;
using D = Description<FinetuneRequest>;

// The data settings fine-tuning, distillation and the bag-of-words baseline share.
void add_data(D& d) {
  d.add(&FinetuneRequest::task, {"task", T::Choice, 0, 0, {"classify", "pair"}, {}, "", "classify|pair",
                                 "single texts or sentence pairs ([CLS] a [SEP] b [SEP])"});
  d.add(&FinetuneRequest::train, {"train", T::Path, 0, 0, {}, {}, "", "FILE", "training set", true});
  d.add(&FinetuneRequest::test, {"test", T::Path, 0, 0, {}, {}, "", "FILE",
                                 "test set, scored once at the end (empty: test_share of the training set)"});
  d.add(&FinetuneRequest::validation_share, {"validation_share", T::Real, 0, 0.49, {}, {}, "", "X",
                                             "share of the training set held out to score every epoch"});
  d.add(&FinetuneRequest::test_share, {"test_share", T::Real, 0.01, 0.49, {}, {}, "", "X",
                                       "share of the training set held out as the test set when no test file is given"});
  d.add(&FinetuneRequest::format, {"format", T::Choice, 0, 0, {"auto", "agnews-csv", "mnli-tsv", "mnli-jsonl", "jsonl", "tsv"},
                                   {}, "", "FORMAT", "how to read the sets"});
  d.add(&FinetuneRequest::skip_bad_rows, {"skip_bad_rows", T::Flag, 0, 0, {}, {}, "", "", "skip and count malformed rows"});
  d.add(&FinetuneRequest::max_train_examples,
        {"train_limit", T::Integer, 1, 1e8, {}, SpecialValue{0, "all", "every training example"}, "examples", "N",
         "use only the first N training examples (a small labelled set)"});
}

// How a classifier is trained, for both fine-tuning and distillation.
void add_training(D& d) {
  d.add(&FinetuneRequest::epochs, {"epochs", T::Integer, 1, 10000, {}, {}, "epochs", "N",
                                   "passes over the training set at most (early stopping may end sooner)"});
  d.add(&FinetuneRequest::max_steps, {"max_steps", T::Integer, 1, 1e8, {}, SpecialValue{0, "off", "all epochs"}, "steps",
                                      "N", "stop after N steps even mid-epoch"});
  d.add(&FinetuneRequest::patience, {"patience", T::Integer, 0, 1000, {}, {}, "evaluations", "N",
                                     "early stopping: stop after N validation scores without improvement and keep "
                                     "the best weights (0: off)"});
  d.add(&FinetuneRequest::eval_every, {"eval_every", T::Integer, 1, 1e8, {}, SpecialValue{0, "epoch", "after every epoch"},
                                       "steps", "N", "score the validation set every N steps"});
  d.add(&FinetuneRequest::train_probe_size, {"train_probe", T::Integer, 1, 1e7, {}, {}, "examples", "N",
                                             "training examples scored with validation, for the train-vs-validation gap"});
  d.add(&FinetuneRequest::batch, {"batch", T::Integer, 1, 4096, {}, {}, "examples", "B", "examples per step"});
  d.add(&FinetuneRequest::seq_len, {"seq", T::Integer, 8, 1 << 20, {}, {}, "tokens", "T",
                                    "tokens per example at most (up to the model's max_seq_len)"});
  d.add(&FinetuneRequest::lr, {"lr", T::Real, 1e-7, 0.5, {},
                               SpecialValue{0, "auto", "by the model's width: 1e-3 for d 128, 5e-4 for d 256, 5e-5 wider"},
                               "", "X", "peak learning rate (AdamW)"});
  d.add(&FinetuneRequest::weight_decay, {"weight_decay", T::Real, 0, 1, {}, {}, "", "X", "AdamW weight decay"});
  d.add(&FinetuneRequest::schedule, {"schedule", T::Choice, 0, 0, {"linear", "cosine", "slanted"}, {}, "", "SCHEDULE",
                                     "learning-rate schedule after warmup (slanted: ULMFiT's triangle)"});
  d.add(&FinetuneRequest::warmup_ratio, {"warmup_ratio", T::Real, 0, 0.99, {}, {}, "", "X",
                                         "share of the steps spent warming up"});
  d.add(&FinetuneRequest::max_grad_norm, {"max_grad_norm", T::Real, 1e-3, 1e6, {}, {}, "", "X",
                                          "gradients are clipped to this global norm"});
  d.add(&FinetuneRequest::layer_lr_decay, {"layer_lr_decay", T::Real, 1e-3, 1, {}, {}, "", "F",
                                           "discriminative learning rates: each layer down gets F times the one above"});
  d.add(&FinetuneRequest::freeze, {"freeze", T::Text, 0, 0, {}, {}, "", "SPEC",
                                   "frozen at the start: none, all-but-head, or parts such as embeddings,0,1"});
  d.add(&FinetuneRequest::gradual_unfreeze_every,
        {"gradual_unfreeze", T::Integer, 1, 1e6, {}, SpecialValue{0, "off", "nothing is unfrozen on a schedule"}, "steps",
         "K", "ULMFiT: train the head, then open one layer from the top every K steps"});
  d.add_rule([](const FinetuneRequest& r) {
    if (!r.freeze.empty() && r.gradual_unfreeze_every > 0)
      throw Error("setting 'freeze' and setting 'gradual_unfreeze' cannot be combined: gradual unfreezing decides "
                  "what is frozen");
  });
  d.add(&FinetuneRequest::device, {"device", T::Choice, 0, 0, {"auto", "cpu", "cuda"}, {}, "", "DEVICE", "where to train"});
  d.add(&FinetuneRequest::resume, {"resume", T::Path, 0, 0, {}, {}, "", "DIR",
                                   "continue a run of these settings saved before its end (--stop-at, or stopped in "
                                   "the lab), exactly"});
  d.add(&FinetuneRequest::seed, {"seed", T::Integer, 0, kMaxSeed, {}, {}, "", "N",
                                 "random seed (weights of new parts, splits, batch order)"});
}

D make_finetune() {
  D d("finetune", "Fine-tune a checkpoint for text or sentence-pair classification (news topics, NLI)");
  add_data(d);
  d.add(&FinetuneRequest::from, {"from", T::Path, 0, 0, {}, {}, "", "DIR",
                                 "pretrained checkpoint (its tokenizer and architecture are used)", true});
  d.add(&FinetuneRequest::from_scratch, {"from_scratch", T::Flag, 0, 0, {}, {}, "", "",
                                         "same architecture and tokenizer, fresh weights (the baseline)"});
  add_training(d);
  return d;
}

D make_distill() {
  D d("distill", "Distil a fine-tuned classifier into a smaller student (DistilBERT)");
  add_data(d);
  d.add(&FinetuneRequest::from, {"teacher", T::Path, 0, 0, {}, {}, "", "DIR", "a fine-tuned classifier checkpoint", true});
  d.add(&FinetuneRequest::student_layers, {"student_layers", T::Integer, 1, 96, {}, {}, "layers", "N",
                                           "layers of the student, initialised from every (L/N)-th teacher layer", true});
  d.add(&FinetuneRequest::temperature, {"temperature", T::Real, 0.01, 100, {}, {}, "", "T",
                                        "softening of the teacher's and the student's outputs"});
  d.add(&FinetuneRequest::soft_weight, {"soft_weight", T::Real, 0, 100, {}, {}, "", "X",
                                        "weight of the KL loss to the teacher's soft labels"});
  d.add(&FinetuneRequest::hard_weight, {"hard_weight", T::Real, 0, 100, {}, {}, "", "X",
                                        "weight of the cross-entropy with the true labels"});
  d.add(&FinetuneRequest::cosine_weight, {"cosine_weight", T::Real, 0, 100, {}, {}, "", "X",
                                          "weight of the hidden-state cosine loss"});
  add_training(d);
  return d;
}

}  // namespace

const Description<FinetuneRequest>& finetune_description() {
  static const D description = make_finetune();
  return description;
}

const Description<FinetuneRequest>& distill_description() {
  static const D description = make_distill();
  return description;
}

const Description<FinetuneRequest>& description_of(const FinetuneRequest& request) {
  return request.student_layers > 0 ? distill_description() : finetune_description();
}

}  // namespace lmlab
