#pragma once

#include "lmlab/inspect/token_loss_result.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTextBrowser;
class QTimer;

namespace lmlab::app {

class SessionBridge;

// How surprised the loaded model is by each token of a text: the text coloured by each token's
// loss (GPT: next-token; BERT: each token masked alone), and on hover what the model expected
// there instead. The losses are computed on the session thread.
class TokenLossPanel : public QWidget {
  Q_OBJECT
 public:
  explicit TokenLossPanel(SessionBridge* bridge, QWidget* parent = nullptr);
  void set_model(const QString& arch);  // "bert" | "gpt", empty when none is loaded
  void score(const QString& text);
  QTextBrowser* text_view() const { return heat_; }
  QLabel* summary() const { return summary_; }
  const TokenLosses& losses() const { return losses_; }
  void show_detail(int token);  // what hovering token N shows

 Q_SIGNALS:
  void scored();

 private:
  void show_losses(const TokenLosses& losses);

  SessionBridge* bridge_;
  QLineEdit* text_;
  QTextBrowser* heat_;
  QLabel* detail_;
  QLabel* summary_;
  QTimer* rescore_;
  TokenLosses losses_;
};

}  // namespace lmlab::app
