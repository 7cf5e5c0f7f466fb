// The environment the extension (and the tests, and the bench) give the language server's process.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { serverEnvironment } from '../../client/src/server-process';

describe('server process environment', () => {
  it('sets glibc malloc thresholds that give freed memory back', () => {
    assert.deepEqual(serverEnvironment({ PATH: '/usr/bin' }), { MALLOC_MMAP_THRESHOLD_: '65536', MALLOC_TRIM_THRESHOLD_: '65536' });
  });
  it('keeps what the user set', () => {
    assert.deepEqual(serverEnvironment({ MALLOC_TRIM_THRESHOLD_: '0' }), { MALLOC_MMAP_THRESHOLD_: '65536' });
    assert.deepEqual(serverEnvironment({ MALLOC_TRIM_THRESHOLD_: '1', MALLOC_MMAP_THRESHOLD_: '2' }), {});
  });
});
