#pragma once

class QComboBox;

namespace lmlab::app {

// auto | cpu | cuda, as both labs offer it; the item data is the core's device string.
QComboBox* make_device_combo();

}  // namespace lmlab::app
