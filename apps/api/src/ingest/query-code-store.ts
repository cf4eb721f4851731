import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { QueryCodeHasher } from './query-code-hasher';

export interface ArrivedQueryCode {
  departmentCode: string;
  caseId: string;
  occurredAt: string;
  code: string;
}

/** Writes and reads the hashed query codes (case_query_codes); the code itself is never stored. */
@Injectable()
export class QueryCodeStore {
  constructor(private readonly hasher: QueryCodeHasher) {}

  /**
   * One row per case: the code of the latest event (by occurredAt) that carried one. An event
   * delivered late with an older code does not replace a newer one.
   */
  async record(manager: EntityManager, codes: readonly ArrivedQueryCode[]): Promise<void> {
    const latest = new Map<string, ArrivedQueryCode>();
    for (const code of codes) {
      const key = JSON.stringify([code.departmentCode, code.caseId]);
      const seen = latest.get(key);
      if (!seen || Date.parse(code.occurredAt) >= Date.parse(seen.occurredAt)) latest.set(key, code);
    }
    for (const code of latest.values()) {
      const salt = this.hasher.newSalt();
      await manager.query(
        `INSERT INTO case_query_codes (department_code, case_id, salt, code_hash, set_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (department_code, case_id) DO UPDATE SET salt = EXCLUDED.salt, code_hash = EXCLUDED.code_hash, set_at = EXCLUDED.set_at
         WHERE case_query_codes.set_at <= EXCLUDED.set_at`,
        [code.departmentCode, code.caseId, salt, this.hasher.hash(salt, code.departmentCode, code.caseId, code.code), new Date(code.occurredAt)],
      );
    }
  }

  /** The stored salt and hash of a case, or null: one indexed read, the same for a known and an unknown case. */
  async find(manager: EntityManager, departmentCode: string, caseId: string): Promise<{ salt: Buffer; codeHash: Buffer } | null> {
    const [row] = await manager.query<{ salt: Buffer; code_hash: Buffer }[]>(
      'SELECT salt, code_hash FROM case_query_codes WHERE department_code = $1 AND case_id = $2',
      [departmentCode, caseId],
    );
    return row ? { salt: row.salt, codeHash: row.code_hash } : null;
  }

  matches(stored: { salt: Buffer; codeHash: Buffer } | null, departmentCode: string, caseId: string, code: string): boolean {
    return this.hasher.matches(stored, departmentCode, caseId, code);
  }
}
