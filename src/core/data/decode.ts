/**
 * Turns byte chunks into text chunks. UTF-8 split across chunks is joined correctly and a
 * leading byte-order mark is dropped. Invalid bytes become U+FFFD, which the row builder
 * reports as `data.bad-encoding` for any value it uses, so nothing is silently altered.
 */
export async function* decodeUtf8(chunks: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let isFirstText = true;
  for await (const chunk of chunks) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (text.length === 0) continue;
    if (isFirstText && typeof chunk === 'string' && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    isFirstText = false;
    if (text.length > 0) yield text;
  }
  const tail = decoder.decode();
  if (tail.length > 0) yield tail;
}
