// Natural language inference about the world of world.cpp. Every hypothesis is paired with
// three premises, one per label, so the hypothesis alone says nothing about the label
// (a hypothesis-only classifier stays at chance), and the premise differs from the
// hypothesis in a word whose relation must be known: a dog is a mammal (entailment), a mammal
// need not be a dog (neutral), a dog is not a cat (contradiction). Premises name things,
// kinds and categories under every label, so the premise alone is no shortcut either.
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

// Three levels of the taxonomy: a thing ("dog"), its kind ("mammal"), its category ("animal").
// Under the one-event reading of NLI ("a woman is drawing X" describes the same scene),
// a premise about X entails a hypothesis about an ancestor-or-same of X, is neutral towards a
// descendant of X, and contradicts anything disjoint from X.
struct Term {
  std::string word;
  int level;  // 0 thing, 1 kind, 2 category
};

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
    const bool kind_differs = object.kind != object.category;
    // The hypothesis names the thing or its kind, so each label has a premise: a descendant
    // or the same (entailment), an ancestor (neutral), something disjoint (contradiction).
    const bool about_kind = kind_differs && rng.chance(40);
    const Term hypothesis_term = about_kind ? Term{object.kind, 1} : Term{object.name, 0};

    Term entail_term = hypothesis_term;
    if (about_kind) {
      const auto members = w.of_kind(object.kind);
      entail_term = rng.chance(70) ? Term{members[rng.below(members.size())]->name, 0} : Term{object.kind, 1};
    }
    Term neutral_term{object.category, 2};
    if (!about_kind && kind_differs && rng.chance(50)) neutral_term = Term{object.kind, 1};

    // Disjoint: a sibling of the same kind, another kind of the same category, or another
    // category, named at any level.
    Term contradict_term;
    const auto choice = rng.below(3);
    const auto same_category = w.in_category(object.category);
    std::vector<const Thing*> candidates;
    for (const Thing* t : same_category)
      if (choice == 0 ? (t->kind == object.kind && t->name != object.name) : t->kind != object.kind) candidates.push_back(t);
    if (choice == 2 || candidates.empty()) {
      const Thing* other = &rng.pick(w.things);
      while (other->category == object.category) other = &rng.pick(w.things);
      const auto level = rng.below(3);
      contradict_term = level == 0 ? Term{other->name, 0} : level == 1 ? Term{other->kind, 1} : Term{other->category, 2};
    } else {
      const Thing* other = candidates[rng.below(candidates.size())];
      const bool as_kind = choice == 1 && other->kind != other->category && !about_kind && rng.chance(50);
      contradict_term = as_kind ? Term{other->kind, 1} : Term{other->name, 0};
      if (about_kind && choice == 0) contradict_term = Term{other->name, 0};
    }
    // A kind-level hypothesis is not contradicted by a thing of that kind: skip such draws.
    if (about_kind && contradict_term.level == 0) {
      bool member = false;
      for (const Thing* t : w.of_kind(object.kind)) member = member || t->name == contradict_term.word;
      if (member) continue;
    }
    const std::string hypothesis = sentence(h_subject, verb, a(hypothesis_term.word));
    for (const auto& [term, label] : {std::pair{entail_term, "entailment"}, std::pair{neutral_term, "neutral"},
                                      std::pair{contradict_term, "contradiction"}})
      pairs.push_back({sentence(subject, verb, a(term.word), place), hypothesis, label, prompt});
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
