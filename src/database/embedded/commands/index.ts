import type { Doc } from '../documents';
import { CommandError, commandError } from '../errors';
import { adminCommands } from './admin';
import type { CommandContext } from './context';
import { handshakeCommands } from './handshake';
import { readCommands } from './read';
import { writeCommands } from './write';

export type { CommandContext } from './context';

const COMMANDS = { ...handshakeCommands, ...readCommands, ...writeCommands, ...adminCommands };

// Runs one command synchronously and always returns a reply document (errors included).
export function runCommand(cmd: Doc, ctx: Omit<CommandContext, 'db'>): Doc {
  const name = Object.keys(cmd)[0] ?? '';
  const db = typeof cmd.$db === 'string' ? cmd.$db : 'admin';
  try {
    // A standalone mongod refuses transactions (and retryable writes) the same way.
    if (cmd.txnNumber !== undefined || cmd.startTransaction !== undefined) {
      throw commandError(
        'IllegalOperation',
        'Transaction numbers are only allowed on a replica set member or mongos',
      );
    }
    const handler = Object.prototype.hasOwnProperty.call(COMMANDS, name)
      ? COMMANDS[name]
      : undefined;
    if (!handler) throw commandError('CommandNotFound', `no such command: '${name}'`);
    // After a failed journal write nothing more is acknowledged; the handshake keeps working.
    const failure = ctx.engine.failure;
    if (failure && !(name in handshakeCommands)) {
      throw commandError(
        'InternalError',
        `journal write failed, restart the embedded database: ${failure.message}`,
      );
    }
    return handler(cmd, { ...ctx, db });
  } catch (err) {
    if (err instanceof CommandError) return err.toReply();
    return {
      ok: 0,
      errmsg: err instanceof Error ? err.message : String(err),
      code: 1,
      codeName: 'InternalError',
    };
  } finally {
    // Throws if the journal cannot be written: the caller must not acknowledge the command.
    ctx.engine.commit();
  }
}
