export * from './case/case-event-order';
export * from './case/case-projection';
export * from './calendar';
export * from './clock';
