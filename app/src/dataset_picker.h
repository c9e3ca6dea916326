#pragma once

#include <QString>
#include <QVector>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QWidget;

namespace lmlab::app {

// The labelled data a fine-tuning run learns from: the bundled news and NLI sets, the topic
// and NLI sets the Data menu built, or the learner's own files (AG News CSV, MNLI TSV or
// JSONL, Hugging Face JSON lines, TSV) with a test file or a test share split from training.
// Every choice is read at once and previewed: rows, labels and their balance, bad rows, or
// why the file cannot be used.
class DatasetPicker : public QWidget {
  Q_OBJECT
 public:
  explicit DatasetPicker(QWidget* parent = nullptr);

  struct Choice {
    QString id;     // news | nli | built:<folder>/<set> | files
    QString label;  // what the list shows
    QString name;   // short, for run names: "news", "NLI", "wordnet/topics", "my_train.csv"
    QString train, test;  // test empty: split from the training file
    bool pairs = false;
    bool usable = false;  // the preview read the training file without an error
  };
  Choice choice() const;
  // Selects a listed set by id (lesson presets: "news", "nli"); false when there is none.
  bool select(const QString& id);
  // Own files: selects "Your files" with these paths and previews them.
  void use_files(const QString& train, const QString& test = {});
  // Asks for a training file (a file dialog) and uses it, with the test file chosen so far.
  void choose_training_file();
  void rescan();  // the Data menu built a new set
  QLabel* preview() const { return preview_; }

 Q_SIGNALS:
  void changed();

 private:
  struct Listed {
    QString id, label, name, train, test;
  };
  static QVector<Listed> listed_sets();
  QString ask_for_file(const QString& near, const QString& title);
  void update_preview();

  QVector<Listed> sets_;  // as found by the last rescan()
  QComboBox* source_;
  QWidget* files_;
  QLineEdit* train_;
  QLineEdit* test_;
  QLabel* preview_;
  bool pairs_ = false, usable_ = false;
};

}  // namespace lmlab::app
