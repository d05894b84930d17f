/* Fuzzes src/ops/loss.c:
 *   pointwise: out, input, target [n], pos_weight [n] (BCE with logits only) or NULL
 *   nll:       input [outer, classes, inner], target [outer, inner] int64 (in range,
 *              ignore_index or wild), weight [classes] or NULL, out / out_weight /
 *              out_smooth [outer, inner] */
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fz_in in = {data, size};
  fz_bufs b = {0};
  if (fz_pick(&in, 2) == 0) {
    const int32_t op = fz_int(&in, 0, 7), n = fz_int(&in, 0, 40);
    const float param = fz_pick(&in, 2) ? 1.0f : fz_float(&in);
    const int with_pw = fz_pick(&in, 3) == 0;
    if (with_pw && op != WT_LOSS_BCE_LOGITS) b.bad = 1;
    float *out = fz_floats(&b, &in, n);
    const float *input = fz_floats(&b, &in, n), *target = fz_floats(&b, &in, n);
    const float *pw = with_pw ? fz_floats(&b, &in, n) : NULL;
    FZ_RUN(b, wt_loss_pointwise_f32(op, out, input, target, pw, n, param));
  } else {
    const int32_t outer = fz_int(&in, 1, 4), classes = fz_int(&in, 1, 7), inner = fz_int(&in, 1, 4);
    const int32_t ignore = fz_pick(&in, 2) ? -100 : fz_int(&in, -1, 7);
    const int with_weight = fz_pick(&in, 2), with_smooth = fz_pick(&in, 2);
    float *out = fz_floats(&b, &in, FZ_NUMEL(outer, inner));
    float *out_w = fz_floats(&b, &in, FZ_NUMEL(outer, inner));
    float *out_s = with_smooth ? fz_floats(&b, &in, FZ_NUMEL(outer, inner)) : NULL;
    const float *input = fz_floats(&b, &in, FZ_NUMEL(outer, classes, inner));
    int64_t *target = fz_indices(&b, &in, FZ_NUMEL(outer, inner), classes);
    if (!b.skip && !b.bad && FZ_NUMEL(outer, inner) > 0 && fz_pick(&in, 2)) target[0] = ignore;
    const float *weight = with_weight ? fz_floats(&b, &in, classes) : NULL;
    FZ_RUN(b, wt_nll_loss_f32(out, out_w, out_s, input, target, weight, outer, classes, inner, ignore));
  }
  return 0;
}
