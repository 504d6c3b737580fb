import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import { Error as MongooseError } from 'mongoose';

// One error shape for the API: known errors keep their status and reason; anything else is a 500
// without internals, logged with its stack (never the request body).
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger(AllExceptionsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    const { status, body } = this.describe(exception);
    if (status >= 500) {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    }
    res.status(status).json(body);
  }

  private describe(exception: unknown): { status: number; body: Record<string, unknown> } {
    if (exception instanceof HttpException) {
      const response = exception.getResponse();
      const body =
        typeof response === 'string'
          ? { message: response }
          : (response as Record<string, unknown>);
      return {
        status: exception.getStatus(),
        body: { statusCode: exception.getStatus(), ...body },
      };
    }
    if (
      exception instanceof MongooseError.ValidationError ||
      exception instanceof MongooseError.CastError
    ) {
      return {
        status: HttpStatus.BAD_REQUEST,
        body: { statusCode: 400, error: 'Bad Request', message: exception.message },
      };
    }
    if (isBodyParserError(exception)) {
      return {
        status: exception.status,
        body: { statusCode: exception.status, error: 'Bad Request', message: exception.type },
      };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong' },
    };
  }
}

function isBodyParserError(e: unknown): e is { status: number; type: string } {
  const candidate = e as { status?: unknown; type?: unknown } | null;
  return (
    typeof candidate?.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500 &&
    typeof candidate.type === 'string'
  );
}
