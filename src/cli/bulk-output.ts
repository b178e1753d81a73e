/**
 * The output side of the bulk commands: JSONL text gathered into chunks of
 * whole documents and written with back-pressure (a slow disk or pipe slows
 * the run instead of filling memory). Chunks hold whole documents only, so an
 * interrupted run leaves at most a torn last line (see bulk-resume.ts).
 *
 * A chunk is written when it is full, or as soon as the caller has nothing
 * more to add right now (the next turn of the event loop), so the first
 * results show without waiting for a full chunk.
 */
import { Buffer } from 'node:buffer';
import type { Writable } from 'node:stream';

export class ChunkWriter {
  private parts: Uint8Array[] = [];
  private size = 0;
  private failed: Error | null = null;
  private flushing: Promise<void> = Promise.resolve();
  private idle: NodeJS.Immediate | null = null;

  constructor(
    private readonly stream: Writable,
    private readonly chunkBytes = 256 * 1024,
  ) {
    stream.on('error', (err) => {
      this.failed ??= err;
    });
  }

  /** The write error (EPIPE when a reader went away, ENOSPC...), once there is one. */
  get error(): Error | null {
    return this.failed;
  }

  /** Adds the records of one document (UTF-8); resolves once there is room for more. */
  async write(bytes: Uint8Array): Promise<void> {
    if (this.failed) throw this.failed;
    if (bytes.length === 0) return;
    this.parts.push(bytes);
    this.size += bytes.length;
    if (this.size >= this.chunkBytes) await this.flush();
    else
      this.idle ??= setImmediate(() => {
        this.idle = null;
        this.flush().catch(() => undefined); // the error is kept in `failed` and thrown by the next write
      });
  }

  /** Writes what is gathered and waits until the stream took it. */
  flush(): Promise<void> {
    if (this.idle) {
      clearImmediate(this.idle);
      this.idle = null;
    }
    if (this.parts.length === 0) return this.flushing;
    const chunk = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    const previous = this.flushing;
    this.flushing = previous.then(
      () =>
        new Promise<void>((resolve, reject) => {
          if (this.failed) return reject(this.failed);
          const onError = (err: Error) => {
            this.failed ??= err;
            reject(err);
          };
          this.stream.once('error', onError);
          const ok = this.stream.write(chunk, (err) => {
            if (err) onError(err);
          });
          const done = () => {
            this.stream.off('error', onError);
            resolve();
          };
          if (ok) done();
          else this.stream.once('drain', done);
        }),
    );
    return this.flushing;
  }

  /** Flushes, then ends the stream (a file) or leaves it open (stdout), and waits until the data is handed to the OS. */
  async close(end: boolean): Promise<void> {
    await this.flush();
    if (!end) return;
    await new Promise<void>((resolve, reject) => {
      if (this.failed) return reject(this.failed);
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
  }
}
