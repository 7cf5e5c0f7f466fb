// Settings the server honours, from initializationOptions and workspace/configuration.
import type { RuleSetting } from '../core';

export interface ServerSettings {
  format: 'auto' | '2019' | '2021';
  rules: Record<string, RuleSetting>;
  run: 'onType' | 'onSave';
  /** Delay between the last keystroke and analysis, in ms. */
  debounceMs: number;
  inlayHints: { totals: 'mismatch' | 'always' | 'off' };
}

export const DEFAULT_SETTINGS: ServerSettings = {
  format: 'auto',
  rules: {},
  run: 'onType',
  debounceMs: 120,
  inlayHints: { totals: 'mismatch' },
};

const SEVERITIES = new Set(['off', 'hint', 'information', 'warning', 'error']);

/** Accepts anything and keeps only what is well-formed: bad settings never break analysis. */
export function readSettings(raw: unknown, base: ServerSettings = DEFAULT_SETTINGS): ServerSettings {
  const out: ServerSettings = { ...base, rules: { ...base.rules }, inlayHints: { ...base.inlayHints } };
  if (!raw || typeof raw !== 'object') return out;
  const r = raw as Record<string, unknown>;
  if (r.format === 'auto' || r.format === '2019' || r.format === '2021') out.format = r.format;
  if (r.run === 'onType' || r.run === 'onSave') out.run = r.run;
  if (typeof r.debounceMs === 'number' && r.debounceMs >= 0 && r.debounceMs < 10_000) out.debounceMs = r.debounceMs;
  const hints = (r.inlayHints as Record<string, unknown> | undefined)?.totals ?? r['inlayHints.totals'];
  if (hints === 'mismatch' || hints === 'always' || hints === 'off') out.inlayHints = { totals: hints };
  if (r.rules && typeof r.rules === 'object') {
    out.rules = {};
    for (const [k, v] of Object.entries(r.rules as Record<string, unknown>)) {
      if (typeof v === 'string' && SEVERITIES.has(v)) out.rules[k] = v as RuleSetting;
    }
  }
  return out;
}
