#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace lmlab::app {

class BackgroundTask;

class CheckpointPicker;
class RunStore;

// File → Export for Hugging Face: a run's checkpoint (or any checkpoint folder) written on a
// worker thread in the Hugging Face layout (model_type bert or gpt2), so a model trained here
// can be loaded in Python. What the folder cannot carry (a classifier head, LM Lab's own
// SentencePiece tokenizer) is said; a model Hugging Face cannot express gets a dialog.
class ExportModelDialog : public QDialog {
  Q_OBJECT
 public:
  explicit ExportModelDialog(RunStore* runs, QWidget* parent = nullptr);

  void choose_checkpoint(const QString& dir);
  void set_out(const QString& dir);
  void export_model();
  QLabel* result() const { return result_; }

 Q_SIGNALS:
  void exported(const QString& folder);
  void failed(const QString& message);

 private:
  void finish(const QString& folder, const QString& notes, const QString& error);

  CheckpointPicker* from_;
  QLineEdit* out_;
  QLabel* result_;
  QPushButton* export_;
  bool exporting_ = false;
  BackgroundTask* task_;  // the export, off the GUI thread
};

}  // namespace lmlab::app
