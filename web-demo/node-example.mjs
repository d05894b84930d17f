// The demo's models in Node: the same code runs in the browser page.
//   node web-demo/node-example.mjs
import { readFile } from 'node:fs/promises';
import torch from '../js/index.js';
import { Net, DigitsCNN } from './models.js';
import { digits8x8 } from './digits-input.js';

await torch.ready();

// The article's Net, seeded.
torch.manual_seed(0);
const net = new Net();
const x = torch.randint(0, 10000, [2, 200]);
const t0 = performance.now();
const y = net.forward(x);
const ms = performance.now() - t0;
console.log(String(net));
console.log(`forward([2, 200] int64) -> ${String(y)}  in ${ms.toFixed(2)} ms`);
x.dispose();
y.dispose();

// The digits CNN with its trained weights, on a "7" given as strokes (canvas pixels).
const digits = new DigitsCNN().eval();
const sd = torch.load_safetensors(await readFile(new URL('./models/digits_cnn.safetensors', import.meta.url)));
digits.load_state_dict(sd);
for (const t of Object.values(sd)) t.dispose();
const grid = digits8x8([[[70, 62], [212, 58], [176, 128], [128, 226]], [[112, 140], [196, 140]]]);
const probs = torch.tidy(() => torch.softmax(digits.forward(torch.tensor(grid.flat()).reshape([1, 1, 8, 8]).div(16)), 1)
  .toTypedArray());
const label = probs.indexOf(Math.max(...probs));
console.log(`digits CNN on a drawn 7 -> ${label} (p = ${probs[label].toFixed(3)})`);
console.log(`backend: ${JSON.stringify(torch.backend())}, memory_allocated: ${torch.memory_allocated()} bytes`);
