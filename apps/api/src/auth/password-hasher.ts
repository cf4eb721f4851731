import { compare, hash } from 'bcryptjs';

import { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH } from '@app/contracts';

/** Limits shared with the console's user form (libs/contracts). */
export { PASSWORD_MAX_BYTES, PASSWORD_MIN_LENGTH };

export function passwordProblem(password: string, username: string): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) return `must be at most ${PASSWORD_MAX_BYTES} bytes (UTF-8)`;
  if (password.toLowerCase().includes(username.toLowerCase())) return 'must not contain the username';
  return null;
}

/** bcrypt hashing; a comparison against a dummy hash keeps "no such user" as slow as "wrong password". */
export class PasswordHasher {
  private dummy: Promise<string> | null = null;

  constructor(private readonly rounds: number) {}

  hash(password: string): Promise<string> {
    return hash(password, this.rounds);
  }

  async matches(password: string, storedHash: string | null): Promise<boolean> {
    if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) {
      await compare('x', await this.dummyHash());
      return false;
    }
    if (storedHash === null) {
      await compare(password, await this.dummyHash());
      return false;
    }
    return compare(password, storedHash);
  }

  private dummyHash(): Promise<string> {
    this.dummy ??= hash('no such user: constant-time filler', this.rounds);
    return this.dummy;
  }
}
