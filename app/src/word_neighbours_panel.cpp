#include "word_neighbours_panel.h"

#include "pca_plot.h"
#include "qcustomplot_include.h"
#include "session_question.h"
#include "tokenizer_pieces.h"

#include "lmlab/session/job_queries.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>
#include <QVBoxLayout>

namespace lmlab::app {

WordNeighboursPanel::WordNeighboursPanel(SessionBridge* bridge, QWidget* parent)
    : QWidget(parent), bridge_(bridge), word_(new QLineEdit), map_(new QCustomPlot), list_(new QLabel),
      caption_(new QLabel), relook_(new QTimer(this)) {
  word_->setObjectName(QStringLiteral("neighboursWord"));
  word_->setPlaceholderText(tr("A word, e.g. dog"));
  map_->setObjectName(QStringLiteral("neighboursMap"));
  PcaPlot::prepare(*map_);
  list_->setObjectName(QStringLiteral("neighboursList"));
  list_->setTextFormat(Qt::RichText);
  list_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  list_->setMinimumWidth(160);
  caption_->setObjectName(QStringLiteral("neighboursCaption"));
  caption_->setWordWrap(true);
  auto* explain = new QLabel(tr("Each token's row of the embedding table is the vector the model starts from. Tokens "
                                "that appear in similar places end up with similar rows: the list shows the rows "
                                "closest to the word's (cosine: 1 the same direction, 0 unrelated), the map every row "
                                "on the table's two main directions (PCA)."));
  explain->setWordWrap(true);
  auto* answer = new QHBoxLayout;
  answer->addWidget(map_, 1);
  answer->addWidget(list_);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(explain);
  layout->addWidget(word_);
  layout->addLayout(answer, 1);
  layout->addWidget(caption_);
  relook_->setSingleShot(true);
  relook_->setInterval(300);  // one question per pause in typing
  connect(word_, &QLineEdit::textChanged, relook_, qOverload<>(&QTimer::start));
  connect(relook_, &QTimer::timeout, this, [this] { look_up(word_->text()); });
  set_model(false);
}

void WordNeighboursPanel::set_model(bool loaded) {
  word_->setEnabled(loaded);
  if (!loaded) {
    caption_->setText(tr("Load a model to look into its embedding table."));
    return;
  }
  if (word_->text().isEmpty())
    word_->setText(QStringLiteral("dog"));
  else
    look_up(word_->text());
}

void WordNeighboursPanel::look_up(const QString& word) {
  if (word.trimmed().isEmpty()) return;
  const std::string utf8 = word.trimmed().toStdString();
  ask_session<WordNeighbours>(
      bridge_, this, [utf8](TrainingJob& job) { return answer_embedding_neighbours(job, utf8); },
      [](WordNeighboursPanel& panel, const WordNeighbours& found) { panel.show_neighbours(found); },
      [](WordNeighboursPanel& panel, const QString& message) { panel.caption_->setText(message); });
}

void WordNeighboursPanel::show_neighbours(const WordNeighbours& found) {
  neighbours_ = found;
  map_->clearGraphs();
  map_->clearItems();
  QVector<double> x, y;
  for (size_t i = 0; i < found.map_x.size(); ++i) x << found.map_x[i], y << found.map_y[i];
  PcaPlot::add_points(*map_, QColor(160, 160, 160, 90), 3)->setData(x, y);
  const auto name = [this](double at_x, double at_y, const QString& text, const QColor& colour) {
    auto* label = new QCPItemText(map_);
    label->position->setCoords(at_x, at_y);
    label->setPositionAlignment(Qt::AlignLeft | Qt::AlignBottom);
    label->setText(text);
    label->setColor(colour);
    label->setFont(QFont(map_->font().family(), 8));
  };
  QVector<double> nx, ny;
  QStringList rows;
  for (const auto& n : found.nearest) {
    nx << n.x, ny << n.y;
    name(n.x, n.y, readable_piece(n.piece), QColor(31, 119, 180));
    rows << QStringLiteral("%1&nbsp;&nbsp;%2").arg(n.cosine, 0, 'f', 2).arg(readable_piece(n.piece).toHtmlEscaped());
  }
  PcaPlot::add_points(*map_, QColor(31, 119, 180), 6)->setData(nx, ny);
  PcaPlot::add_points(*map_, QColor(214, 39, 40), 9)->setData({found.x}, {found.y});
  QStringList pieces;
  for (const auto& p : found.pieces) pieces << readable_piece(p);
  name(found.x, found.y, pieces.join(QStringLiteral(" ")), QColor(214, 39, 40));
  map_->rescaleAxes();
  PcaPlot::label_axes(*map_, found.explained);
  map_->replot(QCustomPlot::rpQueuedReplot);
  list_->setText(QStringLiteral("<b>%1</b><br>").arg(tr("cosine&nbsp;&nbsp;token")) + rows.join(QStringLiteral("<br>")));
  caption_->setText(found.pieces.size() > 1
                        ? tr("The tokenizer splits the word into %1 pieces; its vector is their mean (the red dot).")
                              .arg(found.pieces.size())
                        : tr("The red dot is the word, the blue ones its nearest tokens. Two directions keep only "
                             "part of the picture: the list is measured in all of them."));
  Q_EMIT answered();
}

int WordNeighboursPanel::points_drawn() const { return PcaPlot::points_drawn(*map_); }

}  // namespace lmlab::app
