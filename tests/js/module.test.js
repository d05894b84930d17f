// The module system (js/nn/module.js) and the containers (js/nn/container.js): golden reprs,
// state_dict keys, names and load_state_dict errors recorded from PyTorch 1.13
// (tests/golden/cases_module.py), then one test per rule of shared/spec/API.md "Modules".
import { readFileSync } from 'node:fs';
import { expect, test, describe, beforeAll } from '@jest/globals';
import torch, { nn } from '../../js/index.js';

const golden = JSON.parse(readFileSync(new URL('../golden/data/module.json', import.meta.url), 'utf8'));

beforeAll(async () => {
  await torch.ready();
});

// Mirrors build() in tests/golden/cases_module.py step for step.
function build(spec, refs = new Map()) {
  if (spec === null) return null;
  if ('ref' in spec) return refs.get(spec.ref);
  const t = spec.type;
  let m;
  if (t === 'Parameter') m = new nn.Parameter(torch.zeros(spec.shape));
  else if (t === 'Tensor') m = torch.zeros(spec.shape);
  else if (t === 'Sequential' && 'named' in spec) m = new nn.Sequential(Object.fromEntries(spec.named.map(([k, v]) => [k, build(v, refs)])));
  else if (t === 'Sequential') m = new nn.Sequential(...spec.items.map((v) => build(v, refs)));
  else if (t === 'ModuleList' || t === 'ParameterList') m = new nn[t](spec.items.map((v) => build(v, refs)));
  else if (t === 'ModuleDict' || t === 'ParameterDict') m = new nn[t](new Map(spec.named.map(([k, v]) => [k, build(v, refs)])));
  else if (t === 'Module') m = 'class' in spec ? new ({ [spec.class]: class extends nn.Module {} })[spec.class]() : new nn.Module();
  else m = new nn[t](...spec.args, spec.kwargs);
  for (const [op, name, ...rest] of spec.ops ?? []) {
    if (op === 'set') m[name] = build(rest[0], refs);
    else if (op === 'add_module') m.add_module(name, build(rest[0], refs));
    else if (op === 'register_parameter') m.register_parameter(name, build(rest[0], refs));
    else if (op === 'register_buffer') m.register_buffer(name, build(rest[0], refs), { persistent: rest[1] });
  }
  if ('label' in spec) refs.set(spec.label, m);
  return m;
}

const names = (it) => [...it].map(([k]) => k);

// PyTorch prints shapes as torch.Size([2, 3]); webtorch as [2, 3]. Everything else must match.
const jsShapes = (msg) => msg.replace(/torch\.Size\((\[[^\]]*\])\)/g, '$1');

function thrown(fn) {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected an Error, nothing was thrown');
}

/** fn() must throw an Error containing every string in `parts` and leave memory unchanged. */
function expectError(fn, ...parts) {
  const before = torch.memory_allocated();
  const err = thrown(fn);
  expect(err).toBeInstanceOf(Error);
  for (const p of parts) expect(err.message).toContain(p);
  expect(torch.memory_allocated()).toBe(before);
  return err;
}

describe('golden module system (PyTorch 1.13)', () => {
  for (const c of golden.cases) {
    test(c.name, () => {
      const m = build(c.build);
      expect(String(m)).toBe(c.repr);
      expect(Object.keys(m.state_dict())).toEqual(c.state_dict_keys);
      expect(names(m.named_parameters())).toEqual(c.named_parameters);
      expect(names(m.named_buffers())).toEqual(c.named_buffers);
      expect(names(m.named_children())).toEqual(c.named_children);
      expect(names(m.named_modules())).toEqual(c.named_modules);
      expect(names(m.named_modules({ remove_duplicate: false }))).toEqual(c.named_modules_all);
      expect([...m.parameters()].length).toBe(c.num_parameters);
      if (!c.load) return;
      const sd = m.state_dict();
      for (const k of c.load.drop ?? []) delete sd[k];
      for (const [k, shape] of [...c.load.reshape ?? [], ...c.load.add ?? []]) sd[k] = torch.zeros(shape);
      const strict = c.load.strict ?? true;
      if (c.error) {
        const err = expectError(() => m.load_state_dict(sd, { strict }));
        expect(jsShapes(err.message)).toBe(jsShapes(c.error));
      } else {
        expect(m.load_state_dict(sd, { strict })).toEqual(c.result);
      }
    });
  }
});

// A small user module used by several rules below.
class Small extends nn.Module {
  constructor() {
    super();
    this.fc1 = new nn.Linear(4, 8);
    this.act = new nn.ReLU();
    this.fc2 = new nn.Linear(8, 2);
    this.register_buffer('scale', torch.ones(2));
  }

  forward(x) {
    return this.fc2.forward(this.act.forward(this.fc1.forward(x))).mul(this.scale);
  }
}

describe('Module: registration', () => {
  test('attribute assignment registers Modules, Parameters and ParameterList/Dict in assignment order', () => {
    const m = new nn.Module();
    m.b = new nn.Parameter(torch.zeros(1));
    m.z = new nn.ReLU();
    m.pl = new nn.ParameterList([torch.zeros(2)]);
    m.a = new nn.Parameter(torch.zeros(3));
    m.pd = new nn.ParameterDict({ k: torch.zeros(4) });
    m.plain = 42;
    expect(names(m.named_children())).toEqual(['z', 'pl', 'pd']);
    expect(names(m.named_parameters())).toEqual(['b', 'a', 'pl.0', 'pd.k']);
    expect(m.plain).toBe(42);
    expect(m.z).toBeInstanceOf(nn.ReLU);
    expect(m.a.shape).toEqual([3]);
  });

  test('class fields register like assignments', () => {
    class Fields extends nn.Module {
      conv = new nn.Conv1d(2, 3, 1);
      w = new nn.Parameter(torch.zeros(2));
      n = 3;
    }
    const m = new Fields();
    expect(names(m.named_children())).toEqual(['conv']);
    expect(names(m.named_parameters())).toEqual(['w', 'conv.weight', 'conv.bias']);
    expect(String(m)).toBe('Fields(\n  (conv): Conv1d(2, 3, kernel_size=(1,), stride=(1,))\n)');
    expect(m.n).toBe(3);
  });

  test("reassigning a parameter's name with a non-Parameter throws PyTorch's message", () => {
    const lin = new nn.Linear(2, 2);
    const before = lin.weight;
    const t = torch.zeros(2, 2);
    expectError(() => { lin.weight = t; },
      "cannot assign 'torch.FloatTensor' as parameter 'weight' (torch.nn.Parameter or None expected)");
    expect(lin.weight).toBe(before);
    expectError(() => { lin.weight = 3; }, "cannot assign 'int' as parameter 'weight'");
  });

  test('reassigning a child module with a non-Module throws', () => {
    const m = new Small();
    expectError(() => { m.fc1 = 'x'; }, "cannot assign 'str' as child module 'fc1' (torch.nn.Module or None expected)");
    expect(m.fc1).toBeInstanceOf(nn.Linear);
  });

  test('assigning null to a registered parameter or module keeps the name with None', () => {
    const lin = new nn.Linear(2, 2);
    lin.bias = null;
    expect(lin.bias).toBeNull();
    expect(names(lin.named_parameters())).toEqual(['weight']);
    expect(Object.keys(lin.state_dict())).toEqual(['weight']);
    const m = new Small();
    m.act = null;
    expect(m.act).toBeNull();
    expect(names(m.named_children())).toEqual(['fc1', 'fc2']);
    expect(String(m)).toContain('(act): None');
  });

  test('a Parameter replaces a plain attribute; a Module cannot replace a parameter until it is deleted', () => {
    const m = new nn.Module();
    m.x = 1;
    m.x = new nn.Parameter(torch.zeros(1));
    expect(names(m.named_parameters())).toEqual(['x']);
    expectError(() => { m.x = new nn.ReLU(); }, "cannot assign 'ReLU' as parameter 'x' (torch.nn.Parameter or None expected)");
    delete m.x;
    m.x = new nn.ReLU();
    expect(names(m.named_parameters())).toEqual([]);
    expect(names(m.named_children())).toEqual(['x']);
  });

  test('a tensor assigned to a buffer name replaces the buffer', () => {
    const m = new nn.Module();
    m.register_buffer('b', torch.zeros(2));
    const t = torch.ones(3);
    m.b = t;
    expect(m.b).toBe(t);
    expect(m.state_dict().b.tolist()).toEqual([1, 1, 1]);
    m.b = null;
    expect(Object.keys(m.state_dict())).toEqual([]);
    expectError(() => { m.b = 5; }, "cannot assign 'int' as buffer 'b' (torch.Tensor or None expected)");
  });

  test('register_parameter validates name and value', () => {
    const m = new nn.Module();
    m.plain = 1;
    m.register_buffer('buf', torch.zeros(1));
    expectError(() => m.register_parameter('a.b', null), 'parameter name can\'t contain "."');
    expectError(() => m.register_parameter('', null), 'parameter name can\'t be empty string ""');
    expectError(() => m.register_parameter(3, null), 'parameter name should be a string');
    expectError(() => m.register_parameter('plain', null), "attribute 'plain' already exists");
    expectError(() => m.register_parameter('buf', null), "attribute 'buf' already exists");
    const t = torch.zeros(1);
    expectError(() => m.register_parameter('x', t),
      "cannot assign 'torch.FloatTensor' object to parameter 'x' (torch.nn.Parameter or None required)");
    m.register_parameter('ok', null);
    expect(m.ok).toBeNull();
  });

  test('register_buffer validates name and value; persistent=false stays out of state_dict', () => {
    const m = new nn.Module();
    m.plain = 1;
    m.p = new nn.Parameter(torch.zeros(1));
    expectError(() => m.register_buffer('a.b', null), 'buffer name can\'t contain "."');
    expectError(() => m.register_buffer('', null), 'buffer name can\'t be empty string ""');
    expectError(() => m.register_buffer('plain', null), "attribute 'plain' already exists");
    expectError(() => m.register_buffer('p', null), "attribute 'p' already exists");
    expectError(() => m.register_buffer('x', 3), "cannot assign 'int' object to buffer 'x'");
    m.register_buffer('keep', torch.zeros(1));
    m.register_buffer('temp', torch.zeros(1), false);
    expect(names(m.named_buffers())).toEqual(['keep', 'temp']);
    expect(Object.keys(m.state_dict())).toEqual(['p', 'keep']);
  });

  test('add_module / register_module validate name and value', () => {
    const m = new nn.Module();
    m.plain = 1;
    expectError(() => m.add_module('a.b', new nn.ReLU()), 'module name can\'t contain "."');
    expectError(() => m.add_module('', new nn.ReLU()), 'module name can\'t be empty string ""');
    expectError(() => m.add_module('plain', new nn.ReLU()), "attribute 'plain' already exists");
    expectError(() => m.add_module('x', 3), 'int is not a Module subclass');
    const t = torch.zeros(1);
    expectError(() => m.register_module('x', t), 'torch.FloatTensor is not a Module subclass');
    m.register_module('r', new nn.ReLU());
    m.add_module('none', null);
    expect(names(m.named_children())).toEqual(['r']);
    expect(String(m)).toBe('Module(\n  (r): ReLU()\n  (none): None\n)');
  });

  test('get_submodule walks dotted paths and names the missing part', () => {
    const m = new nn.Module();
    m.seq = new nn.Sequential(new nn.Linear(2, 2), new nn.Sequential(new nn.ReLU()));
    expect(m.get_submodule('')).toBe(m);
    expect(m.get_submodule('seq.1.0')).toBeInstanceOf(nn.ReLU);
    expect(m.get_submodule('seq.0')).toBe(m.seq.at(0));
    expectError(() => m.get_submodule('seq.0.foo'), 'Linear has no attribute `foo`');
    expectError(() => m.get_submodule('nope'), 'Module has no attribute `nope`');
  });
});

describe('Module: iteration', () => {
  test('parameters/buffers/children/modules are iterables in PyTorch order', () => {
    const m = new Small();
    expect(names(m.named_parameters())).toEqual(['fc1.weight', 'fc1.bias', 'fc2.weight', 'fc2.bias']);
    expect([...m.parameters()]).toEqual([m.fc1.weight, m.fc1.bias, m.fc2.weight, m.fc2.bias]);
    expect(names(m.named_buffers())).toEqual(['scale']);
    expect([...m.buffers()]).toEqual([m.scale]);
    expect([...m.children()]).toEqual([m.fc1, m.act, m.fc2]);
    expect(names(m.named_children())).toEqual(['fc1', 'act', 'fc2']);
    expect([...m.modules()]).toEqual([m, m.fc1, m.act, m.fc2]);
    expect(names(m.named_modules())).toEqual(['', 'fc1', 'act', 'fc2']);
    expect(names(m.named_parameters({ prefix: 'net' }))[0]).toBe('net.fc1.weight');
    expect(names(m.named_parameters({ recurse: false }))).toEqual([]);
    expect([...m.parameters(false)]).toEqual([]);
    const lazy = m.parameters();
    expect(typeof lazy.next).toBe('function');
  });

  test('a shared module or parameter is yielded once', () => {
    const shared = new nn.Linear(2, 2);
    const m = new nn.Module();
    m.a = shared;
    m.b = shared;
    expect(names(m.named_children())).toEqual(['a']);
    expect(names(m.named_parameters())).toEqual(['a.weight', 'a.bias']);
    expect(Object.keys(m.state_dict())).toEqual(['a.weight', 'a.bias', 'b.weight', 'b.bias']);
  });
});

describe('Module: modes and bulk operations', () => {
  test('train(mode)/eval() set training recursively and return the module', () => {
    const m = new nn.Sequential(new nn.Linear(2, 2), new nn.Sequential(new nn.ReLU()));
    expect([...m.modules()].every((x) => x.training === true)).toBe(true);
    expect(m.eval()).toBe(m);
    expect([...m.modules()].every((x) => x.training === false)).toBe(true);
    expect(m.train()).toBe(m);
    expect([...m.modules()].every((x) => x.training === true)).toBe(true);
    m.train(false);
    expect(m.at(1).at(0).training).toBe(false);
    expectError(() => m.train('yes'), 'training mode is expected to be boolean');
  });

  test('requires_grad_ sets every parameter and returns the module', () => {
    const m = new Small();
    expect(m.requires_grad_(false)).toBe(m);
    expect([...m.parameters()].map((p) => p.requires_grad)).toEqual([false, false, false, false]);
    m.fc2.requires_grad_();
    expect([...m.parameters()].map((p) => p.requires_grad)).toEqual([false, false, true, true]);
  });

  test('zero_grad zeroes gradients, or drops them with set_to_none', () => {
    const m = new nn.Linear(2, 2);
    m.weight.grad = torch.ones(2, 2);
    m.zero_grad();
    expect(m.weight.grad.tolist()).toEqual([[0, 0], [0, 0]]);
    expect(m.bias.grad).toBeNull();
    m.zero_grad({ set_to_none: true });
    expect(m.weight.grad).toBeNull();
  });

  test('apply visits children first, then the module, and returns it', () => {
    const m = new Small();
    const seen = [];
    expect(m.apply((x) => seen.push(x._get_name()))).toBe(m);
    expect(seen).toEqual(['Linear', 'ReLU', 'Linear', 'Small']);
    m.apply((x) => { if (x instanceof nn.Linear) nn.init.zeros_(x.bias); });
    expect(m.fc1.bias.tolist()).toEqual(new Array(8).fill(0));
  });

  test("to('float32') returns the module; to('int64') is rejected", () => {
    const m = new Small();
    expect(m.to('float32')).toBe(m);
    expect(m.to(torch.float32)).toBe(m);
    expectError(() => m.to('int64'), 'nn.Module.to only accepts floating point', 'int64');
  });
});

describe('Module: forward and hooks', () => {
  test('forward pre-hooks and forward hooks run in registration order and may replace args/output', () => {
    const lin = new nn.Linear(2, 2);
    nn.init.eye_(lin.weight);
    nn.init.zeros_(lin.bias);
    const log = [];
    const h1 = lin.register_forward_pre_hook((mod, args) => { log.push('pre1'); expect(mod).toBe(lin); return [args[0].mul(2)]; });
    const h2 = lin.register_forward_pre_hook((mod, args) => { log.push('pre2'); return args[0].add(1); });
    const h3 = lin.register_forward_hook((mod, args, out) => { log.push('post1'); expect(args.length).toBe(1); return out.mul(10); });
    const h4 = lin.register_forward_hook(() => { log.push('post2'); });
    const x = torch.tensor([[1, 2]]);
    const out = lin.forward(x);
    expect(log).toEqual(['pre1', 'pre2', 'post1', 'post2']);
    expect(out.tolist()).toEqual([[30, 50]]);
    for (const h of [h1, h2, h3, h4]) h.remove();
    expect(lin.forward(x).tolist()).toEqual([[1, 2]]);
    expect(log.length).toBe(4);
  });

  test('a throwing hook propagates, frees its intermediates and leaves the module usable', () => {
    const m = new Small();
    const x = torch.ones(3, 4);
    m.forward(x).dispose();
    const h = m.fc2.register_forward_hook(() => { throw new Error('hook failed'); });
    expectError(() => m.forward(x), 'hook failed');
    h.remove();
    const before = torch.memory_allocated();
    const out = m.forward(x);
    expect(out.shape).toEqual([3, 2]);
    out.dispose();
    expect(torch.memory_allocated()).toBe(before);
  });

  test('a module without forward names itself', () => {
    expectError(() => new nn.Module().forward(), 'Module [Module] is missing the required "forward" function');
  });

  test('forward intermediates are freed: memory flat over 1000 forwards', () => {
    const m = new Small();
    const x = torch.randn(5, 4);
    m.forward(x).dispose();
    const before = torch.memory_allocated();
    for (let i = 0; i < 1000; i++) m.forward(x).dispose();
    expect(torch.memory_allocated()).toBe(before);
  });
});

describe('Module: state_dict and load_state_dict', () => {
  test('state_dict returns detached handles sharing storage, without copying', () => {
    const m = new Small();
    const before = torch.memory_allocated();
    const sd = m.state_dict();
    expect(torch.memory_allocated()).toBe(before);
    expect(Object.keys(sd)).toEqual(['scale', 'fc1.weight', 'fc1.bias', 'fc2.weight', 'fc2.bias']);
    expect(sd['fc1.weight']).not.toBe(m.fc1.weight);
    expect(sd['fc1.weight']).not.toBeInstanceOf(nn.Parameter);
    expect(sd['fc1.weight'].requires_grad).toBe(false);
    sd['fc2.bias'].fill_(7);
    expect(m.fc2.bias.tolist()).toEqual([7, 7]);
    for (const t of Object.values(sd)) t.dispose();
    expect(m.fc2.bias.tolist()).toEqual([7, 7]);
  });

  test('load_state_dict copies values and returns empty key lists', () => {
    torch.manual_seed(1);
    const a = new Small();
    const b = new Small();
    expect(b.load_state_dict(a.state_dict())).toEqual({ missing_keys: [], unexpected_keys: [] });
    const x = torch.randn(2, 4);
    expect(b.forward(x).tolist()).toEqual(a.forward(x).tolist());
    b.fc1.weight.fill_(0);
    expect(a.fc1.weight.tolist()).not.toEqual(b.fc1.weight.tolist());
  });

  test('strict load rejects missing and unexpected keys; non-strict returns them', () => {
    const m = new Small();
    const sd = m.state_dict();
    delete sd['fc2.bias'];
    sd.extra = torch.zeros(1);
    expectError(() => m.load_state_dict(sd), 'Error(s) in loading state_dict for Small:\n\t',
      'Missing key(s) in state_dict: "fc2.bias". ', 'Unexpected key(s) in state_dict: "extra". ');
    expect(m.load_state_dict(sd, { strict: false })).toEqual({ missing_keys: ['fc2.bias'], unexpected_keys: ['extra'] });
  });

  test('a shape mismatch names the key and both shapes, and nothing is half-loaded', () => {
    const m = new Small();
    const snapshot = Object.fromEntries([...m.named_parameters()].map(([k, p]) => [k, p.tolist()]));
    const sd = {};
    for (const [k, v] of Object.entries(m.state_dict())) sd[k] = torch.full(v.shape, 3);
    sd['fc2.weight'] = torch.zeros(2, 9);
    expectError(() => m.load_state_dict(sd), 'size mismatch for fc2.weight', '[2, 9]', '[2, 8]');
    expectError(() => m.load_state_dict(sd, { strict: false }), 'size mismatch for fc2.weight');
    for (const [k, p] of m.named_parameters()) expect(p.tolist()).toEqual(snapshot[k]);
    expect(m.scale.tolist()).toEqual([1, 1]);
  });

  test('a non-tensor value is rejected before anything is copied', () => {
    const m = new nn.Linear(2, 1);
    const w = m.weight.tolist();
    const sd = { weight: torch.zeros(1, 2), bias: [1] };
    expectError(() => m.load_state_dict(sd),
      'While copying the parameter named "bias"');
    expect(m.weight.tolist()).toEqual(w);
    expectError(() => m.load_state_dict(null), 'load_state_dict');
  });

  test('loads from torch.load_safetensors(torch.save_safetensors(state_dict))', () => {
    torch.manual_seed(3);
    const a = new Small();
    const bytes = torch.save_safetensors(a.state_dict());
    const b = new Small();
    b.load_state_dict(torch.load_safetensors(bytes));
    for (const [k, v] of Object.entries(a.state_dict())) expect(b.state_dict()[k].tolist()).toEqual(v.tolist());
  });
});

describe('Sequential and ModuleList', () => {
  test('Sequential(...modules) and Sequential({named}) print and run like PyTorch', () => {
    const s = new nn.Sequential(new nn.Linear(2, 3), new nn.ReLU());
    expect(names(s.named_children())).toEqual(['0', '1']);
    const n = new nn.Sequential({ fc: new nn.Linear(2, 3), act: new nn.ReLU() });
    expect(String(n)).toBe('Sequential(\n  (fc): Linear(in_features=2, out_features=3, bias=True)\n  (act): ReLU()\n)');
    n.load_state_dict({ 'fc.weight': torch.ones(3, 2), 'fc.bias': torch.tensor([-5, 0, 1]) });
    expect(n.forward(torch.tensor([[1, 2]])).tolist()).toEqual([[0, 3, 4]]);
  });

  test('indexing: seq[i], at(i) with negative i, length, for...of', () => {
    const mods = [new nn.ReLU(), new nn.Tanh(), new nn.Sigmoid()];
    const s = new nn.Sequential(...mods);
    expect(s.length).toBe(3);
    expect(s[0]).toBe(mods[0]);
    expect(s[2]).toBe(mods[2]);
    expect(s.at(-1)).toBe(mods[2]);
    expect(s.at(-3)).toBe(mods[0]);
    expect([...s]).toEqual(mods);
    const l = new nn.ModuleList(mods);
    expect(l[1]).toBe(mods[1]);
    expect(l.at(-2)).toBe(mods[1]);
    const seen = [];
    for (const m of l) seen.push(m);
    expect(seen).toEqual(mods);
  });

  test('seq[i] = module replaces in place; a non-Module is rejected', () => {
    const s = new nn.Sequential(new nn.ReLU(), new nn.Tanh());
    const sig = new nn.Sigmoid();
    s[1] = sig;
    expect(s.at(1)).toBe(sig);
    s[-2] = new nn.Identity();
    expect(String(s)).toBe('Sequential(\n  (0): Identity()\n  (1): Sigmoid()\n)');
    expectError(() => { s[0] = 3; }, 'int is not a Module subclass');
    expectError(() => { s[5] = new nn.ReLU(); }, 'index 5 is out of range');
  });

  for (const Cls of [nn.Sequential, nn.ModuleList]) {
    const make = (...m) => (Cls === nn.Sequential ? new Cls(...m) : new Cls(m));
    test(`${Cls.name}: append/extend/insert/pop/slice renumber like PyTorch`, () => {
      const a = new nn.ReLU();
      const b = new nn.Tanh();
      const c = new nn.Sigmoid();
      const d = new nn.Identity();
      const s = make(a);
      expect(s.append(b)).toBe(s);
      s.extend([c]);
      s.insert(1, d);
      expect([...s]).toEqual([a, d, b, c]);
      s.insert(-1, new nn.Flatten());
      expect(names(s.named_children())).toEqual(['0', '1', '2', '3', '4']);
      expect(s.at(3)).toBeInstanceOf(nn.Flatten);
      expect(s.pop(3)).toBeInstanceOf(nn.Flatten);
      expect(s.pop(0)).toBe(a);
      expect(names(s.named_children())).toEqual(['0', '1', '2']);
      expect([...s]).toEqual([d, b, c]);
      const sl = s.slice(1, 3);
      expect(sl).toBeInstanceOf(Cls);
      expect([...sl]).toEqual([b, c]);
      expect(s.length).toBe(3);
    });

    test(`${Cls.name}: bad indices and non-Modules are clear Errors with memory unchanged`, () => {
      const s = make(new nn.ReLU());
      const t = torch.zeros(1);
      expectError(() => s.at(1), 'index 1 is out of range');
      expectError(() => s.at(-2), 'index -2 is out of range');
      expectError(() => s.at(0.5), 'index must be an integer');
      expectError(() => s.append(3), 'int is not a Module subclass');
      expectError(() => s.append(t), 'torch.FloatTensor is not a Module subclass');
      expectError(() => s.extend([new nn.Tanh(), 'x']), 'str is not a Module subclass');
      expectError(() => s.insert(5, new nn.ReLU()), 'Index out of range');
      expectError(() => s.insert(0, null), 'is not a Module subclass');
      expectError(() => s.pop(4), 'index 4 is out of range');
      expectError(() => s[7], 'index 7 is out of range');
    });
  }

  test('Sequential constructor rejects non-Modules', () => {
    expectError(() => new nn.Sequential(new nn.ReLU(), 3), 'int is not a Module subclass');
    const t = torch.zeros(1);
    expectError(() => new nn.ModuleList([t]), 'torch.FloatTensor is not a Module subclass');
  });
});

describe('ModuleDict', () => {
  test('get/set/has/keys/items/values/pop/clear/update', () => {
    const relu = new nn.ReLU();
    const d = new nn.ModuleDict({ a: relu, b: new nn.Tanh() });
    expect(d.get('a')).toBe(relu);
    expect(d.has('b')).toBe(true);
    expect(d.has('z')).toBe(false);
    expect(d.length).toBe(2);
    d.set('c', new nn.Sigmoid());
    expect([...d.keys()]).toEqual(['a', 'b', 'c']);
    expect([...d]).toEqual(['a', 'b', 'c']);
    expect([...d.values()].map((m) => m._get_name())).toEqual(['ReLU', 'Tanh', 'Sigmoid']);
    expect([...d.items()].map(([k, m]) => `${k}:${m._get_name()}`)).toEqual(['a:ReLU', 'b:Tanh', 'c:Sigmoid']);
    expect(d.pop('a')).toBe(relu);
    expect([...d.keys()]).toEqual(['b', 'c']);
    d.update([['d', new nn.Identity()], ['b', new nn.ReLU()]]);
    expect([...d.keys()]).toEqual(['b', 'c', 'd']);
    expect(d.get('b')).toBeInstanceOf(nn.ReLU);
    d.update(new Map([['e', new nn.Flatten()]]));
    expect(d.length).toBe(4);
    d.clear();
    expect(d.length).toBe(0);
    expect(String(d)).toBe('ModuleDict()');
  });

  test('errors: missing key, non-Module value, bad key', () => {
    const d = new nn.ModuleDict({ a: new nn.ReLU() });
    expectError(() => d.get('x'), "no module named 'x'");
    expectError(() => d.pop('x'), "no module named 'x'");
    expectError(() => d.set('b', 3), 'int is not a Module subclass');
    expectError(() => d.set('b.c', new nn.ReLU()), 'can\'t contain "."');
    const t = torch.zeros(1);
    expectError(() => new nn.ModuleDict({ a: t }), 'is not a Module subclass');
    expect([...d.keys()]).toEqual(['a']);
  });
});

describe('ParameterList and ParameterDict', () => {
  test('ParameterList append/extend/at/pl[i]; tensors become Parameters', () => {
    const p0 = new nn.Parameter(torch.zeros(2));
    const pl = new nn.ParameterList([p0]);
    expect(pl.append(torch.ones(3))).toBe(pl);
    pl.extend([torch.zeros(1, 2), new nn.Parameter(torch.zeros(4), false)]);
    expect(pl.length).toBe(4);
    expect(pl[0]).toBe(p0);
    expect(pl[1]).toBeInstanceOf(nn.Parameter);
    expect(pl[1].requires_grad).toBe(true);
    expect(pl.at(-1).requires_grad).toBe(false);
    expect([...pl].map((p) => p.shape)).toEqual([[2], [3], [1, 2], [4]]);
    expect(names(pl.named_parameters())).toEqual(['0', '1', '2', '3']);
    pl[0] = torch.full([5], 2);
    expect(pl[0].shape).toEqual([5]);
    expect(names(pl.named_parameters())).toEqual(['0', '1', '2', '3']);
  });

  test('ParameterList errors: index out of range, non-tensors; memory unchanged', () => {
    const pl = new nn.ParameterList([torch.zeros(1)]);
    const t = torch.zeros(1);
    expectError(() => pl.at(1), 'index 1 is out of range');
    expectError(() => pl.append('x'), 'expected a Tensor or Parameter, got str');
    expectError(() => { pl[9] = t; }, 'index 9 is out of range');
    expect(pl.length).toBe(1);
    // As in PyTorch, extend appends the items before a bad one.
    expect(thrown(() => pl.extend([t, 3])).message).toContain('got int');
    expect(pl.length).toBe(2);
  });

  test('ParameterDict get/set/has/keys/items/values/pop/update/setdefault', () => {
    const pd = new nn.ParameterDict({ a: torch.zeros(2) });
    expect(pd.get('a')).toBeInstanceOf(nn.Parameter);
    expect(pd.set('b', new nn.Parameter(torch.ones(1)))).toBe(pd);
    expect(pd.has('b')).toBe(true);
    expect([...pd.keys()]).toEqual(['a', 'b']);
    expect([...pd.values()].map((p) => p.shape)).toEqual([[2], [1]]);
    expect([...pd.items()].map(([k]) => k)).toEqual(['a', 'b']);
    const def = pd.setdefault('c', torch.zeros(3));
    expect(def.shape).toEqual([3]);
    expect(pd.setdefault('c', torch.zeros(9))).toBe(def);
    expect(pd.get('zz', null)).toBeNull();
    pd.update({ a: torch.ones(4), d: torch.zeros(1) });
    expect([...pd.keys()]).toEqual(['a', 'b', 'c', 'd']);
    expect(pd.get('a').shape).toEqual([4]);
    const b = pd.get('b');
    expect(pd.pop('b')).toBe(b);
    expect(names(pd.named_parameters())).toEqual(['a', 'c', 'd']);
    expect(pd.length).toBe(3);
  });

  test('ParameterDict errors: missing key, non-tensor values', () => {
    const pd = new nn.ParameterDict();
    const t = torch.zeros(1);
    expectError(() => pd.get('x'), "no parameter named 'x'");
    expectError(() => pd.pop('x'), "no parameter named 'x'");
    expectError(() => pd.set('x', 1), 'expected a Tensor or Parameter, got int');
    expectError(() => pd.set('x.y', t), 'can\'t contain "."');
    expect(pd.length).toBe(0);
  });
});

// Every layer whose PyTorch constructor takes the factory kwargs device and dtype, with small
// required arguments. webtorch holds float32 parameters on the CPU only: anything else must fail
// loudly (not be ignored), naming the layer, the argument, what is allowed and what was given.
const FACTORY_KWARGS_LAYERS = [
  ['Linear', [4, 2]], ['Bilinear', [2, 3, 4]], ['PReLU', []],
  ['Conv1d', [2, 4, 3]], ['Conv2d', [2, 4, 3]], ['Conv3d', [2, 4, 3]],
  ['ConvTranspose1d', [2, 4, 3]], ['ConvTranspose2d', [2, 4, 3]], ['ConvTranspose3d', [2, 4, 3]],
  ['Embedding', [10, 3]], ['EmbeddingBag', [10, 3]],
  ['BatchNorm1d', [4]], ['BatchNorm2d', [4]], ['BatchNorm3d', [4]],
  ['InstanceNorm1d', [4]], ['InstanceNorm2d', [4]], ['InstanceNorm3d', [4]], ['LayerNorm', [4]], ['GroupNorm', [2, 4]],
  ['RNN', [3, 4]], ['LSTM', [3, 4]], ['GRU', [3, 4]], ['RNNCell', [3, 4]], ['LSTMCell', [3, 4]], ['GRUCell', [3, 4]],
  ['MultiheadAttention', [4, 2]], ['TransformerEncoderLayer', [4, 2, 8]], ['TransformerDecoderLayer', [4, 2, 8]],
  ['Transformer', [4, 2, 1, 1, 8]],
];

describe('factory kwargs device and dtype', () => {
  test('the table lists exactly the layers whose constructor accepts device', () => {
    // bindArgs rejects an unknown option before it looks for missing arguments, so a layer
    // without the kwarg fails on the name itself. Identity ignores every argument, as in PyTorch.
    const skip = ['Module', 'Parameter', 'Sequential', 'ModuleList', 'ModuleDict', 'ParameterList', 'ParameterDict',
      'Identity'];
    const accepting = Object.entries(nn)
      .filter(([name, C]) => typeof C === 'function' && !skip.includes(name))
      .filter(([, C]) => !/unknown option 'device'/.test(thrown(() => new C({ device: 'meta' })).message))
      .map(([name]) => name);
    expect(accepting.sort()).toEqual(FACTORY_KWARGS_LAYERS.map(([name]) => name).sort());
  });

  test.each(FACTORY_KWARGS_LAYERS)('%s rejects a device other than cpu and a dtype other than float32', (name, args) => {
    expectError(() => new nn[name](...args, { device: 'cuda' }), `${name}: device must be None or 'cpu'`, "got 'cuda'");
    expectError(() => new nn[name](...args, { dtype: 'float64' }), `${name}: dtype must be None or torch.float32`,
      "got 'float64'");
    expectError(() => new nn[name](...args, { dtype: torch.int64 }), `${name}: dtype`, "got 'int64'");
    for (const kwargs of [{ device: 'cpu', dtype: torch.float32 }, { device: null, dtype: null }]) {
      const m = new nn[name](...args, kwargs);
      expect(m).toBeInstanceOf(nn[name]);
      for (const p of m.parameters()) expect(p.dtype).toBe('float32');
    }
  });
});
