// The playground on saved checkpoints: a GPT generates and shows its next-token bars, any
// model shows how its tokenizer splits text, a BERT cannot generate, a missing folder gets a
// dialog.
#include "playground_view.h"
#include "probability_bars.h"
#include "session_bridge.h"

#include "lmlab/io/checkpoint.h"
#include "lmlab/sentencepiece_tokenizer.h"

#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QtTest>

#include "qtest_main.h"

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

    view.tokenize(QStringLiteral("the river runs"));
    QVERIFY(answered.wait(30000));
    QVERIFY(view.pieces()->text().contains(QStringLiteral("▁the")));
    QVERIFY(view.pieces()->text().contains(QStringLiteral("pieces")));
  }

  void aBertCannotGenerate() {
    PlaygroundView view;
    QSignalSpy started(view.bridge(), &SessionBridge::started);
    view.load(checkpoint(Architecture::Bert));
    QVERIFY(started.wait(30000));
    QVERIFY(!view.findChild<QPushButton*>(QStringLiteral("generate"))->isEnabled());
  }

  void aMissingCheckpointGetsADialog() {
    PlaygroundView view;
    view.show();
    QSignalSpy failed(&view, &PlaygroundView::failed);
    view.load(QStringLiteral("/nonexistent/checkpoint"));
    QVERIFY(failed.wait(30000));
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
