// libFuzzer targets for every reader of untrusted files, in one binary; LMLAB_FUZZ_TARGET
// picks the reader. Any input must give a result or an lmlab::Error, never a crash, a hang,
// a sanitizer report or another exception. Built and run by fuzz/run.sh (docs/robustness.md).
//
// Inputs of several files (a vocabulary and its merges, a weight index and its shard) are
// split at the first line "--".
#include "lmlab/byte_bpe_tokenizer.h"
#include "lmlab/data/labeled_dataset.h"
#include "lmlab/data/prose_sources.h"
#include "lmlab/data/text_corpus.h"
#include "lmlab/data/wordnet.h"
#include "lmlab/error.h"
#include "lmlab/io/safetensors.h"
#include "lmlab/model_config.h"
#include "lmlab/session/run_log.h"
#include "lmlab/tokenizer_files.h"
#include "lmlab/wordpiece_tokenizer.h"

#include "data/prose/html_text.h"
#include "io/hf/hf_config.h"
#include "io/hf/hf_weights.h"

#include <ATen/ATen.h>
#include <torch/csrc/jit/serialization/pickle.h>

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>

namespace {

namespace fs = std::filesystem;

// The input's parts before and after its first line "--".
std::pair<std::string, std::string> two_files(const std::string& text) {
  const size_t cut = text.find("\n--\n");
  if (cut == std::string::npos) return {text, ""};
  return {text.substr(0, cut), text.substr(cut + 4)};
}

// A folder of its own for path-based readers, emptied before each input.
const fs::path& scratch() {
  static const fs::path dir = fs::temp_directory_path() / ("lmlab-fuzz-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write(const fs::path& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

// What an untrusted tokenizer is asked first: encode some text, decode the ids back.
void use(const lmlab::Tokenizer& tokenizer) {
  tokenizer.decode(tokenizer.encode("Hello, World! 한국어 text [MASK] ☃"));
}

void read_dataset(const std::string& target, const std::string& text, size_t size) {
  lmlab::ReadOptions options;
  options.format = target == "agnews"       ? lmlab::DatasetFormat::AgNewsCsv
                   : target == "mnli_tsv"   ? lmlab::DatasetFormat::MnliTsv
                   : target == "mnli_jsonl" ? lmlab::DatasetFormat::MnliJsonl
                   : target == "jsonl"      ? lmlab::DatasetFormat::Jsonl
                                            : lmlab::DatasetFormat::Tsv;
  options.skip_bad_rows = size % 2 == 0;  // both ways of handling bad rows
  lmlab::parse_labeled_dataset(text, "fuzz.data", options);
}

void read(const std::string& target, const std::string& text, size_t size) {
  if (target == "corpus") {
    lmlab::TextCorpus::parse(text, "fuzz.txt");
  } else if (target == "safetensors") {
    lmlab::decode_safetensors(text, "fuzz.safetensors");
  } else if (target == "model_config") {
    lmlab::ModelConfig::from_json(text, "config.json");
  } else if (target == "hf_config") {
    const auto dir = scratch();
    write(dir / "config.json", text);
    lmlab::hf::read_config((dir / "config.json").string());
  } else if (target == "hf_index") {  // model.safetensors.index.json, then its one shard
    const auto [index, shard] = two_files(text);
    const auto dir = scratch();
    write(dir / "model.safetensors.index.json", index);
    write(dir / "a.safetensors", shard);
    lmlab::hf::read_weights(dir.string());
  } else if (target == "torch_bin") {  // pytorch_model.bin through LibTorch's zip reader and unpickler
    const auto dir = scratch();
    write(dir / "pytorch_model.bin", text);
    lmlab::hf::read_weights(dir.string());
  } else if (target == "bpe") {  // vocab.json, then merges.txt
    const auto [vocab, merges] = two_files(text);
    const auto dir = scratch();
    write(dir / "vocab.json", vocab);
    write(dir / "merges.txt", merges);
    use(lmlab::ByteBpeTokenizer::load((dir / "vocab.json").string(), (dir / "merges.txt").string()));
  } else if (target == "wordpiece") {  // vocab.txt, then tokenizer_config.json
    const auto [vocab, config] = two_files(text);
    const auto dir = scratch();
    write(dir / "vocab.txt", vocab);
    if (!config.empty()) write(dir / "tokenizer_config.json", config);
    use(*lmlab::load_tokenizer(dir.string()));
  } else if (target == "wordpiece_json") {  // a tokenizer.json saved by Hugging Face's tokenizers
    const auto dir = scratch();
    write(dir / "tokenizer.json", text);
    use(*lmlab::load_tokenizer(dir.string()));
  } else if (target == "wordnet") {  // data.noun of a WordNet 3.0 dict folder
    const auto dir = scratch();
    write(dir / "data.noun", text);
    for (const char* part : {"data.verb", "data.adj", "data.adv"}) write(dir / part, "");
    lmlab::WordNet::load(dir.string());
  } else if (target == "fortunes") {  // a cookie file of the fortunes package
    const auto dir = scratch();
    write(dir / "cookies", text);
    lmlab::read_fortunes(dir.string());
  } else if (target == "html") {  // a LibreOffice help or Debian handbook page
    lmlab::split_sentences(lmlab::prose::html_plain_text(text));
  } else if (target == "run_log") {
    lmlab::parse_run_log(text, 1);
  } else {
    read_dataset(target, text, size);
  }
}

}  // namespace

// The torch_bin target's seed is made here, by LibTorch's own writer (a state dict as
// torch.save writes it), into the corpus folder, the last argument.
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  const char* target = std::getenv("LMLAB_FUZZ_TARGET");
  if (!target || std::string(target) != "torch_bin" || *argc < 2) return 0;
  const fs::path corpus = (*argv)[*argc - 1];
  if (!fs::is_directory(corpus)) return 0;
  c10::Dict<std::string, at::Tensor> state;
  state.insert("h.0.weight", at::arange(6, at::kFloat).view({2, 3}));
  state.insert("h.0.bias", at::zeros({2}));
  const auto bytes = torch::jit::pickle_save(state);
  write(corpus / "state_dict", std::string(bytes.begin(), bytes.end()));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string target = std::getenv("LMLAB_FUZZ_TARGET") ? std::getenv("LMLAB_FUZZ_TARGET") : "corpus";
  try {
    read(target, std::string(reinterpret_cast<const char*>(data), size), size);
  } catch (const lmlab::Error&) {
    // A clear error is the expected outcome for garbage.
  }
  return 0;
}
