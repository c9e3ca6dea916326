// The pretraining lab driven like a learner would: start, watch, stop; a bad corpus gets a
// dialog, never a crash.
#include "session_bridge.h"
#include "train_view.h"

#include <QMessageBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include "qcustomplot_include.h"

using lmlab::app::SessionBridge;
using lmlab::app::TrainView;

class TestTrainView : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() { qputenv("XDG_CACHE_HOME", dir_.path().toUtf8()); }

  void trainsAndShowsCurvesAttentionAndGuesses() {
    TrainView view;
    view.set_corpus(QStringLiteral(LMLAB_SOURCE_DIR "/datasets/pretrain/world.txt"));
    view.set_steps(40);
    view.show();
    QSignalSpy finished(view.bridge(), &SessionBridge::finished);
    view.start();
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.takeFirst().at(0).toLongLong(), 40LL);
    QCOMPARE(view.loss_plot()->graph(0)->dataCount(), 40);
    QVERIFY(view.last_snapshot().has_value());
    const auto& attention = view.last_snapshot()->attention;
    QCOMPARE(attention.layers, 2);
    QCOMPARE(attention.heads, 2);
    QVERIFY(attention.tokens.size() > 3);
    QVERIFY(view.last_snapshot()->masked.has_value());
    auto* map = qobject_cast<QCPColorMap*>(view.attention_plot()->plottable(0));
    QVERIFY(map);
    QCOMPARE(map->data()->keySize(), static_cast<int>(attention.tokens.size()));
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

QTEST_MAIN(TestTrainView)
#include "test_train_view.moc"
