#include "checkpoint_picker.h"

#include "run_store.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QPushButton>

namespace lmlab::app {

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
  if (runs_) {
    connect(runs_, &RunStore::modelReset, this, &CheckpointPicker::refresh);
    connect(runs_, &RunStore::dataChanged, this, &CheckpointPicker::refresh);  // a run finished
  }
  refresh();
}

QString CheckpointPicker::checkpoint() const { return combo_->currentData().toString(); }

void CheckpointPicker::choose(const QString& dir) {
  if (combo_->findData(dir) < 0) {
    folders_ << dir;
    combo_->addItem(dir, dir);
  }
  combo_->setCurrentIndex(combo_->findData(dir));
}

void CheckpointPicker::refresh() {
  const QString current = checkpoint();
  combo_->clear();
  if (runs_)
    for (const RunRecord* run : runs_->with_checkpoint(kinds_))
      combo_->addItem(run->name + QStringLiteral(" (") + run->id + QLatin1Char(')'), run->checkpoint);
  for (const QString& dir : folders_) combo_->addItem(dir, dir);
  const int index = combo_->findData(current);
  combo_->setCurrentIndex(index >= 0 ? index : combo_->count() - 1);  // else the newest run
}

}  // namespace lmlab::app
