/* basics: version, simd flag, wt_alloc alignment / zero size / failure, last error. */
#include "test_util.h"

int main(void) {
  CHECK(strcmp(wt_version(), "0.1.0") == 0);
  CHECK(wt_simd_enabled() == 0 || wt_simd_enabled() == 1);
  void *a = wt_alloc(0), *b = wt_alloc(0), *c = wt_alloc(13);
  CHECK(a != NULL && b != NULL && a != b && c != NULL);
  CHECK(((uintptr_t)a % 16) == 0 && ((uintptr_t)c % 16) == 0);
  wt_free(a), wt_free(b), wt_free(c), wt_free(NULL);
  CHECK(wt_alloc(SIZE_MAX) == NULL);
  CHECK(wt_alloc(SIZE_MAX - 8) == NULL);
  CHECK_ERR(wt_unary_f32(99, NULL, NULL, 1, 0, 0), WT_EINVAL);
  CHECK(strstr(wt_last_error(), "wt_unary_f32") != NULL);
  return test_exit("test_status");
}
