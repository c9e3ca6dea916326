#include "masked_lm_panel.h"

#include "logit_lens_view.h"
#include "probability_bars.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

namespace lmlab::app {

namespace {
const QString kMask = QStringLiteral("[MASK]");

// SentencePiece marks a word start with U+2581; the learner reads a plain word.
QString readable(const std::string& piece) {
  QString text = QString::fromStdString(piece);
  text.replace(QChar(0x2581), QString());
  return text.isEmpty() ? QStringLiteral("␣") : text;
}
}  // namespace

MaskedLmPanel::MaskedLmPanel(QWidget* parent) : QWidget(parent) {
  edit_ = new QLineEdit;
  edit_->setObjectName(QStringLiteral("probeEdit"));
  edit_->setPlaceholderText(tr("Type a sentence and press Enter"));
  hint_ = new QLabel;
  hint_->setWordWrap(true);
  untrained_note_ = new QLabel(
      tr("This model came without a masked-LM head, so LM Lab gave it one with random weights: "
         "its guesses mean nothing until it is trained. The attention and the layers are the real model's."));
  untrained_note_->setObjectName(QStringLiteral("untrainedHeadNote"));
  untrained_note_->setWordWrap(true);
  untrained_note_->setStyleSheet(QStringLiteral("color: #b35c00;"));
  untrained_note_->hide();
  word_row_ = new QWidget;
  word_layout_ = new QHBoxLayout(word_row_);
  word_layout_->setContentsMargins(0, 0, 0, 0);
  word_layout_->setSpacing(3);
  auto* words_scroll = new QScrollArea;
  words_scroll->setWidget(word_row_);
  words_scroll->setWidgetResizable(true);
  words_scroll->setFixedHeight(46);
  words_scroll->setFrameShape(QFrame::NoFrame);
  answer_ = new QLabel;
  answer_->setObjectName(QStringLiteral("probeAnswer"));
  answer_->setWordWrap(true);
  answer_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* bars_widget = new QWidget;
  bars_layout_ = new QVBoxLayout(bars_widget);
  bars_layout_->setContentsMargins(0, 0, 0, 0);

  auto* guesses = new QWidget;
  auto* guesses_layout = new QVBoxLayout(guesses);
  guesses_layout->setContentsMargins(0, 0, 0, 0);
  guesses_layout->addWidget(bars_widget);
  guesses_layout->addStretch(1);
  lens_ = new LogitLensView;
  lens_->setObjectName(QStringLiteral("logitLens"));
  views_ = new QTabWidget;
  views_->setObjectName(QStringLiteral("probeViews"));
  views_->setDocumentMode(true);
  views_->addTab(guesses, tr("Answer"));
  // The lens explains itself in a paragraph: it scrolls rather than making the lab taller than
  // a laptop screen.
  auto* lens_scroll = new QScrollArea;
  lens_scroll->setWidget(lens_);
  lens_scroll->setWidgetResizable(true);
  lens_scroll->setFrameShape(QFrame::NoFrame);
  views_->addTab(lens_scroll, tr("Layer by layer"));

  auto* layout = new QVBoxLayout(this);
  layout->addWidget(hint_);
  layout->addWidget(untrained_note_);
  layout->addWidget(edit_);
  layout->addWidget(words_scroll);
  layout->addWidget(answer_);
  layout->addWidget(views_, 1);

  connect(edit_, &QLineEdit::returnPressed, this, [this] {
    if (edit_->text() == probe()) return;  // unchanged: the clicked masks keep their words
    set_text(edit_->text());
    Q_EMIT probeChanged(probe());
  });
  set_architecture(arch_);
}

void MaskedLmPanel::set_architecture(const QString& arch, bool training) {
  arch_ = arch;
  training_ = training;
  const bool bert = arch_ == QLatin1String("bert");
  if (training)
    hint_->setText(bert ? tr("Click words to hide them behind [MASK]; the bars show the model's top-5 guesses, "
                             "updated as it trains.")
                        : tr("Type a prompt; below is what the model writes next (greedy), updated as it trains."));
  else
    hint_->setText(bert ? tr("Click words to hide them behind [MASK]; the bars show the model's top-5 guesses. "
                             "Press Enter after editing the sentence.")
                        : tr("Type a prompt and press Enter; below is what the model writes next (greedy)."));
  rebuild_words();
}

void MaskedLmPanel::set_untrained_head(bool untrained) { untrained_note_->setVisible(untrained); }

void MaskedLmPanel::set_text(const QString& text) {
  words_.clear();
  for (const QString& w : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) words_.push_back({w, w == kMask});
  if (edit_->text() != text) edit_->setText(text);
  rebuild_words();
}

QString MaskedLmPanel::probe() const {
  QStringList out;
  for (const auto& w : words_) out << (w.masked ? kMask : w.text);
  return out.join(QLatin1Char(' '));
}

void MaskedLmPanel::toggle_word(int index) {
  if (index < 0 || index >= word_count() || words_[static_cast<size_t>(index)].text == kMask) return;
  words_[static_cast<size_t>(index)].masked = !words_[static_cast<size_t>(index)].masked;
  edit_->setText(probe());  // the box shows the sentence the model is asked about
  rebuild_words();
  Q_EMIT probeChanged(probe());
}

void MaskedLmPanel::rebuild_words() {
  while (QLayoutItem* item = word_layout_->takeAt(0)) {
    delete item->widget();
    delete item;
  }
  const bool bert = arch_ == QLatin1String("bert");
  for (int i = 0; i < word_count(); ++i) {
    const auto& w = words_[static_cast<size_t>(i)];
    auto* button = new QPushButton(w.masked ? kMask : w.text);
    button->setObjectName(QStringLiteral("word%1").arg(i));
    button->setCheckable(true);
    button->setChecked(w.masked);
    button->setEnabled(bert);
    button->setStyleSheet(w.masked ? QStringLiteral("QPushButton{background:#1e6ec8;color:white;padding:3px 6px;}")
                                   : QStringLiteral("QPushButton{padding:3px 6px;}"));
    connect(button, &QPushButton::clicked, this, [this, i] { toggle_word(i); });
    word_layout_->addWidget(button);
  }
  word_layout_->addStretch(1);
}

void MaskedLmPanel::show_snapshot(const Snapshot& snapshot) {
  lens_->show_lens(snapshot.lens);
  if (snapshot.masked) {
    const auto& masks = snapshot.masked->masks;
    while (bars_.size() > masks.size()) {
      delete bars_.back();
      delete bar_titles_.back();
      bars_.pop_back();
      bar_titles_.pop_back();
    }
    while (bars_.size() < masks.size()) {
      bar_titles_.push_back(new QLabel);
      bars_.push_back(new ProbabilityBars);
      bars_layout_->addWidget(bar_titles_.back());
      bars_layout_->addWidget(bars_.back());
    }
    // The masks come left to right, as the masked words do.
    QStringList hidden;
    for (const auto& w : words_)
      if (w.masked) hidden << w.text;
    for (size_t m = 0; m < masks.size(); ++m) {
      std::vector<std::pair<QString, double>> items;
      for (const auto& guess : masks[m].top) items.emplace_back(readable(guess.piece), guess.probability);
      bars_[m]->set_items(std::move(items));
      const QString word = m < static_cast<size_t>(hidden.size()) ? hidden[static_cast<int>(m)] : kMask;
      bar_titles_[m]->setText(word == kMask ? tr("[MASK] %1 of %2").arg(m + 1).arg(masks.size())
                                            : tr("[MASK] %1 of %2 (hides “%3”)").arg(m + 1).arg(masks.size()).arg(word));
    }
    answer_->setText(masks.empty() ? tr("Mask a word to see the model's guesses.")
                                   : step_prefix(snapshot.step) + tr("best guess: <b>%1</b>")
                                         .arg(QString::fromStdString(snapshot.masked->filled).toHtmlEscaped()));
  } else if (snapshot.sample) {
    for (auto* b : bars_) delete b;
    for (auto* t : bar_titles_) delete t;
    bars_.clear();
    bar_titles_.clear();
    answer_->setText(step_prefix(snapshot.step) + QStringLiteral("<i>%1</i> <b>%2</b>")
                         .arg(probe().toHtmlEscaped(), QString::fromStdString(*snapshot.sample).toHtmlEscaped()));
  } else {
    answer_->setText(step_prefix(snapshot.step) + tr("this model does not fill in [MASK] words."));
  }
}

// While a model trains, which step answered; a saved model has no steps to number.
QString MaskedLmPanel::step_prefix(int64_t step) const {
  return training_ ? tr("Step %1 · ").arg(step) : QString();
}

}  // namespace lmlab::app
