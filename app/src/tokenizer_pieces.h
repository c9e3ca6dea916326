#pragma once

#include "lmlab/inspect/masked_text.h"

#include <QString>
#include <QWidget>

#include <map>
#include <memory>
#include <string>
#include <vector>

class QLabel;
class QPushButton;

namespace lmlab {
class Tokenizer;
}

namespace lmlab::app {

class BackgroundTask;
class CheckpointPicker;
class RunStore;

// A piece as the learner reads it: SentencePiece's word-start mark U+2581 as a visible ▁.
QString readable_piece(const std::string& piece);

// How a tokenizer cut text, as rich text: the pieces in alternating colours with their ids,
// how many pieces and how many per word, and, when byte pieces (<0xED>) appear, why.
QString pieces_html(const std::vector<TokenGuess>& pieces, const QString& text);

// The same text through another model's tokenizer (a run's SentencePiece, an imported BERT's
// WordPiece or GPT-2's byte-level BPE), or through one trained here on a text file (the Korean
// corpus the Data menu builds, by default), so a learner sees what a tokenizer trained on other
// text does with it. Reading and training happen off the GUI thread; tokenizing is not torch.
class TokenizerComparison : public QWidget {
  Q_OBJECT
 public:
  explicit TokenizerComparison(RunStore* runs, QWidget* parent = nullptr);
  void set_text(const QString& text);
  CheckpointPicker* picker() const { return picker_; }
  QLabel* pieces() const { return pieces_; }
  // Trains a SentencePiece tokenizer on corpus (cached, like pretraining's) into a folder of the
  // app's data and compares with it.
  void train_on(const QString& corpus);
  static QString korean_corpus();  // where the Data menu puts the Korean corpus

 Q_SIGNALS:
  void shown();  // pieces drawn for the current text and tokenizer

 private:
  void load_and_show();
  void show();
  void update_korean_button();

  CheckpointPicker* picker_;
  QPushButton* train_korean_;
  QLabel* training_;
  QLabel* pieces_;
  BackgroundTask* loading_;
  QString text_;
  std::map<QString, std::shared_ptr<const Tokenizer>> loaded_;  // by folder
};

}  // namespace lmlab::app
