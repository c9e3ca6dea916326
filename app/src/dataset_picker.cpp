#include "dataset_picker.h"

#include "bundled_data.h"
#include "error_text.h"

#include "lmlab/data/labeled_dataset.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace lmlab::app {

namespace {

const QString kFiles = QStringLiteral("files");

}  // namespace

// The bundled sets, then every topic or NLI set the Data menu wrote under the data folder.
QVector<DatasetPicker::Listed> DatasetPicker::listed_sets() {
  QVector<Listed> sets;
  const QString data = bundled_datasets_dir();
  if (!data.isEmpty()) {
    sets.push_back({QStringLiteral("news"), tr("News topics (bundled, 4 classes)"),
                    tr("news"), data + QStringLiteral("/agnews/train.csv"),
                    data + QStringLiteral("/agnews/test.csv")});
    sets.push_back({QStringLiteral("nli"), tr("NLI: entailment / neutral / contradiction (bundled pairs)"),
                    tr("NLI"), data + QStringLiteral("/mnli/train.tsv"),
                    data + QStringLiteral("/mnli/dev_matched.tsv")});
  }
  const QDir built(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/datasets"));
  for (const QString& folder : built.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
    const QString base = built.filePath(folder);
    if (QFileInfo::exists(base + QStringLiteral("/topics/train.tsv")))
      sets.push_back({QStringLiteral("built:%1/topics").arg(folder), tr("Topics built from %1").arg(folder),
                      folder + QStringLiteral("/topics"), base + QStringLiteral("/topics/train.tsv"),
                      base + QStringLiteral("/topics/test.tsv")});
    if (QFileInfo::exists(base + QStringLiteral("/nli/train.tsv")))
      sets.push_back({QStringLiteral("built:%1/nli").arg(folder), tr("NLI built from %1").arg(folder),
                      folder + QStringLiteral("/nli"), base + QStringLiteral("/nli/train.tsv"),
                      base + QStringLiteral("/nli/dev_matched.tsv")});
  }
  return sets;
}

DatasetPicker::DatasetPicker(QWidget* parent) : QWidget(parent) {
  source_ = new QComboBox;
  source_->setObjectName(QStringLiteral("dataSource"));
  source_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);  // long set names elide
  source_->setMinimumContentsLength(24);
  train_ = new QLineEdit;
  train_->setObjectName(QStringLiteral("trainFile"));
  train_->setPlaceholderText(tr("training file"));
  test_ = new QLineEdit;
  test_->setObjectName(QStringLiteral("testFile"));
  test_->setPlaceholderText(tr("none: 10% of the training file is held out"));
  auto* browse_train = new QPushButton(tr("File…"));
  auto* browse_test = new QPushButton(tr("File…"));
  files_ = new QWidget;
  auto* grid = new QGridLayout(files_);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->addWidget(new QLabel(tr("Train")), 0, 0);
  grid->addWidget(train_, 0, 1);
  grid->addWidget(browse_train, 0, 2);
  grid->addWidget(new QLabel(tr("Test")), 1, 0);
  grid->addWidget(test_, 1, 1);
  grid->addWidget(browse_test, 1, 2);
  preview_ = new QLabel;
  preview_->setObjectName(QStringLiteral("dataPreview"));
  preview_->setWordWrap(true);
  preview_->setTextFormat(Qt::PlainText);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(source_);
  layout->addWidget(files_);
  layout->addWidget(preview_);

  connect(browse_train, &QPushButton::clicked, this, &DatasetPicker::choose_training_file);
  connect(browse_test, &QPushButton::clicked, this, [this] {
    const QString path = ask_for_file(test_->text(), tr("Test file"));
    if (!path.isEmpty()) use_files(train_->text(), path);
  });
  connect(train_, &QLineEdit::editingFinished, this, &DatasetPicker::update_preview);
  connect(test_, &QLineEdit::editingFinished, this, &DatasetPicker::update_preview);
  connect(source_, qOverload<int>(&QComboBox::currentIndexChanged), this, &DatasetPicker::update_preview);
  rescan();
}

void DatasetPicker::rescan() {
  const QString current = source_->currentData().toString();
  const QSignalBlocker block(source_);
  source_->clear();
  sets_ = listed_sets();
  for (const Listed& set : sets_) source_->addItem(set.label, set.id);
  source_->addItem(tr("Your own files…"), kFiles);
  const int index = source_->findData(current);
  source_->setCurrentIndex(index >= 0 ? index : 0);
  update_preview();
}

bool DatasetPicker::select(const QString& id) {
  const int index = source_->findData(id);
  if (index < 0) return false;
  source_->setCurrentIndex(index);
  update_preview();
  return true;
}

QString DatasetPicker::ask_for_file(const QString& near, const QString& title) {
  return QFileDialog::getOpenFileName(this, title, QFileInfo(near).absolutePath(),
                                      tr("Labelled data (*.csv *.tsv *.jsonl *.json *.txt);;All files (*)"));
}

void DatasetPicker::choose_training_file() {
  const QString path = ask_for_file(train_->text(), tr("Training file"));
  if (!path.isEmpty()) use_files(path, test_->text());
}

void DatasetPicker::use_files(const QString& train, const QString& test) {
  train_->setText(train);
  test_->setText(test);
  select(kFiles);
}

DatasetPicker::Choice DatasetPicker::choice() const {
  Choice c;
  c.id = source_->currentData().toString();
  c.label = source_->currentText();
  if (c.id == kFiles) {
    c.train = train_->text().trimmed();
    c.test = test_->text().trimmed();
    c.name = QFileInfo(c.train).fileName();
  } else {
    for (const Listed& set : sets_)
      if (set.id == c.id) c.train = set.train, c.test = set.test, c.name = set.name;
  }
  c.pairs = pairs_;
  c.usable = usable_;
  return c;
}

void DatasetPicker::update_preview() {
  const bool own = source_->currentData().toString() == kFiles;
  files_->setVisible(own);
  usable_ = false;
  const Choice c = choice();
  if (c.train.isEmpty()) {
    preview_->setText(own ? tr("Choose a training file: AG News CSV, MNLI TSV or JSONL, JSON lines with text and "
                               "label (as Hugging Face datasets exports them), or TSV (text, label).")
                          : tr("The bundled datasets were not found."));
    Q_EMIT changed();
    return;
  }
  // Reading a labelled file takes milliseconds for the sizes learners bring (tens of thousands
  // of rows), so the preview reads it here; training reads it again on the session thread.
  try {
    lmlab::ReadOptions options;
    options.skip_bad_rows = true;
    const auto data = read_labeled_dataset(c.train.toStdString(), options);
    pairs_ = data.pairs;
    const auto counts = data.class_counts();
    const QLocale locale;
    QStringList balance;
    for (size_t i = 0; i < counts.size() && i < 12; ++i)
      balance << QStringLiteral("%1 %2").arg(QString::fromStdString(data.labels[i]), locale.toString(qulonglong(counts[i])));
    if (counts.size() > 12) balance << tr("… %1 labels in all").arg(counts.size());
    QString text = tr("%1 %2 · %3 labels: %4")
                       .arg(locale.toString(qulonglong(data.examples.size())),
                            data.pairs ? tr("sentence pairs") : tr("texts"))
                       .arg(counts.size())
                       .arg(balance.join(QStringLiteral(" · ")));
    if (data.skipped_bad_rows > 0)
      text += QStringLiteral("\n") + tr("%1 malformed rows will be skipped").arg(data.skipped_bad_rows);
    if (data.skipped_unlabeled > 0)
      text += QStringLiteral("\n") + tr("%1 rows without a label are left out").arg(data.skipped_unlabeled);
    text += QStringLiteral("\n") + (c.test.isEmpty() ? tr("Test: 10% of these rows, held out; validation: 10% of the rest.")
                                                    : tr("Test: %1; validation: 10% of the training rows.")
                                                          .arg(QFileInfo(c.test).fileName()));
    if (counts.size() < 2) text += QStringLiteral("\n") + tr("A classifier needs at least two labels.");
    usable_ = counts.size() >= 2;
    preview_->setText(text);
  } catch (const std::exception& e) {
    preview_->setText(tr("Cannot use %1: %2").arg(QFileInfo(c.train).fileName(), error_text(e)));
  }
  Q_EMIT changed();
}

}  // namespace lmlab::app
