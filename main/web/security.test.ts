// The web server's gatekeeping rules: token comparison, cookies, Host and Origin, upload paths and static files.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cookieValue, hostAllowed, originAllowed, safeRelativePath, safeUploadId, tokensEqual } from './security';
import { staticFile } from './static';

describe('web mode gatekeeping', () => {
  it('accepts only the exact token', () => {
    expect(tokensEqual('abc123', 'abc123')).toBe(true);
    expect(tokensEqual('abc12', 'abc123')).toBe(false);
    expect(tokensEqual('abc124', 'abc123')).toBe(false);
    expect(tokensEqual(null, 'abc123')).toBe(false);
  });

  it('reads the token cookie among others', () => {
    expect(cookieValue('a=1; netwright_token=xyz; b=2', 'netwright_token')).toBe('xyz');
    expect(cookieValue('a=1', 'netwright_token')).toBeNull();
    expect(cookieValue(undefined, 'netwright_token')).toBeNull();
  });

  it('reads a malformed percent-encoded cookie as no token instead of throwing', () => {
    expect(cookieValue('netwright_token=%E0%A4%A', 'netwright_token')).toBeNull();
    expect(cookieValue('a=%; netwright_token=xyz', 'netwright_token')).toBe('xyz');
  });

  it('answers only to loopback names on its own port (no DNS rebinding)', () => {
    expect(hostAllowed('127.0.0.1:4000', 4000)).toBe(true);
    expect(hostAllowed('localhost:4000', 4000)).toBe(true);
    expect(hostAllowed('evil.example:4000', 4000)).toBe(false);
    expect(hostAllowed('127.0.0.1:4001', 4000)).toBe(false);
    expect(hostAllowed(undefined, 4000)).toBe(false);
    expect(originAllowed('http://127.0.0.1:4000', 4000)).toBe(true);
    expect(originAllowed('http://evil.example', 4000)).toBe(false);
    expect(originAllowed(undefined, 4000)).toBe(false);
  });

  it('keeps uploads inside their folder', () => {
    expect(safeRelativePath('shapes/ring/a.png')).toBe(join('shapes', 'ring', 'a.png'));
    for (const bad of ['../etc/passwd', '/etc/passwd', 'a/../../b', 'C:\\x', 'a//b', '', 'a\0b', './a'])
      expect(safeRelativePath(bad), bad).toBeNull();
    expect(safeUploadId('0b4f3c2e-1111-4222-8333-944455556666')).not.toBeNull();
    expect(safeUploadId('../x')).toBeNull();
  });

  it('serves only known files inside the renderer build', () => {
    const root = mkdtempSync(join(tmpdir(), 'netwright-static-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'assets', 'app.js'), '');
    writeFileSync(join(root, 'secret.db'), '');
    expect(staticFile(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(staticFile(root, '/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(staticFile(root, '/../../etc/passwd')).toBeNull();
    expect(staticFile(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(staticFile(root, '/secret.db')).toBeNull();
    expect(staticFile(root, '/missing.js')).toBeNull();
  });
});
