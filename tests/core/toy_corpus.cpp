#include "toy_corpus.h"

#include <random>
#include <sstream>
#include <vector>

namespace lmlab::test {

std::string toy_corpus(int documents, unsigned seed) {
  const std::vector<std::string> animals = {"cat", "dog", "bird", "fish", "horse", "rabbit"};
  const std::vector<std::string> places = {"the mat", "the park", "the tree", "the river", "the field", "the garden"};
  const std::vector<std::string> foods = {"milk", "bones", "seeds", "worms", "hay", "carrots"};
  const std::vector<std::string> verbs = {"sat on", "ran to", "flew over", "swam in", "walked through", "hopped across"};
  std::mt19937 rng(seed);
  std::ostringstream out;
  for (int d = 0; d < documents; ++d) {
    const size_t a = rng() % animals.size();
    const int sentences = 3 + static_cast<int>(rng() % 4);
    for (int s = 0; s < sentences; ++s) {
      const size_t p = rng() % places.size();
      switch (s % 3) {
        case 0: out << "the " << animals[a] << " " << verbs[a] << " " << places[p] << " .\n"; break;
        case 1: out << "the " << animals[a] << " likes to eat " << foods[a] << " every day .\n"; break;
        default: out << "in " << places[p] << " the " << animals[a] << " found some " << foods[a] << " .\n";
      }
    }
    out << "\n";
  }
  return out.str();
}

}  // namespace lmlab::test
