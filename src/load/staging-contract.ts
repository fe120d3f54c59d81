// The staged relations every seizure profile produces, declared once from the fields of fields.ts:
// whatever the file (an AITR sheet, an Ecomessage case, a mapped table), normalisation and writing
// read these and only these. A contract test loads a file with each profile and checks its staged
// relations against this list.
import { ACTOR_FIELDS, DOCUMENT_FIELDS, ROW_FIELDS } from './fields.js';

export const STAGED_RELATIONS = {
  /**
   * One row per item of a file row: its position in storage, its row number, the fields, the item's place in
   * the row and the unmapped cells.
   */
  staged: ['ordinal', 'row_number', ...ROW_FIELDS, 'item_index', 'extras'],
  /** One row per person or company a file row names. */
  staged_actors: ['row_number', ...ACTOR_FIELDS],
  /** One row per document (permit, passport, bill of lading…) a file row names. */
  staged_documents: ['row_number', ...DOCUMENT_FIELDS],
} as const;
