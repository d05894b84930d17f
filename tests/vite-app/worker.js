// A module Web Worker using webtorch: it loads the wasm itself and posts the forward pass back.
import torch, { nn } from 'webtorch';
import { runForward } from './model.js';

torch.ready().then(
  () => postMessage({ backend: torch.backend(), forward: runForward(torch, nn) }),
  (err) => postMessage({ error: err.message }));
