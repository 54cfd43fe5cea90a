import { describe, expect, it } from 'vitest';
import { graphRoot } from './client.ts';

describe('graphRoot', () => {
  it('appends the API version to a bare base URL, with or without a trailing slash', () => {
    expect(graphRoot('https://graph.facebook.com', 'v21.0').href).toBe('https://graph.facebook.com/v21.0/');
    expect(graphRoot('http://127.0.0.1:4010/', 'v21.0').href).toBe('http://127.0.0.1:4010/v21.0/');
  });

  it('keeps a version the base URL already names instead of doubling it', () => {
    expect(graphRoot('http://127.0.0.1:4010/v21.0', 'v21.0').href).toBe('http://127.0.0.1:4010/v21.0/');
    expect(graphRoot('https://graph.facebook.com/v22.0/', 'v21.0').href).toBe('https://graph.facebook.com/v22.0/');
  });

  it('does not mistake a path that merely contains a v for a version', () => {
    expect(graphRoot('https://proxy.example/vitrine', 'v21.0').href).toBe('https://proxy.example/vitrine/v21.0/');
  });
});
