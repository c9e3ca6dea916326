#include "lmlab/settings/setting.h"

#include "lmlab/error.h"
#include "lmlab/parse_number.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace lmlab {

using nlohmann::json;

std::string to_string(SettingType type) {
  switch (type) {
    case SettingType::Integer: return "integer";
    case SettingType::Real: return "real";
    case SettingType::Flag: return "flag";
    case SettingType::Choice: return "choice";
    case SettingType::Text: return "text";
    case SettingType::Path: return "path";
    case SettingType::IntegerList: return "integer_list";
  }
  return "text";
}

std::string number_text(double value) {
  if (value == std::floor(value) && std::fabs(value) < 1e15) return std::to_string(static_cast<int64_t>(value));
  std::ostringstream out;
  out << value;
  return out.str();
}

std::string Setting::flag() const {
  std::string flag = "--" + key;
  std::replace(flag.begin(), flag.end(), '_', '-');
  return flag;
}

std::string Setting::default_text() const {
  const json& v = default_value;
  if (v.is_null()) return "";
  if (special && v.is_number() && v.get<double>() == special->value) return special->word;
  if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
  if (v.is_number_integer()) return std::to_string(v.get<int64_t>());
  if (v.is_number_unsigned()) return std::to_string(v.get<uint64_t>());
  if (v.is_number()) return number_text(v.get<double>());
  if (v.is_array()) {
    std::string text;
    for (const auto& item : v) text += (text.empty() ? "" : ",") + std::to_string(item.get<int64_t>());
    return text;
  }
  return v.get<std::string>();
}

namespace {

std::string range_text(const Setting& s) {
  return number_text(s.min) + " and " + number_text(s.max);
}

// code: what the setting expects ("setting_range", "setting_integer", ...); the GUI words it
// from the facts (setting, value, min, max, special, choices).
[[noreturn]] void refuse(const Setting& s, const std::string& code, const std::string& rule, const std::string& value) {
  Error::Facts facts{{"setting", s.key}, {"value", value}, {"min", number_text(s.min)}, {"max", number_text(s.max)}};
  if (s.special) facts.emplace_back("special", s.special->word);
  std::string choices;
  for (const auto& c : s.choices) choices += (choices.empty() ? "" : ", ") + c;
  facts.emplace_back("choices", choices);
  throw Error(code, std::move(facts), "setting '" + s.key + "' " + rule + ", got " + value);
}

[[noreturn]] void refuse(const Setting& s, const std::string& code, const std::string& rule, const json& value) {
  refuse(s, code, rule, value.is_number() ? number_text(value.get<double>()) : value.dump());
}

std::string expected_number(const Setting& s) {
  return (s.type == SettingType::Integer ? "expects an integer" : "expects a number") +
         (s.special ? " or '" + s.special->word + "'" : std::string());
}

json parse_number(const Setting& s, const json& value) {
  if (s.special && value.is_string() && value.get<std::string>() == s.special->word) return s.special->value;
  if (!value.is_number() || (value.is_number_float() && !std::isfinite(value.get<double>()))) {
    refuse(s, s.type == SettingType::Integer ? "setting_integer" : "setting_number", expected_number(s), value);
  }
  const double number = value.get<double>();
  if (s.special && number == s.special->value) return s.type == SettingType::Integer ? json(value.get<int64_t>()) : value;
  if (s.type == SettingType::Integer && number != std::floor(number)) refuse(s, "setting_integer", "expects an integer", value);
  if (number < s.min || number > s.max)
    refuse(s, "setting_range", "must be between " + range_text(s) + (s.special ? " (or " + s.special->word + ")" : ""), value);
  if (s.type == SettingType::Integer) return static_cast<int64_t>(number);
  return number;
}

}  // namespace

json Setting::parse(const json& value) const {
  switch (type) {
    case SettingType::Integer:
    case SettingType::Real:
      return parse_number(*this, value);
    case SettingType::Flag:
      if (!value.is_boolean()) refuse(*this, "setting_flag", "expects true or false", value);
      return value;
    case SettingType::Choice: {
      if (!value.is_string() || std::find(choices.begin(), choices.end(), value.get<std::string>()) == choices.end()) {
        std::string list;
        for (const auto& c : choices) list += (list.empty() ? "" : ", ") + c;
        refuse(*this, "setting_choice", "must be one of " + list, value);
      }
      return value;
    }
    case SettingType::Text:
    case SettingType::Path:
      if (!value.is_string()) refuse(*this, "setting_text", "expects text", value);
      return value;
    case SettingType::IntegerList: {
      if (!value.is_array() || value.empty()) refuse(*this, "setting_integer_list", "expects integers between " + range_text(*this), value);
      json list = json::array();
      for (const auto& item : value) {
        if (!item.is_number_integer() || item.get<double>() < min || item.get<double>() > max)
          refuse(*this, "setting_integer_list", "expects integers between " + range_text(*this), value);
        list.push_back(item.get<int64_t>());
      }
      return list;
    }
  }
  return value;
}

json Setting::parse_text(const std::string& text) const {
  switch (type) {
    case SettingType::Integer: {
      if (special && text == special->word) return parse(json(text));
      const auto number = parse_integer(text);
      if (!number) refuse(*this, "setting_integer", expected_number(*this), "'" + text + "'");
      return parse(json(*number));
    }
    case SettingType::Real: {
      if (special && text == special->word) return parse(json(text));
      size_t used = 0;
      double number = 0;
      try {
        number = std::stod(text, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used == 0 || used != text.size())
        refuse(*this, "setting_number", expected_number(*this), "'" + text + "'");
      return parse(json(number));
    }
    case SettingType::Flag:
      if (text == "true" || text == "1") return true;
      if (text == "false" || text == "0") return false;
      refuse(*this, "setting_flag", "expects true or false", "'" + text + "'");
    case SettingType::IntegerList: {
      const auto numbers = parse_integer_list(text, static_cast<long>(min), static_cast<long>(max));
      if (!numbers)
        refuse(*this, "setting_integer_list",
               "expects integers from " + number_text(min) + " to " + number_text(max) + " separated by commas",
               "'" + text + "'");
      return parse(json(*numbers));
    }
    default:
      return parse(json(text));
  }
}

nlohmann::ordered_json Setting::to_json() const {
  nlohmann::ordered_json j{{"key", key}, {"flag", flag()}, {"type", to_string(type)}, {"default", default_value}};
  if (type == SettingType::Real) {
    j["min"] = min, j["max"] = max;
  } else if (type == SettingType::Integer || type == SettingType::IntegerList) {
    j["min"] = static_cast<int64_t>(min), j["max"] = static_cast<int64_t>(max);
  }
  if (!choices.empty()) j["choices"] = choices;
  if (special) j["special"] = {{"value", special->value}, {"word", special->word}, {"meaning", special->meaning}};
  if (!unit.empty()) j["unit"] = unit;
  j["required"] = required;
  j["help"] = help;
  return j;
}

std::string closest_key(const std::string& key, const std::vector<std::string>& known) {
  // Levenshtein distance; a key within a third of its length (at least 2 edits) is close.
  const auto distance = [](const std::string& a, const std::string& b) {
    std::vector<size_t> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
      size_t diagonal = row[0];
      row[0] = i;
      for (size_t j = 1; j <= b.size(); ++j) {
        const size_t up = row[j];
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
        diagonal = up;
      }
    }
    return row[b.size()];
  };
  std::string best;
  size_t best_distance = std::max<size_t>(2, key.size() / 3) + 1;
  for (const auto& k : known) {
    const auto d = distance(key, k);
    if (d < best_distance) best = k, best_distance = d;
  }
  return best;
}

}  // namespace lmlab
