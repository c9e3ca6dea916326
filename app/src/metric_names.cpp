#include "metric_names.h"

#include <QCoreApplication>
#include <QObject>

namespace lmlab::app {

QString metric_label(const QString& key) {
  // QT_TRANSLATE_NOOP keeps the texts in the catalogue; translate() looks them up at run time.
  static const struct {
    const char* key;
    const char* label;
  } kLabels[] = {
      {"loss", QT_TRANSLATE_NOOP("metric", "loss")},
      {"accuracy", QT_TRANSLATE_NOOP("metric", "train accuracy (batch)")},
      {"train_loss_batch", QT_TRANSLATE_NOOP("metric", "train loss (batch)")},
      {"train_accuracy", QT_TRANSLATE_NOOP("metric", "train accuracy")},
      {"validation_accuracy", QT_TRANSLATE_NOOP("metric", "validation accuracy")},
      {"validation_loss", QT_TRANSLATE_NOOP("metric", "validation loss")},
      {"test_accuracy", QT_TRANSLATE_NOOP("metric", "test accuracy")},
      {"test_loss", QT_TRANSLATE_NOOP("metric", "test loss")},
      {"mlm_loss", QT_TRANSLATE_NOOP("metric", "masked-word loss (MLM)")},
      {"mlm_accuracy", QT_TRANSLATE_NOOP("metric", "masked-word accuracy (MLM)")},
      {"nsp_loss", QT_TRANSLATE_NOOP("metric", "next-sentence loss (NSP)")},
      {"nsp_accuracy", QT_TRANSLATE_NOOP("metric", "next-sentence accuracy (NSP)")},
      {"clm_loss", QT_TRANSLATE_NOOP("metric", "next-token loss")},
      {"clm_accuracy", QT_TRANSLATE_NOOP("metric", "next-token accuracy")},
      {"masked_lm_accuracy", QT_TRANSLATE_NOOP("metric", "pretraining kept: held-out masked-word accuracy")},
      {"masked_lm_loss", QT_TRANSLATE_NOOP("metric", "pretraining kept: held-out masked-word loss")},
      {"fewshot_accuracy", QT_TRANSLATE_NOOP("metric", "few-shot accuracy")},
      {"lr", QT_TRANSLATE_NOOP("metric", "learning rate")},
      {"tokens_per_s", QT_TRANSLATE_NOOP("metric", "tokens per second")},
  };
  for (const auto& entry : kLabels)
    if (key == QLatin1String(entry.key)) return QCoreApplication::translate("metric", entry.label);
  QString text = key;
  return text.replace(QLatin1Char('_'), QLatin1Char(' '));
}

QString part_label(const ModelPart& part) {
  switch (part.kind) {
    case ModelPart::Embeddings: return QObject::tr("Embeddings");
    case ModelPart::Head: return QObject::tr("Head (pooler + classifier)");
    default: return QObject::tr("Layer %1").arg(part.layer);
  }
}

QString short_part_label(const ModelPart& part) {
  switch (part.kind) {
    case ModelPart::Embeddings: return QObject::tr("Emb.");
    case ModelPart::Head: return QObject::tr("Head");
    default: return QObject::tr("L%1").arg(part.layer);
  }
}

}  // namespace lmlab::app
