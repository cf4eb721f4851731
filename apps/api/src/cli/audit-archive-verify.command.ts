import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ArchiveCheck, checkArchiveFile } from '../audit/audit-archive-file';
import { GENESIS_HASH } from '../audit/audit-chain';
import { loadStorageConfig } from '../config/app-config';
import { readRetentionSettings } from '../config/retention-settings';
import { parseFlags } from './cli-options';

/**
 * `audit:archive-verify [FILE|DIR …]`: re-hashes every row of the audit archives (default: the
 * archive directory, AUDIT_ARCHIVE_DIR or DATA_DIR/archive), checks that they follow each other from
 * the genesis without a gap, and prints the archived head — the row the live chain (audit:verify)
 * continues from. Works offline: no server, no database. Exits 1 naming the first problem.
 */
export async function auditArchiveVerifyCommand(argv: string[]): Promise<void> {
  const { positionals } = parseFlags(argv, {});
  const targets = positionals.length > 0 ? positionals.map((p) => path.resolve(p)) : [readRetentionSettings(process.env, loadStorageConfig().dataDir).auditArchiveDir];
  const files: string[] = [];
  for (const target of targets) {
    const info = await stat(target).catch(() => null);
    if (!info) throw new Error(`${target}: no such file or directory`);
    if (info.isDirectory()) {
      files.push(...(await readdir(target)).filter((name) => /^audit-\d+-\d+\.jsonl\.gz$/.test(name)).map((name) => path.join(target, name)));
    } else files.push(target);
  }
  if (files.length === 0) throw new Error(`no audit archives in ${targets.join(', ')}`);
  const checks: ArchiveCheck[] = [];
  for (const file of files) checks.push(await checkArchiveFile(file));
  const broken = checks.find((c) => !c.ok);
  if (broken) throw new Error(`audit archive BROKEN: ${broken.file}: ${broken.problem}`);
  checks.sort((a, b) => a.header!.firstSeq - b.header!.firstSeq);
  let previous: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH };
  for (const { file, header } of checks) {
    if (header!.firstSeq !== previous.seq + 1 || header!.prevHash !== previous.hash) {
      const after = previous.seq === 0 ? 'the genesis' : `row ${previous.seq}`;
      throw new Error(`audit archive BROKEN: ${file} (rows ${header!.firstSeq}–${header!.lastSeq}) does not continue ${after}: an archive missing or altered`);
    }
    console.log(`${file}: rows ${header!.firstSeq}–${header!.lastSeq} intact (sha256 ${checks.find((c) => c.file === file)!.sha256})`);
    previous = { seq: header!.lastSeq, hash: header!.lastHash };
  }
  const rows = checks.reduce((sum, c) => sum + c.checked, 0);
  console.log(`audit archives intact: ${rows} rows in ${checks.length} files from the genesis; archived head ${previous.seq}:${previous.hash} (audit:verify continues the live chain from it)`);
}
