import { dataLimits } from './limits.js';
import type { RecordSink } from './sink.js';

/**
 * Reads newline-delimited JSON: one object per line, blank lines skipped. A line that is
 * not a JSON object is one rejected row; the next line is read as usual.
 */
export async function readNdjson(chunks: AsyncIterable<string>, sink: RecordSink): Promise<void> {
  let pending = '';
  let line = 1;
  let index = 0;
  let isSkipping = false;
  for await (const chunk of chunks) {
    pending += chunk;
    let start = 0;
    let end = pending.indexOf('\n');
    while (end !== -1) {
      if (isSkipping) isSkipping = false;
      else index = readLine(pending.slice(start, end), line, index, sink);
      line++;
      start = end + 1;
      end = pending.indexOf('\n', start);
    }
    pending = start === 0 ? pending : pending.slice(start);
    if (!isSkipping && pending.length > dataLimits.maxRowChars) {
      sink.rejectRow({
        code: 'data.row-too-long',
        line,
        record: ++index,
        message: `The line is longer than ${dataLimits.maxRowChars} characters; it is skipped.`,
      });
      isSkipping = true;
    }
    if (isSkipping) pending = '';
  }
  if (!isSkipping) readLine(pending, line, index, sink);
}

/** Reads one line; returns the index of the last record. */
function readLine(text: string, line: number, index: number, sink: RecordSink): number {
  if (text.endsWith('\r')) text = text.slice(0, -1);
  if (text.trim() === '') return index;
  index++;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    sink.rejectRow({
      code: 'data.bad-json',
      line,
      record: index,
      raw: text,
      message: `The line is not valid JSON: ${(cause as Error).message}.`,
    });
    return index;
  }
  sink.acceptRecord(value, line, index);
  return index;
}
