#pragma once

#include <QString>

#include <exception>

namespace lmlab::app {

// What went wrong, in the UI language: an lmlab::Error with a code (a setting out of range,
// a file missing or not UTF-8 at a line, a checkpoint missing, a dataset too small) is worded
// from its facts by a translated sentence; any other failure keeps the core's English words.
QString error_text(const std::exception& failure);

}  // namespace lmlab::app
