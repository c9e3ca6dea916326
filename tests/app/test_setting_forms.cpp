// A new form shows the request structs' own defaults for every setting it has, and lesson
// presets go through the same descriptions (keys, ranges) as the CLI and config files.
#include "qtest_main.h"

#include "../../app/src/error_text.h"
#include "../../app/src/finetune_view.h"
#include "../../app/src/playground_view.h"
#include "../../app/src/setting_fields.h"
#include "../../app/src/train_view.h"

#include "lmlab/atomic_file.h"
#include "lmlab/data/text_corpus.h"
#include "lmlab/error.h"
#include "lmlab/inspect/generation_settings.h"
#include "lmlab/session/finetune_request.h"
#include "lmlab/session/pretrain_request.h"

#include <QDoubleSpinBox>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QToolTip>
#include <QTranslator>

namespace {

// Every field's value is the value of its key in a default-constructed request.
template <class Request>
void expect_form_shows_defaults(const lmlab::app::SettingFields& fields, const lmlab::Description<Request>& description) {
  const auto defaults = description.values(Request{});
  QVERIFY(!fields.keys().empty());
  for (const auto& key : fields.keys()) {
    QVERIFY2(defaults.contains(key), key.c_str());
    const auto expected = nlohmann::json::parse(defaults.at(key).dump());
    QVERIFY2(fields.value(key) == expected, (key + ": form " + fields.value(key).dump() + ", request " + expected.dump()).c_str());
  }
}

}  // namespace

class TestSettingForms : public QObject {
  Q_OBJECT
 private Q_SLOTS:
  void everyFormStartsAtTheRequestDefaults() {
    lmlab::app::FineTuneView finetune;
    expect_form_shows_defaults(*finetune.fields(), lmlab::finetune_description());
    lmlab::app::TrainView pretrain;
    expect_form_shows_defaults(*pretrain.fields(), lmlab::pretrain_description());
    lmlab::app::PlaygroundView playground;
    expect_form_shows_defaults(*playground.generation_fields(), lmlab::generation_description());
  }

  void presetsUseTheDescriptionsKeysAndRanges() {
    lmlab::app::FineTuneView view;
    QCOMPARE(view.apply_preset({{QStringLiteral("epochs"), 7}, {QStringLiteral("gradual_unfreeze"), 20}}), QString());
    QCOMPARE(view.fields()->value("epochs"), nlohmann::json(7));
    QCOMPARE(view.findChild<QSpinBox*>(QStringLiteral("gradualEvery"))->value(), 20);
    QVERIFY(view.apply_preset({{QStringLiteral("epoch"), 3}}).contains(QStringLiteral("did you mean “epochs”?")));
    QVERIFY(view.apply_preset({{QStringLiteral("lr"), 3}}).contains(QStringLiteral("Setting “lr” must be between")));
    // A distillation key is taken too, and the next preset starts from the defaults again.
    QCOMPARE(view.apply_preset({{QStringLiteral("student_layers"), 1}, {QStringLiteral("soft_weight"), 0.9}}), QString());
    QCOMPARE(view.apply_preset({}), QString());
    QCOMPARE(view.fields()->value("epochs"), nlohmann::json(lmlab::FinetuneRequest{}.epochs));

    lmlab::app::TrainView pretrain;
    QCOMPARE(pretrain.apply_preset({{QStringLiteral("arch"), QStringLiteral("gpt")}, {QStringLiteral("steps"), 600}}),
             QString());
    QCOMPARE(pretrain.fields()->value("steps"), nlohmann::json(600));
    QVERIFY(pretrain.apply_preset({{QStringLiteral("preset"), QStringLiteral("base")}}).contains(QStringLiteral("base")));
    QVERIFY(pretrain.apply_preset({{QStringLiteral("size"), QStringLiteral("tiny")}})
                .contains(QStringLiteral("There is no setting “size”.")));
    QVERIFY(pretrain.apply_preset({{QStringLiteral("model"), QStringLiteral("n_layers=two")}})
                .contains(QStringLiteral("setting 'n_layers' expects an integer")));
  }

  // The core's failures reach a Korean learner in Korean, with the facts (setting, range,
  // value, file) the core named; a failure without a code keeps the core's English words.
  void coreFailuresAreWordedInTheUiLanguage() {
    QTranslator korean;
    QVERIFY(korean.load(QStringLiteral(":/i18n/lmlab_ko.qm")));
    QCoreApplication::installTranslator(&korean);
    lmlab::app::FineTuneView view;
    const QString range = view.apply_preset({{QStringLiteral("lr"), 3}});
    QVERIFY2(range.contains(QStringLiteral("“lr”")) && range.contains(QStringLiteral("1e-07")) &&
                 range.contains(QStringLiteral("0.5")) && range.contains(QStringLiteral("“auto”")) &&
                 range.contains(QStringLiteral("3")) && range.contains(QStringLiteral("사이")),
             qPrintable(range));
    const QString unknown = view.apply_preset({{QStringLiteral("epoch"), 3}});
    QVERIFY2(unknown.contains(QStringLiteral("“epochs”")) && unknown.contains(QStringLiteral("설정")), qPrintable(unknown));

    QTemporaryDir dir;
    const std::string latin1 = dir.filePath(QStringLiteral("latin1.txt")).toStdString();
    lmlab::write_file_atomically(latin1, "fine\ncaf\xe9\n");
    try {
      lmlab::TextCorpus::read(latin1);
      QFAIL("a Latin-1 corpus was read");
    } catch (const lmlab::Error& e) {
      QVERIFY2(e.code() == "line_not_utf8" && e.fact("line") == "2", e.what());
      const QString text = lmlab::app::error_text(e);
      QVERIFY2(text.contains(QStringLiteral("latin1.txt")) && text.contains(QStringLiteral("2")) &&
                   text.contains(QStringLiteral("UTF-8")) && text.contains(QStringLiteral("줄")),
               qPrintable(text));
    }
    const lmlab::Error uncoded("the tokenizer has no [MASK]");
    QCOMPARE(lmlab::app::error_text(uncoded), QStringLiteral("the tokenizer has no [MASK]"));
    QCoreApplication::removeTranslator(&korean);
  }

  // A number a field cannot take is not dropped in silence: the field says its range, in its
  // tooltip and at once when the keystroke is refused.
  void aNumberOutOfRangeIsAnsweredWithTheRange() {
    lmlab::app::FineTuneView view;
    view.show();
    auto* lr = qobject_cast<QDoubleSpinBox*>(view.fields()->widget("lr"));
    QVERIFY(lr);
    QVERIFY2(lr->toolTip().contains(QStringLiteral("Allowed: 1e-07 to 0.01, or auto")), qPrintable(lr->toolTip()));
    lr->setFocus();
    lr->selectAll();
    QTest::keyClicks(lr, QStringLiteral("5"));
    QVERIFY(lr->text() != QStringLiteral("5"));  // refused, as before
    QTRY_VERIFY_WITH_TIMEOUT(QToolTip::isVisible(), 2000);
    QVERIFY2(QToolTip::text().contains(QStringLiteral("Allowed: 1e-07 to 0.01")), qPrintable(QToolTip::text()));
  }
};

LMLAB_QTEST_MAIN(TestSettingForms)
#include "test_setting_forms.moc"
