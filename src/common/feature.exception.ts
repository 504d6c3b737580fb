import { HttpException, HttpStatus } from '@nestjs/common';

export type ExceptionExtra = Record<string, unknown>;

// Shared mechanics of the per-feature exceptions (one subclass + code enum per feature):
// the code decides the HTTP status and the body is always { code, message, ...extra }.
export abstract class FeatureException<Code extends string> extends HttpException {
  protected constructor(
    readonly code: Code,
    message: string,
    status: HttpStatus,
    extra: ExceptionExtra = {},
  ) {
    super({ code, message, ...extra }, status);
  }
}
