import { replayFamily } from './golden.js';

replayFamily('conv');
