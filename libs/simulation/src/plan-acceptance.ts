import { SubmissionChannel } from '@app/contracts';
import { NOT_ACCEPTED_REASONS, STEP_OPINIONS, VOID_REASONS } from './phrases';
import { StoryWriter } from './story-writer';

/**
 * Receipt to acceptance: SUBMITTED, the ACCEPT step, correction rounds, then ACCEPTED or
 * NOT_ACCEPTED (or, rarely, VOIDED as a duplicate entry). Returns false when the story ends here.
 */
export function planAcceptance(w: StoryWriter): boolean {
  const { rng, cast, timeline } = w;
  const { item, clock, start } = w.input;
  const irregular = w.irregularity;
  const docs = item.requiredDocuments;

  const corrections =
    irregular === 'CORRECTION_REPEATED'
      ? rng.int(2, 3)
      : irregular === 'CORRECTION_LATE'
        ? 1
        : !w.immediate && irregular === null && docs.length >= 2 && rng.chance(0.15)
          ? 1
          : 0;
  const missingCount = corrections > 0 || irregular === 'DOCUMENTS_MISSING' ? rng.int(1, Math.min(2, docs.length - 1)) : 0;
  const missing = rng.sample(docs, missingCount);
  const submitted = docs.filter((doc) => !missing.includes(doc));

  const channel: SubmissionChannel = !clock.isOfficeTime(start)
    ? 'ONLINE'
    : rng.weighted<SubmissionChannel>([['WINDOW', 0.55], ['ONLINE', 0.4], ['MAIL', 0.05]]);
  w.push('SUBMITTED', { channel, documents: submitted }, channel === 'WINDOW' ? cast.window : undefined);

  if (irregular === null && rng.chance(0.004)) {
    w.soon(1, 20);
    w.push('VOIDED', { reason: rng.pick(VOID_REASONS) }, cast.window);
    return false;
  }

  timeline.toOffice();
  w.soon(2, 40);
  w.push('STEP_STARTED', { step: 'ACCEPT' }, cast.handler);

  for (let round = 0; round < corrections; round++) {
    w.after(irregular === 'CORRECTION_LATE' && round === 0 ? rng.int(6, 9) : rng.int(0, 1));
    const asked = round === 0 ? missing : rng.sample(docs, rng.int(1, 2));
    w.push('CORRECTION_REQUESTED', { missing: asked }, cast.handler);
    w.after(rng.int(1, 3));
    w.push('CORRECTION_SUBMITTED', { documents: asked }, channel === 'WINDOW' ? cast.window : undefined);
  }

  if (irregular === 'NOT_ACCEPTED_NO_REASON' || (irregular === null && rng.chance(0.03))) {
    w.after(w.immediate ? 0 : rng.int(0, 1));
    w.push('STEP_COMPLETED', { step: 'ACCEPT', opinion: '不予受理' }, cast.handler);
    w.soon(1, 10);
    if (irregular === 'NOT_ACCEPTED_NO_REASON') {
      w.push('NOT_ACCEPTED', {}, cast.handler);
    } else {
      const [reason, legalBasis] = rng.pick(NOT_ACCEPTED_REASONS);
      w.push('NOT_ACCEPTED', { reason, legalBasis }, cast.handler);
    }
    return false;
  }

  w.after(w.immediate ? 0 : rng.int(0, 1));
  w.push('STEP_COMPLETED', { step: 'ACCEPT', opinion: STEP_OPINIONS.ACCEPT[0] }, cast.handler);
  w.soon(1, 5);
  w.push('ACCEPTED', { documents: irregular === 'DOCUMENTS_MISSING' ? submitted : [...docs] }, cast.handler);

  if (item.feeFen > 0 && irregular !== 'FEE_IRREGULAR') {
    w.soon(1, 20);
    w.push('FEE_CHARGED', { amountFen: item.feeFen }, cast.window);
  } else if (irregular === 'FEE_IRREGULAR') {
    w.soon(1, 20);
    const amountFen =
      item.feeFen > 0 ? Math.round((item.feeFen * rng.int(15, 30)) / 1000) * 100 : rng.pick([5000, 10000, 20000, 30000]);
    w.push('FEE_CHARGED', { amountFen }, cast.window);
  }
  return true;
}
