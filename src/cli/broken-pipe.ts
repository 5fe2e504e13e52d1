/**
 * `pycrane rules | head -1`: the reader closes the pipe and the next write fails with EPIPE.
 * That is the reader saying "enough", not an error of ours: stop quietly, as Unix tools do,
 * instead of dying with an unhandled 'error' event and a stack trace.
 */
export interface ErrorEmitter {
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

export function stopQuietlyOnBrokenPipe(streams: readonly ErrorEmitter[], exit: (code: number) => void): void {
  for (const stream of streams) {
    stream.on('error', (error) => {
      if (error.code === 'EPIPE') exit(0);
      else throw error;
    });
  }
}
