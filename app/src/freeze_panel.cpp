#include "freeze_panel.h"

#include "metric_names.h"

#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace lmlab::app {

namespace {

QString bytes(double n) { return QLocale().formattedDataSize(static_cast<qint64>(n)); }

}  // namespace

FreezePanel::FreezePanel(QWidget* parent) : QWidget(parent) {
  auto* title = new QLabel(tr("<b>What trains</b><br><small>Click a part to freeze or unfreeze it at the next "
                              "step.</small>"));
  title->setWordWrap(true);
  stack_ = new QVBoxLayout;
  stack_->setSpacing(3);
  memory_ = new QLabel;
  memory_->setObjectName(QStringLiteral("freezeMemory"));
  memory_->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(title);
  layout->addLayout(stack_);
  layout->addWidget(memory_);
  layout->addStretch(1);
  setMinimumWidth(230);
}

void FreezePanel::set_model(int layers) {
  for (auto& t : toggles_) delete t.button;
  toggles_.clear();
  reported_ = requested_ = FreezeState::none(layers);
  pending_ = false;
  std::vector<ModelPart> parts{{ModelPart::Head, -1}};
  for (int i = layers - 1; i >= 0; --i) parts.push_back({ModelPart::Layer, i});
  parts.push_back({ModelPart::Embeddings, -1});
  for (const auto& part : parts) {
    auto* button = new QPushButton;
    button->setObjectName(part.kind == ModelPart::Layer ? QStringLiteral("freezeLayer%1").arg(part.layer)
                          : part.kind == ModelPart::Head ? QStringLiteral("freezeHead")
                                                         : QStringLiteral("freezeEmbeddings"));
    button->setMinimumHeight(34);
    connect(button, &QPushButton::clicked, this, [this, part] { clicked(part); });
    stack_->addWidget(button);
    toggles_.push_back({part, button});
  }
  memory_->clear();
  paint_buttons();
}

void FreezePanel::set_gradual(int64_t every) {
  gradual_every_ = every;
  paint_buttons();
}

void FreezePanel::set_interactive(bool interactive) {
  interactive_ = interactive;
  paint_buttons();
}

QPushButton* FreezePanel::toggle_for(const ModelPart& part) const {
  for (const auto& t : toggles_)
    if (t.part.kind == part.kind && t.part.layer == part.layer) return t.button;
  return nullptr;
}

void FreezePanel::clicked(const ModelPart& part) {
  if (!interactive_ || gradual_every_ > 0) return;
  FreezeState next = pending_ ? requested_ : reported_;
  if (part.kind == ModelPart::Embeddings) next.embeddings = !next.embeddings;
  else if (part.kind == ModelPart::Head) next.head = !next.head;
  else next.layers[static_cast<size_t>(part.layer)] = !next.layers[static_cast<size_t>(part.layer)];
  requested_ = next;
  pending_ = !(requested_ == reported_);
  paint_buttons();
  Q_EMIT freezeRequested(QString::fromStdString(requested_.describe()));
}

void FreezePanel::show_step(const SessionStep& step) {
  if (!step.frozen.empty() && !reported_.layers.empty()) {
    reported_ = FreezeState::parse(step.frozen, static_cast<int>(reported_.layers.size()));
    if (reported_ == requested_) pending_ = false;
  }
  const auto metric = [&](const char* key) { return step.metrics.count(key) ? step.metrics.at(key) : 0.0; };
  const double trainable = metric("trainable_parameters"), total = metric("total_parameters");
  if (total > 0) {
    QString text = tr("Step %1<br>Trainable: <b>%2</b> of %3 parameters (%4%)<br>Gradients: %5<br>"
                      "Optimizer state: %6")
                       .arg(step.step)
                       .arg(QLocale().toString(static_cast<qint64>(trainable)), QLocale().toString(static_cast<qint64>(total)))
                       .arg(100 * trainable / total, 0, 'f', 1)
                       .arg(bytes(metric("gradient_bytes")), bytes(metric("optimizer_bytes")));
    // Frozen after training: AdamW's moments are kept, not freed; say so instead of letting the
    // learner think freezing shrank nothing.
    if (metric("kept_optimizer_bytes") > 0)
      text += tr("<br>+ %1 of AdamW state kept for frozen parts (unused while frozen, reused when they train "
                 "again)")
                  .arg(bytes(metric("kept_optimizer_bytes")));
    memory_->setText(text);
  }
  paint_buttons();
}

QString FreezePanel::memory_text() const { return memory_->text(); }

void FreezePanel::paint_buttons() {
  if (reported_.layers.empty() && toggles_.empty()) return;
  const int layers = static_cast<int>(reported_.layers.size());
  for (const auto& t : toggles_) {
    const bool frozen = reported_.frozen(t.part);
    const bool wanted = pending_ ? requested_.frozen(t.part) : frozen;
    QString text = part_label(t.part) + QStringLiteral(" — ") + (frozen ? tr("frozen") : tr("training"));
    if (wanted != frozen) text += wanted ? tr(" → freezing at next step") : tr(" → unfreezing at next step");
    if (gradual_every_ > 0) {
      // ULMFiT order: the head, then the layers from the top, then the embeddings.
      const int rank = t.part.kind == ModelPart::Head ? 0
                       : t.part.kind == ModelPart::Layer ? layers - t.part.layer
                                                         : layers + 1;
      text += rank == 0 ? tr(" (from the start)") : tr(" (opens at step %1)").arg(rank * gradual_every_);
    }
    t.button->setText(text);
    t.button->setEnabled(interactive_ && gradual_every_ == 0);
    t.button->setStyleSheet(frozen ? QStringLiteral("QPushButton{background:#b9c3d3;color:#2b3440;border:1px solid #8a96a8;}")
                                   : QStringLiteral("QPushButton{background:#f6b26b;color:#2b1a00;border:1px solid #c98a45;font-weight:bold;}"));
  }
}

}  // namespace lmlab::app
