import { isChanceryError } from '../../src/errors.ts';
import { validateRecord } from '../../src/record/record.validate.ts';

/**
 * What is wrong with a record a reader made, by the record schema imports are checked against;
 * null when it is a valid record. Readers of archive pages and FRUS build records themselves: the
 * fuzz holds them to the same schema.
 */
export function recordProblem(record: unknown): string | null {
  try {
    // Through JSON, as the store keeps it: what JSON drops (undefined fields) is no fault.
    validateRecord(JSON.parse(JSON.stringify(record)), 'record');
    return null;
  } catch (error) {
    if (isChanceryError(error)) return error.message;
    throw error;
  }
}
