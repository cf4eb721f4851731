import { DOMAIN_VERSION } from '@app/domain';
console.log('hello', DOMAIN_VERSION);
