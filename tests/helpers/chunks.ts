/** A writer's chunks joined, and how many there were (a report in chunks is held to the whole of it). */
export function joined(chunks: Iterable<string>): { text: string; count: number } {
  let text = '';
  let count = 0;
  for (const c of chunks) {
    text += c;
    count++;
  }
  return { text, count };
}
