// The app's one way to work off the GUI thread: the reply runs on the GUI thread, a cancelled
// task drops its reply, and joining waits for the work; no thread outlives its task.
#include "background_task.h"

#include <QSignalSpy>
#include <QThread>
#include <QtTest>

#include "qtest_main.h"

#include <atomic>
#include <chrono>
#include <thread>

using namespace lmlab::app;
using namespace std::chrono_literals;

class TestBackgroundTask : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void theReplyRunsOnTheGuiThreadAfterTheWork() {
    BackgroundTask task;
    QThread* worker = nullptr;
    QThread* replier = nullptr;
    QStringList progress;
    QSignalSpy ended(&task, &BackgroundTask::ended);
    QVERIFY(task.start([&](const TaskControl& control) -> BackgroundTask::Reply {
      worker = QThread::currentThread();
      control.post([&] { progress << QStringLiteral("halfway"); });
      return [&] { replier = QThread::currentThread(); };
    }));
    QVERIFY(task.busy());
    QVERIFY(!task.start([](const TaskControl&) { return BackgroundTask::Reply(); }));  // one at a time
    QVERIFY(ended.wait(10000));
    QCOMPARE(ended.takeFirst().at(0).toBool(), true);
    QVERIFY(worker && worker != QThread::currentThread());
    QCOMPARE(replier, QThread::currentThread());
    QCOMPARE(progress, QStringList{QStringLiteral("halfway")});
    QVERIFY(!task.busy());
  }

  void aCancelledTaskDropsItsReplyAndJoinWaitsForTheWork() {
    BackgroundTask task;
    std::atomic<bool> saw_cancel{false}, returned{false};
    bool replied = false;
    QSignalSpy ended(&task, &BackgroundTask::ended);
    task.start([&](const TaskControl& control) -> BackgroundTask::Reply {
      const auto start = std::chrono::steady_clock::now();
      while (!control.cancelled() && std::chrono::steady_clock::now() - start < 10s) std::this_thread::sleep_for(1ms);
      saw_cancel = control.cancelled();
      std::this_thread::sleep_for(50ms);  // work that finishes its stage after the cancel
      returned = true;
      return [&] { replied = true; };
    });
    task.join();
    QVERIFY(returned);  // join returned only after the work did
    QVERIFY(saw_cancel);
    QVERIFY(ended.wait(5000));
    QCOMPARE(ended.takeFirst().at(0).toBool(), false);
    QVERIFY(!replied);
  }

  void destroyingABusyTaskJoinsIt() {
    std::atomic<bool> returned{false};
    {
      BackgroundTask task;
      task.start([&](const TaskControl& control) -> BackgroundTask::Reply {
        const auto start = std::chrono::steady_clock::now();
        while (!control.cancelled() && std::chrono::steady_clock::now() - start < 10s) std::this_thread::sleep_for(1ms);
        returned = control.cancelled();
        return {};
      });
    }
    QVERIFY(returned);
  }
};

LMLAB_QTEST_MAIN(TestBackgroundTask)
#include "test_background_task.moc"
