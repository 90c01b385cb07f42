// Why an image folder cannot become a dataset (or a path cannot be read for predictions), as codes with values:
// English here for the CLI, logs and thrown messages; the renderer words the same codes from its own table
// (renderer/src/data/importErrorMessages.ts). Every sentence starts with the folder (or file) at fault; the formats
// are written out in each language's sentence, not sent as a value (a list in English inside a Chinese sentence).
import { IMAGE_FORMATS_TEXT } from './importNotes';

export const IMAGE_IMPORT_PROBLEMS = {
  'no-such-path': '{folder}: there is no such file or folder',
  'path-unreadable': '{folder}: cannot be read',
  'no-such-folder': '{folder}: there is no such folder',
  'folder-unreadable': '{folder}: cannot be read ({reason})',
  'not-a-folder': '{folder}: is not a folder: choose the folder that holds one sub-folder of images per class',
  'folder-unlistable': '{folder}: cannot read the folder ({reason})',
  'class-folder-unlistable': "{folder}: cannot read the class folder '{subfolder}' ({reason})",
  'bad-size': '{folder}: the image size must be [height, width] in whole pixels from 1 to {max}, got {value}',
  'bad-fit': '{folder}: the fit must be {fits}, got {value}',
  'split-classes-missing':
    "{folder}: its class folders differ from {train}/'s ({classes}): it lacks {missing}; every split folder needs the same classes",
  'split-classes-extra':
    "{folder}: its class folders differ from {train}/'s ({classes}): it has {extra}, which {train}/ does not; every split folder needs the same classes",
  'split-classes-differ':
    "{folder}: its class folders differ from {train}/'s ({classes}): it lacks {missing} and has {extra}, which {train}/ does not; every split folder needs the same classes",
  'dataset-exists': '{folder}: a dataset folder {dataset} already exists',
  'train-folder-no-images': '{folder}: the training folder {train}/ has no readable images',
  'no-class-folders':
    '{folder}: has no class folders: put the images in one sub-folder per class, named for the class (e.g. cats/, dogs/)',
  empty: '{folder}: is empty: it should hold one sub-folder of images per class',
  'one-class':
    "{folder}: has only one class folder ('{className}'); a classifier needs at least 2, one sub-folder of images per class",
  'images-nested':
    '{folder}: holds no images directly in its class folders ({classes}), only in folders inside them ({nested}); choose the folder whose sub-folders are the classes, e.g. {suggestion}',
  'all-class-folders-empty': '{folder}: holds no images: its class folders ({classes}) are empty',
  'class-folder-empty': '{folder}: the class folder {classes} holds no images; add images or remove it',
  'class-folders-empty': '{folder}: the class folders {classes} hold no images; add images or remove them',
  'no-readable-images': `{folder}: none of the {count} files in its class folders is a readable ${IMAGE_FORMATS_TEXT} image (for example {example}: {reason})`,
  'class-folder-unreadable':
    '{folder}: the class folder {classes} has no readable images (for example {example}: {reason})',
  'class-folders-unreadable':
    '{folder}: the class folders {classes} have no readable images (for example {example}: {reason})',
  'split-failed': '{folder}: {reason}',
} as const;

export type ImageImportProblem = keyof typeof IMAGE_IMPORT_PROBLEMS;
