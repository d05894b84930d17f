// Containers: Sequential, ModuleList, ModuleDict, ParameterList, ParameterDict.
// List-like containers have `length`, iterate with for...of, and index with at(i) or seq[i]
// (negative too); dict-like ones use get/set/has/keys/items/values/pop.

import { Module, typename } from './module.js';
import { Tensor, Parameter, keep } from '../tensor.js';
import { isOptions, describe } from '../args.js';

function markIndexable(m) {
  Object.defineProperty(m, '_indexable', { value: true, enumerable: false });
}

function absIndex(who, idx, n) {
  if (typeof idx !== 'number' || !Number.isInteger(idx)) throw new Error(`${who}: index must be an integer, got ${describe(idx)}`);
  if (idx < -n || idx >= n) throw new Error(`${who}: index ${idx} is out of range`);
  return idx < 0 ? idx + n : idx;
}

function checkModule(who, m) {
  if (!(m instanceof Module)) throw new Error(`${who}: ${typename(m)} is not a Module subclass`);
  return m;
}

// Re-key `_modules` as "0", "1", ... keeping order (what PyTorch does after a deletion).
function renumber(m, values) {
  m._modules.clear();
  values.forEach((v, i) => m._modules.set(String(i), v));
}

/** Shared list behaviour of Sequential and ModuleList. */
class ModuleSequence extends Module {
  get length() {
    return this._modules.size;
  }

  [Symbol.iterator]() {
    return this._modules.values();
  }

  at(idx) {
    const keys = [...this._modules.keys()];
    return this._modules.get(keys[absIndex(this._get_name(), idx, keys.length)]);
  }

  _setItem(idx, module) {
    const keys = [...this._modules.keys()];
    this.add_module(keys[absIndex(this._get_name(), idx, keys.length)], checkModule(this._get_name(), module));
  }

  append(module) {
    this.add_module(String(this.length), checkModule(`${this._get_name()}.append`, module));
    return this;
  }

  extend(modules) {
    for (const m of modules) this.append(m);
    return this;
  }

  insert(index, module) {
    checkModule(`${this._get_name()}.insert`, module);
    const n = this.length;
    if (!Number.isInteger(index) || index < -n || index > n) throw new Error(`${this._get_name()}.insert: Index out of range: ${index}`);
    const at = index < 0 ? index + n : index;
    const values = [...this._modules.values()];
    values.splice(at, 0, module);
    renumber(this, values);
    return this;
  }

  pop(index = -1) {
    const values = [...this._modules.values()];
    const at = absIndex(`${this._get_name()}.pop`, index, values.length);
    const [removed] = values.splice(at, 1);
    renumber(this, values);
    return removed;
  }
}

/** nn.Sequential(...modules) or nn.Sequential({ name: module, ... }) */
export class Sequential extends ModuleSequence {
  constructor(...args) {
    super();
    markIndexable(this);
    if (args.length === 1 && isOptions(args[0])) {
      for (const [name, m] of Object.entries(args[0])) this.add_module(name, checkModule('Sequential', m));
    } else {
      args.forEach((m, i) => this.add_module(String(i), checkModule('Sequential', m)));
    }
  }

  /** A new Sequential of modules [start, end) keeping their names, like seq[start:end]. */
  slice(start = 0, end = this.length) {
    const out = new Sequential();
    for (const [k, v] of [...this._modules.entries()].slice(start, end)) out.add_module(k, v);
    return out;
  }

  forward(input) {
    for (const module of this) input = module.forward(input);
    return input;
  }
}

/** nn.ModuleList(modules = null) */
export class ModuleList extends ModuleSequence {
  constructor(modules = null) {
    super();
    markIndexable(this);
    if (modules !== null) this.extend(modules);
  }

  slice(start = 0, end = this.length) {
    return new ModuleList([...this._modules.values()].slice(start, end));
  }
}

/** nn.ModuleDict(modules = null): modules as an object, a Map or [key, module] pairs. */
export class ModuleDict extends Module {
  constructor(modules = null) {
    super();
    if (modules !== null) this.update(modules);
  }

  get length() {
    return this._modules.size;
  }

  [Symbol.iterator]() {
    return this._modules.keys();
  }

  get(key) {
    if (!this._modules.has(key)) throw new Error(`ModuleDict: no module named ${describe(key)}`);
    return this._modules.get(key);
  }

  set(key, module) {
    this.add_module(key, checkModule('ModuleDict', module));
    return this;
  }

  has(key) {
    return this._modules.has(key);
  }

  pop(key) {
    const v = this.get(key);
    this._modules.delete(key);
    return v;
  }

  clear() {
    this._modules.clear();
  }

  keys() {
    return this._modules.keys();
  }

  values() {
    return this._modules.values();
  }

  items() {
    return this._modules.entries();
  }

  update(modules) {
    const pairs = modules instanceof Map || Array.isArray(modules) ? modules : Object.entries(modules);
    for (const [k, m] of pairs) this.set(k, m);
  }
}

// Store value (a Tensor becomes a Parameter) under key, keeping the key's place if it exists.
function putParameter(who, m, key, value) {
  const p = value instanceof Tensor && !(value instanceof Parameter) ? new Parameter(value) : value;
  if (!(p instanceof Parameter)) throw new Error(`${who}: expected a Tensor or Parameter, got ${typename(value)}`);
  if (m._parameters.has(key)) m._parameters.set(key, keep(p));
  else m.register_parameter(key, p);
}

function sizeStr(p) {
  return p._shape.join('x');
}

/** nn.ParameterList(values = null) */
export class ParameterList extends Module {
  constructor(values = null) {
    super();
    markIndexable(this);
    Object.defineProperty(this, '_size', { value: 0, writable: true, enumerable: false });
    if (values !== null) this.extend(values);
  }

  get length() {
    return this._size;
  }

  *[Symbol.iterator]() {
    for (let i = 0; i < this._size; i++) yield this.at(i);
  }

  at(idx) {
    return this._parameters.get(String(absIndex('ParameterList', idx, this._size)));
  }

  _setItem(idx, param) {
    putParameter('ParameterList', this, String(absIndex('ParameterList', idx, this._size)), param);
  }

  append(value) {
    this._size += 1;
    try {
      this._setItem(this._size - 1, value);
    } catch (err) {
      this._size -= 1;
      throw err;
    }
    return this;
  }

  extend(values) {
    for (const v of values) this.append(v);
    return this;
  }

  extra_repr() {
    const lines = [];
    for (let i = 0; i < this._size; i++) {
      const p = this.at(i);
      lines.push(`  (${i}): Parameter containing: [torch.${p.dtype} of size ${sizeStr(p)}]`);
    }
    return lines.join('\n');
  }
}

/** nn.ParameterDict(parameters = null): an object, a Map or [key, tensor] pairs. */
export class ParameterDict extends Module {
  constructor(parameters = null) {
    super();
    if (parameters !== null) this.update(parameters);
  }

  get length() {
    return this._parameters.size;
  }

  [Symbol.iterator]() {
    return this._parameters.keys();
  }

  get(key, defaultValue) {
    if (this._parameters.has(key)) return this._parameters.get(key);
    if (arguments.length > 1) return defaultValue;
    throw new Error(`ParameterDict: no parameter named ${describe(key)}`);
  }

  set(key, value) {
    putParameter('ParameterDict', this, key, value);
    return this;
  }

  has(key) {
    return this._parameters.has(key);
  }

  setdefault(key, value = null) {
    if (!this.has(key)) this.set(key, value);
    return this.get(key);
  }

  pop(key) {
    const v = this.get(key);
    this._parameters.delete(key);
    return v;
  }

  clear() {
    this._parameters.clear();
  }

  keys() {
    return this._parameters.keys();
  }

  values() {
    return this._parameters.values();
  }

  items() {
    return this._parameters.entries();
  }

  update(parameters) {
    const pairs = parameters instanceof Map || Array.isArray(parameters) ? parameters : Object.entries(parameters);
    for (const [k, v] of pairs) this.set(k, v);
  }

  extra_repr() {
    const lines = [];
    for (const [k, p] of this._parameters) {
      lines.push(`  (${k}): Parameter containing: [${typename(p)} of size ${sizeStr(p)}]`);
    }
    return lines.join('\n');
  }
}
