#pragma once

#include "setting_fields.h"

namespace lmlab::app {

// The "device" setting (auto | cpu | cuda) as both labs show it.
FieldLook device_look();

}  // namespace lmlab::app
