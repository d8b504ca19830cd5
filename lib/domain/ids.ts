const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` can be a row id; anything else is reported as not found. */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
