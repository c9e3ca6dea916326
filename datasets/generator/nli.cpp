// Natural language inference about the world of world.cpp. Every hypothesis is paired with
// three premises, one per label, so the hypothesis alone says nothing about the label
// (a hypothesis-only classifier stays at chance), and the premise differs from the
// hypothesis in a word whose relation must be known: a dog is an animal (entailment), an
// animal need not be a dog (neutral), a dog is not a cat (contradiction).
#include "generators.h"
#include "world.h"


namespace lmlab::datagen {

namespace {

// Verbs that fit every category, so a premise can swap an animal for a vehicle.
const std::vector<std::string> kAnyVerbs = {"watching", "photographing", "drawing", "painting", "looking at"};
const std::vector<std::string> kPlaces = {"in the park", "near the river", "at home", "in the city", "by the road",
                                          "in the morning", "after school"};

std::string a(const std::string& word) { return article_for(word) + " " + word; }

std::string sentence(const std::string& subject, const std::string& verb, const std::string& object,
                     const std::string& tail = "") {
  return a(subject) + " is " + verb + " " + object + (tail.empty() ? "" : " " + tail) + " .";
}

}  // namespace

std::vector<NliPair> nli_pairs(uint64_t seed, int per_label) {
  Rng rng(seed);
  const auto& w = world();
  std::vector<NliPair> pairs;
  for (int prompt = 0; static_cast<int>(pairs.size()) < 3 * per_label; ++prompt) {
    const std::string subject = rng.pick(w.people);
    const std::string verb = rng.pick(kAnyVerbs);
    const std::string place = rng.pick(kPlaces);
    const Thing& object = rng.pick(w.things);
    // H subject: the same person, or generalised to "person" (still entailed).
    const std::string h_subject = rng.chance(30) ? "person" : subject;
    const auto same_category = w.in_category(object.category);
    // Another thing of the same category, never the object itself.
    size_t own = 0;
    while (same_category[own]->name != object.name) ++own;
    size_t other = rng.below(same_category.size() - 1);
    const Thing* sibling = same_category[other >= own ? other + 1 : other];
    const Thing* stranger = &rng.pick(w.things);
    while (stranger->category == object.category) stranger = &rng.pick(w.things);
    std::string hypothesis, entail, neutral, contradict;
    if (rng.chance(50)) {
      // Specific hypothesis: "a woman is watching a dog ."
      hypothesis = sentence(h_subject, verb, a(object.name));
      entail = sentence(subject, verb, a(object.name), place);
      neutral = sentence(subject, verb, a(rng.chance(50) ? object.kind : object.category), place);
      contradict = sentence(subject, verb, a(sibling->name), place);
    } else {
      // General hypothesis: "a woman is watching an animal ."
      const bool by_kind = object.kind != object.category && rng.chance(40);
      hypothesis = sentence(h_subject, verb, a(by_kind ? object.kind : object.category));
      entail = sentence(subject, verb, a(object.name), place);
      neutral = sentence(subject, verb, "something", place);
      contradict = sentence(subject, verb, a(by_kind && sibling->kind != object.kind ? sibling->name : stranger->name), place);
    }
    for (const auto& [premise, label] : {std::pair{entail, "entailment"}, std::pair{neutral, "neutral"},
                                         std::pair{contradict, "contradiction"}})
      pairs.push_back({premise, hypothesis, label, prompt});
  }
  // Shuffle whole prompts, keeping each hypothesis's three pairs in one split.
  std::vector<int> order(pairs.size() / 3);
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  rng.shuffle(order);
  std::vector<NliPair> shuffled;
  for (int p : order)
    for (int k = 0; k < 3; ++k) shuffled.push_back(pairs[3 * p + k]);
  return shuffled;
}

}  // namespace lmlab::datagen
