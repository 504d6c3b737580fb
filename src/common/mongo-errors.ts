// MongoDB's duplicate key error (E11000): a unique index or _id already holds the value.
export function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}
