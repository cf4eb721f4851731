export * from './events/event-types';
export * from './events/event.schema';
export * from './events/event-validator';
export * from './events/field-error';
export * from './catalogue/catalogue-types';
export * from './catalogue/catalogue.schema';
export * from './cases/case-types';
export * from './catalogue/parents-first';
