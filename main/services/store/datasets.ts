// Imported datasets: where each folder is, its manifest, and the file it came from (path and sha256).
import type { DatasetManifest } from '../../../engine/core/data/dataset';
import { type StoreContext, NotFoundError, checkedName, toJson } from './context';
import type { DatasetKind, DatasetRecord } from './types';
import { ServiceError } from '../serviceError';

interface DatasetRow {
  id: string;
  name: string;
  kind: DatasetKind;
  folder: string;
  manifest: string;
  source_path: string;
  source_sha256: string | null;
  created_at: number;
}

function toRecord(row: DatasetRow): DatasetRecord {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    folder: row.folder,
    manifest: JSON.parse(row.manifest) as DatasetManifest,
    sourcePath: row.source_path,
    sourceSha256: row.source_sha256,
    createdAt: row.created_at,
  };
}

export interface NewDataset {
  /** Defaults to a fresh id; importers pass the manifest's id so folder, manifest and record agree. */
  id?: string;
  name: string;
  kind: DatasetKind;
  folder: string;
  manifest: DatasetManifest;
  sourcePath: string;
  sourceSha256?: string | null;
}

export type DatasetRepository = ReturnType<typeof datasetRepository>;

export function datasetRepository(ctx: StoreContext) {
  const { db } = ctx;
  const insert = db.prepare(
    'INSERT INTO datasets (id, name, kind, folder, manifest, source_path, source_sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const byId = db.prepare<[string], DatasetRow>('SELECT * FROM datasets WHERE id = ?');
  const all = db.prepare<[], DatasetRow>('SELECT * FROM datasets ORDER BY created_at DESC, name');
  const rename = db.prepare('UPDATE datasets SET name = ? WHERE id = ?');
  const runsUsing = db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM runs WHERE dataset_id = ?');
  const remove = db.prepare('DELETE FROM datasets WHERE id = ?');

  function getDataset(id: string): DatasetRecord {
    const row = byId.get(id);
    if (!row) throw new NotFoundError('dataset', id);
    return toRecord(row);
  }

  return {
    createDataset(input: NewDataset): DatasetRecord {
      const id = input.id ?? ctx.newId();
      if (byId.get(id)) throw new Error(`a dataset with id ${JSON.stringify(id)} is already registered`);
      insert.run(
        id,
        checkedName('dataset', input.name),
        input.kind,
        input.folder,
        toJson(input.manifest),
        input.sourcePath,
        input.sourceSha256 ?? null,
        ctx.now(),
      );
      return getDataset(id);
    },
    getDataset,
    listDatasets(): DatasetRecord[] {
      return all.all().map(toRecord);
    },
    renameDataset(id: string, name: string): DatasetRecord {
      if (rename.run(checkedName('dataset', name), id).changes === 0) throw new NotFoundError('dataset', id);
      return getDataset(id);
    },
    /** Removes the record and returns the folder for the caller to delete; refused while runs use the dataset. */
    deleteDataset(id: string): { folder: string } {
      return db.transaction(() => {
        const { folder, name } = getDataset(id);
        const { n } = runsUsing.get(id)!;
        if (n > 0)
          throw new ServiceError(n === 1 ? 'dataset-used-by-run' : 'dataset-used-by-runs', { dataset: name, count: n });
        remove.run(id);
        return { folder };
      })();
    },
  };
}

/** Records a dataset an importer has written (its folder and manifest) in the store. */
export function registerDataset(
  store: { datasets: DatasetRepository },
  manifest: DatasetManifest,
  folder: string,
): DatasetRecord {
  return store.datasets.createDataset({
    id: manifest.id,
    name: manifest.name,
    kind: manifest.source.kind,
    folder,
    manifest,
    sourcePath: manifest.source.path,
    sourceSha256: manifest.source.sha256 ?? null,
  });
}
