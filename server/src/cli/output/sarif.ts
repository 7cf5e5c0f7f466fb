// SARIF 2.1.0 for code-scanning dashboards: rule metadata with help URIs, one result per finding.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHECKS, localize, type Severity } from '../../core';
import type { FileOutcome } from '../check-file';
import { locate } from './positions';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function toSarif(outcomes: FileOutcome[], lang: 'zh' | 'en', version: string): unknown {
  const ruleIndex = new Map(CHECKS.map((c, i) => [c.id, i]));
  const docs = (id: string) => pathToFileURL(path.join(__dirname, '..', 'docs', 'rules', `${id}.md`)).toString();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'jiaohe',
            fullName: '校核 Jiaohe — 政府信息公开年报检查',
            version,
            informationUri: docs('section-missing').replace(/section-missing\.md$/, ''),
            rules: CHECKS.map((c) => ({
              id: c.id,
              name: c.id.replace(/-([a-z])/g, (_, x: string) => x.toUpperCase()),
              shortDescription: { text: localize(c.description, lang) },
              fullDescription: { text: `${c.description.zh} / ${c.description.en}` },
              helpUri: docs(c.id),
              defaultConfiguration: { level: LEVEL[c.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: outcomes.flatMap((o) =>
          o.findings.map((f) => {
            const l = locate(o, f);
            return {
              ruleId: f.rule,
              ...(ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {}),
              level: LEVEL[f.severity],
              message: { text: localize(f.message, lang) },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: pathToFileURL(path.resolve(o.file)).toString() },
                    region: { startLine: l.line, startColumn: l.column, endLine: l.endLine, endColumn: l.endColumn },
                  },
                },
              ],
            };
          }),
        ),
      },
    ],
  };
}
