import { deserialize, serialize, Long, type Document } from 'bson';
import { DESERIALIZE } from './documents';

// MongoDB wire protocol framing: 16-byte header, then an opcode-specific body (little endian).
export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_MSG = 2013;

const MSG_CHECKSUM_PRESENT = 1 << 0;
export const MSG_MORE_TO_COME = 1 << 1;

export const HEADER_SIZE = 16;
export const MAX_MESSAGE_SIZE = 48_000_000;

export interface MessageHeader {
  length: number;
  requestId: number;
  responseTo: number;
  opCode: number;
}

export interface CommandRequest {
  command: Document;
  // True when the client asked for no reply (OP_MSG moreToCome).
  moreToCome: boolean;
  legacy: boolean;
}

export class ProtocolError extends Error {}

export function readHeader(buf: Buffer): MessageHeader {
  return {
    length: buf.readInt32LE(0),
    requestId: buf.readInt32LE(4),
    responseTo: buf.readInt32LE(8),
    opCode: buf.readInt32LE(12),
  };
}

function readDocument(buf: Buffer, offset: number, end: number): { doc: Document; next: number } {
  if (offset + 5 > end) throw new ProtocolError('truncated document');
  const size = buf.readInt32LE(offset);
  if (size < 5 || offset + size > end) throw new ProtocolError('bad document size');
  return {
    doc: deserialize(buf.subarray(offset, offset + size), DESERIALIZE),
    next: offset + size,
  };
}

function readCString(buf: Buffer, offset: number, end: number): { value: string; next: number } {
  const zero = buf.indexOf(0, offset);
  if (zero < 0 || zero >= end) throw new ProtocolError('unterminated cstring');
  return { value: buf.toString('utf8', offset, zero), next: zero + 1 };
}

// OP_MSG: uint32 flags, sections (kind 0: one body document; kind 1: int32 size, cstring id, documents).
function parseMsg(msg: Buffer): CommandRequest {
  const flags = msg.readUInt32LE(HEADER_SIZE);
  const end = flags & MSG_CHECKSUM_PRESENT ? msg.length - 4 : msg.length;
  let offset = HEADER_SIZE + 4;
  let body: Document | null = null;
  const sequences: Record<string, Document[]> = {};
  while (offset < end) {
    const kind = msg.readUInt8(offset);
    offset += 1;
    if (kind === 0) {
      const { doc, next } = readDocument(msg, offset, end);
      body = doc;
      offset = next;
    } else if (kind === 1) {
      const size = msg.readInt32LE(offset);
      const sectionEnd = offset + size;
      if (size < 5 || sectionEnd > end) throw new ProtocolError('bad sequence size');
      const id = readCString(msg, offset + 4, sectionEnd);
      const docs: Document[] = [];
      let pos = id.next;
      while (pos < sectionEnd) {
        const { doc, next } = readDocument(msg, pos, sectionEnd);
        docs.push(doc);
        pos = next;
      }
      sequences[id.value] = docs;
      offset = sectionEnd;
    } else {
      throw new ProtocolError(`unknown section kind ${kind}`);
    }
  }
  if (!body) throw new ProtocolError('OP_MSG without a body section');
  return {
    command: { ...body, ...sequences },
    moreToCome: (flags & MSG_MORE_TO_COME) !== 0,
    legacy: false,
  };
}

// Legacy OP_QUERY, only for the handshake: int32 flags, cstring ns, int32 skip, int32 return, query.
function parseQuery(msg: Buffer): CommandRequest {
  const ns = readCString(msg, HEADER_SIZE + 4, msg.length);
  const { doc } = readDocument(msg, ns.next + 8, msg.length);
  const query = doc.$query && typeof doc.$query === 'object' ? (doc.$query as Document) : doc;
  const db = ns.value.split('.')[0];
  return { command: { ...query, $db: db }, moreToCome: false, legacy: true };
}

export function parseRequest(msg: Buffer, header: MessageHeader): CommandRequest {
  if (header.opCode === OP_MSG) return parseMsg(msg);
  if (header.opCode === OP_QUERY) return parseQuery(msg);
  throw new ProtocolError(`unsupported opcode ${header.opCode}`);
}

function header(length: number, requestId: number, responseTo: number, opCode: number): Buffer {
  const buf = Buffer.alloc(HEADER_SIZE);
  buf.writeInt32LE(length, 0);
  buf.writeInt32LE(requestId, 4);
  buf.writeInt32LE(responseTo, 8);
  buf.writeInt32LE(opCode, 12);
  return buf;
}

export function encodeMsgReply(reply: Document, requestId: number, responseTo: number): Buffer {
  const body = Buffer.from(serialize(reply));
  const prefix = Buffer.alloc(5);
  prefix.writeUInt32LE(0, 0);
  prefix.writeUInt8(0, 4);
  return Buffer.concat([
    header(HEADER_SIZE + 5 + body.length, requestId, responseTo, OP_MSG),
    prefix,
    body,
  ]);
}

// OP_REPLY: int32 flags, int64 cursor id, int32 starting from, int32 number returned, documents.
export function encodeLegacyReply(reply: Document, requestId: number, responseTo: number): Buffer {
  const body = Buffer.from(serialize(reply));
  const fields = Buffer.alloc(20);
  fields.writeInt32LE(0, 0);
  fields.writeBigInt64LE(Long.ZERO.toBigInt(), 4);
  fields.writeInt32LE(0, 12);
  fields.writeInt32LE(1, 16);
  return Buffer.concat([
    header(HEADER_SIZE + 20 + body.length, requestId, responseTo, OP_REPLY),
    fields,
    body,
  ]);
}
