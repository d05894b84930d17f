import { replayFamily } from './golden.js';

replayFamily('linear');
