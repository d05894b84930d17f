// torch.nn

export { Module } from './module.js';
export { Parameter } from '../tensor.js';
export { Sequential, ModuleList, ModuleDict, ParameterList, ParameterDict } from './container.js';
export { Identity, Linear, Bilinear } from './modules/linear.js';
export { Flatten, Unflatten } from './modules/flatten.js';
export { ReLU, Sigmoid, Tanh, Softmax, LogSoftmax } from './modules/activation.js';
export { Embedding } from './modules/sparse.js';
export { Conv1d, Conv2d, Conv3d } from './modules/conv.js';
export { MaxPool1d, MaxPool2d, MaxPool3d } from './modules/pooling.js';
export * as init from './init.js';
export * as functional from './functional.js';
