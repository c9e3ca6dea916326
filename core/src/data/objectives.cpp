#include "lmlab/data/objectives.h"

#include "lmlab/error.h"

namespace lmlab {

Objectives Objectives::parse(const std::string& text) {
  Objectives o;
  if (text == "mlm") o.mlm = true;
  else if (text == "nsp") o.nsp = true;
  else if (text == "mlm+nsp" || text == "nsp+mlm") o.mlm = o.nsp = true;
  else if (text == "clm") o.clm = true;
  else throw Error("objective '" + text + "' is not mlm, nsp, mlm+nsp or clm");
  return o;
}

std::string Objectives::name() const {
  if (clm) return "clm";
  if (mlm && nsp) return "mlm+nsp";
  return mlm ? "mlm" : "nsp";
}

}  // namespace lmlab
