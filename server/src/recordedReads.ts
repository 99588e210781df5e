/**
 * The files a piece of work read and what it got (undefined: the file was missing, and may appear),
 * so a result kept for later can tell whether it still holds: every file reads the same again.
 */
export type RecordedReads = readonly (readonly [file: string, text: string | undefined])[];

/** A reader that records every read into `reads`. */
export function recordingReads(readFile: (file: string) => string | undefined, reads: [string, string | undefined][]): (file: string) => string | undefined {
  return (file) => {
    const text = readFile(file);
    reads.push([file, text]);
    return text;
  };
}

/** Whether every recorded file reads the same now. */
export function readsUnchanged(reads: RecordedReads, readFile: (file: string) => string | undefined): boolean {
  for (const [file, text] of reads) if (readFile(file) !== text) return false;
  return true;
}
