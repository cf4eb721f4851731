export * from './case/case-event-order';
export * from './case/case-projection';
