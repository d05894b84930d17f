// Pre-packed GEMM weights cached on a layer. Packing W [out, in] into the microkernel's panel
// layout reads W with a stride of `in` floats and costs as much as several forward rows, so a
// layer packs once and reuses the result until W or its bias changes. A change is either a
// different tensor (a parameter replaced) or an in-place write, which bumps the version of the
// tensor's storage (js/tensor.js Tensor._bumpVersion, called by every in-place writer: _setValues
// and copy_ under fill_, init and load_state_dict, and the C ops that write into a tensor).
//
// The packed buffer is an ordinary float32 tensor owned by the cache, so memory_allocated()
// counts it and it is freed with the layer (dispose on repack to another size; the GC backstop
// of tensor storage otherwise).

import { C, withInt32, heapBuffer } from '../runtime.js';
import { tidy, keep, _empty } from '../tensor.js';

/** Everything the packed bytes depend on: storage identity and version, and the view over it. */
function keyOf(t) {
  return t === null ? [null] : [t._storage, t._storage.version, t._offset, ...t._shape, ...t._strides];
}

function sameKey(a, b) {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

class PackedGemmWeight {
  constructor() {
    this.key = null;
    this.buf = null;
  }

  /** Heap pointer of pack(weight^T, bias) for weight [N, K] (N, K >= 1), repacked if stale. */
  ptr(weight, bias) {
    const key = [...keyOf(weight), ...keyOf(bias)];
    if (this.key === null || !sameKey(this.key, key)) {
      this.key = null; // stays stale if packing throws
      const [N, K] = weight._shape;
      const floats = withInt32([[0]], (p) => {
        C.wt_gemm_packed_size_f32(N, K, p);
        return new Int32Array(heapBuffer(), p, 1)[0];
      });
      tidy(() => {
        if (this.buf === null || this.buf.numel() !== floats) {
          if (this.buf !== null) this.buf.dispose();
          this.buf = null; // never left pointing at a disposed tensor if the allocation throws
          this.buf = keep(_empty([floats]));
        }
        const w = weight.contiguous();
        const b = bias === null ? null : bias.contiguous();
        C.wt_gemm_pack_b_f32(this.buf._ptr(), floats, w._ptr(), b === null ? 0 : b._ptr(), N, K, 1);
      });
      this.key = key;
    }
    return this.buf._ptr();
  }
}

/** The packed-weight cache of a layer (created on first use, not part of its state_dict). */
export function packedWeights(module) {
  if (module._packedWeights === undefined) {
    Object.defineProperty(module, '_packedWeights', { value: new PackedGemmWeight() });
  }
  return module._packedWeights;
}
