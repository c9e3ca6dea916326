#pragma once

#include "lmlab/inspect/saliency_result.h"

#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QTextBrowser;
class QTimer;

namespace lmlab::app {

class SessionBridge;

// Why a fine-tuned classifier chose its label: the input coloured by each token's attribution
// (red: pushes towards the label, blue: against), by integrated gradients or gradient x input,
// with the completeness check that says how far integrated gradients are from exact. For a
// pair (NLI) both sentences are coloured, so a premise-only shortcut shows. Computed on the
// session thread.
class SaliencyPanel : public QWidget {
  Q_OBJECT
 public:
  explicit SaliencyPanel(SessionBridge* bridge, QWidget* parent = nullptr);
  // labels: the classifier's label names (empty: the model has no classifier).
  void set_model(const QStringList& labels);
  void explain();
  const Saliency& saliency() const { return saliency_; }
  QTextBrowser* text_view() const { return heat_; }
  QLabel* verdict() const { return verdict_; }

 Q_SIGNALS:
  void explained();

 private:
  void show_saliency(const Saliency& saliency);
  void draw();

  SessionBridge* bridge_;
  QStringList labels_;
  QLineEdit* text_a_;
  QLineEdit* text_b_;
  QComboBox* method_;
  QTextBrowser* heat_;
  QLabel* verdict_;
  QLabel* check_;
  QTimer* again_;
  Saliency saliency_;
};

}  // namespace lmlab::app
