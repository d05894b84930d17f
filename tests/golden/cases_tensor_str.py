"""Golden cases for js/tensor_str.js: PyTorch 1.13's str(tensor) and Python's repr(float).

generate(out_dir) writes out_dir/tensor_str.json:

    {
      "tensors": [{name, shape, dtype, values | fill, requires_grad, parameter, expected}],
      "floats":  [{name, value, dtype, expected}]
    }

Tensor values are the flat row-major contents: floats as Python floats (the exact
double of each float32), with the strings "nan", "inf", "-inf" for non-finite ones;
int64 values beyond 2**53 as decimal strings (JSON numbers would lose them in JS);
bools as true/false. Big tensors are described by a fill instead of listed:
    {"kind": "arange", "mul": m, "add": a}  ->  value[i] = i * m + a
computed in the tensor's dtype (float32: round(round(i * m) + a), m and a exact floats).

"floats": `value` is a double; for dtype "float32" it is first rounded to float32 (as
torch.tensor(value) does) and `expected` is repr() of that float32 widened to double.

Run alone: /usr/bin/python3 tests/golden/cases_tensor_str.py  (writes ./data/).
"""

import json
import math
import os

import torch

DTYPES = {
    torch.float32: "float32",
    torch.int64: "int64",
    torch.int32: "int32",
    torch.bool: "bool",
}


def _encode(v, dtype):
    if dtype == torch.float32:
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return float(v)
    if dtype == torch.int64:
        return str(v) if abs(v) > 2**53 else int(v)
    if dtype == torch.bool:
        return bool(v)
    return int(v)


def _tensor_case(name, t, fill=None, parameter=False):
    shown = torch.nn.Parameter(t, requires_grad=t.requires_grad) if parameter else t
    case = {
        "name": name,
        "shape": list(t.shape),
        "dtype": DTYPES[t.dtype],
        "requires_grad": bool(t.requires_grad),
        "parameter": parameter,
    }
    if fill is not None:
        case["fill"] = fill
    else:
        case["values"] = [_encode(v, t.dtype) for v in t.detach().reshape(-1).tolist()]
    case["expected"] = str(shown)
    return case


def _arange(shape, dtype, mul=1, add=0):
    n = 1
    for s in shape:
        n *= s
    t = torch.arange(n, dtype=dtype) * mul + add
    fill = {"kind": "arange", "mul": mul, "add": add}
    return t.reshape(shape), fill


def _tensor_cases():
    f32, i64, i32, b = torch.float32, torch.int64, torch.int32, torch.bool
    nan, inf = float("nan"), float("inf")
    cases = []

    def add(name, t, **kw):
        cases.append(_tensor_case(name, t, **kw))

    def add_fill(name, shape, dtype, mul=1, add_=0, requires_grad=False):
        t, fill = _arange(shape, dtype, mul, add_)
        t.requires_grad_(requires_grad)
        cases.append(_tensor_case(name, t, fill=fill))

    T = torch.tensor

    # scalars of every dtype
    add("scalar_float_zero", T(0.0))
    add("scalar_float_neg_zero", T(-0.0))
    add("scalar_float_int", T(3.0))
    add("scalar_float_frac", T(1.5))
    add("scalar_float_0_1", T(0.1))
    add("scalar_float_small", T(1e-5))
    add("scalar_float_big", T(1e10))
    add("scalar_float_nan", T(nan))
    add("scalar_float_inf", T(-inf))
    add("scalar_int64", T(5))
    add("scalar_int64_neg", T(-7))
    add("scalar_int64_big", T(2**62 + 1))
    add("scalar_int32", T(7, dtype=i32))
    add("scalar_bool_true", T(True))
    add("scalar_bool_false", T(False))
    add("scalar_requires_grad", T(2.5, requires_grad=True))

    # 1-D float: fixed, int mode, float32 rounding
    add("vec_int_mode", T([1.0, 2.0, 3.0]))
    add("vec_int_mode_neg", T([-1.0, 20.0, -300.0]))
    add("vec_fixed", T([1.5, -2.25, 3.125]))
    add("vec_0_1", T([0.1, 0.2, 0.3]))
    add("vec_third", T([1 / 3, 2 / 3, -1 / 3]))
    add("vec_mixed_neg", T([-0.5, 0.25, -123.456, 7.0]))
    add("vec_all_zero", T([0.0, 0.0, 0.0]))
    add("vec_zero_and_neg_zero", T([0.0, -0.0]))
    add("vec_neg_zero_frac", T([-0.0, 1.5]))
    add("vec_neg_zero_sci", T([-0.0, 1e-5, 1.0]))
    add("vec_zero_and_frac", T([0.0, 0.5]))

    # scientific mode rules
    add("sci_ratio_int", T([1.0, 2000.0]))
    add("sci_ratio_exact_1000_int", T([1.0, 1000.0]))
    add("sci_ratio_frac", T([0.5, 600.0]))
    add("sci_ratio_exact_1000_frac", T([0.5, 500.0]))
    add("sci_max_1e8_int", T([1e8, 3.0]))
    add("sci_over_1e8_int", T([1e8 + 8, 1e8]))
    add("sci_over_1e8_frac", T([123456789.0, 123456780.5]))
    add("sci_min_1e-4", T([1e-4, 5e-4]))  # float32(1e-4) < 1e-4
    add("sci_min_2e-4", T([2e-4, 5e-4]))
    add("sci_small", T([1e-5, 1.0, -3e-7]))
    add("sci_mixed_magnitudes", T([1e-3, 1e3, -2.5, 42.0]))
    add("sci_huge_range", T([3e38, 1.17549435e-38, -1e-45]))
    add("sci_negative", T([-1e10, 2.5e9, -7.0]))

    # Python's round-half-even on exact ties
    add("tie_fixed", T([0.03125, 0.015625, 0.046875, 1.5]))
    add("tie_sci", T([1.03125, 1e-5, 2.0]))
    add("tie_int_mode_width", T([2.5, 3.5, 0.5]))

    # nan / inf
    add("nonfinite_mix", T([nan, 1.0, inf, -inf]))
    add("nonfinite_frac", T([nan, 1.5, -inf]))
    add("nonfinite_only", T([nan, inf, -inf]))
    add("nonfinite_zero", T([0.0, nan]))
    add("nonfinite_sci", T([nan, 1e-5, 1e10, -inf]))
    add("nonfinite_2d", T([[nan, 1.0], [inf, 1234.5]]))

    # int64 / int32 / bool
    add("int64_vec", T([1, -2, 300]))
    add("int64_big", T([2**62, -(2**63), 1, 2**53 + 1]))
    add("int32_vec", T([1, -2, 300], dtype=i32))
    add("int32_2d", T([[1, 2], [-30, 4]], dtype=i32))
    add("bool_vec", T([True, False, True]))
    add("bool_2d", T([[True, False], [False, False]]))

    # n-D
    torch.manual_seed(0)
    add("randn_2d", torch.randn(2, 3))
    add("randn_3d", torch.randn(2, 3, 4))
    add("randn_4d", torch.randn(2, 2, 2, 3))
    add("randn_5d", torch.randn(2, 1, 2, 1, 2))
    add("int_mode_3d", torch.randint(-50, 50, (2, 2, 3)).float())
    add("int64_3d", torch.randint(-1000, 1000, (3, 2, 2)))
    add("bool_3d", torch.randint(0, 2, (2, 2, 2)).bool())
    add("shape_111", T([[[4.0]]]))
    add("shape_3x1", T([[1.0], [2.5], [3.0]]))
    add("shape_1x5", T([[1.0, 2.0, 3.0, 4.0, 5.0]]))
    add("sci_3d", torch.randn(2, 2, 2) * 1e5)

    # wrapping at 80 columns
    add("wrap_randn_30", torch.randn(30))
    add("wrap_arange_float_50", torch.arange(50, dtype=f32))
    add("wrap_arange_int64_100", torch.arange(100))
    add("wrap_sci_40", torch.randn(40) * 1000)
    add("wrap_bool_60", torch.randint(0, 2, (60,)).bool())
    add("wrap_int32_40", torch.arange(40, dtype=i32) - 20)
    add("wrap_2d", torch.randn(3, 25))
    add("wrap_3d", torch.randn(2, 2, 15))
    add("wrap_requires_grad", torch.randn(30, requires_grad=True))
    add("wrap_nonfinite", T([nan, inf, -inf, 1.25] * 8))
    add("wrap_int32_requires_suffix_line", T(list(range(70, 84)), dtype=i32))
    # a last line that just fits / just overflows with the suffix
    for n in range(5, 12):
        add(f"suffix_fit_rg_{n}", torch.full((n,), 1.5, requires_grad=True))
    for n in range(8, 16):
        add(f"suffix_fit_int32_{n}", torch.full((n,), 10000, dtype=i32))
    add("suffix_both", torch.full((11,), 1000000, dtype=i32))

    # summarization (numel > 1000)
    add("exactly_1000_int32", torch.arange(1000, dtype=i32).reshape(10, 100))
    add_fill("summ_1d_float_arange", [2000], f32)  # shown 0,1,2,1997.. -> sci
    add_fill("summ_1d_float_scaled", [1001], f32, 0.25, -10.0)
    add_fill("summ_1d_int64", [1001], i64)
    add_fill("summ_1d_int64_big", [5000], i64, 1000003, -(10**9))
    add_fill("summ_1d_int32", [1500], i32, -3, 7)
    add_fill("summ_2d", [40, 30], f32, 0.5)
    add_fill("summ_2d_wide", [2, 600], f32, 0.125, -50.0)
    add_fill("summ_2d_tall", [600, 2], f32, -1.0, 0.0)
    add_fill("summ_2d_short_rows", [200, 6], f32)
    add_fill("summ_2d_no_row_summary", [5, 300], f32, 0.75)
    add_fill("summ_3d", [10, 10, 20], f32, 2.0**-10)
    add_fill("summ_3d_int64", [7, 8, 20], i64, -1)
    add_fill("summ_4d", [8, 2, 8, 10], f32, 2.0, 1.0)
    add_fill("summ_requires_grad", [50, 50], f32, 0.5, 0.25, requires_grad=True)
    add("summ_randn_2d", torch.randn(40, 30))
    add("summ_randn_3d_sci", torch.randn(4, 20, 15) * 1e-6)
    add("summ_bool", torch.randint(0, 2, (3, 400)).bool())
    # only the shown elements decide the format: the hidden middle is huge / fractional
    mid = torch.zeros(1001)
    mid[500] = 1e10
    mid[501] = 0.5
    mid[:3] = T([1.0, 2.0, 3.0])
    add("summ_hidden_middle", mid)
    mid2 = torch.full((4, 300), 2.0)
    mid2[:, 150] = nan
    mid2[2, :] = 1e-7
    add("summ_hidden_middle_2d", mid2)

    # empty tensors
    add("empty_1d", torch.zeros(0))
    add("empty_0x3", torch.zeros(0, 3))
    add("empty_2x0x4", torch.zeros(2, 0, 4))
    add("empty_int64", torch.zeros(0, dtype=i64))
    add("empty_int64_2d", torch.zeros(3, 0, dtype=i64))
    add("empty_int32", torch.zeros(0, 2, dtype=i32))
    add("empty_bool", torch.zeros(0, dtype=b))
    add("empty_requires_grad", torch.zeros(0, 3, requires_grad=True))

    # requires_grad / Parameter
    add("requires_grad_vec", T([1.0, 2.0], requires_grad=True))
    add("requires_grad_2d", torch.randn(3, 4, requires_grad=True))
    add("param_2d", torch.randn(2, 3, requires_grad=True), parameter=True)
    add("param_1d_int_mode", T([0.0, 0.0, 0.0], requires_grad=True), parameter=True)
    add("param_scalar", T(0.5, requires_grad=True), parameter=True)
    add("param_long", torch.randn(20, requires_grad=True), parameter=True)
    add("param_3d", torch.randn(2, 2, 3, requires_grad=True), parameter=True)
    add("param_frozen", torch.randn(2, 2), parameter=True)
    add("param_int64_frozen", T([1, 2, 3]), parameter=True)
    add("param_empty", torch.zeros(0, 4, requires_grad=True), parameter=True)
    return cases


def _float_cases():
    nan, inf = float("nan"), float("inf")
    doubles = [
        1e-05, 0.1, 2.0, 1e20, 1e22, inf, -inf, nan, -0.0, 0.0, 1.0, -2.5, 0.5, 100.0,
        1e15, 1e16, 9999999999999998.0, 123456789012345678.0, 0.0001, 0.00012345, 1.5e-7,
        5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, 0.001, 3.14159,
        12345.678, 1 / 3, 2.0**53, 2.0**53 + 2, 0.3, 0.1 + 0.2, 1e-4, 9.999e-5, 1e100,
        -1e-100, 1.25e-12, 6.02214076e23, 0.02, 0.9, 0.999, 1e-3, 1e-6, 1e-8, 1e-10,
    ]
    float32s = [
        0.3, 0.1, 1e-5, 1e-6, 1e-8, 1e-3, 0.9, 0.99, 0.999, 0.01, 0.02, 0.2, 0.7, 1.1,
        3.14159265, 1e20, 3e38, 1e-45, 1.17549435e-38, 0.0, -0.0, 2.0, 0.5, 1e-4, 123.456,
        -0.75, 16777217.0, inf, nan,
    ]

    def enc(v):
        if math.isnan(v):
            return "nan"
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        return v

    cases = []
    for v in doubles:
        cases.append({"name": f"f64_{v!r}", "value": enc(v), "dtype": "float64",
                      "expected": repr(float(v))})
    for v in float32s:
        widened = torch.tensor(v, dtype=torch.float32).item()
        cases.append({"name": f"f32_{v!r}", "value": enc(v), "dtype": "float32",
                      "expected": repr(widened)})
    return cases


def generate(out_dir):
    os.makedirs(out_dir, exist_ok=True)
    data = {"tensors": _tensor_cases(), "floats": _float_cases()}
    path = os.path.join(out_dir, "tensor_str.json")
    with open(path, "w") as f:
        json.dump(data, f, indent=1, allow_nan=False)
        f.write("\n")
    return path


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    path = generate(os.path.join(here, "data"))
    print(f"wrote {path} ({os.path.getsize(path)} bytes)")
