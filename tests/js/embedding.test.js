import { replayFamily } from './golden.js';

replayFamily('embedding');
