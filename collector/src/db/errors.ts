/**
 * True when a write broke a UNIQUE constraint. Verbs check uniqueness first so they can name
 * the field; this catches the race the check cannot see. SQLite and PostgreSQL codes both.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const { code } = error;
  return (
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === '23505'
  );
}
