#include "lmlab/data/lessons_corpus.h"

#include "lmlab/atomic_file.h"
#include "lmlab/cache_dir.h"
#include "lmlab/data/bundled_datasets.h"
#include "lmlab/data/prose_sources.h"
#include "lmlab/data/wordnet.h"
#include "lmlab/error.h"
#include "fnv1a.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <filesystem>

namespace fs = std::filesystem;

namespace lmlab {

namespace {

// Bump when the recipe below changes, so caches built by an older one are not reused.
constexpr const char* kRecipe = "lessons-v1";
// One synset in this many joins the corpus besides every named thing (countries, cities,
// people, companies): enough to cover English's common words without drowning the rest.
constexpr uint64_t kWordNetShare = 4;

}  // namespace

const std::vector<std::string>& held_out_fortunes() {
  static const std::vector<std::string> files{"news", "sports"};
  return files;
}

namespace {

// A WordNet phrase as a sentence: capital first letter, end punctuation.
std::string as_sentence(std::string text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == ';')) text.pop_back();
  if (text.empty()) return text;
  text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  const char last = text.back();
  if (last != '.' && last != '!' && last != '?') text += '.';
  return text;
}

bool names_a_thing(const std::string& word) {
  return !word.empty() && std::isupper(static_cast<unsigned char>(word[0]));
}

// Definitions and examples as WordNet's lexicographers wrote them ("Paris: the capital and
// largest city of France; ..."), one document per synset.
TextCorpus wordnet_prose(const WordNet& wordnet) {
  TextCorpus corpus;
  for (const auto& s : wordnet.synsets()) {
    if (s.definition.empty() || s.words.empty()) continue;
    if (!names_a_thing(s.words[0]) && fnv1a(s.key) % kWordNetShare != 0) continue;
    std::vector<std::string> sentences{as_sentence(s.words[0] + ": " + s.definition)};
    for (const auto& example : s.examples) sentences.push_back(as_sentence(example));
    corpus.documents.push_back(std::move(sentences));
  }
  return corpus;
}

size_t byte_count(const TextCorpus& corpus) {
  size_t n = 0;
  for (const auto& d : corpus.documents)
    for (const auto& s : d) n += s.size() + 1;
  return n;
}

}  // namespace

LessonsCorpus build_lessons_corpus(const LessonsCorpusSources& sources, const std::string& out_dir,
                                   const std::function<void(const std::string&)>& stage) {
  const auto tell = [&](const std::string& text) {
    if (stage) stage(text);
  };
  std::string world = sources.world;
  if (world.empty()) {
    const auto bundled = bundled_datasets_dir();
    if (bundled.empty()) throw Error("the shipped datasets folder was not found: set LMLAB_DATASETS to LM Lab's datasets/");
    world = bundled + "/pretrain/world.txt";
  }
  struct Part {
    const char* name;
    const char* package;
    std::function<TextCorpus()> read;
  };
  const std::vector<Part> parts = {
      {"world", "", [&] { return TextCorpus::read(world); }},
      {"wordnet", "wordnet-base", [&] { return wordnet_prose(WordNet::load(sources.wordnet)); }},
      {"fortunes", "fortunes", [&] { return read_fortunes(sources.fortunes, held_out_fortunes()); }},
      {"handbook", "debian-handbook", [&] { return read_debian_handbook(sources.handbook); }},
      {"korean-help", "libreoffice-help-ko", [&] { return read_libreoffice_help(sources.korean_help); }},
  };
  LessonsCorpus out;
  out.path = (fs::path(out_dir) / "corpus.txt").string();
  TextCorpus all;
  nlohmann::ordered_json manifest{{"recipe", kRecipe}, {"parts", nlohmann::json::array()}};
  for (const auto& part : parts) {
    tell(std::string("reading ") + (*part.package ? part.package : "the world corpus"));
    auto corpus = part.read();
    LessonsCorpusPart report{part.name, part.package, corpus.documents.size(), corpus.sentence_count(),
                             byte_count(corpus)};
    manifest["parts"].push_back({{"name", report.name}, {"package", report.package}, {"documents", report.documents},
                                 {"sentences", report.sentences}, {"bytes", report.bytes}});
    out.parts.push_back(std::move(report));
    for (auto& d : corpus.documents) all.documents.push_back(std::move(d));
  }
  tell("writing " + out.path);
  fs::create_directories(out_dir);
  write_file_atomically(out.path, all.to_text());
  write_file_atomically((fs::path(out_dir) / "sources.json").string(), manifest.dump(2) + "\n");
  return out;
}

std::string lessons_corpus_dir() { return cache_dir() + "/corpora/" + kRecipe; }

LessonsCorpus lessons_corpus(const std::function<void(const std::string&)>& stage, const LessonsCorpusSources& sources) {
  const std::string dir = lessons_corpus_dir();
  const fs::path corpus = fs::path(dir) / "corpus.txt", manifest = fs::path(dir) / "sources.json";
  std::error_code ec;
  // sources.json is written last, so its presence says the corpus beside it is complete.
  if (fs::is_regular_file(corpus, ec) && fs::is_regular_file(manifest, ec)) {
    try {
      const auto j = nlohmann::json::parse(read_file(manifest.string(), "corpus manifest"));
      LessonsCorpus out{corpus.string(), {}};
      for (const auto& p : j.at("parts"))
        out.parts.push_back({p.at("name"), p.at("package"), p.at("documents"), p.at("sentences"), p.at("bytes")});
      return out;
    } catch (const std::exception&) {
      // A damaged manifest: build again below.
    }
  }
  return build_lessons_corpus(sources, dir, stage);
}

}  // namespace lmlab
