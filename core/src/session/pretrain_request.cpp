#include "lmlab/session/pretrain_request.h"

#include "lmlab/sentencepiece_tokenizer.h"

#include "lmlab/atomic_file.h"
#include "lmlab/data/lessons_corpus.h"
#include "lmlab/device_choice.h"
#include "lmlab/error.h"
#include "lmlab/tokenizer_cache.h"
#include "lmlab/train/pretrainer.h"

#include <nlohmann/json.hpp>

namespace lmlab {

namespace {

// The first sentence of the corpus with its third word masked (BERT), or its first words (GPT).
std::string default_probe(const TextCorpus& corpus, Architecture arch) {
  const std::string& sentence = corpus.documents.front().front();
  std::vector<std::string> words;
  size_t start = 0;
  while (start < sentence.size()) {
    const size_t end = sentence.find(' ', start);
    words.push_back(sentence.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  if (arch == Architecture::Gpt) words.resize(std::min<size_t>(words.size(), 3));
  else if (words.size() > 2) words[2] = "[MASK]";
  else words.push_back("[MASK]");
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

void apply_model_settings(ModelConfig& config, const std::string& settings) {
  size_t start = 0;
  while (start < settings.size()) {
    const auto end = std::min(settings.find(',', start), settings.size());
    const auto item = settings.substr(start, end - start);
    start = end + 1;
    const auto equals = item.find('=');
    if (equals == std::string::npos)
      throw Error("setting 'model' takes KEY=VALUE pairs separated by commas, got '" + item + "'");
    const auto key = item.substr(0, equals);
    if (key == "arch" || key == "vocab_size" || key == "num_labels")
      throw Error("setting 'model' cannot set " + key + ": it comes from " +
                  (key == "arch" ? "setting 'arch'" : key == "vocab_size" ? "the tokenizer" : "fine-tuning"));
    const auto& description = model_config_description();
    try {
      description.set(config, key, description.setting(key).parse_text(item.substr(equals + 1)));
    } catch (const Error& e) {
      throw Error("setting 'model': " + std::string(e.what()));
    }
  }
}

// A preset, widened to the sequence length asked for, or a config file that must fit it;
// then the request's model settings over either.
ModelConfig model_config(const PretrainRequest& r, int vocab_size) {
  ModelConfig config;
  const bool preset = r.preset == "tiny" || r.preset == "small" || r.preset == "base";
  if (preset) {
    config = ModelConfig::preset(r.preset, r.arch);
    config.max_seq_len = std::max<int>(config.max_seq_len, static_cast<int>(r.seq_len));
  } else {
    config = ModelConfig::from_json(read_file(r.preset, "model config"), r.preset);
    if (config.arch != r.arch)
      throw Error(r.preset + " describes a " + to_string(config.arch) + " model, not " + to_string(r.arch));
  }
  apply_model_settings(config, r.model);
  if (config.max_seq_len < r.seq_len)
    throw Error("sequence length " + std::to_string(r.seq_len) + " is longer than max_seq_len " +
                std::to_string(config.max_seq_len) + (preset ? " (setting 'model')" : " in " + r.preset));
  config.vocab_size = vocab_size;
  config.validate();
  return config;
}

PreparedPretraining prepare_pretraining(const PretrainRequest& r) {
  PretrainSettings settings;
  settings.objectives = Objectives::parse(r.objective.empty() || r.objective == "auto" ? (r.arch == Architecture::Bert ? "mlm+nsp" : "clm")
                                                              : r.objective);
  settings.steps = r.steps;
  settings.warmup_steps = r.warmup_steps;
  settings.adamw.lr = r.lr;
  settings.adamw.weight_decay = r.weight_decay;
  settings.bf16 = r.bf16;
  const auto device = resolve_device(r.device);
  if (r.bf16 && !device.is_cuda()) throw Error("bf16 autocast needs a CUDA device");
  PreparedPretraining out;
  out.corpus = r.corpus.empty() ? lessons_corpus().path : corpus_file(r.corpus);
  const auto corpus = TextCorpus::read(out.corpus);
  SentencePieceTrainOptions tokenizer_options;
  tokenizer_options.vocab_size = r.vocab_size;
  out.tokenizer = std::make_shared<const SentencePieceTokenizer>(
      !r.tokenizer_file.empty()
          ? SentencePieceTokenizer::load(r.tokenizer_file)
          : TokenizerCache(r.tokenizer_cache.empty() ? TokenizerCache::default_dir() : r.tokenizer_cache)
                .for_corpus(out.corpus, tokenizer_options));
  const auto config = model_config(r, out.tokenizer->vocab_size());
  settings.validate(config);
  torch::manual_seed(r.seed);
  LanguageModel model(config);
  model->to(device);
  PretrainingBatcher batcher(tokenize(corpus, *out.tokenizer), settings.objectives, out.tokenizer->special_ids(),
                             config.vocab_size, r.batch, r.seq_len, r.seed);
  out.trainer = std::make_unique<Pretrainer>(model, std::move(batcher), settings);
  out.documents = corpus.documents.size();
  out.sentences = corpus.sentence_count();
  out.probe = r.probe.empty() ? default_probe(corpus, r.arch) : r.probe;
  return out;
}

}  // namespace lmlab
