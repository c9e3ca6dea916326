#pragma once

#include <QString>

#include <vector>

namespace lmlab::app {

// One token as a coloured text view shows it: its piece, how strongly to colour it (0 none, 1
// full; negative values for the opposite colour, as attributions have), and what hovering it says.
struct HeatToken {
  QString piece;     // as the model reads it (SentencePiece's ▁ marks a word start)
  double weight = 0;  // in [-1, 1]
  QString detail;    // plain text
  bool shown = true;  // false: left out (e.g. [CLS])
};

// Rich text of the tokens, each a link "#N" (N its index) so a QTextBrowser reports hovers;
// positive weights shade red, negative blue, with word starts as spaces.
QString heat_html(const std::vector<HeatToken>& tokens);

}  // namespace lmlab::app
