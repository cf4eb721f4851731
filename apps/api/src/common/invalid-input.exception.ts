import { BadRequestException } from '@nestjs/common';
import { FieldError } from '@app/contracts';

/** 400 whose body names every offending field and why. */
export class InvalidInputException extends BadRequestException {
  constructor(errors: FieldError[], message = 'Invalid request') {
    super({ statusCode: 400, error: 'Bad Request', message, errors });
  }
}
