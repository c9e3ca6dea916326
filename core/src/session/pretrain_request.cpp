#include "lmlab/session/pretrain_request.h"

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

std::unique_ptr<TrainingJob> make_pretrain_job(const PretrainRequest& r) {
  PretrainSettings settings;
  settings.objectives = Objectives::parse(r.objective.empty() ? (r.arch == Architecture::Bert ? "mlm+nsp" : "clm")
                                                              : r.objective);
  settings.steps = r.steps;
  settings.adamw.lr = r.lr;
  const auto device = resolve_device(r.device);
  const auto corpus = TextCorpus::read(r.corpus);
  SentencePieceTrainOptions tokenizer_options;
  tokenizer_options.vocab_size = r.vocab_size;
  auto tokenizer = std::make_shared<const SentencePieceTokenizer>(
      TokenizerCache(r.tokenizer_cache.empty() ? TokenizerCache::default_dir() : r.tokenizer_cache)
          .for_corpus(r.corpus, tokenizer_options));
  auto config = ModelConfig::preset(r.preset, r.arch);
  config.vocab_size = tokenizer->vocab_size();
  config.max_seq_len = std::max<int>(config.max_seq_len, static_cast<int>(r.seq_len));
  config.validate();
  settings.validate(config);
  torch::manual_seed(r.seed);
  LanguageModel model(config);
  model->to(device);
  PretrainingBatcher batcher(tokenize(corpus, *tokenizer), settings.objectives, tokenizer->special_ids(),
                             config.vocab_size, r.batch, r.seq_len, r.seed);
  auto trainer = std::make_unique<Pretrainer>(model, std::move(batcher), settings);
  const nlohmann::ordered_json state{{"kind", "pretrain"}, {"objective", settings.objectives.name()},
                                     {"steps_planned", r.steps}, {"corpus", r.corpus}};
  return make_pretrain_job(std::move(trainer), tokenizer, r.probe.empty() ? default_probe(corpus, r.arch) : r.probe,
                           state.dump(2) + "\n");
}

}  // namespace lmlab
