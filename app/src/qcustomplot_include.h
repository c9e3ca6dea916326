// QCustomPlot's header uses Qt's keywords (signals, slots, emit, foreach), which the app
// turns off (QT_NO_KEYWORDS) because LibTorch uses `slots` as an identifier. Include
// QCustomPlot through this header, in files that include no torch header.
#pragma once

#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach
