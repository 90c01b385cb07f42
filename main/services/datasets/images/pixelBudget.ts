// Admits image decodes by the pixels they will hold, not by how many files are open: many small images decode at
// once, a huge one waits until it can run alone. Four 16000×16000 PNGs of 3 MB each decoding together took 4 GB.

/** Pixels decoded at once, all images together: 100 megapixels are about 300 MB of 8-bit RGB plus the resize. */
export const PIXELS_IN_FLIGHT = 100_000_000;

export class PixelBudget {
  private inFlight = 0;
  private readonly waiting: Array<{ pixels: number; admit: () => void }> = [];
  /** The most pixels ever admitted at once (for tests and the bench). */
  peak = 0;

  constructor(readonly limit: number = PIXELS_IN_FLIGHT) {}

  /** Runs `work` once `pixels` fit in the budget (at once when nothing else runs), in the order asked (FIFO). */
  async run<T>(pixels: number, work: () => Promise<T>): Promise<T> {
    await this.acquire(pixels);
    try {
      return await work();
    } finally {
      this.release(pixels);
    }
  }

  private fits(pixels: number): boolean {
    return this.inFlight === 0 || this.inFlight + pixels <= this.limit;
  }

  private acquire(pixels: number): Promise<void> {
    if (this.waiting.length === 0 && this.fits(pixels)) {
      this.take(pixels);
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push({ pixels, admit: resolve }));
  }

  private take(pixels: number): void {
    this.inFlight += pixels;
    this.peak = Math.max(this.peak, this.inFlight);
  }

  private release(pixels: number): void {
    this.inFlight -= pixels;
    while (this.waiting.length > 0 && this.fits(this.waiting[0].pixels)) {
      const next = this.waiting.shift()!;
      this.take(next.pixels);
      next.admit();
    }
  }
}
