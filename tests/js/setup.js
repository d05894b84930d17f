// Jest loads js/ afresh for every test file (one module registry per file), so each file starts
// its own pthread workers: stop them when the file is done, or they would pile up in the worker
// process until the whole run ends.
import { afterAll } from '@jest/globals';
import { terminateThreads } from '../../js/runtime.js';

afterAll(() => terminateThreads());
