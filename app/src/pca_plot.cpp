#include "pca_plot.h"

#include "qcustomplot_include.h"

namespace lmlab::app {

void PcaPlot::prepare(QCustomPlot& plot) {
  plot.setMinimumHeight(120);
  plot.xAxis->setTickLabels(false);
  plot.yAxis->setTickLabels(false);
}

void PcaPlot::label_axes(QCustomPlot& plot, const double (&explained)[2]) {
  plot.xAxis->setLabel(tr("direction 1 (%1% of the variance)").arg(100 * explained[0], 0, 'f', 0));
  plot.yAxis->setLabel(tr("direction 2 (%1%)").arg(100 * explained[1], 0, 'f', 0));
}

QCPGraph* PcaPlot::add_points(QCustomPlot& plot, const QColor& colour, double size) {
  QCPGraph* graph = plot.addGraph();
  graph->setLineStyle(QCPGraph::lsNone);
  graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, colour, size));
  return graph;
}

int PcaPlot::points_drawn(const QCustomPlot& plot) {
  int points = 0;
  for (int i = 0; i < plot.graphCount(); ++i) points += plot.graph(i)->dataCount();
  return points;
}

}  // namespace lmlab::app
