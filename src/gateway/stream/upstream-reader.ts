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

/** What `next(idleMs)` returns when the upstream sent nothing for `idleMs`. */
export const IDLE = Symbol("idle");

export class UpstreamReader {
  bytes = 0;
  aborted = false;
  /** the upstream read threw (connection reset, body timeout) */
  failed = false;
  private closed = false;
  private iterator: AsyncIterator<Uint8Array | string> | null = null;
  private inflight: Promise<IteratorResult<Uint8Array | string>> | null = null;
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

  /**
   * The next chunk, or null at the end, after an abort, or after a read error. With `idleMs`, IDLE
   * when nothing came in that time; the read stays in flight and the next call continues it.
   */
  async next(idleMs = 0): Promise<Uint8Array | string | null | typeof IDLE> {
    if (this.closed) return null;
    this.iterator ??= this.source[Symbol.asyncIterator]();
    const read = this.inflight ?? this.iterator.next();
    this.inflight = read;
    let timer: NodeJS.Timeout | undefined;
    try {
      const contenders: Promise<IteratorResult<Uint8Array | string> | typeof ABORTED | typeof IDLE>[] = [
        read,
        this.abortPromise,
      ];
      if (idleMs > 0) {
        contenders.push(
          new Promise((resolve) => {
            timer = setTimeout(resolve, idleMs, IDLE);
          }),
        );
      }
      const result = await Promise.race(contenders);
      if (result === IDLE) return IDLE;
      this.inflight = null;
      if (result === ABORTED || result.done === true) return null;
      const chunk = result.value;
      this.bytes += typeof chunk === "string" ? chunk.length : chunk.byteLength;
      return chunk;
    } catch {
      this.inflight = null;
      if (!this.aborted) this.failed = true;
      return null;
    } finally {
      if (timer !== undefined) clearTimeout(timer);
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
