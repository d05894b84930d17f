/* Status messages, allocation, version. */
#define _POSIX_C_SOURCE 200112L
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* One message per thread: an op reports errors on the thread that called it (tasks of
 * wt_parallel_for never call wt_error), so a caller reads back its own message. */
#if WT_THREADS
static _Thread_local char wt_message[512];
#else
static char wt_message[512];
#endif

wt_status wt_error(wt_status status, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(wt_message, sizeof wt_message, fmt, ap);
  va_end(ap);
  return status;
}

const char *wt_last_error(void) { return wt_message; }

int wt_mul_i64(int64_t a, int64_t b, int64_t *out) {
  if (a < 0 || b < 0) return 0;
  if (__builtin_mul_overflow(a, b, out)) return 0;
  return 1;
}

void *wt_alloc(size_t nbytes) {
  /* nbytes 0 still yields a unique pointer so JS can treat empty tensors uniformly.
   * Round up to 16 so the allocation is a whole number of SIMD vectors; kernels never
   * rely on it (they handle tails exactly), it only keeps allocators happy. */
  if (nbytes > SIZE_MAX - 16) return NULL;
  size_t n = (nbytes + 15) & ~(size_t)15;
  if (n == 0) n = 16;
  void *p = NULL;
  if (posix_memalign(&p, 16, n) != 0) return NULL;
  return p;
}

void wt_free(void *p) { free(p); }

void *wt_scratch_alloc(int64_t nbytes) {
  if (nbytes < 0 || (uint64_t)nbytes > (uint64_t)(SIZE_MAX - 16)) return NULL;
  return wt_alloc((size_t)nbytes);
}

void wt_scratch_free(void *p) { free(p); }

const char *wt_version(void) { return "0.1.0"; }

int32_t wt_simd_enabled(void) { return WT_USE_SIMD ? 1 : 0; }
