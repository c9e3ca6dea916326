#include "lmlab/session/training_job.h"

#include "lmlab/error.h"

namespace lmlab {

void TrainingJob::set_freeze(const FreezeState&) { throw Error("this kind of training cannot freeze layers"); }

}  // namespace lmlab
