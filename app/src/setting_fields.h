#pragma once

#include "error_text.h"

#include "lmlab/settings/description.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <map>
#include <string>
#include <vector>

class QFormLayout;
class QJsonObject;
class QJsonValue;
class QWidget;

namespace lmlab::app {

// How a view shows one declared setting: what is translated or a matter of taste. The range,
// default, special value, choices and help come from the setting itself.
struct FieldLook {
  FieldLook(QString label = {}, QString special_text = {}, QString suffix = {})
      : label(std::move(label)), special_text(std::move(special_text)), suffix(std::move(suffix)) {}

  QString label;            // translated; a flag's check box carries it
  QString special_text;     // translated text of the special value ("auto (by model width)")
  QString suffix;           // translated unit after the number
  QStringList choice_texts;  // translated, in the order of the setting's choices
  QString tooltip;          // translated; empty: the setting's help
  int decimals = 2;         // reals
  double step = 0;          // reals: the arrows' step (0: Qt's)
  double max = 0;           // a tighter maximum for this form (0: the setting's)
};

// The widgets of a view's form for declared settings (lmlab/settings/description.h), one per
// key: the view lays them out and labels them; their values go into a request through its
// description, so the form's defaults and checks are the request's. Widgets are named by key.
class SettingFields : public QObject {
  Q_OBJECT
 public:
  explicit SettingFields(QObject* parent = nullptr);

  // A widget for the setting, added as a row of form (a flag: a check box without a label).
  QWidget* add(QFormLayout* form, const Setting& setting, const FieldLook& look);
  QWidget* widget(const std::string& key) const;
  std::vector<std::string> keys() const;

  nlohmann::json value(const std::string& key) const;
  // Shows a value (already checked by the setting); out-of-form values are clamped by Qt.
  void show_value(const std::string& key, const nlohmann::json& value);
  // Every field shows the value of the same key in values (a description's values()).
  void show_values(const nlohmann::ordered_json& values);
  void set_enabled(bool enabled);

  // The request with the form's values set through its description (checked; throws
  // lmlab::Error naming the key).
  template <class Request>
  void write_to(const Description<Request>& description, Request& request) const {
    for (const auto& [key, field] : fields_) description.set(request, key, value(key));
  }

 Q_SIGNALS:
  void edited(const QString& key);

 private:
  // "Allowed: 1e-07 to 0.01, or auto": a number field's tooltip, and what it says when a
  // keystroke would leave that range.
  static QString allowed_text(const Setting& setting, double max, const FieldLook& look);

  struct Field {
    Setting setting;
    QWidget* widget;
  };
  std::map<std::string, Field> fields_;
};

// Between Qt's JSON (presets, run.json) and the core's.
nlohmann::json json_of(const QJsonValue& value);
QJsonObject qt_json_of(const nlohmann::ordered_json& object);

// A lesson preset's or run.json's value set on a request through its description: what is
// wrong (the core's words, naming the key), or empty.
template <class Request>
QString set_setting(const Description<Request>& description, Request& request, const QString& key,
                    const QJsonValue& value) {
  try {
    description.set(request, key.toStdString(), json_of(value));
  } catch (const std::exception& e) {
    return error_text(e);
  }
  return {};
}

}  // namespace lmlab::app
