// The only Vite setting webtorch needs, and only because this app also runs webtorch in a Web
// Worker: webtorch loads its SIMD or scalar build with a dynamic import(), and Vite's default
// worker format (iife) cannot hold a code-split bundle. Pages without workers need no config.
export default {
  worker: { format: 'es' },
};
