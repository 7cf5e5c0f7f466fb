// Exact decimal numbers as a scaled BigInt: value = units × 10^-scale. Money such as 93.4385 万元
// or 36,563,210.00 must add up exactly, which binary floating point cannot promise.

const PLAIN = /^([+-]?)(\d+)(?:\.(\d+))?$/;

export class Decimal {
  private constructor(
    readonly units: bigint,
    readonly scale: number,
  ) {}

  static readonly ZERO = new Decimal(0n, 0);

  static fromInt(n: number | bigint): Decimal {
    return new Decimal(BigInt(n), 0);
  }

  /** Parses "-35", "+1", "973.90", "36,563,210.00"; undefined when the text is not a plain number. */
  static parse(text: string): Decimal | undefined {
    const m = PLAIN.exec(text.includes(',') ? text.replace(/,/g, '') : text);
    if (!m) return undefined;
    const fraction = m[3] ?? '';
    const units = BigInt(m[2] + fraction) * (m[1] === '-' ? -1n : 1n);
    return new Decimal(units, fraction.length);
  }

  private rescale(scale: number): bigint {
    // Most figures are whole numbers of the same scale: no power of ten to compute.
    return scale === this.scale ? this.units : this.units * 10n ** BigInt(scale - this.scale);
  }

  add(other: Decimal): Decimal {
    if (this.scale === other.scale) return new Decimal(this.units + other.units, this.scale);
    const scale = Math.max(this.scale, other.scale);
    return new Decimal(this.rescale(scale) + other.rescale(scale), scale);
  }

  sub(other: Decimal): Decimal {
    return this.add(other.negate());
  }

  negate(): Decimal {
    return new Decimal(-this.units, this.scale);
  }

  compare(other: Decimal): number {
    const scale = Math.max(this.scale, other.scale);
    const a = this.rescale(scale);
    const b = other.rescale(scale);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  equals(other: Decimal): boolean {
    return this.compare(other) === 0;
  }

  abs(): Decimal {
    return this.units < 0n ? this.negate() : this;
  }

  isZero(): boolean {
    return this.units === 0n;
  }

  isNegative(): boolean {
    return this.units < 0n;
  }

  isInteger(): boolean {
    return this.scale === 0 || this.units % 10n ** BigInt(this.scale) === 0n;
  }

  /** Multiplies by 10^k (k may be negative: exact while no digits are lost). */
  shift(k: number): Decimal {
    if (k >= 0) return new Decimal(this.units * 10n ** BigInt(k), this.scale);
    return new Decimal(this.units, this.scale - k);
  }

  /** Number of decimals written. */
  get decimals(): number {
    return this.scale;
  }

  /** Rounds half away from zero to `scale` decimals. */
  round(scale: number): Decimal {
    if (scale >= this.scale) return new Decimal(this.rescale(scale), scale);
    const factor = 10n ** BigInt(this.scale - scale);
    const sign = this.units < 0n ? -1n : 1n;
    const abs = this.units * sign;
    const q = (abs + factor / 2n) / factor;
    return new Decimal(q * sign, scale);
  }

  toNumber(): number {
    return this.scale === 0 ? Number(this.units) : Number(this.toString());
  }

  /** Plain notation with the decimals as written (7.0000 stays 7.0000). */
  toString(): string {
    const negative = this.units < 0n;
    const digits = (negative ? -this.units : this.units).toString().padStart(this.scale + 1, '0');
    const int = digits.slice(0, digits.length - this.scale);
    const frac = this.scale > 0 ? '.' + digits.slice(digits.length - this.scale) : '';
    return (negative ? '-' : '') + int + frac;
  }
}

export function sum(values: Decimal[]): Decimal {
  return values.reduce((acc, v) => acc.add(v), Decimal.ZERO);
}
