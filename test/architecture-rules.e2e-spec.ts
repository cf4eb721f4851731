import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The architecture rules (.dependency-cruiser.js, run by `npm run depcheck` in CI) must catch what
 * they are written against: a small tree with deliberate breaks fails with the right rule names,
 * and the same tree without them passes, so the rules can fail and can pass.
 */
const ROOT = path.resolve(__dirname, '..');
const DEPCRUISE = path.join(ROOT, 'node_modules/.bin/depcruise');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

function cruise(files: Record<string, string>): Violation[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'architecture-rules-'));
  try {
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'commonjs', moduleResolution: 'node', baseUrl: '.' } }));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    const roots = [...new Set(Object.keys(files).map((f) => f.split('/')[0]))];
    const run = spawnSync(DEPCRUISE, [...roots, '--config', path.join(ROOT, '.dependency-cruiser.js'), '--output-type', 'json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    if (!run.stdout.startsWith('{')) throw new Error(`dependency-cruiser did not run: ${run.stderr}`);
    return (JSON.parse(run.stdout) as { summary: { violations: Violation[] } }).summary.violations;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const rulesOf = (violations: Violation[]) => violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();

/** A legal little house: higher folders import lower ones only. */
const clean: Record<string, string> = {
  'apps/api/src/config/app-config.ts': 'export const port = 3000;\n',
  'apps/api/src/cases/case-state.ts': "import { port } from '../config/app-config';\nexport const open = port > 0;\n",
  'apps/api/src/alerts/rules.ts': "import { open } from '../cases/case-state';\nexport const raise = open;\n",
  'libs/domain/src/clock.ts': 'export const days = (n: number): number => n;\n',
  'apps/dashboard/src/main.ts': "import { days } from '../../../libs/domain/src/clock';\nexport const shown = days(1);\n",
};

describe('architecture rules', () => {
  it('passes a tree that keeps the layers', () => {
    expect(rulesOf(cruise(clean))).toEqual([]);
  });

  it('fails on a file cycle, a layer break, a peer import, impure libs and a dashboard importing the api', () => {
    const broken = {
      ...clean,
      // config reads a setting parser from notifications, which reads config back: a cycle and a layer break.
      'apps/api/src/config/app-config.ts': "import { digest } from '../notifications/settings';\nexport const port = 3000;\nexport const mail = digest;\n",
      'apps/api/src/notifications/settings.ts': "import { port } from '../config/app-config';\nexport const digest = port > 0;\n",
      // the projection calls the rules above it.
      'apps/api/src/cases/case-state.ts': "import { port } from '../config/app-config';\nimport { raise } from '../alerts/rules';\nexport const open = port > 0 && raise;\n",
      // two outputs on one row.
      'apps/api/src/reports/report.ts': "import { digest } from '../notifications/settings';\nexport const line = digest;\n",
      'libs/domain/src/clock.ts':
        "import { Injectable } from '@nestjs/common';\nimport { readFileSync } from 'node:fs';\nimport { digest } from '../../../apps/api/src/notifications/settings';\nexport const days = (n: number): number => n;\nexport const used = [Injectable, readFileSync, digest];\n",
      'apps/dashboard/src/main.ts': "import { raise } from '../../api/src/alerts/rules';\nexport const shown = raise;\n",
    };
    const found = rulesOf(cruise(broken));
    expect(found).toEqual(
      expect.arrayContaining([
        'no-circular: apps/api/src/config/app-config.ts → apps/api/src/notifications/settings.ts',
        'layer-config-looks-down-only: apps/api/src/config/app-config.ts → apps/api/src/notifications/settings.ts',
        'layer-cases-looks-down-only: apps/api/src/cases/case-state.ts → apps/api/src/alerts/rules.ts',
        'layer-outputs-peers-apart: apps/api/src/reports/report.ts → apps/api/src/notifications/settings.ts',
        'libs-import-no-framework: libs/domain/src/clock.ts → @nestjs/common',
        'libs-are-pure: libs/domain/src/clock.ts → fs',
        'libs-never-import-apps: libs/domain/src/clock.ts → apps/api/src/notifications/settings.ts',
        'dashboard-never-imports-api: apps/dashboard/src/main.ts → apps/api/src/alerts/rules.ts',
      ]),
    );
    // A legal import is no layer break, even inside a cycle: alerts may use cases.
    expect(found.filter((f) => f.startsWith('layer-') && f.includes('alerts/rules.ts →'))).toEqual([]);
  });
});
