// A TypeScript program that uses every public entry point of webtorch, type-checked (never run)
// by `tsc -p tests/ts` (tests/js/types.test.js). It imports the package by its name, so it sees
// exactly what a user sees through package.json's "exports" -> "types".

import torch, { nn, F, Tensor } from 'webtorch';
import type { Dtype, ReadyOptions, Backend, StateDict, SummaryOptions, IntOrTuple } from 'webtorch';
import * as named from 'webtorch';

async function main(): Promise<void> {
  // ---- start-up
  const opts: ReadyOptions = { simd: false };
  await torch.ready();
  await torch.ready(opts);
  await torch.ready({ wasmPath: new URL('https://example.org/webtorch-simd.wasm') });
  await torch.ready({ wasmBinary: new Uint8Array(8) });
  await torch.ready({ threads: false, simd: true });
  const b: Backend = torch.backend();
  torch.set_num_threads(2);
  const nThreads: number = torch.get_num_threads();
  const simd: boolean = b.simd;
  const threads: number = b.threads;
  const version: string = b.version;

  // ---- dtypes and random
  const dtypes: Dtype[] = [torch.float32, torch.int64, torch.int32, torch.bool, torch.long, torch.float];
  torch.manual_seed(0);
  const seed = torch.initial_seed();

  // ---- creation
  const a: Tensor = torch.tensor([[1, 2], [3, 4]]);
  const i64 = torch.tensor(new BigInt64Array([1n, 2n]));
  const f = torch.tensor(new Float32Array(6)).reshape(2, 3);
  const ints = torch.tensor([1, 2, 3], { dtype: 'int32' });
  const z = torch.zeros(2, 3);
  const z2 = torch.zeros([2, 3], { dtype: 'int64' });
  const o = torch.ones(4);
  const e = torch.empty([1, 2]);
  const r = torch.rand(2, 2);
  const rn = torch.randn([3, 4], { requires_grad: true });
  const ri = torch.randint(0, 10, [2, 5]);
  const ri2 = torch.randint(10, [5]);
  const ar = torch.arange(5);
  const ar2 = torch.arange(0, 1, 0.25, { dtype: 'float32' });
  const fu = torch.full([2, 2], 7);
  const zl = torch.zeros_like(a);
  const ol = torch.ones_like(a, { dtype: 'float32' });
  const c = torch.cat([a, a], 0);
  const s = torch.stack([a, a]);
  const mm = torch.matmul(a, a);
  const fl = torch.flatten(f, 1);

  // ---- Tensor members
  const shape: number[] = a.shape;
  const n: number = a.numel() + a.dim() + a.ndim + a.size(0) + a.size().length + a.stride(0);
  const dt: Dtype = a.dtype;
  const rg: boolean = a.requires_grad;
  const g: Tensor | null = a.grad;
  const views = [a.view(4), a.view([4]), a.reshape(-1), a.transpose(0, 1), a.permute(1, 0), a.contiguous(),
    a.flatten(), a.unsqueeze(0), a.unsqueeze(0).squeeze(0), a.unflatten(1, [2, 1]), a.expand(2, 2), a.clone(), a.detach(),
    a.float(), a.long(), a.int(), a.bool(), a.to('int32')];
  const arith = [a.add(1), a.add(a, { alpha: 2 }), a.sub(a), a.mul(2), a.div(a), a.pow(2), a.maximum(a), a.minimum(a),
    a.exp(), a.log(), a.neg(), a.abs(), a.sqrt(), a.relu(), a.sigmoid(), a.tanh(), a.matmul(a), a.sum(), a.sum(0, true),
    a.mean({ dim: [0, 1] }), a.max(), a.max(a), a.min(), a.argmax(), a.argmax(1)];
  const [values, indices] = a.max(1);
  const [minv] = a.min(0, true);
  const data = a.toTypedArray();
  const list = a.tolist();
  const item: number | boolean = a.sum().item();
  const text: string = a.toString();
  a.clone().fill_(1).zero_().uniform_(0, 1).normal_().copy_(a).requires_grad_(false);
  const contiguous: boolean = a.is_contiguous();
  const gone: boolean = a.isDisposed;
  const isTensor: boolean = a instanceof torch.Tensor && a instanceof named.Tensor && a instanceof Tensor;

  // ---- memory
  const kept = torch.tidy(() => torch.keep(torch.zeros(1)));
  const bytes: number = torch.memory_allocated();

  // ---- torch.<activation>
  const acts = [torch.relu(a), torch.relu_(a.clone()), torch.sigmoid(a), torch.tanh(a), torch.softmax(a, 1),
    torch.log_softmax(a, { dim: 1 }), torch.selu(a), torch.selu_(a.clone()), torch.celu(a, 1.0), torch.celu_(a.clone()),
    torch.threshold(a, 0.5, 0), torch.threshold_(a.clone(), 0.5, 0), torch.prelu(a, torch.ones(1)),
    torch.hardshrink(a), torch.dropout(a, 0.5, false), torch.alpha_dropout(a, 0.5, false),
    torch.feature_dropout(a, { p: 0.5, train: false }), torch.feature_alpha_dropout(a, 0.5, true)];

  // ---- nn.Module, generic over forward
  class Net extends nn.Module<[Tensor], Tensor> {
    fc1 = new nn.Linear(4, 8);
    fc2 = new nn.Linear(8, 2, { bias: false });
    forward(x: Tensor): Tensor {
      return this.fc2.forward(F.relu(this.fc1.forward(x)));
    }
  }
  const net = new Net();
  const y: Tensor = net.forward(torch.randn(3, 4));
  const bare = new nn.Module();
  bare.register_parameter('w', new nn.Parameter(torch.zeros(2)));
  bare.register_buffer('running', torch.zeros(2), { persistent: false });
  bare.add_module('fc', new nn.Linear(2, 2));
  bare.register_module('act', new nn.ReLU());
  const sub: nn.Module = bare.get_submodule('fc');
  for (const [name, m] of net.named_modules()) console.log(name, String(m));
  for (const m of net.modules()) console.log(m.training);
  for (const [name, m] of net.named_children()) console.log(name, m);
  for (const m of net.children()) console.log(m);
  for (const [name, p] of net.named_parameters()) console.log(name, p.shape);
  for (const p of net.parameters()) console.log(p.requires_grad);
  for (const [name, buf] of net.named_buffers()) console.log(name, buf);
  for (const buf of net.buffers({ recurse: false })) console.log(buf);
  const sd: StateDict = net.state_dict();
  const { missing_keys, unexpected_keys } = net.load_state_dict(sd, { strict: false });
  net.train().eval().requires_grad_(false).apply((m) => console.log(m)).to('float32');
  net.zero_grad();
  const handle = net.register_forward_hook((m, args, out) => console.log(m.fc1.out_features, out));
  handle.remove();
  net.register_forward_pre_hook((m, args) => args).remove();
  const repr: string = net.extra_repr() + net.toString();
  const w: nn.Parameter = net.fc1.weight;

  // ---- containers
  const seq = new nn.Sequential(new nn.Linear(4, 4), new nn.ReLU());
  const named_seq = new nn.Sequential({ fc: new nn.Linear(4, 4), act: new nn.Tanh() });
  seq.append(new nn.Identity()).extend([new nn.Sigmoid()]).insert(0, new nn.Identity());
  const first: nn.Module = seq.at(-1);
  const second: nn.Module = seq[1];
  const len: number = seq.length + seq.slice(0, 2).length;
  seq.pop();
  for (const m of seq) console.log(m);
  const ml = new nn.ModuleList<nn.Linear>([new nn.Linear(2, 2)]);
  const lin: nn.Linear = ml.at(0);
  const md = new nn.ModuleDict({ a: new nn.ReLU() });
  md.set('b', new nn.Tanh());
  const has: boolean = md.has('a');
  for (const [k, m] of md.items()) console.log(k, m, md.get(k));
  const pl = new nn.ParameterList([torch.zeros(2)]);
  pl.append(torch.ones(2));
  const pd = new nn.ParameterDict({ p: torch.zeros(1) });
  pd.set('q', torch.ones(1));
  const pv = pd.get('p');

  // ---- every layer
  const x4 = torch.randn(1, 3, 8, 8);
  const layers: nn.Module[] = [
    new nn.Identity(), new nn.Linear({ in_features: 4, out_features: 2 }), new nn.Bilinear(2, 3, 4),
    new nn.Flatten(), new nn.Unflatten(1, [2, 2]),
    new nn.ReLU(true), new nn.Sigmoid(), new nn.Tanh(), new nn.Softmax(1), new nn.LogSoftmax({ dim: -1 }),
    new nn.Softmin(0), new nn.GELU('tanh'), new nn.LeakyReLU(0.2), new nn.ELU({ alpha: 0.5 }), new nn.SELU(),
    new nn.CELU(), new nn.SiLU(), new nn.Mish(), new nn.Softplus(2, 10), new nn.Softsign(), new nn.Hardsigmoid(),
    new nn.Hardswish(), new nn.LogSigmoid(), new nn.Hardshrink(0.3), new nn.Softshrink(), new nn.Tanhshrink(),
    new nn.PReLU(3), new nn.GLU(), new nn.Threshold(0.1, 20), new nn.Hardtanh(-2, 2), new nn.ReLU6(),
    new nn.Dropout(0.2), new nn.Dropout1d(), new nn.Dropout2d({ p: 0.1 }), new nn.Dropout3d(), new nn.AlphaDropout(),
    new nn.FeatureAlphaDropout(),
    new nn.ConstantPad1d(2, 3.5), new nn.ConstantPad2d([1, 1, 2, 0], 0), new nn.ConstantPad3d(1, 1),
    new nn.ZeroPad1d(1), new nn.ZeroPad2d([1, 2, 3, 4]), new nn.ZeroPad3d(1), new nn.ReflectionPad1d(1),
    new nn.ReflectionPad2d(1), new nn.ReflectionPad3d(1), new nn.ReplicationPad1d(1), new nn.ReplicationPad2d(1),
    new nn.ReplicationPad3d(1),
    new nn.Embedding(10, 3, { padding_idx: 0 }), nn.Embedding.from_pretrained(torch.randn(4, 2), { freeze: false }),
    new nn.EmbeddingBag(10, 3, { mode: 'sum' }), nn.EmbeddingBag.from_pretrained(torch.randn(4, 2)),
    new nn.L1Loss(), new nn.MSELoss({ reduction: 'sum' }), new nn.SmoothL1Loss({ beta: 0.5 }), new nn.HuberLoss('none', 2),
    new nn.KLDivLoss({ reduction: 'batchmean', log_target: true }), new nn.BCELoss(torch.ones(3)),
    new nn.BCEWithLogitsLoss({ pos_weight: torch.ones(3) }), new nn.NLLLoss({ ignore_index: 1 }),
    new nn.CrossEntropyLoss({ label_smoothing: 0.1 }),
    new nn.Conv1d(3, 16, 5), new nn.Conv2d(3, 8, [3, 3], { padding: 'same', padding_mode: 'reflect' }),
    new nn.Conv3d({ in_channels: 1, out_channels: 2, kernel_size: 3, groups: 1 }), new nn.ConvTranspose1d(2, 4, 3),
    new nn.ConvTranspose2d(2, 4, 3, 2, { output_padding: 1 }), new nn.ConvTranspose3d(1, 1, 2),
    new nn.Unfold(2, { stride: 2 }), new nn.Fold([4, 4], 2),
    new nn.MaxPool1d(2), new nn.MaxPool2d(2, { return_indices: true }), new nn.MaxPool3d(2, 2, 0, 1, false, true),
    new nn.AvgPool1d(2), new nn.AvgPool2d(3, { divisor_override: 2 }), new nn.AvgPool3d(2), new nn.LPPool1d(2, 3),
    new nn.LPPool2d(1, 2), new nn.AdaptiveAvgPool1d(4), new nn.AdaptiveAvgPool2d([null, 3]), new nn.AdaptiveAvgPool3d(1),
    new nn.AdaptiveMaxPool1d(2), new nn.AdaptiveMaxPool2d(2, true), new nn.AdaptiveMaxPool3d([1, 2, 2]),
    new nn.FractionalMaxPool2d(2, { output_ratio: 0.5 }), new nn.FractionalMaxPool3d(2, { output_size: 3 }),
    new nn.MaxUnpool1d(2), new nn.MaxUnpool2d(2, 2), new nn.MaxUnpool3d(2),
    new nn.Upsample({ scale_factor: 2, mode: 'bilinear', align_corners: false }), new nn.UpsamplingNearest2d(null, 2),
    new nn.UpsamplingBilinear2d({ size: 8 }), new nn.PixelShuffle(2), new nn.PixelUnshuffle(2),
    new nn.BatchNorm1d(4, { momentum: null }), new nn.BatchNorm2d(3), new nn.BatchNorm3d(2, 1e-3, 0.1, false),
    new nn.InstanceNorm1d(3, { affine: true }), new nn.InstanceNorm2d(3), new nn.InstanceNorm3d(3),
    new nn.LayerNorm([4, 4], { elementwise_affine: false }), new nn.GroupNorm(2, 4), new nn.LocalResponseNorm(2),
    new nn.SwitchableNorm1d(4), new nn.SwitchableNorm2d(4, { momentum: 0.9 }),
    new nn.RNN(4, 8, { nonlinearity: 'relu' }), new nn.LSTM(10, 20, { num_layers: 2, batch_first: true, bidirectional: true }),
    new nn.GRU(4, 8, 1), new nn.RNNCell(4, 8), new nn.LSTMCell(4, 8), new nn.GRUCell({ input_size: 4, hidden_size: 8 }),
    new nn.MultiheadAttention(8, 2, { batch_first: true, kdim: 4, vdim: 4 }),
    new nn.TransformerEncoder(new nn.TransformerEncoderLayer(8, 2, { dim_feedforward: 16, activation: 'gelu' }), 2),
    new nn.TransformerDecoder(new nn.TransformerDecoderLayer({ d_model: 8, nhead: 2 }), 1, new nn.LayerNorm(8)),
    new nn.Transformer({ d_model: 8, nhead: 2, num_encoder_layers: 1, num_decoder_layers: 1, dim_feedforward: 16 }),
  ];
  const conv = new nn.Conv2d(3, 8, 3);
  const out: Tensor = conv.forward(x4);
  const k: number[] = conv.kernel_size;
  const [pooled, where] = new nn.MaxPool2d(2, { return_indices: true }).forward(x4);
  const unpooled = new nn.MaxUnpool2d(2).forward(pooled, where, { output_size: [8, 8] });
  const lstm = new nn.LSTM(10, 20, { num_layers: 2 });
  const [seqOut, [h_n, c_n]] = lstm.forward(torch.randn(5, 3, 10));
  const mha = new nn.MultiheadAttention(8, 2);
  const q = torch.randn(4, 1, 8);
  const [attn, weights] = mha.forward(q, q, q, { need_weights: false });
  const maskT = nn.Transformer.generate_square_subsequent_mask(4);
  const emb = new nn.Embedding(10, 3);
  const ew: nn.Parameter = emb.weight;

  // ---- F
  const fx = torch.randn(1, 3, 8);
  const funcs = [
    F.linear(a, a), F.linear(a, a, null), F.bilinear(a, a, torch.randn(1, 2, 2)),
    F.relu(a), F.relu(a, { inplace: false }), F.relu_(a.clone()), F.sigmoid(a), F.tanh(a), F.threshold(a, 1, 0),
    F.threshold_(a.clone(), 1, 0), F.hardtanh(a), F.hardtanh_(a.clone()), F.relu6(a), F.elu(a), F.elu_(a.clone()),
    F.selu(a), F.selu_(a.clone()), F.celu(a), F.celu_(a.clone()), F.leaky_relu(a, 0.1), F.leaky_relu_(a.clone()),
    F.gelu(a, { approximate: 'tanh' }), F.silu(a), F.mish(a), F.hardsigmoid(a), F.hardswish(a), F.logsigmoid(a),
    F.softsign(a), F.tanhshrink(a), F.softplus(a, 2), F.hardshrink(a), F.softshrink(a, 0.1),
    F.prelu(a, torch.ones(1)), F.glu(a), F.softmax(a, 1), F.log_softmax(a, -1), F.softmin(a, { dim: 0 }),
    F.dropout(a, 0.5, false), F.alpha_dropout(a), F.feature_alpha_dropout(a, { training: false }), F.dropout1d(fx),
    F.dropout2d(x4, 0.1, true), F.dropout3d(x4),
    F.embedding(torch.tensor([1, 2], { dtype: 'int64' }), torch.randn(4, 2), { padding_idx: 0 }),
    F.embedding_bag(torch.tensor([[1, 2]], { dtype: 'int64' }), torch.randn(4, 2), { mode: 'max' }),
    F.mse_loss(a, a), F.l1_loss(a, a, { reduction: 'sum' }), F.smooth_l1_loss(a, a, { beta: 2 }), F.huber_loss(a, a),
    F.kl_div(a, a, { reduction: 'batchmean' }), F.binary_cross_entropy(r, r), F.binary_cross_entropy_with_logits(a, r),
    F.nll_loss(a, torch.tensor([0, 1], { dtype: 'int64' })), F.cross_entropy(a, torch.tensor([0, 1], { dtype: 'int64' }),
      { label_smoothing: 0.1 }),
    F.pad(a, [1, 1]), F.pad(fx, [1, 2], 'reflect'), F.pad(a, { pad: [1, 1], value: 2 }),
    F.conv1d(fx, torch.randn(4, 3, 3)), F.conv2d(x4, torch.randn(2, 3, 3, 3), null, 1, 'same'), F.conv3d(torch.randn(1, 1, 4, 4, 4),
      torch.randn(1, 1, 2, 2, 2)), F.conv_transpose1d(fx, torch.randn(3, 2, 3)), F.conv_transpose2d(x4, torch.randn(3, 2, 3, 3),
      { stride: 2 }), F.conv_transpose3d(torch.randn(1, 1, 2, 2, 2), torch.randn(1, 1, 2, 2, 2)),
    F.unfold(x4, 2), F.fold(torch.randn(1, 12, 16), [8, 8], 2, { stride: 2 }),
    F.max_pool1d(fx, 2), F.max_pool2d(x4, 2, { ceil_mode: true }), F.max_pool3d(torch.randn(1, 1, 4, 4, 4), 2),
    F.avg_pool1d(fx, 2), F.avg_pool2d(x4, 2, { divisor_override: 3 }), F.avg_pool3d(torch.randn(1, 1, 4, 4, 4), 2),
    F.lp_pool1d(fx, 2, 2), F.lp_pool2d(x4, 2, 2), F.adaptive_avg_pool1d(fx, 2), F.adaptive_avg_pool2d(x4, [2, null]),
    F.adaptive_avg_pool3d(torch.randn(1, 1, 4, 4, 4), 1), F.adaptive_max_pool1d(fx, 2), F.adaptive_max_pool2d(x4, 2),
    F.adaptive_max_pool3d(torch.randn(1, 1, 4, 4, 4), 2, true), F.fractional_max_pool2d(x4, 2, { output_size: 4 }),
    F.fractional_max_pool3d(torch.randn(1, 1, 4, 4, 4), 2, { output_ratio: 0.5 }),
    F.max_unpool1d(fx, torch.zeros([1, 3, 8], { dtype: 'int64' }), 2), F.max_unpool2d(x4, torch.zeros([1, 3, 8, 8], { dtype: 'int64' }), 2),
    F.max_unpool3d(torch.randn(1, 1, 2, 2, 2), torch.zeros([1, 1, 2, 2, 2], { dtype: 'int64' }), 2),
    F.interpolate(x4, { scale_factor: 2, mode: 'nearest-exact' }), F.pixel_shuffle(torch.randn(1, 4, 2, 2), 2),
    F.pixel_unshuffle(x4, 2),
    F.batch_norm(x4, torch.zeros(3), torch.ones(3), { training: false }), F.instance_norm(x4),
    F.layer_norm(x4, [8]), F.group_norm(torch.randn(1, 4, 2), 2), F.local_response_norm(x4, 2),
    F.scaled_dot_product_attention(q, q, q, { is_causal: true }),
  ];
  const [mhaOut] = F.multi_head_attention_forward({ query: q, key: q, value: q, embed_dim_to_check: 8, num_heads: 2,
    in_proj_weight: torch.randn(24, 8), in_proj_bias: null, bias_k: null, bias_v: null, add_zero_attn: false,
    dropout_p: 0, out_proj_weight: torch.randn(8, 8), out_proj_bias: null });

  // ---- nn.init
  const wt = torch.empty(4, 3);
  const inits: Tensor[] = [nn.init.uniform_(wt, -1, 1), nn.init.normal_(wt, { std: 0.1 }), nn.init.constant_(wt, 0.5),
    nn.init.ones_(wt), nn.init.zeros_(wt), nn.init.eye_(wt), nn.init.xavier_uniform_(wt, 1.0), nn.init.xavier_normal_(wt),
    nn.init.kaiming_uniform_(wt, { a: Math.sqrt(5) }), nn.init.kaiming_normal_(wt, 0, 'fan_out', 'relu'),
    nn.init.trunc_normal_(wt, 0, 1, -2, 2), nn.init.orthogonal_(wt)];
  const gain: number = nn.init.calculate_gain('leaky_relu', 0.2);
  const [fan_in, fan_out] = nn.init._calculate_fan_in_and_fan_out(wt);
  const param: nn.Parameter = nn.init.zeros_(new nn.Parameter(torch.empty(2)));

  // ---- weights
  const file: Uint8Array = torch.save_safetensors(net.state_dict(), { format: 'pt' });
  const loaded: StateDict = torch.load_safetensors(file);
  const fromBuffer: StateDict = torch.load_safetensors(file.buffer as ArrayBuffer);
  const fetched: StateDict = await torch.load_safetensors('/weights.safetensors', {
    onProgress: (loadedBytes: number, total: number | null) => console.log(loadedBytes, total),
  });
  const fromUrl: StateDict = await torch.load_safetensors(new URL('https://example.org/w.safetensors'));
  const fromResponse: StateDict = await torch.load_safetensors(new Response(file as BodyInit));
  net.load_state_dict(loaded);

  // ---- summary
  const summaryOptions: SummaryOptions = { dtypes: ['int64'], depth: 2 };
  const table: string = torch.summary(net, [2, 4]);
  const table2: string = torch.summary(new nn.Embedding(10, 3), [[2, 5]], summaryOptions);

  // ---- named exports are the namespace's members
  const sameReady: typeof torch.ready = named.ready;
  const sameSummary: typeof torch.summary = named.summary;
  const pad: IntOrTuple = [1, 2];
  y.dispose();
  console.log(simd, threads, version, dtypes, seed, i64, ints, z, z2, o, e, rn, ri, ri2, ar, ar2, fu, zl, ol, c, s, mm,
    fl, shape, n, dt, rg, g, views, arith, values, indices, minv, data, list, item, text, contiguous, gone, isTensor, kept, bytes,
    acts, sub, missing_keys, unexpected_keys, repr, w, named_seq, first, second, len, lin, has, pl, pv, layers, out, k,
    unpooled, seqOut, h_n, c_n, attn, weights, maskT, ew, funcs, mhaOut, inits, gain, fan_in, fan_out,
    param, fromBuffer, fetched, fromUrl, fromResponse, table, table2, sameReady, sameSummary, pad);
}

main();
