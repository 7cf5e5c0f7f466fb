// SARIF 2.1.0 for code-scanning dashboards: rule metadata with the rule's documentation embedded
// (a file path on the machine that ran the check would help nobody else), one result per finding,
// and every input that could not be read as a notification of the run.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHECKS, localize, type Severity } from '../../core';
import type { FileOutcome } from '../check-file';
import { locate } from './positions';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** The rule's documentation page as shipped beside the bundle (docs/rules/<id>.md), when there. */
function ruleDoc(id: string): string | undefined {
  for (const dir of [path.join(__dirname, '..', 'docs', 'rules'), path.join(__dirname, '..', '..', 'docs', 'rules')]) {
    try {
      return readFileSync(path.join(dir, `${id}.md`), 'utf8');
    } catch {
      // not here: try the next place
    }
  }
  return undefined;
}

/** Markdown to plain text, enough for a help pane: headings, emphasis and code marks dropped. */
const plain = (md: string) => md.replace(/^#+\s*/gm, '').replace(/\*\*|`/g, '').trim();

export function toSarif(outcomes: FileOutcome[], lang: 'zh' | 'en', version: string): unknown {
  const ruleIndex = new Map(CHECKS.map((c, i) => [c.id, i]));
  const refused = outcomes.filter((o) => o.error);
  const checked = outcomes.filter((o) => !o.error);
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
            rules: CHECKS.map((c) => {
              const doc = ruleDoc(c.id) ?? `${c.description.zh} / ${c.description.en}`;
              return {
                id: c.id,
                name: c.id.replace(/-([a-z])/g, (_, x: string) => x.toUpperCase()),
                shortDescription: { text: localize(c.description, lang) },
                fullDescription: { text: `${c.description.zh} / ${c.description.en}` },
                help: { text: plain(doc), markdown: doc },
                defaultConfiguration: { level: LEVEL[c.defaultSeverity] },
              };
            }),
          },
        },
        invocations: [
          {
            executionSuccessful: refused.length === 0,
            toolExecutionNotifications: refused.map((o) => ({
              level: 'error',
              message: { text: o.error! },
              locations: [{ physicalLocation: { artifactLocation: { uri: pathToFileURL(path.resolve(o.file)).toString() } } }],
            })),
          },
        ],
        columnKind: 'utf16CodeUnits',
        results: checked.flatMap((o) =>
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
