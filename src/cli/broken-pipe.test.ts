import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { stopQuietlyOnBrokenPipe } from './broken-pipe.js';

describe('stopQuietlyOnBrokenPipe', () => {
  it('exits 0 when the reader closed the pipe, and rethrows any other write error', () => {
    const out = new EventEmitter();
    const codes: number[] = [];
    stopQuietlyOnBrokenPipe([out], (code) => codes.push(code));
    out.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(codes).toEqual([0]);
    expect(() => out.emit('error', Object.assign(new Error('write ENOSPC'), { code: 'ENOSPC' }))).toThrow('ENOSPC');
  });
});
