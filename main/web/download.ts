// Web mode's downloads: /download/<export id>/<file name> is one file that an export wrote into the home's exports
// folder, and nothing else: no directories, no dot segments, no export saved to a path of the user's choosing.
import { dirname, join, resolve, sep } from 'node:path';
import { decodeSegment, HttpError } from './http';
import { isFile } from './static';

/** Export file names are slugs with an extension (see main/api/exportNames): never '', '.', '..' or a path. */
const FILE_NAME = /^\w[\w.-]{0,254}$/;

/** The file a download address names, or an HttpError (400 for a malformed address, 404 for anything else). */
export function exportDownloadFile(
  pathname: string,
  exportsDir: string,
  exportPath: (id: number) => string | null,
): string {
  const match = /^\/download\/(\d{1,15})\/([^/]*)$/.exec(pathname);
  if (!match) throw new HttpError(404, 'no such export');
  const name = decodeSegment(match[2]);
  if (!FILE_NAME.test(name)) throw new HttpError(404, 'no such export');
  const recorded = exportPath(Number(match[1]));
  const folder = recorded === null ? null : resolve(dirname(recorded));
  if (folder === null || !folder.startsWith(resolve(exportsDir) + sep)) throw new HttpError(404, 'no such export');
  const file = join(folder, name);
  if (!isFile(file)) throw new HttpError(404, 'no such export');
  return file;
}
