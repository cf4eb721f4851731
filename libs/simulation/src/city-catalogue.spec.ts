import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'fs';
import { join } from 'path';
import { CatalogueFile, catalogueFileSchema } from '@app/contracts';
import { cityCatalogue } from './city-catalogue';

const demo = JSON.parse(readFileSync(join(__dirname, '../../../resources/demo/catalogue.json'), 'utf8')) as CatalogueFile;

describe('cityCatalogue (DEMO_CATALOGUE=city)', () => {
  const city = cityCatalogue(demo);

  it('is valid against the catalogue schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(catalogueFileSchema);
    expect(validate(city) ? [] : validate.errors).toEqual([]);
  });

  it('has 60 departments in 10 districts, 6 each, every one with items and a head officer', () => {
    expect(Object.keys(city.regions)).toHaveLength(10);
    expect(Object.keys(city.departments)).toHaveLength(60);
    for (const region of Object.keys(city.regions)) {
      expect(Object.values(city.departments).filter((d) => d.regionCode === region)).toHaveLength(6);
    }
    for (const [code, department] of Object.entries(city.departments)) {
      expect(department.name.startsWith(city.regions[department.regionCode!].name)).toBe(true);
      expect(Object.values(city.items).filter((i) => i.departmentCode === code).length).toBeGreaterThan(0);
      expect(city.officers[department.contact!.officerId!].isDepartmentHead).toBe(true);
    }
  });

  it('never gives two departments the same name', () => {
    const names = Object.values(city.departments).map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
