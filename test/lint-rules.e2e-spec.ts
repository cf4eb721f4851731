import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * The lint rule that keeps every written test running (eslint.config.mjs, `disabledOrFocusedTests`)
 * is itself tested: each disabling or focusing form, one per line, must be flagged at its line; the
 * ordinary forms must not be. Linted as if it were this spec file (and a libs file, whose block sets
 * its own no-restricted-syntax), through the project's real configuration by the ESLint command line
 * (its flat config is an ES module, which Jest's module sandbox cannot import).
 */
const FORBIDDEN = [
  "it.only('a', () => undefined);",
  "it.skip('a', () => undefined);",
  "it.todo('a');",
  "test.only('a', () => undefined);",
  "test.skip('a', () => undefined);",
  "test.todo('a');",
  "describe.only('a', () => undefined);",
  "describe.skip('a', () => undefined);",
  "it.only.each([[1]])('a %s', () => undefined);",
  "it.skip.each([[1]])('a %s', () => undefined);",
  "describe.only.each([[1]])('a %s', () => undefined);",
  "describe.skip.each([[1]])('a %s', () => undefined);",
  "test.concurrent.only('a', async () => undefined);",
  "test.concurrent.skip('a', async () => undefined);",
  "test.skip.failing('a', () => undefined);",
  "it['only']('a', () => undefined);",
  "test['skip']('a', () => undefined);",
  "xit('a', () => undefined);",
  "xtest('a', () => undefined);",
  "xdescribe('a', () => undefined);",
  "fit('a', () => undefined);",
  "fdescribe('a', () => undefined);",
  "xit.each([[1]])('a %s', () => undefined);",
];

const ALLOWED = [
  "it('a', () => undefined);",
  "test('a', () => undefined);",
  "describe('a', () => undefined);",
  "it.each([[1]])('a %s', () => undefined);",
  "describe.each([[1]])('a %s', () => undefined);",
  "test.concurrent('a', async () => undefined);",
  "const skip = { only: 1 }; void skip.only;",
  "const fit = { scale: 1 }; void fit.scale;",
];

describe('lint: no focused, skipped or to-do test in any form', () => {
  const root = path.resolve(__dirname, '..');
  const eslintBin = path.join(root, 'node_modules/eslint/bin/eslint.js');

  function flaggedLines(code: string, asFile: string): number[] {
    const run = spawnSync(process.execPath, [eslintBin, '--stdin', '--stdin-filename', path.join(root, asFile), '--format', 'json'], { cwd: root, input: code, encoding: 'utf8' });
    if (run.status !== 0 && run.status !== 1) throw new Error(`eslint exited ${run.status}: ${run.stderr}`);
    const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string; line: number }[] }[];
    return result.messages.filter((m) => m.ruleId === 'no-restricted-syntax' && /Every test must run/.test(m.message)).map((m) => m.line);
  }

  for (const asFile of ['test/lint-rules.e2e-spec.ts', 'libs/domain/src/rules/event-lines.spec-helper.ts']) {
    it(`flags each forbidden form at its own line and no ordinary form (${asFile})`, async () => {
      const code = [...FORBIDDEN, ...ALLOWED].join('\n') + '\n';
      const lines = flaggedLines(code, asFile);
      const flagged = new Set(lines);
      const missed = FORBIDDEN.filter((_, i) => !flagged.has(i + 1));
      const wronglyFlagged = ALLOWED.filter((_, i) => flagged.has(FORBIDDEN.length + i + 1));
      expect({ missed, wronglyFlagged }).toEqual({ missed: [], wronglyFlagged: [] });
    }, 120_000);
  }
});
