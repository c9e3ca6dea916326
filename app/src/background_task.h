#pragma once

#include <QObject>

#include <atomic>
#include <functional>
#include <thread>

namespace lmlab::app {

// What a task's work may do while it runs on its thread.
class TaskControl {
 public:
  explicit TaskControl(QObject* task) : task_(task) {}
  bool cancelled() const { return cancelled_; }
  // Runs fn on the GUI thread (a progress line), unless the task is cancelled by then.
  void post(std::function<void()> fn) const;

 private:
  friend class BackgroundTask;
  QObject* task_;
  std::atomic<bool> cancelled_{false};
};

// Work that must not run on the GUI thread (preparing a training job, importing or exporting a
// model, building a dataset, counting words), the one way the app does it. The work runs on a
// thread the task owns and joins, never a detached one: destroying the task cancels and joins
// it, and the main window joins every task before the app quits. The work returns a reply that
// runs on the GUI thread when it is done, unless the task was cancelled meanwhile.
class BackgroundTask : public QObject {
  Q_OBJECT
 public:
  using Reply = std::function<void()>;
  using Work = std::function<Reply(const TaskControl&)>;

  explicit BackgroundTask(QObject* parent = nullptr);
  ~BackgroundTask() override;

  // Starts work; false (and nothing started) while a previous work is running.
  bool start(Work work);
  bool busy() const { return busy_; }
  // The work sees cancelled() from now on and its reply is dropped; ended(false) follows when
  // the work returns.
  void cancel();
  // Cancels and waits for the work to return.
  void join();

  // Every task's work cancelled and joined (the main window, before the app quits).
  static void join_all();

 Q_SIGNALS:
  // The work returned: replied says whether its reply ran (false: cancelled, or it threw).
  void ended(bool replied);

 private:
  void finish(const Reply& reply);

  std::thread thread_;
  std::unique_ptr<TaskControl> control_;
  bool busy_ = false;
};

}  // namespace lmlab::app
