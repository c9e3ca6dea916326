/* The C ABI between liblmlab_core and the sentencepiece bridge module.
 *
 * sentencepiece bundles its own protobuf, which clashes with the protobuf LibTorch links,
 * so the bridge is loaded with dlmopen() into a separate link-map namespace (see
 * docs/sentencepiece-bridge.md). Across this boundary only C types travel, and memory the
 * bridge allocates is released by spmb_free() because each namespace has its own heap. */
#ifndef LMLAB_SPM_BRIDGE_API_H
#define LMLAB_SPM_BRIDGE_API_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct spmb_model spmb_model;

/* Every function that can fail returns 0 on success; on failure it returns non-zero and,
 * when err is not NULL, stores a NUL-terminated message the caller releases with spmb_free. */

/* Trains a model from parallel arrays of trainer flags (sentencepiece's own names, e.g.
 * "input", "vocab_size") and returns the serialized model proto in *model / *model_len. */
int spmb_train(const char* const* keys, const char* const* values, size_t count,
               char** model, size_t* model_len, char** err);

/* Loads a model from serialized proto bytes. */
int spmb_load(const char* bytes, size_t len, spmb_model** out, char** err);
void spmb_unload(spmb_model* model);

int spmb_vocab_size(const spmb_model* model);
int spmb_encode(const spmb_model* model, const char* text, size_t len, int** ids,
                size_t* count, char** err);
int spmb_decode(const spmb_model* model, const int* ids, size_t count, char** text,
                size_t* len, char** err);
/* Copies the piece for id into buf (cap bytes, always NUL-terminated when cap > 0) and
 * returns its full length, or -1 when id is out of range. */
int spmb_id_to_piece(const spmb_model* model, int id, char* buf, size_t cap);
/* Returns the id of piece, or -1 when the model does not have it as a whole piece. */
int spmb_piece_to_id(const spmb_model* model, const char* piece, size_t len);

void spmb_free(void* p);

#define SPMB_ABI_VERSION 1
int spmb_abi_version(void);

#ifdef __cplusplus
}
#endif

#endif
