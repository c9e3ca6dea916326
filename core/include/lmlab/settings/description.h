#pragma once

#include "lmlab/error.h"
#include "lmlab/settings/setting.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <type_traits>
#include <vector>

namespace lmlab {

// The settings of one run kind (pretrain, finetune, …) bound to the fields of its request
// struct. The request's default member values are the only defaults: a setting's
// default_value is read from Request{}, so --help, describe, the forms and the struct agree.
template <class Request>
class Description {
 public:
  struct Entry {
    Setting setting;
    std::function<nlohmann::json(const Request&)> get;
    std::function<void(Request&, const nlohmann::json&)> set;  // takes a parsed value
  };

  Description(std::string kind, std::string summary) : kind_(std::move(kind)), summary_(std::move(summary)) {}

  // Binds a field (integers, reals, bool, string, vector<int>).
  template <class T>
  Description& add(T Request::*field, Setting setting) {
    return add(std::move(setting), [field](const Request& r) { return nlohmann::json(r.*field); },
               [field](Request& r, const nlohmann::json& v) { r.*field = v.get<T>(); });
  }

  // Binds through functions, for a field stored in another form (an enum).
  Description& add(Setting setting, std::function<nlohmann::json(const Request&)> get,
                   std::function<void(Request&, const nlohmann::json&)> set) {
    for (const auto& e : entries_)
      if (e.setting.key == setting.key) throw Error("setting '" + setting.key + "' is declared twice in " + kind_);
    if (!setting.required) setting.default_value = get(Request{});
    entries_.push_back({std::move(setting), std::move(get), std::move(set)});
    return *this;
  }

  // A rule between settings, checked by check_rules(): throws lmlab::Error naming each
  // setting it involves as "setting 'key'".
  Description& add_rule(std::function<void(const Request&)> rule) {
    rules_.push_back(std::move(rule));
    return *this;
  }

  void check_rules(const Request& request) const {
    for (const auto& rule : rules_) rule(request);
  }

  const std::string& kind() const { return kind_; }
  const std::string& summary() const { return summary_; }
  const std::vector<Entry>& entries() const { return entries_; }

  std::vector<std::string> keys() const {
    std::vector<std::string> keys;
    for (const auto& e : entries_) keys.push_back(e.setting.key);
    return keys;
  }

  const Entry* find(const std::string& key) const {
    for (const auto& e : entries_)
      if (e.setting.key == key) return &e;
    return nullptr;
  }

  const Setting& setting(const std::string& key) const { return entry(key).setting; }

  // One value, checked against its setting. Throws lmlab::Error naming the key (and the
  // closest known key for a misspelt one).
  void set(Request& request, const std::string& key, const nlohmann::json& value) const {
    const auto& e = entry(key);
    e.set(request, e.setting.parse(value));
  }

  // Every key of a JSON object (a config file, a lesson preset); origin names its source in
  // errors. Unknown keys are refused, naming the closest known one.
  void apply(Request& request, const nlohmann::json& object, const std::string& origin) const {
    if (!object.is_object()) throw Error(origin + " must hold a JSON object of " + kind_ + " settings");
    for (auto it = object.begin(); it != object.end(); ++it) {
      try {
        set(request, it.key(), it.value());
      } catch (const Error& e) {
        throw Error(origin + ": " + e.what());
      }
    }
  }

  // Every value of the request within its setting's range and choices (a request filled in
  // code rather than through set()). Throws lmlab::Error naming the first key at fault.
  void check(const Request& request) const {
    for (const auto& e : entries_) (void)e.setting.parse(e.get(request));
  }

  // Settings a run needs but the request lacks: "setting 'train' is required (training set)".
  // keys: only these (a command that takes part of a kind's settings); empty: all.
  void check_required(const Request& request, const std::vector<std::string>& keys = {}) const {
    for (const auto& e : entries_) {
      if (!e.setting.required || (!keys.empty() && std::find(keys.begin(), keys.end(), e.setting.key) == keys.end()))
        continue;
      const nlohmann::json value = e.get(request);
      if (value.is_null() || (value.is_string() && value.get<std::string>().empty()) ||
          (value.is_number() && value.get<double>() == 0))
        throw Error("setting '" + e.setting.key + "' is required (" + e.setting.help + ")");
    }
  }

  // Every setting's value in the request: run.json's "config", a config file to edit.
  nlohmann::ordered_json values(const Request& request) const {
    nlohmann::ordered_json j = nlohmann::ordered_json::object();
    for (const auto& e : entries_) j[e.setting.key] = e.get(request);
    return j;
  }

  // What `lmlab-cli describe KIND --json` prints.
  nlohmann::ordered_json to_json() const {
    nlohmann::ordered_json settings = nlohmann::ordered_json::array();
    for (const auto& e : entries_) settings.push_back(e.setting.to_json());
    return {{"kind", kind_}, {"summary", summary_}, {"settings", settings}};
  }

 private:
  const Entry& entry(const std::string& key) const {
    if (const auto* e = find(key)) return *e;
    const auto near = closest_key(key, keys());
    throw Error("setting_unknown", {{"setting", key}, {"near", near}},
                "unknown " + kind_ + " setting '" + key + "'" + (near.empty() ? "" : "; did you mean '" + near + "'?"));
  }

  std::string kind_, summary_;
  std::vector<Entry> entries_;
  std::vector<std::function<void(const Request&)>> rules_;
};

}  // namespace lmlab
