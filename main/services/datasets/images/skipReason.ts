// Why a file of an image folder is not read as an image: the coded reason the studio words in the user's language,
// with its English (the command line, the errors that quote an example, logs).
import { IMAGE_SKIP_REASONS, type SkipReason } from '../../../api/importNotes';
import { noteInEnglish } from '../../../api/notes';

export interface SkipWords {
  /** The reason as a code with values (main/api/importNotes.ts). */
  why: SkipReason;
  /** The same in English. */
  reason: string;
}

export function skipBecause(why: SkipReason): SkipWords {
  return { why, reason: noteInEnglish(IMAGE_SKIP_REASONS, why) };
}
