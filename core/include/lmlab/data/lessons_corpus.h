#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace lmlab {

// The default pretraining corpus of the lessons and of `lmlab-cli pretrain` without --corpus:
// real prose from Debian's packages (cased, with the punctuation, numbers and names real text
// has) mixed with the shipped world corpus, whose invented names the lessons' news and NLI
// sets need. Built on the learner's machine, never shipped; the same packages give the same
// bytes (files in sorted order, choices by hash, no random generator).
struct LessonsCorpusPart {
  std::string name;     // "world", "wordnet", "fortunes", "handbook", "korean-help"
  std::string package;  // the Debian package it comes from ("" for the shipped world corpus)
  size_t documents = 0, sentences = 0, bytes = 0;
};

struct LessonsCorpus {
  std::string path;  // corpus.txt
  std::vector<LessonsCorpusPart> parts;
};

// Where each part is read from; the defaults are where Debian installs the packages.
struct LessonsCorpusSources {
  std::string world;  // empty: bundled_datasets_dir()/pretrain/world.txt
  std::string wordnet = "/usr/share/wordnet";
  std::string fortunes = "/usr/share/games/fortunes";
  std::string handbook = "/usr/share/doc/debian-handbook/html/en-US";
  std::string korean_help = "/usr/share/libreoffice/help/ko";
};

// The fortune files left out of the corpus: newspaper items, headlines and sports stories, kept
// aside as unseen news-style text to measure tokenizers on (datasets/README.md).
const std::vector<std::string>& held_out_fortunes();

// Builds the corpus into out_dir/corpus.txt (written atomically, with sources.json beside it).
// Throws lmlab::Error naming the Debian package to install when a source is missing.
LessonsCorpus build_lessons_corpus(const LessonsCorpusSources& sources, const std::string& out_dir,
                                   const std::function<void(const std::string& stage)>& stage = {});

// The corpus in the cache (cache_dir()/corpora/lessons-vN), built there on first use.
LessonsCorpus lessons_corpus(const std::function<void(const std::string& stage)>& stage = {},
                             const LessonsCorpusSources& sources = {});
std::string lessons_corpus_dir();

}  // namespace lmlab
