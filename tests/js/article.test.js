// The seed article's "自定义模型层" and "functional 和 Module" examples, ported line by line
// (shared/seed/000_9736fc6e1631c38b.txt). Expected printed text, weights and outputs come from
// running the same Python in PyTorch 1.13 (tests/golden/cases_article.py); each example below
// sits in the same order as there.
import { readFileSync } from 'node:fs';
import { expect, test, describe, beforeAll } from '@jest/globals';
import torch, { nn, F } from '../../js/index.js';
import { Net } from '../../web-demo/models.js';
import { expectClose } from './golden.js';

const { cases } = JSON.parse(readFileSync(new URL('../golden/data/article.json', import.meta.url), 'utf8'));
let tensors;

beforeAll(async () => {
  await torch.ready();
  tensors = torch.load_safetensors(readFileSync(new URL('../golden/data/article.safetensors', import.meta.url)));
});

// Python's print(*args): str() of each argument joined by ' ', then '\n'. A JS `print` buffer
// stands in for stdout so that the article's loops read the same.
function capture(fn) {
  let out = '';
  const print = (...args) => { out += `${args.map(pyStr).join(' ')}\n`; };
  fn(print);
  return out;
}

function pyStr(v) {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return String(v);
}

// repr() of a Python tuple of (str, Parameter) and of a dict of str -> Module.
const pyTuple = (items) => `(${items.map((v) => (typeof v === 'string' ? `'${v}'` : pyStr(v))).join(', ')})`;
const pyDict = (entries) => `{${entries.map(([k, v]) => `'${k}': ${v}`).join(', ')}}`;

describe('functional', () => {
  test('torch.relu and F.relu print tensor(0.)', () => {
    const printed = capture((print) => {
      print(torch.relu(torch.tensor(-1.0)));
      print(F.relu(torch.tensor(-1.0)));
    });
    expect(printed).toBe(cases.relu.printed);
  });
});

describe('使用 Module 管理参数', () => {
  test('nn.Parameter(torch.randn(2, 2)) prints and requires grad', () => {
    torch.manual_seed(cases.parameter.seed);
    const printed = capture((print) => {
      const w = new nn.Parameter(torch.randn(2, 2));
      print(w);
      print(w.requires_grad);
    });
    expect(printed).toBe(cases.parameter.printed);
  });

  test('nn.ParameterList prints like PyTorch', () => {
    torch.manual_seed(cases.parameter_list.seed);
    const printed = capture((print) => {
      const params_list = new nn.ParameterList(
        [1, 2].map((i) => new nn.Parameter(torch.rand(8, i))),
      );
      print(params_list);
      print(params_list[0].requires_grad);
    });
    expect(printed).toBe(cases.parameter_list.printed);
  });

  test('nn.ParameterDict prints like PyTorch', () => {
    torch.manual_seed(cases.parameter_dict.seed);
    const printed = capture((print) => {
      const params_dict = new nn.ParameterDict({
        a: new nn.Parameter(torch.rand(2, 2)),
        b: new nn.Parameter(torch.zeros(2)),
      });
      print(params_dict);
      print(params_dict.get('a').requires_grad);
    });
    expect(printed).toBe(cases.parameter_dict.printed);
  });

  test('a bare nn.Module manages a Parameter, a ParameterList and a ParameterDict (5 parameters)', () => {
    torch.manual_seed(cases.module_params.seed);
    const printed = capture((print) => {
      const module = new nn.Module();
      module.w = new nn.Parameter(
        torch.randn(2, 2),
      );
      module.params_list = new nn.ParameterList(
        [1, 2].map((i) => new nn.Parameter(torch.rand(8, i))),
      );
      module.param_dict = new nn.ParameterDict({
        a: new nn.Parameter(torch.rand(2, 2)),
        b: new nn.Parameter(torch.zeros(2)),
      });

      let num_param = 0;
      for (const param of module.named_parameters()) {
        print(pyTuple(param), '\n');
        num_param = num_param + 1;
      }
      print(`Number of Parameters = ${num_param}`);
    });
    expect(printed).toBe(cases.module_params.printed);
  });
});

describe('自定义模型层', () => {
  class Linear extends nn.Module {
    static __constants__ = ['in_features', 'out_features'];

    constructor(in_features, out_features, bias = true) {
      super();
      this.in_features = in_features;
      this.out_features = out_features;
      this.weight = new nn.Parameter(
        torch.empty(out_features, in_features),
      );
      if (bias) {
        this.bias = new nn.Parameter(torch.empty(out_features));
      } else {
        this.register_parameter('bias', null);
      }
      this.reset_parameters();
    }

    reset_parameters() {
      nn.init.kaiming_uniform_(this.weight, Math.sqrt(5));
      if (this.bias !== null) {
        const [fan_in] = nn.init._calculate_fan_in_and_fan_out(
          this.weight,
        );
        const bound = 1 / Math.sqrt(fan_in);
        nn.init.uniform_(this.bias, -bound, bound);
      }
    }

    forward(input) {
      return F.linear(input, this.weight, this.bias);
    }

    // The article's backslash continuations keep the next line's indentation in the string;
    // a template literal's line continuation does the same.
    extra_repr() {
      return `in_features=${this.in_features}, \
                 out_features=${this.out_features}, \
                 bias=${this.bias !== null ? 'True' : 'False'}`;
    }
  }

  const c = () => cases.custom_linear;

  test('prints exactly what PyTorch prints for the class (runs of spaces included)', () => {
    expect(String(new Linear(5, 3))).toBe(c().repr);
    expect(String(new Linear(2, 6, false))).toBe(c().repr_no_bias);
    expect(Linear.__constants__).toEqual(c().constants);
  });

  test('same seed, same initial weights and same forward output as PyTorch', () => {
    torch.manual_seed(c().seed);
    const lin = new Linear(5, 3);
    expectClose(lin.weight, tensors[c().weight], { what: 'weight' });
    expectClose(lin.bias, tensors[c().bias], { what: 'bias' });
    const x = torch.randn(4, 5);
    expectClose(x, tensors[c().input], { what: 'input (torch.randn)' });
    expectClose(lin.forward(tensors[c().input]), tensors[c().output], { what: 'output' });
    const noBias = new Linear(2, 6, false);
    expect(noBias.bias).toBeNull();
    expect([...noBias.named_parameters()].map(([k]) => k)).toEqual(['weight']);
    expectClose(noBias.weight, tensors[c().no_bias_weight], { what: 'bias=False weight' });
  });
});

describe('使用 Module 管理子模块', () => {
  // The article's Net, with LAYERS.md's two mends, is the one the demo shows: web-demo/models.js.

  const c = () => cases.net;

  test('children(): 3 children printed as PyTorch prints them', () => {
    const net = new Net();
    const printed = capture((print) => {
      let i = 0;
      for (const child of net.children()) {
        i += 1;
        print(child, '\n');
      }
      print('child number', i);
    });
    expect(printed).toBe(c().children);
  });

  test('named_children(): 3 names and children', () => {
    const net = new Net();
    const printed = capture((print) => {
      let i = 0;
      for (const [name, child] of net.named_children()) {
        i += 1;
        print(name, ':', child, '\n');
      }
      print('child number', i);
    });
    expect(printed).toBe(c().named_children);
  });

  test('modules(): 12 modules, one printed repr each', () => {
    const net = new Net();
    const printed = capture((print) => {
      let i = 0;
      for (const module of net.modules()) {
        i += 1;
        print(module);
      }
      print('module number:', i);
    });
    expect(printed).toBe(c().modules);
    expect([...net.modules()].length).toBe(12);
  });

  test('children_dict, then freezing the embedding: requires_grad false, 30000 parameters', () => {
    const net = new Net();
    const printed = capture((print) => {
      const children_dict = Object.fromEntries(net.named_children());
      print(pyDict(Object.entries(children_dict)));

      const embedding = children_dict.embedding;
      embedding.requires_grad_(false);
      print(embedding);

      for (const param of embedding.parameters()) {
        print(param.requires_grad);
        print(param.numel());
      }
    });
    expect(printed).toBe(c().children_dict);
    expect(Object.fromEntries([...net.named_parameters()].map(([k, p]) => [k, p.requires_grad]))).toEqual(c().requires_grad);
  });

  test('forward on a [2, 200] int64 index tensor equals PyTorch for the same weights', () => {
    torch.manual_seed(c().seed);
    const net = new Net();
    const sd = Object.fromEntries(Object.entries(c().state_dict).map(([k, key]) => [k, tensors[key]]));
    expect(Object.keys(net.state_dict())).toEqual(Object.keys(sd));
    // Uniform draws are PyTorch's own numbers; the embedding's normal_ is within float rounding.
    for (const [k, v] of Object.entries(net.state_dict())) expectClose(v, sd[k], { rtol: 1e-4, atol: 1e-5, what: `initial ${k}` });
    expect(net.load_state_dict(sd)).toEqual({ missing_keys: [], unexpected_keys: [] });
    const x = tensors[c().input];
    expect(x.dtype).toBe('int64');
    expect(x.shape).toEqual([2, 200]);
    const before = torch.memory_allocated();
    const y = net.forward(x);
    expectClose(y, tensors[c().output], { what: 'Net output' });
    y.dispose();
    expect(torch.memory_allocated()).toBe(before);
  });

  test("the article's typo num_embedding= fails loudly, as in PyTorch", () => {
    expect(c()).toBeDefined();
    expect(cases.typo.error).toContain("unexpected keyword argument 'num_embedding'");
    expect(() => new nn.Embedding({ num_embedding: 10000, embedding_dim: 3, padding_idx: 1 }))
      .toThrow(/Embedding.*unknown option 'num_embedding'/);
  });
});
