import { ObjectId } from 'bson';
import { Collection } from './collection';

describe('Collection', () => {
  let sut: Collection;

  beforeEach(() => {
    sut = new Collection('app', 'people');
  });

  it('words a duplicate _id like mongod', () => {
    const id = new ObjectId('6b0449c8f3e3278e09906bb9');
    sut.insert({ _id: id });

    expect(() => sut.insert({ _id: id })).toThrow(
      "E11000 duplicate key error collection: app.people index: _id_ dup key: { _id: ObjectId('6b0449c8f3e3278e09906bb9') }",
    );
  });

  it('treats a missing field as null in a unique index, unless the index is sparse', () => {
    sut.createIndex({ v: 2, key: { email: 1 }, name: 'email_1', unique: true });
    sut.createIndex({ v: 2, key: { phone: 1 }, name: 'phone_1', unique: true, sparse: true });
    sut.insert({ _id: 1 });

    expect(() => sut.insert({ _id: 2 })).toThrow('index: email_1 dup key: { email: null }');
    expect(() => sut.insert({ _id: 3, email: 'x' })).not.toThrow();
  });

  it('indexes every element of an array in a unique index', () => {
    sut.createIndex({ v: 2, key: { aliases: 1 }, name: 'aliases_1', unique: true });
    sut.insert({ _id: 1, aliases: ['a', 'b'] });

    expect(() => sut.insert({ _id: 2, aliases: ['c', 'b'] })).toThrow('dup key: { aliases: "b" }');
  });

  it('frees the keys of a deleted or replaced document', () => {
    sut.createIndex({ v: 2, key: { email: 1 }, name: 'email_1', unique: true });
    const a = { _id: 1, email: 'a' };
    sut.insert(a);
    sut.replace(a, { _id: 1, email: 'b' });
    sut.insert({ _id: 2, email: 'a' });
    sut.removeById(1);

    expect(() => sut.insert({ _id: 3, email: 'b' })).not.toThrow();
  });

  it('narrows equality and $in filters through an index', () => {
    sut.createIndex({ v: 2, key: { city: 1 }, name: 'city_1' });
    sut.insert({ _id: 1, city: 'Kayes' });
    sut.insert({ _id: 2, city: 'Mopti' });
    sut.insert({ _id: 3, city: 'Kayes' });

    expect(sut.candidates({ city: 'Kayes', other: 1 })?.map((d) => d._id)).toEqual([1, 3]);
    expect(sut.candidates({ city: { $in: ['Mopti'] } })?.map((d) => d._id)).toEqual([2]);
    expect(sut.candidates({ _id: { $in: [3, 9] } })?.map((d) => d._id)).toEqual([3]);
    expect(sut.candidates({ city: { $ne: 'Kayes' } })).toBeNull();
  });

  it('narrows through a partial index only for values the index is sure to hold', () => {
    sut.createIndex({
      v: 2,
      key: { sid: 1 },
      name: 'sid_1',
      unique: true,
      partialFilterExpression: { sid: { $type: 'string' } },
    });
    sut.insert({ _id: 1, sid: null });
    sut.insert({ _id: 2, sid: null });

    expect(sut.candidates({ sid: null })).toBeNull();
    expect(() => sut.insert({ _id: 3, sid: 'x' })).not.toThrow();
    expect(sut.candidates({ sid: 'x' })?.map((d) => d._id)).toEqual([3]);
    expect(() => sut.insert({ _id: 4, sid: 'x' })).toThrow('index: sid_1 dup key: { sid: "x" }');
  });

  it('narrows through a sparse index only for non-null values', () => {
    sut.createIndex({ v: 2, key: { phone: 1 }, name: 'phone_1', sparse: true });
    sut.insert({ _id: 1, phone: '1' });
    sut.insert({ _id: 2 });

    expect(sut.candidates({ phone: '1' })?.map((d) => d._id)).toEqual([1]);
    expect(sut.candidates({ phone: null })).toBeNull();
  });

  it('does not narrow through a partial index whose filter is on another field', () => {
    sut.createIndex({
      v: 2,
      key: { phone: 1 },
      name: 'phone_1',
      partialFilterExpression: { active: true },
    });
    sut.insert({ _id: 1, phone: '1', active: false });

    expect(sut.candidates({ phone: '1' })).toBeNull();
  });
});
