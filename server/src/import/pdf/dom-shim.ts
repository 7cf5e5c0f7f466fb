// What PDF.js reaches for at load time that Node lacks. Its display layer builds a DOMMatrix when
// the module loads (for canvas rendering, which we never do) and polyfills it, and Path2D, from an
// optional native canvas package; the packaged extension has no node_modules, so without these the
// import fails ("DOMMatrix is not defined"). Text and operator lists need neither: a plain 2-D
// affine matrix and a path that records nothing are enough.

type Init = ArrayLike<number> | undefined;

class AffineMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;

  constructor(init?: Init) {
    if (init && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = Array.from(init).slice(0, 6);
  }

  get is2D(): boolean {
    return true;
  }

  multiplySelf(o: AffineMatrix): this {
    const { a, b, c, d, e, f } = this;
    this.a = a * o.a + c * o.b;
    this.b = b * o.a + d * o.b;
    this.c = a * o.c + c * o.d;
    this.d = b * o.c + d * o.d;
    this.e = a * o.e + c * o.f + e;
    this.f = b * o.e + d * o.f + f;
    return this;
  }

  preMultiplySelf(o: AffineMatrix): this {
    const copy = new AffineMatrix([o.a, o.b, o.c, o.d, o.e, o.f]);
    copy.multiplySelf(this);
    [this.a, this.b, this.c, this.d, this.e, this.f] = [copy.a, copy.b, copy.c, copy.d, copy.e, copy.f];
    return this;
  }

  invertSelf(): this {
    const det = this.a * this.d - this.b * this.c;
    if (det === 0) {
      [this.a, this.b, this.c, this.d, this.e, this.f] = [NaN, NaN, NaN, NaN, NaN, NaN];
      return this;
    }
    const { a, b, c, d, e, f } = this;
    this.a = d / det;
    this.b = -b / det;
    this.c = -c / det;
    this.d = a / det;
    this.e = (c * f - d * e) / det;
    this.f = (b * e - a * f) / det;
    return this;
  }

  translate(x = 0, y = 0): AffineMatrix {
    return new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f]).multiplySelf(new AffineMatrix([1, 0, 0, 1, x, y]));
  }

  scale(x = 1, y = x): AffineMatrix {
    return new AffineMatrix([this.a, this.b, this.c, this.d, this.e, this.f]).multiplySelf(new AffineMatrix([x, 0, 0, y, 0, 0]));
  }

  transformPoint(p: { x?: number; y?: number } = {}): { x: number; y: number } {
    const x = p.x ?? 0;
    const y = p.y ?? 0;
    return { x: this.a * x + this.c * y + this.e, y: this.b * x + this.d * y + this.f };
  }
}

class RecordingPath {
  addPath(): void {}
  moveTo(): void {}
  lineTo(): void {}
  bezierCurveTo(): void {}
  quadraticCurveTo(): void {}
  rect(): void {}
  closePath(): void {}
}

/** Installs the stand-ins where the platform has none (never replaces a real one). */
export function installDomShim(): void {
  const g = globalThis as Record<string, unknown>;
  g.DOMMatrix ??= AffineMatrix;
  g.Path2D ??= RecordingPath;
}
