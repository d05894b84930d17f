// A forward pass of the article's Net in Node: the same code runs in the browser demo.
//   node web-demo/node-example.mjs
import torch from '../js/index.js';
import { Net } from './models.js';

await torch.ready();
torch.manual_seed(0);
const net = new Net();
const x = torch.randint(0, 10000, [2, 200]);
const t0 = performance.now();
const y = net.forward(x);
const ms = performance.now() - t0;
console.log(String(net));
console.log(`forward([2, 200] int64) -> ${String(y)}  in ${ms.toFixed(2)} ms`);
console.log(`backend: ${JSON.stringify(torch.backend())}, memory_allocated: ${torch.memory_allocated()} bytes`);
x.dispose();
y.dispose();
