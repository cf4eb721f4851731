export * from './calendar-date';
export * from './holiday-year-file';
export * from './counting-policy';
export * from './working-calendar';
export * from './deadline';
export * from './calendar-warnings';
export * from './working-hours';
export * from './event-date-range';
