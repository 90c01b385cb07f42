// What the desktop window may load from app://netwright and which links may leave the app.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_HOME_URL, contentTypeOf, isAppUrl, isExternalLink, rendererFile } from './appUrl';

const root = join('/', 'opt', 'netwright', 'dist', 'renderer');

describe('app://netwright', () => {
  it('serves the renderer build: the index for the bare origin and files under the folder', () => {
    expect(rendererFile(root, APP_HOME_URL)).toBe(join(root, 'index.html'));
    expect(rendererFile(root, 'app://netwright/')).toBe(join(root, 'index.html'));
    expect(rendererFile(root, 'app://netwright/assets/index-abc.js?v=1#x')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(rendererFile(root, 'app://netwright/assets/a%20b.css')).toBe(join(root, 'assets', 'a b.css'));
  });

  it('keeps dot segments the URL parser resolves inside the folder', () => {
    // The parser turns /../../index.html into /index.html before we see it: still a file of ours.
    expect(rendererFile(root, 'app://netwright/../../index.html')).toBe(join(root, 'index.html'));
    expect(rendererFile(root, 'app://netwright/%2e%2e/%2e%2e/index.html')).toBe(join(root, 'index.html'));
  });

  it('refuses paths that would leave the folder or smuggle separators', () => {
    for (const url of [
      'app://netwright/..%2f..%2fpackage.json',
      'app://netwright/assets/..%2F..%2F..%2Fetc%2Fpasswd.json',
      'app://netwright/assets%5c..%5c..%5cpackage.json',
      'app://netwright/index.html%00.js',
      'app://netwright/%E0%A4%A',
    ])
      expect(rendererFile(root, url), url).toBeNull();
  });

  it('refuses other origins, schemes and file types', () => {
    for (const url of [
      'app://evil/index.html',
      'app://user:pw@netwright/index.html',
      'file:///opt/netwright/dist/renderer/index.html',
      'https://netwright/index.html',
      'app://netwright/assets/data.bin',
      'app://netwright/assets',
      'not a url',
    ])
      expect(rendererFile(root, url), url).toBeNull();
  });

  it('names the content type of each served file', () => {
    expect(contentTypeOf('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/x/a.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/x/a.css')).toBe('text/css; charset=utf-8');
  });

  it('treats only app://netwright as our own page', () => {
    expect(isAppUrl('app://netwright/index.html')).toBe(true);
    expect(isAppUrl('app://netwright.evil/index.html')).toBe(false);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('https://netwright/index.html')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });

  it('opens only https links in the system browser', () => {
    expect(isExternalLink('https://onnx.ai/')).toBe(true);
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'app://netwright/x',
      'smb://host/share',
      'https://u:p@example.com/',
    ]) {
      expect(isExternalLink(url), url).toBe(false);
    }
  });
});
