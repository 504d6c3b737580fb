import { Long, ObjectId } from 'bson';
import { cachedQuery, matchesPlain, plainEquality } from './queries';

describe('cachedQuery', () => {
  it('hands back the same compiled query for an equal filter', () => {
    const id = new ObjectId();
    const sut = cachedQuery({ contact: id, n: { $gt: 1 } });
    expect(cachedQuery({ contact: new ObjectId(id.toHexString()), n: { $gt: 1 } })).toBe(sut);
    expect(sut.test({ contact: id, n: 2 })).toBe(true);
  });

  it('tells apart values that print alike but differ in type', () => {
    const id = new ObjectId();
    const sut = cachedQuery({ ref: id.toHexString() });
    expect(cachedQuery({ ref: id })).not.toBe(sut);
    expect(sut.test({ ref: id })).toBe(false);
  });

  it('is not changed when the caller later mutates its filter', () => {
    const filter = { tags: { $in: ['a'] } };
    const sut = cachedQuery(filter);
    filter.tags.$in.push('b');
    expect(sut.test({ tags: 'b' })).toBe(false);
  });
});

describe('plainEquality', () => {
  it('accepts top-level fields with non-null scalars, $eq or $in of them', () => {
    expect(plainEquality({ phone: 'x', n: { $eq: 1 }, k: { $in: ['a', 'b'] } })).toEqual([
      ['phone', ['x']],
      ['n', [1]],
      ['k', ['a', 'b']],
    ]);
    expect(plainEquality({})).toBeNull();
    expect(plainEquality({ a: null })).toBeNull();
    expect(plainEquality({ a: { $in: ['x', null] } })).toBeNull();
    expect(plainEquality({ 'a.b': 1 })).toBeNull();
    expect(plainEquality({ a: { $eq: 1, $ne: 2 } })).toBeNull();
    expect(plainEquality({ a: { $gt: 1 } })).toBeNull();
    expect(plainEquality({ $or: [] })).toBeNull();
    expect(plainEquality({ a: /x/ })).toBeNull();
  });
});

describe('matchesPlain', () => {
  const id = new ObjectId();
  const when = new Date(1_700_000_000_000);

  it('matches scalars by value and type, and arrays holding the value', () => {
    const doc = { _id: id, s: 'x', n: 2, b: true, at: when, tags: ['a', 'b'] };
    expect(matchesPlain(doc, [['_id', [new ObjectId(id.toHexString())]]])).toBe(true);
    expect(matchesPlain(doc, [['at', [new Date(when.getTime())]]])).toBe(true);
    expect(matchesPlain(doc, [['tags', ['b']]])).toBe(true);
    expect(
      matchesPlain(doc, [
        ['s', ['x']],
        ['n', [2]],
        ['b', [true]],
      ]),
    ).toBe(true);
    expect(matchesPlain(doc, [['n', ['2']]])).toBe(false);
    expect(matchesPlain(doc, [['s', [id.toHexString()]]])).toBe(false);
    expect(matchesPlain(doc, [['missing', ['x']]])).toBe(false);
  });

  it('matches when any $in value does, and nothing for an empty $in', () => {
    expect(matchesPlain({ s: 'y' }, [['s', ['x', 'y']]])).toBe(true);
    expect(matchesPlain({ s: 'z' }, [['s', ['x', 'y']]])).toBe(false);
    expect(matchesPlain({ s: 'x' }, [['s', []]])).toBe(false);
  });

  it('leaves BSON types it cannot compare to mingo', () => {
    expect(matchesPlain({ n: Long.fromString('9007199254740993') }, [['n', [1]]])).toBeNull();
    expect(
      matchesPlain({ n: Long.fromNumber(1), s: 'y' }, [
        ['n', [1]],
        ['s', ['x']],
      ]),
    ).toBe(false);
  });
});
