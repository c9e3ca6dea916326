#include "projection_view.h"

#include "pca_plot.h"
#include "qcustomplot_include.h"

#include <QLabel>
#include <QVBoxLayout>

namespace lmlab::app {

namespace {

QColor label_colour(int label) {
  static const QColor palette[] = {QColor(31, 119, 180), QColor(214, 39, 40), QColor(44, 160, 44), QColor(255, 127, 14),
                                   QColor(148, 103, 189), QColor(140, 86, 75), QColor(227, 119, 194), QColor(23, 190, 207)};
  return palette[label % static_cast<int>(std::size(palette))];
}

}  // namespace

ProjectionView::ProjectionView(QWidget* parent)
    : QWidget(parent), plot_(new QCustomPlot), caption_(new QLabel), kept_(new QLabel) {
  plot_->setObjectName(QStringLiteral("projectionPlot"));
  PcaPlot::prepare(*plot_);
  plot_->legend->setVisible(true);
  plot_->legend->setFont(QFont(plot_->font().family(), 8));
  plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
  caption_->setObjectName(QStringLiteral("projectionCaption"));
  caption_->setWordWrap(true);
  kept_->setObjectName(QStringLiteral("representationKept"));
  kept_->setWordWrap(true);
  kept_->setToolTip(tr("Linear CKA between each layer's representation of these examples at the start of the run "
                       "and now: 1 means the same up to rotation and scale, lower means the layer now sees them "
                       "differently. Frozen layers stay at 1."));
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(plot_, 1);
  layout->addWidget(kept_);
  layout->addWidget(caption_);
  set_labels({});
}

void ProjectionView::set_labels(const std::vector<std::string>& labels) {
  labels_.clear();
  for (const auto& label : labels) labels_ << QString::fromStdString(label);
  plot_->clearGraphs();
  plot_->replot(QCustomPlot::rpQueuedReplot);
  kept_->clear();
  caption_->setText(tr("The test examples as the classifier sees them (its pooled vector), on their two main "
                       "directions (PCA), one colour per true label. Clusters that form mean the model separates the "
                       "labels; drawn every couple of seconds."));
}

void ProjectionView::show_snapshot(const Snapshot& snapshot) {
  if (!snapshot.projection) return;
  const ProjectedExamples& p = *snapshot.projection;
  plot_->clearGraphs();
  int labels = 0;
  for (int label : p.labels) labels = std::max(labels, label + 1);
  for (int label = 0; label < labels; ++label) {
    QColor colour = label_colour(label);
    colour.setAlpha(170);
    QCPGraph* graph = PcaPlot::add_points(*plot_, colour, 5);
    graph->setName(label < labels_.size() ? labels_[label] : QString::number(label));
    QVector<double> x, y;
    for (size_t i = 0; i < p.labels.size(); ++i)
      if (p.labels[i] == label) x << p.x[i], y << p.y[i];
    graph->setData(x, y);
  }
  plot_->rescaleAxes();
  PcaPlot::label_axes(*plot_, p.explained);
  plot_->replot(QCustomPlot::rpQueuedReplot);
  QStringList kept;
  for (size_t depth = 0; depth < p.cka_to_start.size(); ++depth)
    kept << (depth == 0 ? tr("embeddings %1") : tr("layer %1 %2").arg(depth - 1))
                .arg(p.cka_to_start[depth], 0, 'f', 3);
  kept_->setText(kept.isEmpty() ? QString()
                                : tr("Like at the start (CKA): %1").arg(kept.join(QStringLiteral(" · "))));
}

int ProjectionView::points_drawn() const { return PcaPlot::points_drawn(*plot_); }

}  // namespace lmlab::app
