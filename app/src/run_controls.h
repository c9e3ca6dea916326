#pragma once

#include <QWidget>

class QProgressBar;
class QPushButton;

namespace lmlab::app {

class SessionBridge;

// Start, Pause/Resume and Stop for one lab's session, with a busy bar while the job is being
// prepared (reading data, training a tokenizer, loading a checkpoint). It follows the
// bridge's events itself; the lab only decides what Start does.
class RunControls : public QWidget {
  Q_OBJECT
 public:
  explicit RunControls(SessionBridge* bridge, QWidget* parent = nullptr);

  void set_preparing();  // Start was accepted: lock the buttons, show the busy bar
  void set_running(bool running);

 Q_SIGNALS:
  void startClicked();

 private:
  SessionBridge* bridge_;
  QPushButton* start_;
  QPushButton* pause_;
  QPushButton* stop_;
  QProgressBar* busy_;
  bool paused_ = false;
};

}  // namespace lmlab::app
