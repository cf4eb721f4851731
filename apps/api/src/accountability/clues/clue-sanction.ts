import { EntityManager } from 'typeorm';
import { Principal } from '../../auth/principal';
import { InvalidInputException } from '../../common/invalid-input.exception';
import { ClueEntity } from '../../persistence/entities/accountability/clue.entity';
import { RegisterService } from '../register/register.service';
import { CLUE_DEPARTMENT_KINDS, SanctionInput } from './clue-input';

type DepartmentKind = (typeof CLUE_DEPARTMENT_KINDS)[number];
const isDepartmentKind = (kind: SanctionInput['kind']): kind is DepartmentKind => (CLUE_DEPARTMENT_KINDS as readonly string[]).includes(kind);

/**
 * The one place a substantiated clue becomes a register entry: an officer's (a fault or another
 * record of the register), or the department's as a whole (通报批评 / 警告, 违纪所得款项), in the
 * conclusion's transaction.
 */
export async function recordClueSanction(register: RegisterService, manager: EntityManager, principal: Principal, clue: ClueEntity, sanction: SanctionInput, conclusion: string, now: Date): Promise<string> {
  const basis = `${conclusion}（线索：${clue.sourceReferenceNo} ${clue.subject}）`;
  try {
    const { kind } = sanction;
    return isDepartmentKind(kind)
      ? await departmentSanction(register, manager, principal, clue, { ...sanction, kind }, basis, now)
      : await officerSanction(register, manager, principal, clue, { ...sanction, kind }, basis, now);
  } catch (error) {
    // The register names its own fields; here they are the sanction's.
    if (error instanceof InvalidInputException) {
      const body = error.getResponse() as { errors: { path: string; message: string }[] };
      throw new InvalidInputException(body.errors.map((e) => ({ ...e, path: e.path.startsWith('sanction.') ? e.path : `sanction.${e.path}` })));
    }
    throw error;
  }
}

async function departmentSanction(register: RegisterService, manager: EntityManager, principal: Principal, clue: ClueEntity, sanction: SanctionInput & { kind: DepartmentKind }, basis: string, now: Date): Promise<string> {
  if (sanction.officerId) throw new InvalidInputException([{ path: 'sanction.officerId', message: `a ${sanction.kind} entry concerns the department as a whole: give departmentCode, not an officer` }]);
  if (!sanction.departmentCode || !clue.departmentCodes.includes(sanction.departmentCode)) {
    throw new InvalidInputException([{ path: 'sanction.departmentCode', message: `one of the clue's departments (${clue.departmentCodes.join(', ')})` }]);
  }
  const entry = await register.recordDepartmentEntryInTransaction(manager, principal, now, {
    kind: sanction.kind,
    departmentCode: sanction.departmentCode,
    measure: sanction.measure,
    basis,
    ...(sanction.amount === undefined ? {} : { amount: sanction.amount }),
    ...(sanction.decidedOn ? { decidedOn: sanction.decidedOn } : {}),
    ...(sanction.committedOn ? { committedOn: sanction.committedOn } : {}),
  });
  return entry.id;
}

async function officerSanction(register: RegisterService, manager: EntityManager, principal: Principal, clue: ClueEntity, sanction: SanctionInput & { kind: Exclude<SanctionInput['kind'], DepartmentKind> }, basis: string, now: Date): Promise<string> {
  if (sanction.departmentCode) throw new InvalidInputException([{ path: 'sanction.departmentCode', message: `a ${sanction.kind} entry concerns an officer: give officerId (the department is the officer's)` }]);
  if (sanction.amount !== undefined) throw new InvalidInputException([{ path: 'sanction.amount', message: 'only DISCIPLINE_FUNDS entries carry an amount' }]);
  if (!sanction.officerId) throw new InvalidInputException([{ path: 'sanction.officerId', message: `a ${sanction.kind} entry names its officer` }]);
  const [officer] = await manager.query<{ department_code: string }[]>('SELECT department_code FROM officers WHERE id = $1', [sanction.officerId]);
  if (!officer || !clue.departmentCodes.includes(officer.department_code)) {
    throw new InvalidInputException([{ path: 'sanction.officerId', message: `not an officer of the clue's departments (${clue.departmentCodes.join(', ')})` }]);
  }
  if (sanction.kind === 'FAULT' && !sanction.severity) throw new InvalidInputException([{ path: 'sanction.severity', message: 'a fault needs a severity (MINOR, SERIOUS or GRAVE)' }]);
  const entry = await register.recordInTransaction(manager, principal, now, `register.${sanction.kind.toLowerCase()}.record`, {
    kind: sanction.kind,
    departmentCode: officer.department_code,
    officerId: sanction.officerId,
    severity: sanction.kind === 'FAULT' ? sanction.severity! : null,
    measure: sanction.measure,
    basis,
    directResponsibility: sanction.directResponsibility ?? false,
    decidedOn: sanction.decidedOn,
    committedOn: sanction.committedOn,
    caseId: clue.caseRefs.find((c) => c.departmentCode === officer.department_code)?.caseId ?? null,
  });
  return entry.id;
}
