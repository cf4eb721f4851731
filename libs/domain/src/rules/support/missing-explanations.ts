import { isBlank } from './case-history';

/** Which of a refusal's required explanations are missing: 'reason', and 'legalBasis' if required. */
export function missingExplanations(
  data: { reason?: string; legalBasis?: string },
  requireLegalBasis: boolean,
): ('reason' | 'legalBasis')[] {
  const missing: ('reason' | 'legalBasis')[] = [];
  if (isBlank(data.reason)) missing.push('reason');
  if (requireLegalBasis && isBlank(data.legalBasis)) missing.push('legalBasis');
  return missing;
}

export function missingText(missing: readonly ('reason' | 'legalBasis')[]): { zh: string; en: string } {
  return {
    zh: missing.map((field) => (field === 'reason' ? '理由' : '法律依据')).join('和'),
    en: missing.map((field) => (field === 'reason' ? 'reason' : 'legal basis')).join(' and '),
  };
}
