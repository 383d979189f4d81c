/**
 * Appends `items` to `to`. `to.push(...items)` passes every item as an argument, and a list of some
 * hundred thousand findings overflows the stack that way.
 */
export function append<T>(to: T[], items: readonly T[]): T[] {
  for (const item of items) to.push(item);
  return to;
}
