// The command line's language from the environment: NETWRIGHT_LANG first, then LC_ALL, LC_MESSAGES and LANG in the
// POSIX order, Chinese for any zh locale; a NETWRIGHT_LANG it does not know is a usage error naming it.
import { describe, expect, it } from 'vitest';
import { UsageError } from './args';
import { cliLocale, say } from './locale';

describe('cliLocale', () => {
  it('speaks English when nothing is set', () => {
    expect(cliLocale({})).toBe('en');
  });

  it.each([
    ['zh_CN.UTF-8', 'zh'],
    ['zh_TW', 'zh'],
    ['zh', 'zh'],
    ['ZH_cn.utf8', 'zh'],
    ['C', 'en'],
    ['C.UTF-8', 'en'],
    ['POSIX', 'en'],
    ['en_US.UTF-8', 'en'],
    ['de_DE.UTF-8', 'en'],
  ])('takes LANG=%s as %s', (lang, locale) => {
    expect(cliLocale({ LANG: lang })).toBe(locale);
    expect(cliLocale({ LC_MESSAGES: lang })).toBe(locale);
    expect(cliLocale({ LC_ALL: lang })).toBe(locale);
  });

  it('follows the POSIX order: LC_ALL over LC_MESSAGES over LANG', () => {
    expect(cliLocale({ LC_ALL: 'C', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(cliLocale({ LC_ALL: 'zh_CN.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(cliLocale({ LC_MESSAGES: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(cliLocale({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'C.UTF-8' })).toBe('zh');
  });

  it('skips locale variables that are set but empty', () => {
    expect(cliLocale({ LC_ALL: '', LC_MESSAGES: '', LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(cliLocale({ LC_ALL: '', LANG: '' })).toBe('en');
  });

  it('lets NETWRIGHT_LANG win over every locale variable', () => {
    const chinese = { LC_ALL: 'zh_CN.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'zh_CN.UTF-8' };
    expect(cliLocale({ ...chinese, NETWRIGHT_LANG: 'en' })).toBe('en');
    expect(cliLocale({ LC_ALL: 'C', LANG: 'en_US.UTF-8', NETWRIGHT_LANG: 'zh' })).toBe('zh');
    expect(cliLocale({ NETWRIGHT_LANG: 'zh' })).toBe('zh');
  });

  it('takes an empty NETWRIGHT_LANG as unset', () => {
    expect(cliLocale({ NETWRIGHT_LANG: '', LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(cliLocale({ NETWRIGHT_LANG: '', LANG: 'C' })).toBe('en');
  });

  it.each(['fr', 'zh_CN', 'EN', 'chinese'])(
    'refuses NETWRIGHT_LANG=%s as a usage error naming it and en, zh',
    (value) => {
      let thrown: unknown;
      try {
        cliLocale({ NETWRIGHT_LANG: value, LANG: 'zh_CN.UTF-8' });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(UsageError);
      const message = (thrown as UsageError).message;
      expect(message).toContain('NETWRIGHT_LANG');
      expect(message).toContain(`'${value}'`);
      expect(message).toMatch(/\ben or zh\b/);
    },
  );
});

describe('say', () => {
  it('fills the values into the words of the chosen language', () => {
    const words = { en: { epoch: 'epoch {epoch}' }, zh: { epoch: '第 {epoch} 轮' } } as const;
    expect(say(words, 'en', 'epoch', { epoch: 3 })).toBe('epoch 3');
    expect(say(words, 'zh', 'epoch', { epoch: 3 })).toBe('第 3 轮');
  });
});
