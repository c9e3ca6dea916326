#include "export_model_dialog.h"

#include "background_task.h"
#include "checkpoint_picker.h"
#include "error_dialog.h"
#include "error_text.h"

#include "lmlab/io/checkpoint.h"
#include "lmlab/io/hf_model.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>


namespace lmlab::app {

ExportModelDialog::ExportModelDialog(RunStore* runs, QWidget* parent) : QDialog(parent), task_(new BackgroundTask(this)) {
  setWindowTitle(tr("Export a model for Hugging Face"));
  from_ = new CheckpointPicker(runs, {QStringLiteral("pretrain"), QStringLiteral("finetune"), QStringLiteral("distill"),
                                      QStringLiteral("import")});
  out_ = new QLineEdit;
  out_->setObjectName(QStringLiteral("exportFolder"));
  out_->setPlaceholderText(tr("a new folder"));
  auto* browse = new QPushButton(tr("Folder…"));
  auto* out_row = new QHBoxLayout;
  out_row->addWidget(out_, 1);
  out_row->addWidget(browse);
  result_ = new QLabel;
  result_->setObjectName(QStringLiteral("exportResult"));
  result_->setWordWrap(true);
  result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  export_ = new QPushButton(tr("Export"));
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  buttons->addButton(export_, QDialogButtonBox::ActionRole);

  auto* intro = new QLabel(tr("Writes the model as a Hugging Face folder (config.json with model_type bert or gpt2, "
                              "model.safetensors, the tokenizer's files), for transformers in Python."));
  intro->setWordWrap(true);
  auto* form = new QFormLayout;
  form->addRow(tr("Model"), from_);
  form->addRow(tr("Write to"), out_row);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro);
  layout->addLayout(form);
  layout->addWidget(result_);
  layout->addStretch();
  layout->addWidget(buttons);
  resize(640, 260);

  connect(browse, &QPushButton::clicked, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Write the Hugging Face folder into"), out_->text());
    if (!dir.isEmpty()) out_->setText(dir);
  });
  connect(export_, &QPushButton::clicked, this, &ExportModelDialog::export_model);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ExportModelDialog::choose_checkpoint(const QString& dir) { from_->choose(dir); }
void ExportModelDialog::set_out(const QString& dir) { out_->setText(dir); }

void ExportModelDialog::export_model() {
  if (exporting_) return;
  const QString from = from_->checkpoint(), out = QDir::cleanPath(out_->text().trimmed());
  if (from.isEmpty() || out_->text().trimmed().isEmpty()) {
    open_error_dialog(this, tr("Nothing to export"), tr("Choose a model and a folder to write to."),
                      QStringLiteral("exportError"));
    return;
  }
  exporting_ = true;
  export_->setEnabled(false);
  result_->setText(tr("Writing %1…").arg(out));
  task_->start([this, from = from.toStdString(), out](const TaskControl&) -> BackgroundTask::Reply {
    QString notes, error;
    try {
      auto checkpoint = load_checkpoint(from, c10::Device(c10::kCPU));
      for (const auto& note : export_hf_model(*checkpoint.model, *checkpoint.tokenizer, out.toStdString()))
        notes += QStringLiteral("\n• ") + QString::fromStdString(note);
    } catch (const std::exception& e) {
      error = error_text(e);
    }
    return [this, out, notes, error] { finish(out, notes, error); };
  });
}

void ExportModelDialog::finish(const QString& folder, const QString& notes, const QString& error) {
  exporting_ = false;
  export_->setEnabled(true);
  if (!error.isEmpty()) {
    result_->setText(tr("Not exported: %1").arg(error));
    open_error_dialog(this, tr("Model not exported"), error, QStringLiteral("exportError"));
    Q_EMIT failed(error);
    return;
  }
  result_->setText(tr("Written to %1.").arg(folder) + notes);
  Q_EMIT exported(folder);
}

}  // namespace lmlab::app
