/* Shared helper for the libFuzzer targets (one fuzz_<family>.c per src/ops/ file).
 *
 * A target decodes sizes, strides, hyperparameters and data from the fuzz input, allocates
 * every buffer with EXACTLY the number of elements webtorch.h says the op reads or writes
 * (heap blocks, so ASan flags a single element of over-read or over-write), calls the op
 * and accepts either outcome: WT_OK, or an error status with a message. What it rejects:
 *   - a crash, an ASan/UBSan report, a hang (libFuzzer's -timeout);
 *   - WT_OK for arguments the header calls invalid in a way the harness can see cheaply
 *     (a negative size, a size product overflowing int64): the op would have used buffers
 *     the harness could not size, so FZ_EXPECT_ERR aborts instead;
 *   - an error status with an empty wt_last_error() message.
 * Documented buffer sizes above FZ_MAX_ELEMS are not allocated: the call is skipped (the
 * fuzzer's time goes to shapes it can afford); so is a call whose work a target estimates
 * above FZ_MAX_WORK (small buffers can still mean billions of steps, a timeout that says
 * nothing about correctness). Header-only on purpose. */
#ifndef WT_FUZZ_UTIL_H
#define WT_FUZZ_UTIL_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "webtorch.h"

#define FZ_MAX_ELEMS ((int64_t)1 << 16)
#define FZ_MAX_WORK ((int64_t)1 << 24)

/* The undecoded rest of the fuzz input; reads past its end give zeros, so every input is
 * a complete (if dull) test case. */
typedef struct {
  const uint8_t *p;
  size_t n;
} fz_in;

static inline uint8_t fz_u8(fz_in *in) {
  if (in->n == 0) return 0;
  in->n--;
  return *in->p++;
}

static inline uint32_t fz_u32(fz_in *in) {
  uint32_t v = 0;
  for (int i = 0; i < 4; i++) v = v << 8 | fz_u8(in);
  return v;
}

/* A choice in [0, n). */
static inline int32_t fz_pick(fz_in *in, int32_t n) { return (int32_t)(fz_u8(in) % (uint32_t)n); }

/* A size or hyperparameter: mostly in [lo, hi] (small, so buffers stay affordable), one
 * time in 16 an edge value that the op must reject or survive. */
static inline int32_t fz_int(fz_in *in, int32_t lo, int32_t hi) {
  static const int32_t edges[] = {0, -1, 1, 2, INT32_MAX, INT32_MIN, 65536, 1 << 20, 46341, -65536, 3, 7, 8, 9, 16, 17};
  const uint8_t b = fz_u8(in);
  if (b >= 240) return edges[b - 240];
  return lo + (int32_t)(b % (uint32_t)(hi - lo + 1));
}

/* v clamped to int32 (the harness's own arithmetic on edge values must not overflow). */
static inline int32_t fz_sat(int64_t v) { return v > INT32_MAX ? INT32_MAX : v < INT32_MIN ? INT32_MIN : (int32_t)v; }

/* The product of sizes as an int32 stride, saturating (negative sizes give INT32_MAX). */
#define FZ_SAT_PROD(...) fz_sat(FZ_NUMEL(__VA_ARGS__) < 0 ? INT32_MAX : FZ_NUMEL(__VA_ARGS__))

/* A float: ordinary values mostly, sometimes NaN, +-inf, -0, huge, tiny or raw bits. */
static inline float fz_float(fz_in *in) {
  const uint8_t b = fz_u8(in);
  switch (b) {
    case 0: return NAN;
    case 1: return INFINITY;
    case 2: return -INFINITY;
    case 3: return -0.0f;
    case 4: return 3.0e38f;
    case 5: return 1.0e-45f;
    case 6: {
      const uint32_t bits = fz_u32(in);
      float f;
      memcpy(&f, &bits, sizeof f);
      return f;
    }
    default: return ((float)b - 128.0f) / 16.0f;
  }
}

/* Product of n sizes as PyTorch's numel: -1 if a size is negative or the product
 * overflows int64. */
static inline int64_t fz_numel(int n, const int64_t *dims) {
  int64_t t = 1;
  for (int i = 0; i < n; i++) {
    if (dims[i] < 0) return -1;
    if (dims[i] != 0 && t > INT64_MAX / dims[i]) return -1;
    t *= dims[i];
  }
  return t;
}
#define FZ_NUMEL(...) fz_numel((int)(sizeof((int64_t[]){__VA_ARGS__}) / sizeof(int64_t)), (int64_t[]){__VA_ARGS__})

/* The elements a strided view spans: 1 + sum (shape[k] - 1) * stride[k]; -1 for a
 * negative stride/shape or overflow, 0 if a shape entry is 0. */
static inline int64_t fz_extent(int n, const int64_t *shape, const int64_t *strides) {
  int64_t e = 1;
  for (int i = 0; i < n; i++) {
    if (shape[i] < 0 || strides[i] < 0) return -1;
    if (shape[i] == 0) return 0;
    if (strides[i] != 0 && shape[i] - 1 > (INT64_MAX - e) / strides[i]) return -1;
    e += (shape[i] - 1) * strides[i];
  }
  return e;
}

/* Buffers of one call, freed together by fz_free_all. */
typedef struct {
  void *blocks[24];
  int n;
  int skip; /* some buffer was too large to allocate: do not call the op */
  int bad;  /* some buffer size was invalid (negative/overflow): the op must fail */
} fz_bufs;

/* A heap block of exactly `elems` elements of `size` bytes (elems may be 0: a zero-byte
 * block that ASan guards entirely), filled with a fixed byte pattern. An invalid count
 * gives a one-element block and marks the call as one that must fail. */
static inline void *fz_alloc(fz_bufs *b, int64_t elems, size_t size) {
  if (elems < 0) {
    b->bad = 1;
    elems = 1;
  } else if (elems > FZ_MAX_ELEMS) {
    b->skip = 1;
    elems = 1;
  }
  if (b->n == (int)(sizeof b->blocks / sizeof b->blocks[0])) abort(); /* harness bug */
  uint8_t *p = malloc((size_t)elems * size); /* ASan gives malloc(0) a unique, unreadable block */
  if (!p) abort();
  for (int64_t i = 0; i < elems * (int64_t)size; i++) p[i] = (uint8_t)(i * 7 + 61);
  b->blocks[b->n++] = p;
  return p;
}

/* Floats drawn with fz_float (specials included), rather than raw bytes. */
static inline float *fz_floats(fz_bufs *b, fz_in *in, int64_t elems) {
  float *p = fz_alloc(b, elems, sizeof(float));
  if (!b->skip && elems > 0)
    for (int64_t i = 0; i < elems; i++) p[i] = in->n ? fz_float(in) : (float)(i % 13) * 0.25f - 1.5f;
  return p;
}

/* int64 indices: mostly in [0, range), sometimes -1, range, or huge. */
static inline int64_t *fz_indices(fz_bufs *b, fz_in *in, int64_t elems, int64_t range) {
  int64_t *p = fz_alloc(b, elems, sizeof(int64_t));
  if (!b->skip && elems > 0)
    for (int64_t i = 0; i < elems; i++) {
      const uint8_t c = fz_u8(in);
      p[i] = c == 255 ? -1 : c == 254 ? range : c == 253 ? INT64_MAX : c == 252 ? INT64_MIN
                                                                                : (range > 0 ? c % range : c);
    }
  return p;
}

/* An int32 array argument (shape, sizes) on the heap with exactly n entries, so reading
 * past what the op was told is caught too. */
static inline int32_t *fz_i32s(fz_bufs *b, int n, const int32_t *values) {
  int32_t *p = fz_alloc(b, n, sizeof(int32_t));
  if (n > 0) memcpy(p, values, (size_t)n * sizeof(int32_t));
  return p;
}

static inline void fz_free_all(fz_bufs *b) {
  for (int i = 0; i < b->n; i++) free(b->blocks[i]);
  b->n = 0;
}

/* Every failing call must leave a message. */
static inline void fz_check_status(wt_status st, const char *call) {
  if (st != WT_OK && st != WT_EINVAL && st != WT_ENOMEM) {
    fprintf(stderr, "%s returned unknown status %d\n", call, (int)st);
    abort();
  }
  if (st != WT_OK && wt_last_error()[0] == '\0') {
    fprintf(stderr, "%s failed with status %d and an empty message\n", call, (int)st);
    abort();
  }
}

/* Runs `call` unless a buffer was skipped; a call with an invalid buffer size must fail. */
#define FZ_RUN(bufs, call)                                                                          \
  do {                                                                                            \
    if (!(bufs).skip) {                                                                           \
      wt_status st_ = (call);                                                                     \
      fz_check_status(st_, #call);                                                                \
      if ((bufs).bad && st_ == WT_OK) {                                                           \
        fprintf(stderr, "%s accepted arguments whose buffer sizes are invalid (negative/overflow)\n", \
                #call);                                                                           \
        abort();                                                                                  \
      }                                                                                           \
    }                                                                                             \
    fz_free_all(&(bufs));                                                                         \
  } while (0)

#endif /* WT_FUZZ_UTIL_H */
