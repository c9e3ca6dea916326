// The fine-tuning lab end to end: pretrain a tiny BERT in the pretraining lab, fine-tune it
// on the bundled news topics, freeze a layer while it trains and see the panel report it;
// gradual unfreezing opens layers on schedule; a corrupt checkpoint gets a dialog.
#include "checkpoint_picker.h"
#include "curve_plot.h"
#include "finetune_view.h"
#include "part_changes_view.h"
#include "projection_view.h"
#include "freeze_panel.h"
#include "report_view.h"
#include "run_store.h"
#include "session_bridge.h"
#include "train_view.h"

#include <QLabel>
#include <QDir>
#include <QMessageBox>
#include <QStandardPaths>
#include <QPushButton>
#include <QTableWidget>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "qtest_main.h"
#include "qcustomplot_include.h"

#include <map>

using namespace lmlab;
using namespace lmlab::app;

class TestFineTuneView : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    qputenv("XDG_CACHE_HOME", dir_.path().toUtf8());
    runs_ = std::make_unique<RunStore>(dir_.path() + QStringLiteral("/runs"));
    TrainView pretrain(runs_.get());
    pretrain.set_corpus(QStringLiteral(LMLAB_SOURCE_DIR "/datasets/pretrain/world.txt"));
    pretrain.set_steps(30);
    QSignalSpy finished(pretrain.bridge(), &SessionBridge::finished);
    pretrain.start();
    QVERIFY(finished.wait(120000));
    QCOMPARE(runs_->with_checkpoint({QStringLiteral("pretrain")}).size(), 1);
  }

  void fineTunesAndFreezesALayerWhileItTrains() {
    FineTuneView view(runs_.get());
    view.resize(1200, 800);
    view.show();
    view.set_task(QStringLiteral("news"));
    view.set_max_steps(60);
    QSignalSpy started(view.bridge(), &SessionBridge::started);
    QSignalSpy steps(view.bridge(), &SessionBridge::stepsArrived);
    QSignalSpy finished(view.bridge(), &SessionBridge::finished);
    view.start();
    QVERIFY(started.wait(120000));
    QVERIFY(steps.wait(60000));
    QPushButton* layer0 = view.freeze_panel()->toggle_for({ModelPart::Layer, 0});
    QVERIFY(layer0 && layer0->isEnabled());
    view.bridge()->pause();  // so the click lands well before the run ends
    QTest::mouseClick(layer0, Qt::LeftButton);
    view.bridge()->resume();
    QVERIFY(finished.wait(120000));
    QVERIFY2(view.freeze_panel()->reported().layers[0], "the session reported layer 0 frozen");
    QVERIFY(layer0->text().contains(QStringLiteral("frozen")));
    QVERIFY(view.freeze_panel()->memory_text().contains(QStringLiteral("Trainable")));
    QVERIFY(view.plot()->series(QStringLiteral("validation accuracy")));
    QVERIFY(view.plot()->series(QStringLiteral("test accuracy")));  // one point, at the end
    QVERIFY(view.plot()->series(QStringLiteral("train accuracy")));
    QVERIFY(view.result()->text().contains(QStringLiteral("Test accuracy")));
    QCOMPARE(view.report()->per_class()->rowCount(), 4);  // World, Sports, Business, Sci/Tech
    QCOMPARE(view.report()->per_class()->verticalHeaderItem(1)->text(), QStringLiteral("Sports"));
    QCOMPARE(view.projection()->points_drawn(), 300);  // the first 300 test examples, drawn at the end
    // Each depth's representation against the start's: embeddings and every layer, in [0, 1].
    const QString kept = view.projection()->kept()->text();
    QVERIFY2(kept.contains(QStringLiteral("CKA")) && kept.contains(QStringLiteral("embeddings")) &&
                 kept.contains(QStringLiteral("layer 1")),
             qPrintable(kept));
    const RunRecord* run = runs_->find(view.run_id());
    QVERIFY(run);
    QCOMPARE(run->kind, QStringLiteral("finetune"));
    QVERIFY(run->final.contains(QStringLiteral("test_accuracy")));
    QVERIFY(!run->checkpoint.isEmpty());
  }

  void gradualUnfreezingOpensLayersOnSchedule() {
    FineTuneView view(runs_.get());
    view.set_task(QStringLiteral("news"));
    view.set_max_steps(16);
    view.set_gradual(5);
    std::map<int64_t, std::string> frozen;
    connect(view.bridge(), &SessionBridge::stepsArrived, this, [&](const std::vector<SessionStep>& steps) {
      for (const auto& s : steps) frozen[s.step] = s.frozen;
    });
    QSignalSpy finished(view.bridge(), &SessionBridge::finished);
    view.start();
    QVERIFY(finished.wait(120000));
    // Steps count from 1; step n trains with the state prescribed at n - 1 steps done.
    QCOMPARE(frozen[1], std::string("embeddings,0,1"));
    QCOMPARE(frozen[6], std::string("embeddings,0"));
    QCOMPARE(frozen[11], std::string("embeddings"));
    QCOMPARE(frozen[16], std::string("none"));
    QVERIFY(view.freeze_panel()->toggle_for({ModelPart::Layer, 1})->text().contains(QStringLiteral("opens at step 5")));

    // What changes: every measured step moved exactly the parts that trained in it, and by the
    // end every part has moved from the start (the embeddings open at the last step).
    const auto& columns = view.changes()->columns();
    QVERIFY(!columns.empty());
    const std::vector<ModelPart> parts{{ModelPart::Embeddings, -1}, {ModelPart::Layer, 0}, {ModelPart::Layer, 1},
                                       {ModelPart::Head, -1}};
    for (const auto& column : columns) {
      QCOMPARE(column.update_ratios.size(), parts.size());
      const auto state = FreezeState::parse(frozen.at(column.step), 2);
      for (size_t p = 0; p < parts.size(); ++p) {
        if (state.frozen(parts[p]))
          QVERIFY2(column.update_ratios[p] == 0, qPrintable(QStringLiteral("step %1 part %2").arg(column.step).arg(p)));
        else
          QVERIFY2(column.update_ratios[p] > 0, qPrintable(QStringLiteral("step %1 part %2").arg(column.step).arg(p)));
      }
    }
    QCOMPARE(view.changes()->changes().size(), parts.size());
    for (const auto& change : view.changes()->changes()) QVERIFY(change.relative_change > 0);
  }

  // Stop mid-run, then Runs → Continue: the run goes on from the step it stopped at, with the
  // settings run.json recorded, and ends at the planned step (exactness: cli.finetune_resume).
  void aStoppedRunContinuesWhereItStopped() {
    FineTuneView view(runs_.get());
    view.set_task(QStringLiteral("news"));
    view.set_max_steps(24);
    int64_t last = 0;
    connect(view.bridge(), &SessionBridge::stepsArrived, this, [&](const std::vector<SessionStep>& steps) {
      last = steps.back().step;
      if (last >= 5) view.bridge()->stop();
    });
    QSignalSpy finished(view.bridge(), &SessionBridge::finished);
    view.start();
    QVERIFY(finished.wait(120000));
    const QString stopped_id = view.run_id();
    const RunRecord* stopped = runs_->find(stopped_id);
    QVERIFY(stopped && stopped->status == QStringLiteral("stopped") && !stopped->checkpoint.isEmpty());
    QFile state(stopped->checkpoint + QStringLiteral("/training_state.json"));
    QVERIFY(state.open(QIODevice::ReadOnly));
    QVERIFY(state.readAll().contains("\"resume\""));
    const int64_t stopped_at = last;
    QVERIFY(stopped_at >= 5 && stopped_at < 24);

    view.bridge()->disconnect(this);
    int64_t first = -1;
    connect(view.bridge(), &SessionBridge::stepsArrived, this, [&](const std::vector<SessionStep>& steps) {
      if (first < 0) first = steps.front().step;
      last = steps.back().step;
    });
    QCOMPARE(view.continue_run(stopped_id), QString());
    QVERIFY(finished.wait(120000));
    QCOMPARE(first, stopped_at + 1);
    QCOMPARE(last, int64_t{24});
    const RunRecord* continued = runs_->find(view.run_id());
    QVERIFY(continued && continued->status == QStringLiteral("done"));
    QVERIFY(continued->name.endsWith(QStringLiteral("(continued)")));
    QVERIFY(!view.continue_run(view.run_id()).isEmpty());  // a finished run has nothing to continue
  }

  // A folder that is not a model is refused when it is picked, saying what is missing; one
  // whose weights turn out corrupt at Start gets a dialog naming the file, and the attempt that
  // never trained is not kept in the run store.
  void aFolderThatIsNoModelIsRefusedWhenPickedAndABrokenOneLeavesNoRun() {
    QTemporaryDir bad;
    QFile config(bad.filePath(QStringLiteral("config.json")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write("{\"arch\": ");
    config.close();
    FineTuneView view(runs_.get());
    view.show();
    const QString before = view.findChild<CheckpointPicker*>()->checkpoint();
    view.set_from(bad.path());
    auto* refused = view.findChild<QMessageBox*>(QStringLiteral("checkpointError"));
    QVERIFY(refused);
    QVERIFY2(refused->text().contains(QStringLiteral("config.json")), qPrintable(refused->text()));
    QCOMPARE(view.findChild<CheckpointPicker*>()->checkpoint(), before);  // the choice stays as it was
    delete refused;
    view.set_from(QDir::tempPath());
    QVERIFY(view.findChild<QMessageBox*>(QStringLiteral("checkpointError")));

    // A real checkpoint's files with its weights cut short: accepted when picked, fails at Start.
    QTemporaryDir broken;
    const QString good = runs_->with_checkpoint({QStringLiteral("pretrain")}).front()->checkpoint;
    for (const QString& file : QDir(good).entryList(QDir::Files)) QFile::copy(good + QLatin1Char('/') + file, broken.filePath(file));
    QVERIFY(QFile::resize(broken.filePath(QStringLiteral("model.safetensors")), 100));
    QVERIFY(view.findChild<CheckpointPicker*>()->choose(broken.path()));
    view.set_task(QStringLiteral("news"));
    const int runs_before = runs_->rowCount();
    QSignalSpy failed(view.bridge(), &SessionBridge::failed);
    QSignalSpy ended(&view, &FineTuneView::runFinished);
    view.start();
    QVERIFY(failed.wait(60000));
    auto* box = view.findChild<QMessageBox*>(QStringLiteral("trainingError"));
    QVERIFY(box);
    QVERIFY2(box->text().contains(QStringLiteral("model.safetensors")) ||
                 box->informativeText().contains(QStringLiteral("model.safetensors")),
             qPrintable(box->text()));
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 5000);
    QVERIFY(ended.first().at(0).toString().isEmpty());  // no record: it never trained
    QCOMPARE(runs_->rowCount(), runs_before);
  }

  // Own files: a Hugging Face JSON-lines export is previewed (rows, labels, balance) and
  // fine-tuned with 10% held out as the test set; a broken file is named in the preview and
  // Start refuses it with a dialog instead of starting a run.
  void ownFilesArePreviewedAndABrokenOneIsRefused() {
    QTemporaryDir data;
    QFile good(data.filePath(QStringLiteral("train.jsonl")));
    QVERIFY(good.open(QIODevice::WriteOnly));
    for (int i = 0; i < 60; ++i)
      good.write(i % 2 ? "{\"text\":\"the striker scored a late goal\",\"label\":1}\n"
                       : "{\"text\":\"the bank raised its rates\",\"label\":0}\n");
    good.write("{\"text\":\"an unlabelled test row\",\"label\":-1}\n");
    good.close();
    FineTuneView view(runs_.get());
    view.show();
    view.dataset()->use_files(good.fileName());
    const QString preview = view.dataset()->preview()->text();
    QVERIFY2(preview.contains(QStringLiteral("60 texts")) && preview.contains(QStringLiteral("0 30")) &&
                 preview.contains(QStringLiteral("1 rows without a label")),
             qPrintable(preview));
    QVERIFY(view.dataset()->choice().usable);
    view.set_max_steps(4);
    QSignalSpy finished(view.bridge(), &SessionBridge::finished);
    view.start();
    QVERIFY(finished.wait(120000));
    QVERIFY2(view.result()->text().contains(QStringLiteral("Test accuracy")), qPrintable(view.result()->text()));

    QFile broken(data.filePath(QStringLiteral("broken.jsonl")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{\"title\":\"no text field\",\"label\":0}\n");
    broken.close();
    view.dataset()->use_files(broken.fileName());
    QVERIFY2(view.dataset()->preview()->text().contains(QStringLiteral("needs a 'text' field")),
             qPrintable(view.dataset()->preview()->text()));
    const auto runs_before = runs_->runs().size();
    view.start();
    QVERIFY(view.findChild<QMessageBox*>(QStringLiteral("noData")));
    QCOMPARE(runs_->runs().size(), runs_before);
  }

  // A topic set the Data menu built (in the data folder) joins the list at the next rescan.
  void theDataMenusSetsAreListed() {
    QStandardPaths::setTestModeEnabled(true);  // the data folder under ~/.qttest, not the user's
    QDir built(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
               QStringLiteral("/datasets/test-wordnet/topics"));
    QVERIFY(built.mkpath(QStringLiteral(".")));
    QFile train(built.filePath(QStringLiteral("train.tsv")));
    QVERIFY(train.open(QIODevice::WriteOnly));
    train.write("text\tlabel\na small dog\tnoun.animal\na red car\tnoun.artifact\n");
    train.close();
    FineTuneView view(runs_.get());
    view.dataset()->rescan();
    QVERIFY(view.set_task(QStringLiteral("built:test-wordnet/topics")));
    QCOMPARE(view.dataset()->choice().train, built.filePath(QStringLiteral("train.tsv")));
    QVERIFY(view.dataset()->preview()->text().contains(QStringLiteral("noun.animal 1")));
    QVERIFY(QDir(built.filePath(QStringLiteral(".."))).removeRecursively());
    QStandardPaths::setTestModeEnabled(false);
  }

  // Count words: naive Bayes and logistic regression on the chosen data, on a worker thread,
  // each a finished run of kind "baseline" with its test accuracy.
  void theBaselineBecomesTwoRuns() {
    FineTuneView view(runs_.get());
    view.show();
    QVERIFY(view.set_task(QStringLiteral("news")));
    const auto count = [this] {
      int n = 0;
      for (const auto& run : runs_->runs())
        n += run.kind == QLatin1String("baseline") && run.status == QLatin1String("done") &&
             run.final.contains(QStringLiteral("test_accuracy"));
      return n;
    };
    const int before = count();
    view.run_baseline();
    QTRY_VERIFY_WITH_TIMEOUT(count() == before + 2, 60000);
    QVERIFY2(view.result()->text().contains(QStringLiteral("naive Bayes")), qPrintable(view.result()->text()));
  }

 private:
  QTemporaryDir dir_;
  std::unique_ptr<RunStore> runs_;
};

LMLAB_QTEST_MAIN(TestFineTuneView)
#include "test_finetune_view.moc"
