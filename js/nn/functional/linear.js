// F.linear, F.bilinear.

import { C } from '../../runtime.js';
import { tidy, _empty, _prod, _fmtShape } from '../../tensor.js';
import { nameOf } from '../../args.js';
import { checkTensor, shapeErr } from './utils.js';

// `packed` (optional): the calling layer's packed-weight cache (js/nn/packed.js).
export function _linear(who, input, weight, bias, packed = null) {
  checkTensor(who, 'input', input);
  checkTensor(who, 'weight', weight);
  checkTensor(who, 'bias', bias, { optional: true });
  if (weight._shape.length === 1) {
    // PyTorch allows a 1-D weight: input @ weight (+ bias), without the out_features dim.
    return tidy(() => _linear(who, input, weight.unsqueeze(0), bias === null ? null : bias.reshape([1])).squeeze(-1));
  }
  if (weight._shape.length !== 2) throw shapeErr(who, 'a 1-D or 2-D weight [out_features, in_features]', weight);
  const [outF, inF] = weight._shape;
  if (input._shape.length === 0) throw shapeErr(who, `input with at least 1 dimension and last dimension ${inF}`, input);
  if (input._shape[input._shape.length - 1] !== inF) {
    throw shapeErr(who, `input with last dimension ${inF} (in_features)`, input);
  }
  if (bias !== null && (bias._shape.length !== 1 || bias._shape[0] !== outF)) {
    throw shapeErr(who, `bias of shape [${outF}]`, bias);
  }
  const lead = input._shape.slice(0, -1);
  const rows = _prod(lead);
  return tidy(() => {
    const out = _empty([...lead, outF]);
    if (rows === 0 || outF === 0) return out;
    if (inF === 0) return bias === null ? out.zero_() : out.copy_(bias.expand([...lead, outF]));
    const x = input._contiguous();
    if (packed !== null) {
      C.wt_gemm_packed_f32(rows, outF, inF, x._ptr(), inF, packed.ptr(weight, bias), out._ptr(), outF, 0);
      return out;
    }
    const w = weight._contiguous();
    const b = bias === null ? null : bias._contiguous();
    C.wt_linear_forward_f32(out._ptr(), x._ptr(), w._ptr(), b ? b._ptr() : 0, rows, inF, outF);
    return out;
  });
}

export function linear(input, weight, bias = null) {
  return _linear('F.linear', input, weight, bias);
}

export function _bilinear(who, input1, input2, weight, bias) {
  checkTensor(who, 'input1', input1);
  checkTensor(who, 'input2', input2);
  checkTensor(who, 'weight', weight);
  checkTensor(who, 'bias', bias, { optional: true });
  if (weight._shape.length !== 3) throw shapeErr(who, 'a 3-D weight [out_features, in1_features, in2_features]', weight);
  const [outF, in1, in2] = weight._shape;
  if (input1._shape.length === 0 || input1._shape[input1._shape.length - 1] !== in1) {
    throw shapeErr(who, `input1 with last dimension ${in1} (in1_features)`, input1);
  }
  if (input2._shape.length === 0 || input2._shape[input2._shape.length - 1] !== in2) {
    throw shapeErr(who, `input2 with last dimension ${in2} (in2_features)`, input2);
  }
  const lead = input1._shape.slice(0, -1);
  const lead2 = input2._shape.slice(0, -1);
  if (lead.length !== lead2.length || lead.some((s, i) => s !== lead2[i])) {
    throw new Error(`${nameOf(who)}: input1 and input2 batch dimensions do not match: got ${_fmtShape(input1._shape)} ` +
      `and ${_fmtShape(input2._shape)}`);
  }
  if (bias !== null && (bias._shape.length !== 1 || bias._shape[0] !== outF)) {
    throw shapeErr(who, `bias of shape [${outF}]`, bias);
  }
  const rows = _prod(lead);
  return tidy(() => {
    const out = _empty([...lead, outF]);
    if (rows === 0 || outF === 0) return out;
    if (in1 === 0 || in2 === 0) return bias === null ? out.zero_() : out.copy_(bias.expand([...lead, outF]));
    const x1 = input1._contiguous();
    const x2 = input2._contiguous();
    const w = weight._contiguous();
    const b = bias === null ? null : bias._contiguous();
    C.wt_bilinear_forward_f32(out._ptr(), x1._ptr(), x2._ptr(), w._ptr(), b ? b._ptr() : 0, rows, in1, in2, outF);
    return out;
  });
}

export function bilinear(input1, input2, weight, bias = null) {
  return _bilinear('F.bilinear', input1, input2, weight, bias);
}
