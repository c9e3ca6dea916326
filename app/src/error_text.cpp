#include "error_text.h"

#include "lmlab/error.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace lmlab::app {

namespace {

QString fact(const Error& e, const char* name) { return QString::fromStdString(e.fact(name)); }

// A file by its name, as the views show them; the full path is in the English message.
QString file_name(const Error& e) { return QFileInfo(fact(e, "file")).fileName(); }

// The sentences, in a class so that lupdate files them under one context.
class ErrorText {
  Q_DECLARE_TR_FUNCTIONS(ErrorText)

 public:
  static QString coded_text(const Error& e);

 private:
  static QString or_special(const Error& e);
};

// " or “auto”" where the setting has a special word, else "".
QString ErrorText::or_special(const Error& e) {
  const QString special = fact(e, "special");
  return special.isEmpty() ? QString() : tr(" or “%1”").arg(special);
}

QString ErrorText::coded_text(const Error& e) {
  const std::string& code = e.code();
  const QString setting = fact(e, "setting"), value = fact(e, "value");
  if (code == "setting_range")
    return tr("Setting “%1” must be between %2 and %3%4; it was %5.")
        .arg(setting, fact(e, "min"), fact(e, "max"), or_special(e), value);
  if (code == "setting_integer")
    return tr("Setting “%1” takes a whole number%2; it was %3.").arg(setting, or_special(e), value);
  if (code == "setting_number")
    return tr("Setting “%1” takes a number%2; it was %3.").arg(setting, or_special(e), value);
  if (code == "setting_flag") return tr("Setting “%1” is on or off (true or false); it was %2.").arg(setting, value);
  if (code == "setting_choice")
    return tr("Setting “%1” must be one of %2; it was %3.").arg(setting, fact(e, "choices"), value);
  if (code == "setting_text") return tr("Setting “%1” takes text; it was %2.").arg(setting, value);
  if (code == "setting_integer_list")
    return tr("Setting “%1” takes whole numbers from %2 to %3, separated by commas; it was %4.")
        .arg(setting, fact(e, "min"), fact(e, "max"), value);
  if (code == "setting_unknown") {
    const QString near = fact(e, "near");
    return near.isEmpty() ? tr("There is no setting “%1”.").arg(setting)
                          : tr("There is no setting “%1”; did you mean “%2”?").arg(setting, near);
  }
  if (code == "file_empty") return tr("%1 is empty.").arg(file_name(e));
  if (code == "file_missing") return tr("%1 does not exist.").arg(fact(e, "file"));
  if (code == "file_is_folder") return tr("%1 is a folder, not a file.").arg(fact(e, "file"));
  if (code == "file_not_regular") return tr("%1 is not a regular file (a device or a pipe?).").arg(fact(e, "file"));
  if (code == "file_unreadable") return tr("%1 cannot be read (no permission?).").arg(fact(e, "file"));
  if (code == "line_too_long")
    return tr("%1, line %2: the line is longer than 1 MiB.").arg(file_name(e), fact(e, "line"));
  if (code == "line_binary")
    return tr("%1, line %2: binary data; this is not a text file.").arg(file_name(e), fact(e, "line"));
  if (code == "line_not_utf8")
    return tr("%1, line %2: the text is not UTF-8 (save the file as UTF-8).").arg(file_name(e), fact(e, "line"));
  if (code == "bad_row")
    return tr("%1, line %2 cannot be used: %3.")
        .arg(file_name(e), fact(e, "line"), fact(e, "why"));
  if (code == "output_holds_other" || code == "output_is_input" || code == "output_not_folder")
    return tr("%1 already holds something else (another kind of model, the input or other files); LM Lab "
              "replaces only a folder it wrote of the same kind. Choose another folder.")
        .arg(fact(e, code == "output_not_folder" ? "file" : "folder"));
  if (code == "output_parent_missing") return tr("Cannot write %1: folder %2 does not exist.").arg(fact(e, "file"), fact(e, "folder"));
  if (code == "output_read_only") return tr("Cannot write %1: %2 is read-only.").arg(fact(e, "file"), fact(e, "folder"));
  if (code == "checkpoint_missing") return tr("The model folder %1 does not exist.").arg(fact(e, "folder"));
  if (code == "dataset_too_small")
    return tr("%1 is too small to split into training, validation and test examples.").arg(file_name(e));
  return {};
}

}  // namespace

QString error_text(const std::exception& failure) {
  if (const auto* error = dynamic_cast<const Error*>(&failure)) {
    const QString text = ErrorText::coded_text(*error);
    if (!text.isEmpty()) return text;
  }
  return QString::fromStdString(failure.what());
}

}  // namespace lmlab::app
