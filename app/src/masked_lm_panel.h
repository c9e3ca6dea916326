#pragma once

#include "lmlab/session/session_events.h"

#include <QWidget>

class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QVBoxLayout;

namespace lmlab::app {

class LogitLensView;
class ProbabilityBars;

// The probe the model is questioned with while it trains. For a BERT: type a sentence, click
// words to mask them, and watch the top-5 guesses for every [MASK] improve step by step. For
// a GPT: type a prompt and watch its greedy continuation. Beside the answer, the logit lens:
// the same question asked of every layer.
class MaskedLmPanel : public QWidget {
  Q_OBJECT
 public:
  explicit MaskedLmPanel(QWidget* parent = nullptr);

  // "bert" or "gpt"; training: the guesses change as the model trains (the labs), or the
  // model is fixed (the playground).
  void set_architecture(const QString& arch, bool training = true);
  void set_text(const QString& text);          // [MASK] words start masked
  // An imported model whose folder had no masked-LM head: its guesses come from random
  // weights, and the panel says so (its attention and hidden states are the real model's).
  void set_untrained_head(bool untrained);
  QString probe() const;                       // the text with masked words as [MASK]
  void toggle_word(int index);
  int word_count() const { return static_cast<int>(words_.size()); }
  void show_snapshot(const Snapshot& snapshot);
  const std::vector<ProbabilityBars*>& bars() const { return bars_; }
  // Above each group of bars: which [MASK] (and which hidden word) its guesses are for.
  const std::vector<QLabel*>& bar_titles() const { return bar_titles_; }
  LogitLensView* lens() const { return lens_; }
  QTabWidget* views() const { return views_; }

 Q_SIGNALS:
  void probeChanged(const QString& probe);

 private:
  void rebuild_words();
  QString step_prefix(int64_t step) const;

  struct Word {
    QString text;
    bool masked = false;
  };
  QString arch_ = QStringLiteral("bert");
  bool training_ = true;  // a lab training the model, not a saved one
  std::vector<Word> words_;
  QLineEdit* edit_;
  QLabel* hint_;
  QLabel* untrained_note_;
  QWidget* word_row_;
  QHBoxLayout* word_layout_;
  QVBoxLayout* bars_layout_;
  QLabel* answer_;
  std::vector<ProbabilityBars*> bars_;
  std::vector<QLabel*> bar_titles_;  // one per group of bars
  QTabWidget* views_;     // the answer's bars, or the logit lens
  LogitLensView* lens_;
};

}  // namespace lmlab::app
