#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace lmlab {

// Real-text datasets built on the learner's machine from Debian packages (never shipped):
//   lessons         the lessons' default corpus (lessons_corpus.h): corpus.txt, sources.json
//   wordnet         wordnet-base: corpus.txt, topics/, nli/ (see wordnet.h)
//   fortunes        fortunes or fortunes-min: corpus.txt of English prose
//   handbook        debian-handbook: corpus.txt of modern English prose
//   libreoffice-ko  libreoffice-help-ko: corpus.txt of Korean prose
// The CLI's `data build` and the app's Data menu both call this.
struct DatasetBuild {
  std::string source, out;
  std::string corpus;  // out/corpus.txt
  size_t documents = 0, sentences = 0;
  size_t topic_examples = 0, nli_pairs = 0;  // wordnet only
  std::vector<std::string> topic_labels;
};

const std::vector<std::string>& dataset_sources();
bool is_dataset_source(const std::string& name);
std::string unknown_dataset_source_message(const std::string& name);  // names the known ones

// source_dir empty: where Debian installs the package. stage is told what is happening (on
// the calling thread). Throws lmlab::Error naming the package to install, or the file at fault.
DatasetBuild build_dataset(const std::string& source, const std::string& out, const std::string& source_dir = "",
                           const std::function<void(const std::string& stage)>& stage = {});

}  // namespace lmlab
