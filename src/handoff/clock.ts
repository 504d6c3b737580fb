import { Injectable } from '@nestjs/common';

// Time source for SLA and follow-up decisions; tests replace now() to move time forward.
export abstract class Clock {
  abstract now(): Date;
}

@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
