/* Unfold (torch.nn.functional.unfold, im2col) and fold (torch.nn.functional.fold, col2im)
 * on the convolution geometry of src/ops/conv.c; the channels of one image are
 * p->in_channels (== p->out_channels, groups == 1).
 * unfold: x [batch, C, *in_size] (the image)  -> out [batch, C*K, L]
 * fold:   x [batch, C*K, L]                   -> out [batch, C, *out_size] (the image)
 * with K = prod(kernel) and L the number of windows (prod(out_size) for unfold,
 * prod(in_size) for fold). Fold sums overlapping values. */
#include <string.h>

#include "internal.h"

/* Both ops take one image's channels in in_channels: out_channels must repeat them. */
static wt_status wt_fold_check(const char *fn, const wt_conv_params *p) {
  WT_CHECK_PTR(p, fn, "p");
  if (p->out_channels != p->in_channels || p->groups != 1)
    return wt_error(WT_EINVAL, "%s: expects out_channels == in_channels and groups == 1, got %d, %d and %d", fn,
                    p->in_channels, p->out_channels, p->groups);
  return WT_OK;
}

wt_status wt_unfold_forward_f32(const wt_conv_params *p, float *out, const float *x) {
  static const char *fn = "wt_unfold_forward_f32";
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(x, fn, "x");
  wt_status st = wt_fold_check(fn, p);
  wt_geom3 g;
  if (st == WT_OK) st = wt_conv_geom(fn, p, 0, 0, &g);
  if (st != WT_OK) return st;
  const int64_t C = p->in_channels, img_sp = g.img[0] * g.img[1] * g.img[2];
  const int64_t L = g.grid[0] * g.grid[1] * g.grid[2], rows = C * g.k[0] * g.k[1] * g.k[2];
  for (int64_t b = 0; b < p->batch; b++) wt_im2col(&g, x + b * C * img_sp, C, 0, L, out + b * rows * L);
  return WT_OK;
}

wt_status wt_fold_forward_f32(const wt_conv_params *p, float *out, const float *x) {
  static const char *fn = "wt_fold_forward_f32";
  WT_CHECK_PTR(out, fn, "out");
  WT_CHECK_PTR(x, fn, "x");
  wt_status st = wt_fold_check(fn, p);
  wt_geom3 g;
  if (st == WT_OK) st = wt_conv_geom(fn, p, 1, 0, &g);
  if (st != WT_OK) return st;
  const int64_t C = p->in_channels, img_sp = g.img[0] * g.img[1] * g.img[2];
  const int64_t L = g.grid[0] * g.grid[1] * g.grid[2], rows = C * g.k[0] * g.k[1] * g.k[2];
  memset(out, 0, (size_t)(p->batch * C * img_sp) * sizeof(float));
  for (int64_t b = 0; b < p->batch; b++) wt_col2im(&g, x + b * rows * L, L, C, 0, L, out + b * C * img_sp);
  return WT_OK;
}
