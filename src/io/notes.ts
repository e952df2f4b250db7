/**
 * Notes: what a command did with its input that the user should know but that is not an error
 * (a total row set aside, a header row found below the first line). One line each on stderr,
 * "note: …", as they are met; a library caller (or a test) may take them instead.
 */
export type NoteSink = (text: string) => void;

const toStderr: NoteSink = (text) => {
  process.stderr.write(`note: ${text}\n`);
};

let sink: NoteSink = toStderr;

export function note(text: string): void {
  sink(text);
}

/** Send notes to `next` (undefined: back to stderr); returns the sink it replaces. */
export function setNoteSink(next: NoteSink | undefined): NoteSink {
  const before = sink;
  sink = next ?? toStderr;
  return before;
}
