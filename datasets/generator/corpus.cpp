// The pretraining corpus: documents (blank line between them) that state the world's
// facts in many phrasings, tell short stories that use them, and report news in the four
// topics of the news set, so that pretraining teaches what the fine-tuning sets ask.
#include "generators.h"
#include "rng.h"
#include "world.h"

#include <sstream>

namespace lmlab::datagen {

namespace {

std::string plural(const std::string& word) {
  for (const char* same : {"sheep", "salmon", "trout", "tuna", "fish", "watercraft", "aircraft"})
    if (word == same) return word;
  if (word == "potato") return "potatoes";
  if (word == "child") return "children";
  if (word == "woman") return "women";
  if (word == "man") return "men";
  if (word.back() == 's' || word.back() == 'h') return word + "es";
  if (word.size() > 1 && word.back() == 'y' && word.find_first_of("aeiou", word.size() - 2) == std::string::npos)
    return word.substr(0, word.size() - 1) + "ies";
  return word + "s";
}

std::string a(const std::string& word) { return article_for(word) + " " + word; }

// Facts about one thing, in varied order and phrasing.
void thing_document(Rng& rng, std::ostream& out) {
  const auto& w = world();
  const Thing& t = rng.pick(w.things);
  std::vector<std::string> s;
  switch (rng.below(4)) {
    case 0: s.push_back("the " + t.name + " is " + a(t.kind) + " ."); break;
    case 1: s.push_back(a(t.name) + " is a kind of " + t.kind + " ."); break;
    case 2: s.push_back(plural(t.name) + " are " + plural(t.kind) + " ."); break;
    default: s.push_back("we call the " + t.name + " " + a(t.kind) + " .");
  }
  if (t.kind != t.category) {
    switch (rng.below(3)) {
      case 0: s.push_back("every " + t.kind + " is " + a(t.category) + " , so " + a(t.name) + " is " + a(t.category) + " ."); break;
      case 1: s.push_back("like all " + plural(t.kind) + " , the " + t.name + " is " + a(t.category) + " ."); break;
      default: s.push_back(a(t.name) + " is " + a(t.category) + " because it is " + a(t.kind) + " .");
    }
  }
  s.push_back(rng.chance(50) ? "the " + t.name + " " + t.property + " ." : a(t.name) + " " + t.property + " .");
  s.push_back(rng.chance(50) ? "you can often see " + a(t.name) + " " + t.place + " ."
                             : "most " + plural(t.name) + " are found " + t.place + " .");
  // A contrast with another thing of the same kind or category teaches what it is not.
  const auto siblings = w.in_category(t.category);
  const Thing* other = siblings[rng.below(siblings.size())];
  if (other->name != t.name) {
    s.push_back(rng.chance(50) ? a(t.name) + " is not " + a(other->name) + " , but both are " + plural(t.category) + " ."
                               : "the " + other->name + " is also " + a(t.category) + " , but it " + other->property + " .");
  }
  const auto& unrelated = w.things[rng.below(w.things.size())];
  if (unrelated.category != t.category)
    s.push_back(a(unrelated.name) + " is " + a(unrelated.category) + " , not " + a(t.category) + " .");
  for (const auto& line : s) out << line << "\n";
}

// A short story: a named person does things with the world's things, and the text says what
// those things are, the way children's books do.
void story_document(Rng& rng, std::ostream& out) {
  const auto& w = world();
  const std::string name = rng.pick(w.names);
  const std::string person = rng.pick(w.people);
  const bool she = rng.chance(50);
  const std::string pro = she ? "she" : "he", poss = she ? "her" : "his";
  out << name << " is " << a(person) << " .\n";
  const auto animals = w.in_category("animal");
  const auto vehicles = w.in_category("vehicle");
  const auto foods = w.in_category("food");
  const auto music = w.in_category("instrument");
  const auto tools = w.in_category("tool");
  const Thing* pet = animals[rng.below(animals.size())];
  const Thing* ride = vehicles[rng.below(vehicles.size())];
  const Thing* meal = foods[rng.below(foods.size())];
  const Thing* play = music[rng.below(music.size())];
  const Thing* tool = tools[rng.below(tools.size())];
  const std::vector<std::string> times = {"in the morning", "after lunch", "in the afternoon", "in the evening", "at night"};
  std::vector<std::string> events = {
      pro + " fed the " + pet->name + " " + pet->place + " . the " + pet->name + " is " + a(pet->category) + " that " + pet->property + " .",
      pro + " took the " + ride->name + " to the market . the " + ride->name + " is " + a(ride->category) + " that " + ride->property + " .",
      pro + " ate " + a(meal->name) + " . " + a(meal->name) + " is " + a(meal->kind) + " , and every " + meal->kind + " is " + meal->category + " .",
      pro + " played the " + play->name + " . the " + play->name + " is " + a(play->kind) + " that " + play->property + " .",
      pro + " used a " + tool->name + " to fix the fence . a " + tool->name + " is " + a(tool->category) + " that " + tool->property + " .",
      pro + " watched " + a(pet->name) + " and said that it was " + a(pet->kind) + " .",
  };
  rng.shuffle(events);
  const size_t count = 3 + rng.below(3);
  for (size_t i = 0; i < count; ++i) out << times[i] << " " << events[i] << "\n";
  out << "at the end of the day " << name << " was tired , and " << pro << " went to " << poss << " bed .\n";
}

// What an invented name is: the only place the news set's held-out names are explained.
void entity_document(Rng& rng, std::ostream& out) {
  const int topic = static_cast<int>(rng.below(4));
  const auto& names = entity_names(topic);
  const std::string name = names[rng.below(names.size())];
  switch (topic) {
    case 0:
      out << name << " is a country .\nthe government of " << name << " meets in its capital .\n"
          << "the people of " << name << " vote for a new parliament every four years .\n";
      break;
    case 1:
      out << name << " is a football club .\n" << name << " plays its home games in a large stadium .\n"
          << "the fans of " << name << " sing for the team every weekend .\n";
      break;
    case 2:
      out << name << " is a company .\nshares of " << name << " are traded on the stock market .\n"
          << name << " sells its products to shops and pays its workers every month .\n";
      break;
    default:
      out << name << " is a research lab .\nscientists at " << name << " build new software and machines .\n"
          << "the engineers of " << name << " publish their results in science journals .\n";
  }
}

}  // namespace

std::string pretraining_corpus(uint64_t seed, int documents) {
  Rng rng(seed);
  std::ostringstream out;
  for (int d = 0; d < documents; ++d) {
    const auto kind = rng.below(10);
    if (kind < 4) thing_document(rng, out);
    else if (kind < 6) story_document(rng, out);
    else if (kind < 7) entity_document(rng, out);
    else news_document(rng, static_cast<int>(rng.below(4)), out);
    out << "\n";
  }
  return out.str();
}

}  // namespace lmlab::datagen
