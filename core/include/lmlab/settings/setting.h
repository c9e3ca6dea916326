#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace lmlab {

enum class SettingType { Integer, Real, Flag, Choice, Text, Path, IntegerList };

// A value outside a number's range that means something else: a learning rate of 0 is
// "auto" (chosen by the model's width), a step limit of 0 is "off".
struct SpecialValue {
  double value = 0;
  std::string word;     // what the CLI, config files and forms show for it
  std::string meaning;  // for help texts: "chosen by the model's width"
};

// One setting of a run kind, declared once: the CLI's option, its --help line and check,
// a config file's key, a GUI form's widget, a lesson preset's key and run.json's entry all
// come from it (description.h binds it to a request field).
struct Setting {
  // In declaration order, as the descriptions write them: {"epochs", SettingType::Integer, 1,
  // 10000, {}, {}, "epochs", "N", "passes over the training set"}.
  Setting(std::string key, SettingType type, double min, double max, std::vector<std::string> choices,
          std::optional<SpecialValue> special, std::string unit, std::string value_name, std::string help,
          bool required = false)
      : key(std::move(key)), type(type), min(min), max(max), choices(std::move(choices)), special(std::move(special)),
        unit(std::move(unit)), value_name(std::move(value_name)), help(std::move(help)), required(required) {}

  std::string key;  // snake_case; the CLI flag is --key with '-' for '_'
  SettingType type = SettingType::Text;
  double min = 0, max = 0;           // Integer, Real, IntegerList (each item)
  std::vector<std::string> choices;  // Choice
  std::optional<SpecialValue> special;
  std::string unit;        // after a number: "steps", "examples"
  std::string value_name;  // the CLI's metavariable: N, X, FILE
  std::string help;        // one line, English (the GUI translates its own labels)
  bool required = false;   // no default: the run cannot start without it
  nlohmann::json default_value;  // filled from the request's own default (null when required)

  std::string flag() const;  // "--" + key, '_' written '-'
  // The default as --help and forms show it: "auto", "0.1", "1e-05", "0,1,2" ("" when none).
  std::string default_text() const;
  // A value from a config file, a preset or a form, checked and normalised (an integer
  // stays an integer, a special word becomes its value). Throws lmlab::Error naming the key.
  nlohmann::json parse(const nlohmann::json& value) const;
  // A value as text (the command line): numbers, words, comma lists, true/false for flags.
  nlohmann::json parse_text(const std::string& text) const;
  // What `lmlab-cli describe --json` prints for it.
  nlohmann::ordered_json to_json() const;
};

// The largest seed a setting takes: every integer up to it is exact in a JSON number (2^53 - 1).
inline constexpr double kMaxSeed = 9007199254740991.0;

std::string to_string(SettingType type);

// A number as a person writes it: 0.1, 1e-05, 16000 (not std::to_string's 0.100000).
std::string number_text(double value);

// The known key nearest to a misspelt one (edit distance), or "" when none is close.
std::string closest_key(const std::string& key, const std::vector<std::string>& known);

}  // namespace lmlab
