#include "token_heat_text.h"

#include <QColor>

#include <algorithm>
#include <cmath>

namespace lmlab::app {

QString heat_html(const std::vector<HeatToken>& tokens) {
  QString html = QStringLiteral("<p style='line-height:170%; font-size:12pt'>");
  for (size_t i = 0; i < tokens.size(); ++i) {
    const HeatToken& token = tokens[i];
    if (!token.shown) continue;
    QString piece = token.piece;
    // A word-start mark becomes the space a reader expects; GPT-2's Ġ the same.
    const bool word_start = piece.startsWith(QChar(0x2581)) || piece.startsWith(QChar(0x0120));
    if (word_start) piece.remove(0, 1);
    if (piece.startsWith(QStringLiteral("##"))) piece.remove(0, 2);  // WordPiece continues a word
    const double w = std::clamp(token.weight, -1.0, 1.0);
    const QColor colour = w >= 0 ? QColor::fromRgbF(1, 1 - 0.7 * w, 1 - 0.75 * w) : QColor::fromRgbF(1 + 0.7 * w, 1 + 0.45 * w, 1);
    if (word_start && i > 0) html += QLatin1Char(' ');
    html += QStringLiteral("<a href='#%1' style='text-decoration:none; color:black; background:%2'>%3</a>")
                .arg(i)
                .arg(colour.name(), piece.toHtmlEscaped());
  }
  return html + QStringLiteral("</p>");
}

}  // namespace lmlab::app
