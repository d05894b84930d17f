/* Linear layers.
 *   wt_linear_forward_f32:   out[rows,out_f] = x[rows,in_f] @ weight[out_f,in_f]^T + bias[out_f]
 *   wt_bilinear_forward_f32: out[r,o] = sum_ij x1[r,i] W[o,i,j] x2[r,j] + bias[o]
 *                            x1 [rows,in1], x2 [rows,in2], W [out_f,in1,in2]
 * Bilinear, per output feature o: T[r,i] = x2[r,:] @ W[o]^T (a GEMM, W[o] is [in1,in2]),
 * then out[r,o] = bias[o] + x1[r,:] . T[r,:]. Rows go in chunks so T stays bounded. */
#include "internal.h"
#include "kernels/kernels.h"

wt_status wt_linear_forward_f32(float *out, const float *x, const float *weight,
                                const float *bias, int32_t rows, int32_t in_features,
                                int32_t out_features) {
  static const char *fn = "wt_linear_forward_f32";
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(x, fn, "x");
  WT_CHECK_PTR(weight, fn, "weight");
  WT_CHECK_POS(rows, fn, "rows");
  WT_CHECK_POS(in_features, fn, "in_features");
  WT_CHECK_POS(out_features, fn, "out_features");
  return wt_gemm_run(fn, rows, out_features, in_features, x, in_features, weight, in_features, 1, out,
                     out_features, bias, 0);
}

wt_status wt_bilinear_forward_f32(float *out, const float *x1, const float *x2,
                                  const float *weight, const float *bias, int32_t rows,
                                  int32_t in1, int32_t in2, int32_t out_features) {
  static const char *fn = "wt_bilinear_forward_f32";
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(x1, fn, "x1");
  WT_CHECK_PTR(x2, fn, "x2");
  WT_CHECK_PTR(weight, fn, "weight");
  WT_CHECK_POS(rows, fn, "rows");
  WT_CHECK_POS(in1, fn, "in1");
  WT_CHECK_POS(in2, fn, "in2");
  WT_CHECK_POS(out_features, fn, "out_features");
  int64_t t;
  if (!wt_mul_i64((int64_t)out_features * in1, in2, &t) || t > (int64_t)(SIZE_MAX / sizeof(float)) ||
      !wt_mul_i64((int64_t)rows, in1 > in2 ? in1 : in2, &t) || t > (int64_t)(SIZE_MAX / sizeof(float)))
    return wt_error(WT_EINVAL, "%s: sizes overflow", fn);

  int64_t chunk = WT_SCRATCH_CHUNK_FLOATS / in1;
  if (chunk < 1) chunk = 1;
  if (chunk > rows) chunk = rows;
  float *T = wt_scratch_alloc(chunk * in1 * (int64_t)sizeof(float));
  if (T == NULL) return wt_error(WT_ENOMEM, "%s: cannot allocate scratch", fn);
  wt_status st = WT_OK;
  const size_t I1 = (size_t)in1, I2 = (size_t)in2, O = (size_t)out_features;
  for (size_t r0 = 0; r0 < (size_t)rows && st == WT_OK; r0 += (size_t)chunk) {
    const size_t rc = (size_t)rows - r0 < (size_t)chunk ? (size_t)rows - r0 : (size_t)chunk;
    for (size_t o = 0; o < O; o++) {
      st = wt_gemm_run(fn, (int32_t)rc, in1, in2, x2 + r0 * I2, in2, weight + o * I1 * I2, in2, 1, T, in1, NULL, 0);
      if (st != WT_OK) break;
      for (size_t r = 0; r < rc; r++) {
        const float *a = x1 + (r0 + r) * I1, *b = T + r * I1;
        float s = 0.0f;
        for (size_t i = 0; i < I1; i++) s += a[i] * b[i];
        out[(r0 + r) * O + o] = s + (bias != NULL ? bias[o] : 0.0f);
      }
    }
  }
  wt_scratch_free(T);
  return st;
}
