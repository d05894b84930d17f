/* copy_strided (transposes, broadcasts, every elem_size) and cast (every dtype pair,
 * truncation, NaN/out-of-range, bool) against naive references; errors. */
#include "test_util.h"

int main(void) {
  for (int it = 0; it < 300; it++) {
    int nd = rng_int(0, 5), es = (int[]){1, 4, 8}[rng_int(0, 2)];
    int32_t shape[8], st[8];
    int64_t span = 1, total = 1;
    for (int k = 0; k < nd; k++) {
      shape[k] = rng_int(1, 6);
      st[k] = rng_int(0, 4) == 0 ? 0 : rng_int(1, 40);
      span += (int64_t)(shape[k] - 1) * st[k];
      total *= shape[k];
    }
    unsigned char *x = malloc((size_t)span * es), *y = malloc((size_t)total * es), *r = malloc((size_t)total * es);
    for (int64_t i = 0; i < span * es; i++) x[i] = (unsigned char)rng_u32();
    CHECK_OK(wt_copy_strided(y, x, es, nd, shape, st));
    for (int64_t i = 0; i < total; i++) {
      int64_t rem = i, off = 0;
      for (int k = nd - 1; k >= 0; k--) off += (rem % shape[k]) * st[k], rem /= shape[k];
      memcpy(r + i * es, x + off * es, es);
    }
    CHECK(memcmp(y, r, (size_t)total * es) == 0);
    free(x), free(y), free(r);
  }
  /* cast */
  float f[10] = {1.9f, -1.9f, 0.0f, -0.0f, NAN, 3e9f, -3e9f, 1e20f, 0.5f, -2147483648.0f};
  int64_t q[10];
  int32_t i32[10];
  unsigned char bl[10];
  CHECK_OK(wt_cast(q, WT_I64, f, WT_F32, 10));
  CHECK(q[0] == 1 && q[1] == -1 && q[2] == 0 && q[4] == INT64_MIN && q[5] == 3000000000LL && q[6] == -3000000000LL &&
        q[7] == INT64_MIN && q[8] == 0);
  CHECK_OK(wt_cast(i32, WT_I32, f, WT_F32, 10));
  CHECK(i32[0] == 1 && i32[1] == -1 && i32[4] == INT32_MIN && i32[5] == INT32_MIN && i32[9] == INT32_MIN);
  CHECK_OK(wt_cast(bl, WT_BOOL, f, WT_F32, 10));
  CHECK(bl[0] == 1 && bl[2] == 0 && bl[3] == 0 && bl[4] == 1 && bl[8] == 1);
  int64_t big[3] = {1, -5, 0x100000002LL};
  CHECK_OK(wt_cast(i32, WT_I32, big, WT_I64, 3));
  CHECK(i32[0] == 1 && i32[1] == -5 && i32[2] == 2);
  CHECK_OK(wt_cast(f, WT_F32, big, WT_I64, 3));
  CHECK(f[0] == 1.0f && f[1] == -5.0f && f[2] == 4294967298.0f);
  unsigned char b3[3] = {0, 1, 7};
  CHECK_OK(wt_cast(q, WT_I64, b3, WT_BOOL, 3));
  CHECK(q[0] == 0 && q[1] == 1 && q[2] == 1);
  CHECK_OK(wt_cast(f, WT_F32, i32, WT_I32, 3));
  CHECK(f[0] == 1.0f && f[1] == -5.0f && f[2] == 2.0f);
  CHECK_OK(wt_cast(q, WT_I64, q, WT_I64, 3)); /* same dtype: copy */
  CHECK_OK(wt_cast(NULL, WT_F32, NULL, WT_I32, 0));

  CHECK_ERR(wt_copy_strided(NULL, f, 4, 1, (int32_t[]){2}, (int32_t[]){1}), WT_EINVAL);
  CHECK_ERR(wt_copy_strided(q, NULL, 4, 1, (int32_t[]){2}, (int32_t[]){1}), WT_EINVAL);
  CHECK_ERR(wt_copy_strided(q, f, 2, 1, (int32_t[]){2}, (int32_t[]){1}), WT_EINVAL);
  CHECK_ERR(wt_copy_strided(q, f, 4, 9, (int32_t[]){2}, (int32_t[]){1}), WT_EINVAL);
  CHECK_ERR(wt_copy_strided(q, f, 4, 1, (int32_t[]){0}, (int32_t[]){1}), WT_EINVAL);
  CHECK_ERR(wt_copy_strided(q, f, 4, 1, (int32_t[]){2}, (int32_t[]){-1}), WT_EINVAL);
  CHECK_ERR(wt_copy_strided(q, f, 4, 1, NULL, (int32_t[]){1}), WT_EINVAL);
  CHECK_ERR(wt_cast(q, 4, f, WT_F32, 1), WT_EINVAL);
  CHECK_ERR(wt_cast(q, WT_I64, f, -1, 1), WT_EINVAL);
  CHECK_ERR(wt_cast(q, WT_I64, f, WT_F32, -1), WT_EINVAL);
  CHECK_ERR(wt_cast(NULL, WT_I64, f, WT_F32, 1), WT_EINVAL);
  return test_exit("test_copy");
}
