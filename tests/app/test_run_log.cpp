// File → Open run log: a log written by lmlab-cli becomes a run with its curves and is
// followed while it grows; a file that is not a log gets a dialog naming it.
#include "main_window.h"
#include "run_log_follower.h"
#include "run_store.h"
#include "runs_view.h"

#include <QFile>
#include <QMessageBox>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include "qtest_main.h"

using namespace lmlab::app;

namespace {

void append(const QString& path, const QByteArray& text) {
  QFile file(path);
  QVERIFY(file.open(QIODevice::Append));
  file.write(text);
}

QByteArray step_line(int step, double loss) {
  return QStringLiteral("{\"step\":%1,\"loss\":%2,\"clm_loss\":%2,\"clm_accuracy\":0.2,\"lr\":0.001,\"tokens_per_s\":1000,\"ms\":5}\n")
      .arg(step)
      .arg(loss)
      .toUtf8();
}

}  // namespace

class TestRunLog : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void aGrowingLogIsFollowed() {
    QTemporaryDir dir;
    const QString log = dir.filePath(QStringLiteral("remote.jsonl"));
    append(log, step_line(1, 6.0) + step_line(2, 5.5) + "{\"step\":3,\"lo");  // rank 0 is mid-write
    RunStore runs(dir.filePath(QStringLiteral("runs")));
    RunLogFollower follower(&runs);
    follower.set_poll_interval(50);
    QString error, warning;
    const QString id = follower.open(log, &error, &warning);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    QVERIFY(warning.isEmpty());
    QCOMPARE(runs.find(id)->kind, QStringLiteral("pretrain"));
    QCOMPARE(runs.find(id)->curves.value(QStringLiteral("loss")).size(), 2);

    append(log, QByteArray("ss\":5.2}\n") + step_line(4, 5.0));
    QTRY_COMPARE_WITH_TIMEOUT(runs.find(id)->curves.value(QStringLiteral("loss")).size(), 4, 5000);
    QCOMPARE(runs.find(id)->curves.value(QStringLiteral("clm_accuracy")).size(), 3);  // step 3 had none
    QCOMPARE(runs.find(id)->status, QStringLiteral("running"));

    QVERIFY(QFile::resize(log, 10));  // the file was cut (a new run overwrote it)
    QTRY_COMPARE_WITH_TIMEOUT(runs.find(id)->status, QStringLiteral("stopped"), 5000);
  }

  void aFinishedFineTuningLogIsDoneAndBadLinesAreNamed() {
    QTemporaryDir dir;
    const QString log = dir.filePath(QStringLiteral("news.jsonl"));
    append(log, "{\"step\":1,\"epoch\":0,\"loss\":1.3,\"accuracy\":0.3,\"lr\":0.0001,\"ms\":3}\n"
                "garbage\n"
                "{\"event\":\"eval\",\"when\":\"end\",\"step\":1,\"epoch\":0,\"train_accuracy\":0.4,\"test_accuracy\":0.35}\n"
                "{\"event\":\"final\",\"steps\":1}\n");
    RunStore runs(dir.filePath(QStringLiteral("runs")));
    RunLogFollower follower(&runs);
    QString error, warning;
    const QString id = follower.open(log, &error, &warning);
    QVERIFY2(!id.isEmpty(), qPrintable(error));
    QCOMPARE(runs.find(id)->kind, QStringLiteral("finetune"));
    QCOMPARE(runs.find(id)->status, QStringLiteral("done"));
    QCOMPARE(runs.find(id)->final.value(QStringLiteral("test_accuracy")).toDouble(), 0.35);
    QVERIFY(warning.contains(QStringLiteral("line 2 is not a JSON object")));
  }

  void notALogGetsADialogNamingTheFile() {
    QTemporaryDir data;
    qputenv("XDG_DATA_HOME", data.path().toUtf8());
    QSettings().clear();
    MainWindow window;
    const QString path = data.filePath(QStringLiteral("notes.txt"));
    append(path, "these are my notes\n");
    window.open_run_log(path);
    auto* dialog = window.findChild<QMessageBox*>(QStringLiteral("runLogError"));
    QVERIFY(dialog);
    QVERIFY(dialog->text().contains(path) || dialog->informativeText().contains(path) ||
            dialog->detailedText().contains(path));
    QVERIFY(dialog->text().contains(QStringLiteral("not an LM Lab run log")) ||
            dialog->informativeText().contains(QStringLiteral("not an LM Lab run log")));
    QCOMPARE(window.runs()->rowCount(), 0);
  }
};

LMLAB_QTEST_MAIN(TestRunLog)
#include "test_run_log.moc"
