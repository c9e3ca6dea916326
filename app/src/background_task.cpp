#include "background_task.h"

#include <QMetaObject>
#include <QPointer>

#include <set>

namespace lmlab::app {

namespace {

// The live tasks, touched on the GUI thread only (construction, destruction, join_all).
std::set<BackgroundTask*>& live_tasks() {
  static std::set<BackgroundTask*> tasks;
  return tasks;
}

}  // namespace

void TaskControl::post(std::function<void()> fn) const {
  // Queued to the task object: Qt drops the call if the task is gone, and the task outlives its
  // thread (its destructor joins), so task_ is valid here.
  QMetaObject::invokeMethod(
      task_, [this, fn = std::move(fn)] { if (!cancelled_) fn(); }, Qt::QueuedConnection);
}

BackgroundTask::BackgroundTask(QObject* parent) : QObject(parent) { live_tasks().insert(this); }

BackgroundTask::~BackgroundTask() {
  join();
  live_tasks().erase(this);
}

bool BackgroundTask::start(Work work) {
  if (busy_) return false;
  if (thread_.joinable()) thread_.join();  // the previous work has returned: its thread is ending
  busy_ = true;
  control_ = std::make_unique<TaskControl>(this);
  thread_ = std::thread([this, work = std::move(work), control = control_.get()] {
    Reply reply;
    try {
      reply = work(*control);
    } catch (...) {
      // The work reports its own errors through its reply; one that escapes is dropped.
    }
    QMetaObject::invokeMethod(this, [this, reply] { finish(reply); }, Qt::QueuedConnection);
  });
  return true;
}

void BackgroundTask::finish(const Reply& reply) {
  busy_ = false;
  const bool replied = reply && !control_->cancelled();
  if (replied) reply();
  Q_EMIT ended(replied);
}

void BackgroundTask::cancel() {
  if (control_) control_->cancelled_ = true;
}

void BackgroundTask::join() {
  cancel();
  if (thread_.joinable()) thread_.join();
  // The queued finish may still be pending; it finds the task cancelled and only ends it.
}

void BackgroundTask::join_all() {
  for (BackgroundTask* task : live_tasks()) task->join();
}

}  // namespace lmlab::app
