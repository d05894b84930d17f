import { replayFamily } from './golden.js';

replayFamily('pooling');
