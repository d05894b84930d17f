/* f32-reduce scalar kernels over one contiguous row. */
#include "kernels/kernels.h"
#include "webtorch.h"

/* Blocks of up to 1024 elements are summed with 8 running partials; longer rows are
 * split in halves recursively (pairwise), so rounding error grows like log(n) rather
 * than n — close to PyTorch's cascade sum for long rows. */
float wt_f32_rsum_ukernel__scalar(size_t n, const float *x) {
  if (n > 1024) {
    size_t h = (n / 2) & ~(size_t)15;
    return wt_f32_rsum_ukernel__scalar(h, x) + wt_f32_rsum_ukernel__scalar(n - h, x + h);
  }
  float p[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  size_t i = 0;
  for (; i + 8 <= n; i += 8)
    for (int j = 0; j < 8; j++) p[j] += x[i + j];
  float s = ((p[0] + p[4]) + (p[1] + p[5])) + ((p[2] + p[6]) + (p[3] + p[7]));
  for (; i < n; i++) s += x[i];
  return s;
}

float wt_f32_rmax_ukernel__scalar(size_t n, const float *x) {
  float m = x[0];
  for (size_t i = 1; i < n; i++) m = wt_f32_binary_scalar(WT_MAXIMUM, m, x[i]);
  return m;
}

float wt_f32_rmin_ukernel__scalar(size_t n, const float *x) {
  float m = x[0];
  for (size_t i = 1; i < n; i++) m = wt_f32_binary_scalar(WT_MINIMUM, m, x[i]);
  return m;
}
