#include "data_build_dialog.h"

#include "background_task.h"
#include "error_dialog.h"
#include "error_text.h"

#include "lmlab/data/dataset_build.h"
#include "lmlab/error.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>


namespace lmlab::app {

DataBuildDialog::DataBuildDialog(QWidget* parent) : QDialog(parent), task_(new BackgroundTask(this)) {
  setWindowTitle(tr("Build a dataset from Debian packages"));
  source_ = new QComboBox;
  source_->setObjectName(QStringLiteral("dataSource"));
  source_->addItem(tr("WordNet (wordnet-base): English corpus, 8-topic set, NLI set"), QStringLiteral("wordnet"));
  source_->addItem(tr("Fortunes (fortunes): English prose and quotations"), QStringLiteral("fortunes"));
  source_->addItem(tr("Debian Administrator's Handbook (debian-handbook): modern English prose"),
                   QStringLiteral("handbook"));
  source_->addItem(tr("LibreOffice help (libreoffice-help-ko): Korean prose"), QStringLiteral("libreoffice-ko"));
  source_->addItem(tr("The lessons' corpus: all of the above with the world of the news set"), QStringLiteral("lessons"));
  out_ = new QLineEdit;
  auto* browse = new QPushButton(tr("Folder…"));
  auto* out_row = new QHBoxLayout;
  out_row->addWidget(out_, 1);
  out_row->addWidget(browse);
  busy_ = new QProgressBar;
  busy_->setRange(0, 0);
  busy_->hide();
  stage_ = new QLabel;
  result_ = new QLabel;
  result_->setObjectName(QStringLiteral("dataBuildResult"));
  result_->setWordWrap(true);
  result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  build_ = new QPushButton(tr("Build"));
  use_ = new QPushButton(tr("Pretrain on this corpus"));
  use_->setEnabled(false);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
  buttons->addButton(build_, QDialogButtonBox::ActionRole);
  buttons->addButton(use_, QDialogButtonBox::ActionRole);

  auto* form = new QFormLayout;
  form->addRow(tr("Source"), source_);
  form->addRow(tr("Write to"), out_row);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(new QLabel(tr("Real text is built on this machine from installed Debian packages; nothing is "
                                  "downloaded. Licences: datasets/README.md.")));
  layout->addLayout(form);
  layout->addWidget(busy_);
  layout->addWidget(stage_);
  layout->addWidget(result_);
  layout->addWidget(buttons);
  resize(620, 260);

  connect(source_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] { out_->setText(default_out()); });
  connect(browse, &QPushButton::clicked, this, [this] {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Write the dataset to"), out_->text());
    if (!dir.isEmpty()) out_->setText(dir);
  });
  connect(build_, &QPushButton::clicked, this, &DataBuildDialog::build);
  connect(use_, &QPushButton::clicked, this, [this] {
    Q_EMIT corpusChosen(corpus_);
    accept();
  });
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  out_->setText(default_out());
}

QString built_dataset_dir(const QString& source) {
  return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/datasets/") + source;
}

QString DataBuildDialog::default_out() const { return built_dataset_dir(source_->currentData().toString()); }

void DataBuildDialog::set_source(const QString& source) { source_->setCurrentIndex(std::max(0, source_->findData(source))); }
void DataBuildDialog::set_out(const QString& dir) { out_->setText(dir); }
void DataBuildDialog::set_source_dir(const QString& dir) { source_dir_ = dir; }

void DataBuildDialog::build() {
  if (building_) return;
  building_ = true;
  build_->setEnabled(false);
  use_->setEnabled(false);
  busy_->show();
  result_->clear();
  const std::string source = source_->currentData().toString().toStdString();
  const std::string out = out_->text().toStdString(), dir = source_dir_.toStdString();
  task_->start([this, source, out, dir](const TaskControl& control) -> BackgroundTask::Reply {
    QString corpus, summary, error;
    try {
      const auto report = build_dataset(source, out, dir, [this, &control](const std::string& stage) {
        if (control.cancelled()) throw Error("cancelled");  // the dialog was closed: stop between stages
        const QString text = QString::fromStdString(stage);
        control.post([this, text] { stage_->setText(text + QStringLiteral("…")); });
      });
      corpus = QString::fromStdString(report.corpus);
      summary = tr("%1 documents, %2 sentences in %3").arg(report.documents).arg(report.sentences).arg(corpus);
      if (report.nli_pairs > 0)
        summary += tr("; %1 topic examples, %2 NLI pairs beside it").arg(report.topic_examples).arg(report.nli_pairs);
    } catch (const std::exception& e) {
      error = error_text(e);
    }
    return [this, corpus, summary, error] { finish(corpus, summary, error); };
  });
}

void DataBuildDialog::finish(const QString& corpus, const QString& summary, const QString& error) {
  building_ = false;
  busy_->hide();
  stage_->clear();
  build_->setEnabled(true);
  if (!error.isEmpty()) {
    result_->setText(tr("Not built: %1").arg(error));
    open_error_dialog(this, tr("Dataset not built"), error, QStringLiteral("dataBuildError"));
    Q_EMIT failed(error);
    return;
  }
  corpus_ = corpus;
  result_->setText(tr("Built: %1").arg(summary));
  use_->setEnabled(true);
  Q_EMIT built(corpus);
}

}  // namespace lmlab::app
