import type { Asset } from '../../../shared/domain';
import { AssetIdSchema } from '../../../shared/domain';
import type { Db } from '../connection';
import { prepared } from '../statements';

export type AssetMeta = {
  id: string;
  sha256: string;
  mime_type: string;
  byte_length: number;
  width: number;
  height: number;
  original_name: string;
  created_at: string;
};

export function rowToAsset(row: AssetMeta): Asset {
  return {
    id: AssetIdSchema.parse(row.id),
    sha256: row.sha256,
    mimeType: row.mime_type,
    byteLength: row.byte_length,
    width: row.width,
    height: row.height,
    originalName: row.original_name,
    createdAt: row.created_at,
  };
}

const META_COLUMNS = 'id, sha256, mime_type, byte_length, width, height, original_name, created_at';

export function insertAsset(db: Db, asset: AssetMeta & { bytes: Buffer }): void {
  prepared(
    db,
    `INSERT INTO assets (id, sha256, mime_type, byte_length, width, height, original_name, bytes, created_at)
     VALUES (@id, @sha256, @mime_type, @byte_length, @width, @height, @original_name, @bytes, @created_at)`,
  ).run(asset);
}

export function getAssetMeta(db: Db, id: string): AssetMeta | undefined {
  return prepared(db, `SELECT ${META_COLUMNS} FROM assets WHERE id = ?`).get(id) as AssetMeta | undefined;
}

export function findAssetBySha256(db: Db, sha256: string): AssetMeta | undefined {
  return prepared(db, `SELECT ${META_COLUMNS} FROM assets WHERE sha256 = ?`).get(sha256) as AssetMeta | undefined;
}

export function getAssetBytes(db: Db, id: string): Buffer | undefined {
  return prepared(db, 'SELECT bytes FROM assets WHERE id = ?').pluck().get(id) as Buffer | undefined;
}
