import { Logger } from '@nestjs/common';
import { IntervalTask } from './interval-task';

// A run that ends only when the test says so.
function gate<T>() {
  let open!: (value: T) => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<T>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

function setup(run: () => Promise<number>) {
  const logger = new Logger('IntervalTaskSpec');
  const error = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
  const sut = new IntervalTask({ run, logger, failure: 'Sample run failed' });
  return { sut, error };
}

describe('IntervalTask', () => {
  afterEach(() => jest.useRealTimers());

  it('joins the run in progress instead of starting a second one', async () => {
    const pending = gate<number>();
    const run = jest.fn(() => pending.promise);
    const { sut } = setup(run);

    const first = sut.runNow();
    const second = sut.runNow();
    pending.open(7);

    expect(await first).toBe(7);
    expect(await second).toBe(7);
    expect(run).toHaveBeenCalledTimes(1);
    run.mockResolvedValueOnce(8);
    expect(await sut.runNow()).toBe(8);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('logs a failed run by its message and rejects the caller', async () => {
    const { sut, error } = setup(() => Promise.reject(new Error('db down')));

    await expect(sut.runNow()).rejects.toThrow('db down');
    expect(error).toHaveBeenCalledWith('Sample run failed: db down');
  });

  it('logs at the level asked for and catches a run that throws before returning a promise', async () => {
    const logger = new Logger('IntervalTaskSpec');
    const warn = jest.spyOn(logger, 'warn').mockImplementation(() => undefined);
    const sut = new IntervalTask<number>({
      run: () => {
        throw new Error('boom');
      },
      logger,
      failure: 'Poll failed',
      level: 'warn',
    });

    await expect(sut.runNow()).rejects.toThrow('boom');
    expect(warn).toHaveBeenCalledWith('Poll failed: boom');
  });

  it('runs on every period, skips a period while a run is still going, and stops', async () => {
    jest.useFakeTimers();
    let pending = gate<number>();
    const run = jest.fn(() => pending.promise);
    const { sut } = setup(run);

    sut.start(1000);
    sut.start(1000);
    await jest.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(3000);
    expect(run).toHaveBeenCalledTimes(1);

    pending.open(1);
    pending = gate<number>();
    await jest.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(2);

    pending.open(2);
    await sut.stop();
    await jest.advanceTimersByTimeAsync(5000);
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('keeps running after a failed period', async () => {
    jest.useFakeTimers();
    const run = jest.fn().mockRejectedValueOnce(new Error('flaky')).mockResolvedValue(1);
    const { sut, error } = setup(run);

    sut.start(1000);
    await jest.advanceTimersByTimeAsync(2000);

    expect(run).toHaveBeenCalledTimes(2);
    expect(error).toHaveBeenCalledWith('Sample run failed: flaky');
    await sut.stop();
  });

  it('stop waits for the run in progress, even one that fails', async () => {
    const pending = gate<number>();
    const { sut } = setup(() => pending.promise);
    void sut.runNow().catch(() => undefined);
    let stopped = false;

    const stopping = sut.stop().then(() => (stopped = true));
    await Promise.resolve();
    expect(stopped).toBe(false);
    pending.fail(new Error('late failure'));
    await stopping;

    expect(stopped).toBe(true);
  });
});
