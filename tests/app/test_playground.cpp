// The playground on saved checkpoints: a GPT generates and shows its next-token bars, any
// model shows how its tokenizer splits text, a BERT cannot generate, a missing folder gets a
// dialog.
#include "curve_plot.h"
#include "dataset_picker.h"
#include "fewshot_panel.h"
#include "logit_lens_view.h"
#include "masked_lm_panel.h"
#include "playground_view.h"
#include "run_controls.h"
#include "saliency_panel.h"
#include "run_store.h"
#include "setting_fields.h"
#include "token_loss_panel.h"
#include "word_neighbours_panel.h"
#include "tokenizer_pieces.h"
#include "checkpoint_picker.h"
#include "probability_bars.h"
#include "session_bridge.h"

#include "lmlab/io/checkpoint.h"
#include "lmlab/sentencepiece_tokenizer.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

#include "qtest_main.h"

#include <cmath>

using namespace lmlab;
using namespace lmlab::app;

class TestPlayground : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    SentencePieceTrainOptions options;
    options.vocab_size = 500;
    const auto tokenizer = SentencePieceTokenizer::train(LMLAB_SOURCE_DIR "/datasets/pretrain/world.txt", options);
    for (auto arch : {Architecture::Gpt, Architecture::Bert}) {
      auto config = ModelConfig::preset("tiny", arch);
      config.vocab_size = tokenizer.vocab_size();
      LanguageModel model(config);
      save_checkpoint(checkpoint(arch).toStdString(), *model, tokenizer, "{}");
    }
    auto config = ModelConfig::preset("tiny", Architecture::Bert);
    config.vocab_size = tokenizer.vocab_size();
    config.num_labels = 3;
    LanguageModel classifier(config);
    save_checkpoint(dir_.filePath(QStringLiteral("nli")).toStdString(), *classifier, tokenizer,
                    R"({"labels": ["entailment", "neutral", "contradiction"]})");
  }

  void aGptGeneratesAndShowsItsNextTokenDistribution() {
    PlaygroundView view;
    view.show();
    QSignalSpy started(view.bridge(), &SessionBridge::started);
    view.load(checkpoint(Architecture::Gpt));
    QVERIFY(started.wait(30000));
    QSignalSpy answered(&view, &PlaygroundView::answered);
    view.prompt()->setText(QStringLiteral("the king of"));
    view.generate();
    QVERIFY(answered.wait(30000));
    QVERIFY(view.output()->toPlainText().startsWith(QStringLiteral("the king of")));
    QCOMPARE(view.next_bars()->count(), 10);
    double total = 0, previous = 1;
    for (const auto& [piece, p] : view.next_bars()->items()) {
      QVERIFY(p <= previous);
      previous = p, total += p;
    }
    QVERIFY(total > 0 && total <= 1.0001);

    // The bars follow the temperature at once, without Generate: p ∝ exp(logit / T), so the
    // log-ratio of the two likeliest tokens times T is the same at every temperature.
    // Typing the prompt also asked for bars (after a 150 ms pause): let that answer land first, or
    // it is the one the spy below would catch.
    QTest::qWait(600);
    const auto at_low = view.next_bars()->items();
    QSignalSpy bars(&view, &PlaygroundView::nextTokensShown);
    view.generation_fields()->show_value("temperature", 2.0);
    QVERIFY(bars.wait(30000));
    const auto at_high = view.next_bars()->items();
    QCOMPARE(at_high[0].first, at_low[0].first);
    QCOMPARE(at_high[1].first, at_low[1].first);
    const double low = std::log(at_low[0].second / at_low[1].second) * 0.8;
    const double high = std::log(at_high[0].second / at_high[1].second) * 2.0;
    QVERIFY2(std::abs(low - high) < 1e-3 * std::max(1.0, std::abs(low)), qPrintable(QStringLiteral("%1 vs %2").arg(low).arg(high)));
    QVERIFY(at_high[0].second < at_low[0].second);

    view.tokenize(QStringLiteral("the river runs"));
    QVERIFY(answered.wait(30000));
    QVERIFY(view.pieces()->text().contains(QStringLiteral("▁the")));
    QVERIFY(view.pieces()->text().contains(QStringLiteral("pieces")));
    QVERIFY(!view.pieces()->text().contains(QStringLiteral("byte fallback")));

    // Korean to a tokenizer trained on English: byte pieces, and a word on why.
    view.tokenize(QStringLiteral("안녕하세요"));
    QVERIFY(answered.wait(30000));
    QVERIFY(view.pieces()->text().contains(QStringLiteral("&lt;0x")));
    QVERIFY(view.pieces()->text().contains(QStringLiteral("byte fallback")));
  }

  // The same text through another model's tokenizer: a BERT WordPiece (lower-cased, ## pieces)
  // beside the loaded model's SentencePiece, with pieces per word for both.
  void anotherTokenizerCutsTheSameText() {
    QTemporaryDir wordpiece;
    QFile vocab(wordpiece.filePath(QStringLiteral("vocab.txt")));
    QVERIFY(vocab.open(QIODevice::WriteOnly));
    vocab.write("[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nthe\nriver\nrun\n##s\n");
    vocab.close();
    PlaygroundView view;
    view.show();
    QSignalSpy started(view.bridge(), &SessionBridge::started);
    view.load(checkpoint(Architecture::Gpt));
    QVERIFY(started.wait(30000));
    QSignalSpy shown(view.comparison(), &TokenizerComparison::shown);
    QVERIFY(view.comparison()->picker()->choose(wordpiece.path()));
    view.findChild<QLineEdit*>(QStringLiteral("tokenizerText"))->setText(QStringLiteral("The river runs"));
    QVERIFY(shown.wait(10000));
    const QString text = view.comparison()->pieces()->text();
    QVERIFY2(text.contains(QStringLiteral("river")) && text.contains(QStringLiteral("##s")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("4 pieces, 1.3 per word")), qPrintable(text));  // the, river, run, ##s
  }

  // A tokenizer trained here on the Korean corpus the Data menu builds keeps Korean words whole
  // where the run's English-trained tokenizer spells them in bytes.
  void aTokenizerTrainedOnTheKoreanCorpusKeepsKoreanWhole() {
    qputenv("XDG_DATA_HOME", dir_.filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CACHE_HOME", dir_.filePath(QStringLiteral("cache")).toUtf8());
    const QString corpus = TokenizerComparison::korean_corpus();
    QVERIFY(QDir().mkpath(QFileInfo(corpus).absolutePath()));
    QFile out(corpus);
    QVERIFY(out.open(QIODevice::WriteOnly));
    for (const QFileInfo& lesson : QDir(QStringLiteral(LMLAB_SOURCE_DIR "/resources/lessons/ko")).entryInfoList({"*.md"})) {
      QFile in(lesson.filePath());
      QVERIFY(in.open(QIODevice::ReadOnly));
      out.write(in.readAll());
    }
    out.close();

    PlaygroundView view;
    view.show();
    QSignalSpy started(view.bridge(), &SessionBridge::started);
    view.load(checkpoint(Architecture::Gpt));
    QVERIFY(started.wait(30000));
    auto* train = view.comparison()->findChild<QPushButton*>(QStringLiteral("trainKoreanTokenizer"));
    QVERIFY(train->isEnabled());
    view.findChild<QLineEdit*>(QStringLiteral("tokenizerText"))->setText(QStringLiteral("작은 모델의 실험"));
    QSignalSpy shown(view.comparison(), &TokenizerComparison::shown);
    train->click();
    QVERIFY(shown.wait(120000));
    const QString text = view.comparison()->pieces()->text();
    QVERIFY2(!text.contains(QStringLiteral("&lt;0x")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("byte fallback")), qPrintable(text));
    QVERIFY(view.comparison()->picker()->findChild<QComboBox*>()->currentText().contains(QStringLiteral("corpus.txt")));
    qunsetenv("XDG_DATA_HOME");
    qunsetenv("XDG_CACHE_HOME");
  }

  // The logit lens of a loaded BERT: one row per depth, the output on top, and the top row's
  // guess is the one the [MASK] bars show (predict_masks, a separate computation).
  void aLoadedBertShowsEachLayersGuess() {
    PlaygroundView view;
    view.show();
    QSignalSpy started(view.bridge(), &SessionBridge::started);
    view.load(checkpoint(Architecture::Bert));
    QVERIFY(started.wait(30000));
    auto* probe = view.findChild<MaskedLmPanel*>(QStringLiteral("playgroundProbe"));
    QTRY_VERIFY_WITH_TIMEOUT(probe->lens()->model()->rowCount() > 0, 20000);
    const auto config = ModelConfig::preset("tiny", Architecture::Bert);
    QCOMPARE(probe->lens()->model()->rowCount(), config.n_layers + 1);
    QCOMPARE(probe->lens()->model()->columnCount(), 1);  // the default probe has one [MASK]
    QTRY_VERIFY_WITH_TIMEOUT(!probe->bars().empty() && !probe->bars()[0]->items().empty(), 20000);
    const QString top = probe->lens()->model()->index(0, 0).data().toString();
    const QString bar = probe->bars()[0]->items().front().first;
    QVERIFY2(top.startsWith(readable_piece(probe->lens()->model()->lens()->layers.back().positions[0].top[0].piece)),
             qPrintable(top));
    QVERIFY2(top.contains(bar), qPrintable(top + QStringLiteral(" vs ") + bar));
    QVERIFY(probe->lens()->model()->headerData(0, Qt::Vertical, Qt::DisplayRole).toString().contains(QStringLiteral("output")));
  }

  // Surprise per token: the loaded GPT colours each token by its loss; hovering one says what the
  // model expected there; the first token has no context and is not scored.
  void aGptColoursEachTokenByItsLoss() {
    PlaygroundView view;
    view.show();
    QSignalSpy started(view.bridge(), &SessionBridge::started);
    view.load(checkpoint(Architecture::Gpt));
    QVERIFY(started.wait(30000));
    QSignalSpy scored(view.token_loss(), &TokenLossPanel::scored);
    view.findChild<QLineEdit*>(QStringLiteral("tokenLossText"))->setText(QStringLiteral("the king of the river"));
    QVERIFY(scored.wait(30000));
    const auto& losses = view.token_loss()->losses();
    QVERIFY(losses.tokens.size() >= 5);
    QVERIFY(!losses.tokens.front().scored);
    double total = 0;
    for (size_t i = 1; i < losses.tokens.size(); ++i) {
      QVERIFY(losses.tokens[i].scored && losses.tokens[i].loss > 0);
      total += losses.tokens[i].loss;
    }
    QVERIFY(std::abs(losses.mean_loss - total / static_cast<double>(losses.tokens.size() - 1)) < 1e-9);
    QVERIFY(view.token_loss()->text_view()->toPlainText().contains(QStringLiteral("river")));
    view.token_loss()->show_detail(2);
    QVERIFY(view.token_loss()->findChild<QLabel*>(QStringLiteral("tokenLossDetail"))->text().contains(QStringLiteral("Expected")));
    QVERIFY(view.token_loss()->summary()->text().contains(QStringLiteral("perplexity")));
  }

  // Word neighbours: the panel answers for the loaded model with the rows of highest cosine in
  // its embedding table (checked here from the checkpoint's own weights), every token on the
  // map, the word and its neighbours marked, and the list in cosine order.
  void aWordsNeighboursComeFromTheEmbeddingTable() {
    PlaygroundView view;
    view.show();
    QSignalSpy started(view.bridge(), &SessionBridge::started);
    view.load(checkpoint(Architecture::Bert));
    QVERIFY(started.wait(30000));
    QSignalSpy answered(view.neighbours(), &WordNeighboursPanel::answered);
    view.findChild<QLineEdit*>(QStringLiteral("neighboursWord"))->setText(QStringLiteral("river"));
    QVERIFY(answered.wait(30000));
    const auto& found = view.neighbours()->neighbours();
    QCOMPARE(found.nearest.size(), size_t{12});

    const auto saved = load_checkpoint(checkpoint(Architecture::Bert).toStdString(), c10::Device(c10::kCPU));
    const auto table = saved.model->token_embedding().detach();
    const auto ids = saved.tokenizer->encode("river");
    auto word = table[ids[0]].clone();
    for (size_t i = 1; i < ids.size(); ++i) word += table[ids[i]];
    word /= static_cast<double>(ids.size());
    const auto& top = found.nearest.front();
    const double cosine = (table[top.id] * word).sum().item<double>() / (table[top.id].norm() * word.norm()).item<double>();
    QVERIFY2(std::abs(top.cosine - cosine) < 1e-5, qPrintable(QString::number(top.cosine) + " vs " + QString::number(cosine)));
    for (size_t k = 1; k < found.nearest.size(); ++k) QVERIFY(found.nearest[k - 1].cosine >= found.nearest[k].cosine);
    QCOMPARE(view.neighbours()->points_drawn(), static_cast<int>(table.size(0)) + 12 + 1);
    QVERIFY(view.neighbours()->list()->text().contains(readable_piece(top.piece).toHtmlEscaped()));
  }

  // Why this label: a classifier's verdict named by its label, both texts of a pair coloured with
  // a divider between them, and the completeness check on screen.
  void aClassifierSaysWhatItsLabelRestsOn() {
    PlaygroundView view;
    view.show();
    QSignalSpy started(view.bridge(), &SessionBridge::started);
    view.load(dir_.filePath(QStringLiteral("nli")));
    QVERIFY(started.wait(30000));
    QSignalSpy explained(view.saliency(), &SaliencyPanel::explained);
    view.findChild<QLineEdit*>(QStringLiteral("saliencyPair"))->setText(QStringLiteral("a king is a man"));
    view.findChild<QLineEdit*>(QStringLiteral("saliencyText"))->setText(QStringLiteral("the king of the river"));
    QVERIFY(explained.wait(60000));
    const QString verdict = view.saliency()->verdict()->text();
    QVERIFY2(verdict.contains(QStringLiteral("entailment")) || verdict.contains(QStringLiteral("neutral")) ||
                 verdict.contains(QStringLiteral("contradiction")),
             qPrintable(verdict));
    const QString text = view.saliency()->text_view()->toPlainText();
    QVERIFY2(text.contains(QStringLiteral("river")) && text.contains(QStringLiteral("‖")) && !text.contains(QStringLiteral("[CLS]")),
             qPrintable(text));
    QVERIFY(view.findChild<QLabel*>(QStringLiteral("saliencyCheck"))->text().contains(QStringLiteral("gap")));
    double sum = 0;
    for (const auto& t : view.saliency()->saliency().tokens) sum += t.integrated_gradients;
    QVERIFY(std::abs(sum - view.saliency()->saliency().attribution_sum) < 1e-9);
  }

  void aBertCannotGenerate() {
    PlaygroundView view;
    QSignalSpy started(view.bridge(), &SessionBridge::started);
    view.load(checkpoint(Architecture::Bert));
    QVERIFY(started.wait(30000));
    QVERIFY(!view.findChild<QPushButton*>(QStringLiteral("generate"))->isEnabled());
  }

  // The playground's few-shot section scores the loaded GPT for each k against chance, draws a
  // point per k, keeps the run in the store and its log beside it; a BERT is refused.
  void fewShotScoresTheLoadedGptForEachK() {
    RunStore runs(dir_.filePath(QStringLiteral("runs")));
    PlaygroundView view(&runs);
    QSignalSpy started(view.bridge(), &SessionBridge::started);
    view.load(checkpoint(Architecture::Bert));
    QVERIFY(started.wait(30000));
    FewShotPanel* panel = view.fewshot();
    QVERIFY(panel->dataset()->select(QStringLiteral("news")));
    QVERIFY(!panel->findChild<RunControls*>()->isEnabled());  // a BERT does not continue a prompt

    QTRY_VERIFY_WITH_TIMEOUT(!view.bridge()->busy(), 10000);  // the BERT is loaded and idle
    view.load(checkpoint(Architecture::Gpt));
    QVERIFY(started.wait(30000));
    QVERIFY(panel->findChild<RunControls*>()->isEnabled());
    panel->fields()->show_value("k", nlohmann::json::array({0, 2}));
    panel->fields()->show_value("max_test", 6);
    QSignalSpy finished(panel, &FewShotPanel::runFinished);
    panel->start();
    QVERIFY(finished.wait(60000));
    const RunRecord* run = runs.find(panel->run_id());
    QVERIFY(run);
    QCOMPARE(run->kind, QStringLiteral("fewshot"));
    QCOMPARE(run->status, QStringLiteral("done"));
    const auto accuracy = run->curves.value(QStringLiteral("fewshot_accuracy"));
    QCOMPARE(accuracy.size(), 2);
    QCOMPARE(accuracy[1].x(), 2.0);  // the x of a point is k
    for (const auto& point : accuracy) QVERIFY(point.y() >= 0 && point.y() <= 1);
    QCOMPARE(run->curves.value(QStringLiteral("chance")).front().y(), 0.25);  // four news topics
    QCOMPARE(panel->plot()->series(QStringLiteral("few-shot accuracy"))->dataCount(), 2);
    QFile log(runs.log_path(run->id));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const auto lines = log.readAll().trimmed().split('\n');
    QVERIFY(lines.front().startsWith("{\"event\":\"start\",\"kind\":\"fewshot\""));
    QVERIFY(lines.back().contains("\"by_k\":[{\"k\":0"));
  }

  void aMissingCheckpointGetsADialog() {
    PlaygroundView view;
    view.show();
    QSignalSpy failed(&view, &PlaygroundView::failed);
    view.load(QStringLiteral("/nonexistent/checkpoint"));
    QCOMPARE(failed.count(), 1);  // said at once: the folder is checked before anything loads
    QVERIFY(failed.takeFirst().at(0).toString().contains(QStringLiteral("/nonexistent/checkpoint")));
    QVERIFY(view.findChild<QMessageBox*>(QStringLiteral("playgroundError")));
  }

 private:
  QString checkpoint(Architecture arch) const {
    return dir_.filePath(arch == Architecture::Gpt ? QStringLiteral("gpt") : QStringLiteral("bert"));
  }
  QTemporaryDir dir_;
};

LMLAB_QTEST_MAIN(TestPlayground)
#include "test_playground.moc"
