import 'reflect-metadata';
import { calendarLoadCommand } from './cli/calendar-load.command';
import { auditArchiveVerifyCommand } from './cli/audit-archive-verify.command';
import { auditVerifyCommand } from './cli/audit-verify.command';
import { backupCommand, restoreCommand } from './cli/backup.command';
import { catalogueLoadCommand } from './cli/catalogue-load.command';
import { UsageError } from './cli/cli-options';
import { secretsRotateCommand } from './cli/secrets-rotate.command';
import { simulateCommand } from './cli/simulate.command';
import { rollupsRebuildCommand } from './cli/rollups-rebuild.command';

const COMMANDS: Record<string, (argv: string[]) => Promise<void>> = {
  'audit:verify': auditVerifyCommand,
  'audit:archive-verify': auditArchiveVerifyCommand,
  backup: backupCommand,
  restore: restoreCommand,
  'calendar:load': calendarLoadCommand,
  'catalogue:load': catalogueLoadCommand,
  'reports:rebuild-rollups': rollupsRebuildCommand,
  'secrets:rotate': secretsRotateCommand,
  simulate: simulateCommand,
};

async function main(): Promise<void> {
  const [name, ...argv] = process.argv.slice(2);
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(`usage: cli <${Object.keys(COMMANDS).join('|')}> [options]`);
    process.exit(2);
  }
  try {
    await command(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

void main();
