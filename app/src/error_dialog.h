#pragma once

class QString;
class QWidget;

namespace lmlab::app {

// A warning that does not block: window-modal, deleted when closed, and the event loop (and
// any test driving it) keeps running. object_name lets tests find it.
void open_error_dialog(QWidget* parent, const QString& title, const QString& message, const QString& object_name);

}  // namespace lmlab::app
