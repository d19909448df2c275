/**
 * Reads an upstream body (a Node Readable, an undici body, or any async iterable of bytes) so that
 * an abort cancels the read at once, even while a read is waiting: the pending read is raced with
 * the abort, then the source is destroyed (Readable) or returned (iterator), which lets undici
 * cancel the upstream request so an abandoned generation stops using the GPU.
 */

export type UpstreamSource = AsyncIterable<Uint8Array | string>;

interface Destroyable {
  destroy(error?: Error): unknown;
}

function isDestroyable(value: unknown): value is Destroyable {
  return typeof (value as { destroy?: unknown } | null)?.destroy === "function";
}

const ABORTED = Symbol("aborted");

export class UpstreamReader {
  bytes = 0;
  aborted = false;
  /** the upstream read threw (connection reset, body timeout) */
  failed = false;
  private closed = false;
  private iterator: AsyncIterator<Uint8Array | string> | null = null;
  private readonly abortPromise: Promise<typeof ABORTED>;
  private resolveAbort!: (value: typeof ABORTED) => void;
  private readonly onSignal = (): void => this.abort();

  constructor(
    private readonly source: UpstreamSource,
    private readonly signal?: AbortSignal,
  ) {
    this.abortPromise = new Promise((resolve) => {
      this.resolveAbort = resolve;
    });
    if (signal?.aborted === true) this.abort();
    else signal?.addEventListener("abort", this.onSignal, { once: true });
  }

  /** the next chunk, or null at the end, after an abort, or after a read error */
  async next(): Promise<Uint8Array | string | null> {
    if (this.closed) return null;
    this.iterator ??= this.source[Symbol.asyncIterator]();
    try {
      const result = await Promise.race([this.iterator.next(), this.abortPromise]);
      if (result === ABORTED || result.done === true) return null;
      const chunk = result.value;
      this.bytes += typeof chunk === "string" ? chunk.length : chunk.byteLength;
      return chunk;
    } catch {
      if (!this.aborted) this.failed = true;
      return null;
    }
  }

  abort(): void {
    if (this.aborted || this.closed) return;
    this.aborted = true;
    this.resolveAbort(ABORTED);
    this.close();
  }

  /** Stops reading and releases the source; safe to call more than once. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.signal?.removeEventListener("abort", this.onSignal);
    if (isDestroyable(this.source)) {
      this.source.destroy();
      return;
    }
    const iterator = this.iterator;
    if (iterator?.return !== undefined) {
      iterator.return().catch(() => undefined);
    }
  }
}
