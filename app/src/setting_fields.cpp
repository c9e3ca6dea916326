#include "setting_fields.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolTip>

#include <limits>

namespace lmlab::app {

namespace {

// Spin boxes that say why they refuse a keystroke: Qt's drop one that leaves the range without a
// word, so "5" typed into a learning-rate box just did nothing.
template <class Spin>
class SayingSpinBox : public Spin {
 public:
  explicit SayingSpinBox(QString allowed) : allowed_(std::move(allowed)) {}
  QValidator::State validate(QString& text, int& pos) const override {
    const auto state = Spin::validate(text, pos);
    if (state == QValidator::Invalid)
      QToolTip::showText(this->mapToGlobal(QPoint(0, this->height())), allowed_, const_cast<SayingSpinBox*>(this));
    return state;
  }

 private:
  QString allowed_;
};

}  // namespace

SettingFields::SettingFields(QObject* parent) : QObject(parent) {}

QString SettingFields::allowed_text(const Setting& setting, double max, const FieldLook& look) {
  QString text = tr("Allowed: %1 to %2")
                     .arg(QString::fromStdString(number_text(setting.min)), QString::fromStdString(number_text(max)));
  if (setting.special) text += tr(", or %1").arg(look.special_text);
  return text;
}

QWidget* SettingFields::add(QFormLayout* form, const Setting& setting, const FieldLook& look) {
  const QString key = QString::fromStdString(setting.key);
  const double max = look.max > 0 ? look.max : setting.max;
  const double low = setting.special ? std::min(setting.special->value, setting.min) : setting.min;
  QWidget* widget = nullptr;
  switch (setting.type) {
    case SettingType::Integer: {
      auto* spin = new SayingSpinBox<QSpinBox>(allowed_text(setting, max, look));
      constexpr double int_max = std::numeric_limits<int>::max();
      spin->setRange(static_cast<int>(low), static_cast<int>(std::min(max, int_max)));
      if (setting.special) spin->setSpecialValueText(look.special_text);
      spin->setSuffix(look.suffix);
      connect(spin, qOverload<int>(&QSpinBox::valueChanged), this, [this, key] { Q_EMIT edited(key); });
      widget = spin;
      break;
    }
    case SettingType::Real: {
      auto* spin = new SayingSpinBox<QDoubleSpinBox>(allowed_text(setting, max, look));
      spin->setDecimals(look.decimals);
      spin->setRange(low, max);
      if (look.step > 0) spin->setSingleStep(look.step);
      if (setting.special) spin->setSpecialValueText(look.special_text);
      spin->setSuffix(look.suffix);
      connect(spin, qOverload<double>(&QDoubleSpinBox::valueChanged), this, [this, key] { Q_EMIT edited(key); });
      widget = spin;
      break;
    }
    case SettingType::Flag: {
      auto* box = new QCheckBox(look.label);
      connect(box, &QCheckBox::toggled, this, [this, key] { Q_EMIT edited(key); });
      widget = box;
      break;
    }
    case SettingType::Choice: {
      auto* combo = new QComboBox;
      for (size_t i = 0; i < setting.choices.size(); ++i) {
        const auto choice = QString::fromStdString(setting.choices[i]);
        combo->addItem(i < static_cast<size_t>(look.choice_texts.size()) ? look.choice_texts[static_cast<int>(i)] : choice,
                       choice);
      }
      connect(combo, qOverload<int>(&QComboBox::currentIndexChanged), this, [this, key] { Q_EMIT edited(key); });
      widget = combo;
      break;
    }
    default: {
      auto* line = new QLineEdit;
      line->setPlaceholderText(look.special_text);
      connect(line, &QLineEdit::textEdited, this, [this, key] { Q_EMIT edited(key); });
      widget = line;
      break;
    }
  }
  widget->setObjectName(key);
  QString tooltip = look.tooltip.isEmpty() ? QString::fromStdString(setting.help) : look.tooltip;
  if (setting.type == SettingType::Integer || setting.type == SettingType::Real)
    tooltip += QStringLiteral("\n") + allowed_text(setting, max, look);
  widget->setToolTip(tooltip);
  fields_.insert({setting.key, {setting, widget}});
  show_value(setting.key, setting.default_value);
  if (form) {
    if (setting.type == SettingType::Flag) form->addRow(QString(), widget);
    else form->addRow(look.label, widget);
  }
  return widget;
}

QWidget* SettingFields::widget(const std::string& key) const {
  const auto it = fields_.find(key);
  return it == fields_.end() ? nullptr : it->second.widget;
}

std::vector<std::string> SettingFields::keys() const {
  std::vector<std::string> keys;
  for (const auto& [key, field] : fields_) keys.push_back(key);
  return keys;
}

nlohmann::json SettingFields::value(const std::string& key) const {
  const auto& [setting, widget] = fields_.at(key);
  switch (setting.type) {
    case SettingType::Integer: return static_cast<QSpinBox*>(widget)->value();
    case SettingType::Real: return static_cast<QDoubleSpinBox*>(widget)->value();
    case SettingType::Flag: return static_cast<QCheckBox*>(widget)->isChecked();
    case SettingType::Choice: return static_cast<QComboBox*>(widget)->currentData().toString().toStdString();
    // "0, 1, 2" as the CLI takes it; a mistake is the setting's error, naming its key.
    case SettingType::IntegerList: return setting.parse_text(static_cast<QLineEdit*>(widget)->text().toStdString());
    default: return static_cast<QLineEdit*>(widget)->text().trimmed().toStdString();
  }
}

void SettingFields::show_value(const std::string& key, const nlohmann::json& value) {
  const auto it = fields_.find(key);
  if (it == fields_.end() || value.is_null()) return;
  const auto& [setting, widget] = it->second;
  switch (setting.type) {
    case SettingType::Integer: static_cast<QSpinBox*>(widget)->setValue(value.get<int>()); break;
    case SettingType::Real: static_cast<QDoubleSpinBox*>(widget)->setValue(value.get<double>()); break;
    case SettingType::Flag: static_cast<QCheckBox*>(widget)->setChecked(value.get<bool>()); break;
    case SettingType::Choice: {
      auto* combo = static_cast<QComboBox*>(widget);
      combo->setCurrentIndex(combo->findData(QString::fromStdString(value.get<std::string>())));
      break;
    }
    case SettingType::IntegerList: {
      QStringList numbers;
      for (const auto& n : value) numbers << QString::number(n.get<int64_t>());
      static_cast<QLineEdit*>(widget)->setText(numbers.join(QStringLiteral(",")));
      break;
    }
    default: static_cast<QLineEdit*>(widget)->setText(QString::fromStdString(value.get<std::string>())); break;
  }
}

void SettingFields::show_values(const nlohmann::ordered_json& values) {
  for (const auto& [key, field] : fields_)
    if (values.contains(key)) show_value(key, nlohmann::json::parse(values.at(key).dump()));
}

void SettingFields::set_enabled(bool enabled) {
  for (const auto& [key, field] : fields_) field.widget->setEnabled(enabled);
}

nlohmann::json json_of(const QJsonValue& value) {
  // Wrapped in an array, as a JSON document must be an array or an object.
  const auto text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).toStdString();
  return nlohmann::json::parse(text).at(0);
}

QJsonObject qt_json_of(const nlohmann::ordered_json& object) {
  return QJsonDocument::fromJson(QByteArray::fromStdString(object.dump())).object();
}

}  // namespace lmlab::app
