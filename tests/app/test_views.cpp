// Each view fed synthetic session events, as the bridge would deliver them: no training here.
#include "attention_grid.h"
#include "attention_view.h"
#include "head_lines_view.h"
#include "curve_plot.h"
#include "data_build_dialog.h"
#include "freeze_panel.h"
#include "masked_lm_panel.h"
#include "probability_bars.h"
#include "report_view.h"
#include "run_store.h"
#include "runs_view.h"

#include <QCheckBox>
#include <QTableWidget>
#include <QComboBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QDir>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QFile>
#include <cmath>
#include <QTemporaryDir>
#include <QtTest>

#include "qtest_main.h"
#include "qcustomplot_include.h"

using namespace lmlab;
using namespace lmlab::app;

namespace {

// Layer l, head h: every query attends to key (l + h) % T with weight 0.7, the rest spread.
Snapshot synthetic_snapshot(int layers, int heads, int64_t step) {
  Snapshot s;
  s.step = step;
  auto& a = s.attention;
  a.layers = layers, a.heads = heads;
  a.tokens = {"[CLS]", "the", "cat", "[MASK]", "[SEP]"};
  const int t = static_cast<int>(a.tokens.size());
  for (int l = 0; l < layers; ++l)
    for (int h = 0; h < heads; ++h)
      for (int q = 0; q < t; ++q)
        for (int k = 0; k < t; ++k) a.weights.push_back(k == (l + h) % t ? 0.7f : 0.3f / (t - 1));
  return s;
}

}  // namespace

class TestViews : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void attentionGridHasACellPerLayerAndHead() {
    AttentionView view;
    view.resize(900, 500);
    view.show();
    QVERIFY(!view.large_plot()->plottable(0)->visible());  // nothing to show before training
    view.show_snapshot(synthetic_snapshot(3, 4, 10));
    QVERIFY(view.large_plot()->plottable(0)->visible());
    QCOMPARE(view.grid()->layers(), 3);
    QCOMPARE(view.grid()->heads(), 4);
    QSet<QRect> cells;
    for (int l = 0; l < 3; ++l)
      for (int h = 0; h < 4; ++h) {
        QVERIFY(!view.grid()->cell_rect(l, h).isEmpty());
        cells.insert(view.grid()->cell_rect(l, h));
      }
    QCOMPARE(cells.size(), 12);
    // Clicking layer 2, head 1 enlarges it: each query's strongest key is (2 + 1) % 5 = 3.
    QTest::mouseClick(view.grid(), Qt::LeftButton, {}, view.grid()->cell_rect(2, 1).center());
    auto* map = qobject_cast<QCPColorMap*>(view.large_plot()->plottable(0));
    QVERIFY(map);
    QCOMPARE(map->data()->keySize(), 5);
    QCOMPARE(map->data()->cell(3, 0), static_cast<double>(0.7f));
    QCOMPARE(map->data()->cell(0, 0), static_cast<double>(0.3f / 4));
    const QPoint pixel(static_cast<int>(view.large_plot()->xAxis->coordToPixel(3)),
                       static_cast<int>(view.large_plot()->yAxis->coordToPixel(1)));
    QCOMPARE(view.read_out(pixel), QStringLiteral("the → [MASK]: 0.700"));

    // Colours: one gradient and, by default, one 0..1 scale for the large map and every cell;
    // "own range" stretches each map over its weights (0.075 to 0.7 here), the range on screen.
    QCPColorGradient thermal(QCPColorGradient::gpThermal);
    const auto colour = [&](double weight, QCPRange range) {
      QRgb rgb = 0;
      thermal.colorize(&weight, range, &rgb, 1);
      return QColor(rgb);
    };
    QCOMPARE(map->dataRange(), QCPRange(0, 1));
    QCOMPARE(view.grid()->colour_at(2, 1, 0, 3), colour(0.7f, QCPRange(0, 1)));
    QCOMPARE(view.grid()->colour_at(0, 0, 0, 1), colour(0.3f / 4, QCPRange(0, 1)));
    view.scale()->setCurrentIndex(1);
    QCOMPARE(map->dataRange().lower, static_cast<double>(0.3f / 4));
    QCOMPARE(map->dataRange().upper, static_cast<double>(0.7f));
    QCOMPARE(view.grid()->colour_at(2, 1, 0, 3), colour(1, QCPRange(0, 1)));  // the top of its own range
    QVERIFY(view.findChild<QLabel*>()->text().contains(QStringLiteral("colours 0.075 to 0.700")));
  }

  // The large map's readings: without [CLS]/[SEP] the words' rows are rescaled to sum to 1 (the
  // grid follows), and the rollout replaces the chosen head with one map through all layers.
  void attentionReadsWithoutSpecialsAndAsARollout() {
    AttentionView view;
    Snapshot snapshot;
    snapshot.attention.layers = 1, snapshot.attention.heads = 1;
    snapshot.attention.tokens = {"[CLS]", "a", "b", "[SEP]"};
    snapshot.attention.weights = {0.25f, 0.25f, 0.25f, 0.25f, 0.1f, 0.2f, 0.3f, 0.4f,
                                  0.5f,  0.1f,  0.3f,  0.1f,  0.0f, 0.0f, 0.0f, 1.0f};
    view.show_snapshot(snapshot);
    QCOMPARE(view.shown()->tokens.size(), size_t(4));
    view.set_reading(AttentionView::Reading::HeadWithoutSpecials);
    QCOMPARE(view.shown()->tokens, (std::vector<std::string>{"a", "b"}));
    QVERIFY(std::abs(view.shown()->at(0, 0, 0, 0) - 0.4) < 1e-6);   // 0.2 / (0.2 + 0.3)
    QVERIFY(std::abs(view.shown()->at(0, 0, 1, 1) - 0.75) < 1e-6);  // 0.3 / (0.1 + 0.3)
    view.set_reading(AttentionView::Reading::Rollout);
    QVERIFY(view.findChild<QLabel*>(QStringLiteral("attentionCaption"))->text().contains(QStringLiteral("rollout")));
    view.set_reading(AttentionView::Reading::Head);
    QCOMPARE(view.shown()->tokens.size(), size_t(4));
    // The head view: a line for every weight of at least 1% (16 cells, 3 of them 0 here).
    view.set_reading(AttentionView::Reading::HeadLines);
    QCOMPARE(view.head_lines()->lines().size(), size_t(13));
    QVERIFY(!view.head_lines()->isHidden() && view.large_plot()->isHidden());
  }

  void holdKeepsTheStepOnScreen() {
    AttentionView view;
    view.show_snapshot(synthetic_snapshot(2, 2, 5));
    view.hold()->setChecked(true);
    view.show_snapshot(synthetic_snapshot(2, 2, 9));
    QCOMPARE(view.shown_step(), 5);
    view.hold()->setChecked(false);
    view.show_snapshot(synthetic_snapshot(2, 2, 12));
    QCOMPARE(view.shown_step(), 12);
  }

  void maskedLmPanelMasksClickedWordsAndShowsTheGuesses() {
    MaskedLmPanel panel;
    panel.show();
    QSignalSpy changed(&panel, &MaskedLmPanel::probeChanged);
    panel.set_text(QStringLiteral("the cat sat on the mat"));
    QCOMPARE(panel.word_count(), 6);
    auto* word = panel.findChild<QPushButton*>(QStringLiteral("word2"));
    QVERIFY(word);
    QTest::mouseClick(word, Qt::LeftButton);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.takeFirst().at(0).toString(), QStringLiteral("the cat [MASK] on the mat"));
    auto* edit = panel.findChild<QLineEdit*>(QStringLiteral("probeEdit"));
    QCOMPARE(edit->text(), QStringLiteral("the cat [MASK] on the mat"));  // the box says what is asked
    QTest::keyClick(edit, Qt::Key_Return);  // unchanged: the mask keeps its word, nothing is re-asked
    QCOMPARE(changed.count(), 0);

    Snapshot s = synthetic_snapshot(1, 1, 3);
    MaskedText masked;
    masked.filled = "the cat sat on the mat";
    MaskPrediction prediction;
    prediction.position = 3;
    for (const auto& [piece, p] : {std::pair{"\u2581sat", 0.4}, {"\u2581lay", 0.2}, {"\u2581ran", 0.1}, {"\u2581is", 0.05}, {"\u2581was", 0.04}})
      prediction.top.push_back({0, piece, p});
    masked.masks = {prediction};
    s.masked = masked;
    panel.show_snapshot(s);
    QCOMPARE(panel.bars().size(), size_t{1});
    QCOMPARE(panel.bars().front()->count(), 5);
    QCOMPARE(panel.bars().front()->items().front().first, QStringLiteral("sat"));
    QCOMPARE(panel.bar_titles().front()->text(), QStringLiteral("[MASK] 1 of 1 (hides “sat”)"));

    // A second mask: the box follows, and each group of bars says which mask it answers.
    QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("word5")), Qt::LeftButton);
    QCOMPARE(edit->text(), QStringLiteral("the cat [MASK] on the [MASK]"));
    MaskPrediction second = prediction;
    second.position = 6;
    masked.masks = {prediction, second};
    s.masked = masked;
    panel.show_snapshot(s);
    QCOMPARE(panel.bars().size(), size_t{2});
    QCOMPARE(panel.bar_titles()[1]->text(), QStringLiteral("[MASK] 2 of 2 (hides “mat”)"));
    // Unmasked again: the word comes back in the box.
    QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("word2")), Qt::LeftButton);
    QCOMPARE(edit->text(), QStringLiteral("the cat sat on the [MASK]"));
  }

  void freezeToggleAsksAndShowsWhatTheSessionReports() {
    FreezePanel panel;
    panel.set_model(4);
    panel.set_interactive(true);
    panel.show();
    QSignalSpy asked(&panel, &FreezePanel::freezeRequested);
    QTest::mouseClick(panel.toggle_for({ModelPart::Layer, 1}), Qt::LeftButton);
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.takeFirst().at(0).toString(), QStringLiteral("1"));
    // Until the session reports it, the layer still trains (and says it is about to freeze).
    QVERIFY(!panel.reported().layers[1]);
    QVERIFY(panel.toggle_for({ModelPart::Layer, 1})->text().contains(QStringLiteral("freezing at next step")));
    SessionStep step;
    step.step = 7;
    step.frozen = "1";
    step.metrics = {{"trainable_parameters", 750}, {"total_parameters", 1000}, {"gradient_bytes", 3000},
                    {"optimizer_bytes", 6000}};
    panel.show_step(step);
    QVERIFY(panel.reported().layers[1]);
    QVERIFY(panel.toggle_for({ModelPart::Layer, 1})->text().contains(QStringLiteral("frozen")));
    QVERIFY(!panel.toggle_for({ModelPart::Layer, 1})->text().contains(QStringLiteral("next step")));
    QVERIFY(panel.memory_text().contains(QStringLiteral("75.0%")));
    // Gradual unfreezing draws its schedule and takes the toggles away.
    panel.set_gradual(10);
    QVERIFY(panel.toggle_for({ModelPart::Layer, 3})->text().contains(QStringLiteral("opens at step 10")));
    QVERIFY(panel.toggle_for({ModelPart::Embeddings, -1})->text().contains(QStringLiteral("opens at step 50")));
    QVERIFY(!panel.toggle_for({ModelPart::Layer, 0})->isEnabled());
  }

  void reportShowsPerClassScoresAndTheConfusionMatrix() {
    ReportView view;
    const auto report = ClassificationReport::from_confusion({{8, 2, 0}, {1, 9, 0}, {0, 5, 5}}, 0.7);
    view.show_report(report, {"entailment", "neutral", "contradiction"}, 40);
    QCOMPARE(view.per_class()->rowCount(), 3);
    QCOMPARE(view.per_class()->verticalHeaderItem(2)->text(), QStringLiteral("contradiction"));
    QCOMPARE(view.per_class()->item(2, 1)->text(), QStringLiteral("0.500"));  // recall 5 / 10
    QCOMPARE(view.per_class()->item(0, 3)->text(), QStringLiteral("10"));
    QCOMPARE(view.confusion()->rowCount(), 3);
    QCOMPARE(view.confusion()->item(2, 1)->text(), QStringLiteral("5"));
    // The diagonal of a good class is darker than an empty cell.
    QVERIFY(view.confusion()->item(1, 1)->background().color().lightness() <
            view.confusion()->item(1, 2)->background().color().lightness());
  }

  // An empty plot's legend once squeezed the axes into a 50-pixel strip at start-up.
  void anEmptyPlotUsesItsWholeWidth() {
    CurvePlot plot(QStringLiteral("loss"), QStringLiteral("accuracy"));
    plot.resize(700, 400);
    plot.show();
    plot.replot();
    QVERIFY2(plot.axisRect()->rect().width() > 500, qPrintable(QString::number(plot.axisRect()->rect().width())));
    plot.add_point(QStringLiteral("loss"), 1, 2.0);
    plot.replot();
    QVERIFY(plot.axisRect()->rect().width() > 500);
    QCOMPARE(plot.legend->itemCount(), 1);
    plot.clear_series();
    QVERIFY(plot.axisRect()->rect().width() > 500);
  }

  // A right-click (a context menu closed with Escape) leaves the plot following the run; a drag
  // that moves the view stops it, says so on the plot, and a double-click follows again.
  void aPlotFollowsTheRunUntilTheViewIsMoved() {
    CurvePlot plot(QStringLiteral("loss"), QString());
    plot.resize(600, 400);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    for (int i = 1; i <= 20; ++i) plot.add_point(QStringLiteral("loss"), i, 2.0 / i);
    plot.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(plot.xAxis->range().upper, 20.0, 2000);
    const QPoint middle = plot.axisRect()->rect().center();
    QTest::mousePress(&plot, Qt::RightButton, {}, middle);
    QTest::mouseRelease(&plot, Qt::RightButton, {}, middle);
    for (int i = 21; i <= 40; ++i) plot.add_point(QStringLiteral("loss"), i, 2.0 / i);
    plot.refresh();
    QTRY_COMPARE_WITH_TIMEOUT(plot.xAxis->range().upper, 40.0, 2000);
    QVERIFY(plot.following());

    // A drag: press, move with the button held, release.
    QTest::mousePress(&plot, Qt::LeftButton, {}, middle);
    QMouseEvent move(QEvent::MouseMove, middle + QPoint(80, 0), plot.mapToGlobal(middle + QPoint(80, 0)),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&plot, &move);
    QTest::mouseRelease(&plot, Qt::LeftButton, {}, middle + QPoint(80, 0));
    QVERIFY(!plot.following());
    const double held = plot.xAxis->range().upper;
    for (int i = 41; i <= 60; ++i) plot.add_point(QStringLiteral("loss"), i, 2.0 / i);
    plot.refresh();
    QTest::qWait(400);
    QCOMPARE(plot.xAxis->range().upper, held);  // the learner's view stays
    QTest::mouseDClick(&plot, Qt::LeftButton, {}, middle);
    QVERIFY(plot.following());
    QTRY_COMPARE_WITH_TIMEOUT(plot.xAxis->range().upper, 60.0, 2000);
  }

  // Smoothing as TensorBoard draws it: the debiased running average, written here from its
  // definition; the raw values stay behind (and in the CSV). The time axis places each step at
  // its training time, interpolating between the steps it was told.
  void smoothingIsTheDebiasedAverageAndTheTimeAxisMovesThePoints() {
    CurvePlot plot(QStringLiteral("loss"), QString());
    plot.set_smoothing(0);
    const std::vector<double> values{4, 1, 3, 0, 2, 5};
    for (size_t i = 0; i < values.size(); ++i) plot.add_point(QStringLiteral("loss"), static_cast<double>(i + 1), values[i]);
    plot.set_smoothing(0.6);
    double average = 0;
    auto data = plot.series(QStringLiteral("loss"))->data();
    QCOMPARE(data->size(), static_cast<int>(values.size()));
    for (size_t i = 0; i < values.size(); ++i) {
      average = 0.6 * average + 0.4 * values[i];
      const double expected = average / (1 - std::pow(0.6, static_cast<double>(i + 1)));
      QVERIFY2(std::abs((data->constBegin() + static_cast<int>(i))->value - expected) < 1e-12, qPrintable(QString::number(i)));
    }
    QCOMPARE(data->constBegin()->value, values[0]);  // debiased: the first point is its own value
    plot.add_point(QStringLiteral("loss"), 7, 1);     // points added later are smoothed on the way in
    average = 0;
    for (double v : {4.0, 1.0, 3.0, 0.0, 2.0, 5.0, 1.0}) average = 0.6 * average + 0.4 * v;
    QVERIFY(std::abs((data->constEnd() - 1)->value - average / (1 - std::pow(0.6, 7))) < 1e-12);

    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("raw.csv"));
    QCOMPARE(plot.export_csv(csv), QString());
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("loss,2,1\n"));  // the raw value, not the smoothed one

    plot.note_time(1, 0.5);
    plot.note_time(3, 1.5);
    plot.set_time_axis(true);
    data = plot.series(QStringLiteral("loss"))->data();
    QCOMPARE(data->constBegin()->key, 0.5);
    QCOMPARE((data->constBegin() + 1)->key, 1.0);  // step 2, halfway between the noted ones
    QCOMPARE((data->constBegin() + 5)->key, 3.0);  // step 6, at the last pace (0.5 s a step)
    plot.set_smoothing(0);
    plot.set_time_axis(false);
    QCOMPARE(plot.series(QStringLiteral("loss"))->data()->constBegin()->key, 1.0);
  }

  void exportWritesValidPngAndCsv() {
    QTemporaryDir dir;
    CurvePlot plot(QStringLiteral("loss"), QStringLiteral("accuracy"));
    plot.resize(600, 400);
    for (int i = 1; i <= 20; ++i) {
      plot.add_point(QStringLiteral("loss"), i, 2.0 / i);
      plot.add_point(QStringLiteral("test_accuracy"), i, i / 20.0, CurvePlot::Axis::Right);
    }
    plot.refresh();
    const QString png = dir.filePath(QStringLiteral("curves.png")), csv = dir.filePath(QStringLiteral("curves.csv"));
    QCOMPARE(plot.export_png(png), QString());
    QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() >= 600);
    QCOMPARE(plot.export_csv(csv), QString());
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 41);
    QCOMPARE(lines[0], QStringLiteral("series,step,value"));
    QCOMPARE(lines[1], QStringLiteral("loss,1,2"));
    QVERIFY(!plot.export_csv(QStringLiteral("/nonexistent/dir/x.csv")).isEmpty());
    QVERIFY(!plot.export_png(QStringLiteral("/nonexistent/dir/x.png")).isEmpty());
    QVERIFY(!QFile::exists(QStringLiteral("/nonexistent/dir/x.png.part")));
  }

  void dataBuildDialogBuildsACorpusOrNamesTheMissingPackage() {
    QTemporaryDir out;
    DataBuildDialog dialog;
    dialog.set_source(QStringLiteral("fortunes"));
    dialog.set_source_dir(QStringLiteral(LMLAB_SOURCE_DIR "/tests/data/prose/fortunes"));
    dialog.set_out(out.path());
    QSignalSpy built(&dialog, &DataBuildDialog::built);
    dialog.build();
    QVERIFY(built.wait(10000));
    QCOMPARE(built.takeFirst().at(0).toString(), out.filePath(QStringLiteral("corpus.txt")));
    QVERIFY(dialog.result()->text().contains(QStringLiteral("4 documents")));  // literature (3) and news (1)

    dialog.set_source_dir(QStringLiteral("/nonexistent/fortunes"));
    QSignalSpy failed(&dialog, &DataBuildDialog::failed);
    dialog.build();
    QVERIFY(failed.wait(10000));
    QVERIFY(failed.takeFirst().at(0).toString().contains(QStringLiteral("install the Debian package 'fortunes'")));
    QVERIFY(dialog.findChild<QMessageBox*>(QStringLiteral("dataBuildError")));
  }

  void runsAreKeptOnDiskAndOverlaid() {
    QTemporaryDir dir;
    {
      RunStore runs(dir.path());
      for (const char* kind : {"finetune", "distill"}) {
        const QString id = runs.begin(QString::fromLatin1(kind), QString::fromLatin1(kind), {});
        std::vector<SessionStep> steps;
        for (int i = 1; i <= 10; ++i) steps.push_back({i, 1.0 / i, {{"test_accuracy", 0.05 * i}}, 1.0, "none"});
        runs.add_steps(id, steps);
        QCOMPARE(runs.finish(id, QStringLiteral("done")), QString());
      }
    }
    RunStore runs(dir.path());
    QVERIFY(runs.load().isEmpty());
    QCOMPARE(runs.rowCount(), 2);
    QCOMPARE(runs.runs()[0].curves.value(QStringLiteral("test_accuracy")).size(), 10);
    QCOMPARE(runs.runs()[1].final.value(QStringLiteral("test_accuracy")).toDouble(), 0.5);
    RunsView view(&runs);
    view.metric()->setCurrentIndex(view.metric()->findData(QStringLiteral("test_accuracy")));
    runs.setData(runs.index(0), Qt::Checked, Qt::CheckStateRole);
    runs.setData(runs.index(1), Qt::Checked, Qt::CheckStateRole);
    QCOMPARE(view.plot()->series_count(), 2);
    QCOMPARE(view.plot()->graph(1)->dataCount(), 10);

    // A damaged record is named, not fatal.
    QFile broken(dir.filePath(runs.runs()[0].id + QStringLiteral("/run.json")));
    QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
    broken.write("{not json");
    broken.close();
    const QStringList problems = runs.load();
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems[0].contains(QStringLiteral("run.json")));
    QCOMPARE(runs.rowCount(), 1);
  }

  // Two runs with one name stay two curves and two legend entries; a stopped run says where it
  // stopped; a run is renamed in place and deleted (after asking) with its folder.
  void runsAreToldApartRenamedAndDeleted() {
    QTemporaryDir dir;
    RunStore runs(dir.path());
    QStringList ids;
    for (double rate : {0.25, 0.74}) {
      ids << runs.begin(QStringLiteral("finetune"), QStringLiteral("news fine-tune"), {});
      std::vector<SessionStep> steps;
      for (int i = 1; i <= 5; ++i) {
        SessionStep s{i, 1.0 / i, {}, 1.0, "none"};
        s.evaluation = {{"validation_accuracy", rate}};
        steps.push_back(s);
      }
      runs.add_steps(ids.back(), steps);
    }
    runs.finish(ids[0], QStringLiteral("done"));
    runs.finish(ids[1], QStringLiteral("stopped"));
    QCOMPARE(runs.find(ids[0])->name, QStringLiteral("news fine-tune"));
    QCOMPARE(runs.find(ids[1])->name, QStringLiteral("news fine-tune (#2), stopped at step 5"));
    RunsView view(&runs);
    view.compare(ids, QStringLiteral("validation_accuracy"));
    QCOMPARE(view.plot()->series_count(), 2);
    QCOMPARE(view.plot()->legend->itemCount(), 2);

    QVERIFY(runs.setData(runs.index(0), QStringLiteral("  head only  "), Qt::EditRole));
    QCOMPARE(runs.find(ids[0])->name, QStringLiteral("head only"));
    QVERIFY(!runs.setData(runs.index(0), QStringLiteral("   "), Qt::EditRole));  // a run keeps a name
    RunStore reread(dir.path());
    QVERIFY(reread.load().isEmpty());
    QCOMPARE(reread.find(ids[0])->name, QStringLiteral("head only"));

    view.list()->setCurrentIndex(runs.index(1));
    view.delete_selected();
    auto* ask = view.findChild<QMessageBox*>(QStringLiteral("deleteRunQuestion"));
    QVERIFY(ask);
    ask->button(QMessageBox::Yes)->click();
    QCOMPARE(runs.rowCount(), 1);
    QVERIFY(!QDir(dir.filePath(ids[1])).exists());
    QCOMPARE(view.plot()->series_count(), 1);
  }
};

LMLAB_QTEST_MAIN(TestViews)
#include "test_views.moc"
