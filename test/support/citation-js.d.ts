// citation-js ships no type declarations; these cover the part the tests use (they read citations back with it).
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): string;
  }
  /** Parsers by input type; `chainLink` runs one step (RIS text → its records as tag objects). */
  export const plugins: { input: { chainLink(input: unknown): unknown } };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-ris';
