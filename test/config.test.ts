import { describe, expect, it } from 'vitest';
import { ConfigError, knowledgeSources, parseConfig } from '../src/config.js';

describe('configuration', () => {
  it('runs on embedded defaults', () => {
    const c = parseConfig({});
    expect(c).toMatchObject({ PORT: 3978, HOST: '127.0.0.1', DATA_DIR: 'data', KNOWLEDGE_PATH: 'knowledge', MicrosoftAppId: '' });
    expect(knowledgeSources(c)).toEqual(['knowledge']);
  });

  it('reads several knowledge sources', () => {
    expect(knowledgeSources(parseConfig({ KNOWLEDGE_PATH: 'a.jsonl.gz, knowledge' }))).toEqual(['a.jsonl.gz', 'knowledge']);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ MicrosoftAppType: 'Nope' }, /MicrosoftAppType/],
    [{ HOTLINE: 'call us' }, /HOTLINE/],
    [{ HOST: '0.0.0.0' }, /HOST: without MicrosoftAppId/],
    [{ MicrosoftAppId: 'id' }, /MicrosoftAppPassword: required/],
    [{ MicrosoftAppId: 'id', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }, /MicrosoftAppTenantId/],
  ])('rejects %j with a readable message', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });

  it('listens beyond loopback anonymously only when told to', () => {
    expect(parseConfig({ HOST: '0.0.0.0', ALLOW_ANONYMOUS: 'true' }).ALLOW_ANONYMOUS).toBe(true);
    expect(parseConfig({ HOST: '0.0.0.0', MicrosoftAppId: 'id', MicrosoftAppPassword: 'secret' }).HOST).toBe('0.0.0.0');
  });
});
