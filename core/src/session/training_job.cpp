#include "lmlab/session/training_job.h"

#include "lmlab/error.h"

namespace lmlab {

// Torch-free on purpose: the ThreadSanitizer build of the session links this file alone.

ModelHolder& model_holder(TrainingJob& job) {
  if (auto* holder = dynamic_cast<ModelHolder*>(&job)) return *holder;
  throw Error("this job has no model to question");
}

LearningRateControl& learning_rate_control(TrainingJob& job) {
  if (auto* control = dynamic_cast<LearningRateControl*>(&job)) return *control;
  throw Error("this job does not train, so it has no learning rate");
}

FreezeControl& freeze_control(TrainingJob& job) {
  if (auto* control = dynamic_cast<FreezeControl*>(&job)) return *control;
  throw Error("this kind of training cannot freeze layers");
}

}  // namespace lmlab
