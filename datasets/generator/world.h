#pragma once

#include <string>
#include <vector>

namespace lmlab::datagen {

// The small world every shipped dataset talks about: a taxonomy of things (a dog is a
// mammal, a mammal is an animal), their properties, and the people who deal with them.
// The pretraining corpus states these facts; the NLI set asks about them.
struct Thing {
  std::string name;      // "dog"
  std::string article;   // "a" or "an"
  std::string kind;      // direct category: "mammal"
  std::string category;  // top category: "animal"
  std::string property;  // "barks loudly"
  std::string place;     // where it is usually found: "on the farm"
};

struct World {
  std::vector<Thing> things;
  std::vector<std::string> categories;           // animal, vehicle, food, instrument, tool
  std::vector<std::pair<std::string, std::string>> kinds;  // kind -> category ("mammal", "animal")
  std::vector<std::string> people;                // woman, man, boy, girl, child, ...
  std::vector<std::string> names;                 // anna, minjun, ...

  const Thing& thing(const std::string& name) const;
  std::vector<const Thing*> in_category(const std::string& category) const;
  std::vector<const Thing*> of_kind(const std::string& kind) const;
};

const World& world();

// "a" or "an" before a word.
std::string article_for(const std::string& word);

}  // namespace lmlab::datagen
