export * from './post-attribution';
export * from './rule-stage';
