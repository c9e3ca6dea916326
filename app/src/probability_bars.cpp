#include "probability_bars.h"

#include <QPainter>

namespace lmlab::app {

namespace {
constexpr int kRow = 19, kLabel = 110, kPercent = 56;  // 10 rows fit a laptop screen with the rest
}

ProbabilityBars::ProbabilityBars(QWidget* parent) : QWidget(parent) {
  setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void ProbabilityBars::set_items(std::vector<std::pair<QString, double>> items) {
  items_ = std::move(items);
  updateGeometry();
  update();
}

QSize ProbabilityBars::sizeHint() const { return {kLabel + kPercent + 160, kRow * std::max<int>(1, count()) + 4}; }

void ProbabilityBars::paintEvent(QPaintEvent*) {
  QPainter painter(this);
  const int bar_width = std::max(20, width() - kLabel - kPercent - 8);
  for (int i = 0; i < count(); ++i) {
    const auto& [label, p] = items_[static_cast<size_t>(i)];
    const int y = 2 + i * kRow;
    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(QRect(0, y, kLabel - 6, kRow - 4), Qt::AlignRight | Qt::AlignVCenter,
                     painter.fontMetrics().elidedText(label, Qt::ElideRight, kLabel - 6));
    const QRect track(kLabel, y + 3, bar_width, kRow - 10);
    painter.fillRect(track, QColor(230, 232, 238));
    painter.fillRect(QRect(track.topLeft(), QSize(static_cast<int>(bar_width * std::clamp(p, 0.0, 1.0)), track.height())),
                     i == 0 ? QColor(30, 110, 200) : QColor(120, 160, 215));
    painter.drawText(QRect(kLabel + bar_width + 6, y, kPercent, kRow - 4), Qt::AlignLeft | Qt::AlignVCenter,
                     QStringLiteral("%1%").arg(100 * p, 0, 'f', 1));
  }
}

}  // namespace lmlab::app
