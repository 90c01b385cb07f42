// The error a fatal image-folder problem becomes: it names the folder (files that cannot be read are skipped instead).

export class ImageImportError extends Error {
  constructor(
    readonly folder: string,
    readonly detail: string,
  ) {
    super(`${folder}: ${detail}`);
    this.name = 'ImageImportError';
  }
}
