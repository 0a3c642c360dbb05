import { Transform, type TransformCallback } from "node:stream";

/**
 * React 18.3's streaming renderer pads a 2 KB chunk with zero bytes when a multi-byte character (most of
 * Vietnamese) does not fit at its end (github.com/facebook/react/issues/31134, fixed only in React 19).
 * Browsers show them as broken letters ("phư��ờng"). HTML never carries a raw NUL (text and JSON escape
 * it), so every 0x00 byte in the stream is dropped on the way out.
 */
export function stripNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      if (chunk.indexOf(0) === -1) return callback(null, chunk);
      const out = Buffer.allocUnsafe(chunk.length);
      let n = 0;
      for (const byte of chunk) if (byte !== 0) out[n++] = byte;
      callback(null, out.subarray(0, n));
    },
  });
}
