import { HttpException, HttpStatus } from '@nestjs/common';
import { ExceptionExtra, FeatureException } from './feature.exception';

enum SampleCode {
  GONE = 'SAMPLE_GONE',
  BUSY = 'SAMPLE_BUSY',
}

const STATUS: Record<SampleCode, HttpStatus> = {
  [SampleCode.GONE]: HttpStatus.NOT_FOUND,
  [SampleCode.BUSY]: HttpStatus.TOO_MANY_REQUESTS,
};

class SampleException extends FeatureException<SampleCode> {
  constructor(code: SampleCode, message: string, extra?: ExceptionExtra) {
    super(code, message, STATUS[code], extra);
  }
}

describe('FeatureException', () => {
  it('takes its status from the code and answers { code, message }', () => {
    const sut = new SampleException(SampleCode.GONE, 'not here');

    expect(sut).toBeInstanceOf(HttpException);
    expect(sut.getStatus()).toBe(HttpStatus.NOT_FOUND);
    expect(sut.getResponse()).toEqual({ code: 'SAMPLE_GONE', message: 'not here' });
    expect(sut.code).toBe(SampleCode.GONE);
    expect(sut.message).toBe('not here');
  });

  it('adds the extra fields to the body', () => {
    const sut = new SampleException(SampleCode.BUSY, 'later', { retryAfterSeconds: 30 });

    expect(sut.getStatus()).toBe(HttpStatus.TOO_MANY_REQUESTS);
    expect(sut.getResponse()).toEqual({
      code: 'SAMPLE_BUSY',
      message: 'later',
      retryAfterSeconds: 30,
    });
  });
});
