#include "saliency_panel.h"

#include "session_question.h"
#include "token_heat_text.h"
#include "tokenizer_pieces.h"

#include "lmlab/session/job_queries.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTextBrowser>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace lmlab::app {

SaliencyPanel::SaliencyPanel(SessionBridge* bridge, QWidget* parent)
    : QWidget(parent), bridge_(bridge), text_a_(new QLineEdit), text_b_(new QLineEdit), method_(new QComboBox),
      heat_(new QTextBrowser), verdict_(new QLabel), check_(new QLabel), again_(new QTimer(this)) {
  text_a_->setObjectName(QStringLiteral("saliencyText"));
  text_b_->setObjectName(QStringLiteral("saliencyPair"));
  text_a_->setPlaceholderText(tr("a news title, or the premise of a pair"));
  text_b_->setPlaceholderText(tr("only for sentence pairs (NLI): the hypothesis"));
  method_->setObjectName(QStringLiteral("saliencyMethod"));
  method_->addItem(tr("Integrated gradients (64 steps)"));
  method_->addItem(tr("Gradient × input"));
  method_->setToolTip(tr("Gradient × input: one gradient, quick but local. Integrated gradients: the gradient "
                         "averaged along the way from an empty input (zero embeddings) to this one; the "
                         "attributions then add up to the change in probability."));
  heat_->setObjectName(QStringLiteral("saliencyView"));
  heat_->setOpenLinks(false);
  heat_->setMinimumHeight(60);
  verdict_->setObjectName(QStringLiteral("saliencyVerdict"));
  verdict_->setWordWrap(true);
  check_->setObjectName(QStringLiteral("saliencyCheck"));
  check_->setWordWrap(true);
  auto* explain = new QLabel(tr("Which words the classifier's answer rests on: red words push towards its label, blue "
                                "ones against. For a sentence pair, a model that colours only the first sentence "
                                "answers without reading the second (a shortcut)."));
  explain->setWordWrap(true);
  auto* form = new QFormLayout;
  form->addRow(tr("Text"), text_a_);
  form->addRow(tr("Second text"), text_b_);
  form->addRow(tr("Method"), method_);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(explain);
  layout->addLayout(form);
  layout->addWidget(verdict_);
  layout->addWidget(heat_, 1);
  layout->addWidget(check_);
  again_->setSingleShot(true);
  again_->setInterval(400);  // integrated gradients cost 64 forwards: one question per pause
  connect(text_a_, &QLineEdit::textChanged, again_, qOverload<>(&QTimer::start));
  connect(text_b_, &QLineEdit::textChanged, again_, qOverload<>(&QTimer::start));
  connect(again_, &QTimer::timeout, this, &SaliencyPanel::explain);
  connect(method_, qOverload<int>(&QComboBox::currentIndexChanged), this, &SaliencyPanel::draw);
  set_model({});
}

void SaliencyPanel::set_model(const QStringList& labels) {
  labels_ = labels;
  const bool classifier = !labels.isEmpty();
  text_a_->setEnabled(classifier);
  text_b_->setEnabled(classifier);
  heat_->clear();
  check_->clear();
  verdict_->setText(classifier ? QString()
                               : tr("Load a fine-tuned classifier (a news or NLI run) to see what its answers rest on."));
  if (classifier && !text_a_->text().isEmpty()) explain();
}

void SaliencyPanel::explain() {
  if (labels_.isEmpty() || text_a_->text().trimmed().isEmpty()) return;
  const std::string a = text_a_->text().toStdString(), b = text_b_->text().toStdString();
  ask_session<Saliency>(
      bridge_, this, [a, b](TrainingJob& job) { return answer_saliency(job, a, b); },
      [](SaliencyPanel& panel, const Saliency& s) { panel.show_saliency(s); },
      [](SaliencyPanel& panel, const QString& message) { panel.verdict_->setText(message); });
}

void SaliencyPanel::show_saliency(const Saliency& saliency) {
  saliency_ = saliency;
  const QString label = saliency.label < labels_.size() ? labels_[saliency.label] : QString::number(saliency.label);
  verdict_->setText(tr("The model says <b>%1</b> (probability %2).").arg(label.toHtmlEscaped()).arg(saliency.probability, 0, 'f', 2));
  check_->setText(tr("Completeness: the attributions sum to %1, and the probability minus an empty input's (%3) is %2: a "
                     "gap of %4%.")
                      .arg(saliency.attribution_sum, 0, 'f', 3)
                      .arg(saliency.probability - saliency.baseline_probability, 0, 'f', 3)
                      .arg(saliency.baseline_probability, 0, 'f', 2)
                      .arg(100 * saliency.completeness_gap, 0, 'f', 1));
  draw();
  Q_EMIT explained();
}

void SaliencyPanel::draw() {
  if (saliency_.tokens.empty()) return;
  const bool integrated = method_->currentIndex() == 0;
  const auto value = [integrated](const TokenAttribution& t) { return integrated ? t.integrated_gradients : t.gradient_x_input; };
  // Colours scale with the largest attribution among the words (specials would dominate).
  double largest = 1e-12;
  for (const auto& t : saliency_.tokens)
    if (!t.special) largest = std::max(largest, std::abs(value(t)));
  std::vector<HeatToken> tokens;
  const auto& all = saliency_.tokens;
  for (size_t i = 0; i < all.size(); ++i) {
    const auto& t = all[i];
    // Of the specials only the [SEP] between the two texts is drawn, as a divider.
    const bool divider = t.special && i + 1 < all.size() && all[i + 1].segment > t.segment;
    HeatToken token{divider ? QStringLiteral("▁‖") : readable_piece(t.piece), divider ? 0.0 : value(t) / largest, {},
                    !t.special || divider};
    tokens.push_back(token);
  }
  heat_->setHtml(heat_html(tokens));
}

}  // namespace lmlab::app
