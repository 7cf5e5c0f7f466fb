// V8 settings the CLI and the language server set on themselves. V8 reads these flags whenever it
// uses them (the next heap limit, the next function it optimises), so they take effect in a
// running process; they change memory and speed, never results.
import * as v8 from 'node:v8';

function setFlags(flags: string[]): void {
  for (const flag of flags) {
    try {
      v8.setFlagsFromString(flag);
    } catch {
      // A runtime without the flag: its default.
    }
  }
}

/**
 * How far V8 lets the old generation grow past what is live before it collects. By default it may
 * grow to several times the live heap: a 1000-report batch with ~16 MB live committed 109 MB (RSS
 * 172–179 MB). A growing factor of 1.2 kept it at 147–156 MB for the same time (alternated runs).
 * The language server's RSS after 10 000 keystrokes on a 20 KB report (a 10 MB one open) fell from
 * 296 to 217 MB.
 *
 * `near` false gives V8 its own measure back (0 is the flag's default). The language server does so
 * while its worker analyses a large document: the flag is the process's, and the worker, whose
 * live heap is small beside what each keystroke allocates (the document's whole text and its
 * analysis), then ran a full mark-compact every fifth keystroke — 74 in 400 keystrokes on the 1 MB
 * report, 0.56 s, against 14 and 0.10 s. Those keystrokes: p50 28.8–35.0 → 24.9–27.4 ms, p95
 * 45.4–47.7 → 38.3–43.5 ms (alternated runs); the RSS with the 10 MB report open and 10 000
 * keystrokes on a 20 KB one stayed as it was (the flag is back on while those are analysed).
 */
export function keepHeapNearLive(near = true): void {
  setFlags([`--heap-growing-percent=${near ? 20 : 0}`]);
}

/**
 * A batch run is short: optimising compilation was ~40 % of its CPU (1000 reports: 4.6 CPU-s for
 * 3.0 s of wall time; with compilation on the main thread, 5.2 s of wall time). Functions wait
 * longer before they are optimised (an interrupt budget of 600 000 instead of 144 KB of bytecode
 * run) and inline less (at most 200 bytes of bytecode in all), so that the rarely hot ones are not
 * compiled at all: 3.2 CPU-s and 2.7 s of wall time for the same folder. Not for the language
 * server, whose keystrokes run the same functions for hours.
 */
export function compileLessForBatch(): void {
  setFlags(['--interrupt-budget=600000', '--max-inlined-bytecode-size-cumulative=200']);
}
