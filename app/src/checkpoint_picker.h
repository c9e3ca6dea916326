#pragma once

#include <QMap>
#include <QStringList>
#include <QWidget>

class QComboBox;

namespace lmlab::app {

class RunStore;

// Which checkpoint to start from: the finished runs of the given kinds that kept one (newest
// last, chosen by default), plus any folder the learner picked with "Folder…". The list follows
// the run store as runs finish; a picked folder stays in it.
class CheckpointPicker : public QWidget {
  Q_OBJECT
 public:
  CheckpointPicker(RunStore* runs, QStringList kinds, QWidget* parent = nullptr);

  QString checkpoint() const;      // the chosen folder, empty when there is none
  // Selects dir, adding it when it is not a listed run (shown as label, or as the folder when
  // label is empty); a folder that holds no model is refused with a dialog saying what is
  // missing (false).
  bool choose(const QString& dir, const QString& label = {});

  // What keeps dir from being a model to start from (the folder, config.json, the weights, a
  // tokenizer), in the UI language, or empty. Reads no weights: it is quick enough for a pick.
  static QString problem_with(const QString& dir);
  // A picker for tokenizers only (the playground's comparison): a folder needs a tokenizer, not
  // a whole model.
  void set_tokenizer_only(bool tokenizer_only) { tokenizer_only_ = tokenizer_only; }

 Q_SIGNALS:
  void changed();  // another checkpoint is chosen

 private:
  void refresh();

  RunStore* runs_;
  QStringList kinds_, folders_;
  QMap<QString, QString> labels_;  // folder -> what the list shows, for folders given a label
  QComboBox* combo_;
  bool tokenizer_only_ = false;
};

}  // namespace lmlab::app
