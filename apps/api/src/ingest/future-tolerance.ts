/** Clock skew tolerated between a department system and the centre before an event is "in the future". */
export const FUTURE_TOLERANCE_MINUTES = 10;
export const FUTURE_TOLERANCE_MS = FUTURE_TOLERANCE_MINUTES * 60 * 1000;
