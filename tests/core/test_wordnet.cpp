#include "lmlab/data/labeled_dataset.h"
#include "lmlab/data/wordnet.h"
#include "lmlab/error.h"
#include "temp_dir.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

using namespace lmlab;

namespace {

const std::string kFixture = LMLAB_SOURCE_DIR "/tests/data/wordnet";

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(WordNet, ReadsSynsetsWordsPointersAndGlosses) {
  const auto wn = WordNet::load(kFixture);
  EXPECT_EQ(wn.synsets().size(), 15u);  // the licence header lines are skipped
  const auto* dog = wn.find("00004000n");
  ASSERT_NE(dog, nullptr);
  EXPECT_EQ(dog->words, (std::vector<std::string>{"dog", "domestic dog", "Canis familiaris"}));
  EXPECT_EQ(lexname(dog->lex_file), "noun.animal");
  EXPECT_EQ(dog->hypernyms, (std::vector<std::string>{"00002000n"}));
  EXPECT_EQ(dog->definition, "a member of the genus Canis");
  EXPECT_EQ(dog->examples, (std::vector<std::string>{"the dog barked all night"}));
  EXPECT_EQ(wn.find("00005000n")->examples.size(), 2u);
  EXPECT_EQ(wn.find("00012000a")->antonyms, (std::vector<std::string>{"00013000a"}));
  EXPECT_EQ(wn.find("00014000a")->words[0], "galore");  // satellite adjective, marker removed
  EXPECT_EQ(wn.find("00010000v")->hypernyms, (std::vector<std::string>{"00011000v"}));
}

TEST(WordNet, MissingDatabaseNamesTheDebianPackage) {
  try {
    WordNet::load("/nonexistent/wordnet");
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("install Debian's wordnet-base package"), std::string::npos) << e.what();
  }
}

TEST(WordNet, BuildsCorpusTopicsAndNliThatTheReadersAccept) {
  const auto wn = WordNet::load(kFixture);
  test::TempDir dir;
  const auto report = build_wordnet_datasets(wn, dir.path().string());
  const auto corpus = slurp(dir.file("corpus.txt"));
  EXPECT_NE(corpus.find("dog means a member of the genus Canis .\ndog is also called domestic dog .\n"), std::string::npos);
  EXPECT_NE(corpus.find("a dog is a kind of animal ."), std::string::npos);
  EXPECT_NE(corpus.find("hot is the opposite of cold ."), std::string::npos);
  EXPECT_NE(corpus.find("to run is a way to travel ."), std::string::npos);
  EXPECT_EQ(report.corpus_documents, 12u);  // synsets with at least two sentences to say

  // Every fixture category that has examples is cut to the smallest one: here none, since
  // several listed categories are absent, so the topic set is empty but well formed.
  EXPECT_EQ(slurp(dir.file("topics/train.tsv")).substr(0, 11), "text\tlabel\n");

  // dog, cat, wolf, apple, pear have siblings; each prompt gives one pair per label.
  EXPECT_EQ(report.nli_pairs % 3, 0u);
  EXPECT_GE(report.nli_pairs, 3u);
  size_t pairs = 0;
  for (const char* split : {"nli/train.tsv", "nli/dev_matched.tsv"}) {
    if (slurp(dir.file(split)).find('\n') == slurp(dir.file(split)).size() - 1) continue;  // header only
    const auto data = read_labeled_dataset(dir.file(split));
    pairs += data.examples.size();
    const auto counts = data.class_counts();
    EXPECT_EQ(counts[0], counts[1]);
    EXPECT_EQ(counts[1], counts[2]);
  }
  EXPECT_EQ(pairs, report.nli_pairs);
}

}  // namespace
