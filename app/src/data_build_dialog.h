#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace lmlab::app {

class BackgroundTask;

// Where the Data menu writes a source's dataset by default (source: a dataset_sources() name):
// <app data>/datasets/<source>. Other views look there for a corpus the learner built.
QString built_dataset_dir(const QString& source);

// Data → Build a dataset from Debian packages: real text (WordNet, fortunes, Korean
// LibreOffice help) turned into LM Lab's formats on a worker thread, with its stages shown.
// A missing package is named in a dialog. The built corpus can go straight to the
// pretraining lab.
class DataBuildDialog : public QDialog {
  Q_OBJECT
 public:
  explicit DataBuildDialog(QWidget* parent = nullptr);

  void set_source(const QString& source);
  void set_out(const QString& dir);
  void set_source_dir(const QString& dir);  // tests: a fixture instead of the installed package
  void build();
  QLabel* result() const { return result_; }
  bool building() const { return building_; }

 Q_SIGNALS:
  void built(const QString& corpus);
  void failed(const QString& message);
  void corpusChosen(const QString& corpus);

 private:
  void finish(const QString& corpus, const QString& summary, const QString& error);
  QString default_out() const;

  QComboBox* source_;
  QLineEdit* out_;
  QProgressBar* busy_;
  QLabel* stage_;
  QLabel* result_;
  QPushButton* build_;
  QPushButton* use_;
  QString source_dir_, corpus_;
  bool building_ = false;
  BackgroundTask* task_;  // the build, off the GUI thread
};

}  // namespace lmlab::app
