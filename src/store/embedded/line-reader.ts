import { open } from 'node:fs/promises';

/** What reading a file line by line saw. */
export interface LinesRead {
  lines: number;
  bytes: number;
}

/** A chunk read from disk at a time; the next one is read while this one's lines are handled. */
const CHUNK_BYTES = 2 * 1024 * 1024;

/**
 * Calls `onLine` with each line of a UTF-8 file, without the newline, in order. The file is read a
 * chunk at a time, the next chunk from disk while the lines of this one are handled, so a file of
 * hundreds of megabytes never becomes one string in memory. A line longer than `maxLineBytes` stops
 * the reading with an error (a file that is not line-based at all is not read whole by mistake). The
 * last line is handed over even without a newline after it.
 */
export async function readLines(path: string, onLine: (line: string, index: number) => void, options: { maxLineBytes: number }): Promise<LinesRead> {
  const handle = await open(path, 'r');
  try {
    let reading = Buffer.allocUnsafe(CHUNK_BYTES);
    let spare = Buffer.allocUnsafe(CHUNK_BYTES);
    let pending = handle.read(reading, 0, CHUNK_BYTES, null);
    let carried: Buffer = Buffer.alloc(0);
    let lines = 0;
    let bytes = 0;
    for (;;) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) break;
      bytes += bytesRead;
      const chunk = reading.subarray(0, bytesRead);
      [reading, spare] = [spare, reading];
      pending = handle.read(reading, 0, CHUNK_BYTES, null);
      let start = 0;
      let end = chunk.indexOf(10);
      if (carried.length > 0) {
        // Only the line that goes on from the last chunk is put together; the rest is read where it is.
        if (end === -1) {
          carried = Buffer.concat([carried, chunk]);
          if (carried.length > options.maxLineBytes) throw tooLong(path, lines, options.maxLineBytes);
          continue;
        }
        onLine(Buffer.concat([carried, chunk.subarray(0, end)]).toString('utf8'), lines);
        lines += 1;
        start = end + 1;
        end = chunk.indexOf(10, start);
      }
      for (; end !== -1; end = chunk.indexOf(10, start)) {
        onLine(chunk.toString('utf8', start, end), lines);
        lines += 1;
        start = end + 1;
      }
      // What is left is the start of a line that goes on in the next chunk; it is copied, because its chunk is read into again.
      carried = Buffer.from(chunk.subarray(start));
      if (carried.length > options.maxLineBytes) throw tooLong(path, lines, options.maxLineBytes);
    }
    if (carried.length > 0) {
      onLine(carried.toString('utf8'), lines);
      lines += 1;
    }
    return { lines, bytes };
  } finally {
    await handle.close();
  }
}

function tooLong(path: string, lines: number, maxLineBytes: number): Error {
  return new Error(`${path}: line ${lines + 1} is longer than ${maxLineBytes} bytes`);
}
