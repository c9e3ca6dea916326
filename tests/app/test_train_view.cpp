// The pretraining lab driven like a learner would: start, watch, ask the trained model about
// a new sentence, stop; a bad corpus gets a dialog, never a crash. Also: the event loop stays
// responsive while a model trains.
#include "attention_grid.h"
#include "attention_view.h"
#include "curve_plot.h"
#include "masked_lm_panel.h"
#include "probability_bars.h"
#include "run_log_follower.h"
#include "run_store.h"
#include "session_bridge.h"
#include "train_view.h"

#include "lmlab/device.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "qtest_main.h"

#include <algorithm>
#include <cstdio>

using namespace lmlab::app;

class TestTrainView : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    qputenv("XDG_CACHE_HOME", dir_.path().toUtf8());
    // As the app does: one torch thread per core (LMLAB_TEST_TORCH_THREADS=1 to compare).
    lmlab::set_cpu_threads(qEnvironmentVariableIntValue("LMLAB_TEST_TORCH_THREADS"));
  }

  void trainsAndShowsCurvesAttentionAndGuesses() {
    RunStore runs(dir_.path() + QStringLiteral("/runs"));
    TrainView view(&runs);
    view.set_corpus(QStringLiteral(LMLAB_SOURCE_DIR "/datasets/pretrain/world.txt"));
    view.set_steps(40);
    view.show();
    QSignalSpy finished(view.bridge(), &SessionBridge::finished);
    view.start();
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.takeFirst().at(0).toLongLong(), 40LL);
    // BERT trains two objectives: one curve each, plus their accuracies.
    QVERIFY(view.loss_plot()->series(QStringLiteral("masked-word loss (MLM)")));
    QCOMPARE(view.loss_plot()->series(QStringLiteral("masked-word loss (MLM)"))->dataCount(), 40);
    QVERIFY(view.loss_plot()->series(QStringLiteral("next-sentence accuracy (NSP)")));
    QVERIFY(view.last_snapshot().has_value());
    const auto& attention = view.last_snapshot()->attention;
    QCOMPARE(attention.layers, 2);
    QCOMPARE(attention.heads, 2);
    QCOMPARE(view.attention()->grid()->layers(), 2);
    QVERIFY(view.last_snapshot()->masked.has_value());
    QCOMPARE(view.probe_panel()->bars().size(), size_t{1});
    QCOMPARE(view.probe_panel()->bars().front()->count(), 5);

    // The run is recorded with its checkpoint.
    const RunRecord* run = runs.find(view.run_id());
    QVERIFY(run);
    QCOMPARE(run->status, QStringLiteral("done"));
    QVERIFY(QFile::exists(run->checkpoint + QStringLiteral("/model.safetensors")));
    QCOMPARE(run->curves.value(QStringLiteral("loss")).size(), 40);

    // Its log is the CLI's format: opened as a log, it is the same run (settings, curves, end).
    RunStore reread(dir_.path() + QStringLiteral("/reread"));
    RunLogFollower follower(&reread);
    QString error, warning;
    const QString copy = follower.open(runs.log_path(run->id), &error, &warning);
    QVERIFY2(!copy.isEmpty(), qPrintable(error));
    QVERIFY2(warning.isEmpty(), qPrintable(warning));
    const RunRecord* logged = reread.find(copy);
    QCOMPARE(logged->kind, QStringLiteral("pretrain"));
    QCOMPARE(logged->status, QStringLiteral("done"));
    QCOMPARE(logged->arch, QStringLiteral("bert"));
    QCOMPARE(logged->config.value(QStringLiteral("steps")).toInt(), 40);
    QCOMPARE(logged->config.value(QStringLiteral("corpus")), run->config.value(QStringLiteral("corpus")));
    QCOMPARE(logged->curves.value(QStringLiteral("loss")), run->curves.value(QStringLiteral("loss")));
    QCOMPARE(logged->curves.value(QStringLiteral("mlm_accuracy")), run->curves.value(QStringLiteral("mlm_accuracy")));

    // After training the model still answers: mask another word, get guesses for it.
    QSignalSpy snapshots(view.bridge(), &SessionBridge::snapshotArrived);
    view.probe_panel()->set_text(QStringLiteral("the river runs to the sea ."));
    view.probe_panel()->toggle_word(1);
    QVERIFY(snapshots.wait(10000));
    QVERIFY(view.last_snapshot()->masked.has_value());
    QVERIFY(QString::fromStdString(view.last_snapshot()->masked->filled).contains(QStringLiteral("runs to the sea")));
  }

  void stopsWithinAMomentWhenAsked() {
    TrainView view;
    view.set_corpus(QStringLiteral(LMLAB_SOURCE_DIR "/datasets/pretrain/world.txt"));
    view.set_steps(1000000);
    QSignalSpy steps(view.bridge(), &SessionBridge::stepsArrived);
    QSignalSpy finished(view.bridge(), &SessionBridge::finished);
    view.start();
    QVERIFY(steps.wait(120000));
    view.bridge()->stop();
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.takeFirst().at(1).toBool(), true);
  }

  // Stop mid-run, then Runs → Continue: pretraining goes on from the step it stopped at and
  // ends at the planned step (exactness: cli.resume).
  void aStoppedPretrainingContinuesWhereItStopped() {
    RunStore runs(dir_.path() + QStringLiteral("/continued"));
    TrainView view(&runs);
    view.set_corpus(QStringLiteral(LMLAB_SOURCE_DIR "/datasets/pretrain/world.txt"));
    view.set_steps(30);
    int64_t first = -1, last = 0;
    connect(view.bridge(), &SessionBridge::stepsArrived, this, [&](const std::vector<lmlab::SessionStep>& steps) {
      if (first < 0) first = steps.front().step;
      last = steps.back().step;
      if (last >= 5 && first == 1) view.bridge()->stop();
    });
    QSignalSpy finished(view.bridge(), &SessionBridge::finished);
    view.start();
    QVERIFY(finished.wait(120000));
    const QString stopped_id = view.run_id();
    QCOMPARE(runs.find(stopped_id)->status, QStringLiteral("stopped"));
    const int64_t stopped_at = last;
    QVERIFY(stopped_at >= 5 && stopped_at < 30);

    first = -1;
    QCOMPARE(view.continue_run(stopped_id), QString());
    QVERIFY(finished.wait(120000));
    QCOMPARE(first, stopped_at + 1);
    QCOMPARE(last, int64_t{30});
    QCOMPARE(runs.find(view.run_id())->status, QStringLiteral("done"));
    QVERIFY(!view.continue_run(view.run_id()).isEmpty());  // a finished run has nothing to continue
    view.bridge()->disconnect(this);
  }

  // A 5 ms timer's lateness while a GPT trains: the GUI thread never runs torch, and the
  // mailbox is drained at 20 Hz, so the event loop stays smooth. The 99th percentile is
  // printed (bench/RESULTS.md records it); the bound is loose because ctest runs tests in
  // parallel on a 2-core machine.
  void theEventLoopStaysResponsiveWhileTraining() {
    TrainView view;
    view.set_corpus(QStringLiteral(LMLAB_SOURCE_DIR "/datasets/pretrain/world.txt"));
    view.set_architecture(QStringLiteral("gpt"));
    view.set_steps(1000000);
    view.show();
    QSignalSpy steps(view.bridge(), &SessionBridge::stepsArrived);
    view.start();
    QVERIFY(steps.wait(120000));
    std::vector<double> late;
    QElapsedTimer clock;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(5);
    qint64 last = 0;
    connect(&tick, &QTimer::timeout, this, [&] {
      const qint64 now = clock.nsecsElapsed();
      if (last > 0) late.push_back(std::max(0.0, (now - last) / 1e6 - 5.0));
      last = now;
    });
    clock.start();
    tick.start();
    // A real event loop: QTest::qWait sleeps 10 ms between its passes, which would be measured.
    QEventLoop loop;
    QTimer::singleShot(4000, &loop, &QEventLoop::quit);
    loop.exec();
    tick.stop();
    view.bridge()->stop();
    QVERIFY(late.size() > 100);
    std::sort(late.begin(), late.end());
    const double p99 = late[late.size() * 99 / 100], p50 = late[late.size() / 2];
    std::printf("event-loop lateness while training: p50 %.2f ms, p99 %.2f ms, max %.2f ms (%zu ticks)\n", p50, p99,
                late.back(), late.size());
    QVERIFY2(p99 < 150, qPrintable(QStringLiteral("p99 lateness %1 ms").arg(p99)));
  }

  void aMissingCorpusGetsADialogNamingIt() {
    TrainView view;
    view.set_corpus(QStringLiteral("/nonexistent/corpus.txt"));
    view.show();
    QSignalSpy failed(view.bridge(), &SessionBridge::failed);
    view.start();
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.takeFirst().at(0).toString().contains(QStringLiteral("/nonexistent/corpus.txt")));
    auto* box = view.findChild<QMessageBox*>(QStringLiteral("trainingError"));
    QVERIFY(box);
    QVERIFY(box->text().contains(QStringLiteral("does not exist")));
  }

 private:
  QTemporaryDir dir_;
};

LMLAB_QTEST_MAIN(TestTrainView)
#include "test_train_view.moc"
