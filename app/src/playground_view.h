#pragma once

#include "lmlab/session/job_queries.h"

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTextBrowser;
class QTimer;

namespace lmlab::app {

class SettingFields;

class AttentionView;
class CheckpointPicker;
class FewShotPanel;
class SaliencyPanel;
class TokenLossPanel;
class MaskedLmPanel;
class ProbabilityBars;
class RunStore;
class SessionBridge;
class TokenizerComparison;
class WordNeighboursPanel;

// Question a saved or imported model: a generation playground (prompt, temperature, top-k,
// top-p, and the next-token distribution at the prompt's end as bars), a tokenizer view (text
// in, the pieces out as coloured spans with their ids), and a probe sentence's attention maps
// with a BERT's [MASK] guesses. The model is loaded on the session thread and every question
// is answered there; the GUI thread only draws.
class PlaygroundView : public QWidget {
  Q_OBJECT
 public:
  explicit PlaygroundView(RunStore* runs = nullptr, QWidget* parent = nullptr);
  SettingFields* generation_fields() const { return generation_; }

  SessionBridge* bridge() const { return bridge_; }
  void load(const QString& checkpoint_dir);
  void generate();
  void tokenize(const QString& text);
  ProbabilityBars* next_bars() const { return next_; }
  QTextBrowser* output() const { return output_; }
  QLabel* pieces() const { return pieces_; }
  TokenizerComparison* comparison() const { return comparison_; }
  MaskedLmPanel* probe() const { return probe_; }
  AttentionView* attention() const { return attention_; }
  FewShotPanel* fewshot() const { return fewshot_; }
  TokenLossPanel* token_loss() const { return token_loss_; }
  WordNeighboursPanel* neighbours() const { return neighbours_; }
  SaliencyPanel* saliency() const { return saliency_; }
  QTabWidget* sections() const { return sections_; }
  QLineEdit* prompt() const { return prompt_; }

 Q_SIGNALS:
  void answered();  // a generation or tokenization result was drawn
  void nextTokensShown();  // the next-token bars were drawn (after Generate, or an edit)
  void failed(const QString& message);

 private:
  void show_generation(const GenerationAnswer& answer, const QString& prompt);
  void update_next_tokens();  // asks for the bars at the current prompt and settings
  void show_next_tokens(const std::vector<TokenGuess>& next);
  void show_pieces(const std::vector<TokenGuess>& pieces);
  void show_error(const QString& message);
  void set_loaded(bool loaded, const QString& arch);

  SessionBridge* bridge_;
  RunStore* runs_;
  QString arch_;
  CheckpointPicker* model_;
  QPushButton* load_;
  QLabel* status_;
  QLineEdit* prompt_;
  SettingFields* generation_;  // generation_description()'s knobs
  QPushButton* generate_;
  QTextBrowser* output_;
  ProbabilityBars* next_;
  QLineEdit* text_;
  QLabel* pieces_;
  TokenizerComparison* comparison_;  // the same text through another model's tokenizer
  QTimer* retokenize_;
  QTimer* rebar_;  // the next-token bars, asked again after an edit settles
  QTabWidget* sections_;
  MaskedLmPanel* probe_;
  AttentionView* attention_;
  FewShotPanel* fewshot_;
  TokenLossPanel* token_loss_;
  WordNeighboursPanel* neighbours_;
  SaliencyPanel* saliency_;
  QString loading_;  // the checkpoint asked for last
};

}  // namespace lmlab::app
