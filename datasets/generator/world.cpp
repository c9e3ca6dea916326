#include "world.h"

#include <stdexcept>

namespace lmlab::datagen {

std::string article_for(const std::string& word) {
  return word.find_first_of("aeiou") == 0 ? "an" : "a";
}

namespace {

World build() {
  World w;
  const auto add = [&w](const std::string& name, const std::string& kind, const std::string& category,
                        const std::string& property, const std::string& place) {
    w.things.push_back({name, article_for(name), kind, category, property, place});
  };
  // animal
  add("dog", "mammal", "animal", "barks at strangers", "in the yard");
  add("cat", "mammal", "animal", "chases mice", "in the house");
  add("horse", "mammal", "animal", "runs very fast", "on the farm");
  add("cow", "mammal", "animal", "gives milk", "on the farm");
  add("sheep", "mammal", "animal", "grows thick wool", "in the field");
  add("lion", "mammal", "animal", "hunts at night", "on the plain");
  add("rabbit", "mammal", "animal", "eats carrots", "in the garden");
  add("bear", "mammal", "animal", "sleeps all winter", "in the forest");
  add("eagle", "bird", "animal", "flies high above the hills", "in the mountains");
  add("sparrow", "bird", "animal", "builds small nests", "in the trees");
  add("owl", "bird", "animal", "hunts in the dark", "in the forest");
  add("parrot", "bird", "animal", "can copy human words", "in the jungle");
  add("duck", "bird", "animal", "swims on the pond", "by the pond");
  add("penguin", "bird", "animal", "cannot fly", "on the ice");
  add("salmon", "fish", "animal", "swims up the river", "in the river");
  add("shark", "fish", "animal", "has sharp teeth", "in the sea");
  add("trout", "fish", "animal", "lives in cold water", "in the lake");
  add("tuna", "fish", "animal", "swims in large groups", "in the ocean");
  // vehicle
  add("car", "road vehicle", "vehicle", "needs fuel", "on the road");
  add("truck", "road vehicle", "vehicle", "carries heavy loads", "on the highway");
  add("bus", "road vehicle", "vehicle", "carries many passengers", "at the station");
  add("bicycle", "road vehicle", "vehicle", "has two wheels", "on the path");
  add("train", "rail vehicle", "vehicle", "runs on rails", "at the station");
  add("tram", "rail vehicle", "vehicle", "runs through the city", "in the city");
  add("boat", "watercraft", "vehicle", "floats on water", "in the harbor");
  add("ship", "watercraft", "vehicle", "crosses the ocean", "in the port");
  add("airplane", "aircraft", "vehicle", "flies between cities", "at the airport");
  add("helicopter", "aircraft", "vehicle", "can hover in the air", "on the roof");
  // food
  add("apple", "fruit", "food", "is sweet and crunchy", "in the orchard");
  add("banana", "fruit", "food", "is long and yellow", "in the market");
  add("orange", "fruit", "food", "is full of juice", "in the market");
  add("grape", "fruit", "food", "grows in bunches", "in the vineyard");
  add("pear", "fruit", "food", "is soft when ripe", "in the orchard");
  add("carrot", "vegetable", "food", "grows under the ground", "in the garden");
  add("potato", "vegetable", "food", "is cooked in many ways", "in the field");
  add("onion", "vegetable", "food", "makes people cry", "in the kitchen");
  add("cabbage", "vegetable", "food", "has many leaves", "in the garden");
  add("bread", "baked food", "food", "is baked in an oven", "in the bakery");
  add("cake", "baked food", "food", "is eaten at parties", "in the bakery");
  // instrument
  add("guitar", "string instrument", "instrument", "has six strings", "on the stage");
  add("violin", "string instrument", "instrument", "is played with a bow", "in the orchestra");
  add("cello", "string instrument", "instrument", "has a deep voice", "in the orchestra");
  add("piano", "keyboard instrument", "instrument", "has black and white keys", "in the hall");
  add("organ", "keyboard instrument", "instrument", "fills the church with sound", "in the church");
  add("drum", "percussion instrument", "instrument", "keeps the beat", "on the stage");
  add("flute", "wind instrument", "instrument", "is played by blowing", "in the band");
  add("trumpet", "wind instrument", "instrument", "sounds bright and loud", "in the band");
  // tool
  add("hammer", "hand tool", "tool", "drives nails into wood", "in the workshop");
  add("saw", "hand tool", "tool", "cuts wood", "in the workshop");
  add("wrench", "hand tool", "tool", "turns bolts", "in the garage");
  add("shovel", "hand tool", "tool", "digs holes", "in the shed");
  add("drill", "power tool", "tool", "makes holes", "in the workshop");
  add("chainsaw", "power tool", "tool", "cuts down trees", "in the shed");
  w.categories = {"animal", "vehicle", "food", "instrument", "tool"};
  for (const auto& t : w.things) {
    bool seen = false;
    for (const auto& k : w.kinds) seen = seen || k.first == t.kind;
    if (!seen) w.kinds.emplace_back(t.kind, t.category);
  }
  w.people = {"woman", "man", "girl", "boy", "child", "teacher", "doctor", "farmer", "student", "chef"};
  w.names = {"anna", "minjun", "sofia", "jiho", "lucas", "seoyeon", "omar", "emma", "hana", "david",
             "yuna", "leo", "mia", "daniel", "sora", "noah"};
  return w;
}

}  // namespace

const World& world() {
  static const World w = build();
  return w;
}

const Thing& World::thing(const std::string& name) const {
  for (const auto& t : things)
    if (t.name == name) return t;
  throw std::logic_error("no thing " + name);
}

std::vector<const Thing*> World::in_category(const std::string& category) const {
  std::vector<const Thing*> out;
  for (const auto& t : things)
    if (t.category == category) out.push_back(&t);
  return out;
}

std::vector<const Thing*> World::of_kind(const std::string& kind) const {
  std::vector<const Thing*> out;
  for (const auto& t : things)
    if (t.kind == kind) out.push_back(&t);
  return out;
}

}  // namespace lmlab::datagen
