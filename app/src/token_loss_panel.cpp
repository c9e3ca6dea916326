#include "token_loss_panel.h"

#include "session_question.h"
#include "token_heat_text.h"
#include "tokenizer_pieces.h"

#include "lmlab/session/job_queries.h"

#include <QLabel>
#include <QLineEdit>
#include <QTextBrowser>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

#include <cmath>

namespace lmlab::app {

namespace {

// Colour saturates at this loss: 8 nats is a token the model gave about 1 chance in 3,000.
constexpr double kFullColourLoss = 8.0;

}  // namespace

TokenLossPanel::TokenLossPanel(SessionBridge* bridge, QWidget* parent)
    : QWidget(parent), bridge_(bridge), text_(new QLineEdit), heat_(new QTextBrowser), detail_(new QLabel),
      summary_(new QLabel), rescore_(new QTimer(this)) {
  text_->setObjectName(QStringLiteral("tokenLossText"));
  text_->setPlaceholderText(tr("Type a sentence to see which tokens surprise the model"));
  heat_->setObjectName(QStringLiteral("tokenLossView"));
  heat_->setOpenLinks(false);
  heat_->setMinimumHeight(60);
  detail_->setObjectName(QStringLiteral("tokenLossDetail"));
  detail_->setWordWrap(true);
  summary_->setObjectName(QStringLiteral("tokenLossSummary"));
  summary_->setWordWrap(true);
  auto* explain = new QLabel(tr("Each token coloured by its loss, −ln p: white for a token the model expected, red for "
                                "one that surprised it (8 nats or more, about 1 chance in 3,000). A GPT scores each "
                                "token from the ones before it; a BERT hides each token alone and guesses it from "
                                "both sides. Point at a token to see what the model expected there."));
  explain->setWordWrap(true);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(explain);
  layout->addWidget(text_);
  layout->addWidget(heat_, 1);
  layout->addWidget(detail_);
  layout->addWidget(summary_);
  rescore_->setSingleShot(true);
  rescore_->setInterval(300);  // one question per pause in typing
  connect(text_, &QLineEdit::textChanged, rescore_, qOverload<>(&QTimer::start));
  connect(rescore_, &QTimer::timeout, this, [this] { score(text_->text()); });
  connect(heat_, &QTextBrowser::highlighted, this, [this](const QUrl& link) {
    if (link.hasFragment()) show_detail(link.fragment().toInt());
  });
  set_model({});
}

void TokenLossPanel::set_model(const QString& arch) {
  text_->setEnabled(!arch.isEmpty());
  if (arch.isEmpty()) {
    summary_->setText(tr("Load a model to score text."));
    return;
  }
  if (text_->text().isEmpty())
    text_->setText(arch == QLatin1String("bert") ? QStringLiteral("the cat sat on the mat .")
                                                 : QStringLiteral("once upon a time there was a king ."));
  else
    score(text_->text());
}

void TokenLossPanel::score(const QString& text) {
  if (text.trimmed().isEmpty()) return;
  const std::string utf8 = text.toStdString();
  ask_session<TokenLosses>(
      bridge_, this, [utf8](TrainingJob& job) { return answer_token_losses(job, utf8); },
      [](TokenLossPanel& panel, const TokenLosses& losses) { panel.show_losses(losses); },
      [](TokenLossPanel& panel, const QString& message) { panel.summary_->setText(message); });
}

void TokenLossPanel::show_losses(const TokenLosses& losses) {
  losses_ = losses;
  std::vector<HeatToken> tokens;
  for (const auto& t : losses.tokens)
    tokens.push_back({readable_piece(t.piece), t.scored ? t.loss / kFullColourLoss : 0.0, {}, t.scored || t.piece.front() != '['});
  heat_->setHtml(heat_html(tokens));
  detail_->clear();
  summary_->setText(tr("Mean loss %1 nats per token (perplexity %2)%3.")
                        .arg(losses.mean_loss, 0, 'f', 2)
                        .arg(std::exp(losses.mean_loss), 0, 'f', 1)
                        .arg(losses.masked_one_at_a_time ? tr(", each token masked alone") : QString()));
  Q_EMIT scored();
}

void TokenLossPanel::show_detail(int index) {
  if (index < 0 || index >= static_cast<int>(losses_.tokens.size())) return;
  const TokenLoss& t = losses_.tokens[static_cast<size_t>(index)];
  if (!t.scored) {
    detail_->setText(tr("“%1” is not scored (nothing before it to predict it from, or a special token).")
                         .arg(readable_piece(t.piece)));
    return;
  }
  QStringList expected;
  for (const auto& g : t.top)
    expected << QStringLiteral("%1 %2%").arg(readable_piece(g.piece)).arg(100 * g.probability, 0, 'f', 1);
  detail_->setText(tr("“%1”: loss %2 (p = %3). Expected: %4.")
                       .arg(readable_piece(t.piece))
                       .arg(t.loss, 0, 'f', 2)
                       .arg(std::exp(-t.loss), 0, 'g', 2)
                       .arg(expected.join(QStringLiteral(", "))));
}

}  // namespace lmlab::app
