import { fileURLToPath } from 'node:url';

/** `../shared` beside the repository: seeds, golden facts and the FRUS corpus, read in place. */
export const SHARED_DIR = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const SEEDS_DIR = `${SHARED_DIR}seeds/`;
export const GOLDEN_DIR = `${SHARED_DIR}golden/`;
export const FRUS_DIR = `${SHARED_DIR}corpus/frus/`;
export const FRUS_CURRENT_DIR = `${SHARED_DIR}corpus/frus-current/`;
export const CABLE_SEED = `${SEEDS_DIR}000_1a6ead44c4c0e4a5.txt`;
export const LETTER_SEED = `${SEEDS_DIR}004_4e4ece4df42afde7.txt`;
/** Development pages of the archive: text extracted from its PDF exports, and the PDFs themselves. */
export const PAGES_DIR = `${SHARED_DIR}pages/`;
