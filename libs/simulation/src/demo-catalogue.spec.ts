import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'fs';
import { join } from 'path';
import { CatalogueFile, catalogueFileSchema } from '@app/contracts';

const catalogue = JSON.parse(readFileSync(join(__dirname, '../../../resources/demo/catalogue.json'), 'utf8')) as CatalogueFile;

describe('resources/demo/catalogue.json', () => {
  it('is valid against the catalogue schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(catalogueFileSchema);
    expect(validate(catalogue) ? [] : validate.errors).toEqual([]);
  });

  it('has 3 regions, 12 departments and 40 items', () => {
    expect(Object.keys(catalogue.regions)).toHaveLength(3);
    expect(Object.keys(catalogue.departments)).toHaveLength(12);
    expect(Object.keys(catalogue.items)).toHaveLength(40);
  });

  it('links departments to regions and contacts to their own officers', () => {
    for (const [code, department] of Object.entries(catalogue.departments)) {
      expect(catalogue.regions[department.regionCode ?? '']).toBeDefined();
      const contact = catalogue.officers[department.contact?.officerId ?? ''];
      expect(contact?.departmentCode).toBe(code);
    }
  });

  it('gives every department 4–6 officers, one supervisor the others report to', () => {
    for (const code of Object.keys(catalogue.departments)) {
      const officers = Object.entries(catalogue.officers).filter(([, officer]) => officer.departmentCode === code);
      expect(officers.length).toBeGreaterThanOrEqual(4);
      expect(officers.length).toBeLessThanOrEqual(6);
      const heads = officers.filter(([, officer]) => !officer.supervisorId);
      expect(heads).toHaveLength(1);
      for (const [, officer] of officers) {
        if (officer.supervisorId) expect(officer.supervisorId).toBe(heads[0][0]);
      }
    }
  });

  it('has every officer supervisor and every item department in the catalogue', () => {
    for (const officer of Object.values(catalogue.officers)) {
      expect(catalogue.departments[officer.departmentCode]).toBeDefined();
      if (officer.supervisorId) expect(catalogue.officers[officer.supervisorId]).toBeDefined();
    }
    for (const item of Object.values(catalogue.items)) expect(catalogue.departments[item.departmentCode]).toBeDefined();
  });

  it('has coherent limits, steps, fees and documents', () => {
    const items = Object.values(catalogue.items);
    for (const item of items) {
      expect(item.promisedDays).toBeLessThanOrEqual(item.statutoryDays);
      expect(item.kind === 'IMMEDIATE').toBe(item.promisedDays === 0);
      if (item.kind === 'JOINT') expect(item.statutoryDays).toBe(45);
      const codes = item.steps.map((step) => step.code);
      expect(new Set(codes).size).toBe(codes.length);
      expect(codes[0]).toBe('ACCEPT');
      expect(codes).toContain('DECIDE');
      if (item.kind === 'FORWARDED') expect(codes).toContain('FORWARD');
      const handling = item.steps.filter((step) => step.code !== 'ACCEPT' && step.code !== 'ISSUE');
      expect(handling.reduce((sum, step) => sum + step.limitDays, 0)).toBeLessThanOrEqual(item.promisedDays);
      expect(item.requiredDocuments.length).toBeGreaterThanOrEqual(3);
    }
    const count = (kind: string) => items.filter((item) => item.kind === kind).length;
    expect(count('IMMEDIATE')).toBeGreaterThanOrEqual(3);
    expect(count('FORWARDED')).toBeGreaterThanOrEqual(3);
    expect(count('JOINT')).toBeGreaterThanOrEqual(3);
    const charging = items.filter((item) => item.feeFen > 0).length;
    expect(charging).toBeGreaterThan(0);
    expect(charging).toBeLessThan(items.length / 4);
  });
});
