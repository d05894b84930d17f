import { replayFamily } from './golden.js';

replayFamily('activation');
