#pragma once

class QComboBox;
class QProgressBar;

namespace lmlab::app {

// Form pieces both labs use.
QComboBox* make_device_combo();  // auto | cpu | cuda, the data is the core's device string
QProgressBar* make_busy_bar();   // an indeterminate bar shown while a job is being prepared

}  // namespace lmlab::app
