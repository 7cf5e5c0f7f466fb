// How the language server's process is started, shared by the extension and by the tests and the
// bench (which start it as the extension does). No `vscode` import here.

/**
 * glibc malloc settings for the server's process. By default glibc raises its mmap threshold to the
 * largest block freed so far (up to 32 MB) and its trim threshold to twice that, so what a large
 * document's analysis allocated and freed stays in the process. Fixed thresholds give it back to the
 * system. Measured (bench section 5, alternated runs, these settings alone): RSS with a 10 MB
 * report open, settled, 99–105 → 89–90 MB; after 10 000 further edits 163–164 → 144–145 MB;
 * keystrokes on a 1 MB report as fast.
 * Where the allocator is not glibc's (macOS, Windows, musl, a runtime with its own malloc) they are
 * ignored.
 */
const MALLOC_SETTINGS: Readonly<Record<string, string>> = {
  MALLOC_MMAP_THRESHOLD_: '65536',
  MALLOC_TRIM_THRESHOLD_: '65536',
};

/** The variables to add to `env` for the server's process: ours, where the user has not set their own. */
export function serverEnvironment(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const added: Record<string, string> = {};
  for (const [key, value] of Object.entries(MALLOC_SETTINGS)) if (env[key] === undefined) added[key] = value;
  return added;
}
