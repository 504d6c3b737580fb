import * as net from 'node:net';
import { Logger } from '@nestjs/common';
import { deserialize, serialize, type Document } from 'bson';
import { EmbeddedMongoServer } from './server';
import { OP_MSG, OP_QUERY, OP_REPLY, MSG_MORE_TO_COME } from './wire';

// Raw wire-protocol checks, below what the driver would let a test send.
function frame(opCode: number, requestId: number, body: Buffer): Buffer {
  const header = Buffer.alloc(16);
  header.writeInt32LE(16 + body.length, 0);
  header.writeInt32LE(requestId, 4);
  header.writeInt32LE(0, 8);
  header.writeInt32LE(opCode, 12);
  return Buffer.concat([header, body]);
}

function opMsg(
  requestId: number,
  command: Document,
  flags = 0,
  sequence?: { id: string; docs: Document[] },
): Buffer {
  const parts = [Buffer.alloc(4), Buffer.from([0]), Buffer.from(serialize(command))];
  parts[0].writeUInt32LE(flags, 0);
  if (sequence) {
    const docs = Buffer.concat(sequence.docs.map((d) => Buffer.from(serialize(d))));
    const id = Buffer.from(`${sequence.id}\0`);
    const size = Buffer.alloc(4);
    size.writeInt32LE(4 + id.length + docs.length, 0);
    parts.push(Buffer.from([1]), size, id, docs);
  }
  return frame(OP_MSG, requestId, Buffer.concat(parts));
}

function opQuery(requestId: number, ns: string, query: Document): Buffer {
  const flags = Buffer.alloc(4);
  const counts = Buffer.alloc(8);
  counts.writeInt32LE(-1, 4);
  return frame(
    OP_QUERY,
    requestId,
    Buffer.concat([flags, Buffer.from(`${ns}\0`), counts, Buffer.from(serialize(query))]),
  );
}

class RawClient {
  private buffered = Buffer.alloc(0);
  private waiters: ((msg: Buffer) => void)[] = [];
  readonly closed: Promise<void>;

  constructor(private readonly socket: net.Socket) {
    this.closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      while (this.buffered.length >= 4 && this.buffered.length >= this.buffered.readInt32LE(0)) {
        const len = this.buffered.readInt32LE(0);
        const msg = this.buffered.subarray(0, len);
        this.buffered = this.buffered.subarray(len);
        this.waiters.shift()?.(msg);
      }
    });
  }

  static connect(port: number): Promise<RawClient> {
    return new Promise((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => resolve(new RawClient(socket)));
    });
  }

  send(buf: Buffer): void {
    this.socket.write(buf);
  }

  next(): Promise<Buffer> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  async command(requestId: number, command: Document): Promise<Document> {
    const reply = this.next();
    this.send(opMsg(requestId, command));
    return deserialize((await reply).subarray(21));
  }

  end(): void {
    this.socket.destroy();
  }
}

describe('EmbeddedMongoServer (wire protocol)', () => {
  let sut: EmbeddedMongoServer;
  let port: number;

  beforeAll(() => Logger.overrideLogger(false));

  beforeEach(async () => {
    sut = new EmbeddedMongoServer();
    const { uri } = await sut.start({ dataDir: null });
    port = Number(uri.split(':').pop());
  });

  afterEach(async () => {
    await sut.stop();
  });

  it('answers a legacy OP_QUERY isMaster with an OP_REPLY', async () => {
    const client = await RawClient.connect(port);
    const reply = client.next();

    client.send(opQuery(7, 'admin.$cmd', { isMaster: 1, helloOk: true }));
    const msg = await reply;
    client.end();

    expect(msg.readInt32LE(8)).toBe(7);
    expect(msg.readInt32LE(12)).toBe(OP_REPLY);
    expect(msg.readInt32LE(32)).toBe(1);
    expect(deserialize(msg.subarray(36))).toMatchObject({
      ok: 1,
      ismaster: true,
      helloOk: true,
      maxWireVersion: 21,
    });
  });

  it('takes documents from a kind 1 section and sends no reply when moreToCome is set', async () => {
    const client = await RawClient.connect(port);

    client.send(
      opMsg(1, { insert: 'c', $db: 't' }, MSG_MORE_TO_COME, {
        id: 'documents',
        docs: [{ _id: 1 }, { _id: 2 }],
      }),
    );
    const count = await client.command(2, { count: 'c', $db: 't' });
    client.end();

    expect(count).toMatchObject({ n: 2, ok: 1 });
  });

  it('answers an unknown command with code 59', async () => {
    const client = await RawClient.connect(port);

    const reply = await client.command(1, { frobnicate: 1, $db: 'admin' });
    client.end();

    expect(reply).toEqual({
      ok: 0,
      errmsg: "no such command: 'frobnicate'",
      code: 59,
      codeName: 'CommandNotFound',
    });
  });

  it('closes only the connection that sent a malformed message', async () => {
    const bad = await RawClient.connect(port);
    const good = await RawClient.connect(port);

    bad.send(frame(OP_MSG, 1, Buffer.from([0, 0, 0, 0, 9, 1, 2, 3])));
    await bad.closed;
    const reply = await good.command(2, { ping: 1, $db: 'admin' });
    good.end();

    expect(reply).toMatchObject({ ok: 1 });
  });

  it('closes a connection announcing an absurd message length', async () => {
    const client = await RawClient.connect(port);
    const header = Buffer.alloc(16);
    header.writeInt32LE(2_000_000_000, 0);

    client.send(header);

    await expect(client.closed).resolves.toBeUndefined();
  });
});
