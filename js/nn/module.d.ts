// Types of nn.Module (js/nn/module.js) and the argument-passing convention every layer and F.*
// function shares. See docs/nn.md.

import { Tensor, Parameter, Dtype } from '../tensor.js';

/** All prefixes of a tuple: [] | [A] | [A, B] | ... */
export type Prefixes<T extends unknown[]> = T extends [...infer Init, unknown] ? T | Prefixes<Init> : [];

/**
 * PyTorch's calling convention in JS: the required positional parameters (Req), then any prefix of
 * the optional ones (Opt), then optionally one options object with PyTorch's keyword names (K) —
 * or every argument by name in one object.
 *   new nn.Conv1d(3, 16, 5)   new nn.Conv1d(3, 16, 5, 2, { padding: 'same' })
 *   new nn.Conv1d({ in_channels: 3, out_channels: 16, kernel_size: 5 })
 */
export type PyArgs<Req extends unknown[], Opt extends unknown[], K> =
  | [...Req, ...Prefixes<Opt>]
  | [...Req, ...Prefixes<Opt>, Partial<K>]
  | (Req extends [] ? never : [K]);

/** An int or a tuple (array) of ints, as PyTorch's _single/_pair/_triple accept. */
export type IntOrTuple = number | number[];
/** Accepted and ignored: webtorch has one device. */
export type Device = 'cpu' | null;
/** Parameters are float32: the one dtype a layer's factory kwargs accept. */
export type FactoryDtype = 'float32' | null;
/** Factory keyword arguments PyTorch's layers take (anything else throws). */
export interface FactoryKwargs {
  device?: Device;
  dtype?: FactoryDtype;
}

/** What module.remove()-able hook registration returns. */
export interface RemovableHandle {
  remove(): void;
}

export type ForwardHook<M extends Module = Module> = (module: M, args: unknown[], output: any) => any;
export type ForwardPreHook<M extends Module = Module> = (module: M, args: unknown[]) => any;

/**
 * nn.Module, generic over forward's signature: `class Net extends nn.Module<[Tensor], Tensor>`.
 * Assigning a Module, Parameter, ParameterList or ParameterDict to an attribute registers it, so
 * registered children and parameters are also reachable as attributes (typed `any` unless declared).
 */
export class Module<Args extends any[] = any[], Out = any> {
  constructor();
  [attribute: string]: any;
  training: boolean;
  /** Runs the module (forward pre-hooks and hooks included) in a tidy scope. */
  forward(...args: Args): Out;

  register_parameter(name: string, param: Parameter | null): void;
  register_buffer(name: string, tensor: Tensor | null, persistent?: boolean | { persistent?: boolean }): void;
  add_module(name: string, module: Module | null): void;
  register_module(name: string, module: Module | null): void;
  get_submodule(target?: string): Module;

  named_modules(memo?: Set<Module> | null, prefix?: string, remove_duplicate?: boolean): IterableIterator<[string, Module]>;
  named_modules(options: { memo?: Set<Module> | null; prefix?: string; remove_duplicate?: boolean }): IterableIterator<[string, Module]>;
  modules(): IterableIterator<Module>;
  named_children(): IterableIterator<[string, Module]>;
  children(): IterableIterator<Module>;
  named_parameters(prefix?: string, recurse?: boolean, remove_duplicate?: boolean): IterableIterator<[string, Parameter]>;
  named_parameters(options: { prefix?: string; recurse?: boolean; remove_duplicate?: boolean }): IterableIterator<[string, Parameter]>;
  parameters(recurse?: boolean | { recurse?: boolean }): IterableIterator<Parameter>;
  named_buffers(prefix?: string, recurse?: boolean, remove_duplicate?: boolean): IterableIterator<[string, Tensor]>;
  named_buffers(options: { prefix?: string; recurse?: boolean; remove_duplicate?: boolean }): IterableIterator<[string, Tensor]>;
  buffers(recurse?: boolean | { recurse?: boolean }): IterableIterator<Tensor>;

  /** name -> tensor (detached handles sharing the module's storage), parameters then persistent buffers. */
  state_dict(options?: { destination?: Record<string, Tensor> | null; prefix?: string; keep_vars?: boolean }): Record<string, Tensor>;
  /** Checks everything before copying anything; throws on a mismatch when strict (the default). */
  load_state_dict(state_dict: Record<string, Tensor>, options?: { strict?: boolean } | boolean):
    { missing_keys: string[]; unexpected_keys: string[] };

  train(mode?: boolean): this;
  eval(): this;
  requires_grad_(requires_grad?: boolean): this;
  zero_grad(set_to_none?: boolean | { set_to_none?: boolean }): void;
  apply(fn: (module: Module) => void): this;
  /** dtype only: webtorch has one floating dtype, so this checks it and returns the module. */
  to(dtype: 'float32'): this;

  register_forward_hook(hook: ForwardHook<this>): RemovableHandle;
  register_forward_pre_hook(hook: ForwardPreHook<this>): RemovableHandle;

  /** The class name PyTorch prints (e.g. 'Conv1d'). */
  _get_name(): string;
  extra_repr(): string;
  /** Byte-identical to PyTorch's print(module). */
  toString(): string;
}
