// Lessons: every lesson reads in both languages, every experiment's preset is valid, and a
// first-time user (empty data folder) can run lesson 1 to 10 in order with one click each,
// never touching a file dialog; here each run is capped to a few steps.
#include "lesson_catalog.h"
#include "lesson_runner.h"
#include "main_window.h"
#include "run_store.h"
#include "session_bridge.h"
#include "train_view.h"

#include "lmlab/device.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "qtest_main.h"

#include <cstdio>

using namespace lmlab::app;

class TestLessons : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("LM Lab Tests"));
    QCoreApplication::setApplicationName(QStringLiteral("lmlab-lessons-test"));
    QSettings().clear();
    // A first-time user: an empty data folder on every run of the test.
    qputenv("XDG_DATA_HOME", data_.path().toUtf8());
    lmlab::set_cpu_threads(0);  // as the app does, so the timings printed are the app's
  }

  void everyLessonReadsInBothLanguagesAndItsPresetIsValid() {
    MainWindow window;
    LessonCatalog* lessons = window.lessons();
    QCOMPARE(lessons->rowCount(), 11);
    int runnable = 0;
    for (int row = 0; row < lessons->rowCount(); ++row) {
      for (const char* language : {"en", "ko"}) {
        lessons->set_language(QString::fromLatin1(language));
        QVERIFY2(!lessons->markdown(row).contains(QStringLiteral("missing from this build")),
                 qPrintable(lessons->data(lessons->index(row), LessonCatalog::IdRole).toString()));
      }
      const QJsonObject experiment = lessons->experiment(row);
      if (experiment.isEmpty()) continue;
      ++runnable;
      const QString problem = window.lesson_runner()->validate(experiment);
      QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
    QCOMPARE(runnable, 10);  // lessons 1 to 10; the welcome page has none
  }

  void aBrokenPresetIsReportedNotRun() {
    MainWindow window;
    QJsonObject step{{QStringLiteral("lab"), QStringLiteral("finetune")},
                     {QStringLiteral("from"), QStringLiteral("tag:x")},
                     {QStringLiteral("freeze"), QStringLiteral("embeddings,zero")}};
    const QString problem = window.lesson_runner()->validate({{QStringLiteral("steps"), QJsonArray{step}}});
    QVERIFY2(problem.contains(QStringLiteral("zero")), qPrintable(problem));
  }

  // A lesson whose base model was stopped before its end (lesson 3 stopped early) goes on from
  // where it stopped, says so, and shows step N of M while it trains, instead of silently
  // pretraining it again from nothing.
  void anUnfinishedBaseModelIsContinuedNotRetrained() {
    MainWindow window;
    window.show();
    const QJsonObject preset{{QStringLiteral("tag"), QStringLiteral("base-unfinished")},
                             {QStringLiteral("arch"), QStringLiteral("bert")},
                             {QStringLiteral("steps"), 120},
                             {QStringLiteral("corpus"), QStringLiteral(LMLAB_SOURCE_DIR "/datasets/pretrain/world.txt")}};
    auto* lab = window.findChild<TrainView*>();
    QCOMPARE(lab->apply_preset(preset), QString());
    int64_t last = 0;
    auto stopper = connect(lab->bridge(), &SessionBridge::stepsArrived, this, [&](const std::vector<lmlab::SessionStep>& steps) {
      last = steps.back().step;
      if (last >= 5) lab->bridge()->stop();
    });
    QSignalSpy stopped(lab, &TrainView::runFinished);
    lab->start();
    QVERIFY(stopped.wait(120000));
    disconnect(stopper);
    const int64_t stopped_at = last;
    QCOMPARE(window.runs()->latest_tagged(QStringLiteral("base-unfinished"))->status, QStringLiteral("stopped"));

    LessonRunner* runner = window.lesson_runner();
    runner->set_step_cap(0);
    QStringList said;
    connect(runner, &LessonRunner::progress, this, [&](const QString& text) { said << text; });
    QSignalSpy finished(runner, &LessonRunner::finished);
    QJsonObject step = preset;
    step.insert(QStringLiteral("lab"), QStringLiteral("pretrain"));
    step.insert(QStringLiteral("reuse"), true);
    runner->start({{QStringLiteral("steps"), QJsonArray{step}}});
    QVERIFY(finished.wait(120000));
    QVERIFY2(said.filter(QStringLiteral("was not finished")).size() == 1, qPrintable(said.join(QLatin1Char('\n'))));
    QVERIFY2(!said.filter(QStringLiteral(" of 120")).isEmpty(), qPrintable(said.join(QLatin1Char('\n'))));
    const lmlab::app::RunRecord* done = window.runs()->tagged(QStringLiteral("base-unfinished"), true);
    QVERIFY(done);
    QCOMPARE(done->curves.value(QStringLiteral("loss")).front().x(), static_cast<double>(stopped_at + 1));
    QCOMPARE(done->curves.value(QStringLiteral("loss")).back().x(), 120.0);
  }

  void aFirstTimeUserRunsEveryLessonInOrder() {
    MainWindow window;
    window.show();
    LessonRunner* runner = window.lesson_runner();
    // LMLAB_LESSON_STEP_CAP=0 runs the lessons as written and prints how long each took and
    // the final figures of every run it made (what the lesson texts quote, re-measured).
    const int step_cap =
        qEnvironmentVariableIsSet("LMLAB_LESSON_STEP_CAP") ? qEnvironmentVariableIntValue("LMLAB_LESSON_STEP_CAP") : 10;
    runner->set_step_cap(step_cap);
    QStringList problems;
    connect(runner, &LessonRunner::failed, this, [&](const QString& message) { problems << message; });
    for (int row = 1; row <= 10; ++row) {
      QSignalSpy finished(runner, &LessonRunner::finished);
      QSignalSpy failed(runner, &LessonRunner::failed);
      const auto runs_before = window.runs()->runs().size();
      QElapsedTimer clock;
      clock.start();
      runner->start(window.lessons()->experiment(row));
      // A failure ends the lesson without finished(): wait for either.
      QTRY_VERIFY2_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(),
                                qPrintable(QStringLiteral("lesson %1 did not finish").arg(row)), 900000);
      std::printf("lesson %d: %.0f s\n", row, clock.elapsed() / 1000.0);
      if (step_cap == 0)
        for (auto i = runs_before; i < window.runs()->runs().size(); ++i) {
          const auto& run = window.runs()->runs()[i];
          std::printf("  %s: %s\n", qPrintable(run.name),
                      QJsonDocument(run.final).toJson(QJsonDocument::Compact).constData());
        }
      QVERIFY2(failed.isEmpty(), qPrintable(QStringLiteral("lesson %1: %2").arg(row).arg(problems.join(QLatin1Char(';')))));
      QVERIFY(!runner->running());
    }
    // The base models were trained once and reused: one run per tag.
    int base_bert = 0;
    for (const auto& run : window.runs()->runs())
      if (run.config.value(QStringLiteral("tag")).toString() == QLatin1String("base-bert-tiny")) ++base_bert;
    QCOMPARE(base_bert, 2);  // lesson 1 trains it; lesson 3 retrains it on purpose (to watch)
    QVERIFY(window.runs()->tagged(QStringLiteral("base-gpt-tiny"), true));
    QVERIFY(window.runs()->tagged(QStringLiteral("base-bert-small"), true));
  }
 private:
  QTemporaryDir data_;
};

LMLAB_QTEST_MAIN(TestLessons)
#include "test_lessons.moc"
