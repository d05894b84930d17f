/* Shared helper for the C tests: a deterministic RNG, one expect_close that prints the
 * largest difference, and check macros that report file:line. Header-only on purpose. */
#ifndef WT_TEST_UTIL_H
#define WT_TEST_UTIL_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "webtorch.h"

static int wt_test_failures = 0;

#define CHECK(cond)                                                              \
  do {                                                                           \
    if (!(cond)) {                                                               \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);  \
      wt_test_failures++;                                                        \
    }                                                                            \
  } while (0)

/* expects a failing status with a non-empty message */
#define CHECK_ERR(call, want)                                                                   \
  do {                                                                                          \
    wt_status st_ = (call);                                                                     \
    if (st_ != (want) || wt_last_error()[0] == '\0') {                                          \
      fprintf(stderr, "%s:%d: %s -> status %d (want %d), message \"%s\"\n", __FILE__, __LINE__, \
              #call, (int)st_, (int)(want), wt_last_error());                                    \
      wt_test_failures++;                                                                       \
    }                                                                                           \
  } while (0)

#define CHECK_OK(call)                                                                  \
  do {                                                                                  \
    wt_status st_ = (call);                                                             \
    if (st_ != WT_OK) {                                                                 \
      fprintf(stderr, "%s:%d: %s -> status %d: %s\n", __FILE__, __LINE__, #call,       \
              (int)st_, wt_last_error());                                               \
      wt_test_failures++;                                                               \
    }                                                                                   \
  } while (0)

static uint64_t wt_rng_state = 0x9E3779B97F4A7C15ull;
static inline uint32_t rng_u32(void) {
  wt_rng_state ^= wt_rng_state << 13;
  wt_rng_state ^= wt_rng_state >> 7;
  wt_rng_state ^= wt_rng_state << 17;
  return (uint32_t)(wt_rng_state >> 16);
}
/* uniform in [lo, hi) */
static inline float rng_f(float lo, float hi) { return lo + (hi - lo) * (float)(rng_u32() >> 8) / 16777216.0f; }
static inline int rng_int(int lo, int hi) { return lo + (int)(rng_u32() % (uint32_t)(hi - lo + 1)); } /* [lo, hi] */
static inline float *rand_buf(size_t n, float lo, float hi) {
  float *p = malloc((n ? n : 1) * sizeof(float));
  for (size_t i = 0; i < n; i++) p[i] = rng_f(lo, hi);
  return p;
}

/* Compares n floats: |got - want| <= atol + rtol*|want|, NaN matches NaN, inf matches the
 * same inf. On failure prints the worst element and the largest difference. */
static inline int expect_close_(const char *file, int line, const char *what, const float *got,
                                const float *want, size_t n, float rtol, float atol) {
  double worst = 0.0;
  size_t wi = 0, bad = 0;
  for (size_t i = 0; i < n; i++) {
    float g = got[i], w = want[i];
    if (isnan(w) || isnan(g)) {
      if (!(isnan(w) && isnan(g))) bad++, wi = i, worst = INFINITY;
      continue;
    }
    if (isinf(w) || isinf(g)) {
      if (g != w) bad++, wi = i, worst = INFINITY;
      continue;
    }
    double d = fabs((double)g - (double)w);
    double excess = d - (atol + rtol * fabs((double)w));
    if (excess > 0) bad++;
    if (d > worst && worst != INFINITY) worst = d, wi = n ? i : 0;
  }
  if (bad) {
    fprintf(stderr, "%s:%d: %s: %zu of %zu elements differ; largest difference %g at [%zu]: got %.9g want %.9g\n",
            file, line, what, bad, n, worst, wi, (double)got[wi], (double)want[wi]);
    wt_test_failures++;
    return 0;
  }
  return 1;
}
#define expect_close(what, got, want, n, rtol, atol) expect_close_(__FILE__, __LINE__, what, got, want, n, rtol, atol)

static inline int test_exit(const char *name) {
  if (wt_test_failures) {
    fprintf(stderr, "%s: %d failure(s)\n", name, wt_test_failures);
    return 1;
  }
  printf("%s: ok\n", name);
  return 0;
}

#endif
