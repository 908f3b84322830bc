/**
 * The years a FRUS volume covers, from its id: "frus1955-57v03" → "1955–1957", "frus1948v01p1" →
 * "1948", "frus1969-76ve04" → "1969–1976". The Office of the Historian names every volume so; a
 * description in its persons list without dates holds for these years.
 *
 * @example volumeYears('frus1958-60v08') === '1958–1960'
 */
export function volumeYears(volumeId: string): string | undefined {
  const match = /^frus(\d{4})(?:-(\d{2}|\d{4}))?(?=v|$)/.exec(volumeId);
  if (!match) return undefined;
  const from = match[1] as string;
  const to = match[2];
  if (!to) return from;
  const end = to.length === 2 ? `${from.slice(0, 2)}${to}` : to;
  return `${from}–${end}`;
}
