import { ObjectId } from 'bson';
import { applyUpdate, buildUpsert } from './update';

describe('applyUpdate', () => {
  it('leaves the stored document untouched', () => {
    const stored = { _id: 1, tags: ['a'], nested: { n: 1 } };

    const next = applyUpdate(
      stored,
      { $push: { tags: 'b' }, $inc: { 'nested.n': 1 } },
      { filter: {} },
    );

    expect(next).toEqual({ _id: 1, tags: ['a', 'b'], nested: { n: 2 } });
    expect(stored).toEqual({ _id: 1, tags: ['a'], nested: { n: 1 } });
  });

  it('ignores $setOnInsert on an existing document', () => {
    const next = applyUpdate(
      { _id: 1, a: 1 },
      { $set: { b: 2 }, $setOnInsert: { c: 3 } },
      { filter: {} },
    );

    expect(next).toEqual({ _id: 1, a: 1, b: 2 });
  });

  it('replaces the whole document but keeps its _id', () => {
    expect(applyUpdate({ _id: 1, a: 1 }, { b: 2 }, { filter: {} })).toEqual({ _id: 1, b: 2 });
  });

  it('refuses to change _id', () => {
    expect(() => applyUpdate({ _id: 1 }, { $set: { _id: 2 } }, { filter: {} })).toThrow(
      /immutable field '_id'/,
    );
  });

  it('applies an aggregation pipeline update', () => {
    expect(
      applyUpdate({ _id: 1, a: 2 }, [{ $set: { b: { $multiply: ['$a', 10] } } }], { filter: {} }),
    ).toEqual({
      _id: 1,
      a: 2,
      b: 20,
    });
  });

  it('reports an unknown operator as a bad value', () => {
    expect(() => applyUpdate({ _id: 1 }, { $frobnicate: { a: 1 } }, { filter: {} })).toThrow(
      /\$frobnicate/,
    );
  });
});

describe('buildUpsert', () => {
  it('starts from the equality fields of the filter, then $setOnInsert and the update', () => {
    const sut = buildUpsert(
      { key: 'k', 'meta.source': 'sms', n: { $gt: 5 }, $and: [{ region: { $eq: 'Kayes' } }] },
      { $set: { status: 'open' }, $setOnInsert: { createdAt: new Date(0) }, $inc: { hits: 1 } },
    );

    expect(sut).toEqual({
      _id: expect.any(ObjectId),
      key: 'k',
      meta: { source: 'sms' },
      region: 'Kayes',
      status: 'open',
      createdAt: new Date(0),
      hits: 1,
    });
  });

  it('takes the _id of the filter', () => {
    expect(buildUpsert({ _id: 'session-1' }, { $set: { a: 1 } })).toEqual({
      _id: 'session-1',
      a: 1,
    });
  });

  it('inserts a replacement document with the _id of the filter', () => {
    expect(buildUpsert({ _id: 7, a: 1 }, { b: 2 })).toEqual({ _id: 7, b: 2 });
  });
});
