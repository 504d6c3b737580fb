import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Gazetteer } from '../geography/gazetteer';
import { Analyzer, EMPTY_ANALYSIS, loadModelJson, type Analysis } from './analyzer';
import { UnderstandingErrorCode, UnderstandingException } from './understanding.exception';

export type { Analysis } from './analyzer';

// Reads needs, urgency, language and place from one message. The model is loaded once.
@Injectable()
export class UnderstandingService implements OnModuleInit {
  private readonly logger = new Logger(UnderstandingService.name);
  private analyzer: Analyzer | null = null;

  onModuleInit(): void {
    this.load();
  }

  analyze(text: string): Analysis {
    if (typeof text !== 'string' || text.trim() === '') return { ...EMPTY_ANALYSIS, needs: [] };
    return this.load().analyze(text);
  }

  private load(): Analyzer {
    if (this.analyzer) return this.analyzer;
    const started = Date.now();
    try {
      this.analyzer = new Analyzer(loadModelJson(), Gazetteer.default());
    } catch (err) {
      throw new UnderstandingException(
        UnderstandingErrorCode.MODEL_UNAVAILABLE,
        (err as Error).message,
      );
    }
    this.logger.log(`need model loaded in ${Date.now() - started} ms`);
    return this.analyzer;
  }
}
