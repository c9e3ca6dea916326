#pragma once

#include "lmlab/session/session_events.h"
#include "lmlab/train/freeze_state.h"

#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace lmlab::app {

// The model drawn as its stack (head on top, embeddings at the bottom), one toggle per part.
// A click asks the session to freeze or unfreeze that part at the next step; the buttons show
// what the session reports back, so the picture is always what really trains. Below: the
// trainable share of the parameters and the memory held by gradients and optimizer state.
// With gradual unfreezing, each part is labelled with the step at which it opens.
class FreezePanel : public QWidget {
  Q_OBJECT
 public:
  explicit FreezePanel(QWidget* parent = nullptr);

  void set_model(int layers);
  void set_gradual(int64_t every);  // 0: none; parts are then the learner's to toggle
  // What the session applied in a step (FreezeState::describe syntax) and its memory metrics.
  void show_step(const SessionStep& step);
  void set_interactive(bool interactive);  // toggles only work while a session runs

  const FreezeState& reported() const { return reported_; }
  QPushButton* toggle_for(const ModelPart& part) const;
  QString memory_text() const;

 Q_SIGNALS:
  void freezeRequested(const QString& spec);

 private:
  void clicked(const ModelPart& part);
  void paint_buttons();

  struct Toggle {
    ModelPart part;
    QPushButton* button;
  };
  std::vector<Toggle> toggles_;
  FreezeState reported_, requested_;
  bool pending_ = false, interactive_ = false;
  int64_t gradual_every_ = 0;
  QVBoxLayout* stack_;
  QLabel* memory_;
};

}  // namespace lmlab::app
