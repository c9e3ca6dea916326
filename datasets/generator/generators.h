#pragma once

#include "lmlab/data/nli_writer.h"
#include "rng.h"

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace lmlab::datagen {

// Topics in AG News order: 1 World, 2 Sports, 3 Business, 4 Sci/Tech (index 0..3 here).
struct NewsItem {
  int topic = 0;
  std::string title, description;
};
// held_out: draw names from the half of entity_names() that the training split never uses.
NewsItem news_item(Rng& rng, int topic, bool held_out);
// Invented names (a country, a club, a company, a lab) per topic; the first
// kEntitiesPerSplit appear in training news, the rest only in test news and the corpus.
constexpr size_t kEntitiesPerSplit = 12;
const std::vector<std::string>& entity_names(int topic);
// A news document for the pretraining corpus: a headline sentence and a few more.
void news_document(Rng& rng, int topic, std::ostream& out);

std::string pretraining_corpus(uint64_t seed, int documents);
// AG News CSV rows, balanced, shuffled.
std::string agnews_csv(uint64_t seed, int per_class, bool held_out);

using lmlab::NliPair;
std::vector<NliPair> nli_pairs(uint64_t seed, int per_label);

}  // namespace lmlab::datagen
