import { BadRequestException, NotFoundException } from '@nestjs/common';
import { FieldError } from '@app/contracts';

/** 400 whose body names every offending field and why. */
export class InvalidInputException extends BadRequestException {
  constructor(errors: FieldError[], message = 'Invalid request') {
    super({ statusCode: 400, error: 'Bad Request', message, errors });
  }
}

/** 404 naming the parameter that found nothing, in the same shape as a 400. */
export function notFound(path: string, message: string): NotFoundException {
  return new NotFoundException({ statusCode: 404, error: 'Not Found', message, errors: [{ path, message: 'not found' }] });
}
