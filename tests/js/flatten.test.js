import { replayFamily } from './golden.js';

replayFamily('flatten');
