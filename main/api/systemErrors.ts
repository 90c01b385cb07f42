// Why the system would not read a file or folder, by its error code (EACCES…): English here for the CLI and thrown
// messages; the renderer words the same codes (renderer/src/data/importErrorMessages.ts). Node's own message is
// English with the path inside, so it is not quoted.
import type { CodedNote } from './notes';

export const SYSTEM_ERRORS = {
  EACCES: 'no permission to read it',
  EPERM: 'the system does not permit reading it',
  ENOENT: 'it no longer exists',
  ENOTDIR: 'a part of its path is not a folder',
  ELOOP: 'its links form a loop',
  ENAMETOOLONG: 'its path is too long',
  EIO: 'the disk reported an input/output error',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EBUSY: 'it is busy',
  // Any other code, as the system names it.
  other: 'system error {error}',
} as const;

export type SystemError = CodedNote<typeof SYSTEM_ERRORS>;
export type SystemErrorCode = keyof typeof SYSTEM_ERRORS;

/** A failed file-system call's error as a code with values. */
export function systemErrorOf(error: unknown): SystemError {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code !== 'other' && Object.hasOwn(SYSTEM_ERRORS, code))
    return { code: code as Exclude<SystemErrorCode, 'other'>, values: {} };
  return { code: 'other', values: { error: typeof code === 'string' ? code : 'unknown' } };
}
