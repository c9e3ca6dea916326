#pragma once

#include "error_text.h"
#include "session_bridge.h"

#include "lmlab/session/training_job.h"

#include <QMetaObject>
#include <QPointer>
#include <QString>

#include <exception>

namespace lmlab::app {

// Asks a question of the model a session holds: query runs on the session thread (torch never
// runs on the GUI thread), and its result, or its error's message, is handed to the asker's
// thread, unless the asker is gone by then. False when no session is open.
template <typename Result, typename Asker, typename Query, typename Show, typename Fail>
bool ask_session(SessionBridge* bridge, Asker* asker, Query query, Show show, Fail fail) {
  QPointer<Asker> target(asker);
  return bridge->inspect([target, query, show, fail](TrainingJob& job) {
    try {
      Result result = query(job);
      QMetaObject::invokeMethod(target, [target, result, show] {
        if (target) show(*target, result);
      }, Qt::QueuedConnection);
    } catch (const std::exception& e) {
      const QString message = error_text(e);
      QMetaObject::invokeMethod(target, [target, message, fail] {
        if (target) fail(*target, message);
      }, Qt::QueuedConnection);
    }
  });
}

}  // namespace lmlab::app
