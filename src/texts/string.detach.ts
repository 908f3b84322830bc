/**
 * A copy of a string that holds only its own characters. V8 makes a slice of 13 characters or
 * more a view into the whole string it was cut from, which the slice keeps alive: text from the
 * parser may be a slice of a whole chunk of the file, and a word a slice of its block. Whatever
 * outlives its source (authorities, cached words) keeps a detached copy.
 *
 * @example const name = detach(chunk.slice(start, end)); // the chunk can be collected
 */
export function detach(text: string): string {
  return ` ${text}`.slice(1);
}
