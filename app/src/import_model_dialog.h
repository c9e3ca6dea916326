#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace lmlab::app {

class BackgroundTask;

class RunStore;

// File → Import pretrained model: a Hugging Face folder (BERT, DistilBERT, RoBERTa, GPT-2)
// read on a worker thread into a run of kind "import", whose checkpoint the fine-tuning lab
// and the playground can start from. What the folder lacked (a head that starts from random
// weights, unused tensors) is shown; a folder LM Lab cannot read is named in a dialog. A
// learner without a model folder can fetch a real one (all-MiniLM-L6-v2, pretrained_fetch.h)
// with one button, which then imports it.
class ImportModelDialog : public QDialog {
  Q_OBJECT
 public:
  explicit ImportModelDialog(RunStore* runs, QWidget* parent = nullptr);

  void set_folder(const QString& folder);
  void import_model();
  // Runs the fetch script (fetch_script_path(), or the one set here) and imports its folder.
  void set_fetch_script(const QString& script);
  void fetch_model();
  bool importing() const { return importing_; }
  QLabel* result() const { return result_; }

 Q_SIGNALS:
  void imported(const QString& run_id);
  void failed(const QString& message);
  void openInPlayground(const QString& checkpoint);

 private:
  void finish(const QString& run_id, const QString& summary, const QString& error);
  // A fetch or an import runs (buttons off, the busy bar shown), or none does.
  void set_busy(bool busy);

  RunStore* runs_;
  QLineEdit* folder_;
  QProgressBar* busy_;
  QLabel* result_;
  QPushButton* import_;
  QPushButton* fetch_;
  QPushButton* open_;
  QString fetch_script_;
  QString checkpoint_;
  bool importing_ = false;
  BackgroundTask* task_;  // the import, off the GUI thread
};

}  // namespace lmlab::app
