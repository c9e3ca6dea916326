#include "lmlab/session/training_job.h"

#include "lmlab/error.h"

namespace lmlab {

// Torch-free on purpose: the ThreadSanitizer build of the session links this file alone.

void TrainingJob::set_freeze(const FreezeState&) { throw Error("this kind of training cannot freeze layers"); }
void TrainingJob::set_learning_rate(double) { throw Error("this job does not train, so it has no learning rate"); }
LanguageModelImpl& TrainingJob::model() { throw Error("this job has no model to inspect"); }
const Tokenizer& TrainingJob::tokenizer() const { throw Error("this job has no tokenizer"); }

}  // namespace lmlab
