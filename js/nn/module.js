// nn.Module: PyTorch's module system in JS.
//
// The constructor returns a Proxy, so `this.fc = new nn.Linear(...)` in a subclass constructor
// registers a child module exactly as Python's __setattr__ does (and a Parameter registers a
// parameter, a tensor assigned to a buffer's name replaces the buffer). Reading `m.forward`
// returns the forward wrapped with hooks and a tidy scope, so intermediates are freed.

import { Tensor, Parameter, tidy, keep } from '../tensor.js';
import { describe, isOptions, bindArgs } from '../args.js';

const TYPE_NAMES = { float32: 'torch.FloatTensor', int64: 'torch.LongTensor', int32: 'torch.IntTensor', bool: 'torch.BoolTensor' };

/** Python's torch.typename(v) for error messages. */
export function typename(v) {
  if (v instanceof Tensor) return TYPE_NAMES[v.dtype];
  if (v === null) return 'NoneType';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (typeof v === 'string') return 'str';
  if (typeof v === 'boolean') return 'bool';
  return describe(v);
}

export function addIndent(s, numSpaces) {
  const lines = s.split('\n');
  if (lines.length === 1) return s;
  const pad = ' '.repeat(numSpaces);
  return [lines[0], ...lines.slice(1).map((l) => pad + l)].join('\n');
}

let nextHookId = 0;

class RemovableHandle {
  constructor(map, id) {
    this._map = map;
    this.id = id;
  }

  remove() {
    this._map.delete(this.id);
  }
}

function checkName(kind, name, target) {
  if (typeof name !== 'string') throw new Error(`${kind} name should be a string. Got ${describe(name)}`);
  if (name.includes('.')) throw new Error(`${kind} name can't contain ".", got: ${name}`);
  if (name === '') throw new Error(`${kind} name can't be empty string ""`);
  if (target && Object.prototype.hasOwnProperty.call(target, name)) {
    throw new Error(`attribute '${name}' already exists`);
  }
}

// Python's Module.__setattr__.
function setAttr(target, name, value) {
  if (value instanceof Parameter) {
    target._buffers.delete(name);
    target._modules.delete(name);
    delete target[name];
    target._nonPersistent.delete(name);
    registerParameter(target, name, value);
  } else if (target._parameters.has(name)) {
    if (value !== null) {
      throw new Error(`cannot assign '${typename(value)}' as parameter '${name}' (torch.nn.Parameter or None expected)`);
    }
    target._parameters.set(name, null);
  } else if (value instanceof Module) {
    target._parameters.delete(name);
    target._buffers.delete(name);
    delete target[name];
    target._modules.set(name, value);
  } else if (target._modules.has(name)) {
    if (value !== null) {
      throw new Error(`cannot assign '${typename(value)}' as child module '${name}' (torch.nn.Module or None expected)`);
    }
    target._modules.set(name, null);
  } else if (target._buffers.has(name)) {
    if (value !== null && !(value instanceof Tensor)) {
      throw new Error(`cannot assign '${typename(value)}' as buffer '${name}' (torch.Tensor or None expected)`);
    }
    target._buffers.set(name, value === null ? null : keep(value));
  } else {
    target[name] = value;
  }
}

function registerParameter(target, name, param) {
  checkName('parameter', name, null);
  if (Object.prototype.hasOwnProperty.call(target, name) || target._buffers.has(name) || target._modules.has(name)) {
    throw new Error(`attribute '${name}' already exists`);
  }
  if (param !== null && !(param instanceof Parameter)) {
    throw new Error(`cannot assign '${typename(param)}' object to parameter '${name}' (torch.nn.Parameter or None required)`);
  }
  target._parameters.set(name, param === null ? null : keep(param));
}

const INDEX = /^-?\d+$/;

const handler = {
  // Python's order: class members and plain attributes first, then __getattr__'s registries.
  get(target, prop, receiver) {
    if (prop === 'forward') return wrappedForward(target, receiver);
    if (typeof prop === 'string' && !(prop in target)) {
      if (target._indexable && INDEX.test(prop)) return receiver.at(Number(prop));
      if (target._parameters.has(prop)) return target._parameters.get(prop);
      if (target._buffers.has(prop)) return target._buffers.get(prop);
      if (target._modules.has(prop)) return target._modules.get(prop);
    }
    return Reflect.get(target, prop, receiver);
  },
  set(target, prop, value, receiver) {
    if (typeof prop !== 'string' || prop === 'training') return Reflect.set(target, prop, value, target);
    if (target._indexable && INDEX.test(prop)) {
      receiver._setItem(Number(prop), value);
      return true;
    }
    setAttr(target, prop, value);
    return true;
  },
  defineProperty(target, prop, desc) {
    // Class fields (`conv = new nn.Conv1d(...)`) are defined, not assigned: register them too.
    if (typeof prop === 'string' && 'value' in desc && (desc.value instanceof Module || desc.value instanceof Parameter
        || target._parameters.has(prop) || target._buffers.has(prop) || target._modules.has(prop))) {
      setAttr(target, prop, desc.value);
      return true;
    }
    return Reflect.defineProperty(target, prop, desc);
  },
  has(target, prop) {
    if (typeof prop === 'string' && (target._parameters.has(prop) || target._buffers.has(prop) || target._modules.has(prop))) {
      return true;
    }
    return Reflect.has(target, prop);
  },
  deleteProperty(target, prop) {
    if (typeof prop === 'string') {
      if (target._parameters.delete(prop) || target._modules.delete(prop)) return true;
      if (target._buffers.delete(prop)) {
        target._nonPersistent.delete(prop);
        return true;
      }
    }
    return Reflect.deleteProperty(target, prop);
  },
};

function wrappedForward(target, receiver) {
  const fwd = Reflect.get(target, 'forward', receiver);
  if (target._wrapped && target._wrapped.raw === fwd) return target._wrapped.fn;
  const fn = (...args) => tidy(() => {
    for (const hook of target._forward_pre_hooks.values()) {
      const r = hook(receiver, args);
      if (r !== undefined && r !== null) args = Array.isArray(r) ? r : [r];
    }
    let result = fwd.apply(receiver, args);
    for (const hook of target._forward_hooks.values()) {
      const r = hook(receiver, args, result);
      if (r !== undefined && r !== null) result = r;
    }
    return result;
  });
  Object.defineProperty(target, '_wrapped', { value: { raw: fwd, fn }, writable: true, configurable: true });
  return fn;
}

export class Module {
  constructor() {
    const hidden = (value) => ({ value, writable: true, configurable: true, enumerable: false });
    Object.defineProperties(this, {
      _parameters: hidden(new Map()),
      _buffers: hidden(new Map()),
      _nonPersistent: hidden(new Set()),
      _modules: hidden(new Map()),
      _forward_hooks: hidden(new Map()),
      _forward_pre_hooks: hidden(new Map()),
    });
    this.training = true;
    return new Proxy(this, handler);
  }

  forward() {
    throw new Error(`Module [${this._get_name()}] is missing the required "forward" function`);
  }

  _get_name() {
    return this.constructor.name;
  }

  // -- registration --

  register_parameter(name, param) {
    registerParameter(this, name, param);
  }

  register_buffer(name, tensor, persistent = true) {
    if (isOptions(persistent)) persistent = bindArgs('register_buffer', [persistent], [['persistent', true]]).persistent;
    const target = this;
    checkName('buffer', name, null);
    if ((Object.prototype.hasOwnProperty.call(target, name) || target._parameters.has(name) || target._modules.has(name))
        && !target._buffers.has(name)) {
      throw new Error(`attribute '${name}' already exists`);
    }
    if (tensor !== null && !(tensor instanceof Tensor)) {
      throw new Error(`cannot assign '${typename(tensor)}' object to buffer '${name}' (torch Tensor or None required)`);
    }
    target._buffers.set(name, tensor === null ? null : keep(tensor));
    if (persistent) target._nonPersistent.delete(name);
    else target._nonPersistent.add(name);
  }

  add_module(name, module) {
    const target = this;
    if (module !== null && !(module instanceof Module)) throw new Error(`${typename(module)} is not a Module subclass`);
    checkName('module', name, null);
    if (Object.prototype.hasOwnProperty.call(target, name) && !target._modules.has(name)) {
      throw new Error(`attribute '${name}' already exists`);
    }
    target._modules.set(name, module);
  }

  register_module(name, module) {
    this.add_module(name, module);
  }

  get_submodule(target = '') {
    if (target === '') return this;
    let mod = this;
    for (const item of target.split('.')) {
      if (!mod._modules.has(item)) throw new Error(`${mod._get_name()} has no attribute \`${item}\``);
      mod = mod._modules.get(item);
      if (!(mod instanceof Module)) throw new Error(`\`${item}\` is not an nn.Module`);
    }
    return mod;
  }

  // -- iteration --

  *named_modules(memo = null, prefix = '', remove_duplicate = true) {
    if (isOptions(memo)) ({ memo, prefix, remove_duplicate } = bindArgs('named_modules', [memo], [['memo', null], ['prefix', ''], ['remove_duplicate', true]]));
    memo = memo ?? new Set();
    if (remove_duplicate && memo.has(this)) return;
    if (remove_duplicate) memo.add(this);
    yield [prefix, this];
    for (const [name, module] of this._modules) {
      if (module === null) continue;
      yield* module.named_modules(memo, prefix + (prefix ? '.' : '') + name, remove_duplicate);
    }
  }

  *modules() {
    for (const [, m] of this.named_modules()) yield m;
  }

  *named_children() {
    const memo = new Set();
    for (const [name, module] of this._modules) {
      if (module !== null && !memo.has(module)) {
        memo.add(module);
        yield [name, module];
      }
    }
  }

  *children() {
    for (const [, m] of this.named_children()) yield m;
  }

  *_named_members(getMembers, prefix, recurse, removeDuplicate) {
    const memo = new Set();
    const modules = recurse ? this.named_modules(null, prefix, removeDuplicate) : [[prefix, this]];
    for (const [modPrefix, module] of modules) {
      for (const [k, v] of getMembers(module)) {
        if (v === null || memo.has(v)) continue;
        if (removeDuplicate) memo.add(v);
        yield [modPrefix + (modPrefix ? '.' : '') + k, v];
      }
    }
  }

  *named_parameters(prefix = '', recurse = true, remove_duplicate = true) {
    if (isOptions(prefix)) ({ prefix, recurse, remove_duplicate } = bindArgs('named_parameters', [prefix], [['prefix', ''], ['recurse', true], ['remove_duplicate', true]]));
    yield* this._named_members((m) => m._parameters, prefix, recurse, remove_duplicate);
  }

  *parameters(recurse = true) {
    if (isOptions(recurse)) ({ recurse } = bindArgs('parameters', [recurse], [['recurse', true]]));
    for (const [, p] of this.named_parameters('', recurse)) yield p;
  }

  *named_buffers(prefix = '', recurse = true, remove_duplicate = true) {
    if (isOptions(prefix)) ({ prefix, recurse, remove_duplicate } = bindArgs('named_buffers', [prefix], [['prefix', ''], ['recurse', true], ['remove_duplicate', true]]));
    yield* this._named_members((m) => m._buffers, prefix, recurse, remove_duplicate);
  }

  *buffers(recurse = true) {
    if (isOptions(recurse)) ({ recurse } = bindArgs('buffers', [recurse], [['recurse', true]]));
    for (const [, b] of this.named_buffers('', recurse)) yield b;
  }

  // -- state --

  /**
   * An object of name -> tensor (parameters and persistent buffers, children's after the module's
   * own). The tensors are detached handles sharing the module's storage.
   */
  state_dict(options = {}) {
    const o = bindArgs('state_dict', [options], [['destination', null], ['prefix', ''], ['keep_vars', false]]);
    const dest = o.destination ?? {};
    const visit = (module, prefix) => {
      for (const [name, p] of module._parameters) {
        if (p !== null) defineKey(dest, prefix + name, o.keep_vars ? p : p.detach());
      }
      for (const [name, b] of module._buffers) {
        if (b !== null && !module._nonPersistent.has(name)) defineKey(dest, prefix + name, o.keep_vars ? b : b.detach());
      }
      for (const [name, child] of module._modules) {
        if (child !== null) visit(child, `${prefix}${name}.`);
      }
    };
    visit(this, o.prefix);
    return dest;
  }

  /**
   * Copy tensors from state_dict into this module's parameters and buffers. Everything is checked
   * before anything is copied, so a failing load leaves the module unchanged.
   * Returns { missing_keys, unexpected_keys }.
   */
  load_state_dict(state_dict, options = {}) {
    if (isOptions(options) === false && typeof options === 'boolean') options = { strict: options };
    const { strict } = bindArgs('load_state_dict', [options], [['strict', true]]);
    if (state_dict === null || typeof state_dict !== 'object' || state_dict instanceof Tensor) {
      throw new Error(`load_state_dict: expected an object of name -> Tensor, got ${describe(state_dict)}`);
    }
    const entries = state_dict instanceof Map ? new Map(state_dict) : new Map(Object.entries(state_dict));
    const missing = [];
    const unexpected = [];
    const errors = [];
    const copies = [];
    const visit = (module, prefix) => {
      const local = new Map();
      for (const [n, p] of module._parameters) if (p !== null) local.set(n, p);
      for (const [n, b] of module._buffers) if (b !== null && !module._nonPersistent.has(n)) local.set(n, b);
      for (const [name, param] of local) {
        const key = prefix + name;
        if (!entries.has(key)) {
          missing.push(key);
          continue;
        }
        let input = entries.get(key);
        if (!(input instanceof Tensor)) {
          errors.push(`While copying the parameter named "${key}", expected torch.Tensor or Tensor-like object from ` +
            `checkpoint but received ${typename(input)}`);
          continue;
        }
        if (input.isDisposed) {
          errors.push(`While copying the parameter named "${key}", the checkpoint's tensor was disposed`);
          continue;
        }
        if (param._shape.length === 0 && input._shape.length === 1 && input._shape[0] === 1) input = input.reshape([]);
        if (input._shape.length !== param._shape.length || input._shape.some((s, i) => s !== param._shape[i])) {
          errors.push(`size mismatch for ${key}: copying a param with shape [${input._shape.join(', ')}] from ` +
            `checkpoint, the shape in current model is [${param._shape.join(', ')}].`);
          continue;
        }
        copies.push([param, input]);
      }
      // Collected in non-strict mode too: PyTorch returns them there instead of raising.
      for (const key of entries.keys()) {
        if (!key.startsWith(prefix)) continue;
        const first = key.slice(prefix.length).split('.', 1)[0];
        if (!module._modules.has(first) && !local.has(first)) unexpected.push(key);
      }
      for (const [name, child] of module._modules) {
        if (child !== null) visit(child, `${prefix}${name}.`);
      }
    };
    visit(this, '');
    if (strict) {
      if (unexpected.length) errors.unshift(`Unexpected key(s) in state_dict: ${unexpected.map((k) => `"${k}"`).join(', ')}. `);
      if (missing.length) errors.unshift(`Missing key(s) in state_dict: ${missing.map((k) => `"${k}"`).join(', ')}. `);
    }
    if (errors.length) {
      throw new Error(`Error(s) in loading state_dict for ${this._get_name()}:\n\t${errors.join('\n\t')}`);
    }
    tidy(() => {
      for (const [param, input] of copies) param.copy_(input);
    });
    this._onLoad();
    return { missing_keys: missing, unexpected_keys: unexpected };
  }

  /** Called on every module after a load (layers that cache derived data refresh it here). */
  _onLoad() {
    for (const m of this._modules.values()) if (m !== null) m._onLoad();
  }

  // -- modes --

  train(mode = true) {
    if (typeof mode !== 'boolean') throw new Error(`training mode is expected to be boolean, got ${describe(mode)}`);
    this.training = mode;
    for (const m of this.children()) m.train(mode);
    return this;
  }

  eval() {
    return this.train(false);
  }

  requires_grad_(requires_grad = true) {
    for (const p of this.parameters()) p.requires_grad_(requires_grad);
    return this;
  }

  zero_grad(set_to_none = false) {
    if (isOptions(set_to_none)) ({ set_to_none } = bindArgs('zero_grad', [set_to_none], [['set_to_none', false]]));
    for (const p of this.parameters()) {
      if (p.grad === null) continue;
      if (set_to_none) {
        p.grad.dispose();
        p.grad = null;
      } else {
        p.grad.zero_();
      }
    }
  }

  apply(fn) {
    for (const m of this.children()) m.apply(fn);
    fn(this);
    return this;
  }

  /** Module.to(dtype): webtorch has one floating dtype, so this checks the dtype and returns the module. */
  to(dtype) {
    if (dtype !== 'float32') {
      throw new Error(`nn.Module.to only accepts floating point dtypes, but got desired dtype=${describe(dtype)}`);
    }
    return this;
  }

  // -- hooks --

  register_forward_hook(hook) {
    if (typeof hook !== 'function') throw new Error(`register_forward_hook: expected a function, got ${describe(hook)}`);
    const id = nextHookId++;
    this._forward_hooks.set(id, hook);
    return new RemovableHandle(this._forward_hooks, id);
  }

  register_forward_pre_hook(hook) {
    if (typeof hook !== 'function') throw new Error(`register_forward_pre_hook: expected a function, got ${describe(hook)}`);
    const id = nextHookId++;
    this._forward_pre_hooks.set(id, hook);
    return new RemovableHandle(this._forward_pre_hooks, id);
  }

  // -- printing --

  extra_repr() {
    return '';
  }

  toString() {
    const extra = this.extra_repr();
    const extraLines = extra ? extra.split('\n') : [];
    const childLines = [];
    for (const [key, module] of this._modules) {
      childLines.push(`(${key}): ${addIndent(module === null ? 'None' : module.toString(), 2)}`);
    }
    const lines = [...extraLines, ...childLines];
    let main = `${this._get_name()}(`;
    if (lines.length) {
      if (extraLines.length === 1 && childLines.length === 0) main += extraLines[0];
      else main += `\n  ${lines.join('\n  ')}\n`;
    }
    return `${main})`;
  }

  [Symbol.for('nodejs.util.inspect.custom')]() {
    return this.toString();
  }
}

// `dest[key] = value` that cannot touch a prototype, whatever the key.
function defineKey(dest, key, value) {
  Object.defineProperty(dest, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * Python's copy.deepcopy(module) for any module tree (TransformerEncoder's layer clones): a new
 * tree of the same classes, built without running constructors, with its own copies of every
 * parameter, buffer, child, hook table and plain attribute. As with Python's memo, an object
 * shared inside the tree is shared in the copy too; functions (e.g. an activation) are shared
 * with the original, as deepcopy shares them. Classes that keep state in #private fields
 * cannot be copied this way.
 */
export function deepcopy(value) {
  const copy = copyValue(value, new Map());
  // Caches skipped by the copy (packed weights) are rebuilt now, as after a load.
  if (copy instanceof Module) copy._onLoad();
  return copy;
}

function copyValue(value, memo) {
  if (value === null || (typeof value !== 'object')) return value;
  if (memo.has(value)) return memo.get(value);
  let copy;
  if (value instanceof Tensor) {
    const data = value.detach().clone();
    copy = value instanceof Parameter ? new Parameter(data, value.requires_grad) : keep(data);
    if (copy !== data) data.dispose();
    copy.requires_grad = value.requires_grad;
  } else if (value instanceof Map) {
    copy = new Map();
    memo.set(value, copy);
    for (const [k, v] of value) copy.set(k, copyValue(v, memo));
  } else if (value instanceof Set) {
    copy = new Set(value);
  } else if (Array.isArray(value) || value instanceof Module || isOptions(value)) {
    const raw = Array.isArray(value) ? [] : Object.create(Object.getPrototypeOf(value));
    copy = value instanceof Module ? new Proxy(raw, handler) : raw;
    memo.set(value, copy);
    for (const key of Reflect.ownKeys(value)) {
      // Caches derived from the original (its bound forward, packed GEMM weights) are rebuilt on use.
      if (key === '_wrapped' || key === '_packedWeights') continue;
      const desc = Reflect.getOwnPropertyDescriptor(value, key);
      if ('value' in desc) desc.value = copyValue(desc.value, memo);
      Reflect.defineProperty(raw, key, desc);
    }
  } else {
    return value; // other objects (typed arrays, class instances) are kept by reference
  }
  memo.set(value, copy);
  return copy;
}
