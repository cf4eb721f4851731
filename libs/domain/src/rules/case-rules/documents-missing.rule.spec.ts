import { readFileSync, readdirSync } from 'fs';
import { EventLine, caseEvents, findingsOf, item, loadHolidayCalendar } from '../rules.spec-helper';
import { documentsMissingRule } from './documents-missing.rule';

const calendar = loadHolidayCalendar({ readdirSync, readFileSync });
const catalogued = item({ requiredDocuments: ['application', 'licence', 'floor plan'] });
const submit = (documents: string[]): EventLine => ['SUBMITTED', '2025-10-13 10:00', { channel: 'WINDOW', documents }];

describe('DOCUMENTS_MISSING', () => {
  it.each<[string, EventLine[], string[]]>([
    ['everything submitted', [submit(['application', 'licence', 'floor plan']), ['ACCEPTED', '2025-10-14 10:00', {}]], []],
    ['one missing', [submit(['application', 'licence']), ['ACCEPTED', '2025-10-14 10:00', {}]], ['floor plan']],
    [
      'supplied by correction',
      [
        submit(['application']),
        ['CORRECTION_REQUESTED', '2025-10-14 10:00', { missing: ['licence', 'floor plan'] }],
        ['CORRECTION_SUBMITTED', '2025-10-15 10:00', { documents: ['licence', 'floor plan'] }],
        ['ACCEPTED', '2025-10-15 11:00', {}],
      ],
      [],
    ],
    ['listed on acceptance', [submit(['application']), ['ACCEPTED', '2025-10-14 10:00', { documents: ['licence', 'floor plan'] }]], []],
    [
      'supplied only after acceptance',
      [submit(['application', 'licence']), ['ACCEPTED', '2025-10-14 10:00', {}], ['CORRECTION_SUBMITTED', '2025-10-15 10:00', { documents: ['floor plan'] }]],
      ['floor plan'],
    ],
  ])('%s → missing %j', (_label, lines, missing) => {
    const findings = findingsOf(documentsMissingRule, calendar, caseEvents(...lines), '2025-10-20 10:00', { item: catalogued });
    expect(findings).toHaveLength(missing.length > 0 ? 1 : 0);
    if (missing.length > 0) expect(findings[0]).toMatchObject({ level: 'PROMPT', timeDriven: false, evidence: { facts: { missing } } });
  });

  it('is quiet before acceptance and without a catalogued item', () => {
    expect(findingsOf(documentsMissingRule, calendar, caseEvents(submit([])), '2025-10-20 10:00', { item: catalogued })).toHaveLength(0);
    const accepted = caseEvents(submit([]), ['ACCEPTED', '2025-10-14 10:00', {}]);
    expect(findingsOf(documentsMissingRule, calendar, accepted, '2025-10-20 10:00', { item: null })).toHaveLength(0);
  });
});
