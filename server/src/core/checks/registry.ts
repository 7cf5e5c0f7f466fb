// All checks, in the order their findings are listed for one place. Add a check here and give it
// a docs page under docs/rules/<id>.md (a test keeps the two in step).
import type { Check } from './types';

export const CHECKS: readonly Check[] = [];

export function findCheck(id: string): Check | undefined {
  return CHECKS.find((c) => c.id === id);
}
