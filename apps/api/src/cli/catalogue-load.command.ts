import { readFileSync } from 'node:fs';
import { CatalogueFile, catalogueFileSchema } from '@app/contracts';
import { assertValid } from '../common/schema-validator';
import { InvalidInputException } from '../common/invalid-input.exception';
import { AdminClient } from '../demo/admin-client';
import { connectionFlags, parseFlags, UsageError } from './cli-options';

/** `catalogue:load <file>`: validates a catalogue file locally, then puts it through the admin API. */
export async function catalogueLoadCommand(argv: string[]): Promise<void> {
  const { values, positionals } = parseFlags(argv, { url: { type: 'string' }, token: { type: 'string' } });
  const file = positionals[0];
  if (!file) throw new UsageError('usage: catalogue:load <file.json> [--url URL] [--token TOKEN]');
  let catalogue: CatalogueFile;
  try {
    catalogue = assertValid<CatalogueFile>(catalogueFileSchema, JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    if (error instanceof InvalidInputException) {
      const { errors } = error.getResponse() as { errors: { path: string; message: string }[] };
      throw new UsageError(`${file} is not a valid catalogue:\n${errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`);
    }
    throw error;
  }
  const { url, token } = connectionFlags(values);
  await new AdminClient(url, token).loadCatalogue(catalogue);
  const count = (section: keyof CatalogueFile) => Object.keys(catalogue[section]).length;
  console.log(
    `loaded ${count('regions')} regions, ${count('departments')} departments, ${count('officers')} officers, ${count('items')} items into ${url}`,
  );
}
