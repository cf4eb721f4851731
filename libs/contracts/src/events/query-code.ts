/**
 * A query code (查询码): 6–32 letters and digits, compared without regard to case. Long enough that,
 * with the per-client rate limit, guessing one is hopeless; short enough to print on a receipt.
 */
export const QUERY_CODE_PATTERN = '^[A-Za-z0-9]{6,32}$';

/** The form a code is hashed in: letters upper-cased, so `ab12cd` and `AB12CD` are one code. */
export const normaliseQueryCode = (code: string): string => code.trim().toUpperCase();
