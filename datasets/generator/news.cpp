// News in the four AG News topics. The topics share much of their vocabulary on purpose
// ("record", "win", "talks", "launch", city names that are also team names, companies
// named like things), so a classifier has to read how words are combined, not only which
// words occur.
#include "generators.h"
#include "world.h"

#include <algorithm>
#include <sstream>

namespace lmlab::datagen {

namespace {

const std::vector<std::string> kCities = {"seoul", "busan", "lyon", "oslo", "lima", "cairo", "denver", "osaka", "porto", "delhi"};
const std::vector<std::string> kCountries = {"korea", "france", "norway", "peru", "egypt", "japan", "brazil", "india", "kenya", "canada"};
const std::vector<std::string> kMascots = {"eagles", "bears", "lions", "sharks", "owls", "horses"};
const std::vector<std::string> kCompanies = {"nova motors", "helix labs", "orchard foods", "bluewave shipping",
                                             "granite tools", "apex airlines", "sparrow networks", "lumen bank"};
const std::vector<std::string> kProducts = {"phone", "chip", "battery", "satellite", "robot", "browser", "vaccine", "telescope"};
const std::vector<std::string> kShared = {"record", "strong", "new", "historic", "surprise", "major", "early", "late"};

std::string cap_money(Rng& rng) {  // the real AG News writes $ as #36;
  const auto amount = 1 + rng.below(90);
  const bool billions = rng.chance(50);
  return "#36;" + std::to_string(amount) + (billions ? " billion" : " million");
}

}  // namespace

const std::vector<std::string>& entity_names(int topic) {
  static const std::vector<std::vector<std::string>> names = [] {
    const std::vector<std::string> first = {"va", "kel", "os", "pel", "dra", "mor", "tis", "zan", "bro", "lu"};
    const std::vector<std::string> middle = {"n", "r", "l", "st", "m"};
    const std::vector<std::string> last = {"tor", "mar", "gard", "lion", "vek", "ada", "ion", "ix"};
    std::vector<std::vector<std::string>> out(4);
    Rng rng(99);
    std::vector<std::string> taken;
    for (int topic = 0; topic < 4; ++topic)
      while (out[topic].size() < 2 * kEntitiesPerSplit) {
        const std::string a = rng.pick(first), b = rng.pick(middle), c = rng.pick(last);
        const std::string name = a + b + c;
        if (std::find(taken.begin(), taken.end(), name) != taken.end()) continue;
        taken.push_back(name);
        out[topic].push_back(name);
      }
    return out;
  }();
  return names.at(topic);
}

namespace {

std::string team(Rng& rng) {
  const std::string city = rng.pick(kCities);
  return city + " " + rng.pick(kMascots);
}

}  // namespace

NewsItem news_item(Rng& rng, int topic, bool held_out) {
  NewsItem n;
  n.topic = topic;
  // A third of the items say nothing topical except a name; which topic a name belongs to is
  // stated only in the pretraining corpus, and the test split uses names the training split
  // never shows. A bag of words cannot tell these apart; a pretrained model can.
  if (rng.chance(35)) {
    const auto& names = entity_names(topic);
    const std::string name = names[(held_out ? kEntitiesPerSplit : 0) + rng.below(kEntitiesPerSplit)];
    const std::string shared = rng.pick(kShared), city = rng.pick(kCities);
    const int v = static_cast<int>(rng.below(3));
    n.title = v == 0 ? name + " makes headlines again" : v == 1 ? "a " + shared + " week for " + name : name + " in the news";
    n.description = "reports from " + city + " say " + name + " had a " + shared + " week , and more news is expected soon .";
    return n;
  }
  const std::string shared = rng.pick(kShared);
  const std::string city = rng.pick(kCities), country = rng.pick(kCountries), company = rng.pick(kCompanies);
  const std::string product = rng.pick(kProducts);
  // Drawn up front: C++ leaves the evaluation order inside one expression unspecified, and
  // the files must not depend on the compiler.
  const std::string team1 = team(rng), team2 = team(rng), country2 = rng.pick(kCountries);
  const std::string money = cap_money(rng);
  const int v = static_cast<int>(rng.below(4));
  switch (topic) {
    case 0:  // World
      if (v == 0) n.title = "leaders of " + country + " and " + country2 + " hold " + shared + " talks in " + city,
                  n.description = "the two governments met in " + city + " to discuss trade and the border , and officials said the talks would continue next week .";
      else if (v == 1) n.title = country + " votes in " + shared + " election",
                       n.description = "people in " + country + " went to the polls on sunday , and the result could change the government in " + city + " .";
      else if (v == 2) n.title = "storm hits " + city + " as " + country + " sends help",
                       n.description = "heavy rain flooded parts of " + city + " and the army of " + country + " moved in to help families leave their homes .";
      else n.title = "protest in " + city + " over new law",
           n.description = "thousands marched through " + city + " , and the minister of " + country + " promised to meet them after a " + shared + " week of strikes .";
      break;
    case 1:  // Sports
      if (v == 0) n.title = "the " + team1 + " beat the " + team2 + " in " + shared + " game",
                  n.description = "a late goal gave the " + team1 + " the win , and the coach said the team can still lead the league this season .";
      else if (v == 1) n.title = country + " runner sets " + shared + " time in " + city,
                       n.description = "the athlete won the race in " + city + " and broke the national record , to the joy of the crowd .";
      else if (v == 2) n.title = "coach of the " + team1 + " leaves after " + shared + " loss",
                       n.description = "the club said talks with a new coach had started , and the players will train in " + city + " next week .";
      else n.title = country + " wins the cup in " + city,
           n.description = "the team scored twice in the final and lifted the trophy , a " + shared + " win after ten years without a title .";
      break;
    case 2:  // Business
      if (v == 0) n.title = company + " reports " + shared + " profit",
                  n.description = company + " earned " + money + " last quarter as sales grew in " + country + " , and its shares rose in early trade .";
      else if (v == 1) n.title = company + " to buy rival for " + money,
                       n.description = "the deal would make " + company + " the largest firm of its kind in " + country + " , if the regulators in " + city + " agree .";
      else if (v == 2) n.title = "shares fall in " + city + " as oil prices rise",
                       n.description = "the market had a " + shared + " drop on monday , and banks such as " + company + " lost value as investors sold .";
      else n.title = "workers at " + company + " go on strike",
           n.description = "the union says pay has not kept up with prices , and the strike could cost the firm " + money + " a week .";
      break;
    default:  // Sci/Tech
      if (v == 0) n.title = company + " launches " + shared + " " + product,
                  n.description = "the new " + product + " is faster and uses less power , and it will go on sale in " + country + " next month .";
      else if (v == 1) n.title = "scientists in " + city + " find " + shared + " way to store energy",
                       n.description = "the team built a " + product + " that keeps its charge for weeks , a result that could help the power network of " + country + " .";
      else if (v == 2) n.title = country + " space agency sends " + product + " to orbit",
                       n.description = "the launch from " + city + " went as planned , and the " + product + " will send data back to earth for ten years .";
      else n.title = "security hole found in " + company + " software",
           n.description = "researchers showed that attackers could read data on the network , and " + company + " said a fix would come in a " + shared + " update .";
  }
  // The real files break long descriptions with a backslash.
  if (rng.chance(10)) n.description += " \\ more details are expected later today .";
  return n;
}

void news_document(Rng& rng, int topic, std::ostream& out) {
  for (int i = 0; i < 2; ++i) {
    const auto n = news_item(rng, topic, rng.chance(50));
    std::string text = n.description;
    for (std::string from : {std::string(" \\ "), std::string("#36;")}) {
      for (size_t at; (at = text.find(from)) != std::string::npos;)
        text.replace(at, from.size(), from == "#36;" ? "$" : " ");
    }
    out << n.title << " .\n" << text << "\n";
  }
}

namespace {

std::string csv_field(const std::string& text) {
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

std::string agnews_csv(uint64_t seed, int per_class, bool held_out) {
  Rng rng(seed);
  std::vector<NewsItem> items;
  for (int topic = 0; topic < 4; ++topic)
    for (int i = 0; i < per_class; ++i) items.push_back(news_item(rng, topic, held_out));
  rng.shuffle(items);
  std::ostringstream out;
  for (const auto& n : items)
    out << csv_field(std::to_string(n.topic + 1)) << "," << csv_field(n.title) << "," << csv_field(n.description) << "\n";
  return out.str();
}

}  // namespace lmlab::datagen
