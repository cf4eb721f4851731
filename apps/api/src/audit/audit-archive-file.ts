import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ChainedFields, checkLink, GENESIS_HASH } from './audit-chain';

/**
 * An audit archive file: gzipped JSON lines. The first line is the header, each further line one
 * audit row exactly as it was hashed (before/after are the stored canonical texts), in seq order.
 * Self-contained: re-hashing the rows from the header's prevHash must end at its lastHash.
 */
export const ARCHIVE_FORMAT = 'licensing-monitor audit archive';

export interface ArchiveHeader {
  format: typeof ARCHIVE_FORMAT;
  version: 1;
  firstSeq: number;
  lastSeq: number;
  rows: number;
  /** The hash the first row links to: the genesis, or the previous archive's lastHash. */
  prevHash: string;
  lastHash: string;
  /** Every row is older than this. */
  olderThan: string;
  createdAt: string;
}

/** A row as the archive file holds it: the hashed fields with `at` as ISO text, and the row's hash. */
export type ArchivedRow = Omit<ChainedFields, 'at'> & { at: string; hash: string };

export const archiveFileName = (firstSeq: number, lastSeq: number): string =>
  `audit-${String(firstSeq).padStart(12, '0')}-${String(lastSeq).padStart(12, '0')}.jsonl.gz`;

/**
 * Writes the archive durably before anyone deletes what it holds: a temporary file, fsynced, renamed
 * into place, and the directory fsynced (the rename itself survives a power cut). Returns the path
 * and the sha256 of the file's bytes.
 */
export async function writeArchiveFile(dir: string, header: ArchiveHeader, rows: ArchivedRow[]): Promise<{ file: string; sha256: string }> {
  await mkdir(dir, { recursive: true, mode: 0o750 });
  const text = [header, ...rows].map((line) => JSON.stringify(line)).join('\n') + '\n';
  const bytes = gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
  const file = path.join(dir, archiveFileName(header.firstSeq, header.lastSeq));
  const temporary = `${file}.${process.pid}.tmp`;
  const handle = await open(temporary, 'w', 0o640);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, file);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  const directory = await open(dir, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
  return { file, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export interface ArchiveCheck {
  file: string;
  ok: boolean;
  header: ArchiveHeader | null;
  sha256: string;
  /** Rows re-hashed (up to and including the first broken one). */
  checked: number;
  problem: string | null;
}

/** Reads an archive and re-hashes every row from the header's prevHash; names the first problem. */
export async function checkArchiveFile(file: string): Promise<ArchiveCheck> {
  const bytes = await readFile(file);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const fail = (problem: string, header: ArchiveHeader | null = null, checked = 0): ArchiveCheck => ({ file, ok: false, header, sha256, checked, problem });
  let lines: string[];
  try {
    lines = gunzipSync(bytes).toString('utf8').split('\n').filter((line) => line.length > 0);
  } catch {
    return fail('not a gzip file (damaged or not an audit archive)');
  }
  let header: ArchiveHeader;
  try {
    header = JSON.parse(lines[0] ?? 'null') as ArchiveHeader;
  } catch {
    return fail('the header line is not JSON');
  }
  if (header?.format !== ARCHIVE_FORMAT || header.version !== 1) return fail(`not an audit archive of version 1 (header ${JSON.stringify(lines[0]?.slice(0, 80))})`);
  if (lines.length - 1 !== header.rows) return fail(`the header announces ${header.rows} rows, the file holds ${lines.length - 1}`, header);
  let previous: { seq: number; hash: string } | null = header.firstSeq === 1 && header.prevHash === GENESIS_HASH ? null : { seq: header.firstSeq - 1, hash: header.prevHash };
  let checked = 0;
  for (const line of lines.slice(1)) {
    const row = JSON.parse(line) as ArchivedRow;
    checked++;
    const fields: ChainedFields & { hash: string } = { ...row, at: new Date(row.at) };
    const reason = checkLink(previous, fields);
    if (reason) return fail(`row ${row.seq}: ${reason}`, header, checked);
    previous = { seq: row.seq, hash: row.hash };
  }
  if (previous?.seq !== header.lastSeq || previous.hash !== header.lastHash) {
    return fail(`the rows end at ${previous?.seq}:${previous?.hash}, the header says ${header.lastSeq}:${header.lastHash}`, header, checked);
  }
  return { file, ok: true, header, sha256, checked, problem: null };
}
