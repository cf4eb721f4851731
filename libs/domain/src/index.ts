export * from './case/case-event-order';
export * from './case/case-projection';
export * from './calendar';
export * from './clock';
export * from './alerts/card-lifecycle';
export * from './alerts/card-reconcile';
export * from './rules';
