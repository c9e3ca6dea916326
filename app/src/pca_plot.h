#pragma once

#include <QColor>
#include <QCoreApplication>

class QCPGraph;
class QCustomPlot;

namespace lmlab::app {

// What the 2-D maps of principal components share (the fine-tuning lab's Clusters, the
// playground's word neighbours): axes without tick labels, since a direction's units mean
// nothing, named by each direction's share of the variance; points as dots without lines.
class PcaPlot {
  Q_DECLARE_TR_FUNCTIONS(PcaPlot)

 public:
  static void prepare(QCustomPlot& plot);
  static void label_axes(QCustomPlot& plot, const double (&explained)[2]);
  static QCPGraph* add_points(QCustomPlot& plot, const QColor& colour, double size);
  static int points_drawn(const QCustomPlot& plot);  // over every graph, for tests
};

}  // namespace lmlab::app
