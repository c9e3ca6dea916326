#include "checkpoint_picker.h"

#include "error_dialog.h"
#include "error_text.h"
#include "run_store.h"

#include "lmlab/model_config.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QPushButton>

namespace lmlab::app {

namespace {
QString tokenizer_problem_with(const QString& dir);
}  // namespace

CheckpointPicker::CheckpointPicker(RunStore* runs, QStringList kinds, QWidget* parent)
    : QWidget(parent), runs_(runs), kinds_(std::move(kinds)), combo_(new QComboBox) {
  combo_->setObjectName(QStringLiteral("checkpointCombo"));
  // Run names and folders can be long: the list shows them whole, the box elides them rather
  // than widening the window past a laptop screen.
  combo_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  combo_->setMinimumContentsLength(24);
  auto* browse = new QPushButton(tr("Folder…"));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(combo_, 1);
  layout->addWidget(browse);
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Checkpoint folder"));
    if (!dir.isEmpty()) choose(dir);
  });
  connect(combo_, qOverload<int>(&QComboBox::currentIndexChanged), this, &CheckpointPicker::changed);
  if (runs_) {
    connect(runs_, &RunStore::modelReset, this, &CheckpointPicker::refresh);
    connect(runs_, &RunStore::dataChanged, this, &CheckpointPicker::refresh);  // a run finished
  }
  refresh();
}

QString CheckpointPicker::checkpoint() const { return combo_->currentData().toString(); }

bool CheckpointPicker::choose(const QString& dir, const QString& label) {
  if (combo_->findData(dir) < 0) {
    if (const QString problem = tokenizer_only_ ? tokenizer_problem_with(dir) : problem_with(dir); !problem.isEmpty()) {
      open_error_dialog(this, tr("Not a model folder"), problem, QStringLiteral("checkpointError"));
      return false;
    }
    folders_ << dir;
    if (!label.isEmpty()) labels_[dir] = label;
    combo_->addItem(labels_.value(dir, dir), dir);
  }
  combo_->setCurrentIndex(combo_->findData(dir));
  return true;
}

QString CheckpointPicker::problem_with(const QString& dir) {
  const QDir folder(dir);
  if (!QFileInfo(dir).isDir()) return tr("%1 is not a folder.").arg(dir);
  const QString hint = tr("A model folder is what LM Lab saves after training, or what File → Import makes from a "
                          "Hugging Face model.");
  if (!folder.exists(QStringLiteral("config.json")))
    return tr("%1 holds no config.json, so it is not a model folder.").arg(dir) + QLatin1Char(' ') + hint;
  QFile config(folder.filePath(QStringLiteral("config.json")));
  if (!config.open(QIODevice::ReadOnly)) return tr("Cannot read %1.").arg(config.fileName());
  try {
    (void)ModelConfig::from_json(config.readAll().toStdString(), config.fileName().toStdString());
  } catch (const std::exception& e) {
    return tr("%1 does not describe a model: %2").arg(config.fileName(), error_text(e));
  }
  if (!folder.exists(QStringLiteral("model.safetensors")))
    return tr("%1 holds no model.safetensors: the weights are missing.").arg(dir) + QLatin1Char(' ') + hint;
  return tokenizer_problem_with(dir);
}

namespace {

// The tokenizer files load_tokenizer() reads (tokenizer_files.h).
QString tokenizer_problem_with(const QString& dir) {
  const QDir folder(dir);
  if (!QFileInfo(dir).isDir()) return CheckpointPicker::tr("%1 is not a folder.").arg(dir);
  const bool tokenizer = folder.exists(QStringLiteral("tokenizer.model")) || folder.exists(QStringLiteral("vocab.txt")) ||
                         (folder.exists(QStringLiteral("vocab.json")) && folder.exists(QStringLiteral("merges.txt")));
  if (!tokenizer)
    return CheckpointPicker::tr("%1 holds no tokenizer (tokenizer.model, vocab.txt, or vocab.json with merges.txt).")
        .arg(dir);
  return {};
}

}  // namespace

void CheckpointPicker::refresh() {
  const QString current = checkpoint();
  combo_->clear();
  if (runs_)
    for (const RunRecord* run : runs_->with_checkpoint(kinds_))
      combo_->addItem(run->name + QStringLiteral(" (") + run->id + QLatin1Char(')'), run->checkpoint);
  for (const QString& dir : folders_) combo_->addItem(labels_.value(dir, dir), dir);
  const int index = combo_->findData(current);
  combo_->setCurrentIndex(index >= 0 ? index : combo_->count() - 1);  // else the newest run
}

}  // namespace lmlab::app
