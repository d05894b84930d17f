// The default random generator: a 32-bit Mersenne Twister seeded and consumed the way PyTorch's
// CPU generator is (at::mt19937, uniform from the low 24/53 bits, Box-Muller normals), so that
// torch.manual_seed(s) gives the same draws in Node and every browser — and, for rand/randint/
// uniform_, the same numbers as PyTorch on CPU.

const N = 624;
const M = 397;

class MT19937 {
  constructor(seed) {
    this.state = new Uint32Array(N);
    this.seed(seed);
  }

  seed(seed) {
    const s = this.state;
    s[0] = Number(BigInt.asUintN(32, BigInt(seed)));
    for (let j = 1; j < N; j++) {
      s[j] = Math.imul(1812433253, s[j - 1] ^ (s[j - 1] >>> 30)) + j;
    }
    this.next = N;
  }

  twist() {
    const s = this.state;
    for (let i = 0; i < N; i++) {
      const y = (s[i] & 0x80000000) | (s[(i + 1) % N] & 0x7fffffff);
      s[i] = s[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) ? 0x9908b0df : 0);
    }
    this.next = 0;
  }

  /** Next uint32. */
  u32() {
    if (this.next >= N) this.twist();
    let y = this.state[this.next++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }
}

const TWO_PI = 2 * Math.PI;
const f32 = Math.fround;

class Generator {
  constructor(seed = 67280421310721) {
    this.engine = new MT19937(seed);
    this.initialSeed = seed;
    this.nextDoubleNormal = null;
  }

  manual_seed(seed) {
    if (typeof seed === 'bigint') seed = BigInt.asUintN(64, seed);
    else if (!Number.isInteger(seed)) throw new Error(`torch.manual_seed: expected an integer seed, got ${seed}`);
    this.engine.seed(seed);
    this.initialSeed = seed;
    this.nextDoubleNormal = null;
    return this;
  }

  /** Uniform float32 in [from, to): PyTorch's uniform_real_distribution<float>. */
  uniformFloat(from, to) {
    // PyTorch accumulates this in double and rounds once (checked against torch 1.13).
    const x = (this.engine.u32() & 0xffffff) * 5.9604644775390625e-8;
    return f32(x * f32(to - from) + from);
  }

  /** Uniform double in [0, 1) from 53 random bits: PyTorch's uniform_real_distribution<double>. */
  uniformDouble() {
    const hi = this.engine.u32();
    const lo = this.engine.u32();
    return ((hi & 0x1fffff) * 4294967296 + lo) * 1.1102230246251565e-16;
  }

  /** One double normal sample (Box-Muller, the second value cached), as PyTorch's normal_distribution<double>. */
  normalDouble(mean, std) {
    if (this.nextDoubleNormal !== null) {
      const v = this.nextDoubleNormal;
      this.nextDoubleNormal = null;
      return v * std + mean;
    }
    const u1 = this.uniformDouble();
    const u2 = this.uniformDouble();
    const r = Math.sqrt(-2 * Math.log(1 - u2));
    const theta = TWO_PI * u1;
    this.nextDoubleNormal = r * Math.sin(theta);
    return r * Math.cos(theta) * std + mean;
  }

  /** Fill a Float32Array like Tensor.uniform_(from, to). */
  fillUniform(out, from, to) {
    const lo = f32(from);
    const hi = f32(to);
    for (let i = 0; i < out.length; i++) out[i] = this.uniformFloat(lo, hi);
    return out;
  }

  /** Fill a Float32Array like Tensor.normal_(mean, std) on a contiguous float tensor. */
  fillNormal(out, mean, std) {
    const n = out.length;
    if (n < 16) {
      for (let i = 0; i < n; i++) out[i] = this.normalDouble(mean, std);
      return out;
    }
    for (let i = 0; i < n; i++) out[i] = this.uniformFloat(0, 1);
    for (let i = 0; i + 16 <= n; i += 16) boxMuller16(out, i, mean, std);
    if (n % 16 !== 0) {
      // PyTorch redraws the last 16 values when the size is not a multiple of 16.
      const start = n - 16;
      for (let i = 0; i < 16; i++) out[start + i] = this.uniformFloat(0, 1);
      boxMuller16(out, start, mean, std);
    }
    return out;
  }

  /** Integer in [low, high): PyTorch's random_from_to (32 random bits when the range fits). */
  randint(low, high) {
    const range = high - low;
    if (range >= 2 ** 32) {
      const hi = BigInt(this.engine.u32());
      const lo = BigInt(this.engine.u32());
      return Number(((hi << 32n) | lo) % BigInt(range)) + low;
    }
    return (this.engine.u32() % range) + low;
  }
}

function boxMuller16(data, at, mean, std) {
  for (let j = 0; j < 8; j++) {
    const u1 = f32(1 - data[at + j]);
    const u2 = data[at + j + 8];
    const radius = f32(Math.sqrt(f32(-2 * f32(Math.log(u1)))));
    const theta = TWO_PI * u2;
    data[at + j] = radius * Math.cos(theta) * std + mean;
    data[at + j + 8] = radius * Math.sin(theta) * std + mean;
  }
}

/** The process-wide default generator (torch.default_generator). */
export const defaultGenerator = new Generator();

export function manual_seed(seed) {
  return defaultGenerator.manual_seed(seed);
}

export function initial_seed() {
  return defaultGenerator.initialSeed;
}
