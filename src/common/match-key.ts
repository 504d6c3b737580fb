// Accent-, case- and outer-space-insensitive form of a name, to match what someone typed with the
// canonical spelling (" segou" and "Ségou" give the same key). Every combining mark goes.
export function matchKey(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();
}
